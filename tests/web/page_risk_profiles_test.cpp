// The Risicoprofielen page on the bundled register: every number equals the total of the search
// it links to (and the link is that search), the "without an IAMA" search is a URL, the page
// says what the classification cannot tell, and both languages render.
#include "search/schema.h"
#include "search/searcher.h"
#include "tests/support/fixture_index.h"
#include "tests/web/html_search.h"
#include "web/page_risk_profiles.h"
#include "web/page_url.h"

#include <doctest/doctest.h>
#include <httplib.h>

namespace s = algreg::search;
using namespace algreg::web;
using algreg::testing::fixture_index;
using algreg::testing::has;

namespace {

SearchFunction fixture_search() {
    s::SearcherOptions options;
    options.cache = fixture_index().cache();
    auto searcher = std::make_shared<s::Searcher>(fixture_index().path(), options);
    return [searcher](const s::SearchRequest& r) { return searcher->search(r); };
}

/// The search a page link asks for, read back as the search page reads it.
s::SearchRequest request_of_link(const std::string& url) {
    const auto q = url.find('?');
    httplib::Params params;
    if (q != std::string::npos) {
        httplib::detail::parse_query_text(url.substr(q + 1), params);
    }
    QueryParams list(params.begin(), params.end());
    return parse_page_query(list).request;
}

} // namespace

TEST_CASE("risk profiles page: every number equals the search it links to") {
    const auto search = fixture_search();
    const RiskProfiles p = build_risk_profiles(search, Lang::nl);
    REQUIRE(p.all.profiles.count > 0);
    CHECK(p.all.profiles.count < p.total_entries);
    REQUIRE(!p.by_type.empty());
    REQUIRE(!p.by_organisation.empty());
    const auto cells = risk_cells(p);
    CHECK(cells.size() > 6 * (1 + p.by_type.size() + p.by_organisation.size()) - 1);
    for (const auto* cell : cells) {
        const std::string url = page_url(Lang::nl, "/", cell->request);
        CAPTURE(url);
        const s::SearchRequest linked = request_of_link(url);
        CHECK(linked.filters == cell->request.filters);
        s::SearchRequest counting = linked;
        counting.facets = false;
        counting.snippets = false;
        CHECK(search(counting).total == cell->count);
    }
    // The parts add up: with and without an IAMA partition the profiles of every row.
    for (const auto& row : p.by_type) {
        CAPTURE(row.label);
        CHECK(row.with_iama.count + row.without_iama.count == row.profiles.count);
        CHECK(row.title_and_goal_only.count + row.human_intervention.count <= row.profiles.count);
    }
}

TEST_CASE("risk profiles without an IAMA are one URL") {
    const std::string url = page_url(Lang::nl, "/", risk_profiles_without_iama());
    CHECK(url == "/?impacttoets=iama-niet-uitgevoerd&impacttoets=iama-niet-vermeld&impacttoets="
                 "iama-onbekend&risicoprofiel=ja");
    const auto search = fixture_search();
    const RiskProfiles p = build_risk_profiles(search, Lang::nl);
    s::SearchRequest r = request_of_link(url);
    r.facets = false;
    CHECK(search(r).total == p.all.without_iama.count);
}

TEST_CASE("risk profiles page: honest about its limits, linked rules, both languages") {
    const auto search = fixture_search();
    const std::string nl = render_risk_profiles_page(build_risk_profiles(search, Lang::nl), {});
    CHECK(has(nl, "<h1>Risicoprofielen</h1>"));
    CHECK(has(nl, "geen bewijs van discriminatie"));
    CHECK(has(nl, "alleen op titel en doel beoordeeld"));
    CHECK(has(nl, "href=\"/risicoprofielen/regels\""));
    CHECK(has(nl, "<svg"));
    CHECK(has(nl, "aria-current=\"page\">Risicoprofielen</a>"));
    const std::string en =
        render_risk_profiles_page(build_risk_profiles(search, Lang::en), {Lang::en, ""});
    CHECK(has(en, "<h1>Risk profiles</h1>"));
    CHECK(has(en, "not proof of discrimination"));
    CHECK(has(en, "href=\"/en/risicoprofielen/regels\""));
    const std::string rules = render_risk_rules_page({});
    CHECK(has(rules, "id=\"regel-rp-fraude\""));
    CHECK(has(rules, "kenmerk:nationaliteit"));
}
