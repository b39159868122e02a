// The only file of indexer/ that uses cpp-httplib, and only its client (tests/layout).
#include "indexer/http_fetch.h"

#include "search/version.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <condition_variable>
#include <ctime>
#include <httplib.h>
#include <iomanip>
#include <mutex>
#include <random>
#include <sstream>
#include <thread>

#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
#error "algreg sync needs cpp-httplib with OpenSSL (https); Debian's libcpp-httplib-dev has it"
#endif

namespace algreg::indexer {

using std::chrono::milliseconds;

std::string default_user_agent() {
    return "algreg/" + std::string(search::version()) +
           " (search index of the Dutch Algorithm Register)";
}

struct HttpFetcher::Connection {
    explicit Connection(const std::string& origin) : client(origin) {}
    httplib::Client client;
};

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

/// Statuses worth another try: the server or something in front of it is overloaded or
/// restarting.
bool retryable_status(int status) {
    return status == 408 || status == 429 || status >= 500;
}

/// Network failures worth another try. Not: a certificate that does not verify, the size cap
/// (our own cancel), too many redirects.
bool retryable_error(httplib::Error error) {
    switch (error) {
    case httplib::Error::Unknown:
    case httplib::Error::Connection:
    case httplib::Error::Read:
    case httplib::Error::Write:
    case httplib::Error::SSLConnection:
    case httplib::Error::ConnectionTimeout:
        return true;
    default:
        return false;
    }
}

/// JSON or text: what a register API answers. HTML is a login page, an error page of a proxy,
/// or the site itself at a wrong URL.
bool usable_type(const std::string& content_type) {
    const std::string t = lower(content_type);
    return t.empty() || t.find("json") != std::string::npos ||
           t.find("text/plain") != std::string::npos || t.find("text/csv") != std::string::npos ||
           t.find("octet-stream") != std::string::npos;
}

std::string excerpt(const std::string& body) {
    std::string out = body.substr(0, 200);
    std::replace_if(
        out.begin(), out.end(), [](unsigned char c) { return c < 0x20; }, ' ');
    return out + (body.size() > 200 ? "…" : "");
}

} // namespace

std::optional<milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now) {
    while (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
    }
    while (!value.empty() && value.back() == ' ') {
        value.remove_suffix(1);
    }
    if (value.empty()) {
        return std::nullopt;
    }
    if (std::all_of(value.begin(), value.end(),
                    [](unsigned char c) { return std::isdigit(c) != 0; })) {
        if (value.size() > 9) {
            return milliseconds(std::int64_t{999'999'999} * 1000);
        }
        return milliseconds(std::stoll(std::string(value)) * 1000);
    }
    std::tm tm{};
    std::istringstream in{std::string(value)};
    in.imbue(std::locale::classic());
    in >> std::get_time(&tm, "%a, %d %b %Y %H:%M:%S");
    if (in.fail()) {
        return std::nullopt;
    }
    std::string zone;
    in >> zone;
    if (zone != "GMT" && zone != "UTC") {
        return std::nullopt;
    }
    const auto at = std::chrono::system_clock::from_time_t(timegm(&tm));
    return std::max(milliseconds(0), std::chrono::duration_cast<milliseconds>(at - now));
}

milliseconds backoff_delay(int retry, const FetchPolicy& policy, double random) {
    milliseconds delay = policy.first_backoff;
    for (int i = 1; i < retry && delay < policy.max_backoff; ++i) {
        delay *= 2;
    }
    delay = std::min(delay, policy.max_backoff);
    const double factor = 0.5 + 0.5 * std::clamp(random, 0.0, 1.0);
    return milliseconds(static_cast<std::int64_t>(static_cast<double>(delay.count()) * factor));
}

HttpFetcher::HttpFetcher(const std::string& base_url, FetchPolicy policy, FetchHooks hooks,
                         std::shared_ptr<FetchStats> stats)
    : policy_(std::move(policy)), hooks_(std::move(hooks)), stats_(std::move(stats)) {
    const auto scheme_end = base_url.find("://");
    const std::string scheme =
        scheme_end == std::string::npos ? "" : base_url.substr(0, scheme_end);
    if (scheme != "http" && scheme != "https") {
        throw std::invalid_argument("'" + base_url +
                                    "' is not an http:// or https:// URL (for example "
                                    "https://algoritmes.overheid.nl)");
    }
    const auto path_start = base_url.find('/', scheme_end + 3);
    origin_ = base_url.substr(0, path_start);
    if (origin_.size() <= scheme_end + 3) {
        throw std::invalid_argument("'" + base_url + "' has no host");
    }
    prefix_ = path_start == std::string::npos ? "" : base_url.substr(path_start);
    while (!prefix_.empty() && prefix_.back() == '/') {
        prefix_.pop_back();
    }
    if (!hooks_.sleep) {
        hooks_.sleep = [stop = hooks_.stop](milliseconds d) {
            std::mutex mutex;
            std::condition_variable_any woken;
            std::unique_lock lock(mutex);
            (void)woken.wait_for(lock, stop, d, [] { return false; });
        };
    }
    if (!hooks_.now) {
        hooks_.now = [] { return std::chrono::system_clock::now(); };
    }
    if (!hooks_.random) {
        hooks_.random = [] {
            thread_local std::mt19937_64 generator{std::random_device{}()};
            return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
        };
    }
    connection_ = std::make_unique<Connection>(origin_);
    auto& client = connection_->client;
    client.set_connection_timeout(policy_.connect_timeout);
    client.set_read_timeout(policy_.read_timeout);
    client.set_write_timeout(policy_.read_timeout);
    client.set_keep_alive(true);
    // A request's header and body are two writes: with Nagle's algorithm the second waits for
    // the server's delayed ACK (40 ms per request on Linux).
    client.set_tcp_nodelay(true);
    client.set_follow_location(true);
    // Verified against OpenSSL's default paths: Debian's system CA store (ca-certificates).
    client.enable_server_certificate_verification(true);
    client.set_default_headers({{"User-Agent", policy_.user_agent}});
}

