// search_bench: query latency per query kind on one thread, as p50/p90/p99/max.
//
// Every measured call is a full request as the web API makes it: parse, build, one matching pass
// for the ranked page of 20 hits, the exact total and all disjunctive facet counts, the facet
// lists, documents, highlighted snippets and matched fields (Searcher::search with a default
// SearchRequest).
//
//   search_bench --db DIR [--runs R] [--warmup W] [--no-record-cache]
//
// The real register:   algreg index fixtures/register-2026-08-08.json --db /tmp/real-idx
// The 100k corpus:     index_bench --write-corpus /tmp/corpus-100k.json --n 100000
//                      algreg index /tmp/corpus-100k.json --db /tmp/idx-100k
#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <map>
#include <string>
#include <sys/resource.h>
#include <vector>

namespace {

using algreg::search::SearchRequest;

struct Kind {
    std::string name;
    std::vector<SearchRequest> requests;
};

SearchRequest request(std::string text, std::map<std::string, std::set<std::string>> filters = {}) {
    SearchRequest r;
    r.text = std::move(text);
    r.filters = std::move(filters);
    return r; // 20 hits, snippets, all facets: the defaults
}

std::vector<Kind> kinds() {
    return {
        {"one word",
         {request("parkeren"), request("fraude"), request("toeslag"), request("camera"),
          request("subsidie"), request("woz"), request("uitkering"), request("chatbot")}},
        {"several words",
         {request("BRP fraude"), request("slimme camera parkeren"),
          request("risico uitkering bijstand"), request("basisregistratie personen"),
          request("automatische besluitvorming vergunning")}},
        {"phrase",
         {request("\"zonder tussenkomst\""), request("\"wettelijke basis\""),
          request("\"automatische kentekenherkenning\""), request("\"openbare ruimte\"")}},
        {"prefix",
         {request("financ*"), request("parkeer*"), request("gezichts*"), request("risico*"),
          request("verkeer*")}},
        {"typo",
         {request("gezichtsherkening"), request("kentekenherkening"), request("vergunnig"),
          request("subsidei")}},
        {"filter only",
         {request("", {{"organisatietype", {"gemeente"}}}),
          request("", {{"status", {"ontwikkeling"}}}),
          request("",
                  {{"status", {"in_gebruik"}}, {"organisatietype", {"provincie", "waterschap"}}}),
          request("", {{"impacttoets", {"dpia-uitgevoerd"}}})}},
        {"broad, all facets",
         {request("algoritme"), request("gemeente"), request("gegevens OR informatie"),
          request("de")}},
        {"text + 2 filters",
         {request("parkeren", {{"organisatietype", {"gemeente"}}, {"status", {"in_gebruik"}}}),
          request("risico",
                  {{"status", {"in_gebruik", "ontwikkeling"}}, {"wettelijke_basis", {"ja"}}}),
          request("algoritme", {{"organisatietype", {"gemeente"}}, {"jaar", {"2025"}}})}},
    };
}

double percentile(std::vector<double> v, double p) {
    if (v.empty()) {
        return 0;
    }
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

/// CPU time of this thread in milliseconds: unlike wall time, it does not count the time the
/// thread waits for a core, so figures stay comparable on a shared, busy machine.
double thread_cpu_ms() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double load_average() {
    double load[1] = {0};
    return ::getloadavg(load, 1) == 1 ? load[0] : 0.0;
}

long peak_rss_mb() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char** argv) try {
    std::string db;
    int runs = 50;
    int warmup = 3;
    bool record_cache = true;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                throw std::invalid_argument(a + " needs a value");
            }
            return argv[++i];
        };
        if (a == "--db") {
            db = value();
        } else if (a == "--runs") {
            runs = std::max(1, std::atoi(value().c_str()));
        } else if (a == "--no-record-cache") {
            record_cache = false;
        } else if (a == "--warmup") {
            warmup = std::max(0, std::atoi(value().c_str()));
        } else {
            std::cerr
                << "Usage: search_bench --db DIR [--runs R] [--warmup W] [--no-record-cache]\n";
            return a == "--help" || a == "-h" ? 0 : 64;
        }
    }
    if (db.empty()) {
        std::cerr << "search_bench: --db DIR is required\n";
        return 64;
    }

    using Clock = std::chrono::steady_clock;
    const auto open_start = Clock::now();
    algreg::search::SearcherOptions options;
    options.record_cache_size = record_cache ? options.record_cache_size : 0;
    algreg::search::Searcher searcher(db, options);
    const auto revision = searcher.revision(); // loads the revision data
    const double open_ms =
        std::chrono::duration<double, std::milli>(Clock::now() - open_start).count();
    const auto all = searcher.search({});
    std::printf("index %s: %zu entries, revision %llu; open + revision data %.1f ms\n", db.c_str(),
                all.total, static_cast<unsigned long long>(revision), open_ms);
    std::printf("full request = text + 20 hits + snippets + all disjunctive facets; one thread; "
                "%d runs per query after %d warm-up runs; parsed-record cache %s\n",
                runs, warmup, record_cache ? "on (4,096 per searcher)" : "off");
    std::printf("load average at start: %.2f\n\n", load_average());
    std::printf("%-18s %6s | %8s %8s %8s %8s | %8s %8s %8s | %9s   %s\n", "kind", "calls",
                "wall p50", "p90", "p99", "max", "cpu p50", "p90", "p99", "avg total",
                "cpu stages p50 match/facets/hits");

    std::vector<double> everything;
    std::vector<double> everything_cpu;
    for (const auto& kind : kinds()) {
        std::vector<double> ms;
        std::vector<double> cpu;
        std::vector<double> match_ms;
        std::vector<double> facets_ms;
        std::vector<double> hits_ms;
        double totals = 0;
        for (const auto& r : kind.requests) {
            for (int i = 0; i < warmup; ++i) {
                (void)searcher.search(r);
            }
        }
        // Interleave the queries of a kind so that no one query's cache state dominates.
        for (int run = 0; run < runs; ++run) {
            for (const auto& r : kind.requests) {
                const double cpu_start = thread_cpu_ms();
                const auto start = Clock::now();
                const auto result = searcher.search(r);
                ms.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                cpu.push_back(thread_cpu_ms() - cpu_start);
                match_ms.push_back(static_cast<double>(result.timing.match_us) / 1000.0);
                facets_ms.push_back(static_cast<double>(result.timing.facets_us) / 1000.0);
                hits_ms.push_back(static_cast<double>(result.timing.hits_us) / 1000.0);
                totals += static_cast<double>(result.total);
            }
        }
        everything.insert(everything.end(), ms.begin(), ms.end());
        everything_cpu.insert(everything_cpu.end(), cpu.begin(), cpu.end());
        std::printf(
            "%-18s %6zu | %8.3f %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f | %9.0f   %.3f / %.3f / "
            "%.3f\n",
            kind.name.c_str(), ms.size(), percentile(ms, 0.5), percentile(ms, 0.9),
            percentile(ms, 0.99), percentile(ms, 1.0), percentile(cpu, 0.5), percentile(cpu, 0.9),
            percentile(cpu, 0.99), totals / static_cast<double>(ms.size()),
            percentile(match_ms, 0.5), percentile(facets_ms, 0.5), percentile(hits_ms, 0.5));
    }
    std::printf("%-18s %6zu | %8.3f %8.3f %8.3f %8.3f | %8.3f %8.3f %8.3f |\n", "all kinds",
                everything.size(), percentile(everything, 0.5), percentile(everything, 0.9),
                percentile(everything, 0.99), percentile(everything, 1.0),
                percentile(everything_cpu, 0.5), percentile(everything_cpu, 0.9),
                percentile(everything_cpu, 0.99));
    std::printf("load average at end: %.2f (wall times count waiting for a core; on a busy "
                "machine compare cpu)\n",
                load_average());
    std::printf("\npeak RSS %ld MB\n", peak_rss_mb());
    return 0;
} catch (const std::exception& e) {
    std::cerr << "search_bench: " << e.what() << '\n';
    return 1;
}
