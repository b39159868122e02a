#include "indexer/follower.h"

#include "search/errors.h"

#include <condition_variable>
#include <mutex>
#include <sstream>
#include <xapian.h>

namespace algreg::indexer {

namespace {

/// Why a sync failed, in one line: the exception's own text (they name URL, status and lars).
std::string failure_reason(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const Xapian::Error& e) {
        return "the index could not be written (" + e.get_description() + ")";
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "an unknown error";
    }
}

bool index_exists(const std::string& path) {
    try {
        const Xapian::Database db(path);
        return true;
    } catch (const Xapian::Error&) {
        return false;
    }
}

} // namespace

search::SyncStatus initial_follow_status(const FollowOptions& options) {
    search::SyncStatus status;
    status.source = options.sync.from;
    status.every = options.every;
    status.building = !index_exists(options.sync.db_path);
    status.next = std::chrono::system_clock::now();
    return status;
}

Follower::Follower(FollowOptions options, search::SyncStatusBoard& board, FollowLog log)
    : options_(std::move(options)), board_(board), log_(std::move(log)),
      thread_([this](const std::stop_token& stop) { run(stop); }) {}

Follower::~Follower() {
    stop();
}

void Follower::stop() {
    thread_.request_stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void Follower::run(const std::stop_token& stop) {
    std::mutex mutex;
    std::condition_variable_any woken;
    while (!stop.stop_requested()) {
        const auto started = std::chrono::system_clock::now();
        sync_once(stop);
        // Fixed rate from each start; a sync longer than the period is followed at once.
        const auto next = std::max(started + options_.every, std::chrono::system_clock::now());
        board_.update([&](search::SyncStatus& s) { s.next = next; });
        std::unique_lock lock(mutex);
        (void)woken.wait_until(lock, stop, next, [] { return false; });
    }
    board_.update([](search::SyncStatus& s) { s.next.reset(); });
}

void Follower::sync_once(const std::stop_token& stop) {
    SyncOptions options = options_.sync;
    options.quiet = true;
    options.progress = false;
    options.hooks.stop = stop;
    const auto started = std::chrono::system_clock::now();
    board_.update([](search::SyncStatus& s) { s.running = true; });
    std::stringstream notes;
    std::optional<SyncSummary> summary;
    std::string failure;
    try {
        summary = run_sync(options, notes);
    } catch (const FetchCancelled&) {
        board_.update([](search::SyncStatus& s) { s.running = false; });
        log_("sync from " + options.from + " abandoned: stopping; nothing was written");
        return;
    } catch (...) {
        failure = failure_reason(std::current_exception());
    }
    const auto ended = std::chrono::system_clock::now();
    const double seconds = std::chrono::duration<double>(ended - started).count();
    for (std::string line; std::getline(notes, line);) {
        if (!line.empty()) {
            log_(line);
        }
    }
    board_.update([&](search::SyncStatus& s) {
        s.running = false;
        s.last_attempt = started;
        s.last_duration_seconds = seconds;
        ++s.attempts_total;
        if (summary) {
            const IndexChanges& changes = summary->index.changes;
            s.last_outcome =
                changes.committed ? search::SyncOutcome::ok : search::SyncOutcome::no_change;
            s.last_message.clear();
            s.last_entries = changes.document_count;
            s.last_revision = changes.revision;
            s.last_success = ended;
            s.building = false;
        } else {
            s.last_outcome = search::SyncOutcome::failed;
            s.last_message = failure;
            ++s.failures_total;
        }
    });
    if (summary) {
        log_(format_sync_summary(*summary));
    } else {
        log_("sync from " + options.from + " failed: " + failure +
             (board_.get().building ? "; no index yet (requests get 503)"
                                    : "; still serving the last good revision") +
             "; next try in " + std::to_string(options_.every.count()) + " s");
    }
}

} // namespace algreg::indexer
