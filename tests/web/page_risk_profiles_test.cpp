// The Risicoprofielen page on the bundled register: every number equals the total of the search
// it links to (and the link is that search), the "without an IAMA" search is a URL, the page
// says what the classification cannot tell, and both languages render.
#include "search/risk_profile.h"
#include "search/schema.h"
#include "search/searcher.h"
#include "tests/support/fixture_index.h"
#include "tests/web/html_search.h"
#include "web/html_builder.h"
#include "web/page_risk_profiles.h"
#include "web/page_text.h"
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

TEST_CASE("risk profiles page: says which profiles were judged on title and goal only") {
    s::SearcherOptions options;
    options.cache = fixture_index().cache();
    s::Searcher searcher(fixture_index().path(), options);
    const auto search = fixture_search();
    const RiskProfiles p = build_risk_profiles(search, Lang::nl);
    // The bundled register has both kinds: listing-only profiles and full records.
    REQUIRE(p.all.title_and_goal_only.count > 0);
    REQUIRE(p.full_record.count > 0);
    CHECK(p.all.title_and_goal_only.count + p.full_record.count == p.all.profiles.count);
    // The listing-only link lists exactly those profiles: every hit is listing-only.
    s::SearchRequest listing =
        request_of_link(page_url(Lang::nl, "/", p.all.title_and_goal_only.request));
    listing.page_size = s::max_page_size;
    const auto hits = search(listing);
    CHECK(hits.total == p.all.title_and_goal_only.count);
    for (const auto& hit : hits.hits) {
        const auto record = searcher.find(hit.id);
        CAPTURE(record.name);
        CHECK(record.listing_only);
        CHECK(s::is_risk_profile(record));
    }
    s::SearchRequest full = request_of_link(page_url(Lang::nl, "/", p.full_record.request));
    full.page_size = s::max_page_size;
    for (const auto& hit : search(full).hits) {
        CHECK_FALSE(searcher.find(hit.id).listing_only);
    }
    // The paragraph says it, with both numbers as links to those searches; the lead's numbers
    // are links too.
    for (const Lang lang : {Lang::nl, Lang::en}) {
        const RiskProfiles q = build_risk_profiles(search, lang);
        const std::string html = render_risk_profiles_page(q, {lang, ""});
        auto link = [&](const RiskCell& c) {
            return "<a href=\"" + esc(page_url(lang, "/", c.request)) + "\">" +
                   format_count(c.count, lang) + "</a>";
        };
        const auto paragraph = html.find("id=\"alleen-titel-en-doel\"");
        REQUIRE(paragraph != std::string::npos);
        const std::string text = html.substr(paragraph, html.find("</p>", paragraph) - paragraph);
        CHECK(has(text, link(q.all.title_and_goal_only)));
        CHECK(has(text, link(q.full_record)));
        CHECK(has(text, lang == Lang::nl ? "alleen op titel en doel beoordeeld"
                                         : "judged on their title and goal only"));
        const auto lead = html.find("class=\"lead\"");
        REQUIRE(lead != std::string::npos);
        CHECK(has(html.substr(lead, html.find("</p>", lead) - lead), link(q.all.profiles)));
    }
    // The search the link opens names its filter for what it means.
    CHECK(value_label(Lang::nl, s::facet::human_intervention.name, "onbekend", "Onbekend") ==
          "Onbekend (alleen titel en doel bekend)");
    CHECK(value_label(Lang::en, s::facet::human_intervention.name, "onbekend", "Onbekend") ==
          "Unknown (only title and goal known)");
}
