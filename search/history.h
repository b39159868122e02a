// The history of the register as the index records it: one Revision per indexed snapshot (what
// was added, removed and changed, field by field). The indexer writes each Revision as index
// metadata in the same transaction as the documents, so history and search never disagree and
// both survive restarts; the search side reads the whole log (HistoryLog) once per index
// revision and answers entry histories, change lists and "the register as it was on DATE".
//
// Storage (Xapian metadata of the search index, JSON values):
//   metadata_last_revision       -> decimal sequence of the newest Revision ("" or absent: none)
//   revision_metadata_key(n)     -> Revision n as JSON (to_json below)
#pragma once

#include "search/record.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// One field of one entry that changed: the JSON key of AlgorithmRecord (to_json) and its old
/// and new JSON value (null when absent/empty).
struct FieldChange {
    std::string field;
    nlohmann::json before;
    nlohmann::json after;
    bool operator==(const FieldChange&) const = default;
};

enum class ChangeKind { added, changed, removed };
/// "toegevoegd", "gewijzigd", "verwijderd": the value in JSON and URLs.
[[nodiscard]] std::string_view to_string(ChangeKind kind);
/// The inverse of to_string; nullopt for anything else.
[[nodiscard]] std::optional<ChangeKind> parse_change_kind(std::string_view text);

/// A content change of one entry in one revision.
struct EntryChange {
    std::string id;
    std::vector<FieldChange> fields; ///< never empty
    bool operator==(const EntryChange&) const = default;
};

/// One indexed full snapshot (or --upsert run).
struct Revision {
    std::uint32_t sequence = 0; ///< 1, 2, 3, ... in the order the runs were indexed
    std::string date;           ///< YYYY-MM-DD: the day of `timestamp`
    std::string timestamp;      ///< ISO 8601: the snapshot's fetched_at, --as-of, or the run's time
    std::vector<std::string> inputs;      ///< file names (without directories) that were indexed
    std::size_t entries = 0;              ///< entries in the register after this revision
    std::vector<std::string> added;       ///< ids, sorted
    std::vector<EntryChange> changed;     ///< sorted by id
    std::vector<AlgorithmRecord> removed; ///< the last record of each removed entry, by id
    bool operator==(const Revision&) const = default;
};

void to_json(nlohmann::json& j, const FieldChange& c);
void from_json(const nlohmann::json& j, FieldChange& c);
void to_json(nlohmann::json& j, const EntryChange& c);
void from_json(const nlohmann::json& j, EntryChange& c);
void to_json(nlohmann::json& j, const Revision& r);
void from_json(const nlohmann::json& j, Revision& r);

inline constexpr std::string_view metadata_last_revision = "algreg:revision:last";
/// Only in an as-of index (as_of.h): the date it shows, and JSON {id: removal date} of its
/// entries that are not in the register now.
inline constexpr std::string_view metadata_as_of_date = "algreg:as-of:date";
inline constexpr std::string_view metadata_as_of_removed = "algreg:as-of:removed";
/// "algreg:revision:000042".
[[nodiscard]] std::string revision_metadata_key(std::uint32_t sequence);

/// The fields that differ in content between two versions of an entry, in the order of the
/// record's JSON keys. Content is every key of to_json(AlgorithmRecord) except those that say
/// where or how the record was read rather than what the register says: `added`,
/// `register_url`, `source_format`, `listing_only`, `original` (docs/history.md). An empty
/// result means "not changed" for the history, even when the stored data differ.
[[nodiscard]] std::vector<FieldChange> diff_records(const AlgorithmRecord& before,
                                                    const AlgorithmRecord& after);

/// One event in the life of one entry, as entry histories and change lists show it.
struct EntryEvent {
    std::uint32_t sequence = 0;
    std::string date; ///< YYYY-MM-DD of the revision
    ChangeKind kind = ChangeKind::changed;
    std::string id;
    std::vector<FieldChange> fields; ///< changed only
    bool operator==(const EntryEvent&) const = default;
};
void to_json(nlohmann::json& j, const EntryEvent& e);

