#include "web/request_gate.h"

#include "web/http_errors.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <memory>
#include <optional>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace algreg::web {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20); // ASCII letters, '-' and digits compare as-is
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

/// The end of the head (just past its empty line), lenient about bare LF as httplib is.
std::optional<std::size_t> head_end(std::string_view bytes) {
    for (std::size_t i = bytes.find('\n'); i != std::string_view::npos;
         i = bytes.find('\n', i + 1)) {
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') {
            return i + 2;
        }
        if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
            return i + 3;
        }
    }
    return std::nullopt;
}

/// The path of a request line "GET /path?query HTTP/1.1", or "".
std::string request_path(std::string_view head) {
    const auto line_end = head.find('\n');
    if (line_end == std::string_view::npos) {
        return {};
    }
    const auto line = head.substr(0, line_end);
    const auto start = line.find(' ');
    if (start == std::string_view::npos) {
        return {};
    }
    const auto target = line.substr(start + 1, line.find(' ', start + 1) - start - 1);
    return std::string(target.substr(0, target.find('?')));
}

/// What a peek at a connection found: bytes (0 = closed by the client) or an errno.
struct Peek {
    long bytes = 0;
    int error = 0;
    HeadInspection inspection;
};

/// Peeks at what `fd` sent, without consuming it, and inspects it: first into a small stack
/// buffer, which holds nearly every request, and only for a larger head or body into one as
/// large as the limits allow.
Peek peek_and_inspect(int fd, const GateLimits& limits) {
    Peek out;
    std::array<char, 4096> small{};
    auto n = ::recv(fd, small.data(), small.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n > 0) {
        out.inspection =
            inspect_head(std::string_view(small.data(), static_cast<std::size_t>(n)), limits);
        if (out.inspection.verdict == HeadVerdict::incomplete &&
            static_cast<std::size_t>(n) == small.size()) {
            const std::size_t size = limits.max_head_bytes + limits.max_body_bytes + 8;
            const std::unique_ptr<char[]> large(new char[size]);
            n = ::recv(fd, large.get(), size, MSG_PEEK | MSG_DONTWAIT);
            if (n > 0) {
                out.inspection = inspect_head(
                    std::string_view(large.get(), static_cast<std::size_t>(n)), limits);
            }
        }
    }
    out.bytes = static_cast<long>(n);
    out.error = n < 0 ? errno : 0;
    return out;
}

} // namespace

HeadInspection inspect_head(std::string_view bytes, const GateLimits& limits) {
    HeadInspection out;
    const auto end = head_end(bytes);
    const std::string_view head = end ? bytes.substr(0, *end) : bytes;
    out.path = request_path(head);
    if (head.size() > limits.max_head_bytes + 4) {
        out.verdict = HeadVerdict::too_large;
        out.reason =
            "the request head is larger than " + std::to_string(limits.max_head_bytes) + " bytes";
        return out;
    }
    // Header fields are the lines after the request line, before the empty one.
    const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
    const std::size_t fields = lines >= 2 ? lines - (end ? 2 : 1) : 0;
    if (fields > limits.max_header_count) {
        out.verdict = HeadVerdict::too_large;
        out.reason = "the request has more than " + std::to_string(limits.max_header_count) +
                     " header fields";
        return out;
    }
    if (!end) {
        return out; // incomplete
    }

    // Request smuggling and ambiguity (RFC 9112 §6.3): one Content-Length value only, and
    // never together with Transfer-Encoding.
    std::optional<std::size_t> content_length;
    bool chunked = false;
    std::size_t pos = head.find('\n') + 1;
    while (pos < head.size()) {
        const auto next = head.find('\n', pos);
        const auto line = head.substr(pos, next - pos);
        pos = next + 1;
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) {
            continue;
        }
        const auto name = trim(line.substr(0, colon));
        const auto value = trim(line.substr(colon + 1));
        if (iequals(name, "Transfer-Encoding")) {
            chunked = true;
        } else if (iequals(name, "Content-Length")) {
            std::size_t n = 0;
            const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
            if (value.empty() || ec != std::errc() || ptr != value.data() + value.size()) {
                out.verdict = HeadVerdict::malformed;
                out.reason = "the Content-Length header is not a number";
                return out;
            }
            if (content_length && *content_length != n) {
                out.verdict = HeadVerdict::malformed;
                out.reason = "the request has conflicting Content-Length headers";
                return out;
            }
            content_length = n;
        }
    }
    if (chunked && content_length) {
        out.verdict = HeadVerdict::malformed;
        out.reason = "the request has both Content-Length and Transfer-Encoding";
        return out;
    }
    if (content_length && *content_length <= limits.max_body_bytes &&
        bytes.size() < *end + *content_length) {
        return out; // a small body still arriving: wait for it here, not on a worker
    }
    out.verdict = HeadVerdict::complete;
    return out;
}

