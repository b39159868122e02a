// `algreg serve` as a process: it stops cleanly on SIGTERM and SIGINT within 2 s, even with an
// idle keep-alive connection open, and exits 0.
#include "tests/support/child_server.h"
#include "tests/web/test_server.h"

#include <csignal>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using algreg::testing::ChildServer;
using algreg::testing::fixture_index;
using algreg::testing::wait_child_exit;

namespace {

ChildServer start_server(const std::string& index = fixture_index()) {
    return algreg::testing::start_child_server(index);
}

} // namespace

TEST_CASE("algreg serve stops on SIGTERM and SIGINT within 2 s, idle keep-alive or not") {
    for (const int signal : {SIGTERM, SIGINT}) {
        ChildServer child = start_server();
        // an idle keep-alive connection, left open
        httplib::Client idle("127.0.0.1", child.port);
        idle.set_keep_alive(true);
        const auto r = idle.Get("/healthz");
        REQUIRE(r);
        CHECK(r->status == 200);
        const auto sent = std::chrono::steady_clock::now();
        ::kill(child.pid, signal);
        const int code = wait_child_exit(child.pid, std::chrono::milliseconds(2000));
        const auto took = std::chrono::steady_clock::now() - sent;
        if (code < 0) {
            ::kill(child.pid, SIGKILL);
            (void)wait_child_exit(child.pid, std::chrono::milliseconds(2000));
        }
        ::close(child.stderr_fd);
        CHECK_MESSAGE(code == 0, "signal " << signal);
        CHECK(took < std::chrono::seconds(2));
        MESSAGE("signal " << signal << ": exited in "
                          << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                          << " ms");
    }
}

TEST_CASE("algreg serve: no index at the path: the bundled register is indexed there first") {
    algreg::testing::TempDir dir;
    ChildServer child = start_server(dir.file("fresh-index"));
    httplib::Client cli("127.0.0.1", child.port);
    const auto r = cli.Get("/healthz");
    REQUIRE(r);
    CHECK(nlohmann::json::parse(r->body)["entries"] == 1530);
    ::kill(child.pid, SIGTERM);
    CHECK(wait_child_exit(child.pid, std::chrono::milliseconds(2000)) == 0);
    ::close(child.stderr_fd);
}

TEST_CASE("algreg serve: bad options exit 64, --help exits 0") {
    const std::string command = std::string(ALGREG_BINARY) + " serve --port http 2>/dev/null";
    const int status = std::system(command.c_str());
    CHECK(WEXITSTATUS(status) == 64);
    const std::string help = std::string(ALGREG_BINARY) + " serve --help >/dev/null";
    CHECK(WEXITSTATUS(std::system(help.c_str())) == 0);
}
