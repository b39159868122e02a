// `algreg serve --follow URL --every D`: a server that keeps its index current by syncing from
// another register in the background. End to end through the program: a source algreg serves
// the full-record fixtures, a second one follows it into an empty folder. In process: a
// follower whose source is down keeps serving the last good revision and says so; one without
// an index answers 503 "index wordt opgebouwd"; stopping abandons a sync in progress.
#include "indexer/follower.h"
#include "tests/support/child_server.h"
#include "tests/web/test_server.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <xapian.h>

using namespace algreg;
using namespace algreg::testing;
using nlohmann::json;

namespace {

/// A loopback port nothing listens on (bound, then closed): connections are refused.
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t size = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &size);
    ::close(fd);
    return ntohs(addr.sin_port);
}

/// GET `path` until `done(status, body)` holds or `limit` passes; returns the last answer.
std::pair<int, std::string> poll_until(int port, const std::string& path,
                                       const std::function<bool(int, const std::string&)>& done,
                                       std::chrono::milliseconds limit) {
    httplib::Client cli("127.0.0.1", port);
    cli.set_read_timeout(5, 0);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    std::pair<int, std::string> last{0, ""};
    while (std::chrono::steady_clock::now() < deadline) {
        if (const auto r = cli.Get(path)) {
            last = {r->status, r->body};
            if (done(r->status, r->body)) {
                break;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return last;
}

/// A follower of `source` into `db` that tries once per sync (no backoff waits in tests).
indexer::FollowOptions follow_options(const std::string& source, const std::string& db) {
    indexer::FollowOptions o;
    o.sync.from = source;
    o.sync.db_path = db;
    o.sync.policy.max_attempts = 1;
    o.sync.policy.connect_timeout = std::chrono::milliseconds(2'000);
    o.every = std::chrono::seconds(1);
    return o;
}

/// Waits until the board has `attempts` finished syncs (or 10 s pass).
search::SyncStatus wait_attempts(const search::SyncStatusBoard& board, std::uint64_t attempts) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (board.get().attempts_total < attempts && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return board.get();
}

/// A server on `db` that shows the status on `board`, as `serve --follow` wires it.
std::unique_ptr<TestServer> status_server(const std::string& db,
                                          const search::SyncStatusBoard& board) {
    web::ServerConfig config;
    config.index_path = db;
    return std::make_unique<TestServer>(config, false, algreg::search::AsOfIndexProvider{},
                                        [&board] { return board.get(); });
}

} // namespace

TEST_CASE("serve --follow: an empty folder is filled by the first sync and served; healthz and "
          "metrics report the sync; SIGTERM stops it") {
    TempDir dir;
    const std::string source_db = dir.file("source");
    build_full_record_index(source_db);
    ChildServer source = start_child_server(source_db);
    const std::string source_url = "http://127.0.0.1:" + std::to_string(source.port);
    ChildServer follower =
        start_child_server(dir.file("follower"), {"--follow", source_url, "--every", "1h"});

    const auto [status, body] = poll_until(
        follower.port, "/healthz",
        [](int s, const std::string& b) {
            return s == 200 && json::parse(b)["sync"]["last_outcome"] == "ok";
        },
        std::chrono::seconds(20));
    REQUIRE_MESSAGE(status == 200, body);
    const json health = json::parse(body);
    const json& sync = health["sync"];
    CHECK(health["status"] == "ok");
    CHECK(health["entries"] == 157);
    CHECK(sync["source"] == source_url);
    CHECK(sync["every_seconds"] == 3600);
    CHECK(sync["building"] == false);
    CHECK(sync["last_entries"] == 157);
    CHECK(sync["last_revision"] == health["revision"]);
    CHECK(sync["failures"] == 0);
    CHECK(sync["last_message"] == "");
    CHECK(sync["last_attempt"].is_string());
    CHECK(sync["last_success"].is_string());
    REQUIRE(sync["next"].is_string());
    CHECK(sync["next"].get<std::string>() > sync["last_attempt"].get<std::string>());

    httplib::Client cli("127.0.0.1", follower.port);
    const auto search = cli.Get("/api/v1/search?q=algoritme");
    REQUIRE(search);
    CHECK(search->status == 200);
    CHECK(json::parse(search->body)["total"].get<int>() > 0);
    const auto metrics = cli.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("algreg_sync_last_success_timestamp_seconds 17") != std::string::npos);
    CHECK(metrics->body.find("algreg_sync_failures_total 0\n") != std::string::npos);
    CHECK(metrics->body.find("algreg_sync_last_outcome{outcome=\"ok\"} 1") != std::string::npos);
    CHECK(metrics->body.find("algreg_sync_last_entries 157") != std::string::npos);

    CHECK(stop_child_server(follower) == 0);
    CHECK(stop_child_server(source) == 0);
}

TEST_CASE("serve --follow: a source that is down fails the sync, and the last good revision is "
          "still served and reported") {
    TempDir dir;
    const std::string db = dir.file("index");
    build_full_record_index(db);
    const auto before = Xapian::Database(db).get_revision();
    const auto options = follow_options("http://127.0.0.1:" + std::to_string(closed_port()), db);
    search::SyncStatusBoard board(indexer::initial_follow_status(options));
    std::vector<std::string> log;
    std::mutex log_mutex;
    indexer::Follower follower(options, board, [&](const std::string& line) {
        const std::lock_guard lock(log_mutex);
        log.push_back(line);
    });
    const search::SyncStatus status = wait_attempts(board, 1);
    REQUIRE(status.attempts_total >= 1);
    CHECK(status.last_outcome == search::SyncOutcome::failed);
    CHECK(status.failures_total >= 1);
    CHECK(status.last_message.find("127.0.0.1") != std::string::npos);
    CHECK_FALSE(status.building);
    CHECK_FALSE(status.last_success.has_value());
    {
        const std::lock_guard lock(log_mutex);
        REQUIRE_FALSE(log.empty());
        CHECK(log.front().find("failed") != std::string::npos);
        CHECK(log.front().find("still serving the last good revision") != std::string::npos);
    }

    const auto server = status_server(db, board);
    auto cli = server->client();
    const auto health = cli.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    const json h = json::parse(health->body);
    CHECK(h["entries"] == 157);
    CHECK(h["sync"]["last_outcome"] == "failed");
    CHECK(h["sync"]["last_message"].get<std::string>().find("127.0.0.1") != std::string::npos);
    CHECK(h["sync"]["failures"].get<int>() >= 1);
    const auto search = cli.Get("/api/v1/search?q=algoritme");
    REQUIRE(search);
    CHECK(search->status == 200);
    const auto metrics = cli.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->body.find("algreg_sync_last_outcome{outcome=\"failed\"} 1") !=
          std::string::npos);
    CHECK(metrics->body.find("algreg_sync_last_success_timestamp_seconds 0\n") !=
          std::string::npos);
    follower.stop();
    CHECK(Xapian::Database(db).get_revision() == before);
}

TEST_CASE("serve --follow without an index: 503 'index wordt opgebouwd' until the first sync "
          "succeeds; healthz says building") {
    TempDir dir;
    const std::string db = dir.file("index");
    const auto options = follow_options("http://127.0.0.1:" + std::to_string(closed_port()), db);
    search::SyncStatusBoard board(indexer::initial_follow_status(options));
    CHECK(board.get().building);
    indexer::Follower follower(options, board, [](const std::string&) {});
    (void)wait_attempts(board, 1);

    const auto server = status_server(db, board);
    auto cli = server->client();
    const auto health = cli.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 503);
    const json h = json::parse(health->body);
    CHECK(h["status"] == "building");
    CHECK(h["sync"]["building"] == true);
    CHECK(h["sync"]["last_outcome"] == "failed");
    CHECK(h["message"].get<std::string>().find("index wordt opgebouwd") != std::string::npos);

    const auto api = cli.Get("/api/v1/search?q=wmo");
    REQUIRE(api);
    CHECK(api->status == 503);
    CHECK(api->get_header_value("Retry-After") == "60");
    CHECK(json::parse(api->body)["error"]["message"].get<std::string>().find(
              "index wordt opgebouwd") != std::string::npos);
    const auto official = cli.Get("/api/algoritme/total-count");
    REQUIRE(official);
    CHECK(official->status == 503);
    CHECK(json::parse(official->body)["detail"].get<std::string>().find("index wordt opgebouwd") !=
          std::string::npos);
    const auto page = cli.Get("/?q=wmo");
    REQUIRE(page);
    CHECK(page->status == 503);
    CHECK(page->get_header_value("Content-Type").find("text/html") != std::string::npos);
    CHECK(page->body.find("de index wordt opgebouwd") != std::string::npos);
    const auto metrics = cli.Get("/metrics");
    REQUIRE(metrics);
    CHECK(metrics->status == 200);
    CHECK(metrics->body.find("algreg_sync_building 1") != std::string::npos);
    follower.stop();
    CHECK_FALSE(std::filesystem::exists(db));
}

