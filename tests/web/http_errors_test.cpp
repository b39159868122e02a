// The error table: every kind has a distinct status and code; envelopes; exceptions map to
// kinds; a 500 never says what went wrong.
#include "search/errors.h"
#include "web/http_errors.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using namespace algreg::web;
using nlohmann::json;

TEST_CASE("every error kind maps to one status and code") {
    std::set<int> statuses;
    std::set<std::string_view> codes;
    std::size_t index = 0;
    for (const auto& row : error_kinds()) {
        CHECK(static_cast<std::size_t>(row.kind) == index++); // table in enum order
        CHECK(row.status >= 400);
        CHECK(statuses.insert(row.status).second);
        CHECK(codes.insert(row.code).second);
        CHECK(kind_for_status(row.status) == row.kind);
        CHECK(&info(row.kind) == &row);
    }
    CHECK(statuses == std::set<int>{400, 404, 405, 408, 413, 414, 416, 422, 431, 500, 503});
    CHECK(kind_for_status(418) == ErrorKind::bad_request);
    CHECK(kind_for_status(502) == ErrorKind::internal);
}

TEST_CASE("error envelopes: ours and the official FastAPI shape") {
    const auto ours =
        render_error(ErrorKind::bad_request, "page: must be a whole number", "page", false);
    CHECK(ours.status == 400);
    CHECK(json::parse(ours.body) == json{{"error",
                                          {{"code", "bad_request"},
                                           {"message", "page: must be a whole number"},
                                           {"parameter", "page"}}}});
    const auto official = render_error(ErrorKind::not_found, {}, {}, true);
    CHECK(official.status == 404);
    CHECK(json::parse(official.body) == json{{"detail", "Not Found"}});
    CHECK(is_official_path("/api/algoritme/NLD"));
    CHECK(is_official_path("/api/health"));
    CHECK_FALSE(is_official_path("/api/v1/search"));
    CHECK_FALSE(is_official_path("/api/v1"));
    CHECK_FALSE(is_official_path("/healthz"));
}

TEST_CASE("exceptions map to kinds; internals never leak") {
    std::vector<std::string> logged;
    const auto log = [&](const std::string& s) { logged.push_back(s); };
    const auto of = [&](auto exception, bool official = false) {
        return response_for(std::make_exception_ptr(exception), official, log);
    };
    CHECK(of(algreg::search::BadRequest("size", "too big")).status == 400);
    CHECK(
        json::parse(of(algreg::search::BadRequest("size", "too big")).body)["error"]["parameter"] ==
        "size");
    CHECK(of(algreg::search::NotFound("no entry")).status == 404);
    CHECK(of(HttpError(ErrorKind::method_not_allowed, "no")).status == 405);
    CHECK(of(algreg::search::IndexUnavailableError("/secret/path missing")).status == 503);
    CHECK(of(algreg::search::IndexUnavailableError("/secret/path missing")).body.find("secret") ==
          std::string::npos);
    const auto internal = of(std::runtime_error("/etc/shadow: Xapian::DatabaseCorruptError"));
    CHECK(internal.status == 500);
    CHECK(json::parse(internal.body) ==
          json{{"error", {{"code", "internal"}, {"message", "internal error"}}}});
    CHECK(of(42).status == 500);
    CHECK(logged.size() == 4); // what went wrong goes to the log only (503 twice, 500 twice)
    const auto validation = of(ValidationError(json::array({{{"type", "missing"}}})), true);
    CHECK(validation.status == 422);
    CHECK(json::parse(validation.body) == json{{"detail", json::array({{{"type", "missing"}}})}});
}
