#include "web/http_errors.h"

#include "search/errors.h"

#include <array>
#include <httplib.h>

namespace algreg::web {

using nlohmann::json;

namespace {

constexpr std::array<ErrorKindInfo, 11> table{{
    {ErrorKind::bad_request, 400, "bad_request", "the request is malformed"},
    {ErrorKind::not_found, 404, "not_found", "no such resource"},
    {ErrorKind::method_not_allowed, 405, "method_not_allowed",
     "this method is not allowed on this resource"},
    {ErrorKind::payload_too_large, 413, "payload_too_large", "the request body is too large"},
    {ErrorKind::uri_too_long, 414, "uri_too_long", "the request URI is too long"},
    {ErrorKind::unprocessable, 422, "unprocessable", "the request body is invalid"},
    {ErrorKind::range_not_satisfiable, 416, "range_not_satisfiable",
     "the requested range cannot be served"},
    {ErrorKind::request_timeout, 408, "request_timeout", "the request did not arrive in time"},
    {ErrorKind::headers_too_large, 431, "headers_too_large",
     "the request's header fields are too large"},
    {ErrorKind::unavailable, 503, "unavailable", "the index is not available"},
    {ErrorKind::internal, 500, "internal", "internal error"},
}};

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// The reason phrase FastAPI (Starlette) puts in "detail" for a bare status.
std::string official_reason(int status) {
    switch (status) {
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Request Entity Too Large";
    case 414:
        return "Request-URI Too Long";
    case 408:
        return "Request Timeout";
    case 416:
        return "Requested Range Not Satisfiable";
    case 431:
        return "Request Header Fields Too Large";
    case 422:
        return "Unprocessable Entity";
    case 503:
        return "Service Unavailable";
    default:
        return "Internal Server Error";
    }
}

} // namespace

std::span<const ErrorKindInfo> error_kinds() {
    return table;
}

const ErrorKindInfo& info(ErrorKind kind) {
    return table.at(static_cast<std::size_t>(kind));
}

ErrorKind kind_for_status(int status) {
    for (const auto& row : table) {
        if (row.status == status) {
            return row.kind;
        }
    }
    return status >= 400 && status < 500 ? ErrorKind::bad_request : ErrorKind::internal;
}

bool is_api_path(std::string_view path) {
    return path == "/api" || path.starts_with("/api/") || path == "/healthz" || path == "/metrics";
}

bool is_official_path(std::string_view path) {
    return path.starts_with("/api/") && !path.starts_with("/api/v1/") && path != "/api/v1";
}

ErrorResponse render_error(ErrorKind kind, const std::string& message, const std::string& parameter,
                           bool official) {
    const auto& row = info(kind);
    std::string text = message.empty() ? std::string(row.message) : message;
    if (official && message.empty()) {
        text = official_reason(row.status); // FastAPI's default detail texts
    }
    ErrorResponse out;
    out.status = row.status;
    out.kind = kind;
    if (official) {
        out.body = dump(json{{"detail", text}});
        return out;
    }
    json error{{"code", row.code}, {"message", text}};
    if (!parameter.empty()) {
        error["parameter"] = parameter;
    }
    out.body = dump(json{{"error", error}});
    return out;
}

ErrorResponse response_for(std::exception_ptr error, bool official,
                           const std::function<void(const std::string&)>& log) {
    try {
        std::rethrow_exception(error);
    } catch (const HttpError& e) {
        auto out = render_error(e.kind(), e.what(), e.parameter(), official);
        out.retry_after_seconds = e.retry_after_seconds();
        return out;
    } catch (const ValidationError& e) {
        ErrorResponse out;
        out.status = info(ErrorKind::unprocessable).status;
        out.kind = ErrorKind::unprocessable;
        out.body = official ? dump(json{{"detail", e.detail()}})
                            : render_error(ErrorKind::bad_request, e.what(), {}, false).body;
        return out;
    } catch (const search::BadRequest& e) {
        return render_error(ErrorKind::bad_request, e.what(), e.parameter(), official);
    } catch (const search::NotFound& e) {
        return render_error(ErrorKind::not_found, e.what(), {}, official);
    } catch (const search::IndexUnavailableError& e) {
        if (log) {
            log(std::string("index unavailable: ") + e.what());
        }
        return render_error(ErrorKind::unavailable, {}, {}, official);
    } catch (const std::exception& e) {
        if (log) {
            log(std::string("internal error: ") + e.what());
        }
    } catch (...) {
        if (log) {
            log("internal error: a non-standard exception");
        }
    }
    return render_error(ErrorKind::internal, {}, {}, official);
}

void install_error_handlers(httplib::Server& server, std::function<void(const std::string&)> log,
                            HtmlErrorPage pages) {
    server.set_exception_handler(
        [log, pages](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
            const auto out = response_for(ep, is_official_path(req.path), log);
            res.status = out.status;
            if (out.retry_after_seconds > 0) {
                res.set_header("Retry-After", std::to_string(out.retry_after_seconds));
            }
            if (pages && !req.path.empty() && !is_api_path(req.path)) {
                pages(req, res);
                return;
            }
            res.set_header("Content-Security-Policy", api_csp);
            res.set_content(out.body, "application/json");
        });
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [pages](const httplib::Request& req, httplib::Response& res) {
            if (!res.body.empty() || res.content_length_ > 0) {
                return httplib::Server::HandlerResponse::Unhandled; // the handler wrote its own
            }
            if (pages && !req.path.empty() && !is_api_path(req.path)) {
                pages(req, res);
                return httplib::Server::HandlerResponse::Handled;
            }
            if (!res.has_header("Content-Security-Policy")) {
                res.set_header("Content-Security-Policy", api_csp);
            }
            const auto out =
                render_error(kind_for_status(res.status), {}, {}, is_official_path(req.path));
            res.set_content(out.body, "application/json");
            return httplib::Server::HandlerResponse::Handled;
        }));
}

} // namespace algreg::web
