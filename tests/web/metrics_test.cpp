// Metrics exposition and the access log line.
#include "web/access_log.h"
#include "web/metrics.h"
#include "web/request_tracker.h"

#include <doctest/doctest.h>

using namespace algreg::web;

TEST_CASE("metrics: counters by route and status, cumulative histogram, index gauges") {
    Metrics m;
    m.observe("/api/v1/search", 200, std::chrono::microseconds(700), 100);
    m.observe("/api/v1/search", 200, std::chrono::microseconds(3000), 100);
    m.observe("/api/v1/search", 400, std::chrono::microseconds(100), 50);
    m.observe("unmatched", 404, std::chrono::microseconds(10), 10);
    const std::string text = m.render({7, 1557});
    CHECK(text.find("algreg_http_requests_total{route=\"/api/v1/search\",status=\"200\"} 2\n") !=
          std::string::npos);
    CHECK(text.find("algreg_http_requests_total{route=\"/api/v1/search\",status=\"400\"} 1\n") !=
          std::string::npos);
    CHECK(text.find("algreg_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n") !=
          std::string::npos);
    CHECK(text.find("algreg_http_request_duration_seconds_bucket{route=\"/api/v1/search\",le="
                    "\"0.0005\"} 1\n") != std::string::npos);
    CHECK(text.find("algreg_http_request_duration_seconds_bucket{route=\"/api/v1/search\",le="
                    "\"0.001\"} 2\n") != std::string::npos);
    CHECK(text.find("algreg_http_request_duration_seconds_bucket{route=\"/api/v1/search\",le="
                    "\"+Inf\"} 3\n") != std::string::npos);
    CHECK(text.find("algreg_http_request_duration_seconds_count{route=\"/api/v1/search\"} 3\n") !=
          std::string::npos);
    CHECK(text.find("algreg_index_revision 7\n") != std::string::npos);
    CHECK(text.find("algreg_index_entries 1557\n") != std::string::npos);
    CHECK(text.find("algreg_http_response_bytes_total 260\n") != std::string::npos);
    CHECK(text.find("# TYPE algreg_http_request_duration_seconds histogram") != std::string::npos);
}

TEST_CASE("access log line: one line, escaped") {
    const std::string line =
        format_access_line({"GET", "/api/v1/entries/a b\n\"x\"", 404, 12, 345, "127.0.0.1"});
    CHECK(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    CHECK(line.find(" GET /api/v1/entries/a\\x20b\\x0a\\x22x\\x22 404 12B 345us 127.0.0.1\n") !=
          std::string::npos);
    const std::string empty = format_access_line({"", "", 400, 0, 0, ""});
    CHECK(empty.find(" - - 400 0B 0us -\n") != std::string::npos);
}

TEST_CASE("request tracker: per thread, finish forgets") {
    RequestTracker t;
    CHECK_FALSE(t.finish().started);
    t.begin();
    t.set_route("/healthz");
    t.add_bytes(10);
    t.add_bytes(5);
    std::thread other([&] { CHECK_FALSE(t.finish().started); });
    other.join();
    const auto r = t.finish();
    CHECK(r.started);
    CHECK(r.route == "/healthz");
    CHECK(r.streamed_bytes == 15);
    CHECK_FALSE(t.finish().started);
}
