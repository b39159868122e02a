// Follower: the background half of `algreg serve --follow URL --every D`. A thread of its own
// runs run_sync() into the served index at start and then on the schedule, and keeps a
// search::SyncStatusBoard current, which the server shows on /healthz and /metrics. The server
// picks each new revision up by itself (web/searcher_pool.h); a failed sync writes nothing, so
// the last good revision stays served, and the next tick tries again.
#pragma once

#include "indexer/sync.h"
#include "search/sync_status.h"

#include <chrono>
#include <functional>
#include <string>
#include <thread>

namespace algreg::indexer {

struct FollowOptions {
    SyncOptions sync; ///< from, db_path, ...; run quietly (no progress), notes go to the log
    std::chrono::seconds every{std::chrono::hours(24)};
};

/// One line per sync (and the reason of a failure) for the server's log.
using FollowLog = std::function<void(const std::string& line)>;

class Follower {
  public:
    /// Starts the thread; the first sync begins at once. `board` must outlive the Follower.
    Follower(FollowOptions options, search::SyncStatusBoard& board, FollowLog log);
    /// stop() and join.
    ~Follower();
    Follower(const Follower&) = delete;
    Follower& operator=(const Follower&) = delete;

    /// Ends the schedule and abandons a sync in progress before it writes (its requests are
    /// cut off: FetchHooks::stop); a sync already writing finishes its one atomic commit.
    /// Returns once the thread has ended. Idempotent.
    void stop();

  private:
    void run(const std::stop_token& stop);
    void sync_once(const std::stop_token& stop);

    FollowOptions options_;
    search::SyncStatusBoard& board_;
    FollowLog log_;
    std::jthread thread_; ///< last: started once everything it uses exists
};

/// The status before the first sync: `building` when there is no index at options.sync.db_path.
[[nodiscard]] search::SyncStatus initial_follow_status(const FollowOptions& options);

} // namespace algreg::indexer
