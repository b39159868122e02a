// server_bench: an HTTP/1.1 keep-alive load generator for `algreg serve`, loopback only,
// bounded in time and request count. One thread per connection. Two modes:
//   closed loop (default): each connection sends its next request when the previous answer is
//     in; reports the throughput the server sustains and the latency at that load.
//   open loop (--rate R): requests are scheduled at R per second in total, spread over the
//     connections; latency counts from the scheduled time, so a stalled server is charged for
//     the requests it delayed (no coordinated omission).
//
// Usage: server_bench --port P --path /api/v1/search?q=parkeren [--connections C]
//                     [--seconds S] [--rate R] [--max-requests N] [--label TEXT]
// Prints: label, connections, requests, errors, req/s, p50, p90, p99, max.
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
    int port = 8080;
    std::string path = "/healthz";
    int connections = 1;
    double seconds = 10;
    double rate = 0; ///< requests per second in total; 0 = closed loop
    long max_requests = 5'000'000;
    std::string label;
};

constexpr int max_connections = 256;
constexpr double max_seconds = 120;

[[noreturn]] void usage(const char* why) {
    std::fprintf(stderr,
                 "server_bench: %s\nUsage: server_bench --port P --path PATH [--connections C] "
                 "[--seconds S] [--rate R] [--max-requests N] [--label TEXT]\n",
                 why);
    std::exit(64);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (i + 1 >= argc) {
            usage(("missing value for " + arg).c_str());
        }
        const std::string value = argv[++i];
        if (arg == "--port") {
            o.port = std::atoi(value.c_str());
        } else if (arg == "--path") {
            o.path = value;
        } else if (arg == "--connections") {
            o.connections = std::atoi(value.c_str());
        } else if (arg == "--seconds") {
            o.seconds = std::atof(value.c_str());
        } else if (arg == "--rate") {
            o.rate = std::atof(value.c_str());
        } else if (arg == "--max-requests") {
            o.max_requests = std::atol(value.c_str());
        } else if (arg == "--label") {
            o.label = value;
        } else {
            usage(("unknown option " + arg).c_str());
        }
    }
    if (o.port <= 0 || o.port > 65535 || o.path.empty() || o.path[0] != '/') {
        usage("need --port and a --path starting with /");
    }
    if (o.connections < 1 || o.connections > max_connections || o.seconds <= 0 ||
        o.seconds > max_seconds || o.rate < 0 || o.max_requests < 1) {
        usage("connections 1-256, seconds up to 120, rate >= 0");
    }
    if (o.label.empty()) {
        o.label = o.path;
    }
    return o;
}

/// A keep-alive connection to 127.0.0.1 (the only address this program talks to).
class Connection {
  public:
    explicit Connection(int port) : port_(port) { open(); }
    ~Connection() { close(); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Sends `request` and reads one response; returns its status, or 0 on failure (the
    /// connection is then reopened for the next request).
    int exchange(const std::string& request) {
        if (fd_ < 0 && !open()) {
            return 0;
        }
        if (!send_all(request)) {
            close();
            return 0;
        }
        const int status = read_response();
        if (status == 0 || closing_) {
            close();
        }
        return status;
    }

  private:
    bool open() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port_));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        timeval tv{10, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            close();
            return false;
        }
        buffer_.clear();
        return true;
    }
    void close() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = -1;
        buffer_.clear();
    }
    bool send_all(const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            const auto n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) {
                return false;
            }
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }
    bool fill() {
        char chunk[65536];
        const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) {
            return false;
        }
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    /// Reads headers and a Content-Length or chunked body.
    int read_response() {
        std::size_t end;
        while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) {
                return 0;
            }
        }
        std::string head = buffer_.substr(0, end);
        buffer_.erase(0, end + 4);
        if (head.size() < 12) {
            return 0;
        }
        const int status = std::atoi(head.c_str() + 9);
        for (char& c : head) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        closing_ = head.find("\r\nconnection: close") != std::string::npos;
        if (const auto at = head.find("\r\ncontent-length:"); at != std::string::npos) {
            const std::size_t length = std::strtoul(head.c_str() + at + 17, nullptr, 10);
            while (buffer_.size() < length) {
                if (!fill()) {
                    return 0;
                }
            }
            buffer_.erase(0, length);
        } else if (head.find("\r\ntransfer-encoding: chunked") != std::string::npos) {
            for (;;) {
                std::size_t line;
                while ((line = buffer_.find("\r\n")) == std::string::npos) {
                    if (!fill()) {
                        return 0;
                    }
                }
                const std::size_t size = std::strtoul(buffer_.c_str(), nullptr, 16);
                while (buffer_.size() < line + 2 + size + 2) {
                    if (!fill()) {
                        return 0;
                    }
                }
                buffer_.erase(0, line + 2 + size + 2);
                if (size == 0) {
                    break;
                }
            }
        }
        return status;
    }

    int port_;
    int fd_ = -1;
    bool closing_ = false;
    std::string buffer_;
};

