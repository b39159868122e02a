// The official API, compatible: paths, body parsing, response shapes, error texts, CSV.
#include "tests/web/test_server.h"
#include "web/official_handlers.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using algreg::testing::TestServer;
using nlohmann::json;

namespace {

json post(httplib::Client& cli, const std::string& path, const json& body) {
    const auto r = cli.Post(path, body.dump(), "application/json");
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, r->body);
    return json::parse(r->body);
}

std::set<std::string> keys_of(const json& object) {
    std::set<std::string> keys;
    for (const auto& [key, value] : object.items()) {
        keys.insert(key);
    }
    return keys;
}

} // namespace

TEST_CASE("POST /api/algoritme/NLD: the official response shape") {
    TestServer server;
    auto cli = server.client();
    const json r = post(cli, "/api/algoritme/NLD", json::object());
    CHECK(keys_of(r) ==
          std::set<std::string>{"results", "total_count", "filter_data", "selected_filters"});
    CHECK(r["total_count"] == 1557);
    REQUIRE(r["results"].size() == 10);
    for (const auto& record : r["results"]) {
        CHECK(record.size() == 56);
        CHECK(record["lars"].is_string());
        CHECK(record["create_dt"].is_string());
        CHECK(record["language"] == "NLD");
    }
    CHECK(keys_of(r["filter_data"]) == std::set<std::string>{"organisationtype",
                                                             "publicationcategory",
                                                             "impact_assessment", "organisation"});
    for (const auto& [name, rows] : r["filter_data"].items()) {
        for (const auto& row : rows) {
            CHECK(keys_of(row) == std::set<std::string>{"label", "key", "count"});
        }
    }
    CHECK(r["selected_filters"] == json::array());
    // empty text: newest create_dt first
    const auto& results = r["results"];
    for (std::size_t i = 1; i < results.size(); ++i) {
        CHECK(results[i - 1]["create_dt"].get<std::string>() >=
              results[i]["create_dt"].get<std::string>());
    }
    // organisation facet: A-Z by default, by count with sort_number
    const auto& orgs = r["filter_data"]["organisation"];
    CHECK(orgs[0]["label"].get<std::string>() <= orgs[1]["label"].get<std::string>());
    const json by_count = post(cli, "/api/algoritme/NLD", {{"sort_option", "sort_number"}});
    const auto& counted = by_count["filter_data"]["organisation"];
    CHECK(counted[0]["count"].get<int>() >= counted[1]["count"].get<int>());
    const auto& types = r["filter_data"]["organisationtype"];
    CHECK(types[0]["key"] == "gemeente");
    CHECK(types[0]["label"] == "Gemeente");
}

TEST_CASE("POST /api/algoritme: paging is deterministic and complete, as the scraper needs") {
    TestServer server;
    auto cli = server.client();
    const json first = post(cli, "/api/algoritme/NLD", {{"limit", "100"}, {"page", "1"}});
    const int total = first["total_count"];
    std::set<std::string> seen;
    const int pages = (total + 99) / 100;
    for (int page = 1; page <= pages; ++page) {
        const json r =
            post(cli, "/api/algoritme/NLD", {{"limit", 100}, {"page", std::to_string(page)}});
        CHECK_FALSE(r["results"].empty());
        for (const auto& record : r["results"]) {
            seen.insert(record["lars"].get<std::string>());
        }
    }
    CHECK(seen.size() == static_cast<std::size_t>(total)); // no duplicates, none missing
    const json past = post(cli, "/api/algoritme/NLD", {{"limit", 100}, {"page", pages + 1}});
    CHECK(past["results"].empty());
    CHECK(past["total_count"] == total);
}

TEST_CASE("POST /api/algoritme: filters, text, selected_filters, languages") {
    TestServer server;
    auto cli = server.client();
    const json r =
        post(cli, "/api/algoritme/ENG",
             {{"searchtext", "parkeren"}, {"organisationtype", "gemeente"}, {"limit", 5}});
    CHECK(r["total_count"].get<int>() > 0);
    CHECK(r["results"][0]["language"] == "ENG");
    CHECK(r["selected_filters"] ==
          json::array({{{"key", "organisationtype"}, {"value", "Municipality"}},
                       {{"key", "searchtext"}, {"value", "parkeren"}}}));
    // the facet of a selected value keeps only that value
    REQUIRE(r["filter_data"]["organisationtype"].size() == 1);
    CHECK(r["filter_data"]["organisationtype"][0]["key"] == "gemeente");
    CHECK(r["filter_data"]["organisationtype"][0]["count"] == r["total_count"]);

    const json delft = post(cli, "/api/algoritme/NLD", {{"organisation", "Gemeente Delft"}});
    CHECK(delft["total_count"].get<int>() > 0);
    for (const auto& record : delft["results"]) {
        CHECK(record["organization"] == "Gemeente Delft");
    }
    const json category =
        post(cli, "/api/algoritme/NLD", {{"publicationcategory", "Impactvolle algoritmes"}});
    CHECK(category["total_count"].get<int>() > 0);
    CHECK(category["filter_data"]["publicationcategory"].size() == 1);
    const json geen = post(cli, "/api/algoritme/NLD", {{"impact_assessment", "Geen"}});
    const json all = post(cli, "/api/algoritme/NLD", json::object());
    CHECK(geen["total_count"].get<int>() > 0);
    CHECK(geen["total_count"].get<int>() <= all["total_count"].get<int>());
    int geen_in_facet = 0;
    for (const auto& row : all["filter_data"]["impact_assessment"]) {
        if (row["key"] == "Geen") {
            geen_in_facet = row["count"];
        }
    }
    CHECK(geen_in_facet == geen["total_count"].get<int>());
    // empty strings mean "no filter"
    CHECK(post(cli, "/api/algoritme/NLD",
               {{"organisation", ""}, {"publicationcategory", ""}})["total_count"] ==
          all["total_count"]);
}

