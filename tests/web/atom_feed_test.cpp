// The Atom feed renderer on its own: validity by libxml2 and RFC 4287 (atom_validation.h),
// escaping of hostile register content, dates, ids and titles. The feed served over HTTP on the
// real history is tested in changes_api_test.cpp.
#include "tests/web/atom_validation.h"
#include "web/atom_feed.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace algreg;
using algreg::testing::AtomDocument;

namespace {

search::ChangeItem item(search::ChangeKind kind, std::string id, std::uint32_t sequence,
                        std::string date, std::string name, std::string organisation) {
    search::ChangeItem i;
    i.event.kind = kind;
    i.event.id = std::move(id);
    i.event.sequence = sequence;
    i.event.date = std::move(date);
    i.name = std::move(name);
    i.organisation = std::move(organisation);
    return i;
}

web::AtomFeed sample_feed() {
    web::AtomFeed feed;
    search::ChangesRequest request;
    request.search.text = "camera";
    feed.id = web::feed_id(request);
    feed.title = web::feed_title(request);
    feed.self_url = "http://127.0.0.1:8080/api/v1/changes.atom?q=camera";
    feed.alternate_url = "http://127.0.0.1:8080/wijzigingen?q=camera";
    feed.site_url = "http://127.0.0.1:8080";
    feed.changes.revisions = {{7, "2026-06-24", "2026-06-24T19:00:48Z", 1459, 0, 1, 1},
                              {6, "2026-06-19", "2026-06-19T07:12:00", 1460, 0, 21, 0}};
    auto changed = item(search::ChangeKind::changed, "11136893", 7, "2026-06-24",
                        "Actonomy AI-platform", "Gemeenschappelijke regeling Regionale ICT-dienst");
    changed.event.fields = {{"status", "In ontwikkeling", "In gebruik"},
                            {"goal", std::string(600, 'x'), nullptr}};
    feed.changes.items = {
        changed,
        item(search::ChangeKind::removed, "59917797", 7, "2026-06-24", "Slimme camera", "Gemeente"),
        item(search::ChangeKind::added, "12345678", 6, "2026-06-19", "Nieuw", "")};
    return feed;
}

} // namespace

TEST_CASE("the feed is well-formed Atom with every element RFC 4287 requires") {
    const std::string xml = web::render_atom(sample_feed());
    const AtomDocument doc(xml);
    REQUIRE(doc.ok());
    CHECK(algreg::testing::atom_problems(doc).empty());
    CHECK(doc.nodes("a:entry").size() == 3);
    // updated: the newest event's revision time, zone added where the timestamp had none
    CHECK(doc.texts("a:updated") == std::vector<std::string>{"2026-06-24T19:00:48Z"});
    const auto updated = doc.texts("a:entry/a:updated");
    CHECK(updated == std::vector<std::string>{"2026-06-24T19:00:48Z", "2026-06-24T19:00:48Z",
                                              "2026-06-19T07:12:00Z"});
    CHECK(doc.texts("a:entry/a:title") ==
          std::vector<std::string>{"Gewijzigd: Actonomy AI-platform", "Verwijderd: Slimme camera",
                                   "Toegevoegd: Nieuw"});
    CHECK(doc.texts("a:entry/a:link/@href").front() == "http://127.0.0.1:8080/algoritme/11136893");
    CHECK(doc.texts("a:link[@rel='alternate']/@href").front() ==
          "http://127.0.0.1:8080/wijzigingen?q=camera");
    // an entry without an organisation still has an author
    CHECK(doc.texts("a:entry/a:author/a:name").back() == "Organisatie onbekend");
}

TEST_CASE("a changed entry's content lists each field with old and new value, long ones cut") {
    const AtomDocument doc(web::render_atom(sample_feed()));
    REQUIRE(doc.ok());
    const auto content = doc.texts("a:entry/a:content[@type='html']");
    REQUIRE(content.size() == 3);
    CHECK(content[0].find("In ontwikkeling → In gebruik") != std::string::npos);
    CHECK(content[0].find(std::string(web::atom_value_chars, 'x') + "…") != std::string::npos);
    CHECK(content[0].find(std::string(web::atom_value_chars + 1, 'x')) == std::string::npos);
    CHECK(content[1].find("Niet meer in het Algoritmeregister") != std::string::npos);
}

