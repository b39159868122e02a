// Server: the HTTP server over one index: httplib configured from ServerConfig (pool, limits,
// timeouts, headers), the route table, the error table, the access log and metrics. serve()
// runs one until SIGINT or SIGTERM.
#pragma once

#include "search/as_of.h"
#include "search/sync_status.h"
#include "web/server_config.h"

#include <memory>

namespace algreg::web {

class Server {
  public:
    /// Configures everything; opens nothing and binds nothing yet. Without `as_of` (the
    /// indexer's as-of index builder, given by main()), requests for as_of= answer 503.
    /// `sync_status` (given by main() with --follow): shown on /healthz and /metrics; while it
    /// says `building`, every other request answers 503.
    explicit Server(ServerConfig config, search::AsOfIndexProvider as_of = {},
                    search::SyncStatusSource sync_status = {});
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    /// Binds config.host:config.port (port 0: any free port) and returns the port. Throws
    /// std::runtime_error when the address cannot be bound.
    int bind();
    /// Serves until stop(); returns false if the server failed. Call after bind().
    bool run();
    /// Stops accepting and returns from run() once open connections are done (idle keep-alive
    /// connections close within config.keep_alive_timeout_s). Thread-safe; idempotent.
    void stop();
    [[nodiscard]] bool is_running() const;
    [[nodiscard]] const ServerConfig& config() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

/// Exit codes of `algreg serve`.
namespace serve_exit {
inline constexpr int ok = 0;
inline constexpr int index_unavailable = 4;
inline constexpr int cannot_bind = 5;
} // namespace serve_exit

/// Runs a Server until SIGINT or SIGTERM (waited for by a thread this function owns, which
/// calls stop(); signals are blocked in every other thread). Checks that the index opens first,
/// unless `sync_status` says the first sync is building it.
/// Prints "algreg: serving <index> on http://host:port" to stderr. Returns a serve_exit code.
int serve(const ServerConfig& config, search::AsOfIndexProvider as_of = {},
          search::SyncStatusSource sync_status = {});

} // namespace algreg::web
