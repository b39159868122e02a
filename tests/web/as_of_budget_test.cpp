// The as_of build budget: builds of past dates are rationed (one at a time, a short queue, a
// rate), and requests over it get 503 with Retry-After while ordinary searches still answer.
#include "indexer/as_of_index.h"
#include "tests/support/history_index.h"
#include "tests/support/temp_dir.h"
#include "tests/web/test_server.h"
#include "web/as_of_budget.h"
#include "web/http_errors.h"

#include <atomic>
#include <doctest/doctest.h>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <vector>

using namespace algreg::web;
using algreg::testing::TempDir;
using algreg::testing::TestServer;
using nlohmann::json;

namespace {

/// The Retry-After of the HttpError `acquire` throws; fails the test when it does not throw.
int refused_retry_after(AsOfBudget& budget) {
    try {
        (void)budget.acquire();
    } catch (const HttpError& e) {
        CHECK(e.kind() == ErrorKind::unavailable);
        CHECK(std::string(e.what()).find("as_of") != std::string::npos);
        return e.retry_after_seconds();
    }
    FAIL("acquire() was not refused");
    return 0;
}

/// Days before the history's last revision (2026-08-08), so each costs a build.
const std::vector<std::string> past_dates{"2026-05-20", "2026-05-27", "2026-06-03", "2026-06-10",
                                          "2026-06-17", "2026-06-24", "2026-07-01", "2026-07-08"};

} // namespace

TEST_CASE("AsOfBudget: one build at a time, a bounded queue, a rate") {
    SUBCASE("busy and no queue: refused at once, with a Retry-After") {
        AsOfBudget budget({.concurrent = 1, .queue = 0});
        auto permit = budget.acquire();
        REQUIRE(permit);
        CHECK(refused_retry_after(budget) >= 1);
        permit.reset();
        CHECK(budget.acquire()); // the build ended: the next one may start
    }
    SUBCASE("a waiting build gets its turn when the running one ends") {
        AsOfBudget budget({.concurrent = 1, .queue = 1, .queue_wait = std::chrono::seconds(10)});
        auto permit = budget.acquire();
        auto waiter = std::async(std::launch::async, [&] { return budget.acquire(); });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        CHECK(refused_retry_after(budget) >= 1); // the queue (1) is full
        permit.reset();
        CHECK(waiter.get());
    }
    SUBCASE("a wait longer than queue_wait is refused") {
        AsOfBudget budget(
            {.concurrent = 1, .queue = 4, .queue_wait = std::chrono::milliseconds(50)});
        auto permit = budget.acquire();
        CHECK(refused_retry_after(budget) >= 1);
    }
    SUBCASE("the rate: a burst, then a Retry-After until the next token") {
        AsOfBudget budget({.concurrent = 4, .per_minute = 2, .burst = 2});
        (void)budget.acquire();
        (void)budget.acquire();
        const int retry = refused_retry_after(budget);
        CHECK(retry >= 29); // one token every 30 s
        CHECK(retry <= 30);
    }
}

TEST_CASE("as_of over budget: 503 with Retry-After, never 500, and searches still answer") {
    // A copy of the history index, so that its as-of cache starts empty: every date builds.
    TempDir dir;
    const std::string index = dir.file("index");
    std::filesystem::copy(algreg::testing::history_index_path(), index,
                          std::filesystem::copy_options::recursive);
    ServerConfig config;
    config.index_path = index;
    config.threads = 16;
    config.as_of_budget = {.concurrent = 1,
                           .queue = 1,
                           .queue_wait = std::chrono::milliseconds(2'000),
                           .per_minute = 2,
                           .burst = 2};
    TestServer server(config, false, algreg::indexer::as_of_index_provider(index));

    std::atomic<bool> running{true};
    std::atomic<int> searches{0};
    std::atomic<int> failed_searches{0};
    auto searcher = std::async(std::launch::async, [&] {
        auto cli = server.client();
        while (running) {
            const auto res = cli.Get("/api/v1/search?q=herregistratie");
            (res && res->status == 200 ? searches : failed_searches)++;
        }
    });

    std::vector<std::future<httplib::Result>> requests;
    for (const auto& date : past_dates) {
        requests.push_back(std::async(std::launch::async, [&server, date] {
            auto cli = server.client();
            return cli.Get("/api/v1/search?q=herregistratie&as_of=" + date);
        }));
    }
    int answered = 0;
    int refused = 0;
    for (auto& request : requests) {
        const auto res = request.get();
        REQUIRE(res);
        CHECK_MESSAGE((res->status == 200 || res->status == 503), res->status, " ", res->body);
        if (res->status == 200) {
            ++answered;
            CHECK(json::parse(res->body).contains("as_of"));
        } else if (res->status == 503) {
            ++refused;
            CHECK(std::stoi(res->get_header_value("Retry-After")) >= 1);
            const json body = json::parse(res->body);
            CHECK(body.at("error").at("code") == "unavailable");
            CHECK(body.at("error").at("message").get<std::string>().find("try again") !=
                  std::string::npos);
        }
    }
    running = false;
    searcher.get();
    CHECK(answered >= 1);
    CHECK(answered <= 2); // the burst: two builds, then none for 30 s
    CHECK(refused == static_cast<int>(past_dates.size()) - answered);
    CHECK(searches > 0);
    CHECK(failed_searches == 0);

    auto cli = server.client();
    // Opening a date's searchers loads its revision data: slow in a debug build on a busy
    // machine (the full suite), so wait longer than the default 10 s.
    cli.set_read_timeout(60, 0);
    // A date already built costs nothing and still answers.
    int cached = 0;
    for (const auto& date : past_dates) {
        const auto res = cli.Get("/api/v1/search?q=herregistratie&as_of=" + date);
        REQUIRE(res);
        cached += res->status == 200 ? 1 : 0;
    }
    CHECK(cached >= answered); // more when two dates fall in one revision, which one build serves

    // Pages say it in Dutch and English, with the same header; the official API in its shape.
    const auto page = cli.Get("/?q=herregistratie&as_of=2026-07-15");
    REQUIRE(page);
    CHECK(page->status == 503);
    CHECK(page->has_header("Retry-After"));
    CHECK(page->body.find("Probeer het over") != std::string::npos);
    const auto english = cli.Get("/en/?q=herregistratie&as_of=2026-07-15");
    REQUIRE(english);
    CHECK(english->status == 503);
    CHECK(english->body.find("try again in") != std::string::npos);
    // The live register is not rationed.
    CHECK(cli.Get("/api/v1/search?q=herregistratie&as_of=2026-08-08")->status == 200);
}