void answer_and_close(int fd, int status, const std::string& message, std::string_view path) {
    const ErrorKind kind = kind_for_status(status);
    const ErrorResponse error = render_error(kind, message, {}, is_official_path(path));
    std::string reason;
    switch (status) {
    case 408:
        reason = "Request Timeout";
        break;
    case 431:
        reason = "Request Header Fields Too Large";
        break;
    case 503:
        reason = "Service Unavailable";
        break;
    default:
        reason = "Bad Request";
        break;
    }
    const std::string answer = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                               "\r\nContent-Type: application/json\r\nContent-Length: " +
                               std::to_string(error.body.size()) + "\r\nConnection: close\r\n\r\n" +
                               error.body;
    // Best effort, never blocking: the answer is small enough for any socket buffer.
    (void)::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    std::array<char, 16 * 1024> scratch{};
    for (int i = 0; i < 64; ++i) {
        if (::recv(fd, scratch.data(), scratch.size(), MSG_DONTWAIT) <= 0) {
            break;
        }
    }
    ::close(fd);
}

RequestGate::RequestGate(GateLimits limits, Dispatch dispatch)
    : limits_(limits), dispatch_(std::move(dispatch)) {
    epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (epoll_fd_ < 0 || wake_fd_ < 0) {
        const int error = errno;
        if (epoll_fd_ >= 0) {
            ::close(epoll_fd_);
        }
        if (wake_fd_ >= 0) {
            ::close(wake_fd_);
        }
        throw std::system_error(error, std::generic_category(), "request gate");
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = wake_fd_;
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &event);
    thread_ = std::thread([this] { run(); });
}

RequestGate::~RequestGate() {
    stop();
    ::close(epoll_fd_);
    ::close(wake_fd_);
}

void RequestGate::stop() {
    {
        const std::lock_guard lock(mutex_);
        if (stopping_) {
            return;
        }
        stopping_ = true;
    }
    const std::uint64_t one = 1;
    (void)::write(wake_fd_, &one, sizeof one);
    if (thread_.joinable()) {
        thread_.join();
    }
    const std::lock_guard lock(mutex_);
    for (const auto& [fd, held] : held_) {
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
        ::close(fd);
    }
    held_.clear();
}

std::size_t RequestGate::held() const {
    const std::lock_guard lock(mutex_);
    return held_.size();
}

RequestGate::Admission RequestGate::admit(int fd, std::size_t served,
                                          std::chrono::microseconds linger) {
    if (linger.count() > 0) {
        pollfd wait{fd, POLLIN, 0};
        const timespec span{0, static_cast<long>(linger.count()) * 1000};
        (void)::ppoll(&wait, 1, &span, nullptr);
    }
    // Most clients send their request right after connecting: serve it without a detour.
    const Peek peek = peek_and_inspect(fd, limits_);
    if (peek.bytes > 0) {
        switch (peek.inspection.verdict) {
        case HeadVerdict::complete:
            return Admission::ready;
        case HeadVerdict::too_large:
            answer_and_close(fd, 431, peek.inspection.reason, peek.inspection.path);
            return Admission::closed;
        case HeadVerdict::malformed:
            answer_and_close(fd, 400, peek.inspection.reason, peek.inspection.path);
            return Admission::closed;
        case HeadVerdict::incomplete:
            break;
        }
    } else if (peek.bytes == 0) {
        ::close(fd); // connected and closed without a request
        return Admission::closed;
    }
    const std::lock_guard lock(mutex_);
    if (stopping_ || held_.size() >= limits_.max_pending) {
        answer_and_close(fd, 503, "the server holds too many unfinished requests; try again", {});
        return Admission::closed;
    }
    const bool idle = served > 0 && peek.bytes < 0;
    held_[fd] = Held{std::chrono::steady_clock::now() +
                         (idle ? limits_.keep_alive_timeout : limits_.head_timeout),
                     served, idle};
    // Edge-triggered: peeking leaves the bytes unread, so level-triggered would report the
    // same bytes forever; each arrival of new bytes is one event.
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
    event.data.fd = fd;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) != 0) {
        held_.erase(fd);
        ::close(fd);
        return Admission::closed;
    }
    return Admission::held;
}