TEST_CASE("POST /api/algoritme: 422 in FastAPI's shape") {
    TestServer server;
    auto cli = server.client();
    const auto bad = cli.Post("/api/algoritme/NLD", R"({"limit": 101})", "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 422);
    const json detail = json::parse(bad->body)["detail"];
    REQUIRE(detail.size() == 1);
    CHECK(keys_of(detail[0]) == std::set<std::string>{"type", "loc", "msg", "input", "ctx"});
    CHECK(detail[0]["loc"] == json::array({"body", "limit"}));
    const auto lang = cli.Post("/api/algoritme/DEU", "{}", "application/json");
    REQUIRE(lang);
    CHECK(lang->status == 422);
    CHECK(json::parse(lang->body)["detail"][0]["loc"] == json::array({"path", "lang"}));
    const auto not_json = cli.Post("/api/algoritme/NLD", "{", "application/json");
    REQUIRE(not_json);
    CHECK(not_json->status == 422);
}

TEST_CASE("GET /api/algoritme/{lang}/{lars}: the record, or the official 404") {
    TestServer server;
    auto cli = server.client();
    const auto r = cli.Get("/api/algoritme/NLD/11234933");
    REQUIRE(r);
    CHECK(r->status == 200);
    const json record = json::parse(r->body);
    CHECK(record.size() == 56);
    CHECK(record["lars"] == "11234933");
    CHECK(record["name"] == "Advisering datalekmelding");
    for (const char* missing : {"/api/algoritme/NLD/00000000", "/api/algoritme/NLD/C11234933"}) {
        const auto nf = cli.Get(missing);
        REQUIRE(nf);
        CHECK(nf->status == 404);
        CHECK(json::parse(nf->body) == json{{"detail", "Kan algoritme niet vinden."}});
    }
    const auto lang = cli.Get("/api/algoritme/XX/11234933");
    REQUIRE(lang);
    CHECK(lang->status == 422);
    const auto similar = cli.Get("/api/algoritme/NLD/similar/11234933");
    REQUIRE(similar);
    CHECK(similar->status == 200);
    const json s = json::parse(similar->body);
    CHECK(s["total_count"] == 10);
    CHECK(s["scores"].size() == s["results"].size());
    CHECK(s["results"].size() <= 5);
    CHECK(s["filter_data"]["organisation"].is_null());
}

TEST_CASE("GET /api/suggestion/{lang}/{search}") {
    TestServer server;
    auto cli = server.client();
    const auto r = cli.Get("/api/suggestion/NLD/parkeer");
    REQUIRE(r);
    const json s = json::parse(r->body);
    REQUIRE(s.contains("algorithms"));
    CHECK_FALSE(s["algorithms"].empty());
    CHECK(s["algorithms"].size() <= 10);
    for (const auto& a : s["algorithms"]) {
        CHECK(keys_of(a) == std::set<std::string>{"name", "organization", "lars"});
    }
}

TEST_CASE("GET /api/downloads/{lang}?filetype=csv: the official CSV") {
    TestServer server;
    auto cli = server.client();
    const auto r = cli.Get("/api/downloads/NLD?filetype=csv");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type").starts_with("text/csv"));
    CHECK(r->get_header_value("Content-Disposition") ==
          "attachment; filename=\"" + algreg::web::official_download_filename() + "\"");
    CHECK(algreg::web::official_download_filename().size() ==
          std::string("Algoritmebeschrijvingen 20260808.csv").size());
    const std::string& body = r->body;
    REQUIRE(body.starts_with("\xEF\xBB\xBF\"name\",\"organization\",\"description_short\""));
    const auto header_end = body.find('\n');
    CHECK(body.substr(0, header_end).ends_with(",\"algorithm_id\",\"publication_dt\""));
    // every row: 31 quoted cells
    std::size_t rows = 0;
    std::size_t start = header_end + 1;
    for (std::size_t end; (end = body.find('\n', start)) != std::string::npos; start = end + 1) {
        const std::string line = body.substr(start, end - start);
        CHECK(line.front() == '"');
        CHECK(line.back() == '"');
        ++rows;
    }
    CHECK(rows == 1557);
    const auto missing = cli.Get("/api/downloads/NLD");
    REQUIRE(missing);
    CHECK(missing->status == 422);
    const auto excel = cli.Get("/api/downloads/NLD?filetype=pdf");
    REQUIRE(excel);
    CHECK(excel->status == 422);
}

TEST_CASE("official extras: total-count, health; unknown official paths 404 in FastAPI shape") {
    TestServer server;
    auto cli = server.client();
    const auto count = cli.Get("/api/algoritme/total-count");
    REQUIRE(count);
    CHECK(json::parse(count->body) == 1557);
    const auto health = cli.Get("/api/health");
    REQUIRE(health);
    CHECK(json::parse(health->body) == "OK");
    const auto unknown = cli.Get("/api/highlighted/NLD");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(json::parse(unknown->body) == json{{"detail", "Not Found"}});
    const auto wrong = cli.Delete("/api/algoritme/NLD");
    REQUIRE(wrong);
    CHECK(wrong->status == 405);
    CHECK(json::parse(wrong->body) == json{{"detail", "Method Not Allowed"}});
}
