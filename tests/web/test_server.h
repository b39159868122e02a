// Test support for the web tests: the real index built once per executable from the bundled
// register (and the v1.0 templates), a real Server on an ephemeral loopback port that is
// stopped and joined when the guard goes away, and a raw-socket client for requests that a
// well-behaved HTTP client would refuse to send.
#pragma once

#include "indexer/run_index.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "web/server.h"

#include <arpa/inet.h>
#include <chrono>
#include <httplib.h>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace algreg::testing {

/// Indexes the fixtures into `db_path`.
inline void build_fixture_index(const std::string& db_path) {
    indexer::IndexOptions options;
    options.inputs = {fixture("register-2026-08-08.json"), fixture("register-v1.0-templates.json")};
    options.abbreviations_path = fixture("abbreviations-nl.tsv");
    options.ministries_path = fixture("ministries-nl.tsv");
    options.db_path = db_path;
    options.quiet = true;
    std::ostringstream log;
    (void)indexer::run_index(options, log);
}

/// The fixtures of full records: the June 2023 export (130) and the standard 1.0 templates (27).
inline const std::vector<std::string> full_fixtures{"register-2023-06-19-full.json",
                                                    "register-v1.0-templates.json"};

/// Indexes the full records into `db_path` (157 entries).
inline void build_full_record_index(const std::string& db_path) {
    indexer::IndexOptions options;
    for (const auto& name : full_fixtures) {
        options.inputs.push_back(fixture(name));
    }
    options.db_path = db_path;
    options.quiet = true;
    std::ostringstream log;
    (void)indexer::run_index(options, log);
}

/// The shared read-only index of this test executable (built on first use).
inline const std::string& fixture_index() {
    static TempDir dir;
    static const std::string path = [] {
        const std::string p = dir.file("index");
        build_fixture_index(p);
        return p;
    }();
    return path;
}

/// A running server; stop() + join() on destruction.
class TestServer {
  public:
    /// The access log is off unless `access_log` (stderr would fill with every test's lines).
    /// `as_of` serves as_of= (indexer::as_of_index_provider); empty: no as_of.
    /// `sync_status`: as `algreg serve --follow` gives it (web::Server).
    explicit TestServer(web::ServerConfig config = {}, bool access_log = false,
                        search::AsOfIndexProvider as_of = {},
                        search::SyncStatusSource sync_status = {})
        : server_(prepare(std::move(config), access_log), std::move(as_of),
                  std::move(sync_status)) {
        port_ = server_.bind();
        thread_ = std::thread([this] { server_.run(); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!server_.is_running()) {
            if (std::chrono::steady_clock::now() > deadline) {
                throw std::runtime_error("test server did not start");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;
    ~TestServer() {
        server_.stop();
        thread_.join();
    }
    [[nodiscard]] int port() const { return port_; }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(10, 0);
        return c;
    }

  private:
    static web::ServerConfig prepare(web::ServerConfig c, bool access_log) {
        c.host = "127.0.0.1";
        c.port = 0;
        if (c.index_path == web::ServerConfig{}.index_path) {
            c.index_path = fixture_index();
        }
        c.access_log = access_log;
        c.threads = c.threads ? c.threads : 16;
        return c;
    }
    web::Server server_;
    int port_ = 0;
    std::thread thread_;
};

/// A TCP connection to 127.0.0.1:port whose reads give up after `read_timeout_s`; throws when
/// it cannot connect. The caller closes it.
inline int connect_loopback(int port, int read_timeout_s = 5) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        throw std::runtime_error("connect failed");
    }
    timeval tv{read_timeout_s, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

/// Everything the server sends on `fd` until it closes the connection or the read times out.
inline std::string read_until_closed(int fd) {
    std::string out;
    char buffer[65536];
    for (;;) {
        const auto n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) {
            break;
        }
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

/// Sends `bytes` as they are and returns everything the server sends back until it closes
/// the connection (or 5 s pass).
inline std::string raw_request(int port, const std::string& bytes) {
    const int fd = connect_loopback(port);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            break; // the server may close early (413, 414): read what it said
        }
        sent += static_cast<std::size_t>(n);
    }
    std::string out = read_until_closed(fd);
    ::close(fd);
    return out;
}

/// The status code of a raw response ("HTTP/1.1 404 Not Found" -> 404), or 0.
inline int raw_status(const std::string& response) {
    if (response.size() < 12 || response.rfind("HTTP/1.", 0) != 0) {
        return 0;
    }
    return std::stoi(response.substr(9, 3));
}

/// The body of a raw, non-chunked response.
inline std::string raw_body(const std::string& response) {
    const auto split = response.find("\r\n\r\n");
    return split == std::string::npos ? std::string() : response.substr(split + 4);
}

} // namespace algreg::testing
