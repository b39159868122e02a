#include "web/metrics.h"

#include <cstdio>

namespace algreg::web {

namespace {

/// A label value with \, " and newline escaped as the exposition format requires.
std::string label(std::string_view value) {
    std::string out;
    for (const char c : value) {
        if (c == '\\' || c == '"') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

} // namespace

void Metrics::observe(std::string_view route, int status, std::chrono::microseconds latency,
                      std::uint64_t bytes) {
    const double seconds = static_cast<double>(latency.count()) / 1e6;
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(route), status}];
    auto& h = latency_[std::string(route)];
    std::size_t bucket = 0;
    while (bucket < latency_buckets.size() && seconds > latency_buckets[bucket]) {
        ++bucket;
    }
    ++h.counts[bucket];
    h.sum_seconds += seconds;
    ++h.count;
    bytes_ += bytes;
}

std::string Metrics::render(const IndexGauges& index, const CacheGauges& cache) const {
    std::string out;
    out.reserve(8192);
    std::lock_guard lock(mutex_);
    out += "# HELP algreg_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE algreg_http_requests_total counter\n";
    for (const auto& [key, count] : requests_) {
        out += "algreg_http_requests_total{route=\"" + label(key.first) + "\",status=\"" +
               std::to_string(key.second) + "\"} " + std::to_string(count) + "\n";
    }
    out += "# HELP algreg_http_request_duration_seconds Time from routing to the last byte "
           "written.\n# TYPE algreg_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : latency_) {
        const std::string r = label(route);
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < h.counts.size(); ++i) {
            cumulative += h.counts[i];
            const std::string le = i < latency_buckets.size() ? number(latency_buckets[i]) : "+Inf";
            out += "algreg_http_request_duration_seconds_bucket{route=\"" + r + "\",le=\"" + le +
                   "\"} " + std::to_string(cumulative) + "\n";
        }
        out += "algreg_http_request_duration_seconds_sum{route=\"" + r + "\"} " +
               number(h.sum_seconds) + "\n";
        out += "algreg_http_request_duration_seconds_count{route=\"" + r + "\"} " +
               std::to_string(h.count) + "\n";
    }
    out += "# HELP algreg_http_response_bytes_total Response body bytes sent.\n"
           "# TYPE algreg_http_response_bytes_total counter\n"
           "algreg_http_response_bytes_total " +
           std::to_string(bytes_) + "\n";
    out += "# HELP algreg_index_revision Revision of the index being served.\n"
           "# TYPE algreg_index_revision gauge\n"
           "algreg_index_revision " +
           std::to_string(index.revision) + "\n";
    out += "# HELP algreg_index_entries Entries in the index being served.\n"
           "# TYPE algreg_index_entries gauge\n"
           "algreg_index_entries " +
           std::to_string(index.entries) + "\n";
    out += "# HELP algreg_cache_hits_total Answers served from the response cache.\n"
           "# TYPE algreg_cache_hits_total counter\n"
           "algreg_cache_hits_total " +
           std::to_string(cache.hits) + "\n";
    out += "# HELP algreg_cache_misses_total Cacheable answers computed.\n"
           "# TYPE algreg_cache_misses_total counter\n"
           "algreg_cache_misses_total " +
           std::to_string(cache.misses) + "\n";
    out += "# HELP algreg_cache_entries Answers in the response cache.\n"
           "# TYPE algreg_cache_entries gauge\n"
           "algreg_cache_entries " +
           std::to_string(cache.entries) + "\n";
    out += "# HELP algreg_cache_bytes Bytes held by the response cache.\n"
           "# TYPE algreg_cache_bytes gauge\n"
           "algreg_cache_bytes " +
           std::to_string(cache.bytes) + "\n";
    const auto up = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_);
    out += "# HELP algreg_uptime_seconds Seconds since the server started.\n"
           "# TYPE algreg_uptime_seconds gauge\n"
           "algreg_uptime_seconds " +
           number(up.count()) + "\n";
    return out;
}

} // namespace algreg::web
