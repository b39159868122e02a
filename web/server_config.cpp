#include "web/server_config.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <thread>

namespace algreg::web {

namespace {

/// A whole decimal number in [lo, hi], or std::invalid_argument naming `what`.
std::size_t parse_number(std::string_view what, std::string_view text, std::size_t lo,
                         std::size_t hi) {
    std::size_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end || value < lo || value > hi) {
        throw std::invalid_argument(std::string(what) + ": expected a whole number from " +
                                    std::to_string(lo) + " to " + std::to_string(hi) + ", got '" +
                                    std::string(text) + "'");
    }
    return value;
}

void set(ServerConfig& c, std::string_view name, const std::string& value) {
    if (name == "index") {
        if (value.empty()) {
            throw std::invalid_argument("index: expected a directory");
        }
        c.index_path = value;
    } else if (name == "host") {
        if (value.empty()) {
            throw std::invalid_argument("host: expected an address");
        }
        c.host = value;
    } else if (name == "port") {
        c.port = static_cast<int>(parse_number("port", value, 0, 65535));
    } else if (name == "threads") {
        c.threads = parse_number("threads", value, 1, 1024);
    } else if (name == "max-body") {
        c.max_body_bytes = parse_number("max-body", value, 1024, 64 * 1024 * 1024);
    } else if (name == "cache-mb") {
        c.cache_bytes = parse_number("cache-mb", value, 0, 4096) * 1024 * 1024;
    } else if (name == "log-format") {
        const auto format = parse_log_format(value);
        if (!format) {
            throw std::invalid_argument("log-format: expected combined or json, got '" + value +
                                        "'");
        }
        c.log_format = *format;
    } else if (name == "follow") {
        if (!value.empty() && !value.starts_with("http://") && !value.starts_with("https://")) {
            throw std::invalid_argument("follow: expected an http:// or https:// URL, got '" +
                                        value + "'");
        }
        c.follow = value; // "" (an empty ALGREG_FOLLOW=): follow nothing
    } else if (name == "every") {
        const auto every = parse_duration(value);
        if (!every) {
            throw std::invalid_argument("every: expected a duration such as 10s, 15m, 6h or 24h, "
                                        "got '" +
                                        value + "'");
        }
        c.follow_every = *every;
    } else if (name == "time-limit") {
        c.search_time_limit =
            std::chrono::milliseconds(parse_number("time-limit", value, 0, 60'000));
    }
}

} // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
    if (text.size() < 2) {
        return std::nullopt;
    }
    std::int64_t unit = 0;
    switch (text.back()) {
    case 's':
        unit = 1;
        break;
    case 'm':
        unit = 60;
        break;
    case 'h':
        unit = 3600;
        break;
    case 'd':
        unit = 86'400;
        break;
    default:
        return std::nullopt;
    }
    text.remove_suffix(1);
    std::int64_t count = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (ec != std::errc() || ptr != text.data() + text.size() || count < 1 ||
        count > 366 * 86'400 / unit) {
        return std::nullopt;
    }
    return std::chrono::seconds(count * unit);
}

std::size_t default_thread_count() {
    const std::size_t cores = std::max(1U, std::thread::hardware_concurrency());
    return std::max<std::size_t>(64, 4 * cores);
}

ServerConfig parse_serve_arguments(const std::vector<std::string>& args, const EnvLookup& env,
                                   ServerConfig defaults) {
    ServerConfig c = std::move(defaults);
    for (const auto& [var, name] :
         {std::pair{"ALGREG_INDEX", "index"}, std::pair{"ALGREG_HOST", "host"},
          std::pair{"ALGREG_PORT", "port"}, std::pair{"ALGREG_THREADS", "threads"},
          std::pair{"ALGREG_LOG_FORMAT", "log-format"}, std::pair{"ALGREG_FOLLOW", "follow"},
          std::pair{"ALGREG_FOLLOW_EVERY", "every"}}) {
        if (const auto value = env ? env(var) : std::nullopt) {
            set(c, name, *value);
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        if (arg == "--quiet" || arg == "-q") {
            c.access_log = false;
            continue;
        }
        if (arg.rfind("--", 0) != 0) {
            throw std::invalid_argument("unexpected argument '" + arg + "'");
        }
        std::string value;
        if (const auto eq = arg.find('='); eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            throw std::invalid_argument(arg + ": expected a value");
        }
        const std::string name = arg.substr(2);
        if (name == "db") {
            set(c, "index", value);
        } else if (name == "index" || name == "host" || name == "port" || name == "threads" ||
                   name == "max-body" || name == "time-limit" || name == "cache-mb" ||
                   name == "log-format" || name == "follow" || name == "every") {
            set(c, name, value);
        } else {
            throw std::invalid_argument("unknown option '" + arg + "'");
        }
    }
    return c;
}

std::string serve_help() {
    return R"(Usage: algreg serve [options]

Serves the index over HTTP: our API under /api/v1 (OpenAPI document at /api/v1/openapi.json),
the official register's API under /api (algoritmes.overheid.nl clients work unchanged), and
/healthz and /metrics. Read-only, except with --follow. With no index at the index path, the
bundled register is indexed there first (with --follow: the first sync builds it). Stops
cleanly on SIGINT or SIGTERM (a sync in progress is abandoned without writing).

Options (environment variable in brackets; options win):
  --index DIR        the index to serve [ALGREG_INDEX] (default data/index; --db works too)
  --host ADDR        address to bind [ALGREG_HOST] (default 127.0.0.1: this machine only)
  --port N           port [ALGREG_PORT] (default 8080; 0 = any free port)
  --threads N        worker threads = connections served at once [ALGREG_THREADS]
                     (default max(64, 4 x cores))
  --max-body BYTES   largest request body (default 65536; larger gets 413)
  --time-limit MS    matcher time per search before counts become partial (default 0 = none;
                     Xapian 1.4's time limit can crash the server under heavy load)
  --cache-mb MB      memory for answers cached per index revision (default 32; 0 = off)
  --log-format NAME  access log format [ALGREG_LOG_FORMAT]: combined (default; Apache's and
                     nginx's Combined Log Format) or json (one object per line, with duration_us)
  --follow URL       keep the index current: sync from this register (for example
                     https://algoritmes.overheid.nl, or another algreg) at start-up and then
                     every --every, in the background, serving each new revision live; a
                     failed sync keeps the last good revision. Without an index yet, the first
                     sync builds it (meanwhile requests get 503). Status: /healthz, /metrics
                     [ALGREG_FOLLOW]
  --every DURATION   time between syncs with --follow: 10s, 15m, 6h, 24h, 2d (default 24h)
                     [ALGREG_FOLLOW_EVERY]
  --quiet, -q        no access log
  --help, -h         this text

Exit codes: 0 stopped by a signal; 2 the index cannot be built; 4 the index cannot be opened;
5 the address cannot be bound; 64 bad command line.
)";
}

} // namespace algreg::web