HttpFetcher::~HttpFetcher() = default;

std::string HttpFetcher::url(const std::string& path) const {
    return origin_ + prefix_ + path;
}

FetchResponse HttpFetcher::get(const std::string& path, const BodyCheck& check, bool any_type) {
    return send("GET", path, {}, check, any_type);
}

FetchResponse HttpFetcher::post_json(const std::string& path, const std::string& body,
                                     const BodyCheck& check) {
    return send("POST", path, body, check, false);
}

FetchResponse HttpFetcher::send(const std::string& method, const std::string& path,
                                const std::string& body, const BodyCheck& check, bool any_type) {
    const std::string where = url(path);
    std::string last_problem;
    int last_status = 0;
    for (int attempt = 1;; ++attempt) {
        if (hooks_.stop.stop_requested()) {
            throw FetchCancelled(where);
        }
        std::optional<milliseconds> retry_after;
        ++stats_->requests;
        FetchResponse out;
        bool too_big = false;
        bool too_slow = false;
        const auto deadline = std::chrono::steady_clock::now() + policy_.total_timeout;
        httplib::Request req;
        req.method = method;
        req.path = prefix_ + path;
        req.headers.emplace("Accept", "application/json, text/plain;q=0.9, */*;q=0.1");
        if (method == "POST") {
            req.headers.emplace("Content-Type", "application/json");
            req.body = body;
        }
        req.response_handler = [&](const httplib::Response& r) {
            out.status = r.status;
            out.content_type = r.get_header_value("Content-Type");
            if (r.has_header("Retry-After")) {
                retry_after = parse_retry_after(r.get_header_value("Retry-After"), hooks_.now());
            }
            if (r.has_header("Content-Length")) {
                const std::string length = r.get_header_value("Content-Length");
                std::size_t announced = 0;
                const auto [end, error] =
                    std::from_chars(length.data(), length.data() + length.size(), announced);
                if (error == std::errc::result_out_of_range ||
                    (error == std::errc() && announced > policy_.max_bytes)) {
                    too_big = true;
                    return false;
                }
            }
            return true;
        };
        req.content_receiver = [&](const char* data, std::size_t size, std::uint64_t,
                                   std::uint64_t) {
            if (out.body.size() + size > policy_.max_bytes) {
                too_big = true;
                return false;
            }
            if (std::chrono::steady_clock::now() > deadline) {
                too_slow = true;
                return false;
            }
            if (hooks_.stop.stop_requested()) {
                return false;
            }
            out.body.append(data, size);
            stats_->bytes += size;
            return true;
        };
        httplib::Response res;
        httplib::Error error = httplib::Error::Success;
        bool sent = false;
        {
            // A read that waits for a silent server is ended by shutting its socket down.
            const std::stop_callback cut_off(hooks_.stop, [this] { connection_->client.stop(); });
            sent = connection_->client.send(req, res, error);
        }
        if (hooks_.stop.stop_requested()) {
            throw FetchCancelled(where);
        }
        if (too_big) {
            throw FetchError(where, out.status,
                             "the response is larger than the cap of " +
                                 std::to_string(policy_.max_bytes) +
                                 " bytes; refusing it (a broken or hostile source)");
        }
        if (!sent) {
            last_status = 0;
            last_problem = too_slow
                               ? "the response took longer than " +
                                     std::to_string(policy_.total_timeout.count() / 1000) + " s"
                               : "no response (" + httplib::to_string(error) + " error)";
            if (!too_slow && !retryable_error(error)) {
                throw FetchError(where, 0, last_problem);
            }
        } else if (out.status >= 200 && out.status < 300) {
            if (!any_type && !usable_type(out.content_type)) {
                throw FetchError(where, out.status,
                                 "expected JSON, got content type '" + out.content_type + "' (" +
                                     excerpt(out.body) + ")");
            }
            const std::string problem = check ? check(out) : std::string();
            if (problem.empty()) {
                return out;
            }
            last_status = out.status;
            last_problem = problem;
        } else if (out.status == 404) {
            return out;
        } else {
            last_status = out.status;
            last_problem = "HTTP " + std::to_string(out.status) +
                           (out.body.empty() ? "" : " (" + excerpt(out.body) + ")");
            if (!retryable_status(out.status)) {
                throw FetchError(where, out.status, last_problem);
            }
        }
        if (attempt >= policy_.max_attempts) {
            throw FetchError(where, last_status,
                             last_problem + "; gave up after " + std::to_string(attempt) +
                                 " attempts");
        }
        ++stats_->retries;
        milliseconds delay = backoff_delay(attempt, policy_, hooks_.random());
        if (retry_after && (out.status == 429 || out.status == 503)) {
            delay = std::min(*retry_after, policy_.max_retry_after);
        }
        hooks_.sleep(delay);
    }
}

} // namespace algreg::indexer
