// The access log of a running server, captured from stderr: one Combined Log Format line per
// request by default, JSON lines with log_format = json.
#include "tests/support/temp_dir.h"
#include "tests/web/test_server.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <unistd.h>

using namespace algreg;
using namespace algreg::testing;

namespace {

/// Runs `f` with stderr going to a file and returns what was written.
template <class F> std::string capture_stderr(F&& f) {
    TempDir dir;
    const std::string path = dir.file("stderr");
    const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(file >= 0);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(file, STDERR_FILENO);
    ::close(file);
    f();
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The lines of `log` that contain `needle`.
std::vector<std::string> lines_with(const std::string& log, const std::string& needle) {
    std::vector<std::string> out;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.find(needle) != std::string::npos) {
            out.push_back(line);
        }
    }
    return out;
}

} // namespace

TEST_CASE("access log of a running server: Combined Log Format, JSON lines on request") {
    web::ServerConfig config;
    const std::string combined = capture_stderr([&] {
        TestServer server(config, true);
        auto cli = server.client();
        const auto r = cli.Get("/api/v1/search?q=parkeren&facets=off",
                               {{"User-Agent", "test \"agent\""}, {"Referer", "http://x/"}});
        REQUIRE(r);
        CHECK(r->status == 200);
    });
    const auto lines = lines_with(combined, "/api/v1/search?q=parkeren");
    REQUIRE(lines.size() == 1);
    const std::regex clf(R"(^127\.0\.0\.1 - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\] )"
                         R"("GET /api/v1/search\?q=parkeren&facets=off HTTP/1\.1" 200 \d+ )"
                         R"("http://x/" "test \\"agent\\""$)");
    CHECK_MESSAGE(std::regex_match(lines[0], clf), lines[0]);

    config.log_format = web::LogFormat::json;
    const std::string json_log = capture_stderr([&] {
        TestServer server(config, true);
        auto cli = server.client();
        REQUIRE(cli.Get("/api/v1/entries/no-such-entry"));
    });
    const auto json_lines = lines_with(json_log, "no-such-entry");
    REQUIRE(json_lines.size() == 1);
    const auto j = nlohmann::json::parse(json_lines[0]);
    CHECK(j["status"] == 404);
    CHECK(j["method"] == "GET");
    CHECK(j["target"] == "/api/v1/entries/no-such-entry");
    CHECK(j["protocol"] == "HTTP/1.1");
    CHECK(j["duration_us"].is_number_unsigned());
    CHECK(j["bytes"].get<std::uint64_t>() > 0);
}
