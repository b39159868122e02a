// Requests kept running against a test server while the index under it changes: a few client
// threads cycle through a list of targets until stopped, counting answers 200 and everything
// else (another status, or no answer at all).
#pragma once

#include "tests/web/test_server.h"

#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace algreg::testing {

class RequestLoad {
  public:
    /// Starts `threads` clients on `server`, each cycling through `targets` from its own offset.
    RequestLoad(const TestServer& server, std::vector<std::string> targets, int threads = 4)
        : targets_(std::move(targets)) {
        for (int t = 0; t < threads; ++t) {
            clients_.emplace_back([this, &server, t] {
                auto cli = server.client();
                for (std::size_t i = static_cast<std::size_t>(t); !done_; ++i) {
                    const auto r = cli.Get(targets_[i % targets_.size()]);
                    (r && r->status == 200 ? ok_ : failed_)++;
                }
            });
        }
    }
    RequestLoad(const RequestLoad&) = delete;
    RequestLoad& operator=(const RequestLoad&) = delete;
    ~RequestLoad() { stop(); }

    /// Stops and joins the clients (idempotent).
    void stop() {
        done_ = true;
        for (auto& c : clients_) {
            if (c.joinable()) {
                c.join();
            }
        }
    }
    [[nodiscard]] int ok() const { return ok_; }
    [[nodiscard]] int failed() const { return failed_; }

  private:
    std::vector<std::string> targets_;
    std::atomic<bool> done_ = false;
    std::atomic<int> ok_ = 0;
    std::atomic<int> failed_ = 0;
    std::vector<std::thread> clients_;
};

/// The server's /healthz as JSON.
inline nlohmann::json healthz(const TestServer& server) {
    auto cli = server.client();
    const auto r = cli.Get("/healthz");
    if (!r) {
        throw std::runtime_error("no answer from /healthz");
    }
    return nlohmann::json::parse(r->body);
}

/// The targets the reindex tests keep requesting: searches with and without text, an entry,
/// suggestions and statistics.
inline std::vector<std::string> reindex_targets() {
    return {"/api/v1/search?q=parkeren", "/api/v1/search", "/api/v1/entries/11234933",
            "/api/v1/suggest?q=wmo", "/api/v1/stats"};
}

} // namespace algreg::testing
