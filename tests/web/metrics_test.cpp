// Metrics exposition and the access log line.
#include "web/access_log.h"
#include "web/metrics.h"
#include "web/request_tracker.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

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

TEST_CASE("access log: Combined Log Format by default, client fields escaped") {
    using namespace std::chrono;
    const auto at = sys_days{year{2026} / 12 / 4} + hours{15} + minutes{32} + seconds{5};
    const std::string line = format_access_line({.method = "GET",
                                                 .target = "/api/v1/search?q=x",
                                                 .protocol = "HTTP/1.1",
                                                 .status = 200,
                                                 .bytes = 1234,
                                                 .micros = 345,
                                                 .remote = "127.0.0.1",
                                                 .referer = "http://h/zoeken",
                                                 .user_agent = "curl/7.88.1",
                                                 .time = at});
    CHECK(line == "127.0.0.1 - - [04/Dec/2026:15:32:05 +0000] \"GET /api/v1/search?q=x "
                  "HTTP/1.1\" 200 1234 \"http://h/zoeken\" \"curl/7.88.1\"\n");
    // A client cannot end the line or a quoted field early.
    const std::string evil =
        format_access_line({.method = "GET",
                            .target = "/a\"b\\c\n127.0.0.1 - - [x] \"GET / HTTP/1.1\" 200 1",
                            .protocol = "HTTP/1.1",
                            .status = 404,
                            .remote = "::1",
                            .referer = "",
                            .user_agent = "x\" \"\r\n\x1b[31m\xC3\xA9",
                            .time = at});
    CHECK(evil.find('\n') == evil.size() - 1);
    CHECK(evil.find('\r') == std::string::npos);
    CHECK(evil == "::1 - - [04/Dec/2026:15:32:05 +0000] \"GET /a\\\"b\\\\c\\x0a127.0.0.1 - - [x] "
                  "\\\"GET / HTTP/1.1\\\" 200 1 HTTP/1.1\" 404 - \"-\" "
                  "\"x\\\" \\\"\\x0d\\x0a\\x1b[31m\\xc3\\xa9\"\n");
    const std::string empty = format_access_line({"", "", "", 400, 0, 0, "", "", "", at});
    CHECK(empty == "- - - [04/Dec/2026:15:32:05 +0000] \"- - -\" 400 - \"-\" \"-\"\n");
    const std::string cut =
        format_access_line({"GET", std::string(5000, 'a'), "", 0, 0, 0, "", "", "", at});
    CHECK(cut.find(std::string(2000, 'a') + "...") != std::string::npos);
}

TEST_CASE("access log: JSON lines with the duration, escaped as JSON") {
    using namespace std::chrono;
    const auto at = sys_days{year{2026} / 12 / 4} + hours{15} + minutes{32} + seconds{5};
    const std::string line = format_access_line({.method = "GET",
                                                 .target = "/x?q=\"}\n{\"status\":1",
                                                 .protocol = "HTTP/1.1",
                                                 .status = 200,
                                                 .bytes = 7,
                                                 .micros = 1580,
                                                 .remote = "127.0.0.1",
                                                 .referer = "",
                                                 .user_agent = "a\xff\x01",
                                                 .time = at},
                                                LogFormat::json);
    CHECK(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    const auto j = nlohmann::json::parse(line);
    CHECK(j["time"] == "2026-12-04T15:32:05Z");
    CHECK(j["target"] == "/x?q=\"}\n{\"status\":1");
    CHECK(j["status"] == 200);
    CHECK(j["bytes"] == 7);
    CHECK(j["duration_us"] == 1580);
    CHECK(j["remote"] == "127.0.0.1");
    CHECK(j["referer"] == "");
    CHECK(j["user_agent"] == "a\xEF\xBF\xBD\x01"); // invalid UTF-8 replaced
    CHECK(parse_log_format("json") == LogFormat::json);
    CHECK(parse_log_format("combined") == LogFormat::combined);
    CHECK_FALSE(parse_log_format("clf"));
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
