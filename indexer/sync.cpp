#include "indexer/sync.h"

#include "indexer/index_writer.h"
#include "indexer/publication_history.h"
#include "indexer/timestamp.h"
#include "search/errors.h"
#include "search/history.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <xapian.h>

namespace algreg::indexer {

using nlohmann::json;

namespace {

std::string megabytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return text;
}

/// The organisations metadata: this sync's hierarchy, and for organisations whose relation
/// could not be fetched this time what the index had (the hierarchy is secondary: a failing
/// endpoint must neither fail the sync nor erase what is known).
std::string organisations_metadata(const std::map<std::string, OrganisationNode>& fetched,
                                   const std::string& db_path) {
    json stored = json::object();
    try {
        const Xapian::Database db(db_path);
        stored = json::parse(db.get_metadata(std::string(metadata_organisations)), nullptr, false);
        if (!stored.is_object()) {
            stored = json::object();
        }
    } catch (const Xapian::Error&) {
        // no index yet
    }
    json out = json::object();
    for (const auto& [id, node] : fetched) {
        json entry = {{"name", node.name}, {"code", node.code}, {"type", node.type}};
        if (node.fetched) {
            entry["hierarchy_path"] = node.hierarchy_path;
            json levels = json::array();
            for (const auto& [org_id, name] : node.hierarchy) {
                levels.push_back({{"org_id", org_id}, {"name", name}});
            }
            entry["hierarchy"] = std::move(levels);
        } else if (const auto old = stored.find(id);
                   old != stored.end() && old->is_object() && old->contains("hierarchy")) {
            entry["hierarchy_path"] = (*old)["hierarchy_path"];
            entry["hierarchy"] = (*old)["hierarchy"];
        } else {
            entry["hierarchy_path"] = nullptr;
            entry["hierarchy"] = nullptr;
        }
        out[id] = std::move(entry);
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// True when the index at `path` does not exist yet, or holds neither entries nor revisions:
/// then the publication history is imported before the snapshot.
bool fresh_index(const std::string& path) {
    try {
        const Xapian::Database db(path);
        return db.get_doccount() == 0 &&
               db.get_metadata(std::string(search::metadata_last_revision)).empty();
    } catch (const Xapian::DatabaseNotFoundError&) {
        return true;
    } catch (const Xapian::Error&) {
        return false; // the writer reports what is wrong with it
    }
}

/// The publication history of `options.from`, read into days up to `until`; when it cannot be
/// used (a missing endpoint, a failed request, an unreadable file) no days, and why in
/// summary.history_note: it is secondary, like the hierarchy, and never fails the sync (but a
/// stop does). Requests are tried twice.
HistoryImport fetch_publication_history(const SyncOptions& options,
                                        const std::shared_ptr<FetchStats>& stats,
                                        const std::string& until, SyncSummary& summary) {
    FetchPolicy policy = options.policy;
    policy.max_attempts = std::min(policy.max_attempts, 2);
    HttpFetcher fetcher(options.from, policy, options.hooks, stats);
    const std::string path(publication_history_path);
    HistoryImport out;
    out.input = fetcher.url(path);
    try {
        const FetchResponse response = fetcher.get(path);
        if (response.status == 404) {
            summary.history_note = out.input + ": 404 (the source offers no history)";
            return out;
        }
        PublicationHistory read = read_publication_history(response.body, out.input, until);
        summary.history_versions = read.versions - read.later;
        out.days = std::move(read.days);
        if (out.days.empty()) {
            summary.history_note = out.input + ": no versions published before the sync";
        }
    } catch (const FetchCancelled&) {
        throw;
    } catch (const FetchError& e) {
        summary.history_note = e.what();
    } catch (const PublicationHistoryError& e) {
        summary.history_note = e.what();
    }
    return out;
}

/// "\rsync: 780/1530 entries (12 from the cache), 3.4 MB, 0.9 MB/s, 2 retries", at most every
/// 100 ms, from whichever fetching thread gets there.
class SyncProgressLine {
  public:
    SyncProgressLine(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
    ~SyncProgressLine() { finish(); }
    SyncProgressLine(const SyncProgressLine&) = delete;
    SyncProgressLine& operator=(const SyncProgressLine&) = delete;

    void update(const SyncProgress& p) {
        if (!enabled_) {
            return;
        }
        const std::lock_guard lock(mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (p.done < p.total && now - last_ < std::chrono::milliseconds(100)) {
            return;
        }
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        char rate[32];
        std::snprintf(rate, sizeof rate, "%.1f MB/s",
                      seconds > 0 ? static_cast<double>(p.bytes) / 1e6 / seconds : 0.0);
        out_ << "\rsync: " << p.done << '/' << p.total << " entries (" << p.cached
             << " from the cache), " << megabytes(p.bytes) << ", " << rate << ", " << p.retries
             << " retries   " << std::flush;
        drawn_ = true;
    }
    void finish() {
        const std::lock_guard lock(mutex_);
        if (drawn_) {
            out_ << '\n' << std::flush;
            drawn_ = false;
        }
    }

  private:
    std::ostream& out_;
    bool enabled_;
    bool drawn_ = false;
    std::mutex mutex_;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

} // namespace

SyncSummary run_sync(const SyncOptions& options, std::ostream& log) {
    const auto start = std::chrono::steady_clock::now();
    SyncSummary summary;
    SyncSourceOptions source;
    source.base_url = options.from;
    source.concurrency = options.concurrency;
    source.cache_dir =
        options.cache_dir.empty() ? options.db_path + ".sync-cache" : options.cache_dir;
    source.site_data = options.site_data;
    source.hierarchy = options.hierarchy;
    source.policy = options.policy;
    source.hooks = options.hooks;
    SyncProgressLine line(log, options.progress && !options.quiet);
    source.progress = [&](const SyncProgress& p) { line.update(p); };

    std::ostream discard(nullptr); // --quiet: notes go nowhere
    const auto stopped = [&] {
        if (options.hooks.stop.stop_requested()) {
            throw FetchCancelled(options.from); // before anything is written
        }
    };
    FetchedSnapshot snapshot;
    try {
        snapshot = fetch_snapshot(source, options.quiet ? discard : log);
    } catch (const std::exception&) {
        stopped(); // a request cut off by the stop failed the fetch: say why
        throw;
    }
    stopped(); // the hierarchy's requests fail quietly when cut off
    line.finish();
    summary.method = snapshot.method;
    summary.source = snapshot.input_name;
    summary.fallback_reason = snapshot.fallback_reason;
    summary.listed = snapshot.listed;
    summary.from_cache = snapshot.from_cache;
    summary.organisations = snapshot.organisations.size();
    summary.hierarchy_failures = snapshot.hierarchy_failures;

    IndexOptions index;
    index.db_path = options.db_path;
    index.assessment_files = options.assessment_files;
    index.abbreviations_path = options.abbreviations_path;
    index.ministries_path = options.ministries_path;
    index.quiet = options.quiet;
    index.progress = options.progress && !options.quiet;
    index.allow_mass_removal = options.allow_mass_removal;
    index.refuse_rejected = true;
    // Dated with the time of the sync (the run's time, as for any input without fetched_at),
    // and recorded only when the content changed: a sync that finds nothing new writes no
    // revision. The newest create_dt would date a snapshot by its last publication, which
    // does not move when nothing is published and says nothing about removals.
    std::map<std::string, std::string> metadata;
    if (!snapshot.organisations.empty()) {
        metadata[std::string(metadata_organisations)] =
            organisations_metadata(snapshot.organisations, options.db_path);
    }
    // A fresh index starts with the register's own publication history (docs/sync.md).
    HistoryImport history;
    if (options.publication_history && fresh_index(options.db_path)) {
        history =
            fetch_publication_history(options, snapshot.stats, current_utc_timestamp(), summary);
        stopped();
        if (!summary.history_note.empty() && !options.quiet) {
            log << "sync: publication history not imported: " << summary.history_note << '\n';
        }
    }
    std::vector<SourceFile> files;
    files.push_back(std::move(snapshot.file));
    summary.index =
        index_sources(std::move(files), {summary.source}, index, metadata, log, std::move(history));
    summary.requests = snapshot.stats->requests;
    summary.retries = snapshot.stats->retries;
    summary.bytes = snapshot.stats->bytes;
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

std::string format_sync_summary(const SyncSummary& s) {
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", s.seconds);
    std::string out =
        "sync: " + s.method + " from " + s.source + ", " + std::to_string(s.listed) + " entries";
    if (s.from_cache > 0) {
        out += " (" + std::to_string(s.from_cache) + " from the cache)";
    }
    out += ", " + std::to_string(s.requests) + (s.requests == 1 ? " request, " : " requests, ") +
           std::to_string(s.retries) + " retries, " + megabytes(s.bytes) + " in " + seconds;
    if (s.organisations > 0) {
        out += ", hierarchy of " + std::to_string(s.organisations - s.hierarchy_failures) + "/" +
               std::to_string(s.organisations) + " organisations";
    }
    if (s.index.history_days > 0) {
        out += ", publication history of " + std::to_string(s.history_versions) + " versions on " +
               std::to_string(s.index.history_days) + " days";
    } else if (!s.history_note.empty()) {
        out += ", publication history not imported (" + s.history_note + ")";
    }
    return out + "; " + format_summary(s.index);
}

std::string sync_help() {
    return R"(Usage: algreg sync [options]

Fetches the whole current register from its public API and records it in the index as one
revision, with the same rules, history and atomic commit as `algreg index`.

  1. GET /api/downloads/site-data/json: every published version in one download (the NLD
     ones are kept);
  2. when that fails or is absent: POST /api/algoritme/NLD page by page until total_count,
     then GET /api/algoritme/NLD/{lars} for every entry (bounded concurrency);
  3. GET /api/organisation-relation/{org_id} for every organisation (the hierarchy: which
     ministry an agency falls under). Failures here do not fail the sync.
  4. into a fresh index only: GET /api/downloads/history/NLD?filetype=csv, the publication
     history, recorded as one revision per day of publication before the snapshot, so that
     each entry's history starts when it was first published. A source without it, or an
     unreadable file, is noted and the sync goes on without it.

All or nothing: a revision is written only when the whole snapshot was fetched and every
record is valid; anything less writes nothing and exits non-zero, naming what failed.
Fetched entry records are kept in the cache folder, so a re-run fetches only what it lacks.

Options:
  --from URL              the register (default: https://algoritmes.overheid.nl); another
                          algreg serves the same endpoints
  --db DIR                index directory (default: data/index)
  --concurrency N         parallel requests, 1-32 (default: 4)
  --allow-mass-removal    apply a snapshot that removes more than 10 % of the entries
  --cache DIR             per-entry record cache (default: DIR.sync-cache beside the index)
  --assessments CSV       DPIA/IAMA statements from outside the register, as `algreg index`
                          (repeatable)
  --quiet                 no progress and no notes; errors and the summary only
  --help                  this text

Exit codes:
  0  synced (or nothing changed: no revision written)
  2  an --assessments file is unreadable or malformed: nothing was written
  3  another process is writing the index: nothing was written
  4  the index cannot be opened or written: nothing was written
  6  the snapshot would remove more than 10 % of the entries (see
     --allow-mass-removal): nothing was written
  7  the source's snapshot holds no entries: nothing was written
  8  the source failed or its snapshot is incomplete (unreachable, HTTP errors after
     retries, a missing page or entry): nothing was written; run again later
  9  a record of the snapshot is invalid (no lars, a lars twice, a standard this algreg
     does not know, a record the indexer rejects): nothing was written
  64 bad command line
)";
}

SyncOptions parse_sync_arguments(const std::vector<std::string>& args, SyncOptions defaults) {
    SyncOptions options = std::move(defaults);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(arg + " needs a value");
            }
            return args[++i];
        };
        if (arg == "--from") {
            options.from = value();
            if (!options.from.starts_with("http://") && !options.from.starts_with("https://")) {
                throw std::invalid_argument("--from '" + options.from +
                                            "' is not an http:// or https:// URL");
            }
        } else if (arg == "--db") {
            options.db_path = value();
        } else if (arg == "--concurrency") {
            const std::string& given = value();
            std::size_t used = 0;
            int n = 0;
            try {
                n = std::stoi(given, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used != given.size() || n < 1 || n > 32) {
                throw std::invalid_argument("--concurrency '" + given +
                                            "' is not a number from 1 to 32");
            }
            options.concurrency = static_cast<unsigned>(n);
        } else if (arg == "--allow-mass-removal") {
            options.allow_mass_removal = true;
        } else if (arg == "--cache") {
            options.cache_dir = value();
        } else if (arg == "--assessments") {
            options.assessment_files.push_back(value());
        } else if (arg == "--quiet") {
            options.quiet = true;
        } else {
            throw std::invalid_argument(arg.starts_with("-") ? "unknown option " + arg
                                                             : "unexpected argument '" + arg +
                                                                   "' (sync takes no inputs)");
        }
    }
    return options;
}

int sync_command(const std::vector<std::string>& args, const SyncOptions& defaults,
                 std::ostream& out, std::ostream& err) {
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            out << sync_help();
            return exit_code::ok;
        }
    }
    SyncOptions options;
    try {
        options = parse_sync_arguments(args, defaults);
    } catch (const std::invalid_argument& e) {
        err << "algreg sync: " << e.what() << "\nRun `algreg sync --help` for usage.\n";
        return exit_code::usage;
    }
    auto fail = [&](int code, const std::string& message) {
        err << "algreg sync: " << message << '\n';
        return code;
    };
    try {
        const SyncSummary summary = run_sync(options, err);
        out << format_sync_summary(summary) << '\n';
        for (const auto& id : summary.index.changes.removed) {
            out << "removed " << id << '\n';
        }
        return exit_code::ok;
    } catch (const FetchError& e) {
        return fail(exit_code::sync_failed,
                    std::string(e.what()) + "; nothing was written; run again later");
    } catch (const SyncSourceError& e) {
        return fail(exit_code::sync_failed, std::string(e.what()) + "; nothing was written");
    } catch (const SyncInvalidError& e) {
        return fail(exit_code::sync_invalid, e.what());
    } catch (const RejectedRecordsError& e) {
        return fail(exit_code::sync_invalid, e.what());
    } catch (const MassRemovalError& e) {
        return fail(exit_code::mass_removal, e.what());
    } catch (const EmptySnapshotError& e) {
        return fail(exit_code::empty_snapshot, e.what());
    } catch (const search::IndexBusyError& e) {
        return fail(exit_code::index_busy, e.what());
    } catch (const search::IndexUnavailableError& e) {
        return fail(exit_code::index_error, e.what());
    } catch (const search::InputError& e) { // an --assessments file
        return fail(exit_code::bad_input, e.what());
    } catch (const std::invalid_argument& e) {
        return fail(exit_code::usage, e.what());
    } catch (const Xapian::Error& e) {
        return fail(exit_code::index_error,
                    "the index could not be written (" + e.get_description() + ")");
    }
}

} // namespace algreg::indexer
