// AsOfBudget: how many as-of indexes (search/as_of.h) the server builds, so that requests for
// many past dates cannot take the cores from ordinary searches. At most `concurrent` builds run
// at once, at most `queue` more wait their turn (for at most `queue_wait`), and builds start
// at most `per_minute` times a minute on average (a token bucket holding `burst`). A request
// over budget gets an HttpError 503 (ErrorKind::unavailable) with a Retry-After. Cached dates
// cost nothing: the provider asks the budget only when it has to build. Thread-safe.
#pragma once

#include "search/as_of.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace algreg::web {

struct AsOfBudgetLimits {
    std::size_t concurrent = 1; ///< builds at once (each one keeps a core busy)
    std::size_t queue = 2;      ///< builds waiting for their turn; more get 503 at once
    std::chrono::milliseconds queue_wait{5'000}; ///< longest wait in the queue, then 503
    double per_minute = 20;                      ///< builds started per minute, on average
    double burst = 4;                            ///< builds that may start back to back
    bool operator==(const AsOfBudgetLimits&) const = default;
};

class AsOfBudget {
  public:
    explicit AsOfBudget(AsOfBudgetLimits limits);
    AsOfBudget(const AsOfBudget&) = delete;
    AsOfBudget& operator=(const AsOfBudget&) = delete;

    /// A permit for one build (search::AsOfBuildGate), after waiting in the queue if needed.
    /// Throws HttpError(ErrorKind::unavailable) with retry_after_seconds() >= 1 when the rate
    /// is spent, the queue is full or the wait is over.
    [[nodiscard]] search::AsOfBuildPermit acquire();

    /// This budget as the gate a provider takes. The budget must outlive it.
    [[nodiscard]] search::AsOfBuildGate gate();

  private:
    using Clock = std::chrono::steady_clock;
    void refill(Clock::time_point now);
    void release();
    void refuse_when_rate_spent() const;
    [[noreturn]] void refuse(int retry_after_seconds) const;

    AsOfBudgetLimits limits_;
    std::mutex mutex_;
    std::condition_variable turn_;
    std::size_t running_ = 0;
    std::size_t waiting_ = 0;
    double tokens_;
    Clock::time_point refilled_;
};

} // namespace algreg::web