double percentile(std::vector<double>& sorted, double p) {
    if (sorted.empty()) {
        return 0;
    }
    const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

std::string format_ms(double micros) {
    char buffer[32];
    if (micros < 1000) {
        std::snprintf(buffer, sizeof buffer, "%.0fus", micros);
    } else {
        std::snprintf(buffer, sizeof buffer, "%.2fms", micros / 1000);
    }
    return buffer;
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    const std::string request =
        "GET " + o.path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: server_bench\r\n\r\n";
    std::atomic<long> budget = o.max_requests;
    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(o.connections));
    std::vector<long> errors(static_cast<std::size_t>(o.connections), 0);
    const auto start = Clock::now() + std::chrono::milliseconds(50);
    const auto stop = start + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(o.seconds));
    std::vector<std::thread> threads;
    for (int c = 0; c < o.connections; ++c) {
        threads.emplace_back([&, c] {
            Connection connection(o.port);
            auto& mine = latencies[static_cast<std::size_t>(c)];
            mine.reserve(1 << 16);
            // open loop: this connection's share of the schedule, offset so that connections
            // interleave
            const double interval = o.rate > 0 ? o.connections / o.rate : 0;
            auto scheduled =
                start + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(interval * c / o.connections));
            std::this_thread::sleep_until(start);
            while (budget.fetch_sub(1) > 0) {
                if (o.rate > 0) {
                    std::this_thread::sleep_until(scheduled);
                }
                const auto sent = o.rate > 0 ? scheduled : Clock::now();
                if (sent >= stop) {
                    break;
                }
                const int status = connection.exchange(request);
                const auto done = Clock::now();
                if (status != 200) {
                    ++errors[static_cast<std::size_t>(c)];
                }
                mine.push_back(std::chrono::duration<double, std::micro>(done - sent).count());
                if (o.rate > 0) {
                    scheduled += std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(interval));
                }
            }
        });
    }
    for (auto& t : threads) {
        t.join();
    }
    // Real elapsed time: in open loop a server that falls behind delays the last scheduled
    // requests past `stop`, and the throughput must show it.
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    long error_count = 0;
    for (std::size_t c = 0; c < latencies.size(); ++c) {
        all.insert(all.end(), latencies[c].begin(), latencies[c].end());
        error_count += errors[c];
    }
    std::sort(all.begin(), all.end());
    std::printf(
        "%-22s %3d conns %-10s %8zu req %5ld err %9.0f req/s  p50 %8s  p90 %8s  p99 %8s  "
        "max %8s\n",
        o.label.c_str(), o.connections,
        o.rate > 0 ? ("@" + std::to_string(static_cast<long>(o.rate)) + "/s").c_str() : "closed",
        all.size(), error_count, static_cast<double>(all.size()) / elapsed,
        format_ms(percentile(all, 0.50)).c_str(), format_ms(percentile(all, 0.90)).c_str(),
        format_ms(percentile(all, 0.99)).c_str(), format_ms(all.empty() ? 0 : all.back()).c_str());
    return error_count == 0 ? 0 : 1;
}
