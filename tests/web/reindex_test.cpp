// Live reindex: `algreg index` (indexer::run_index) writes the served index while several
// client threads keep searching. No request fails, and the new revision is answered within a
// second of the commit.
#include "tests/web/test_server.h"

#include <atomic>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using algreg::testing::TempDir;
using algreg::testing::TestServer;
using nlohmann::json;

TEST_CASE("reindex under concurrent requests: zero failures, new revision within a second") {
    TempDir dir;
    const std::string db = dir.file("index");
    // Start from the listing alone; the reindex adds the 27 templates (a real change).
    {
        algreg::indexer::IndexOptions options;
        options.inputs = {algreg::testing::fixture("register-2026-08-08.json")};
        options.db_path = db;
        options.quiet = true;
        std::ostringstream log;
        (void)algreg::indexer::run_index(options, log);
    }
    algreg::web::ServerConfig config;
    config.index_path = db;
    TestServer server(config);

    const auto revision_now = [&] {
        auto cli = server.client();
        const auto r = cli.Get("/healthz");
        REQUIRE(r);
        return json::parse(r->body);
    };
    const json before = revision_now();
    CHECK(before["entries"] == 1530);

    std::atomic<bool> done = false;
    std::atomic<int> ok = 0;
    std::atomic<int> failed = 0;
    std::vector<std::thread> clients;
    const std::vector<std::string> targets{"/api/v1/search?q=parkeren", "/api/v1/search",
                                           "/api/v1/entries/11234933", "/api/v1/suggest?q=wmo",
                                           "/api/v1/stats"};
    for (int t = 0; t < 4; ++t) {
        clients.emplace_back([&, t] {
            auto cli = server.client();
            for (std::size_t i = static_cast<std::size_t>(t); !done; ++i) {
                const auto r = cli.Get(targets[i % targets.size()]);
                (r && r->status == 200 ? ok : failed)++;
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    {
        algreg::indexer::IndexOptions options;
        options.inputs = {algreg::testing::fixture("register-2026-08-08.json"),
                          algreg::testing::fixture("register-v1.0-templates.json")};
        options.db_path = db;
        options.quiet = true;
        std::ostringstream log;
        (void)algreg::indexer::run_index(options, log);
    }
    const auto committed = std::chrono::steady_clock::now();
    json after;
    while (std::chrono::steady_clock::now() - committed < std::chrono::seconds(3)) {
        after = revision_now();
        if (after["entries"] == 1557) {
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    const auto visible = std::chrono::steady_clock::now() - committed;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    done = true;
    for (auto& c : clients) {
        c.join();
    }
    CHECK(after["entries"] == 1557);
    CHECK(after["revision"].get<int>() > before["revision"].get<int>());
    CHECK(visible < std::chrono::seconds(1));
    CHECK(failed == 0);
    CHECK(ok > 20);
    MESSAGE("requests during the reindex: "
            << ok.load() << " ok, " << failed.load()
            << " failed; new revision "
               "visible after "
            << std::chrono::duration_cast<std::chrono::milliseconds>(visible).count() << " ms");
}