TEST_CASE("hostile register content is escaped and invalid XML characters are dropped") {
    web::AtomFeed feed = sample_feed();
    const std::string hostile = "<script>alert('x')</script> & \"q\" \x01\x1f bad:\xff end";
    feed.changes.items.front().name = hostile;
    feed.changes.items.front().organisation = "]]><evil/>";
    feed.changes.items.front().event.fields = {{"name", "<b>oud</b>", hostile}};
    feed.title = hostile;
    const std::string xml = web::render_atom(feed);
    const AtomDocument doc(xml);
    REQUIRE(doc.ok());
    CHECK(algreg::testing::atom_problems(doc).empty());
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find("<evil/>") == std::string::npos);
    // The parser reads back the text as given, minus the characters XML cannot carry.
    CHECK(doc.texts("a:entry/a:title").front() ==
          "Gewijzigd: <script>alert('x')</script> & \"q\"  bad:\xEF\xBF\xBD end");
    CHECK(doc.texts("a:entry/a:author/a:name").front() == "]]><evil/>");
    // Content is HTML: once unescaped by the parser, the markup from the data is still escaped.
    const std::string content = doc.texts("a:entry/a:content").front();
    CHECK(content.find("<script>") == std::string::npos);
    CHECK(content.find("&lt;script&gt;") != std::string::npos);
}

TEST_CASE("an empty change list is still a valid feed") {
    web::AtomFeed feed = sample_feed();
    feed.changes.items.clear();
    const AtomDocument doc(web::render_atom(feed));
    REQUIRE(doc.ok());
    CHECK(algreg::testing::atom_problems(doc).empty());
    CHECK(doc.texts("a:updated") == std::vector<std::string>{"2026-06-24T19:00:48Z"});
    feed.changes.revisions.clear();
    feed.changes.last_date.clear();
    const AtomDocument without_history(web::render_atom(feed));
    CHECK(algreg::testing::atom_problems(without_history).empty());
}

TEST_CASE("rfc3339 normalises revision times and dates") {
    CHECK(web::rfc3339("2026-05-13T14:57:46Z") == "2026-05-13T14:57:46Z");
    CHECK(web::rfc3339("2026-05-13T14:57:46.123+02:00") == "2026-05-13T14:57:46.123+02:00");
    CHECK(web::rfc3339("2026-05-13T14:57:46") == "2026-05-13T14:57:46Z");
    CHECK(web::rfc3339("2026-05-13") == "2026-05-13T00:00:00Z");
    CHECK(web::rfc3339("gisteren", "2026-05-13") == "2026-05-13T00:00:00Z");
    CHECK(web::rfc3339("") == "1970-01-01T00:00:00Z");
    CHECK(algreg::testing::is_rfc3339(web::rfc3339("2026-05-13T14:57")));
}

TEST_CASE("feed ids are stable per query and differ between queries") {
    search::ChangesRequest a;
    a.search.text = "camera";
    a.search.filters["status"] = {"in_gebruik"};
    a.kinds = {search::ChangeKind::removed, search::ChangeKind::added};
    search::ChangesRequest b = a;
    b.kinds = {search::ChangeKind::added, search::ChangeKind::removed};
    b.page = 3;
    CHECK(web::feed_id(a) == web::feed_id(b)); // order and paging do not matter
    search::ChangesRequest c = a;
    c.search.filters["status"] = {"ontwikkeling"};
    CHECK(web::feed_id(a) != web::feed_id(c));
    CHECK(web::feed_id(a).starts_with("urn:algreg:changes:"));
    CHECK(web::entry_event_id({7, "2026-06-24", search::ChangeKind::removed, "59917797", {}}) !=
          web::entry_event_id({8, "2026-06-25", search::ChangeKind::added, "59917797", {}}));
}

TEST_CASE("the feed title names the query in Dutch") {
    search::ChangesRequest r;
    CHECK(web::feed_title(r) == "Wijzigingen in het Algoritmeregister");
    r.search.text = "camera";
    r.search.filters["organisatie"] = {"gemeente-utrecht"};
    r.kinds = {search::ChangeKind::removed};
    CHECK(web::feed_title(r) == "Wijzigingen in het Algoritmeregister: “camera”; organisatie: "
                                "gemeente-utrecht; alleen verwijderd");
}
