// Dates that mean what they say (docs/history.md), on the real history: the entry page shows
// the register's date first and labels the listing's first-seen day as such; the changes page
// shows the first load as the baseline, not as 1,431 additions.
#include "search/searcher.h"
#include "tests/support/history_index.h"
#include "tests/web/test_server.h"
#include "web/html_builder.h"

#include <doctest/doctest.h>

using namespace algreg;
using namespace algreg::testing;

TEST_CASE("entry page: the register's date first, first seen labelled as such") {
    web::ServerConfig config;
    config.index_path = history_index_path();
    TestServer server(config);
    auto client = server.client();
    // Advisering datalekmelding: registered 2024-02-06, first seen by the listing 2026-05-13.
    search::Searcher searcher(history_index_path());
    const auto record = searcher.find("11234933");
    REQUIRE(record.changed < record.added);
    const auto res = client.Get("/algoritme/11234933");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const std::string& html = res->body;
    const auto changed = html.find("<dt>Laatst gewijzigd in het register</dt><dd>" +
                                   web::format_date(record.changed, web::Lang::nl) + "</dd>");
    const auto seen = html.find("<dt>Eerst gezien (dagelijkse lijst)</dt><dd>" +
                                web::format_date(record.added, web::Lang::nl) + "</dd>");
    REQUIRE(changed != std::string::npos);
    REQUIRE(seen != std::string::npos);
    CHECK(changed < seen);
    CHECK(html.find("<dt>Geregistreerd</dt>") == std::string::npos);
}

TEST_CASE("changes page: the first load is the baseline, said once") {
    web::ServerConfig config;
    config.index_path = history_index_path();
    TestServer server(config);
    auto client = server.client();
    const auto first_day = client.Get("/wijzigingen?since=2026-05-13&until=2026-05-13");
    REQUIRE(first_day);
    CHECK(first_day->status == 200);
    CHECK(first_day->body.find("Eerste inlezing op 13 mei 2026: 1.431 algoritmes.") !=
          std::string::npos);
    CHECK(first_day->body.find("Geen wijzigingen in deze periode") != std::string::npos);
    const auto later = client.Get("/wijzigingen?since=2026-06-19&until=2026-06-24");
    REQUIRE(later);
    CHECK(later->body.find("Eerste inlezing") == std::string::npos);
    CHECK(later->body.find("class=\"change\"") != std::string::npos);
}
