#include "web/response_cache.h"

namespace algreg::web {

namespace {
std::string full_key(std::uint64_t revision, const std::string& key) {
    return std::to_string(revision) + '\n' + key;
}
} // namespace

std::shared_ptr<const std::string> ResponseCache::get(std::uint64_t revision,
                                                      const std::string& key) {
    if (max_bytes_ == 0) {
        return nullptr;
    }
    const std::string k = full_key(revision, key);
    std::lock_guard lock(mutex_);
    const auto it = index_.find(k);
    if (it == index_.end()) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->body;
}

void ResponseCache::put(std::uint64_t revision, const std::string& key,
                        std::shared_ptr<const std::string> body) {
    if (max_bytes_ == 0 || !body) {
        return;
    }
    std::string k = full_key(revision, key);
    const std::size_t size = body->size() + k.size() * 2 + 64;
    if (size > max_bytes_ / 8) {
        return;
    }
    std::lock_guard lock(mutex_);
    if (const auto it = index_.find(k); it != index_.end()) {
        bytes_ -= it->second->body->size() + k.size() * 2 + 64;
        lru_.erase(it->second);
        index_.erase(it);
    }
    lru_.push_front(Entry{k, std::move(body)});
    index_.emplace(std::move(k), lru_.begin());
    bytes_ += size;
    while (bytes_ > max_bytes_ && !lru_.empty()) {
        const Entry& last = lru_.back();
        bytes_ -= last.body->size() + last.key.size() * 2 + 64;
        index_.erase(last.key);
        lru_.pop_back();
    }
}

ResponseCache::Stats ResponseCache::stats() const {
    std::lock_guard lock(mutex_);
    return {hits_, misses_, index_.size(), bytes_};
}

} // namespace algreg::web
