// Metrics: request counts by route and status and a latency histogram per route, rendered in
// the Prometheus text exposition format (version 0.0.4) for /metrics. Thread-safe.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace algreg::web {

/// Upper bounds of the latency histogram buckets, in seconds (+Inf is implied).
inline constexpr std::array<double, 12> latency_buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

/// What /metrics reports about the index besides the requests.
struct IndexGauges {
    std::uint64_t revision = 0;
    std::uint64_t entries = 0;
};

/// The response cache's counters.
struct CacheGauges {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t entries = 0;
    std::uint64_t bytes = 0;
};

class Metrics {
  public:
    /// Counts one finished request. `route` is a route table name ("/api/v1/search") or
    /// "unmatched".
    void observe(std::string_view route, int status, std::chrono::microseconds latency,
                 std::uint64_t bytes);

    /// The whole exposition: algreg_http_requests_total{route,status},
    /// algreg_http_request_duration_seconds{route} (histogram), algreg_http_response_bytes_total,
    /// algreg_index_revision, algreg_index_entries, algreg_uptime_seconds.
    /// algreg_cache_{hits,misses}_total, algreg_cache_{entries,bytes}.
    [[nodiscard]] std::string render(const IndexGauges& index, const CacheGauges& cache = {}) const;

  private:
    struct Histogram {
        std::array<std::uint64_t, latency_buckets.size() + 1> counts{}; ///< last = +Inf
        double sum_seconds = 0;
        std::uint64_t count = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::pair<std::string, int>, std::uint64_t> requests_;
    std::map<std::string, Histogram> latency_;
    std::uint64_t bytes_ = 0;
    std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

} // namespace algreg::web
