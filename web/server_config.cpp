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
    } else if (name == "time-limit") {
        c.search_time_limit =
            std::chrono::milliseconds(parse_number("time-limit", value, 0, 60'000));
    }
}

} // namespace

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
          std::pair{"ALGREG_LOG_FORMAT", "log-format"}}) {
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
                   name == "log-format") {
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
/healthz and /metrics. Read-only. With no index at the index path, the bundled register is
indexed there first. Stops cleanly on SIGINT or SIGTERM.

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
  --quiet, -q        no access log
  --help, -h         this text

Exit codes: 0 stopped by a signal; 2 the index cannot be built; 4 the index cannot be opened;
5 the address cannot be bound; 64 bad command line.
)";
}

} // namespace algreg::web
