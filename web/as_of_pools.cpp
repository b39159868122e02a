#include "web/as_of_pools.h"

#include "search/errors.h"

#include <algorithm>

namespace algreg::web {

AsOfPools::AsOfPools(search::AsOfIndexProvider provider, double time_limit_seconds,
                     AsOfBudgetLimits budget, std::size_t capacity)
    : provider_(std::move(provider)), budget_(budget), gate_(budget_.gate()),
      time_limit_seconds_(time_limit_seconds), capacity_(std::max<std::size_t>(capacity, 1)) {}

std::shared_ptr<SearcherPool> AsOfPools::pool_for(std::string_view date) {
    if (!provider_) {
        throw search::IndexUnavailableError("this server has no as-of indexes");
    }
    // The provider caches and is thread-safe; asking it every time lets it hand out a new
    // directory when the live index (and so the history) has changed.
    const std::string path = provider_(date, gate_);
    const std::lock_guard lock(mutex_);
    for (auto it = pools_.begin(); it != pools_.end(); ++it) {
        if (it->first == path) {
            pools_.splice(pools_.begin(), pools_, it);
            return pools_.front().second;
        }
    }
    // A pool opens nothing until used, so creating it under the lock is cheap. Pools pushed
    // out stay alive while a request still holds them (shared_ptr).
    pools_.emplace_front(path, std::make_shared<SearcherPool>(path, time_limit_seconds_));
    if (pools_.size() > capacity_) {
        pools_.pop_back();
    }
    return pools_.front().second;
}

} // namespace algreg::web
