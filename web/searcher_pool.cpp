#include "web/searcher_pool.h"

#include "search/free_memory.h"

namespace algreg::web {

SearcherPool::SearcherPool(std::string db_path, double time_limit_seconds)
    : db_path_(std::move(db_path)) {
    options_.time_limit = time_limit_seconds;
    options_.cache = std::make_shared<search::RevisionCache>();
}

SearcherPool::~SearcherPool() {
    idle_.clear();
    options_.cache.reset();
    search::return_free_memory();
}

std::unique_ptr<search::Searcher> SearcherPool::take() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto searcher = std::move(idle_.back());
            idle_.pop_back();
            return searcher;
        }
    }
    // Opening takes a few milliseconds: do it outside the lock.
    auto searcher = std::make_unique<search::Searcher>(db_path_, options_);
    std::lock_guard lock(mutex_);
    ++opened_;
    return searcher;
}

void SearcherPool::give_back(std::unique_ptr<search::Searcher> searcher) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(searcher));
}

std::size_t SearcherPool::opened() const {
    std::lock_guard lock(mutex_);
    return opened_;
}

} // namespace algreg::web
