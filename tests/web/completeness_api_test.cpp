// The completeness endpoints and pages against a real server on the real index (the 2026
// listing plus the 1.0 templates): one entry's score equal to check() of the entry the API
// serves, the organisation table and one organisation's counts against direct counts over the
// listing JSON, the DPIA/IAMA view's totals, CSV headers and row counts, parameter errors
// (400 naming the parameter, 404), the HTML pages in both languages, and escaping of hostile
// names on every completeness page.
#include "search/analysis.h"
#include "search/completeness.h"
#include "search/record.h"
#include "tests/web/test_server.h"

#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using algreg::testing::TestServer;
using nlohmann::json;

namespace {

json body_of(const httplib::Result& r) {
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return json::parse(r->body);
}

void check_error(const httplib::Result& r, int status, const std::string& parameter = {}) {
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == "application/json");
    const json b = json::parse(r->body);
    CHECK(b["error"]["message"].is_string());
    if (!parameter.empty()) {
        CHECK(b["error"]["parameter"] == parameter);
    }
}

/// The listing's entries per organisation slug, from the JSON itself.
std::map<std::string, std::size_t> listing_organisations() {
    std::map<std::string, std::size_t> out;
    const auto listing = json::parse(
        algreg::testing::read_file(algreg::testing::fixture("register-2026-08-08.json")));
    for (const auto& entry : listing["algoritmes"]) {
        const auto name = entry.value("organisatie", std::string());
        if (!name.empty()) {
            ++out[algreg::search::slug(name)];
        }
    }
    return out;
}

std::size_t csv_lines(const std::string& body) {
    std::size_t lines = 0;
    for (std::size_t at = body.find("\r\n"); at != std::string::npos;
         at = body.find("\r\n", at + 2)) {
        ++lines;
    }
    return lines;
}

} // namespace

TEST_CASE("GET /api/v1/entries/{id}/completeness: the score of the entry served") {
    TestServer server;
    auto cli = server.client();
    for (const std::string id : {"bm-dataprotector", "contec-veilig-mailen"}) {
        const auto record =
            body_of(cli.Get("/api/v1/entries/" + id)).get<algreg::search::AlgorithmRecord>();
        const auto expected = algreg::search::check(record);
        const json c = body_of(cli.Get("/api/v1/entries/" + id + "/completeness"));
        CHECK(c["record_id"] == id);
        CHECK(c["computable"] == true);
        CHECK(c["max"] == 140);
        CHECK(c["score"] == expected.score);
        CHECK(c["progress"] == expected.progress);
        CHECK(c["band"] == algreg::search::to_string(expected.band));
        CHECK(c["findings"].size() >= expected.findings.size()); // + changed.stale, duplicates
        for (const auto& f : c["findings"]) {
            CHECK(f["message"]["nl"].is_string());
            CHECK(f["message"]["en"].is_string());
            CHECK(f["severity"].is_string());
        }
    }
    const json listing = body_of(cli.Get("/api/v1/entries/11234933/completeness"));
    CHECK(listing["computable"] == false);
    CHECK(listing["score"].is_null());
    CHECK(listing["band"] == "onbekend");
    CHECK(listing["known"]["max"].get<int>() > 0);

    check_error(cli.Get("/api/v1/entries/00000000/completeness"), 404);
    check_error(cli.Get("/api/v1/entries/11234933/completeness?x=1"), 400, "x");
}

TEST_CASE("GET /api/v1/completeness/organisations: one row per organisation, sortable") {
    TestServer server;
    auto cli = server.client();
    const auto organisations = listing_organisations();
    const json all = body_of(cli.Get("/api/v1/completeness/organisations"));
    CHECK(all["sort"] == "name");
    REQUIRE(all["rows"].size() == organisations.size());
    std::size_t entries = 0;
    for (const auto& row : all["rows"]) {
        const auto slug = row["slug"].get<std::string>();
        REQUIRE(organisations.contains(slug));
        CHECK(row["entries"] == organisations.at(slug));
        entries += row["entries"].get<std::size_t>();
        const auto& b = row["bands"];
        CHECK(b["oranje"].get<std::size_t>() + b["geel"].get<std::size_t>() +
                  b["groen"].get<std::size_t>() + b["onbekend"].get<std::size_t>() ==
              row["entries"].get<std::size_t>());
    }
    std::size_t listed = 0;
    for (const auto& [slug, n] : organisations) {
        listed += n;
    }
    CHECK(entries == listed);

    const json big = body_of(cli.Get("/api/v1/completeness/organisations?sort=-entries"));
    CHECK(big["sort"] == "-entries");
    for (std::size_t i = 1; i < big["rows"].size(); ++i) {
        CHECK(big["rows"][i - 1]["entries"] >= big["rows"][i]["entries"]);
    }

    const auto csv = cli.Get("/api/v1/completeness/organisations.csv?sort=-legal_basis");
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type").starts_with("text/csv"));
    CHECK(csv->body.starts_with("\xEF\xBB\xBF\"slug\",\"name\",\"organisation_type\""));
    CHECK(csv_lines(csv->body) == organisations.size() + 1);

    check_error(cli.Get("/api/v1/completeness/organisations?sort=score"), 400, "sort");
    check_error(cli.Get("/api/v1/completeness/organisations.csv?sort=--name"), 400, "sort");
    check_error(cli.Get("/api/v1/completeness/organisations?page=2"), 400, "page");
}

