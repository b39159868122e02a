// Our API /api/v1 and the operational endpoints, against a real server on the real index:
// every route, its parameters and its error paths; caching and security headers.
#include "search/schema.h"
#include "tests/web/test_server.h"

#include <cstdio>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using algreg::testing::TestServer;
using nlohmann::json;

namespace {

json body_of(const httplib::Result& r) {
    REQUIRE(r);
    return json::parse(r->body);
}

void check_error(const httplib::Result& r, int status, const std::string& code,
                 const std::string& parameter = {}) {
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == "application/json");
    const json b = json::parse(r->body);
    CHECK(b["error"]["code"] == code);
    CHECK(b["error"]["message"].is_string());
    if (!parameter.empty()) {
        CHECK(b["error"]["parameter"] == parameter);
    }
}

} // namespace

TEST_CASE("GET /api/v1/search: results, facets, filters, paging, sorting") {
    TestServer server;
    auto cli = server.client();
    const json all = body_of(cli.Get("/api/v1/search"));
    CHECK(all["total"] == 1557);
    CHECK(all["hits"].size() == 20);
    CHECK(all["facets"].size() == algreg::search::facets.size()); // every facet of schema.h
    CHECK(all["revision"].get<int>() >= 1);

    const json text = body_of(cli.Get("/api/v1/search?q=parkeren&size=5"));
    CHECK(text["total"].get<int>() > 5);
    CHECK(text["hits"].size() == 5);
    CHECK(text["hits"][0]["snippet_html"].is_string());

    const json filtered =
        body_of(cli.Get("/api/v1/search?organisatietype=gemeente&status=in_gebruik&facets=off"));
    CHECK(filtered["total"].get<int>() > 100);
    CHECK(filtered["facets"].empty());
    for (const auto& hit : filtered["hits"]) {
        CHECK(hit["organisation_type"] == "gemeente");
    }
    // repeated filter values combine with OR
    const json one = body_of(cli.Get("/api/v1/search?organisatie=gemeente-delft&facets=off"));
    const json two = body_of(cli.Get(
        "/api/v1/search?organisatie=gemeente-delft&organisatie=gemeente-utrecht&facets=off"));
    CHECK(two["total"].get<int>() > one["total"].get<int>());

    const json page2 = body_of(cli.Get("/api/v1/search?page=2&size=10&sort=name&snippets=off"));
    CHECK(page2["page"] == 2);
    CHECK(page2["offset"] == 10);
    CHECK(page2["sort"] == "name");
    CHECK(page2["hits"][0]["rank"] == 11);
}

TEST_CASE("GET /api/v1/search?ministerie=: the entries of a ministry and the bodies under it") {
    TestServer server;
    auto cli = server.client();
    const json fraud =
        body_of(cli.Get("/api/v1/search?q=fraude&ministerie=ministerie-van-financien&size=100"));
    std::set<std::string> organisations;
    for (const auto& hit : fraud["hits"]) {
        organisations.insert(hit["organisation"].get<std::string>());
    }
    CHECK(organisations.count("Belastingdienst") == 1);
    CHECK(organisations.count("Douane") == 1);
    const json by_type = body_of(cli.Get("/api/v1/search?q=fraude&organisatietype=ministerie"));
    CHECK(fraud["total"].get<int>() > by_type["total"].get<int>());
}

TEST_CASE("GET /api/v1/search: errors name the parameter") {
    TestServer server;
    auto cli = server.client();
    check_error(cli.Get("/api/v1/search?page=0"), 400, "bad_request", "page");
    check_error(cli.Get("/api/v1/search?page=99999999"), 400, "bad_request", "page");
    check_error(cli.Get("/api/v1/search?size=1000"), 400, "bad_request", "size");
    check_error(cli.Get("/api/v1/search?sort=random"), 400, "bad_request", "sort");
    check_error(cli.Get("/api/v1/search?facets=perhaps"), 400, "bad_request", "facets");
    check_error(cli.Get("/api/v1/search?colour=red"), 400, "bad_request", "colour");
    check_error(cli.Get("/api/v1/search?q=" + std::string(1200, 'a')), 400, "bad_request", "q");
    const auto msg = body_of(cli.Get("/api/v1/search?page=x"))["error"]["message"];
    CHECK(msg == "page: must be a whole number from 1 to 501");
}

