// SearcherPool: hands each request a Searcher of its own (Xapian handles are not thread-safe)
// and takes it back afterwards. Searchers are opened on demand, so there are never more than
// the number of requests served at once (= worker threads); all share one RevisionCache, so a
// new index revision is loaded once, not once per searcher. Thread-safe.
#pragma once

#include "search/searcher.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace algreg::web {

class SearcherPool {
  public:
    /// Does not open anything yet; the first with() does (and may throw IndexUnavailableError).
    SearcherPool(std::string db_path, double time_limit_seconds);
    SearcherPool(const SearcherPool&) = delete;
    SearcherPool& operator=(const SearcherPool&) = delete;
    /// Closes the searchers and gives the freed memory back to the system (an as-of pool let
    /// go by AsOfPools holds a whole index's caches).
    ~SearcherPool();

    /// Runs `f(search::Searcher&)` with a searcher no other thread uses meanwhile and returns
    /// its result. A searcher that failed with a non-standard exception (a Xapian error) is
    /// dropped, not reused; the exception propagates.
    template <class F> auto with(F&& f) {
        auto searcher = take();
        try {
            if constexpr (std::is_void_v<decltype(f(*searcher))>) {
                f(*searcher);
                give_back(std::move(searcher));
            } else {
                auto result = f(*searcher);
                give_back(std::move(searcher));
                return result;
            }
        } catch (const std::exception&) {
            give_back(std::move(searcher)); // our own typed errors: the searcher is fine
            throw;
        }
    }

    /// Searchers opened so far (for tests and /metrics).
    [[nodiscard]] std::size_t opened() const;

  private:
    std::unique_ptr<search::Searcher> take();
    void give_back(std::unique_ptr<search::Searcher> searcher);

    std::string db_path_;
    search::SearcherOptions options_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<search::Searcher>> idle_;
    std::size_t opened_ = 0;
};

} // namespace algreg::web
