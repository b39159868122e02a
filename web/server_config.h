// ServerConfig: everything `algreg serve` can be told (address, index, pool, limits), as one
// value type, with its command-line and environment parsing and the --help text.
#pragma once

#include "search/data_dir.h"
#include "web/access_log.h"
#include "web/as_of_budget.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::web {

/// Request body limit: the official search body is well under 1 KB.
inline constexpr std::size_t default_max_body_bytes = 64 * 1024;

struct ServerConfig {
    std::string host = "127.0.0.1"; ///< loopback unless told otherwise
    int port = 8080;                ///< 0 = any free port (tests)
    std::string index_path = "data/index";
    std::size_t threads = 0; ///< worker threads = connections served at once; 0 = default
    std::size_t max_body_bytes = default_max_body_bytes; ///< larger bodies get 413
    /// Time the matcher may spend per search before it stops counting (results then say
    /// counts_partial). 0 = no limit, the default: Xapian 1.4.22 implements the limit with a
    /// POSIX SIGEV_THREAD timer whose callback can still run after the match returned, and
    /// under load (64 concurrent searches on a 100k index) that wrote into a finished stack
    /// frame and crashed the server. Without it, no crash in the same test.
    std::chrono::milliseconds search_time_limit{0};
    /// Idle time after which a keep-alive connection is closed, so that idle clients cannot
    /// hold the pool's threads (and stop() returns quickly).
    int keep_alive_timeout_s = 1;
    std::size_t keep_alive_max_count = 10'000; ///< requests per connection
    /// A new connection's whole request head (and a body up to max_body_bytes) must arrive
    /// within this, else 408; until then it waits in the request gate, not on a worker.
    std::chrono::milliseconds request_timeout{10'000};
    std::size_t max_header_bytes = 16 * 1024;   ///< request line + header fields; more gets 431
    std::size_t max_header_count = 100;         ///< header fields; more gets 431
    int read_timeout_s = 5;                     ///< a client that sends nothing for this long
    int write_timeout_s = 30;                   ///< a client that reads nothing for this long
    bool access_log = true;                     ///< one line per request on stderr
    LogFormat log_format = LogFormat::combined; ///< of the access log
    /// Serialised answers kept per index revision (response_cache.h); 0 = no cache.
    std::size_t cache_bytes = 32 * 1024 * 1024;
    /// How many as_of indexes are built at once, wait, and start per minute (as_of_budget.h).
    AsOfBudgetLimits as_of_budget;
    /// The web UI's CSS, JavaScript and images (search::DataDirs::static_dir, found by main()
    /// from where the program is); "" = none: pages are served without style and script.
    std::string static_dir;
    /// --follow URL: main() syncs this register into the index in the background (the
    /// indexer's Follower); the server shows that sync's status. "" = serve the index as it is.
    std::string follow;
    std::chrono::seconds follow_every{std::chrono::hours(24)}; ///< --every
    bool operator==(const ServerConfig&) const = default;
};

/// The pool size used when ServerConfig::threads is 0: one thread serves one connection at a
/// time (keep-alive holds it), so size it for the connections expected, not the cores:
/// max(64, 4 * cores).
[[nodiscard]] std::size_t default_thread_count();

using search::EnvLookup;

/// Parses `algreg serve` arguments over `defaults`, environment first, then options:
///   ALGREG_INDEX / --index DIR, ALGREG_HOST / --host H, ALGREG_PORT / --port N,
///   ALGREG_THREADS / --threads N, ALGREG_LOG_FORMAT / --log-format combined|json,
///   --max-body BYTES, --time-limit MS, --cache-mb MB (0 = off), --quiet (no access log),
///   ALGREG_FOLLOW / --follow URL, ALGREG_FOLLOW_EVERY / --every DURATION.
/// Throws std::invalid_argument naming the option and why.
[[nodiscard]] ServerConfig parse_serve_arguments(const std::vector<std::string>& args,
                                                 const EnvLookup& env, ServerConfig defaults = {});

/// "10s", "15m", "6h", "24h", "2d": a whole number and a unit (s, m, h, d), at least 1 s and at
/// most 366 days; nullopt otherwise.
[[nodiscard]] std::optional<std::chrono::seconds> parse_duration(std::string_view text);

/// The --help text of `algreg serve`.
[[nodiscard]] std::string serve_help();

} // namespace algreg::web
