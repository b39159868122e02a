// The official search body: Pydantic's lax parsing and FastAPI's 422 shape.
#include "web/http_errors.h"
#include "web/official_request.h"

#include <doctest/doctest.h>

using namespace algreg::web;
using nlohmann::json;

namespace {
json errors_of(const std::string& body) {
    try {
        (void)parse_official_search(body);
    } catch (const ValidationError& e) {
        return e.detail();
    }
    return nullptr;
}
} // namespace

TEST_CASE("official body: defaults, lax numbers, unknown keys ignored") {
    CHECK(parse_official_search("{}") == OfficialSearch{});
    const auto s = parse_official_search(
        R"({"page": "2", "limit": 100.0, "searchtext": "wmo of jeugdzorg", "organisation": null,
            "publicationcategory": "Impactvolle algoritmes", "organisationtype": "gemeente",
            "impact_assessment": "Geen", "sort_option": "sort_number", "extra": [1, 2]})");
    CHECK(s.page == 2);
    CHECK(s.limit == 100);
    CHECK(s.searchtext == "wmo of jeugdzorg");
    CHECK(s.organisation.empty());
    CHECK(s.publicationcategory == "Impactvolle algoritmes");
    CHECK(s.organisationtype == "gemeente");
    CHECK(s.impact_assessment == "Geen");
    CHECK(s.sort_by_count);
    CHECK(parse_official_search(R"({"page": " 3 "})").page == 3);
}

TEST_CASE("official body: 422 items in FastAPI's shape") {
    CHECK(errors_of(R"({"limit": 101})") ==
          json::array({{{"type", "less_than_equal"},
                        {"loc", {"body", "limit"}},
                        {"msg", "Input should be less than or equal to 100"},
                        {"input", 101},
                        {"ctx", {{"le", 100}}}}}));
    CHECK(errors_of(R"({"page": 0})")[0]["type"] == "greater_than_equal");
    CHECK(errors_of(R"({"page": "two"})")[0]["type"] == "int_parsing");
    CHECK(errors_of(R"({"page": 1.5})")[0]["type"] == "int_from_float");
    CHECK(errors_of(R"({"page": true})")[0]["type"] == "int_type");
    CHECK(errors_of(R"({"page": null})")[0]["type"] == "int_type");
    CHECK(errors_of(R"({"searchtext": null})") ==
          json::array({{{"type", "string_type"},
                        {"loc", {"body", "searchtext"}},
                        {"msg", "Input should be a valid string"},
                        {"input", nullptr}}}));
    const json e = errors_of(R"({"organisationtype": "stad", "impact_assessment": "DPIA"})");
    REQUIRE(e.size() == 2); // every problem at once
    CHECK(e[0]["type"] == "enum");
    CHECK(e[0]["loc"] == json::array({"body", "organisationtype"}));
    CHECK(e[0]["msg"].get<std::string>().starts_with("Input should be 'adviescollege', "));
    CHECK(e[1]["loc"] == json::array({"body", "impact_assessment"}));
    CHECK(errors_of("")[0]["type"] == "missing");
    CHECK(errors_of("{not json")[0]["type"] == "json_invalid");
    CHECK(errors_of("[1]")[0]["type"] == "model_attributes_type");
    CHECK(errors_of(R"({"sort_option": "sort_date"})")[0]["type"] == "enum");
}

TEST_CASE("official language path parameter") {
    CHECK_NOTHROW(check_official_language("NLD"));
    CHECK_NOTHROW(check_official_language("FRY"));
    try {
        check_official_language("nld");
        FAIL("accepted");
    } catch (const ValidationError& e) {
        CHECK(e.detail()[0]["loc"] == json::array({"path", "lang"}));
        CHECK(e.detail()[0]["msg"] == "Input should be 'NLD', 'ENG' or 'FRY'");
    }
}
