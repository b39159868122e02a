// sync_bench: `algreg sync` from a local server, both ways (site data, and the list plus one
// request per entry), for a register of synthetic full records (bench/corpus.h, official 1.0
// shape, given create_dt, language and state as published versions have).
//
//   sync_bench [--count N]... [--mode site-data|per-entry] [--concurrency N] [--work DIR]
//     default: --count 1530 --count 100000, both modes, concurrency 4 (peak RSS is the
//     process's peak so far: run one count and mode per process for each one's own peak)
//
// The server runs in a forked child process, so the figures (wall time, requests, bytes, peak
// RSS) are the syncing process's own. Wall time covers fetching, validating and indexing into
// a fresh index; the per-entry cache starts empty.
#include "corpus.h"
#include "indexer/sync.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <httplib.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

/// The child: generates `count` entries and serves them until killed. Writes its port to
/// `port_fd`.
[[noreturn]] void serve(std::size_t count, int port_fd) {
    algreg::bench::CorpusOptions options;
    options.count = count;
    const auto pools = algreg::bench::CorpusPools::load(options.fixtures_dir);
    std::vector<std::string> lars;
    std::vector<std::string> created;
    std::unordered_map<std::string, std::string> bodies;
    std::string site = R"({"algoritme_versions":[)";
    std::size_t i = 0;
    algreg::bench::for_each_entry(options, pools, [&](const std::string& text) {
        json e = json::parse(text);
        char stamp[40];
        std::snprintf(stamp, sizeof stamp, "2025-%02zu-%02zuT%02zu:%02zu:00.000000Z", 1 + i % 12,
                      1 + i % 28, i % 24, i % 60);
        e["create_dt"] = stamp;
        e["language"] = "NLD";
        e["state"] = "PUBLISHED";
        std::string body = e.dump();
        site += (i++ == 0 ? "" : ",") + body;
        lars.push_back(e["lars"].get<std::string>());
        created.push_back(stamp);
        bodies.emplace(lars.back(), std::move(body));
    });
    site += R"(],"organisation_details":[]})";

    httplib::Server server;
    server.set_tcp_nodelay(true);
    server.Get("/api/downloads/site-data/json",
               [&](const httplib::Request&, httplib::Response& res) {
                   res.set_content(site, "application/json");
               });
    server.Post("/api/algoritme/NLD", [&](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body);
        const std::size_t page = body.value("page", 1);
        const std::size_t limit = body.value("limit", 10);
        json results = json::array();
        for (std::size_t k = (page - 1) * limit; k < lars.size() && k < page * limit; ++k) {
            results.push_back({{"lars", lars[k]}, {"create_dt", created[k]}});
        }
        res.set_content(json{{"results", results}, {"total_count", lars.size()}}.dump(),
                        "application/json");
    });
    server.Get(R"(/api/algoritme/NLD/([^/]+))",
               [&](const httplib::Request& req, httplib::Response& res) {
                   const auto it = bodies.find(req.matches[1]);
                   if (it == bodies.end()) {
                       res.status = 404;
                       return;
                   }
                   res.set_content(it->second, "application/json");
               });
    const int port = server.bind_to_any_port("127.0.0.1");
    if (::write(port_fd, &port, sizeof port) != sizeof port) {
        std::_Exit(1);
    }
    ::close(port_fd);
    server.listen_after_bind();
    std::_Exit(0);
}

/// CPU seconds (user + system) of this process so far.
double cpu_seconds() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

long peak_rss_mb() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char** argv) try {
    std::vector<std::size_t> counts;
    unsigned concurrency = 4;
    std::vector<bool> modes{true, false}; // site data, per entry
    fs::path work = fs::temp_directory_path() / ("algreg-sync-bench-" + std::to_string(::getpid()));
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--count") {
            counts.push_back(std::stoul(argv[i + 1]));
        } else if (arg == "--concurrency") {
            concurrency = static_cast<unsigned>(std::stoul(argv[i + 1]));
        } else if (arg == "--mode") {
            modes = {std::string(argv[i + 1]) == "site-data"};
        } else if (arg == "--work") {
            work = argv[i + 1];
        } else {
            std::cerr << "usage: sync_bench [--count N]... [--mode site-data|per-entry] "
                         "[--concurrency N] [--work DIR]\n";
            return 64;
        }
    }
    if (counts.empty()) {
        counts = {1530, 100'000};
    }
    for (const std::size_t count : counts) {
        int fds[2];
        if (::pipe(fds) != 0) {
            throw std::runtime_error("pipe failed");
        }
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(fds[0]);
            serve(count, fds[1]);
        }
        ::close(fds[1]);
        int port = 0;
        if (::read(fds[0], &port, sizeof port) != sizeof port) {
            throw std::runtime_error("the server did not start");
        }
        ::close(fds[0]);
        for (const bool site_data : modes) {
            fs::remove_all(work);
            fs::create_directories(work);
            algreg::indexer::SyncOptions options;
            options.from = "http://127.0.0.1:" + std::to_string(port);
            options.db_path = (work / "index").string();
            options.concurrency = concurrency;
            options.quiet = true;
            options.site_data = site_data;
            options.hierarchy = false;
            options.policy.max_bytes = std::size_t{4} << 30;
            std::ostringstream log;
            const double cpu_start = cpu_seconds();
            const auto start = std::chrono::steady_clock::now();
            const auto summary = algreg::indexer::run_sync(options, log);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::printf("%zu entries, %-9s: %6.2f s wall, %.2f s CPU, %zu requests, %.1f MB, %zu "
                        "retries, %zu indexed, peak RSS %ld MB (this process so far)\n",
                        count, site_data ? "site-data" : "per-entry", seconds,
                        cpu_seconds() - cpu_start, summary.requests,
                        static_cast<double>(summary.bytes) / 1e6, summary.retries,
                        summary.index.changes.document_count, peak_rss_mb());
            std::fflush(stdout);
        }
        ::kill(child, SIGTERM);
        ::waitpid(child, nullptr, 0);
    }
    fs::remove_all(work);
    return 0;
} catch (const std::exception& e) {
    std::cerr << "sync_bench: " << e.what() << '\n';
    return 1;
}
