// Hostile requests: huge bodies and URIs, malformed encodings, invalid UTF-8, NUL bytes, path
// tricks, absurd numbers, garbage request lines. Every answer is a well-formed JSON error with
// the right status, and the server keeps serving.
#include "tests/web/test_server.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using algreg::testing::raw_body;
using algreg::testing::raw_request;
using algreg::testing::raw_status;
using algreg::testing::TestServer;
using nlohmann::json;

namespace {

std::string get(const std::string& target) {
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
}

std::string error_code(const std::string& response) {
    const json body = json::parse(raw_body(response), nullptr, false);
    if (body.is_discarded()) {
        return "not json";
    }
    if (body.contains("error")) {
        return body["error"]["code"];
    }
    return body.contains("detail") ? "detail" : "?";
}

} // namespace

TEST_CASE("huge body: 413 before the handler runs") {
    TestServer server;
    const std::string body(200 * 1024, 'x');
    const auto response =
        raw_request(server.port(), "POST /api/algoritme/NLD HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                   "application/json\r\nConnection: close\r\nContent-Length: " +
                                       std::to_string(body.size()) + "\r\n\r\n" + body);
    CHECK(raw_status(response) == 413);
    CHECK(error_code(response) == "detail"); // an official path: FastAPI's shape
    const auto ours =
        raw_request(server.port(), "POST /api/v1/search HTTP/1.1\r\nHost: x\r\n"
                                   "Connection: close\r\nContent-Length: " +
                                       std::to_string(body.size()) + "\r\n\r\n" + body);
    CHECK(raw_status(ours) == 413);
    CHECK(error_code(ours) == "payload_too_large");
}

TEST_CASE("long URI: 414 (httplib's compiled-in 8 KB limit)") {
    TestServer server;
    const auto response =
        raw_request(server.port(), get("/api/v1/search?q=" + std::string(9000, 'a')));
    CHECK(raw_status(response) == 414);
    CHECK(error_code(response) == "uri_too_long");
    // just under the limit: a normal 400 for the over-long query text
    const auto long_q =
        raw_request(server.port(), get("/api/v1/search?q=" + std::string(8000, 'a')));
    CHECK(raw_status(long_q) == 400);
}

TEST_CASE("malformed percent-encoding, invalid UTF-8, NUL bytes") {
    TestServer server;
    const int port = server.port();
    // "%zz" is not an escape: it stays literal text and is searched as such
    CHECK(raw_status(raw_request(port, get("/api/v1/search?q=%zz%"))) == 200);
    const auto bad_utf8 = raw_request(port, get("/api/v1/search?q=%ff%fe"));
    CHECK(raw_status(bad_utf8) == 400);
    CHECK(json::parse(raw_body(bad_utf8))["error"]["parameter"] == "q");
    CHECK(raw_status(raw_request(port, get("/api/v1/search?status=%c0%af"))) == 400);
    CHECK(raw_status(raw_request(port, get("/api/v1/search?q=a%00b"))) == 200);
    CHECK(raw_status(raw_request(port, get("/api/v1/entries/%00"))) == 404);
    CHECK(raw_status(raw_request(port, get("/api/v1/entries/11234933%00"))) == 404);
    CHECK(raw_status(raw_request(port, get("/api/v1/suggest?q=%e2%82"))) == 400);
    CHECK(raw_status(raw_request(port, get("/api/suggestion/NLD/%ff"))) == 422);
}

TEST_CASE("path traversal never leaves the route table") {
    TestServer server;
    const int port = server.port();
    for (const char* target :
         {"/api/v1/entries/../../etc/passwd", "/api/v1/entries/..%2F..%2Fetc%2Fpasswd",
          "/api/v1/entries/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/../../etc/passwd",
          "/api/v1/entries/..", "/api/v1/export.csv/../../../etc/passwd", "//etc/passwd"}) {
        const auto response = raw_request(port, get(target));
        CHECK_MESSAGE(raw_status(response) == 404, target);
        CHECK(response.find("root:") == std::string::npos);
    }
}

TEST_CASE("absurd numbers and garbage requests") {
    TestServer server;
    const int port = server.port();
    CHECK(raw_status(raw_request(port, get("/api/v1/search?page=18446744073709551617"))) == 400);
    CHECK(raw_status(raw_request(port, get("/api/v1/search?page=-5"))) == 400);
    CHECK(raw_status(raw_request(port, get("/api/v1/search?size=1e3"))) == 400);
    CHECK(raw_status(raw_request(port, "NONSENSE\r\n\r\n")) == 400);
    CHECK(raw_status(raw_request(port, "BREW /api/v1/search HTTP/1.1\r\nHost: x\r\n\r\n")) == 400);
    const std::string huge_page = R"({"page": 99999999999999999999})";
    const auto official =
        raw_request(port, "POST /api/algoritme/NLD HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                          "Content-Type: application/json\r\nContent-Length: " +
                              std::to_string(huge_page.size()) + "\r\n\r\n" + huge_page);
    CHECK(raw_status(official) == 200); // lax integer, clamped: past the end, no results
    CHECK(json::parse(raw_body(official))["results"].empty());
    // and the server still answers
    CHECK(raw_status(raw_request(port, get("/healthz"))) == 200);
}
