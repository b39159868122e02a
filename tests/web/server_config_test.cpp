// ServerConfig parsing: defaults, environment, options over environment, errors naming the
// option.
#include "web/server_config.h"

#include <doctest/doctest.h>
#include <map>

using algreg::web::parse_serve_arguments;
using algreg::web::ServerConfig;

namespace {
algreg::web::EnvLookup env(std::map<std::string, std::string> vars) {
    return [vars](std::string_view name) -> std::optional<std::string> {
        const auto it = vars.find(std::string(name));
        return it == vars.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}
} // namespace

TEST_CASE("serve defaults: loopback, 8080, data/index") {
    const ServerConfig c = parse_serve_arguments({}, env({}));
    CHECK(c.host == "127.0.0.1");
    CHECK(c.port == 8080);
    CHECK(c.index_path == "data/index");
    CHECK(c.access_log);
    CHECK(c.log_format == algreg::web::LogFormat::combined);
    CHECK(c.search_time_limit == std::chrono::milliseconds(0)); // Xapian 1.4's limit can crash
    CHECK(algreg::web::default_thread_count() >= 64);
}

TEST_CASE("serve: environment, then options") {
    const auto e = env({{"ALGREG_INDEX", "/srv/idx"},
                        {"ALGREG_HOST", "0.0.0.0"},
                        {"ALGREG_PORT", "9000"},
                        {"ALGREG_THREADS", "12"}});
    const ServerConfig from_env = parse_serve_arguments({}, e);
    CHECK(from_env.index_path == "/srv/idx");
    CHECK(from_env.host == "0.0.0.0");
    CHECK(from_env.port == 9000);
    CHECK(from_env.threads == 12);
    const ServerConfig c = parse_serve_arguments(
        {"--port=9100", "--index", "other", "--threads", "3", "--time-limit", "50", "-q"}, e);
    CHECK(c.port == 9100);
    CHECK(c.index_path == "other");
    CHECK(c.threads == 3);
    CHECK(c.search_time_limit == std::chrono::milliseconds(50));
    CHECK_FALSE(c.access_log);
    CHECK(parse_serve_arguments({"--db", "x"}, env({})).index_path == "x");
    using algreg::web::LogFormat;
    CHECK(parse_serve_arguments({"--log-format", "json"}, env({})).log_format == LogFormat::json);
    CHECK(parse_serve_arguments({}, env({{"ALGREG_LOG_FORMAT", "json"}})).log_format ==
          LogFormat::json);
    CHECK(parse_serve_arguments({"--log-format=combined"}, env({{"ALGREG_LOG_FORMAT", "json"}}))
              .log_format == LogFormat::combined);
}

TEST_CASE("serve: bad options name the option") {
    const auto message = [](std::vector<std::string> args,
                            std::map<std::string, std::string> vars) {
        try {
            (void)parse_serve_arguments(args, env(vars));
        } catch (const std::invalid_argument& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message({"--port", "http"}, {}).starts_with("port: expected a whole number"));
    CHECK(message({"--port", "70000"}, {}).starts_with("port:"));
    CHECK(message({"--threads", "0"}, {}).starts_with("threads:"));
    CHECK(message({"--port"}, {}) == "--port: expected a value");
    CHECK(message({"--colour", "red"}, {}) == "unknown option '--colour'");
    CHECK(message({"stray"}, {}) == "unexpected argument 'stray'");
    CHECK(message({}, {{"ALGREG_PORT", "-1"}}).starts_with("port:"));
    CHECK(message({"--log-format", "clf"}, {}) ==
          "log-format: expected combined or json, got 'clf'");
    CHECK(message({}, {{"ALGREG_LOG_FORMAT", "xml"}}).starts_with("log-format:"));
}

TEST_CASE("serve --help names every option and variable") {
    const std::string help = algreg::web::serve_help();
    for (const char* word :
         {"--index", "--host", "--port", "--threads", "--max-body", "--time-limit", "ALGREG_INDEX",
          "ALGREG_HOST", "ALGREG_PORT", "ALGREG_THREADS", "--log-format", "ALGREG_LOG_FORMAT",
          "SIGTERM", "--follow", "--every", "ALGREG_FOLLOW", "ALGREG_FOLLOW_EVERY"}) {
        CHECK_MESSAGE(help.find(word) != std::string::npos, word);
    }
}

TEST_CASE("serve --follow URL --every DURATION, and their variables") {
    using namespace std::chrono_literals;
    const ServerConfig none = parse_serve_arguments({}, env({}));
    CHECK(none.follow.empty());
    CHECK(none.follow_every == 24h);
    const ServerConfig c = parse_serve_arguments(
        {"--follow", "https://algoritmes.overheid.nl", "--every", "15m"}, env({}));
    CHECK(c.follow == "https://algoritmes.overheid.nl");
    CHECK(c.follow_every == 15min);
    const ServerConfig e = parse_serve_arguments(
        {}, env({{"ALGREG_FOLLOW", "http://127.0.0.1:8080"}, {"ALGREG_FOLLOW_EVERY", "6h"}}));
    CHECK(e.follow == "http://127.0.0.1:8080");
    CHECK(e.follow_every == 6h);
    CHECK(parse_serve_arguments({}, env({{"ALGREG_FOLLOW", ""}})).follow.empty());

    CHECK(algreg::web::parse_duration("10s") == 10s);
    CHECK(algreg::web::parse_duration("24h") == 24h);
    CHECK(algreg::web::parse_duration("2d") == 48h);
    for (const char* bad : {"", "10", "h", "0s", "-5m", "1.5h", "10 s", "10sec", "367d", "5w"}) {
        CHECK_MESSAGE(!algreg::web::parse_duration(bad), bad);
    }
    CHECK_THROWS_WITH_AS(parse_serve_arguments({"--every", "daily"}, env({})),
                         doctest::Contains("every: expected a duration"), std::invalid_argument);
    CHECK_THROWS_WITH_AS(parse_serve_arguments({"--follow", "algoritmes.overheid.nl"}, env({})),
                         doctest::Contains("follow: expected an http:// or https:// URL"),
                         std::invalid_argument);
}
