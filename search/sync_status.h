// SyncStatus: what `algreg serve --follow` knows about its background syncs (the last one's
// time, outcome, duration, entries and revision, the next one planned), as one value type, and
// SyncStatusBoard, the thread-safe holder the follower writes and the server reads. It lives in
// search/ because both sides need it and neither may depend on the other: the indexer's
// follower (indexer/follower.h) updates it, web/ shows it on /healthz and /metrics.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace algreg::search {

enum class SyncOutcome {
    none,      ///< no sync has finished yet
    ok,        ///< synced: a new revision is served
    no_change, ///< synced: the register was as the index had it, nothing written
    failed,    ///< nothing written; the last good revision is still served
};

/// "none", "ok", "no change", "failed": the words of /healthz.
[[nodiscard]] std::string_view outcome_name(SyncOutcome outcome);

struct SyncStatus {
    using Time = std::chrono::system_clock::time_point;
    std::string source;               ///< the register followed (URL)
    std::chrono::seconds every{0};    ///< the schedule
    bool building = false;            ///< no index yet: the first sync is building it
    bool running = false;             ///< a sync is in progress now
    std::optional<Time> last_attempt; ///< start of the last finished sync
    SyncOutcome last_outcome = SyncOutcome::none;
    std::string last_message;         ///< why it failed; "" otherwise
    double last_duration_seconds = 0; ///< of the last finished sync
    std::uint64_t last_entries = 0;   ///< entries in the index after the last good sync
    std::uint64_t last_revision = 0;  ///< index revision after the last good sync
    std::optional<Time> last_success; ///< end of the last sync that was ok or no change
    std::uint64_t attempts_total = 0; ///< finished syncs, any outcome
    std::uint64_t failures_total = 0; ///< finished syncs that failed
    std::optional<Time> next;         ///< the next sync planned
    bool operator==(const SyncStatus&) const = default;
};

/// "2026-12-05T06:40:00Z": a status time as /healthz shows it (UTC, whole seconds).
[[nodiscard]] std::string utc_text(SyncStatus::Time time);

/// How the server asks for the status. Empty: the server does not follow a register.
using SyncStatusSource = std::function<SyncStatus()>;

/// One SyncStatus shared between the thread that syncs and the threads that serve.
class SyncStatusBoard {
  public:
    explicit SyncStatusBoard(SyncStatus initial = {}) : status_(std::move(initial)) {}
    SyncStatusBoard(const SyncStatusBoard&) = delete;
    SyncStatusBoard& operator=(const SyncStatusBoard&) = delete;

    [[nodiscard]] SyncStatus get() const {
        const std::lock_guard lock(mutex_);
        return status_;
    }
    /// Applies `change` under the lock, so readers never see half an update.
    void update(const std::function<void(SyncStatus&)>& change) {
        const std::lock_guard lock(mutex_);
        change(status_);
    }

  private:
    mutable std::mutex mutex_;
    SyncStatus status_;
};

} // namespace algreg::search