TEST_CASE("GET /api/v1/organisations/{slug}/completeness: fields and rules of one organisation") {
    TestServer server;
    auto cli = server.client();
    const auto organisations = listing_organisations();
    const json r = body_of(cli.Get("/api/v1/organisations/gemeente-utrecht/completeness"));
    CHECK(r["organisation"]["name"] == "Gemeente Utrecht");
    CHECK(r["entries"] == organisations.at("gemeente-utrecht"));
    CHECK(r["fields"].size() == algreg::search::scored_fields().size());
    for (const auto& f : r["fields"]) {
        CHECK(f["filled"].get<std::size_t>() + f["empty"].get<std::size_t>() +
                  f["unknown"].get<std::size_t>() ==
              r["entries"].get<std::size_t>());
    }
    CHECK(r["mean_progress"].is_null()); // listing only: not computable
    CHECK(r["scores"].size() == r["entries"]);

    const auto csv = cli.Get("/api/v1/organisations/gemeente-utrecht/completeness.csv");
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv_lines(csv->body) == 1 + r["fields"].size() + r["rules"].size());
    CHECK(csv->body.find("\"field\",\"name\",\"Naam\"") != std::string::npos);

    check_error(cli.Get("/api/v1/organisations/gemeente-nergens/completeness"), 404);
    check_error(cli.Get("/api/v1/organisations/gemeente-nergens/completeness.csv"), 404);
}

TEST_CASE("GET /api/v1/impact-assessments: totals add up, the list filters by type") {
    TestServer server;
    auto cli = server.client();
    const json v = body_of(cli.Get("/api/v1/impact-assessments"));
    const auto entries = v["entries"].get<std::size_t>();
    CHECK(entries == body_of(cli.Get("/api/v1/search?size=1&facets=off"))["total"]);
    for (const auto& t : v["types"]) {
        const auto& c = t["total"];
        CHECK(c["uitgevoerd"].get<std::size_t>() + c["niet_uitgevoerd"].get<std::size_t>() +
                  c["onbekend"].get<std::size_t>() + c["niet_vermeld"].get<std::size_t>() ==
              entries);
    }
    // The templates without a DPIA statement: high impact, expected but not mentioned.
    REQUIRE(!v["expected"].empty());
    for (const auto& item : v["expected"]) {
        const auto category = item["publication_category"].get<std::string>();
        CHECK((category == "Impactvolle algoritmes" || category == "Hoog-risico AI-systeem"));
    }
    const json none = body_of(cli.Get("/api/v1/impact-assessments?organisatietype=gemeente"));
    CHECK(none["expected"].empty()); // listing entries do not say their category
    CHECK(none["types"] == v["types"]);

    const auto counts = cli.Get("/api/v1/impact-assessments.csv");
    REQUIRE(counts);
    CHECK(counts->status == 200);
    CHECK(counts->body.find("\"DPIA\",\"total\"") != std::string::npos);
    const auto expected = cli.Get("/api/v1/impact-assessments.csv?table=expected");
    REQUIRE(expected);
    CHECK(csv_lines(expected->body) == v["expected"].size() + 1);

    check_error(cli.Get("/api/v1/impact-assessments?organisatietype=stad"), 400, "organisatietype");
    check_error(cli.Get("/api/v1/impact-assessments.csv?table=all"), 400, "table");
}

