// RequestTracker: the per-request facts that httplib does not carry from routing to its logger
// (start time, matched route, bytes streamed by a content provider). httplib serves a request
// start to finish on one thread, so the facts are kept per thread id.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace algreg::web {

class RequestTracker {
  public:
    using Clock = std::chrono::steady_clock;

    struct Record {
        Clock::time_point start{};
        std::string_view route = "unmatched"; ///< a route table name (static storage)
        std::uint64_t streamed_bytes = 0;     ///< written by content providers
        bool started = false;
    };

    /// A request starts on this thread (pre-routing).
    void begin();
    /// The request on this thread matched `route` (must have static storage duration).
    void set_route(std::string_view route);
    /// A content provider on this thread wrote `n` more bytes.
    void add_bytes(std::uint64_t n);
    /// Ends the request on this thread and returns what was recorded (started = false when
    /// begin() was never called: a request httplib rejected before routing).
    [[nodiscard]] Record finish();

  private:
    std::mutex mutex_;
    std::unordered_map<std::thread::id, Record> records_;
};

} // namespace algreg::web
