// The one table from error kind to HTTP status and code, the JSON envelopes errors are sent in,
// and the server's exception and error handlers built on them. Our API answers
// {"error":{"code","message"[,"parameter"]}}; the official API's paths (/api/... outside
// /api/v1) answer FastAPI's {"detail": ...} so that official clients keep working.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace algreg::web {

enum class ErrorKind {
    bad_request,           ///< a parameter is invalid: the message names it and says why
    not_found,             ///< no such route or entry
    method_not_allowed,    ///< a known route, another method (Allow says which)
    payload_too_large,     ///< body above ServerConfig::max_body_bytes
    uri_too_long,          ///< request line above httplib's compiled-in 8,192 bytes
    unprocessable,         ///< the official API's validation error (FastAPI's 422)
    range_not_satisfiable, ///< a Range header httplib cannot serve
    request_timeout,       ///< the request did not arrive in time (request_gate.h)
    headers_too_large,     ///< request head above the gate's size or field-count limit
    unavailable,           ///< the index cannot be opened right now
    internal,              ///< anything else; the message never says what
};

struct ErrorKindInfo {
    ErrorKind kind;
    int status;
    std::string_view code;    ///< stable machine-readable code
    std::string_view message; ///< default message (English)
};

/// Every kind once, in enum order.
[[nodiscard]] std::span<const ErrorKindInfo> error_kinds();
[[nodiscard]] const ErrorKindInfo& info(ErrorKind kind);
/// The kind for a status httplib set itself (400 malformed request, 404 no route, 413, 414,
/// 416); other 4xx map to bad_request, other statuses to internal.
[[nodiscard]] ErrorKind kind_for_status(int status);

/// Thrown by handlers for an error of a given kind. `parameter` names the offending request
/// parameter for bad_request.
class HttpError : public std::runtime_error {
  public:
    HttpError(ErrorKind kind, const std::string& message, std::string parameter = {})
        : std::runtime_error(message), kind_(kind), parameter_(std::move(parameter)) {}
    [[nodiscard]] ErrorKind kind() const { return kind_; }
    [[nodiscard]] const std::string& parameter() const { return parameter_; }
    /// Seconds after which the request is worth repeating (sent as Retry-After); 0 = none.
    [[nodiscard]] int retry_after_seconds() const { return retry_after_seconds_; }
    void set_retry_after(int seconds) { retry_after_seconds_ = seconds; }

  private:
    ErrorKind kind_;
    std::string parameter_;
    int retry_after_seconds_ = 0;
};

/// The official API's 422: `detail` is FastAPI's list of {type, loc, msg, input}.
class ValidationError : public std::runtime_error {
  public:
    explicit ValidationError(nlohmann::json detail)
        : std::runtime_error("validation error"), detail_(std::move(detail)) {}
    [[nodiscard]] const nlohmann::json& detail() const { return detail_; }

  private:
    nlohmann::json detail_;
};

/// The Content-Security-Policy of every non-HTML answer: nothing may be loaded or framed.
inline constexpr const char* api_csp = "default-src 'none'; frame-ancestors 'none'";

/// True for the paths of the APIs and operations (/api, /api/..., /healthz, /metrics): their
/// errors are JSON; every other path is a page and gets an HTML error page.
[[nodiscard]] bool is_api_path(std::string_view path);

/// True for the official API's paths: /api/... but not /api/v1/...
[[nodiscard]] bool is_official_path(std::string_view path);

struct ErrorResponse {
    int status = 500;
    std::string body; ///< JSON
    ErrorKind kind = ErrorKind::internal;
    int retry_after_seconds = 0; ///< > 0: send a Retry-After header
};

/// The response for an error of `kind`. Official paths get {"detail": message}.
[[nodiscard]] ErrorResponse render_error(ErrorKind kind, const std::string& message,
                                         const std::string& parameter, bool official);

/// The response for an exception thrown by a handler: HttpError, ValidationError and the
/// search library's BadRequest, NotFound and IndexUnavailableError map to their kinds;
/// everything else is a 500 whose body says only "internal error". An HttpError's
/// retry_after_seconds is kept. `log` receives the
/// exception's own text for unexpected exceptions (never sent to the client).
[[nodiscard]] ErrorResponse response_for(std::exception_ptr error, bool official,
                                         const std::function<void(const std::string&)>& log);

/// Writes an HTML error page for the status already in the response (page_routes.h).
using HtmlErrorPage = std::function<void(const httplib::Request&, httplib::Response&)>;

/// Installs the exception handler (response_for) and an error handler that gives every
/// error status without a body (no route, 413, 414, malformed request) the JSON envelope, or,
/// for paths outside the API (is_api_path) when `pages` is set, the HTML page it writes.
void install_error_handlers(httplib::Server& server, std::function<void(const std::string&)> log,
                            HtmlErrorPage pages = {});

} // namespace algreg::web