void RequestGate::release(int fd) {
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    const std::lock_guard lock(mutex_);
    held_.erase(fd);
}

bool RequestGate::settle(int fd) {
    const Peek peek = peek_and_inspect(fd, limits_);
    if (peek.bytes < 0 &&
        (peek.error == EAGAIN || peek.error == EWOULDBLOCK || peek.error == EINTR)) {
        return false;
    }
    if (peek.bytes <= 0) {
        release(fd); // the client went away before its request was complete
        ::close(fd);
        return true;
    }
    switch (peek.inspection.verdict) {
    case HeadVerdict::incomplete: {
        // The next request on a kept-alive connection has begun: it now has the time of a
        // request, not of an idle connection.
        const std::lock_guard lock(mutex_);
        if (auto it = held_.find(fd); it != held_.end() && it->second.idle) {
            it->second.idle = false;
            it->second.deadline = std::chrono::steady_clock::now() + limits_.head_timeout;
        }
        return false;
    }
    case HeadVerdict::complete: {
        std::size_t served = 0;
        {
            const std::lock_guard lock(mutex_);
            if (auto it = held_.find(fd); it != held_.end()) {
                served = it->second.served;
            }
        }
        release(fd);
        dispatch_(fd, served);
        return true;
    }
    case HeadVerdict::too_large:
        release(fd);
        answer_and_close(fd, 431, peek.inspection.reason, peek.inspection.path);
        return true;
    case HeadVerdict::malformed:
        release(fd);
        answer_and_close(fd, 400, peek.inspection.reason, peek.inspection.path);
        return true;
    }
    return false;
}

void RequestGate::run() {
    std::array<epoll_event, 64> events{};
    for (;;) {
        {
            const std::lock_guard lock(mutex_);
            if (stopping_) {
                return;
            }
        }
        // Wake at least every 100 ms to close connections past their deadline.
        const int ready = ::epoll_wait(epoll_fd_, events.data(), events.size(), 100);
        for (int i = 0; i < ready; ++i) {
            const int fd = events[static_cast<std::size_t>(i)].data.fd;
            if (fd == wake_fd_) {
                continue;
            }
            const bool hung_up =
                (events[static_cast<std::size_t>(i)].events & (EPOLLRDHUP | EPOLLHUP)) != 0;
            if (!settle(fd) && hung_up) {
                // The client finished sending without completing a request.
                release(fd);
                answer_and_close(fd, 400, "the request ended before its head was complete", {});
            }
        }
        std::vector<int> expired;
        std::vector<int> idle;
        {
            const auto now = std::chrono::steady_clock::now();
            const std::lock_guard lock(mutex_);
            for (const auto& [fd, held] : held_) {
                if (held.deadline <= now) {
                    (held.idle ? idle : expired).push_back(fd);
                }
            }
        }
        for (const int fd : idle) {
            release(fd); // an ordinary keep-alive time-out: close without an answer
            ::close(fd);
        }
        for (const int fd : expired) {
            release(fd);
            answer_and_close(fd, 408,
                             "the request did not arrive within " +
                                 std::to_string(limits_.head_timeout.count()) + " ms",
                             {});
        }
    }
}

} // namespace algreg::web
