// RequestGate: holds new connections outside the worker pool until their first request has
// fully arrived, so that slow or idle clients cannot occupy the workers. cpp-httplib serves one
// connection per pool thread, and its read time-out applies to each read, not to a whole
// request: 70 clients sending one header byte every 3 s held every worker for good. Here one
// thread waits for all such connections with epoll, peeking (never consuming) what they sent,
// and answers 408, 431 or 400 itself when a request head takes too long, is too large, or is
// ambiguous; a complete request goes to the workers, which then read it as usual.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace algreg::web {

struct GateLimits {
    /// The whole request head (and a body up to max_body_bytes) must arrive within this.
    std::chrono::milliseconds head_timeout{10'000};
    std::size_t max_head_bytes = 16 * 1024; ///< request line + headers; more gets 431
    std::size_t max_header_count = 100;     ///< header fields; more gets 431
    /// Bodies up to this size are waited for in the gate too; a larger declared body goes to
    /// the workers at once, where httplib answers 413.
    std::size_t max_body_bytes = 64 * 1024;
    std::size_t max_pending = 4096; ///< connections held at once; a new one above is closed
    /// A kept-alive connection that sends nothing for this long is closed without an answer.
    std::chrono::milliseconds keep_alive_timeout{1'000};
    bool operator==(const GateLimits&) const = default;
};

/// What the bytes a connection sent so far say about its first request.
enum class HeadVerdict {
    incomplete, ///< wait for more
    complete,   ///< the head (and its body, when small) is here: serve it
    too_large,  ///< 431: head above max_head_bytes or more than max_header_count fields
    malformed,  ///< 400: conflicting or invalid Content-Length, or Content-Length with chunking
};

struct HeadInspection {
    HeadVerdict verdict = HeadVerdict::incomplete;
    std::string reason; ///< for too_large and malformed: what is wrong, for the client
    std::string path;   ///< the request target's path, once the request line is complete
};

/// Inspects the first bytes of a connection. Pure; the gate calls it on every arrival.
[[nodiscard]] HeadInspection inspect_head(std::string_view bytes, const GateLimits& limits);

class RequestGate {
  public:
    /// Called on the gate's thread with a connection whose next request has arrived and the
    /// number of requests it was served before; it owns the descriptor from then on and must
    /// not block (enqueue it).
    using Dispatch = std::function<void(int fd, std::size_t served)>;

    enum class Admission {
        ready, ///< the request is already here: the caller serves it now
        held,  ///< the gate holds it and dispatches it when it is complete
        closed ///< answered (400/431/503) or gone; the descriptor is closed
    };

    /// Starts the gate's thread. Throws std::system_error when epoll is unavailable.
    RequestGate(GateLimits limits, Dispatch dispatch);
    RequestGate(const RequestGate&) = delete;
    RequestGate& operator=(const RequestGate&) = delete;
    ~RequestGate();

    /// Takes a connection: freshly accepted (served 0), or kept alive after `served` requests,
    /// in which case it may first wait up to `linger` for the next request on the caller's
    /// thread (a client on keep-alive usually sends it within a round trip). Thread-safe.
    Admission admit(int fd, std::size_t served = 0,
                    std::chrono::microseconds linger = std::chrono::microseconds(0));
    /// Stops the thread and closes every connection still held. Idempotent.
    void stop();
    /// Connections held right now.
    [[nodiscard]] std::size_t held() const;

  private:
    struct Held {
        std::chrono::steady_clock::time_point deadline;
        std::size_t served = 0; ///< requests served on this connection before
        bool idle = false;      ///< kept alive and nothing of the next request has arrived yet
    };
    void run();
    /// Peeks at fd and decides; true when fd left the gate (dispatched or closed).
    bool settle(int fd);
    void release(int fd);

    GateLimits limits_;
    Dispatch dispatch_;
    int epoll_fd_ = -1;
    int wake_fd_ = -1; ///< eventfd: stop() wakes the thread through it
    mutable std::mutex mutex_;
    std::unordered_map<int, Held> held_;
    bool stopping_ = false;
    std::thread thread_;
};

/// Writes a short error answer (408, 431, 400, 503) to a connection that sent no complete or
/// acceptable request, drains what it sent (so that closing does not reset the connection
/// before the answer is read) and closes it. `path` selects the official or our JSON shape.
void answer_and_close(int fd, int status, const std::string& message, std::string_view path);

} // namespace algreg::web
