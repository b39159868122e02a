// The page renderers as pure functions: document structure and landmarks, labels on every
// control, no inline script or style (strict CSP), everything from the data escaped (an entry
// whose fields hold <script>, quotes and &), and what each page must show.
#include "search/html_text.h"
#include "search/schema.h"
#include "tests/web/html_search.h"
#include "web/html_builder.h"
#include "web/page_entry.h"
#include "web/page_organisation.h"
#include "web/page_search.h"
#include "web/page_statistics.h"

#include <doctest/doctest.h>
#include <regex>
#include <set>
#include <string>

using namespace algreg::web;
namespace s = algreg::search;

namespace {

const std::string evil = "<script>alert(\"x\")</script> & 'quote' \"dq\"";
const std::string evil_escaped =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quote&#39; &quot;dq&quot;";

using algreg::testing::has;
using algreg::testing::occurrences;

/// What every page must be: one document with lang, landmarks, skip link, our own assets only,
/// no inline script, style or event handler, and a label for every control.
void check_document(const std::string& html, Lang lang) {
    CAPTURE(html.substr(0, 400));
    CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\""));
    CHECK(has(html, std::string("<html lang=\"") + std::string(lang_code(lang)) + "\">"));
    CHECK(has(html, "<meta name=\"viewport\""));
    CHECK(occurrences(html, "<main id=\"inhoud\"") == 1);
    CHECK(occurrences(html, "<header class=\"site-header\">") == 1);
    CHECK(occurrences(html, "<footer") == 1);
    CHECK(has(html, "<nav class=\"site-nav\" aria-label="));
    CHECK(has(html, "<a class=\"skip-link\" href=\"#inhoud\">"));
    CHECK(occurrences(html, "<h1") == 1);
    // Only our own script and stylesheet, no inline code of any kind.
    CHECK(occurrences(html, "<script") == 1);
    CHECK(has(html, "<script src=\"/static/app.js"));
    CHECK_FALSE(has(html, "<style"));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(\sstyle\s*=)", std::regex::icase)));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(<[^>]+\son[a-z]+\s*=)", std::regex::icase)));
    CHECK_FALSE(std::regex_search(html, std::regex(R"((href|src|action)="\s*(javascript|data):)")));
    // No external resources: scripts, images and stylesheets come from /static.
    CHECK_FALSE(std::regex_search(html, std::regex(R"(\ssrc="(?!/static/))")));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(<link[^>]+href="(?!/))")));
    // Every visible control has a label: <label for=id> or aria-label.
    const std::regex control(R"(<(input|select|textarea)\b([^>]*)>)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), control);
         it != std::sregex_iterator(); ++it) {
        const std::string attrs = (*it)[2];
        if (has(attrs, "type=\"hidden\"") || has(attrs, "type=\"submit\"")) {
            continue;
        }
        std::smatch id;
        const std::string no_id = "control without id: " + attrs;
        REQUIRE_MESSAGE(std::regex_search(attrs, id, std::regex(R"(\bid="([^"]+)\")")), no_id);
        const std::string no_label = "control without label: " + id[1].str();
        CHECK_MESSAGE(has(html, "<label for=\"" + id[1].str() + "\""), no_label);
    }
    // ids are unique.
    std::set<std::string> ids;
    const std::regex id_attr(R"(\sid="([^"]+)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attr);
         it != std::sregex_iterator(); ++it) {
        const std::string duplicate = "duplicate id " + (*it)[1].str();
        CHECK_MESSAGE(ids.insert((*it)[1].str()).second, duplicate);
    }
}

s::AlgorithmRecord full_record() {
    s::AlgorithmRecord r;
    r.id = "11136893";
    r.lars = "11136893";
    r.name = "Slimme camera";
    r.description_short = "Herkent kentekens.";
    r.organization = "Gemeente Utrecht";
    r.organization_type = "gemeente";
    r.category = {"Verkeer"};
    r.status = "In gebruik";
    r.begin_date = "2023-08";
    r.contact_email = "info@utrecht.nl";
    r.website = "https://www.utrecht.nl/camera";
    r.publication_category = "Impactvolle algoritmes";
    r.goal = "<p>Handhaving</p><ul><li>parkeren</li></ul>";
    r.lawful_basis_grouping = {{"Wegenverkeerswet", "https://wetten.overheid.nl/BWBR0006622"}};
    r.impacttoetsen_grouping = {{"Data Protection Impact Assessment (DPIA)", ""}};
    r.source_data = "<p>Kentekens</p>";
    r.provider = "Intern ontwikkeld";
    r.standard_version = "1.0";
    r.added = "2024-01-02";
    r.changed = "2026-06-09";
    r.register_url = "https://algoritmes.overheid.nl/nl/algoritme/11136893";
    s::Assessment dpia;
    dpia.type = "DPIA";
    dpia.state = s::AssessmentState::uitgevoerd;
    dpia.link = "https://example.org/dpia.pdf";
    dpia.statements = {
        {"DPIA", s::AssessmentState::uitgevoerd, "", "2025-01-01", "register", "DPIA genoemd"},
        {"DPIA", s::AssessmentState::niet_uitgevoerd, "", "2023-06-14",
         "algoritmeregister-export-2023-06-19", "Nee"}};
    s::Assessment iama;
    iama.type = "IAMA";
    r.assessments = {dpia, iama};
    return r;
}

/// An entry whose every text field holds markup, quotes and ampersands.
s::AlgorithmRecord hostile_record() {
    s::AlgorithmRecord r;
    r.id = "hostile";
    r.name = evil;
    r.description_short = evil;
    r.organization = evil;
    r.category = {evil};
    r.status = evil;
    r.contact_email = "\"><script>alert(1)</script>@x.nl";
    r.website = "javascript:alert(1)";
    r.url = "https://ok.example/\"><script>";
    r.publication_category = evil;
    r.goal = "<p onclick=\"alert(1)\">Doel <script>alert(1)</script> & <b>vet</b></p>";
    r.proportionality = "<img src=x onerror=alert(1)>";
    r.lawful_basis_grouping = {{evil, "javascript:alert(1)"},
                               {evil, "https://wet.example/?a=1&b=2"}};
    r.provider = evil;
    r.legacy = {{"department", evil}};
    r.register_url = "javascript:alert(1)";
    s::Assessment a;
    a.type = evil;
    a.link = "javascript:alert(1)";
    a.statements = {{evil, s::AssessmentState::onbekend, "data:text/html,x", evil, evil, evil}};
    r.assessments = {a};
    return r;
}

s::Hit hit_of(const s::AlgorithmRecord& r) {
    s::Hit h;
    h.id = r.id;
    h.name = r.name;
    h.name_html = s::escape_html(r.name); // the searcher's contract: escaped, with <mark>
    h.organisation = r.organization;
    h.organisation_slug = "gemeente-utrecht";
    h.organisation_type = "gemeente";
    h.status = r.status;
    h.publication_category = r.publication_category;
    h.snippet_html = "… <mark>camera</mark> &amp; meer …";
    h.assessments = {{"DPIA", "uitgevoerd"}, {"IAMA", "onbekend"}};
    h.changed = "2026-06-09";
    return h;
}

s::SearchResult result_with(std::vector<s::Hit> hits, std::size_t total) {
    s::SearchResult r;
    r.total = total;
    r.hits = std::move(hits);
    r.page_size = 20;
    s::FacetResult status{"status",
                          "Status",
                          {{"in_gebruik", "In gebruik", 30, true, ""},
                           {"buiten_gebruik", "Buiten gebruik", 7, false, ""}},
                          2};
    s::FacetResult assessment{"impacttoets",
                              "Impacttoetsen",
                              {{"dpia-uitgevoerd", "DPIA uitgevoerd", 3, false, "dpia"},
                               {"dpia-onbekend", "DPIA onbekend", 30, false, "dpia"},
                               {"iama-niet-uitgevoerd", "IAMA niet uitgevoerd", 2, false, "iama"}},
                              3};
    s::FacetResult org{"organisatie", "Organisatie", {}, 40};
    for (int i = 0; i < 15; ++i) {
        org.values.push_back({"org-" + std::to_string(i), "Organisatie " + std::to_string(i),
                              static_cast<std::uint32_t>(20 - i), false, ""});
    }
    s::FacetResult theme{"thema", "Thema", {{"x\"><script>", evil, 1, false, ""}}, 1};
    s::FacetResult year{"jaar", "Jaar van registratie", {{"2025", "2025", 5, false, ""}}, 1};
    r.facets = {status, assessment, org, theme, year};
    return r;
}

} // namespace

TEST_CASE("search page: structure, state and controls") {
    SearchView view;
    view.request.text = "camera";
    view.request.filters["status"] = {"in_gebruik"};
    view.request.page = 2;
    std::vector<s::Hit> hits(20, hit_of(full_record()));
    view.result = result_with(hits, 45);
    view.result.page = 2;
    view.result.offset = 20;
    view.result.did_you_mean = "camera's";
    for (const Lang lang : {Lang::nl, Lang::en}) {
        const std::string html = render_search_page(view, {lang, "abc"});
        check_document(html, lang);
        CHECK(has(html, "<form id=\"search-form\" class=\"search-form\" method=\"get\""));
        CHECK(has(html, "value=\"camera\""));
        CHECK(has(html, "role=\"search\""));
        CHECK(has(html, "href=\"/static/app.css?v=abc\""));
        // Facet checkboxes with counts; the selected one is checked.
        CHECK(has(html, "name=\"status\" value=\"in_gebruik\" checked>"));
        CHECK(has(html, "name=\"status\" value=\"buiten_gebruik\">"));
        CHECK(has(html, "<fieldset class=\"facet-group\"><legend>DPIA</legend>"));
        // Organisations: the top 12, then a search box for the rest.
        CHECK(has(html, "id=\"org_q\" name=\"org_q\""));
        CHECK(has(html, "value=\"org-11\""));
        CHECK_FALSE(has(html, "value=\"org-12\""));
        // Chips, clear all, export, pagination, sort.
        CHECK(has(html, "class=\"chip\""));
        CHECK(has(html, "<a class=\"page current\" aria-current=\"page\""));
        CHECK(has(html, "rel=\"prev\""));
        CHECK(has(html, "rel=\"next\""));
        CHECK(has(html, "<select id=\"sort\" name=\"sort\">"));
        CHECK(has(html, "href=\"/api/v1/export.csv?q=camera&amp;status=in_gebruik\""));
        CHECK(has(html, "href=\"/api/v1/export.json?q=camera&amp;status=in_gebruik\""));
        CHECK(has(html,
                  "href=\"/api/v1/export.csv?q=camera&amp;status=in_gebruik&amp;sep=semicolon\""));
        CHECK(has(html, "href=\"/api/v1/export.xlsx?q=camera&amp;status=in_gebruik\""));
        CHECK(has(html, "<ol class=\"cards\" start=\"21\">"));
        CHECK(has(html, "<mark>camera</mark>"));
        CHECK(has(html, "id=\"live-status\""));
        CHECK(has(html, "aria-live=\"polite\""));
    }
    const std::string nl = render_search_page(view, {Lang::nl, ""});
    CHECK(has(nl, "Wis alle filters"));
    CHECK(has(nl, "45 algoritmes gevonden"));
    CHECK(has(nl, "Bedoelde u: <a href=\"/?q=camera%27s&amp;status=in_gebruik\""));
    CHECK(has(nl, "href=\"/?q=camera&amp;status=in_gebruik&amp;page=3\""));
    CHECK(has(nl, "DPIA: uitgevoerd"));
    CHECK(has(nl, "hreflang=\"en\" href=\"/en/?q=camera&amp;status=in_gebruik&amp;page=2\""));
    // The chip removes its filter (and goes back to page 1).
    CHECK(
        has(nl, "<a class=\"chip\" href=\"/?q=camera\" data-nav><span>Status: In gebruik</span>"));
    const std::string en = render_search_page(view, {Lang::en, ""});
    CHECK(has(en, "Clear all filters"));
    CHECK(has(en, "45 algorithms found"));
    CHECK(has(en, "DPIA: done"));
    CHECK(has(en, ">In use<"));
    CHECK(has(en, "href=\"/en/algoritme/11136893\" lang=\"nl\""));
}

TEST_CASE("search page: nothing found, corrected, organisation list search") {
    SearchView view;
    view.request.text = "kamera";
    view.result = result_with({}, 0);
    view.result.corrected = false;
    view.org_query = "utr";
    view.org_matches = {{"gemeente-utrecht", "Gemeente Utrecht", 45, false, ""}};
    std::string html = render_search_page(view, {});
    check_document(html, Lang::nl);
    CHECK(has(html, "Geen algoritmes gevonden."));
    CHECK(has(html, "value=\"gemeente-utrecht\""));
    CHECK_FALSE(has(html, "value=\"org-0\""));
    CHECK_FALSE(has(html, "/api/v1/export.csv")); // nothing to export
    view.org_matches.clear();
    html = render_search_page(view, {});
    CHECK(has(html, "Geen organisatie gevonden voor ‘utr’."));
    view.result.corrected = true;
    view.result.original_query = "kamera";
    view.result.query = "camera";
    html = render_search_page(view, {});
    CHECK(has(html, "Niets gevonden voor ‘kamera’. Hieronder de resultaten voor ‘camera’."));
}

TEST_CASE("search page: everything from the data and the URL is escaped") {
    SearchView view;
    view.request.text = evil;
    view.request.filters["thema"] = {"x\"><script>"};
    view.org_query = evil;
    s::AlgorithmRecord r = hostile_record();
    s::Hit hit = hit_of(r);
    hit.organisation_slug = "a\"b";
    hit.snippet_html = s::escape_html(evil);
    view.result = result_with({hit}, 1);
    view.result.did_you_mean = evil;
    view.result.warnings = {{evil, evil}};
    view.result.syntax_fallback = true;
    view.result.syntax_error = {evil, evil};
    for (const Lang lang : {Lang::nl, Lang::en}) {
        const std::string html = render_search_page(view, {lang, "\"><script>"});
        check_document(html, lang);
        CHECK_FALSE(has(html, "<script>alert"));
        CHECK_FALSE(has(html, "\"><script>"));
        CHECK(has(html, evil_escaped));
        CHECK(has(html, "value=\"x&quot;&gt;&lt;script&gt;\" checked"));
    }
}

TEST_CASE("entry page: groups, empty fields, assessments with sources, similar, register link") {
    const s::AlgorithmRecord r = full_record();
    std::vector<s::Hit> similar{hit_of(r)};
    similar[0].id = "22222222";
    similar[0].name_html = "Andere camera";
    const std::string html = render_entry_page(r, similar, {});
    check_document(html, Lang::nl);
    CHECK(has(html, "<h1 id=\"entry-title\">Slimme camera</h1>"));
    for (const char* heading : {"Algemene informatie", "Verantwoord gebruik", "Werking",
                                "Impacttoetsen: stand en bronnen", "Vergelijkbare algoritmes"}) {
        CHECK(has(html, std::string(">") + heading + "</h2>"));
    }
    // Register order inside a group: Organisatienaam, then Thema, then Status.
    const auto org = html.find("<dt>Organisatienaam</dt>");
    const auto theme = html.find("<dt>Thema</dt>");
    const auto status = html.find("<dt>Status</dt>");
    CHECK(org < theme);
    CHECK(theme < status);
    // Show-always fields that are empty say so; other empty fields are left out.
    CHECK(has(html, "<dt>Afwegingen</dt><dd class=\"blank\"><span class=\"empty-field\">Veld niet "
                    "ingevuld</span>"));
    CHECK(has(html, "<dt>Risicobeheer</dt>"));
    CHECK_FALSE(has(html, "<dt>Einddatum</dt>"));
    CHECK_FALSE(has(html, "<dt>Zoektermen</dt>")); // tags are never shown
    // HTML fields keep their allowed structure.
    CHECK(has(html, "<p>Handhaving</p><ul><li>parkeren</li></ul>"));
    CHECK(has(html, "<a href=\"mailto:info@utrecht.nl\">"));
    CHECK(has(html, "href=\"https://wetten.overheid.nl/BWBR0006622\""));
    CHECK(has(html, ">augustus 2023<"));
    // Assessments and every statement with its source.
    CHECK(has(html, "DPIA <span class=\"badge assessment done\">uitgevoerd</span>"));
    CHECK(has(html, "<td>het register</td><td>uitgevoerd</td><td>1 januari 2025</td>"));
    CHECK(has(html, "<td>algoritmeregister-export-2023-06-19</td><td>niet uitgevoerd</td>"));
    CHECK(has(html, "href=\"https://example.org/dpia.pdf\""));
    CHECK(has(html, "href=\"/algoritme/22222222\""));
    CHECK(has(html, "href=\"https://algoritmes.overheid.nl/nl/algoritme/11136893\""));
    CHECK(has(html, "href=\"/organisatie/gemeente-utrecht\""));
    CHECK(has(html, "hreflang=\"en\" href=\"/en/algoritme/11136893\""));

    const std::string en = render_entry_page(r, {}, {Lang::en, ""});
    check_document(en, Lang::en);
    CHECK(has(en, ">General information</h2>"));
    CHECK(has(en, "Field not filled in"));
    CHECK(has(en, "No similar algorithms found."));
    CHECK(has(en, "<h1 id=\"entry-title\" lang=\"nl\">"));
}

TEST_CASE("entry page: listing-only entries say fields are unknown, not empty") {
    s::AlgorithmRecord r;
    r.id = r.lars = "54986363";
    r.name = "Snelle ID lijn";
    r.listing_only = true;
    const std::string html = render_entry_page(r, {}, {});
    check_document(html, Lang::nl);
    CHECK(has(html, "alleen de gegevens uit de openbare lijst"));
    CHECK(has(html, "Niet bekend (alleen lijstgegevens)"));
    CHECK_FALSE(has(html, "Veld niet ingevuld"));
    CHECK(has(html, "href=\"https://algoritmes.overheid.nl/nl/algoritme/54986363\""));
}

TEST_CASE("entry page: an entry whose fields hold <script>, quotes and & renders as text") {
    const s::AlgorithmRecord r = hostile_record();
    for (const Lang lang : {Lang::nl, Lang::en}) {
        const std::string html = render_entry_page(r, {hit_of(r)}, {lang, ""});
        check_document(html, lang);
        CHECK_FALSE(has(html, "<script>alert"));
        CHECK_FALSE(has(html, "onclick"));
        CHECK_FALSE(has(html, "onerror"));
        CHECK_FALSE(has(html, "<img src=x"));
        CHECK_FALSE(has(html, "<b>"));
        CHECK_FALSE(has(html, "href=\"data:"));
        CHECK(has(html, "<h1 id=\"entry-title\"" + data_lang(lang) + ">" + evil_escaped + "</h1>"));
        CHECK(has(html, "<title>" + evil_escaped + " · "));
        CHECK(occurrences(html, evil_escaped) >= 8);
        // Only http(s) links are links; the rest is text.
        CHECK(has(html, ">javascript:alert(1)<")); // shown, as text
        CHECK_FALSE(has(html, "href=\"javascript:"));
        CHECK(has(html, "href=\"https://wet.example/?a=1&amp;b=2\""));
        CHECK_FALSE(has(html, "href=\"https://ok.example/"));
        CHECK_FALSE(has(html, "mailto:&quot;"));
    }
}

TEST_CASE("organisation page: the organisation's entries with facets, without its own filter") {
    SearchView search;
    search.request.filters["status"] = {"in_gebruik"};
    search.request.filters["organisatie"] = {"other"}; // ignored: the page fixes it
    OrganisationView view = organisation_view("gemeente-utrecht", search);
    CHECK(view.search.path == "/organisatie/gemeente-utrecht");
    CHECK(search_request(view.search).filters.at("organisatie") ==
          std::set<std::string>{"gemeente-utrecht"});
    view.name = "Gemeente Utrecht";
    view.type_key = "gemeente";
    view.search.result = result_with({hit_of(full_record())}, 45);
    const std::string html = render_organisation_page(view, {});
    check_document(html, Lang::nl);
    CHECK(has(html, "<h1>Gemeente Utrecht</h1>"));
    CHECK(has(html, "Type organisatie: Gemeente"));
    CHECK(has(html, "action=\"/organisatie/gemeente-utrecht\""));
    CHECK_FALSE(has(html, "id=\"facet-organisatie\""));
    CHECK(has(html, "id=\"facet-status\""));
    CHECK(has(html,
              "href=\"/api/v1/export.csv?organisatie=gemeente-utrecht&amp;status=in_gebruik\""));
    CHECK(has(html, "href=\"/?organisatie=gemeente-utrecht\""));
    CHECK(has(html, "<a class=\"chip\" href=\"/organisatie/gemeente-utrecht\""));
}

TEST_CASE("statistics page: SVG charts with title, desc and a data table") {
    // A fake index: 10 entries, 6 of municipalities; DPIA done for 2 of those.
    auto search = [](const s::SearchRequest& request) {
        s::SearchResult r;
        const auto it = request.filters.find("impacttoets");
        const std::string filter = it == request.filters.end() ? "" : *it->second.begin();
        std::uint32_t gemeente = 6, provincie = 4;
        if (filter == "dpia-uitgevoerd") {
            gemeente = 2, provincie = 0;
        } else if (filter == "dpia-onbekend") {
            gemeente = 4, provincie = 4;
        } else if (!filter.empty() || request.filters.count("impactassessment")) {
            gemeente = 0, provincie = 0;
        }
        r.total = gemeente + provincie;
        r.facets = {{"organisatietype",
                     "Type organisatie",
                     {{"gemeente", "Gemeente", gemeente, false, ""},
                      {"provincie", "Provincie", provincie, false, ""}},
                     2},
                    {"status",
                     "Status",
                     {{"in_gebruik", "In gebruik", static_cast<std::uint32_t>(r.total), false, ""}},
                     1},
                    {"categorie",
                     "Publicatiecategorie",
                     {{"impactvolle-algoritmes", "Impactvolle algoritmes", 1, false, ""}},
                     1}};
        return r;
    };
    const Statistics stats = build_statistics(search, Lang::nl);
    CHECK(stats.total == 10);
    // per type, per ministry, per status, per year, DPIA and IAMA twice each, listing
    REQUIRE(stats.charts.size() == 9);
    CHECK(stats.charts[0].rows.size() == 2);
    CHECK(stats.charts[0].rows[0].label == "Gemeente");
    CHECK(stats.charts[0].rows[0].values == std::vector<std::size_t>{6});
    CHECK(stats.charts[1].id == "per-ministry");
    CHECK(stats.charts[3].id == "per-year");
    const Chart& dpia = stats.charts[4];
    CHECK(dpia.id == "dpia-per-type");
    CHECK(dpia.series.size() == 4); // every state of search/assessment_vocabulary.h
    CHECK(dpia.rows[0].values == std::vector<std::size_t>{2, 0, 4, 0});
    // Per category: entries without a category get a row of their own.
    const Chart& per_category = stats.charts[5];
    CHECK(per_category.rows.back().label == "Geen categorie");

    const std::string html = render_statistics_page(stats, {});
    check_document(html, Lang::nl);
    // Pictures only where there are two bars or more: per type, DPIA per type and per category;
    // the one status and the one IAMA category are sentences with their table, charts without
    // data a sentence alone.
    CHECK(occurrences(html, "<svg") == 3);
    CHECK(occurrences(html, "role=\"img\"") == 3);
    CHECK(has(html, "Alle 10 tellen hier in één groep: In gebruik."));
    CHECK(occurrences(html, "Hiervoor zijn geen gegevens.") == 4);
    CHECK(has(html, "<title id=\"per-type-title\">Algoritmes per type organisatie</title>"));
    CHECK(has(html, "<desc id=\"per-type-desc\">"));
    CHECK(occurrences(html, "<table class=\"data-table\">") == 5);
    CHECK(has(html, "<th scope=\"row\">Gemeente</th>"));
    CHECK(has(html, "(33 %)"));
    const std::string en =
        render_statistics_page(build_statistics(search, Lang::en), {Lang::en, ""});
    check_document(en, Lang::en);
    CHECK(has(en, "<th scope=\"row\">Municipality</th>"));
    CHECK(has(en, "DPIA per organisation type"));
}

TEST_CASE("chart: labels and values escaped, small values stay visible") {
    Chart c;
    c.id = "t";
    c.title = evil;
    c.description = evil;
    c.series = {"a", "b"};
    c.rows = {{evil, {1000, 1}}, {"Grensoverschrijdend regionaal samenwerkingsorgaan", {0, 3}}};
    const std::string html = render_chart(c, Lang::nl);
    CHECK_FALSE(has(html, "<script>"));
    CHECK(has(html, evil_escaped));
    CHECK(has(html, "Grensoverschrijdend regionaal…"));
    CHECK(has(html, "width=\"2.0\"")); // the 1 of 1001 is a sliver, not nothing
    CHECK(has(html, "<td class=\"num\">1.000</td>"));
}

TEST_CASE("chart: one bar is a sentence with the table, none says there are no data") {
    Chart c;
    c.id = "one";
    c.title = "DPIA per publicatiecategorie";
    c.series = {"uitgevoerd", "niet uitgevoerd"};
    c.rows = {{"Geen categorie", {3, 1436}}, {"Impactvolle algoritmes", {0, 0}}};
    const std::string one = render_chart(c, Lang::nl);
    CHECK_FALSE(has(one, "<svg"));
    CHECK(has(one, "<p class=\"chart-sentence\">Alle 1.439 tellen hier in één groep: Geen "
                   "categorie."));
    CHECK(has(one, "<th scope=\"row\">Geen categorie</th>"));
    CHECK(has(render_chart(c, Lang::en), "All 1,439 count in one group here: Geen categorie."));
    c.rows[1].values = {1, 0};
    CHECK(has(render_chart(c, Lang::nl), "<svg")); // two bars: a picture
    c.rows.clear();
    const std::string none = render_chart(c, Lang::nl);
    CHECK(has(none, "Hiervoor zijn geen gegevens."));
    CHECK_FALSE(has(none, "<table"));
}

TEST_CASE("search page: the date field, and a day before the history") {
    SearchView view;
    view.history_begins = "2026-05-13";
    view.history_ends = "2026-08-08";
    view.result.total = 1557;
    const std::string now = render_search_page(view, {});
    check_document(now, Lang::nl);
    CHECK(has(now, "<label for=\"as_of\">Het register op datum</label><input type=\"date\" "
                   "id=\"as_of\" name=\"as_of\" value=\"\" aria-describedby=\"as_of-hint\">"));
    CHECK(has(now, "De geschiedenis loopt van 13 mei 2026 tot 8 augustus 2026."));
    CHECK_FALSE(has(now, "type=\"hidden\" name=\"as_of\""));
    const std::string en = render_search_page(view, {Lang::en, ""});
    check_document(en, Lang::en);
    CHECK(has(en, "<label for=\"as_of\">The register on a date</label>"));

    view.as_of = "2025-01-01";
    view.result = {};
    const std::string before = render_search_page(view, {});
    check_document(before, Lang::nl);
    CHECK(has(before, "De geschiedenis begint op 13 mei 2026."));
    CHECK(has(before, "href=\"/?as_of=2026-05-13\" data-nav>Het register op 13 mei 2026</a>"));
    CHECK(has(before, "value=\"2025-01-01\" aria-describedby=\"as_of-hint\""));
    CHECK_FALSE(has(before, "algoritmes gevonden"));
    CHECK_FALSE(has(before, "Het register zoals het was op"));

    view.as_of = "2026-06-01"; // within the history: the ordinary notice
    CHECK(has(render_search_page(view, {}), "Het register zoals het was op 1 juni 2026."));
    view.history_begins.clear(); // no history: no field, as_of kept hidden
    CHECK(has(render_search_page(view, {}), "type=\"hidden\" name=\"as_of\" value=\"2026-06-01\""));
}

TEST_CASE("html helpers: links, numbers, dates") {
    CHECK(safe_http_url(" https://a.nl/x ") == "https://a.nl/x");
    CHECK(safe_http_url("HTTP://A.NL") == "HTTP://A.NL");
    CHECK(safe_http_url("javascript:alert(1)").empty());
    CHECK(safe_http_url("//evil.example").empty());
    CHECK(safe_http_url("https://a.nl/\"onmouseover=").empty());
    CHECK(safe_http_url("https://").empty());
    CHECK(looks_like_email("info@utrecht.nl"));
    CHECK_FALSE(looks_like_email("https://utrecht.nl/contact"));
    CHECK_FALSE(looks_like_email("a@b@c.nl"));
    CHECK(format_count(0, Lang::nl) == "0");
    CHECK(format_count(999, Lang::nl) == "999");
    CHECK(format_count(1557, Lang::nl) == "1.557");
    CHECK(format_count(1234567, Lang::en) == "1,234,567");
    CHECK(format_date("2026-06-09", Lang::nl) == "9 juni 2026");
    CHECK(format_date("2026-06-09", Lang::en) == "9 June 2026");
    CHECK(format_date("2023-08", Lang::nl) == "augustus 2023");
    CHECK(format_date("03-2022", Lang::nl) == "03-2022");
    CHECK(url_encode("a b&c=d/é") == "a%20b%26c%3Dd%2F%C3%A9");
}
