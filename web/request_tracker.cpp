#include "web/request_tracker.h"

namespace algreg::web {

void RequestTracker::begin() {
    const auto now = Clock::now();
    std::lock_guard lock(mutex_);
    records_[std::this_thread::get_id()] = Record{now, "unmatched", 0, true};
}

void RequestTracker::set_route(std::string_view route) {
    std::lock_guard lock(mutex_);
    records_[std::this_thread::get_id()].route = route;
}

void RequestTracker::add_bytes(std::uint64_t n) {
    std::lock_guard lock(mutex_);
    records_[std::this_thread::get_id()].streamed_bytes += n;
}

RequestTracker::Record RequestTracker::finish() {
    std::lock_guard lock(mutex_);
    const auto it = records_.find(std::this_thread::get_id());
    if (it == records_.end()) {
        return {};
    }
    Record out = it->second;
    records_.erase(it);
    return out;
}

} // namespace algreg::web
