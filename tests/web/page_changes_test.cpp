// The history in the web UI: the "Wijzigingen" page, the history on the entry page, the page of
// a removed entry and the feed links. Rendering is tested as pure functions of values (hostile
// values, English, empty state, long texts); behaviour users depend on is tested over HTTP on a
// real server with the index replayed from fixtures/register-history.jsonl (38 revisions:
// entry 59917797 removed on 2026-06-24, 21 entries of one organisation renamed on 2026-06-19).
#include "tests/support/history_index.h"
#include "tests/web/html_search.h"
#include "tests/web/test_server.h"
#include "web/changes_url.h"
#include "web/field_diff.h"
#include "web/page_changes.h"
#include "web/page_entry.h"
#include "web/page_entry_history.h"
#include "web/page_search.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>

using namespace algreg::web;
namespace s = algreg::search;

namespace {

const std::string evil = "<script>alert(\"x\")</script> & 'q'";
const std::string evil_escaped =
    "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";

using algreg::testing::has;
using algreg::testing::occurrences;

/// What every page of ours must be under the strict CSP: one h1, our script only, no inline
/// style or handlers, a label for every control, unique ids.
void check_page(const std::string& html) {
    CHECK(occurrences(html, "<h1") == 1);
    CHECK(occurrences(html, "<script") == 1);
    CHECK_FALSE(has(html, "<style"));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(\sstyle\s*=)", std::regex::icase)));
    CHECK_FALSE(std::regex_search(html, std::regex(R"(<[^>]+\son[a-z]+\s*=)", std::regex::icase)));
    const std::regex control(R"(<(input|select|textarea)\b([^>]*)>)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), control);
         it != std::sregex_iterator(); ++it) {
        const std::string attrs = (*it)[2];
        if (has(attrs, "type=\"hidden\"")) {
            continue;
        }
        std::smatch id;
        REQUIRE(std::regex_search(attrs, id, std::regex(R"(\bid="([^"]+)\")")));
        const std::string no_label = "control without label: " + id[1].str();
        CHECK_MESSAGE(has(html, "<label for=\"" + id[1].str() + "\""), no_label);
    }
    std::set<std::string> ids;
    const std::regex id_attr(R"(\sid="([^"]+)\")");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), id_attr);
         it != std::sregex_iterator(); ++it) {
        const std::string duplicate = "duplicate id " + (*it)[1].str();
        CHECK_MESSAGE(ids.insert((*it)[1].str()).second, duplicate);
    }
}

s::ChangeItem changed_item(const std::string& id, std::vector<s::FieldChange> fields) {
    s::ChangeItem item;
    item.event.sequence = 7;
    item.event.date = "2026-06-19";
    item.event.kind = s::ChangeKind::changed;
    item.event.id = id;
    item.event.fields = std::move(fields);
    item.lars = id;
    item.name = "Naam " + id;
    item.organisation = "Gemeente Voorbeeld";
    item.organisation_slug = "gemeente-voorbeeld";
    return item;
}

ChangesView view_of(std::vector<s::ChangeItem> items, const QueryParams& params = {}) {
    ChangesView view;
    view.query = parse_changes_query(params);
    view.page.items = std::move(items);
    view.page.total = view.page.items.size();
    view.page.last_date = "2026-08-08";
    view.filters = changes_filter_view(view.query);
    return view;
}

std::string get_body(httplib::Client& client, const std::string& url, int expected_status) {
    const auto res = client.Get(url);
    REQUIRE(res);
    CHECK_MESSAGE(res->status == expected_status, url);
    return res->body;
}

/// The <article> of one event on a changes page: from its heading link to the next article.
std::string article_of(const std::string& html, const std::string& id) {
    const auto link = html.find("/algoritme/" + id + "\"");
    if (link == std::string::npos) {
        return {};
    }
    const auto start = html.rfind("<article", link);
    const auto end = html.find("</article>", link);
    return html.substr(start, end - start);
}

const algreg::testing::TestServer& history_server() {
    static const algreg::testing::TestServer server([] {
        ServerConfig config;
        config.index_path = algreg::testing::history_index_path();
        return config;
    }());
    return server;
}

} // namespace

TEST_CASE("field differences: titles, values as text, everything escaped") {
    const auto item = changed_item(
        "12345678",
        {{"organization", evil, "Gemeente Nieuw"},
         {"goal", "<p>Oud doel</p>", "<p>Nieuw <b>doel</b> " + evil + "</p>"},
         {"category", nlohmann::json::array({"Verkeer"}), nlohmann::json::array({"Wonen", evil})},
         {"lawful_basis_grouping", nullptr,
          nlohmann::json::array({{{"title", "Wet " + evil}, {"link", "javascript:alert(1)"}}})}});
    const std::string html = render_changes_page(view_of({item}), PageOptions{});
    check_page(html);
    const std::string article = article_of(html, "12345678");
    REQUIRE_FALSE(article.empty());
    CHECK_FALSE(has(html, "<script>alert"));
    CHECK_FALSE(has(html, "href=\"javascript:"));
    CHECK(has(article, evil_escaped));
    // Field titles from the standard (schema.h) and our own for lists.
    CHECK(has(article, "<th scope=\"row\">Organisatienaam</th>"));
    CHECK(has(article, "<th scope=\"row\">Doel en impact</th>"));
    CHECK(has(article, "<th scope=\"row\">Thema</th>"));
    CHECK(has(article, "<th scope=\"row\">Verwijzingen wettelijke basis</th>"));
    // HTML fields are shown as text: the tags are gone, not escaped into view.
    CHECK(has(article, "Oud doel"));
    CHECK_FALSE(has(article, "&lt;p&gt;"));
    CHECK_FALSE(has(article, "<b>"));
    // An absent value says so.
    CHECK(has(article, "(leeg)"));
    CHECK(has(article, "<span class=\"badge kind kind-changed\">gewijzigd</span>"));
}

TEST_CASE("field differences: a long text is shortened, the whole text behind <details>") {
    std::string long_text;
    while (long_text.size() < 2 * diff_text_preview_bytes) {
        long_text += "Het algoritme berekent een risicoscore per aanvraag. ";
    }
    long_text += "SLOTZIN";
    const std::string html = render_field_changes({{"goal", "kort", long_text}}, Lang::nl, "x");
    CHECK(occurrences(html, "SLOTZIN") == 1); // only in the full text
    CHECK(has(html, "<details class=\"diff-full\"><summary>Toon de hele tekst</summary>"));
    CHECK(html.find("<details") < html.find("SLOTZIN"));
    CHECK(has(html, "…</span>"));
}

TEST_CASE("changes page: English, empty state, no history") {
    const auto item = changed_item("12345678", {{"status", "In gebruik", "Buiten gebruik"}});
    const std::string en = render_changes_page(view_of({item}), PageOptions{Lang::en, ""});
    check_page(en);
    CHECK(has(en, "<html lang=\"en\">"));
    CHECK(has(en, "Changes in the register"));
    CHECK(has(en, "<th scope=\"row\">Status</th>"));
    CHECK(has(en, "Out of use")); // the vocabulary is translated, like everywhere else
    CHECK(has(en, ">changed</span>"));
    CHECK(has(en, "href=\"/en/algoritme/12345678\" lang=\"nl\""));
    CHECK(has(en, "href=\"/wijzigingen\" lang=\"nl\"")); // the language switch

    ChangesView empty = view_of({}, {{"since", "2026-07-01"}, {"until", "2026-07-02"}});
    const std::string nl = render_changes_page(empty, PageOptions{});
    check_page(nl);
    CHECK(has(nl, "Geen wijzigingen in deze periode"));
    CHECK(has(nl, "8 augustus 2026")); // the hint names the latest snapshot
    CHECK(has(nl, "value=\"2026-07-01\""));

    empty.page.last_date.clear();
    CHECK(has(render_changes_page(empty, PageOptions{}), "nog geen geschiedenis"));
}

TEST_CASE("changes URLs: lenient reading, stable writing, feeds carry the filters") {
    const ChangesQuery q = parse_changes_query({{"q", "camera"},
                                                {"organisatie", "gemeente-utrecht"},
                                                {"since", "2026-06-30"},
                                                {"until", "2026-06-01"},
                                                {"kind", "verwijderd"},
                                                {"kind", "toegevoegd"},
                                                {"kind", "onzin"},
                                                {"page", "2"},
                                                {"sort", "name"}});
    CHECK(q.request.search.text == "camera");
    CHECK(q.dates_swapped);
    CHECK(q.request.since == "2026-06-01");
    CHECK(q.request.until == "2026-06-30");
    CHECK(q.request.kinds == std::vector{s::ChangeKind::added, s::ChangeKind::removed});
    CHECK(changes_query_string(q.request) ==
          "?q=camera&organisatie=gemeente-utrecht&since=2026-06-01&until=2026-06-30"
          "&kind=toegevoegd&kind=verwijderd&page=2");
    CHECK(parse_changes_query({{"since", "2026-02-30"}}).bad_dates ==
          std::vector<std::pair<std::string, std::string>>{{"since", "2026-02-30"}});
    CHECK(parse_changes_query({{"since", "2026-02-30"}}).request.since.empty());

    // The feed follows text, filters and kinds, never dates or pages (it follows the register).
    CHECK(feed_url(q.request.search, q.request.kinds) ==
          "/api/v1/changes.atom?q=camera&organisatie=gemeente-utrecht&kind=toegevoegd"
          "&kind=verwijderd");
    const std::string page = render_changes_page(view_of({}, {{"status", "In gebruik"}}), {});
    CHECK(has(page, "<link rel=\"alternate\" type=\"application/atom+xml\""));
    CHECK(occurrences(page, "href=\"/api/v1/changes.atom?status=In%20gebruik\"") == 2);

    SearchView search;
    search.request.text = "fraude";
    search.request.filters["thema"] = {"Recht"};
    search.request.page = 3;
    const std::string html = render_search_page(search, PageOptions{});
    CHECK(occurrences(html, "href=\"/api/v1/changes.atom?q=fraude&amp;thema=Recht\"") == 2);
    CHECK(has(html, "Volg deze zoekopdracht (Atom-feed)"));
    CHECK(has(html, "<a href=\"/wijzigingen\">Wijzigingen</a>"));
}

TEST_CASE("entry history: unchanged since first recorded, or every change newest first") {
    const std::vector<s::EntryEvent> only_added{{1, "2026-05-13", s::ChangeKind::added, "1", {}}};
    const std::string unchanged = render_entry_history(only_added, "Naam", Lang::nl);
    CHECK(has(unchanged, "<h2 id=\"geschiedenis\">Geschiedenis</h2>"));
    CHECK(has(unchanged, "Staat sinds de eerste opname in het register ongewijzigd."));
    CHECK(has(unchanged, "<time datetime=\"2026-05-13\">13 mei 2026</time>"));
    CHECK(render_entry_history({}, "Naam", Lang::nl).empty());

    const std::vector<s::EntryEvent> events{
        {1, "2026-05-13", s::ChangeKind::added, "1", {}},
        {9, "2026-06-19", s::ChangeKind::changed, "1", {{"organization", "Oud", evil}}}};
    const std::string changed = render_entry_history(events, "Naam", Lang::en);
    CHECK_FALSE(has(changed, "Unchanged since"));
    CHECK(changed.find("2026-06-19") < changed.find("2026-05-13")); // newest first
    CHECK(has(changed, "<details class=\"change-fields\"><summary>1 field changed: Organisation"));
    CHECK(has(changed, evil_escaped));
    CHECK_FALSE(has(changed, "<script>"));

    // A removed entry's page: its last record under the banner, the removal in its history.
    s::AlgorithmRecord last;
    last.id = "1";
    last.name = "Laatste versie";
    auto removed = events;
    removed.push_back({12, "2026-06-24", s::ChangeKind::removed, "1", {}});
    const std::string page = render_entry_page(last, {}, PageOptions{}, removed);
    check_page(page);
    CHECK(has(page, "Verwijderd uit het register op <time datetime=\"2026-06-24\">24 juni 2026"));
    CHECK(page.find("removed-banner") < page.find("id=\"geschiedenis\""));
    CHECK_FALSE(has(render_entry_page(last, {}, PageOptions{}, events), "removed-banner"));
}

TEST_CASE("Wijzigingen page on the replayed history") {
    auto client = history_server().client();

    SUBCASE("the removal of 2026-06-24") {
        const std::string html =
            get_body(client, "/wijzigingen?since=2026-06-24&until=2026-06-24", 200);
        check_page(html);
        CHECK(has(html, "<time datetime=\"2026-06-24\">24 juni 2026</time>"));
        const std::string article = article_of(html, "59917797");
        REQUIRE_FALSE(article.empty());
        CHECK(has(article, ">verwijderd</span>"));
        CHECK_FALSE(has(html, "<time datetime=\"2026-06-19\""));
    }
    SUBCASE("the rename of 2026-06-19 shows the organisation old and new") {
        const std::string html =
            get_body(client, "/wijzigingen?since=2026-06-19&until=2026-06-19&kind=gewijzigd", 200);
        const std::regex row(
            R"(<th scope="row">Organisatienaam</th><td class="diff-value"><span class="diff-text">([^<]+)</span></td><td class="diff-value"><span class="diff-text">([^<]+)</span></td>)");
        std::smatch m;
        REQUIRE(std::regex_search(html, m, row));
        CHECK(m[1].str() != m[2].str());
        CHECK(occurrences(html, "<th scope=\"row\">Organisatienaam</th>") >= 21);
    }
    SUBCASE("filters narrow the list and are kept in the feed link") {
        const std::string all = get_body(client, "/wijzigingen?size=500", 200);
        const std::string removed = get_body(client, "/wijzigingen?kind=verwijderd&size=500", 200);
        const std::size_t all_events = occurrences(all, "<li class=\"change\">");
        const std::size_t removed_events = occurrences(removed, "<li class=\"change\">");
        CHECK(removed_events > 0);
        CHECK(removed_events < all_events);
        CHECK(occurrences(removed, ">verwijderd</span></h4>") == removed_events);
        CHECK(has(removed, "href=\"/api/v1/changes.atom?kind=verwijderd\""));

        const std::string text = get_body(client, "/wijzigingen?q=zzzyyxxnietbestaand", 200);
        CHECK(has(text, "Geen wijzigingen in deze periode"));
    }
    SUBCASE("risicoprofiel and kenmerk are filters of the list, kept in the feed link") {
        const std::string all = get_body(client, "/wijzigingen?size=500", 200);
        CHECK(has(all, "<legend>Risicoprofiel</legend>"));
        CHECK(has(all, "<legend>Kenmerk</legend>"));
        const std::string profiles = get_body(
            client, "/wijzigingen?risicoprofiel=ja&impacttoets=iama-onbekend&size=500", 200);
        check_page(profiles);
        const std::size_t profile_events = occurrences(profiles, "<li class=\"change\">");
        CHECK(profile_events > 0);
        CHECK(profile_events < occurrences(all, "<li class=\"change\">"));
        CHECK_FALSE(article_of(profiles, "59917797").empty()); // removed, on its last record
        CHECK(article_of(profiles, "12535125").empty());       // a renamed non-profile
        CHECK(has(profiles, "href=\"/api/v1/changes.atom?impacttoets=iama-onbekend&amp;"
                            "risicoprofiel=ja\""));
    }
    SUBCASE("English, and a bad date is a notice, not an error") {
        const std::string html = get_body(client, "/en/wijzigingen?since=gisteren", 200);
        CHECK(has(html, "<html lang=\"en\">"));
        CHECK(has(html, "‘gisteren’ is not a date for ‘since’"));
        CHECK(has(html, "aria-current=\"page\">Changes</a>"));
    }
}

TEST_CASE("entry pages on the replayed history") {
    auto client = history_server().client();

    SUBCASE("a removed entry keeps its page, with the day it was removed") {
        const std::string html = get_body(client, "/algoritme/59917797", 410);
        check_page(html);
        CHECK(has(html, "Verwijderd uit het register op <time datetime=\"2026-06-24\">"));
        CHECK(has(html, "<h2 id=\"geschiedenis\">Geschiedenis</h2>"));
        CHECK(has(html, ">verwijderd</span></h3>"));
        CHECK(has(get_body(client, "/en/algoritme/59917797", 410), "Removed from the register"));
        get_body(client, "/algoritme/99999999", 404);
    }
    SUBCASE("a renamed entry shows its change on its page") {
        const std::string day =
            get_body(client, "/wijzigingen?since=2026-06-19&until=2026-06-19&kind=gewijzigd", 200);
        const std::regex link(
            R"(<h4 id="change-1" class="card-title"><a href="/algoritme/([0-9]+)\")");
        std::smatch m;
        REQUIRE(std::regex_search(day, m, link));
        const std::string html = get_body(client, "/algoritme/" + m[1].str(), 200);
        check_page(html);
        CHECK(has(html, "<a href=\"#geschiedenis\">Geschiedenis</a>"));
        CHECK(has(html, "<time datetime=\"2026-06-19\">19 juni 2026</time>"));
        CHECK(has(html, "<th scope=\"row\">Organisatienaam</th>"));
    }
}

TEST_CASE("the search page on a past day: notice, kept in links and form, removed entries marked") {
    SearchView view;
    view.as_of = "2026-06-23";
    view.request.filters["status"] = {"In gebruik"};
    view.result.total = 45;
    view.result.page = 1;
    view.result.page_size = 20;
    s::Hit gone;
    gone.id = "59917797";
    gone.name = "Selectiemodel BIG herregistratie";
    gone.removed_on = "2026-06-24";
    view.result.hits = {gone};
    const std::string html = render_search_page(view, PageOptions{});
    check_page(html);
    CHECK(has(html, "Het register zoals het was op 23 juni 2026."));
    CHECK(has(html, "<input type=\"hidden\" name=\"as_of\" value=\"2026-06-23\">"));
    CHECK(has(html, "<li class=\"badge kind kind-removed\">verwijderd op 24 juni 2026</li>"));
    // Paging, the filter chip and the export stay on that day; "now" leaves it.
    CHECK(has(html, "href=\"/?status=In%20gebruik&amp;page=2&amp;as_of=2026-06-23\""));
    CHECK(has(html, "href=\"/?as_of=2026-06-23\" data-nav><span>Status: In gebruik"));
    CHECK(has(html, "/api/v1/export.csv?status=In%20gebruik&amp;as_of=2026-06-23"));
    CHECK(has(html, "<a href=\"/?status=In%20gebruik\">Naar het register van nu</a>"));

    view.as_of.clear();
    const std::string now = render_search_page(view, PageOptions{});
    CHECK_FALSE(has(now, "as_of"));
}
