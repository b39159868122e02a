// ResponseCache: serialised JSON answers kept per index revision, so that a repeated search
// (the same shareable URL, the same official body) costs a map look-up instead of a match,
// a facet pass and 20 snippets. Keys include the revision: a new revision simply misses, and
// old entries age out. Bounded in bytes, least recently used out first. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace algreg::web {

class ResponseCache {
  public:
    /// `max_bytes` = 0 disables the cache (get() always misses, put() keeps nothing).
    explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    /// The body stored for `key` at `revision`, or null.
    [[nodiscard]] std::shared_ptr<const std::string> get(std::uint64_t revision,
                                                         const std::string& key);
    /// Stores `body`; bodies larger than an eighth of the cache are not kept.
    void put(std::uint64_t revision, const std::string& key,
             std::shared_ptr<const std::string> body);

    struct Stats {
        std::uint64_t hits = 0;
        std::uint64_t misses = 0;
        std::size_t entries = 0;
        std::size_t bytes = 0;
    };
    [[nodiscard]] Stats stats() const;

  private:
    struct Entry {
        std::string key; ///< revision + '\n' + key
        std::shared_ptr<const std::string> body;
    };
    std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::list<Entry> lru_; ///< most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    std::size_t bytes_ = 0;
    std::uint64_t hits_ = 0;
    std::uint64_t misses_ = 0;
};

} // namespace algreg::web