TEST_CASE("Follower::stop abandons a sync in progress at once, without writing") {
    // A source that accepts the request and then says nothing for 30 s (until released).
    httplib::Server silent;
    std::atomic<bool> asked = false;
    std::atomic<bool> released = false;
    silent.Get("/api/downloads/site-data/json", [&](const httplib::Request&, httplib::Response&) {
        asked = true;
        for (int i = 0; i < 300 && !released; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    const int port = silent.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { silent.listen_after_bind(); });
    TempDir dir;
    const std::string db = dir.file("index");
    auto options = follow_options("http://127.0.0.1:" + std::to_string(port), db);
    options.sync.policy.read_timeout = std::chrono::milliseconds(60'000);
    search::SyncStatusBoard board(indexer::initial_follow_status(options));
    std::vector<std::string> log;
    {
        indexer::Follower follower(options, board, [&](const std::string& l) { log.push_back(l); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (!asked && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        REQUIRE(asked);
        CHECK(board.get().running);
        const auto stopping = std::chrono::steady_clock::now();
        follower.stop();
        const auto took = std::chrono::steady_clock::now() - stopping;
        CHECK(took < std::chrono::seconds(1));
        MESSAGE("stopped in " << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                              << " ms");
    }
    released = true;
    silent.stop();
    serving.join();
    const auto status = board.get();
    CHECK_FALSE(status.running);
    CHECK(status.attempts_total == 0); // abandoned, not failed
    CHECK(status.failures_total == 0);
    REQUIRE(log.size() == 1);
    CHECK(log[0].find("abandoned") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(db));
}