TEST_CASE("search: ETag on the index revision, 304 on revalidation, CORS and security headers") {
    TestServer server;
    auto cli = server.client();
    const auto first = cli.Get("/api/v1/search?q=fraude");
    REQUIRE(first);
    const std::string etag = first->get_header_value("ETag");
    CHECK(etag.starts_with("W/\"r"));
    CHECK(first->get_header_value("Cache-Control") == "public, max-age=0, must-revalidate");
    CHECK(first->get_header_value("Access-Control-Allow-Origin") == "*");
    CHECK(first->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(first->get_header_value("X-Frame-Options") == "DENY");
    CHECK(first->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(first->get_header_value("Content-Security-Policy") ==
          "default-src 'none'; frame-ancestors 'none'");
    const auto missing = cli.Get("/api/v1/nothing");
    REQUIRE(missing);
    CHECK(missing->get_header_value("Content-Security-Policy") ==
          "default-src 'none'; frame-ancestors 'none'");
    const auto again = cli.Get("/api/v1/search?q=fraude", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    const auto entry = cli.Get("/api/v1/entries/11234933", {{"If-None-Match", etag}});
    REQUIRE(entry);
    CHECK(entry->status == 304);
}

TEST_CASE("GET /api/v1/entries/{id} and /similar") {
    TestServer server;
    auto cli = server.client();
    const json entry = body_of(cli.Get("/api/v1/entries/11234933"));
    CHECK(entry["id"] == "11234933");
    CHECK(entry["name"] == "Advisering datalekmelding");
    CHECK(entry["organization"] == "Gemeente Delft");
    CHECK(entry.contains("assessments"));
    const json tpl = body_of(cli.Get("/api/v1/entries/bm-dataprotector"));
    CHECK(tpl["name"] == "Dataprotector");
    check_error(cli.Get("/api/v1/entries/00000000"), 404, "not_found");
    check_error(cli.Get("/api/v1/entries/" + std::string(300, '9')), 404, "not_found");
    check_error(cli.Get("/api/v1/entries/11234933?x=1"), 400, "bad_request", "x");

    const json similar = body_of(cli.Get("/api/v1/entries/11234933/similar?count=3"));
    CHECK(similar["id"] == "11234933");
    CHECK(similar["hits"].size() <= 3);
    CHECK_FALSE(similar["hits"].empty());
    for (const auto& hit : similar["hits"]) {
        CHECK(hit["id"] != "11234933");
    }
    check_error(cli.Get("/api/v1/entries/00000000/similar"), 404, "not_found");
    check_error(cli.Get("/api/v1/entries/11234933/similar?count=0"), 400, "bad_request", "count");
}

TEST_CASE("GET /api/v1/suggest, /facets/{facet}, /stats") {
    TestServer server;
    auto cli = server.client();
    const json s = body_of(cli.Get("/api/v1/suggest?q=parke"));
    CHECK(s["prefix"] == "parke");
    CHECK_FALSE(s["titles"].empty());
    CHECK(body_of(cli.Get("/api/v1/suggest"))["titles"].empty());
    check_error(cli.Get("/api/v1/suggest?q=" + std::string(300, 'a')), 400, "bad_request", "q");
    check_error(cli.Get("/api/v1/suggest?q=a&limit=500"), 400, "bad_request", "limit");

    const json f = body_of(cli.Get("/api/v1/facets/organisatie?q=utrecht"));
    CHECK(f["facet"] == "organisatie");
    REQUIRE_FALSE(f["values"].empty());
    for (const auto& v : f["values"]) {
        CHECK(v["label"].get<std::string>().find("trecht") != std::string::npos);
    }
    // the search context narrows the counts
    const json in_context = body_of(cli.Get("/api/v1/facets/status?q=&organisatietype=gemeente"));
    const json everywhere = body_of(cli.Get("/api/v1/facets/status"));
    CHECK(in_context["values"][0]["count"].get<int>() <
          everywhere["values"][0]["count"].get<int>());
    check_error(cli.Get("/api/v1/facets/kleur"), 404, "not_found");

    const json stats = body_of(cli.Get("/api/v1/stats"));
    CHECK(stats["entries"] == 1557);
    CHECK(stats["facets"].size() == algreg::search::facets.size());
}

TEST_CASE("/healthz and /metrics") {
    TestServer server;
    auto cli = server.client();
    cli.set_keep_alive(true); // one connection: each request is logged before the next starts
    const json h = body_of(cli.Get("/healthz"));
    CHECK(h["status"] == "ok");
    CHECK(h["entries"] == 1557);
    CHECK(h["revision"].get<int>() >= 1);
    (void)cli.Get("/api/v1/search?q=wmo");
    (void)cli.Get("/no/such/path");
    const auto m = cli.Get("/metrics");
    REQUIRE(m);
    CHECK(m->get_header_value("Content-Type").starts_with("text/plain; version=0.0.4"));
    CHECK(m->body.find("algreg_http_requests_total{route=\"/api/v1/search\",status=\"200\"} 1") !=
          std::string::npos);
    CHECK(m->body.find("algreg_http_requests_total{route=\"unmatched\",status=\"404\"} 1") !=
          std::string::npos);
    CHECK(m->body.find("algreg_http_request_duration_seconds_bucket{route=\"/api/v1/search\"") !=
          std::string::npos);
    CHECK(m->body.find("algreg_index_entries 1557") != std::string::npos);
}

TEST_CASE("/healthz reports the version of CMake's project(), as `algreg --version` does") {
    TestServer server;
    const json h = body_of(server.client().Get("/healthz"));
    REQUIRE(h["version"].is_string());
    CHECK(h["version"] == ALGREG_PROJECT_VERSION);
    for (const char* argument : {"--version", "version"}) {
        FILE* pipe = ::popen((std::string(ALGREG_BINARY) + " " + argument).c_str(), "r");
        REQUIRE(pipe != nullptr);
        std::string out;
        char buffer[256];
        while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) {
            out.append(buffer, n);
        }
        CHECK(::pclose(pipe) == 0);
        CHECK(out == "algreg " + h["version"].get<std::string>() + "\n");
    }
}

TEST_CASE("exports: every match, streamed, in three formats") {
    TestServer server;
    auto cli = server.client();
    const json count = body_of(cli.Get("/api/v1/search?organisatietype=gemeente&facets=off"));
    const int total = count["total"];
    REQUIRE(total > 100); // more than one page of the stream

    const auto csv = cli.Get("/api/v1/export.csv?organisatietype=gemeente");
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type").starts_with("text/csv"));
    CHECK(csv->get_header_value("Transfer-Encoding") == "chunked");
    CHECK(csv->body.starts_with("\xEF\xBB\xBFname,organization,description_short,"));
    // one header line + one line per record (CRLF; cells have no raw line breaks)
    std::size_t lines = 0;
    for (std::size_t at = 0; (at = csv->body.find("\r\n", at)) != std::string::npos; at += 2) {
        ++lines;
    }
    CHECK(lines == static_cast<std::size_t>(total) + 1);

    const json doc = body_of(cli.Get("/api/v1/export.json?organisatietype=gemeente"));
    CHECK(doc["records"].size() == static_cast<std::size_t>(total));
    CHECK(doc["total"] == total);
    CHECK(doc["truncated"] == false);

    const auto nd = cli.Get("/api/v1/export.ndjson?organisatietype=gemeente&sort=name");
    REQUIRE(nd);
    std::size_t records = 0;
    std::size_t start = 0;
    for (std::size_t end; (end = nd->body.find('\n', start)) != std::string::npos;
         start = end + 1) {
        CHECK(json::parse(nd->body.substr(start, end - start)).contains("id"));
        ++records;
    }
    CHECK(records == static_cast<std::size_t>(total));

    check_error(cli.Get("/api/v1/export.csv?page=2"), 400, "bad_request", "page");
    const auto empty = cli.Get("/api/v1/export.json?q=zzqqxxyy&spelling=off");
    REQUIRE(empty);
    CHECK(json::parse(empty->body)["records"].empty());
}

TEST_CASE("wrong methods on known routes: 405 with Allow; OPTIONS preflight; unknown: 404") {
    TestServer server;
    auto cli = server.client();
    const auto post = cli.Post("/api/v1/search", "{}", "application/json");
    check_error(post, 405, "method_not_allowed");
    CHECK(post->get_header_value("Allow") == "GET, HEAD, OPTIONS");
    check_error(cli.Delete("/api/v1/entries/11234933"), 405, "method_not_allowed");
    check_error(cli.Put("/healthz", "", "text/plain"), 405, "method_not_allowed");
    const auto options = cli.Options("/api/v1/search");
    REQUIRE(options);
    CHECK(options->status == 204);
    CHECK(options->get_header_value("Access-Control-Allow-Origin") == "*");
    CHECK(options->get_header_value("Access-Control-Allow-Methods") == "GET, HEAD, OPTIONS");
    check_error(cli.Get("/api/v1/nope"), 404, "not_found"); // outside /api: an HTML page
    check_error(cli.Post("/api/v1/nope", "{}", "application/json"), 404, "not_found");
    check_error(cli.Get("/api/v1/search/extra"), 404, "not_found");
    const auto head = cli.Head("/api/v1/stats");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("the HTML pages are served too, under their own Content-Security-Policy") {
    TestServer server;
    auto cli = server.client();
    const auto home = cli.Get("/");
    REQUIRE(home);
    CHECK(home->status == 200);
    CHECK(home->get_header_value("Content-Type").starts_with("text/html"));
    CHECK(home->get_header_value("Content-Security-Policy").find("default-src 'none'") == 0);
    CHECK(home->get_header_value("Content-Security-Policy").find("script-src 'self'") !=
          std::string::npos);
    CHECK(home->get_header_value("X-Frame-Options") == "DENY");
    const auto entry = cli.Get("/algoritme/11234933");
    REQUIRE(entry);
    CHECK(entry->status == 200);
}

TEST_CASE("the API's messages are English: filter warnings and query syntax errors") {
    TestServer server;
    auto cli = server.client();
    const json unknown = body_of(cli.Get("/api/v1/search?status=bestaat-niet"));
    CHECK(unknown["warnings"] == json::array({"Unknown filter value: status=bestaat-niet"}));
    const json in_query = body_of(cli.Get("/api/v1/search?q=status:bestaat-niet"));
    CHECK(in_query["warnings"] == json::array({"Unknown value for status: bestaat-niet"}));
    const json syntax = body_of(cli.Get("/api/v1/search?q=%22slimme%20camera"));
    CHECK(syntax["syntax_fallback"] == true);
    CHECK(syntax["syntax_error"] == "quotation mark not closed");
    const json changes = body_of(cli.Get("/api/v1/changes?status=bestaat-niet"));
    CHECK(changes["warnings"] == json::array({"Unknown filter value: status=bestaat-niet"}));
}
