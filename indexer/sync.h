// `algreg sync`: fetch the whole current register from its public API and record it as one
// revision, through the same normalisation, guards, writer and history as `algreg index`.
// All or nothing: anything less than a complete, valid snapshot writes nothing (docs/sync.md).
#pragma once

#include "indexer/http_fetch.h"
#include "indexer/run_index.h"
#include "indexer/sync_source.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace algreg::indexer {

/// The publication history download (official-api.md §8.1), imported into a fresh index.
inline constexpr std::string_view publication_history_path =
    "/api/downloads/history/NLD?filetype=csv";

/// The official register.
inline constexpr std::string_view default_sync_source = "https://algoritmes.overheid.nl";

struct SyncOptions {
    std::string from = std::string(default_sync_source);
    std::string db_path = "data/index";
    unsigned concurrency = 4;
    bool allow_mass_removal = false;
    std::string cache_dir;          ///< empty: <db_path>.sync-cache
    std::string abbreviations_path; ///< synonyms, as `algreg index` (empty: none)
    std::string ministries_path;    ///< ministry table, as `algreg index` (empty: none)
    std::vector<std::string> assessment_files;
    bool quiet = false;
    bool progress = false; ///< draw progress (on a terminal)
    // Not on the command line: tests and the bench.
    bool site_data = true;
    bool hierarchy = true;
    bool publication_history = true; ///< import it into a fresh index (docs/sync.md)
    FetchPolicy policy;
    FetchHooks hooks; ///< hooks.stop: abandon the sync (indexer/follower.h)
};

struct SyncSummary {
    std::string method; ///< "site-data" or "per-entry"
    std::string source; ///< the URL the records came from
    std::string fallback_reason;
    std::size_t listed = 0;
    std::size_t from_cache = 0;
    std::size_t requests = 0;
    std::size_t retries = 0;
    std::size_t bytes = 0;
    double seconds = 0; ///< fetching and indexing
    std::size_t organisations = 0;
    std::size_t hierarchy_failures = 0;
    /// The publication history: versions read and days recorded (index.history_days), or why
    /// it was not imported ("" when it was, or when the index already had a history).
    std::size_t history_versions = 0;
    std::string history_note;
    IndexSummary index;
};

/// Fetches, validates and indexes. Throws SyncSourceError or FetchError (exit 8),
/// SyncInvalidError or RejectedRecordsError (9), MassRemovalError (6), EmptySnapshotError (7),
/// search::IndexBusyError (3), search::IndexUnavailableError or Xapian::Error (4),
/// std::invalid_argument (64); FetchCancelled when options.hooks.stop is requested before
/// the write begins (`serve --follow` stopping). The index is unchanged in every one of those
/// cases.
SyncSummary run_sync(const SyncOptions& options, std::ostream& log);

/// "sync: site-data from URL, 1530 entries, 1 request, 0 retries, 4.1 MB in 0.9 s; read 1530, …".
[[nodiscard]] std::string format_sync_summary(const SyncSummary& summary);

/// Parses `algreg sync` arguments over `defaults`; throws std::invalid_argument.
[[nodiscard]] SyncOptions parse_sync_arguments(const std::vector<std::string>& args,
                                               SyncOptions defaults = {});

/// The --help text of `algreg sync`.
[[nodiscard]] std::string sync_help();

/// The whole command: arguments in, summary to `out`, messages to `err`, exit code out
/// (sync_help() lists them).
int sync_command(const std::vector<std::string>& args, const SyncOptions& defaults,
                 std::ostream& out, std::ostream& err);

} // namespace algreg::indexer
