// ConnectionStream: httplib's Stream over one accepted socket, for the server's own connection
// loop (server.cpp): buffered reads that give up at a deadline for the whole request, not only
// per read, and writes that give up when the client stops reading.
#pragma once

#include <array>
#include <chrono>
#include <httplib.h>

namespace algreg::web {

class ConnectionStream final : public httplib::Stream {
  public:
    using Clock = std::chrono::steady_clock;

    ConnectionStream(int fd, std::chrono::milliseconds read_timeout,
                     std::chrono::milliseconds write_timeout);

    /// Reads for the next request fail once `deadline` has passed.
    void start_request(Clock::time_point deadline) { deadline_ = deadline; }
    /// Bytes read from the socket but not yet consumed (the start of a pipelined request).
    [[nodiscard]] std::size_t buffered() const { return end_ - begin_; }

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char* ptr, size_t size) override;
    ssize_t write(const char* ptr, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    socket_t socket() const override { return fd_; }

  private:
    /// Waits until the socket is readable (POLLIN) or writable (POLLOUT), at most `timeout`
    /// and never past the request's deadline for reads.
    [[nodiscard]] bool wait_for(short events, std::chrono::milliseconds timeout) const;

    int fd_;
    std::chrono::milliseconds read_timeout_;
    std::chrono::milliseconds write_timeout_;
    Clock::time_point deadline_ = Clock::time_point::max();
    std::array<char, 4096> buffer_{};
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
};

} // namespace algreg::web
