// The register's publication history (GET /api/downloads/history/NLD?filetype=csv,
// official-api.md §8.1: one row per published version, with its publication_dt) read as dated
// revisions, so that a sync into a fresh index starts each entry's history when it was first
// published instead of on the day algreg first saw it (docs/sync.md).
#pragma once

#include "search/record.h"

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

/// One day of the publication history: every entry published that day, in its newest version
/// of the day. Applied as an upsert: the file says what was published, never what was removed.
struct PublicationDay {
    std::string timestamp; ///< UTC "YYYY-MM-DDTHH:MM:SSZ": the day's last publication_dt
    std::vector<search::AlgorithmRecord> records; ///< normalised; ids unique, sorted
    /// By id: the CSV row a snapshot record replaced (take_newest_from_snapshot), for
    /// RevisionStep::same_form.
    std::map<std::string, search::AlgorithmRecord> same_form;
};

/// The history file cannot be used (not CSV, a row without algorithm_id or a readable
/// publication_dt, a row the normaliser rejects). The message names the file and the row. A
/// sync notes it and goes on without the history: the history is secondary.
class PublicationHistoryError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct PublicationHistory {
    std::vector<PublicationDay> days; ///< oldest first
    std::size_t versions = 0;         ///< rows read
    std::size_t later = 0;            ///< rows published after `until`: left out
};

/// Reads the history CSV `text` (`name` in messages): the rows grouped by the UTC date of
/// their publication_dt, oldest day first; per day and entry the row with the latest
/// publication_dt. Rows published after `until` (a UTC timestamp: the sync's own time) are
/// left out, so that every revision precedes the snapshot's. Throws PublicationHistoryError.
[[nodiscard]] PublicationHistory
read_publication_history(std::string_view text, const std::string& name, const std::string& until);

/// The CSV download stringifies values (lists joined, references as "1: title, link", tags
/// and line breaks removed), so an entry's newest history row and the same version in the
/// snapshot differ in form. Each entry's newest row is therefore replaced by the snapshot's
/// record of that entry, when the snapshot's version is not newer than the row (its create_dt
/// date, `changed`, not after the row's publication date): the history then ends in exactly
/// the snapshot's records and the snapshot's own revision shows only real changes. A snapshot
/// version newer than the row (a history that lags) leaves the row, and the snapshot records
/// the change. The replaced row is kept in its day's `same_form`, so that the revision of that
/// day lists only the fields that differ between CSV versions, not those that differ in form.
/// Returns how many rows were replaced.
std::size_t take_newest_from_snapshot(std::vector<PublicationDay>& days,
                                      const std::vector<search::AlgorithmRecord>& snapshot);

} // namespace algreg::indexer
