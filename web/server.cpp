#include "web/server.h"

#include "search/errors.h"
#include "web/access_log.h"
#include "web/api_handlers.h"
#include "web/app.h"
#include "web/completeness_handlers.h"
#include "web/connection_stream.h"
#include "web/http_errors.h"
#include "web/page_routes.h"
#include "web/request_gate.h"
#include "web/routes.h"
#include "web/sync_status_view.h"

#include <atomic>
#include <csignal>
#include <httplib.h>
#include <iostream>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>

namespace algreg::web {

namespace {

/// Pending connections the kernel queues for accept(). httplib listens with a compiled-in
/// backlog of 5, so a burst of new connections (a load generator opening 64 at once, a page
/// with many parallel fetches) sees SYNs dropped and 1 s retransmits; listen() again on the
/// bound socket raises it (Linux updates the backlog of a listening socket).
constexpr int listen_backlog = 1024;

/// How long a worker waits for the next request on a kept-alive connection before it hands the
/// connection to the gate: a client on keep-alive sends it within a loopback round trip, and
/// the hand-over costs two thread switches.
constexpr std::chrono::microseconds keep_alive_linger{2'000};

/// httplib::Server with access to its listening socket (for the backlog), and its own
/// connection loop: httplib reads and answers each request (process_request), but a connection
/// waits for its next request in a RequestGate, not on a worker. A connection whose request is
/// complete on arrival (nearly all) is served at once by httplib's pool; any other is served
/// from a second pool of the same size once the gate has seen it complete, or is answered
/// 408/431/400 by the gate. So slow, idle and kept-alive-but-quiet clients hold no worker.
class HttpServer : public httplib::Server {
  public:
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    HttpServer() = default;
    ~HttpServer() override { close_gate(); }

    void raise_backlog(int backlog) {
        const auto fd = svr_sock_.load();
        if (fd != INVALID_SOCKET) {
            ::listen(fd, backlog);
        }
    }
    void open_gate(const GateLimits& limits, std::size_t threads, const ServerConfig& config) {
        limits_ = limits;
        keep_alive_max_ = std::max<std::size_t>(1, config.keep_alive_max_count);
        read_timeout_ = std::chrono::seconds(config.read_timeout_s);
        write_timeout_ = std::chrono::seconds(config.write_timeout_s);
        late_ = std::make_unique<httplib::ThreadPool>(threads);
        gate_ = std::make_unique<RequestGate>(limits, [this](int fd, std::size_t served) {
            late_->enqueue([this, fd, served] { serve_connection(fd, served); });
        });
    }
    /// After listening ended: closes what the gate holds and waits for the second pool.
    void close_gate() {
        if (gate_) {
            gate_->stop();
        }
        if (late_ && !late_closed_) {
            late_closed_ = true;
            late_->shutdown();
        }
    }

  private:
    /// Called by httplib's accept loop on its pool, once per new connection.
    bool process_and_close_socket(socket_t sock) override {
        if (gate_->admit(sock) == RequestGate::Admission::ready) {
            serve_connection(sock, 0);
        }
        return true;
    }

    /// Serves requests on `fd` while they arrive promptly; hands it back to the gate when the
    /// client goes quiet, closes it when it is done.
    void serve_connection(int fd, std::size_t served) {
        ConnectionStream stream(fd, read_timeout_, write_timeout_);
        for (;;) {
            const bool last = served + 1 >= keep_alive_max_ || svr_sock_ == INVALID_SOCKET;
            stream.start_request(ConnectionStream::Clock::now() + limits_.head_timeout);
            bool client_closes = false;
            const bool ok = process_request(stream, last, client_closes, nullptr);
            ++served;
            if (!ok || client_closes || last) {
                break;
            }
            if (stream.buffered() > 0) {
                continue; // the next request has begun in what was read: serve it here
            }
            switch (gate_->admit(fd, served, keep_alive_linger)) {
            case RequestGate::Admission::ready:
                continue;
            case RequestGate::Admission::held:
            case RequestGate::Admission::closed:
                return;
            }
        }
        ::shutdown(fd, SHUT_RDWR);
        ::close(fd);
    }

    GateLimits limits_;
    std::size_t keep_alive_max_ = 1;
    std::chrono::milliseconds read_timeout_{5'000};
    std::chrono::milliseconds write_timeout_{5'000};
    std::unique_ptr<httplib::ThreadPool> late_;
    bool late_closed_ = false;
    std::unique_ptr<RequestGate> gate_; ///< last: stopped before the pool it feeds goes away
};

} // namespace

struct Server::State {
    State(ServerConfig c, search::AsOfIndexProvider provider, search::SyncStatusSource sync)
        : config(std::move(c)),
          searchers(config.index_path,
                    std::chrono::duration<double>(config.search_time_limit).count()),
          cache(config.cache_bytes),
          as_of(std::move(provider),
                std::chrono::duration<double>(config.search_time_limit).count(),
                config.as_of_budget),
          completeness(config.index_path), app{config, searchers, metrics,      tracker,
                                               cache,  as_of,     completeness, std::move(sync)} {}

    ServerConfig config;
    SearcherPool searchers;
    Metrics metrics;
    RequestTracker tracker;
    ResponseCache cache;
    AsOfPools as_of;
    search::CompletenessCache completeness;
    App app;
    HttpServer http;
    int port = 0;
};

namespace {

/// What the HTML pages need, through the searcher pool.
PageContext page_context(App& app) {
    PageContext c;
    SearcherPool& pool = app.searchers;
    c.search = [&pool](const search::SearchRequest& r) {
        return pool.with([&](search::Searcher& s) { return s.search(r); });
    };
    c.find = [&pool](const std::string& id) {
        return pool.with([&](search::Searcher& s) { return s.find(id); });
    };
    c.similar = [&pool](const std::string& id, std::size_t n) {
        return pool.with([&](search::Searcher& s) { return s.more_like_this(id, n); });
    };
    c.facet_values = [&pool](const search::SearchRequest& r, const std::string& facet,
                             const std::string& text, std::size_t limit) {
        return pool.with(
            [&](search::Searcher& s) { return s.facet_values(r, facet, text, limit); });
    };
    c.changes = [&pool](const search::ChangesRequest& r) {
        return pool.with([&](search::Searcher& s) { return s.changes(r); });
    };
    c.history = [&pool](const std::string& id) {
        return pool.with([&](search::Searcher& s) { return s.history(id); });
    };
    if (app.as_of.available()) {
        c.find_as_of = [&app](const std::string& id, const std::string& date) {
            return app.as_of.with(date, [&](search::Searcher& s) { return s.find(id); });
        };
        c.search_as_of = [&app](const search::SearchRequest& r, const std::string& date) {
            return app.as_of.with(date, [&](search::Searcher& s) { return s.search(r); });
        };
    }
    c.completeness = [&app] { return completeness_data(app); };
    c.revision = [&pool]() -> std::uint64_t {
        return pool.with([](search::Searcher& s) { return s.revision(); });
    };
    c.log = [](const std::string& what) { write_log_line("algreg serve: " + what + "\n"); };
    c.static_dir = app.config.static_dir;
    return c;
}

void configure(HttpServer& http, App& app) {
    const ServerConfig& c = app.config;
    const std::size_t threads = c.threads > 0 ? c.threads : default_thread_count();
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    GateLimits gate;
    gate.head_timeout = c.request_timeout;
    gate.max_head_bytes = c.max_header_bytes;
    gate.max_header_count = c.max_header_count;
    gate.max_body_bytes = c.max_body_bytes;
    gate.keep_alive_timeout = std::chrono::seconds(c.keep_alive_timeout_s);
    http.open_gate(gate, threads, c);
    // Keep-alive and time-outs are the connection loop's (HttpServer), not httplib's.
    http.set_payload_max_length(c.max_body_bytes);
    http.set_tcp_nodelay(true);
    http.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Access-Control-Allow-Origin", "*"},
    }); // Content-Security-Policy: per answer (api_csp for JSON, page_csp for the HTML pages)
    http.set_pre_routing_handler([&app](const httplib::Request& req, httplib::Response& res) {
        app.tracker.begin();
        if (app.sync_status && !answered_while_building(req.path)) {
            if (const auto status = app.sync_status(); status.building) {
                res.set_header("Retry-After", "60");
                throw HttpError(ErrorKind::unavailable, building_message(status));
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_logger([&app](const httplib::Request& req, const httplib::Response& res) {
        const auto record = app.tracker.finish();
        const auto micros = record.started ? std::chrono::duration_cast<std::chrono::microseconds>(
                                                 RequestTracker::Clock::now() - record.start)
                                           : std::chrono::microseconds(0);
        const std::uint64_t bytes = record.streamed_bytes + res.body.size();
        std::string_view route = record.route;
        if (route == "unmatched" && res.status != 404 && req.path.starts_with("/static/")) {
            route = "/static/{file}"; // the page routes do not report their route
        } else if (route == "unmatched" && res.status != 404 && !req.path.starts_with("/api")) {
            route = "/{page}";
        }
        app.metrics.observe(route, res.status, micros, bytes);
        if (app.config.access_log) {
            const std::string referer = req.get_header_value("Referer");
            const std::string user_agent = req.get_header_value("User-Agent");
            write_log_line(format_access_line({.method = req.method,
                                               .target = req.target,
                                               .protocol = req.version,
                                               .status = res.status,
                                               .bytes = bytes,
                                               .micros = static_cast<std::uint64_t>(micros.count()),
                                               .remote = req.remote_addr,
                                               .referer = referer,
                                               .user_agent = user_agent,
                                               .time = std::chrono::system_clock::now() - micros},
                                              app.config.log_format));
        }
    });
    // Pages first: the home page is "/". Their error page writer answers unknown page paths.
    PageErrorHandler pages = register_page_routes(http, page_context(app));
    install_error_handlers(
        http, [](const std::string& what) { write_log_line("algreg serve: " + what + "\n"); },
        std::move(pages));
    register_routes(http, app);
}

} // namespace

Server::Server(ServerConfig config, search::AsOfIndexProvider as_of,
               search::SyncStatusSource sync_status)
    : state_(std::make_unique<State>(std::move(config), std::move(as_of), std::move(sync_status))) {
    configure(state_->http, state_->app);
}

Server::~Server() {
    if (state_->http.is_running()) {
        state_->http.stop();
    }
}

int Server::bind() {
    const auto& c = state_->config;
    if (c.port == 0) {
        state_->port = state_->http.bind_to_any_port(c.host);
        if (state_->port < 0) {
            state_->port = 0;
        }
    } else if (state_->http.bind_to_port(c.host, c.port)) {
        state_->port = c.port;
    }
    if (state_->port <= 0) {
        throw std::runtime_error("cannot bind " + c.host + ":" + std::to_string(c.port));
    }
    state_->http.raise_backlog(listen_backlog);
    return state_->port;
}

bool Server::run() {
    const bool ok = state_->http.listen_after_bind();
    state_->http.close_gate();
    return ok;
}

void Server::stop() {
    state_->http.stop();
}

bool Server::is_running() const {
    return state_->http.is_running();
}

const ServerConfig& Server::config() const {
    return state_->config;
}

int serve(const ServerConfig& config, search::AsOfIndexProvider as_of,
          search::SyncStatusSource sync_status) {
    // Fail early, with the reason, when the index cannot be opened (and is not being built).
    try {
        if (!sync_status || !sync_status().building) {
            search::Searcher probe(config.index_path);
            (void)probe.revision();
        }
    } catch (const search::IndexUnavailableError& e) {
        std::cerr << "algreg serve: " << e.what() << '\n';
        return serve_exit::index_unavailable;
    }

    // Every held or served connection is a descriptor: allow as many as the system lets this
    // process have (systemd's default soft limit is 1,024; slow clients alone can reach that).
    if (rlimit files{};
        ::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 65'536);
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    // Block the stop signals in this thread before any other starts, so that every thread
    // inherits the mask and only the waiting thread below receives them (by sigwait).
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGUSR1); // "run() ended on its own": wakes the waiting thread
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &signals, &previous);

    Server server(config, std::move(as_of), std::move(sync_status));
    int port = 0;
    try {
        port = server.bind();
    } catch (const std::exception& e) {
        pthread_sigmask(SIG_SETMASK, &previous, nullptr);
        std::cerr << "algreg serve: " << e.what() << '\n';
        return serve_exit::cannot_bind;
    }

    std::atomic<bool> stopping = false;
    std::thread waiter([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        if (signal != SIGUSR1) {
            std::cerr << "algreg serve: " << (signal == SIGINT ? "SIGINT" : "SIGTERM")
                      << ", stopping\n";
        }
        stopping = true;
        server.stop();
    });
    std::cerr << "algreg: serving " << config.index_path << " on http://" << config.host << ":"
              << port << "/ (API: /api/v1, OpenAPI: /api/v1/openapi.json)\n";
    const bool ok = server.run();
    if (!stopping) {
        pthread_kill(waiter.native_handle(), SIGUSR1);
    }
    waiter.join();
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return ok || stopping ? serve_exit::ok : serve_exit::cannot_bind;
}

} // namespace algreg::web
