// Slow, idle and oversized clients against the request gate: they get 408, 431 or 400 and
// never hold the workers, so ordinary requests keep their latency (issue: 70 clients sending
// one header byte every 3 s used to starve the server).
#include "tests/web/test_server.h"
#include "web/request_gate.h"

#include <algorithm>
#include <atomic>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <vector>

using namespace algreg::web;
using algreg::testing::connect_loopback;
using algreg::testing::raw_body;
using algreg::testing::raw_request;
using algreg::testing::raw_status;
using algreg::testing::read_until_closed;
using algreg::testing::TestServer;
using Clock = std::chrono::steady_clock;

namespace {

void send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            return;
        }
        sent += static_cast<std::size_t>(n);
    }
}

std::string headers(std::size_t count, std::size_t value_size) {
    std::string out;
    for (std::size_t i = 0; i < count; ++i) {
        out += "X-Field-" + std::to_string(i) + ": " + std::string(value_size, 'v') + "\r\n";
    }
    return out;
}

ServerConfig quick_gate() {
    ServerConfig c;
    c.request_timeout = std::chrono::milliseconds(1'500);
    c.threads = 8;
    return c;
}

} // namespace

TEST_CASE("inspect_head: complete, incomplete and refused heads") {
    const GateLimits limits;
    CHECK(inspect_head("GET / HTTP/1.1\r\nHost: x\r\n", limits).verdict == HeadVerdict::incomplete);
    CHECK(inspect_head("GET / HTTP/1.1\r\nHost: x\r\n\r\n", limits).verdict ==
          HeadVerdict::complete);
    CHECK(inspect_head("GET / HTTP/1.1\nHost: x\n\n", limits).verdict == HeadVerdict::complete);
    CHECK(inspect_head("GET /api/v1/search?q=x HTTP/1.1\r\n", limits).path == "/api/v1/search");

    const auto many = inspect_head("GET / HTTP/1.1\r\n" + headers(101, 1), limits);
    CHECK(many.verdict == HeadVerdict::too_large);
    CHECK(many.reason.find("100 header fields") != std::string::npos);
    CHECK(inspect_head("GET / HTTP/1.1\r\n" + headers(100, 1) + "\r\n", limits).verdict ==
          HeadVerdict::complete);
    CHECK(inspect_head("GET / HTTP/1.1\r\n" + headers(1, 20'000), limits).verdict ==
          HeadVerdict::too_large);

    const std::string post = "POST /api/algoritme/NLD HTTP/1.1\r\nContent-Length: 10\r\n\r\n";
    CHECK(inspect_head(post + "12345", limits).verdict == HeadVerdict::incomplete);
    CHECK(inspect_head(post + "1234567890", limits).verdict == HeadVerdict::complete);
    // A declared body above the limit goes to the workers at once, where httplib says 413.
    CHECK(inspect_head("POST / HTTP/1.1\r\nContent-Length: 999999999\r\n\r\n", limits).verdict ==
          HeadVerdict::complete);

    const auto conflict = inspect_head(
        "POST / HTTP/1.1\r\nContent-Length: 5\r\ncontent-length: 6\r\n\r\nabcdef", limits);
    CHECK(conflict.verdict == HeadVerdict::malformed);
    CHECK(conflict.reason.find("conflicting Content-Length") != std::string::npos);
    CHECK(inspect_head("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nabcde",
                       limits)
              .verdict == HeadVerdict::complete);
    CHECK(inspect_head("POST / HTTP/1.1\r\nContent-Length: 5x\r\n\r\n", limits).verdict ==
          HeadVerdict::malformed);
    CHECK(inspect_head(
              "POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nabcde",
              limits)
              .verdict == HeadVerdict::malformed);
}

TEST_CASE("a request whose head never completes gets 408 and its connection is closed") {
    TestServer server(quick_gate());
    const int fd = connect_loopback(server.port());
    send_all(fd, "GET /api/v1/search?q=parkeren HTTP/1.1\r\nHost: x\r\nX-a: ");
    const auto start = Clock::now();
    const std::string answer = read_until_closed(fd);
    ::close(fd);
    const auto waited = Clock::now() - start;
    CHECK(raw_status(answer) == 408);
    CHECK(nlohmann::json::parse(raw_body(answer))["error"]["code"] == "request_timeout");
    CHECK(waited >= std::chrono::milliseconds(1'000));
    CHECK(waited < std::chrono::milliseconds(4'000));
}

TEST_CASE("a head that arrives in pieces is served once complete, body included") {
    TestServer server(quick_gate());
    int fd = connect_loopback(server.port());
    send_all(fd, "GET /healthz HTTP/1.1\r\nHost: x\r\n");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    send_all(fd, "Connection: close\r\n\r\n");
    CHECK(raw_status(read_until_closed(fd)) == 200);
    ::close(fd);

    const std::string body = R"({"page":1,"limit":3,"searchtext":"parkeren"})";
    fd = connect_loopback(server.port());
    send_all(fd, "POST /api/algoritme/NLD HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                 "Content-Type: application/json\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    send_all(fd, body.substr(10));
    const std::string answer = read_until_closed(fd);
    ::close(fd);
    REQUIRE(raw_status(answer) == 200);
    CHECK(answer.find("\"total_count\"") != std::string::npos);
}

TEST_CASE("too many or too large header fields: 431; conflicting Content-Length: 400") {
    TestServer server(quick_gate());
    const std::string many = raw_request(server.port(), "GET /api/v1/search?q=x HTTP/1.1\r\n" +
                                                            headers(1'000, 10) + "\r\n");
    CHECK(raw_status(many) == 431);
    CHECK(nlohmann::json::parse(raw_body(many))["error"]["code"] == "headers_too_large");
    // The official API's paths answer in FastAPI's shape.
    const std::string official = raw_request(
        server.port(), "GET /api/algoritme/NLD/x HTTP/1.1\r\n" + headers(1, 40'000) + "\r\n");
    CHECK(raw_status(official) == 431);
    CHECK(nlohmann::json::parse(raw_body(official))["detail"] ==
          "the request head is larger than 16384 bytes");
    const std::string conflict =
        raw_request(server.port(), "POST /api/algoritme/NLD HTTP/1.1\r\nContent-Length: 2\r\n"
                                   "Content-Length: 3\r\n\r\n{}x");
    CHECK(raw_status(conflict) == 400);
    // The server is still there.
    CHECK(server.client().Get("/healthz")->status == 200);
}

TEST_CASE("a request followed by a half-close (shutdown of the sending side) gets its answer") {
    // As `printf 'GET …' | nc` does: the client says it will send nothing more, then reads.
    TestServer server(quick_gate());
    int answered = 0;
    for (int i = 0; i < 20; ++i) {
        const int fd = connect_loopback(server.port());
        send_all(fd, "GET /api/v1/search?q=parkeren&size=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        ::shutdown(fd, SHUT_WR);
        const std::string response = read_until_closed(fd);
        ::close(fd);
        if (raw_status(response) == 200 && response.find("\"total\"") != std::string::npos) {
            ++answered;
        }
    }
    CHECK(answered == 20);
}

TEST_CASE("300 trickling and idle connections do not slow ordinary requests") {
    ServerConfig config = quick_gate();
    config.request_timeout = std::chrono::milliseconds(4'000);
    TestServer server(config);
    std::vector<int> trickling;
    std::vector<int> idle;
    for (int i = 0; i < 150; ++i) {
        trickling.push_back(connect_loopback(server.port()));
        send_all(trickling.back(), "GET / HTTP/1.1\r\nHost: x\r\nX-a: ");
        idle.push_back(connect_loopback(server.port()));
    }
    std::atomic<bool> done = false;
    std::thread trickle([&] {
        while (!done) {
            for (const int fd : trickling) {
                send_all(fd, "a");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });

    // 8 workers, 300 slow connections: without the gate not one of these would be served.
    std::vector<double> millis;
    auto client = server.client();
    client.set_keep_alive(true);
    const auto until = Clock::now() + std::chrono::milliseconds(2'500);
    while (Clock::now() < until) {
        const auto start = Clock::now();
        const auto res = client.Get("/api/v1/search?q=parkeren&page_size=5");
        REQUIRE(res);
        CHECK(res->status == 200);
        millis.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    done = true;
    trickle.join();
    std::sort(millis.begin(), millis.end());
    MESSAGE("requests: " << millis.size() << ", p50 " << millis[millis.size() / 2] << " ms, max "
                         << millis.back() << " ms");
    CHECK(millis.size() >= 10);
    CHECK(millis.back() < 1'000.0);

    // The slow ones are answered 408 at their deadline and closed.
    for (const int fd : trickling) {
        CHECK(raw_status(read_until_closed(fd)) == 408);
        ::close(fd);
    }
    for (const int fd : idle) {
        ::close(fd);
    }
}
