// `algreg serve` as a child process, for tests of the program as users run it (signals, exit
// codes, main()'s wiring): start it with options, read the port it reports, wait for its exit.
#pragma once

#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace algreg::testing {

struct ChildServer {
    pid_t pid = -1;
    int stderr_fd = -1;
    int port = 0;
};

/// Starts `algreg serve --index INDEX --port 0 --quiet OPTIONS...` and reads the port it
/// reports on stderr (within 60 s: a fresh default index is built first).
inline ChildServer start_child_server(const std::string& index,
                                      const std::vector<std::string>& options = {}) {
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    std::vector<std::string> args{ALGREG_BINARY, "serve", "--index", index,
                                  "--port",      "0",     "--quiet"};
    args.insert(args.end(), options.begin(), options.end());
    ChildServer child;
    child.pid = ::fork();
    REQUIRE(child.pid >= 0);
    if (child.pid == 0) {
        ::dup2(pipe_fds[1], STDERR_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        std::vector<char*> argv;
        for (auto& a : args) {
            argv.push_back(a.data());
        }
        argv.push_back(nullptr);
        ::execv(ALGREG_BINARY, argv.data());
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
inline int wait_child_exit(pid_t pid, std::chrono::milliseconds limit) {
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

/// SIGTERM, then the exit status within `limit` (SIGKILL and -1 after it); closes its stderr.
inline int stop_child_server(ChildServer& child,
                             std::chrono::milliseconds limit = std::chrono::seconds(2)) {
    ::kill(child.pid, SIGTERM);
    const int code = wait_child_exit(child.pid, limit);
    if (code < 0) {
        ::kill(child.pid, SIGKILL);
        (void)wait_child_exit(child.pid, std::chrono::seconds(2));
    }
    ::close(child.stderr_fd);
    return code;
}

} // namespace algreg::testing
