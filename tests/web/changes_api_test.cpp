// The history endpoints on a real server over the real history (an index replayed from
// fixtures/register-history.jsonl): /api/v1/changes, /api/v1/changes.atom (validated by
// libxml2, atom_validation.h), /api/v1/entries/{id}/history and as_of= on /api/v1/search.
// Known events: 59917797 "Selectiemodel BIG herregistratie" (CIBG) was removed on 2026-06-24
// and registered again as 53819778 the same day.
#include "indexer/as_of_index.h"
#include "tests/support/history_index.h"
#include "tests/web/atom_validation.h"
#include "web/server.h"

#include <algorithm>
#include <atomic>
#include <doctest/doctest.h>
#include <httplib.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>

using nlohmann::json;

namespace {

constexpr const char* removed_id = "59917797";
constexpr const char* registered_again_id = "53819778";

/// A server over the history index, with or without an as-of provider; stopped on destruction.
class HistoryServer {
  public:
    explicit HistoryServer(algreg::search::AsOfIndexProvider as_of = {})
        : server_(config(), std::move(as_of)) {
        port_ = server_.bind();
        thread_ = std::thread([this] { server_.run(); });
        while (!server_.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    HistoryServer(const HistoryServer&) = delete;
    HistoryServer& operator=(const HistoryServer&) = delete;
    ~HistoryServer() {
        server_.stop();
        thread_.join();
    }
    [[nodiscard]] httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(30, 0);
        return c;
    }
    [[nodiscard]] int port() const { return port_; }

  private:
    static algreg::web::ServerConfig config() {
        algreg::web::ServerConfig c;
        c.host = "127.0.0.1";
        c.port = 0;
        c.index_path = algreg::testing::history_index_path();
        c.access_log = false;
        c.threads = 8;
        return c;
    }
    algreg::web::Server server_;
    int port_ = 0;
    std::thread thread_;
};

json get_json(httplib::Client& cli, const std::string& target, int expected_status = 200) {
    const auto res = cli.Get(target);
    REQUIRE_MESSAGE(res, target);
    CHECK_MESSAGE(res->status == expected_status, target, " ", res->body);
    return json::parse(res->body);
}

std::string error_parameter(httplib::Client& cli, const std::string& target) {
    const json body = get_json(cli, target, 400);
    return body.at("error").value("parameter", "");
}

std::set<std::string> item_ids(const json& page) {
    std::set<std::string> ids;
    for (const auto& item : page.at("items")) {
        ids.insert(item.at("id").get<std::string>());
    }
    return ids;
}

/// The Atom feed of `query` (filters that keep the fixture history's one removal): valid, its
/// links are itself and the /wijzigingen page of the same filters, its one entry the removal.
/// Returns the feed.
std::string check_removal_feed(const HistoryServer& server, const std::string& query) {
    auto cli = server.client();
    const std::string target = "/api/v1/changes.atom?" + query;
    const auto res = cli.Get(target);
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
    const algreg::testing::AtomDocument doc(res->body);
    REQUIRE(doc.ok());
    CHECK(algreg::testing::atom_problems(doc).empty());
    const std::string site = "http://127.0.0.1:" + std::to_string(server.port());
    CHECK(doc.texts("a:link[@rel='self']/@href") == std::vector<std::string>{site + target});
    CHECK(doc.texts("a:link[@rel='alternate']/@href") ==
          std::vector<std::string>{site + "/wijzigingen?" + query});
    CHECK(doc.texts("a:entry/a:title") ==
          std::vector<std::string>{"Verwijderd: Selectiemodel BIG herregistratie"});
    return res->body;
}

} // namespace

TEST_CASE("GET /api/v1/changes: a range, kinds and filters") {
    HistoryServer server;
    auto cli = server.client();
    const json removed =
        get_json(cli, "/api/v1/changes?since=2026-06-24&until=2026-06-24&kind=verwijderd");
    CHECK(removed.at("total") == 1);
    CHECK(item_ids(removed) == std::set<std::string>{removed_id});
    CHECK(removed.at("items").at(0).at("in_register") == false);
    CHECK(removed.at("items").at(0).at("name") == "Selectiemodel BIG herregistratie");

    // A filter the removed entry matched keeps it, beside the entry registered again.
    const json cibg = get_json(cli, "/api/v1/changes?since=2026-06-24&until=2026-06-24&"
                                    "organisatie=cibg&kind=verwijderd,toegevoegd");
    CHECK(item_ids(cibg) == std::set<std::string>{removed_id, registered_again_id});
    // Repeated kind parameters work like a comma list.
    const json repeated = get_json(cli, "/api/v1/changes?since=2026-06-24&until=2026-06-24&"
                                        "organisatie=cibg&kind=verwijderd&kind=toegevoegd");
    CHECK(repeated.at("items") == cibg.at("items"));
    // Text, as on /api/v1/search.
    const json text = get_json(cli, "/api/v1/changes?q=herregistratie&until=2026-06-30");
    CHECK(item_ids(text).contains(removed_id));
    CHECK(get_json(cli, "/api/v1/changes?q=herregistratie&organisatie=cibg&status=ontwikkeling")
              .at("total") == 0);

    // Paging.
    const json page =
        get_json(cli, "/api/v1/changes?since=2026-06-19&until=2026-06-19&size=10&page=3");
    CHECK(page.at("total") == 27);
    CHECK(page.at("items").size() == 7);
    CHECK(page.at("page") == 3);
}

TEST_CASE("GET /api/v1/changes: bad parameters are 400s naming the parameter") {
    HistoryServer server;
    auto cli = server.client();
    CHECK(error_parameter(cli, "/api/v1/changes?since=2026-13-01") == "since");
    CHECK(error_parameter(cli, "/api/v1/changes?until=yesterday") == "until");
    CHECK(error_parameter(cli, "/api/v1/changes?since=2026-06-25&until=2026-06-24") == "until");
    CHECK(error_parameter(cli, "/api/v1/changes?kind=verdwenen") == "kind");
    CHECK(error_parameter(cli, "/api/v1/changes?size=501") == "size");
    CHECK(error_parameter(cli, "/api/v1/changes?page=0") == "page");
    CHECK(error_parameter(cli, "/api/v1/changes?kleur=blauw") == "kleur");
}

TEST_CASE("GET /api/v1/changes revalidates by ETag like the other API answers") {
    HistoryServer server;
    auto cli = server.client();
    const auto first = cli.Get("/api/v1/changes?kind=verwijderd");
    REQUIRE(first);
    const std::string etag = first->get_header_value("ETag");
    REQUIRE_FALSE(etag.empty());
    const auto again = cli.Get("/api/v1/changes?kind=verwijderd", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
}

TEST_CASE("GET /api/v1/entries/{id}/history: a changed entry, the removed one, an unknown id") {
    HistoryServer server;
    auto cli = server.client();
    const json renamed = get_json(cli, "/api/v1/entries/12535125/history");
    CHECK(renamed.at("entry").at("in_register") == true);
    CHECK(renamed.at("entry").at("organisation") ==
          "Stichting Bureau Informatiediensten Nederland");
    const auto& events = renamed.at("events");
    REQUIRE(events.size() >= 2);
    CHECK(events.front().at("kind") == "toegevoegd");
    bool renamed_on_19th = false;
    for (const auto& e : events) {
        renamed_on_19th =
            renamed_on_19th || (e.at("date") == "2026-06-19" && e.at("kind") == "gewijzigd");
    }
    CHECK(renamed_on_19th);

    const json removed = get_json(cli, std::string("/api/v1/entries/") + removed_id + "/history");
    CHECK(removed.at("entry").at("in_register") == false);
    CHECK(removed.at("entry").at("removed_on") == "2026-06-24");
    CHECK(removed.at("entry").at("name") == "Selectiemodel BIG herregistratie");
    CHECK(removed.at("events").back().at("kind") == "verwijderd");

    const json unknown = get_json(cli, "/api/v1/entries/00000000/history", 404);
    CHECK(unknown.at("error").at("code") == "not_found");
}

TEST_CASE("GET /api/v1/changes.atom: a valid Atom feed of a search's changes") {
    HistoryServer server;
    auto cli = server.client();
    const algreg::testing::AtomDocument doc(
        check_removal_feed(server, "organisatie=cibg&kind=verwijderd"));
    CHECK(doc.texts("a:entry/a:updated") == std::vector<std::string>{"2026-06-24T07:23:39Z"});
    CHECK(doc.texts("a:entry/a:author/a:name") == std::vector<std::string>{"CIBG"});
    CHECK(doc.texts("a:title").front().find("cibg") != std::string::npos);

    // The whole register's feed: the newest 50 events, all valid.
    const auto all = cli.Get("/api/v1/changes.atom");
    REQUIRE(all);
    const algreg::testing::AtomDocument all_doc(all->body);
    CHECK(algreg::testing::atom_problems(all_doc).empty());
    CHECK(all_doc.nodes("a:entry").size() == 50);
    CHECK(all_doc.texts("a:updated").front().starts_with("2026-08-08T"));

    CHECK(cli.Get("/api/v1/changes.atom?since=gisteren")->status == 400);
}

TEST_CASE("changes and feeds filter on risicoprofiel and kenmerk, with the DPIA/IAMA facet") {
    HistoryServer server;
    auto cli = server.client();
    const json all = get_json(cli, "/api/v1/changes?size=500");
    const json profiles = get_json(cli, "/api/v1/changes?size=500&risicoprofiel=ja");
    const json others = get_json(cli, "/api/v1/changes?size=500&risicoprofiel=nee");
    CHECK(profiles.at("total").get<int>() > 0);
    CHECK(profiles.at("total").get<int>() + others.at("total").get<int>() ==
          all.at("total").get<int>());
    // The removed selection model passes on its last record.
    CHECK(item_ids(profiles).contains(removed_id));
    CHECK_FALSE(item_ids(others).contains(removed_id));
    // Every profile event's entry carries the classification's evidence in its record.
    for (const auto& item : profiles.at("items")) {
        const std::string id = item.at("id");
        if (!item.at("in_register").get<bool>()) {
            continue;
        }
        const json record = get_json(cli, "/api/v1/entries/" + id);
        const auto& evidence = record.at("risk_evidence");
        CHECK_MESSAGE(std::any_of(evidence.begin(), evidence.end(),
                                  [](const json& e) { return e.at("class") == "risicoprofiel"; }),
                      id);
    }
    // AND with impacttoets: "without an IAMA" as the Risicoprofielen page links it.
    const json without_iama =
        get_json(cli, "/api/v1/changes?size=500&risicoprofiel=ja&impacttoets=iama-onbekend&"
                      "impacttoets=iama-niet-vermeld&impacttoets=iama-niet-uitgevoerd");
    CHECK(item_ids(without_iama) == item_ids(profiles));
    CHECK(
        get_json(cli, "/api/v1/changes?risicoprofiel=ja&impacttoets=iama-uitgevoerd").at("total") ==
        0);
    // Kenmerk narrows further.
    const json postcode =
        get_json(cli, "/api/v1/changes?size=500&risicoprofiel=ja&kenmerk=postcode_wijk");
    CHECK(postcode.at("total").get<int>() <= profiles.at("total").get<int>());

    // The feed of the same filters: the same events, and its links carry the filters.
    (void)check_removal_feed(server, "risicoprofiel=ja&kind=verwijderd");
    const auto not_profiles = cli.Get("/api/v1/changes.atom?risicoprofiel=nee&kind=verwijderd");
    REQUIRE(not_profiles);
    CHECK(algreg::testing::AtomDocument(not_profiles->body).nodes("a:entry").empty());
}

TEST_CASE("as_of without an as-of provider is a 503 that says why") {
    HistoryServer server;
    auto cli = server.client();
    const json body = get_json(cli, "/api/v1/search?q=herregistratie&as_of=2026-06-20", 503);
    CHECK(body.at("error").at("message").get<std::string>().find("as_of") != std::string::npos);
    CHECK(get_json(cli, "/api/v1/export.json?as_of=2026-06-20", 503).contains("error"));
    // Validation comes first.
    CHECK(error_parameter(cli, "/api/v1/search?as_of=2026-02-30") == "as_of");
}

TEST_CASE("as_of: the register as it was, removed entries found and marked, later ones absent") {
    HistoryServer server(
        algreg::indexer::as_of_index_provider(algreg::testing::history_index_path()));
    auto cli = server.client();
    auto hits_by_id = [](const json& result) {
        std::map<std::string, json> hits;
        for (const auto& hit : result.at("hits")) {
            hits[hit.at("id").get<std::string>()] = hit;
        }
        return hits;
    };
    const json before = get_json(cli, "/api/v1/search?q=herregistratie&as_of=2026-06-20");
    CHECK(before.at("as_of") == "2026-06-20");
    auto hits = hits_by_id(before);
    REQUIRE(hits.contains(removed_id));
    CHECK(hits[removed_id].at("removed_on") == "2026-06-24");
    CHECK_FALSE(hits.contains(registered_again_id)); // registered on 2026-06-24

    // The live register: the entry registered again, not the removed one, and no removed_on.
    const json now = get_json(cli, "/api/v1/search?q=herregistratie");
    hits = hits_by_id(now);
    CHECK(hits.contains(registered_again_id));
    CHECK_FALSE(hits.contains(removed_id));
    CHECK_FALSE(hits[registered_again_id].contains("removed_on"));
    CHECK_FALSE(now.contains("as_of"));

    // Filters work on the past register too; before the first revision it was empty.
    const json cibg = get_json(cli, "/api/v1/search?organisatie=cibg&as_of=2026-06-20");
    CHECK(hits_by_id(cibg).contains(removed_id));
    CHECK(get_json(cli, "/api/v1/search?as_of=2026-05-01").at("total") == 0);
    const json first_day = get_json(cli, "/api/v1/search?as_of=2026-05-13&size=1");
    CHECK(first_day.at("total") == 1431);

    // The exports take as_of too: the records as they were.
    const auto exported = cli.Get("/api/v1/export.ndjson?organisatie=cibg&as_of=2026-06-20");
    REQUIRE(exported);
    CHECK(exported->status == 200);
    CHECK(exported->body.find("\"id\":\"59917797\"") != std::string::npos);
    CHECK(exported->body.find("\"id\":\"53819778\"") == std::string::npos);
    // ... and are named after that day.
    CHECK(exported->get_header_value("Content-Disposition")
              .find("filename=\"algoritmeregister-cibg-2026-06-20.ndjson\"") != std::string::npos);

    CHECK(error_parameter(cli, "/api/v1/search?as_of=2999-01-01") == "as_of");
    CHECK(error_parameter(cli, "/api/v1/search?as_of=20-06-2026") == "as_of");
    CHECK(error_parameter(cli, "/api/v1/search?as_of=2026-06-20&as_of=2026-06-21") == "as_of");
}

TEST_CASE("concurrent filter-only change lists and pure negations keep the server up") {
    // Queries without text match every document. Xapian::Query::MatchAll is one global object
    // whose reference count is not atomic: copying it from several threads corrupted the heap
    // and crashed the server (query_builder.h match_all()). Every answer must be a 200 with the
    // same total as the first one.
    HistoryServer server;
    const std::vector<std::string> paths{
        "/api/v1/changes?since=2026-05-14&organisatietype=ministerie",
        "/api/v1/changes?status=in_gebruik&kind=gewijzigd",
        "/api/v1/search?q=-gemeente",
    };
    std::map<std::string, std::size_t> expected;
    {
        auto cli = server.client();
        for (const auto& path : paths) {
            const auto res = cli.Get(path);
            REQUIRE(res);
            REQUIRE(res->status == 200);
            expected[path] = json::parse(res->body).at("total").get<std::size_t>();
        }
    }
    CHECK(expected[paths[0]] > 0);
    std::atomic<int> failures{0};
    {
        std::vector<std::jthread> clients;
        for (int t = 0; t < 8; ++t) {
            clients.emplace_back([&, t] {
                auto cli = server.client();
                for (int i = 0; i < 60; ++i) {
                    const auto& path = paths[static_cast<std::size_t>(t + i) % paths.size()];
                    // A page size of its own per request: not answered from the response cache.
                    const std::string size =
                        path.starts_with("/api/v1/search") ? "&size=" : "&page_size=";
                    const auto res = cli.Get(path + size + std::to_string(i % 40 + 1));
                    if (!res || res->status != 200 ||
                        json::parse(res->body).at("total").get<std::size_t>() != expected[path]) {
                        ++failures;
                    }
                }
            });
        }
    }
    CHECK(failures.load() == 0);
}

TEST_CASE("changes: totals per kind for the period, whatever kinds are asked for") {
    HistoryServer server;
    auto cli = server.client();
    const json june = get_json(cli, "/api/v1/changes?since=2026-06-01&until=2026-06-30&size=1");
    CHECK(june.at("first_date") == "2026-05-13");
    const json& totals = june.at("totals");
    const std::size_t added = totals.at("toegevoegd").get<std::size_t>();
    const std::size_t changed = totals.at("gewijzigd").get<std::size_t>();
    const std::size_t removed = totals.at("verwijderd").get<std::size_t>();
    CHECK(added + changed + removed == june.at("total").get<std::size_t>());
    CHECK(added > 0);
    CHECK(changed > 0);
    CHECK(removed > 0);
    const json only_removed =
        get_json(cli, "/api/v1/changes?since=2026-06-01&until=2026-06-30&kind=verwijderd&size=1");
    CHECK(only_removed.at("total").get<std::size_t>() == removed);
    CHECK(only_removed.at("totals") == totals);
    // The sum of the period's revisions, the baseline left out.
    std::size_t from_revisions = 0;
    for (const auto& r : june.at("revisions")) {
        from_revisions += r.at("added").get<std::size_t>();
    }
    CHECK(from_revisions == added);

    const auto page = cli.Get("/wijzigingen?since=2026-06-01&until=2026-06-30&kind=verwijderd");
    REQUIRE(page);
    const std::string expected = "<p class=\"kind-totals\"><span>In deze periode:</span> <a "
                                 "class=\"kind-total kind-toegevoegd\" href=\"/wijzigingen?since="
                                 "2026-06-01&amp;until=2026-06-30&amp;kind=toegevoegd\">" +
                                 std::to_string(added) + " nieuw</a>";
    CHECK(page->body.find(expected) != std::string::npos);
    CHECK(page->body.find(std::to_string(removed) + " verwijderd</a>") != std::string::npos);
    const auto english = cli.Get("/en/wijzigingen?since=2026-06-01&until=2026-06-30");
    REQUIRE(english);
    CHECK(english->body.find(std::to_string(changed) + " changed</a>") != std::string::npos);
}

TEST_CASE("search page: the register on a date, and a date before the history begins") {
    HistoryServer server(
        algreg::indexer::as_of_index_provider(algreg::testing::history_index_path()));
    auto cli = server.client();
    const auto now = cli.Get("/");
    REQUIRE(now);
    CHECK(
        now->body.find("<label for=\"as_of\">Het register op datum</label><input type=\"date\"") !=
        std::string::npos);
    CHECK(now->body.find("De geschiedenis loopt van 13 mei 2026 tot 8 augustus 2026.") !=
          std::string::npos);

    const auto before = cli.Get("/?q=parkeren&as_of=2025-01-01");
    REQUIRE(before);
    CHECK(before->status == 200);
    CHECK(before->body.find("De geschiedenis begint op 13 mei 2026.") != std::string::npos);
    CHECK(before->body.find("href=\"/?q=parkeren&amp;as_of=2026-05-13\" data-nav>Het register op "
                            "13 mei 2026</a>") != std::string::npos);
    CHECK(before->body.find("algoritmes gevonden") == std::string::npos);
    const auto english = cli.Get("/en/?as_of=2025-01-01");
    REQUIRE(english);
    CHECK(english->body.find("The history begins on 13 May 2026.") != std::string::npos);

    const auto first_day = cli.Get("/?as_of=2026-05-13");
    REQUIRE(first_day);
    CHECK(first_day->body.find("Het register zoals het was op 13 mei 2026.") != std::string::npos);
    CHECK(first_day->body.find("1.431 algoritmes gevonden") != std::string::npos);
}

TEST_CASE("statistics page: the register over time, from the history and its own dates") {
    HistoryServer server;
    auto cli = server.client();
    const auto page = cli.Get("/statistieken");
    REQUIRE(page);
    const std::string& html = page->body;
    for (const char* id :
         {"id=\"per-year\"", "id=\"register-per-month\"", "id=\"changes-per-month\""}) {
        CAPTURE(id);
        CHECK(html.find(id) != std::string::npos);
    }
    // Months of the history (2026-05-13 to 2026-08-08) as rows; the last one holds the entries
    // in the register now.
    const std::string per_month = html.substr(html.find("id=\"register-per-month\""));
    CHECK(per_month.find("<th scope=\"row\">mei 2026</th>") != std::string::npos);
    CHECK(per_month.find("<th scope=\"row\">augustus 2026</th><td class=\"num\">1.") !=
          std::string::npos);
    // Years of registration in order, as pictures (more than one bar each).
    const std::string per_year = html.substr(html.find("id=\"per-year\""));
    CHECK(per_year.find("<svg") < per_year.find("</figure>"));
    CHECK(per_year.find("<th scope=\"row\">2023</th>") <
          per_year.find("<th scope=\"row\">2024</th>"));
}
