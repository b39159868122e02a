// IndexWriter: the only WritableDatabase. Applies a set of normalised records to the index as
// one atomic transaction: readers see the old revision or the new one, never a mix.
#pragma once

#include "search/record.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace algreg::indexer {

enum class UpdateMode {
    snapshot, ///< the records are the whole register: ids not among them are removed
    upsert,   ///< only add and change; nothing is removed
};

/// What the history (search/history.h, docs/history.md) records about one apply().
struct RevisionStamp {
    std::string timestamp; ///< UTC "YYYY-MM-DDTHH:MM:SSZ": the snapshot's time or the run's
    /// true: `timestamp` is the snapshot's own (fetched_at or --as-of), so a newer one is on
    /// record even without changes. false: the run's time, recorded only with content changes.
    bool snapshot_time = true;
    std::vector<std::string> inputs; ///< file names without directories
    /// --allow-older: a snapshot time older than the newest revision's is on record too.
    bool older_allowed = false;
    /// --allow-mass-removal: a snapshot may remove more than mass_removal_percent of the
    /// entries (see IndexWriter::apply).
    bool mass_removal_allowed = false;
};

/// A snapshot that would remove more than this share (percent) of the index's entries is
/// refused unless RevisionStamp::mass_removal_allowed: a register does not lose a tenth of
/// itself overnight; a broken export or a failed download does.
inline constexpr std::size_t mass_removal_percent = 10;

/// A full snapshot would remove more than mass_removal_percent of the entries. Thrown by
/// IndexWriter::apply before anything is written.
class MassRemovalError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A full snapshot holds no records at all (an empty or unreadable input, every record
/// rejected): applying it would empty the index. Thrown before anything is written.
class EmptySnapshotError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct IndexChanges {
    std::vector<std::string> added;
    std::vector<std::string> changed; ///< content changed (search::diff_records not empty)
    std::vector<std::string> removed;
    /// Stored data differ only in fields that are not content (docs/history.md): rewritten,
    /// but not a change in the history.
    std::vector<std::string> rewritten;
    std::size_t unchanged = 0;
    bool committed = false;   ///< false when nothing changed (no new index revision)
    Xapian::rev revision = 0; ///< the index revision after the run
    std::size_t document_count = 0;
    /// The sequence of the (newest) history Revision this run recorded; 0 when it recorded none.
    std::uint32_t history_revision = 0;
    /// How many history Revisions this run recorded (apply_steps records one per step).
    std::size_t revisions_recorded = 0;
    std::string history_date; ///< YYYY-MM-DD of revision history_revision, "" when none
};

/// One revision of IndexWriter::apply_steps: records with their mode and stamp, as apply().
struct RevisionStep {
    std::vector<search::AlgorithmRecord> records; ///< ids unique within the step
    UpdateMode mode = UpdateMode::snapshot;
    RevisionStamp stamp;
    /// By id, for records given in another form than the version before them (the snapshot's
    /// full record standing in for a CSV row, docs/sync.md): the same version in the previous
    /// one's form. Only the fields in which it differs from the previous version are changes,
    /// so a difference of form alone is none.
    std::map<std::string, search::AlgorithmRecord> same_form;
};

/// Progress: (records done, records total).
using ProgressFn = std::function<void(std::size_t, std::size_t)>;

class IndexWriter {
  public:
    /// Opens the database at `path`, creating it if needed. Throws search::IndexBusyError when
    /// another process is writing it, search::IndexUnavailableError when it cannot be opened.
    explicit IndexWriter(const std::string& path);

    /// Applies `records` (ids unique) in one transaction together with the synonym pairs and
    /// metadata. Unchanged records (same serialised data) are not rewritten; when nothing at all
    /// changes, no transaction is committed and the revision stays the same. On any error the
    /// transaction is cancelled and the index is left as it was.
    /// With a `stamp`, a history Revision is recorded in the same transaction when content
    /// changed (entries added, removed, or changed by search::diff_records) or when
    /// stamp->snapshot_time and its timestamp is newer than the newest revision's (or just
    /// different, with stamp->older_allowed). Without
    /// one, no history is written (as-of indexes).
    /// The guards of a register update (with a `stamp`, mode snapshot), checked before anything
    /// is written: no records at all -> EmptySnapshotError; more than mass_removal_percent of
    /// the existing entries removed -> MassRemovalError unless stamp->mass_removal_allowed.
    /// Upserts remove nothing and are not guarded.
    IndexChanges apply(const std::vector<search::AlgorithmRecord>& records, UpdateMode mode,
                       const std::vector<std::pair<std::string, std::string>>& synonyms,
                       const std::map<std::string, std::string>& metadata,
                       const ProgressFn& progress = {},
                       const std::optional<RevisionStamp>& stamp = std::nullopt);

    /// Applies `steps` in order as ONE transaction (a sync that imports the register's
    /// publication history: several dated revisions and the current snapshot). Each step is
    /// judged against the register the steps before it left, exactly as apply() judges its
    /// records against the index, and recorded as its own history Revision under the same rule,
    /// oldest step first; the documents written are the register after the last step. The
    /// guards hold for every snapshot step, counting removals of entries the index held before
    /// this call (an entry added by an earlier step and removed by a later one was never in the
    /// index). Any error, a guard included, leaves the index as it was: no revision without the
    /// others. The IndexChanges compare the index before and after, as apply()'s do;
    /// history_revision is the newest revision recorded. `steps` must not be empty.
    IndexChanges apply_steps(const std::vector<RevisionStep>& steps,
                             const std::vector<std::pair<std::string, std::string>>& synonyms,
                             const std::map<std::string, std::string>& metadata,
                             const ProgressFn& progress = {});

    /// The timestamp of the newest history revision in the index, "" when it has none. Throws
    /// search::IndexUnavailableError when the history is damaged.
    [[nodiscard]] std::string last_revision_timestamp();

  private:
    /// Opens db_ at path_ (the constructor's errors).
    void open();

    /// One step of apply_all: records (ids unique) with their mode and, for the history, stamp.
    struct StepRef {
        const std::vector<search::AlgorithmRecord>* records;
        UpdateMode mode;
        const RevisionStamp* stamp; ///< nullptr: no history (every step alike)
        const std::map<std::string, search::AlgorithmRecord>* same_form; ///< or nullptr
    };
    /// apply() and apply_steps(): one transaction for all steps.
    IndexChanges apply_all(const std::vector<StepRef>& steps,
                           const std::vector<std::pair<std::string, std::string>>& synonyms,
                           const std::map<std::string, std::string>& metadata,
                           const ProgressFn& progress);

    std::string path_;
    Xapian::WritableDatabase db_;
    bool reopen_ = false; ///< db_ was closed after a parallel build and must be opened again
};

/// Serialises a record as stored in the index (compact JSON, keys sorted): the comparison
/// that decides "changed".
[[nodiscard]] std::string serialise(const search::AlgorithmRecord& record);

} // namespace algreg::indexer
