// The JSON form of results: the shape the web API serves.
#include "search/result.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using algreg::search::FacetCount;
using algreg::search::FacetResult;
using algreg::search::Hit;
using algreg::search::SearchResult;
using nlohmann::json;

TEST_CASE("a plain result has the core keys and no flags") {
    SearchResult r;
    r.query = "parkeren";
    r.total = 2;
    Hit h;
    h.rank = 1;
    h.id = "12345678";
    h.name = "Parkeren";
    h.name_html = "<mark>Parkeren</mark>";
    h.matched_fields = {"titel"};
    h.assessments = {{"DPIA", "uitgevoerd"}};
    r.hits = {h};
    r.facets = {
        FacetResult{"status", "Status", {FacetCount{"in_gebruik", "In gebruik", 2, true, ""}}, 1}};
    const json j = r;
    for (const char* key : {"query", "interpreted", "total", "page", "page_size", "offset", "sort",
                            "hits", "facets", "revision", "timing"}) {
        CAPTURE(key);
        CHECK(j.contains(key));
    }
    for (const char* flag : {"did_you_mean", "corrected", "syntax_fallback", "query_truncated",
                             "page_clamped", "counts_partial", "warnings"}) {
        CAPTURE(flag);
        CHECK_FALSE(j.contains(flag));
    }
    CHECK(j["sort"] == "relevance");
    CHECK(j["hits"][0]["name_html"] == "<mark>Parkeren</mark>");
    CHECK(j["hits"][0]["assessments"][0] == json{{"type", "DPIA"}, {"state", "uitgevoerd"}});
    CHECK_FALSE(j["hits"][0].contains("lars")); // empty optional texts are left out
    CHECK(j["facets"][0]["values"][0] ==
          json{{"value", "in_gebruik"}, {"label", "In gebruik"}, {"count", 2}, {"selected", true}});
}

TEST_CASE("flags and corrections appear when set") {
    SearchResult r;
    r.did_you_mean = "gezichtsherkenning";
    r.corrected = true;
    r.original_query = "gezichtsherkening";
    r.syntax_fallback = true;
    r.syntax_error = {"aanhalingsteken niet gesloten", "quotation mark not closed"};
    r.counts_partial = true;
    r.warnings = {{"Onbekende filterwaarde: status=x", "Unknown filter value: status=x"}};
    const json j = r;
    CHECK(j["did_you_mean"] == "gezichtsherkenning");
    CHECK(j["corrected"] == true);
    CHECK(j["original_query"] == "gezichtsherkening");
    CHECK(j["syntax_fallback"] == true);
    CHECK(j["counts_partial"] == true);
    // The API is English.
    CHECK(j["syntax_error"] == "quotation mark not closed");
    CHECK(j["warnings"] == json::array({"Unknown filter value: status=x"}));
}
