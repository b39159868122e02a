#include "web/as_of_budget.h"

#include "web/http_errors.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace algreg::web {

AsOfBudget::AsOfBudget(AsOfBudgetLimits limits)
    : limits_(limits), tokens_(std::max(limits.burst, 1.0)), refilled_(Clock::now()) {
    limits_.concurrent = std::max<std::size_t>(limits_.concurrent, 1);
    limits_.burst = std::max(limits_.burst, 1.0);
    limits_.per_minute = std::max(limits_.per_minute, 0.001);
}

void AsOfBudget::refill(Clock::time_point now) {
    const double minutes = std::chrono::duration<double, std::ratio<60>>(now - refilled_).count();
    tokens_ = std::min(limits_.burst, tokens_ + minutes * limits_.per_minute);
    refilled_ = now;
}

void AsOfBudget::refuse_when_rate_spent() const {
    if (tokens_ < 1.0) {
        const double seconds = (1.0 - tokens_) * 60.0 / limits_.per_minute;
        refuse(std::max(1, static_cast<int>(std::ceil(seconds))));
    }
}

void AsOfBudget::refuse(int retry_after_seconds) const {
    HttpError error(ErrorKind::unavailable,
                    "too many requests for the register at past dates (as_of) are being "
                    "prepared right now; try again in " +
                        std::to_string(retry_after_seconds) + " s");
    error.set_retry_after(retry_after_seconds);
    throw error;
}

search::AsOfBuildPermit AsOfBudget::acquire() {
    std::unique_lock lock(mutex_);
    refill(Clock::now());
    refuse_when_rate_spent();
    // About one build's time (the queue's wait) before a refused request is worth retrying.
    const int busy_retry = static_cast<int>(std::max<long long>(
        1, std::chrono::ceil<std::chrono::seconds>(limits_.queue_wait).count()));
    if (running_ >= limits_.concurrent) {
        if (waiting_ >= limits_.queue) {
            refuse(busy_retry);
        }
        ++waiting_;
        const bool turn =
            turn_.wait_for(lock, limits_.queue_wait, [&] { return running_ < limits_.concurrent; });
        --waiting_;
        if (!turn) {
            refuse(busy_retry);
        }
        refill(Clock::now());
        refuse_when_rate_spent();
    }
    ++running_;
    tokens_ -= 1.0;
    // Not null, so that a provider can tell a permit from none.
    return search::AsOfBuildPermit(this, [](AsOfBudget* budget) { budget->release(); });
}

void AsOfBudget::release() {
    {
        const std::lock_guard lock(mutex_);
        --running_;
    }
    turn_.notify_one();
}

search::AsOfBuildGate AsOfBudget::gate() {
    return [this] { return acquire(); };
}

} // namespace algreg::web
