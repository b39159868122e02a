// `algreg index`: read inputs, normalise, merge assessments, write the index atomically,
// report. The function behind the subcommand; main() only parses arguments into IndexOptions.
#pragma once

#include "indexer/index_writer.h"
#include "indexer/problem.h"
#include "indexer/publication_history.h"
#include "indexer/source_record.h"

#include <iosfwd>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace algreg::indexer {

/// Exit codes of `algreg index` (also documented in --help and the README).
namespace exit_code {
inline constexpr int ok = 0;             ///< indexed; records may have been repaired
inline constexpr int rejected = 1;       ///< indexed, but some records were rejected
inline constexpr int bad_input = 2;      ///< a file is unreadable or malformed: nothing written
inline constexpr int index_busy = 3;     ///< another process is writing the index
inline constexpr int index_error = 4;    ///< the index cannot be opened or written
inline constexpr int older_snapshot = 5; ///< older than the newest revision: nothing written
inline constexpr int mass_removal = 6;   ///< would remove > 10 % of the entries: nothing written
inline constexpr int empty_snapshot = 7; ///< a full snapshot without records: nothing written
inline constexpr int sync_failed = 8; ///< sync: the source failed or is incomplete: nothing written
inline constexpr int sync_invalid = 9; ///< sync: a record is invalid or unknown: nothing written
inline constexpr int usage = 64;       ///< bad command line
} // namespace exit_code

struct IndexOptions {
    std::vector<std::string> inputs;
    std::string db_path = "data/index";
    std::vector<std::string> assessment_files;
    std::string abbreviations_path; ///< empty: no synonyms
    /// The ministry table (indexer/ministries.h); empty: ministries only from the organisation
    /// hierarchy of a sync (and a ministry is its own).
    std::string ministries_path;
    std::string rejects_path; ///< empty: <db_path>.rejects.jsonl
    InputFormat format = InputFormat::automatic;
    bool upsert = false;
    bool progress = false; ///< draw a progress bar (on a terminal)
    bool quiet = false;    ///< no per-problem lines, summary only
    /// --as-of: the snapshot's time for the history, UTC "YYYY-MM-DDTHH:MM:SSZ" (validated by
    /// parse_index_arguments); empty: the input's fetched_at, else the run's time.
    std::string as_of;
    bool allow_older = false; ///< record a snapshot older than the newest revision
    /// --allow-mass-removal: apply a snapshot that removes more than 10 % of the entries.
    bool allow_mass_removal = false;
    /// All or nothing (sync): a rejected record fails the run before anything is written
    /// (RejectedRecordsError) instead of being left out.
    bool refuse_rejected = false;
};

/// IndexOptions::refuse_rejected and some records were rejected: nothing was written.
class RejectedRecordsError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The input is a snapshot of a day before the index's newest history revision, and
/// --allow-older was not given. Thrown before anything is written (exit code 5).
class OlderSnapshotError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct IndexSummary {
    std::size_t read = 0;
    std::size_t repaired = 0;
    std::size_t rejected = 0;
    std::size_t header_rows = 0;
    std::size_t unmatched_assessments = 0; ///< external statements for lars not in the index set
    std::size_t bytes = 0;
    IndexChanges changes;
    std::vector<Problem> problems;
    std::string rejects_path;           ///< written when rejected > 0
    std::string snapshot;               ///< fetched_at of the (last) input, if any
    std::size_t revisions_recorded = 0; ///< history revisions this run recorded
    std::size_t snapshots_skipped = 0;  ///< history file lines already on record (replay)
    std::string revision_date;          ///< date of the newest revision recorded, if any
    /// Days of the publication history recorded as revisions before the snapshot (a sync into
    /// a fresh index, HistoryImport); 0 when none was imported.
    std::size_t history_days = 0;
};

/// The register's publication history, to be recorded as dated revisions before the snapshot
/// when the index has no history and no entries yet (docs/sync.md).
struct HistoryImport {
    std::string input; ///< the URL it came from: the revisions' input
    std::vector<PublicationDay> days;
};

/// Runs the whole indexing job, logging problems and progress to `log`. Throws
/// search::InputError (exit 2), search::IndexBusyError (3), search::IndexUnavailableError or
/// Xapian::Error (4), OlderSnapshotError (5), MassRemovalError (6), EmptySnapshotError (7),
/// std::invalid_argument for options that do not fit
/// the inputs (64); the index is unchanged in every one of those cases.
/// A history file given as the only input (without --upsert) is replayed one line at a time:
/// each line is its own snapshot and revision, committed on its own; lines whose fetched_at is
/// not newer than the newest revision are skipped (docs/history.md).
IndexSummary run_index(const IndexOptions& options, std::ostream& log);

/// As run_index, for sources already read (`algreg sync` reads them from the network):
/// the same normalisation, guards, writer and history. `inputs` names them in the revision;
/// options.inputs and options.format are not used; `metadata` is written in the same
/// transaction. Also throws RejectedRecordsError with options.refuse_rejected, and
/// MassRemovalError / EmptySnapshotError (as run_index).
/// With `history` days, and an index without revisions and entries, each day is recorded as
/// one upsert revision dated by its timestamp, oldest first, and then the sources as the
/// snapshot, all in one commit (IndexWriter::apply_steps); each entry's newest history row is
/// taken from the snapshot (take_newest_from_snapshot). Otherwise `history` is not used.
IndexSummary index_sources(std::vector<SourceFile> sources, const std::vector<std::string>& inputs,
                           const IndexOptions& options,
                           const std::map<std::string, std::string>& metadata, std::ostream& log,
                           HistoryImport history = {});

/// The one-line summary: "read 1530, added 1530, changed 0, unchanged 0, removed 0, rejected 0".
[[nodiscard]] std::string format_summary(const IndexSummary& summary);

/// Parses `algreg index` arguments over `defaults`; throws std::invalid_argument with a usage
/// message.
[[nodiscard]] IndexOptions parse_index_arguments(const std::vector<std::string>& args,
                                                 IndexOptions defaults = {});

/// The --help text of `algreg index`.
[[nodiscard]] std::string index_help();

} // namespace algreg::indexer
