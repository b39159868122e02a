#include "web/connection_stream.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace algreg::web {

namespace {

/// "1.2.3.4" / "::1" and the port of a socket address.
void address_text(const sockaddr_storage& address, std::string& ip, int& port) {
    std::array<char, INET6_ADDRSTRLEN> text{};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text.data(), text.size());
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text.data(), text.size());
        port = ntohs(v6.sin6_port);
    }
    ip = text.data();
}

} // namespace

ConnectionStream::ConnectionStream(int fd, std::chrono::milliseconds read_timeout,
                                   std::chrono::milliseconds write_timeout)
    : fd_(fd), read_timeout_(read_timeout), write_timeout_(write_timeout) {}

bool ConnectionStream::wait_for(short events, std::chrono::milliseconds timeout) const {
    auto limit = timeout;
    if (events == POLLIN) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline_ - Clock::now());
        limit = std::min(limit, std::max(left, std::chrono::milliseconds(0)));
    }
    pollfd wait{fd_, events, 0};
    for (;;) {
        const int ready = ::poll(&wait, 1, static_cast<int>(limit.count()));
        if (ready < 0 && errno == EINTR) {
            continue;
        }
        return ready > 0 && (wait.revents & (events | POLLHUP | POLLERR)) != 0;
    }
}

bool ConnectionStream::is_readable() const {
    return buffered() > 0 || wait_for(POLLIN, read_timeout_);
}

bool ConnectionStream::is_writable() const {
    return wait_for(POLLOUT, write_timeout_);
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
    if (buffered() == 0) {
        if (Clock::now() >= deadline_ || !wait_for(POLLIN, read_timeout_)) {
            return -1; // the request took too long, or the client went quiet
        }
        ssize_t n = 0;
        do {
            n = ::recv(fd_, buffer_.data(), buffer_.size(), 0);
        } while (n < 0 && errno == EINTR);
        if (n <= 0) {
            return n;
        }
        begin_ = 0;
        end_ = static_cast<std::size_t>(n);
    }
    const std::size_t take = std::min(size, buffered());
    std::memcpy(ptr, buffer_.data() + begin_, take);
    begin_ += take;
    return static_cast<ssize_t>(take);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
    if (!wait_for(POLLOUT, write_timeout_)) {
        return -1;
    }
    ssize_t n = 0;
    do {
        n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        address_text(address, ip, port);
    }
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
        address_text(address, ip, port);
    }
}

} // namespace algreg::web
