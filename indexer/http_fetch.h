// HttpFetcher: one HTTP(S) client connection to a register, with the manners a client of a
// public service owes it and the defences a client needs against a broken one: timeouts,
// retries with exponential backoff and jitter on connection errors, timeouts and 5xx,
// Retry-After honoured (bounded) on 429/503, a User-Agent naming algreg and its project, a cap
// on response size and on the time a whole response may take, and a content-type check.
// TLS is verified against the system CA store. The clock and sleep are injectable so that
// tests exercise the retry logic without waiting.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>

namespace algreg::indexer {

/// "algreg/<version> (search index of the Dutch Algorithm Register)": names the program and
/// its version, so that a register operator can tell its requests apart. (No project URL yet:
/// none is published; add it here when there is one.)
[[nodiscard]] std::string default_user_agent();

struct FetchPolicy {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds read_timeout{60'000};   ///< per read (no byte for this long)
    std::chrono::milliseconds total_timeout{900'000}; ///< a whole response, a trickle included
    int max_attempts = 6;                             ///< first try included
    std::chrono::milliseconds first_backoff{500};     ///< doubled per retry, with jitter
    std::chrono::milliseconds max_backoff{30'000};
    std::chrono::milliseconds max_retry_after{300'000}; ///< a longer Retry-After waits this long
    std::size_t max_bytes = std::size_t{1} << 30;       ///< response body cap (decompressed)
    std::string user_agent = default_user_agent();
};

/// Time, chance and cancellation, injectable. Defaults: a sleep that ends early when `stop` is
/// requested, the system clock, and a per-thread random generator.
struct FetchHooks {
    std::function<void(std::chrono::milliseconds)> sleep;
    std::function<std::chrono::system_clock::time_point()> now;
    std::function<double()> random; ///< uniform in [0, 1)
    /// When stop is requested (`algreg serve --follow` shutting down), a request in flight is
    /// cut off (its socket shut down), a backoff ends, and FetchCancelled is thrown.
    std::stop_token stop;
};

/// Counters shared by the fetchers of one sync (thread-safe).
struct FetchStats {
    std::atomic<std::size_t> requests{0}; ///< every attempt
    std::atomic<std::size_t> retries{0};
    std::atomic<std::size_t> bytes{0}; ///< response bytes received (after decompression)
};

struct FetchResponse {
    int status = 0;
    std::string body;
    std::string content_type;
};

/// A request that failed for good: after the retries, or at once when retrying cannot help
/// (4xx other than 404/408/429, a TLS certificate that does not verify, the size cap).
class FetchError : public std::runtime_error {
  public:
    FetchError(std::string url, int status, const std::string& message)
        : std::runtime_error(url + ": " + message), url_(std::move(url)), status_(status) {}
    [[nodiscard]] const std::string& url() const { return url_; }
    /// The last HTTP status, 0 when there was no response.
    [[nodiscard]] int status() const { return status_; }

  private:
    std::string url_;
    int status_;
};

/// The fetch was abandoned because FetchHooks::stop was requested. A FetchError, so that every
/// place that turns a failed request into "the snapshot is incomplete" also stops on it.
class FetchCancelled : public FetchError {
  public:
    explicit FetchCancelled(std::string url) : FetchError(std::move(url), 0, "cancelled") {}
};

/// Checks a 2xx body: "" when it is usable, else why not. A body that fails the check is
/// retried like a 5xx (a truncating proxy, a half-written cache) and is an error after that.
using BodyCheck = std::function<std::string(const FetchResponse&)>;

class HttpFetcher {
  public:
    /// `base_url`: "http[s]://host[:port][/prefix]"; paths given to get/post are appended.
    /// Throws std::invalid_argument for a URL it cannot use.
    HttpFetcher(const std::string& base_url, FetchPolicy policy = {}, FetchHooks hooks = {},
                std::shared_ptr<FetchStats> stats = std::make_shared<FetchStats>());
    ~HttpFetcher();
    HttpFetcher(const HttpFetcher&) = delete;
    HttpFetcher& operator=(const HttpFetcher&) = delete;

    /// GET: a 2xx response (content type JSON or text unless `any_type`), or a 404, which is
    /// returned for the caller to decide what absence means. Throws FetchError otherwise.
    FetchResponse get(const std::string& path, const BodyCheck& check = {}, bool any_type = false);
    /// POST with a JSON body; as get().
    FetchResponse post_json(const std::string& path, const std::string& body,
                            const BodyCheck& check = {});

    [[nodiscard]] std::string url(const std::string& path) const;
    [[nodiscard]] const std::shared_ptr<FetchStats>& stats() const { return stats_; }

  private:
    FetchResponse send(const std::string& method, const std::string& path, const std::string& body,
                       const BodyCheck& check, bool any_type);

    struct Connection;
    std::unique_ptr<Connection> connection_;
    std::string origin_; ///< scheme://host[:port]
    std::string prefix_; ///< path prefix without a trailing slash
    FetchPolicy policy_;
    FetchHooks hooks_;
    std::shared_ptr<FetchStats> stats_;
};

/// A Retry-After value, seconds ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"), as
/// a delay from `now` (0 for a date in the past); nullopt when unreadable.
[[nodiscard]] std::optional<std::chrono::milliseconds>
parse_retry_after(std::string_view value, std::chrono::system_clock::time_point now);

/// The delay before retry number `retry` (1, 2, …): first_backoff doubled per retry, at most
/// max_backoff, scaled by a jitter factor in [0.5, 1) from `random` in [0, 1).
[[nodiscard]] std::chrono::milliseconds backoff_delay(int retry, const FetchPolicy& policy,
                                                      double random);

} // namespace algreg::indexer
