// AsOfPools: searchers over "the register as it was on DATE" (search/as_of.h). The provider
// (given by main(), built by the indexer) returns the directory of an as-of index per date; each
// directory gets its own SearcherPool (Searchers are not thread-safe), and the few most
// recently used directories are kept open. Thread-safe.
#pragma once

#include "search/as_of.h"
#include "web/as_of_budget.h"
#include "web/searcher_pool.h"

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace algreg::web {

/// Directories (dates) whose searchers stay open.
inline constexpr std::size_t default_as_of_pools = 4;

class AsOfPools {
  public:
    /// `provider` may be empty: available() is then false.
    AsOfPools(search::AsOfIndexProvider provider, double time_limit_seconds,
              AsOfBudgetLimits budget = {}, std::size_t capacity = default_as_of_pools);
    AsOfPools(const AsOfPools&) = delete;
    AsOfPools& operator=(const AsOfPools&) = delete;

    /// False when the server was started without a provider (no history support).
    [[nodiscard]] bool available() const { return static_cast<bool>(provider_); }

    /// Runs `f(search::Searcher&)` on the index of the register at the end of `date`
    /// (YYYY-MM-DD, validated by the caller). The provider may build that index first (about a
    /// second for the real register). Throws IndexUnavailableError when it cannot; requires
    /// available().
    template <class F> auto with(std::string_view date, F&& f) {
        return pool_for(date)->with(std::forward<F>(f));
    }

    /// The pool of `date`'s index, for work spread over several calls (streamed exports): the
    /// caller keeps it alive for as long as it uses it. Throws as with().
    [[nodiscard]] std::shared_ptr<SearcherPool> pool_for(std::string_view date);

  private:
    search::AsOfIndexProvider provider_;
    AsOfBudget budget_;
    search::AsOfBuildGate gate_;
    double time_limit_seconds_;
    std::size_t capacity_;
    std::mutex mutex_;
    /// (index directory, its pool), most recently used first.
    std::list<std::pair<std::string, std::shared_ptr<SearcherPool>>> pools_;
};

} // namespace algreg::web
