#include "web/server.h"

#include "search/errors.h"
#include "web/access_log.h"
#include "web/api_handlers.h"
#include "web/app.h"
#include "web/completeness_handlers.h"
#include "web/http_errors.h"
#include "web/page_routes.h"
#include "web/routes.h"

#include <atomic>
#include <csignal>
#include <httplib.h>
#include <iostream>
#include <pthread.h>
#include <sys/socket.h>
#include <thread>

namespace algreg::web {

namespace {

/// Pending connections the kernel queues for accept(). httplib listens with a compiled-in
/// backlog of 5, so a burst of new connections (a load generator opening 64 at once, a page
/// with many parallel fetches) sees SYNs dropped and 1 s retransmits; listen() again on the
/// bound socket raises it (Linux updates the backlog of a listening socket).
constexpr int listen_backlog = 1024;

/// httplib::Server with access to its listening socket, for the backlog.
class HttpServer : public httplib::Server {
  public:
    void raise_backlog(int backlog) {
        const auto fd = svr_sock_.load();
        if (fd != INVALID_SOCKET) {
            ::listen(fd, backlog);
        }
    }
};

} // namespace

struct Server::State {
    State(ServerConfig c, search::AsOfIndexProvider provider)
        : config(std::move(c)),
          searchers(config.index_path,
                    std::chrono::duration<double>(config.search_time_limit).count()),
          cache(config.cache_bytes),
          as_of(std::move(provider),
                std::chrono::duration<double>(config.search_time_limit).count()),
          completeness(config.index_path), app{config, searchers, metrics,     tracker,
                                               cache,  as_of,     completeness} {}

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
    return c;
}

void configure(httplib::Server& http, App& app) {
    const ServerConfig& c = app.config;
    const std::size_t threads = c.threads > 0 ? c.threads : default_thread_count();
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http.set_keep_alive_timeout(c.keep_alive_timeout_s);
    http.set_keep_alive_max_count(c.keep_alive_max_count);
    http.set_read_timeout(c.read_timeout_s, 0);
    http.set_write_timeout(c.write_timeout_s, 0);
    http.set_payload_max_length(c.max_body_bytes);
    http.set_tcp_nodelay(true);
    http.set_default_headers({
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Access-Control-Allow-Origin", "*"},
    }); // Content-Security-Policy: per answer (api_csp for JSON, page_csp for the HTML pages)
    http.set_pre_routing_handler([&app](const httplib::Request&, httplib::Response&) {
        app.tracker.begin();
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
    install_error_handlers(
        http, [](const std::string& what) { write_log_line("algreg serve: " + what + "\n"); });
    register_page_routes(http, page_context(app)); // first: the home page is "/"
    register_routes(http, app);
}

} // namespace

Server::Server(ServerConfig config, search::AsOfIndexProvider as_of)
    : state_(std::make_unique<State>(std::move(config), std::move(as_of))) {
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
    return state_->http.listen_after_bind();
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

int serve(const ServerConfig& config, search::AsOfIndexProvider as_of) {
    // Fail early, with the reason, when the index cannot be opened.
    try {
        search::Searcher probe(config.index_path);
        (void)probe.revision();
    } catch (const search::IndexUnavailableError& e) {
        std::cerr << "algreg serve: " << e.what() << '\n';
        return serve_exit::index_unavailable;
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

    Server server(config, std::move(as_of));
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