TEST_CASE("completeness pages: Dutch and English, sort links, errors as pages") {
    TestServer server;
    auto cli = server.client();
    const auto nl = cli.Get("/volledigheid");
    REQUIRE(nl);
    CHECK(nl->status == 200);
    CHECK(nl->get_header_value("Content-Type").starts_with("text/html"));
    CHECK(nl->body.find("<h1>Volledigheid per organisatie</h1>") != std::string::npos);
    CHECK(nl->body.find("href=\"/volledigheid?sort=-entries\"") != std::string::npos);
    CHECK(nl->body.find("aria-sort=\"ascending\"") != std::string::npos);
    CHECK(nl->body.find("href=\"/organisatie/gemeente-utrecht/volledigheid\"") !=
          std::string::npos);
    const auto en = cli.Get("/en/volledigheid?sort=-progress");
    REQUIRE(en);
    CHECK(en->status == 200);
    CHECK(en->body.find("<h1>Completeness by organisation</h1>") != std::string::npos);
    CHECK(en->body.find("aria-sort=\"descending\"") != std::string::npos);
    const auto bad = cli.Get("/volledigheid?sort=%3Cscript%3E");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(bad->body.find("<script>") == std::string::npos);

    const auto org = cli.Get("/organisatie/gemeente-utrecht/volledigheid");
    REQUIRE(org);
    CHECK(org->status == 200);
    CHECK(org->body.find("/api/v1/organisations/gemeente-utrecht/completeness.csv") !=
          std::string::npos);
    const auto org_page = cli.Get("/organisatie/gemeente-utrecht");
    REQUIRE(org_page);
    CHECK(org_page->body.find("href=\"/organisatie/gemeente-utrecht/volledigheid\"") !=
          std::string::npos);
    const auto missing = cli.Get("/organisatie/gemeente-nergens/volledigheid");
    REQUIRE(missing);
    CHECK(missing->status == 404);

    const auto assessments = cli.Get("/impacttoetsen");
    REQUIRE(assessments);
    CHECK(assessments->status == 200);
    CHECK(assessments->body.find("id=\"verwacht\"") != std::string::npos);
    CHECK(assessments->body.find("href=\"/algoritme/") != std::string::npos);
    const auto bad_type = cli.Get("/en/impacttoetsen?organisatietype=x");
    REQUIRE(bad_type);
    CHECK(bad_type->status == 400);

    const auto listing = cli.Get("/algoritme/11234933");
    REQUIRE(listing);
    CHECK(listing->body.find("id=\"volledigheid\"") != std::string::npos);
    CHECK(listing->body.find("Niet te controleren") != std::string::npos);
    const auto full = cli.Get("/en/algoritme/bm-dataprotector");
    REQUIRE(full);
    CHECK(full->body.find("of 140 points") != std::string::npos);
    CHECK(full->body.find("class=\"band band-") != std::string::npos);
}

TEST_CASE("completeness pages and CSV keep hostile names as text") {
    algreg::testing::TempDir dir;
    const std::string input = dir.file("hostile.json");
    std::ofstream(input)
        << json::array(
               {{{"id", "99999995"},
                 {"lars", "99999995"},
                 // Entities, as a source would escape markup; the normaliser decodes them to text.
                 {"name", "Naam &quot;&lt;script&gt;alert(1)&lt;/script&gt;"},
                 {"organization", "Gemeente &lt;b&gt;Vet&lt;/b&gt; & \"Co\""},
                 {"publication_category", "Impactvolle algoritmes"},
                 {"status", "In gebruik"},
                 {"standard_version", "1.0"}}})
               .dump();
    algreg::indexer::IndexOptions options;
    options.inputs = {input};
    options.db_path = dir.file("index");
    options.quiet = true;
    std::ostringstream log;
    (void)algreg::indexer::run_index(options, log);
    algreg::web::ServerConfig config;
    config.index_path = options.db_path;
    TestServer server(config);
    auto cli = server.client();
    const auto rows = body_of(cli.Get("/api/v1/completeness/organisations"));
    REQUIRE(rows["rows"].size() == 1);
    const std::string slug = rows["rows"][0]["slug"];
    for (const std::string& path : std::vector<std::string>{
             "/volledigheid", "/en/volledigheid?sort=-errors",
             "/organisatie/" + slug + "/volledigheid", "/impacttoetsen", "/algoritme/99999995"}) {
        const auto page = cli.Get(path);
        REQUIRE(page);
        CHECK_MESSAGE(page->status == 200, path);
        CHECK_MESSAGE(page->body.find("<b>Vet") == std::string::npos, path);
        CHECK_MESSAGE(page->body.find("<script>alert") == std::string::npos, path);
    }
    const auto org = cli.Get("/organisatie/" + slug + "/volledigheid");
    CHECK(org->body.find("&lt;b&gt;Vet&lt;/b&gt; &amp; &quot;Co&quot;") != std::string::npos);
    const auto csv = cli.Get("/api/v1/completeness/organisations.csv");
    REQUIRE(csv);
    CHECK(csv->body.find("\"Gemeente <b>Vet</b> & \"\"Co\"\"\"") != std::string::npos);
}