/// True for the first load of an empty index: the first revision, in which every entry of the
/// register was added and nothing changed or was removed. It is the baseline algreg started
/// from, not news: its additions are not changes (not in change lists, feeds or change
/// counts), and its date is when algreg first saw the entries, not when they were published
/// (docs/history.md).
[[nodiscard]] bool is_baseline(const Revision& r);

/// Per-revision summary: what a list of revisions shows.
struct RevisionSummary {
    std::uint32_t sequence = 0;
    std::string date;
    std::string timestamp;
    std::size_t entries = 0;
    std::size_t added = 0; ///< 0 for the baseline (its entries are in `entries`)
    std::size_t changed = 0;
    std::size_t removed = 0;
    bool baseline = false; ///< is_baseline(): the first load, "eerste inlezing: N algoritmes"
    bool operator==(const RevisionSummary&) const = default;
};
void to_json(nlohmann::json& j, const RevisionSummary& s);

/// Every Revision of one index revision, read once, immutable afterwards (shareable between
/// threads like RevisionData).
class HistoryLog {
  public:
    HistoryLog() = default;
    /// Reads every revision from `db`'s metadata. An index without history gives an empty log.
    /// A revision that cannot be parsed throws IndexUnavailableError naming its key.
    [[nodiscard]] static HistoryLog load(const Xapian::Database& db);

    [[nodiscard]] bool empty() const { return revisions_.empty(); }
    /// Oldest first.
    [[nodiscard]] const std::vector<Revision>& revisions() const { return revisions_; }
    [[nodiscard]] std::vector<RevisionSummary> summaries() const;
    /// The newest revision's date, "" when empty.
    [[nodiscard]] std::string last_date() const;
    /// The oldest revision's date (where the history begins), "" when empty.
    [[nodiscard]] std::string first_date() const;

    /// Every event of entry `id`, oldest first (empty when the id never occurs). The baseline's
    /// addition is included: an entry's own history starts where algreg first saw it.
    [[nodiscard]] std::vector<EntryEvent> entry_events(std::string_view id) const;

    /// Every event with since <= date <= until (both YYYY-MM-DD, "" = open), newest revision
    /// first, within a revision: removed, changed, added, each by id. The baseline's additions
    /// are not events of the register (is_baseline).
    [[nodiscard]] std::vector<EntryEvent> events(std::string_view since,
                                                 std::string_view until) const;

    /// Every id that occurs in the history, sorted (byte order).
    [[nodiscard]] std::vector<std::string> ids() const;

    /// One version of an entry: the record as it was after an `added` or `changed` event.
    struct Version {
        EntryEvent event;
        AlgorithmRecord record;
    };
    /// Every version of entry `id`, newest first, reconstructed backwards from `current` (the
    /// record in the register now, or nullptr when it is not: then from its record at removal)
    /// by undoing each change's fields. An entry in the register without events (indexed before
    /// history existed) gives no versions.
    [[nodiscard]] std::vector<Version> versions(std::string_view id,
                                                const AlgorithmRecord* current) const;

    /// The last known record of an entry that is not in the register now (its removal), or
    /// nullptr.
    [[nodiscard]] const AlgorithmRecord* removed_record(std::string_view id) const;

    /// The register as it was at the end of day `date` (YYYY-MM-DD): `current` is the
    /// register now (every record in the index); revisions after `date` are undone (added
    /// entries dropped, removed ones restored, changed fields set back). `removed_since` (if
    /// given) receives id -> date of removal for each returned entry that is not in `current`.
    /// Dates before the first revision give an empty register.
    [[nodiscard]] std::vector<AlgorithmRecord>
    records_as_of(std::vector<AlgorithmRecord> current, std::string_view date,
                  std::map<std::string, std::string>* removed_since = nullptr) const;

  private:
    std::vector<Revision> revisions_;
    /// id -> (revision index, kind) of its events, oldest first.
    std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, ChangeKind>>> by_id_;
};

} // namespace algreg::search
