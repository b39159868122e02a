// `algreg serve` as a process: it stops cleanly on SIGTERM and SIGINT within 2 s, even with an
// idle keep-alive connection open, and exits 0.
#include "tests/web/test_server.h"

#include <csignal>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/wait.h>

using algreg::testing::fixture_index;

namespace {

struct Child {
    pid_t pid = -1;
    int stderr_fd = -1;
    int port = 0;
};

/// Starts `algreg serve --index INDEX --port 0` and reads the port it reports on stderr.
Child start_server(const std::string& index = fixture_index()) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    Child child;
    child.pid = ::fork();
    REQUIRE(child.pid >= 0);
    if (child.pid == 0) {
        ::dup2(pipe_fds[1], STDERR_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        ::execl(ALGREG_BINARY, ALGREG_BINARY, "serve", "--index", index.c_str(), "--port", "0",
                "--quiet", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    child.stderr_fd = pipe_fds[0];
    std::string text;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd p{child.stderr_fd, POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char buffer[512];
            const auto n = ::read(child.stderr_fd, buffer, sizeof buffer);
            if (n <= 0) {
                break;
            }
            text.append(buffer, static_cast<std::size_t>(n));
            const auto at = text.find("http://127.0.0.1:");
            if (at != std::string::npos && text.find('/', at + 17) != std::string::npos) {
                child.port = std::stoi(text.substr(at + 17));
                break;
            }
        }
    }
    REQUIRE_MESSAGE(child.port > 0, text);
    return child;
}

/// Waits for the child to exit; returns its exit status, or -1 after `limit`.
int wait_exit(pid_t pid, std::chrono::milliseconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
}

} // namespace

TEST_CASE("algreg serve stops on SIGTERM and SIGINT within 2 s, idle keep-alive or not") {
    for (const int signal : {SIGTERM, SIGINT}) {
        Child child = start_server();
        // an idle keep-alive connection, left open
        httplib::Client idle("127.0.0.1", child.port);
        idle.set_keep_alive(true);
        const auto r = idle.Get("/healthz");
        REQUIRE(r);
        CHECK(r->status == 200);
        const auto sent = std::chrono::steady_clock::now();
        ::kill(child.pid, signal);
        const int code = wait_exit(child.pid, std::chrono::milliseconds(2000));
        const auto took = std::chrono::steady_clock::now() - sent;
        if (code < 0) {
            ::kill(child.pid, SIGKILL);
            (void)wait_exit(child.pid, std::chrono::milliseconds(2000));
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
    Child child = start_server(dir.file("fresh-index"));
    httplib::Client cli("127.0.0.1", child.port);
    const auto r = cli.Get("/healthz");
    REQUIRE(r);
    CHECK(nlohmann::json::parse(r->body)["entries"] == 1530);
    ::kill(child.pid, SIGTERM);
    CHECK(wait_exit(child.pid, std::chrono::milliseconds(2000)) == 0);
    ::close(child.stderr_fd);
}

TEST_CASE("algreg serve: bad options exit 64, --help exits 0") {
    const std::string command = std::string(ALGREG_BINARY) + " serve --port http 2>/dev/null";
    const int status = std::system(command.c_str());
    CHECK(WEXITSTATUS(status) == 64);
    const std::string help = std::string(ALGREG_BINARY) + " serve --help >/dev/null";
    CHECK(WEXITSTATUS(std::system(help.c_str())) == 0);
}
