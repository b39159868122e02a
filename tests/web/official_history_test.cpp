// GET /api/downloads/history/{lang}?filetype=csv and its per-entry form (official-api.md §8.1)
// over the real history (fixtures/register-history.jsonl replayed): one row per publication
// event, by entry, newest first, each the record as it was then; read back with the indexer's
// CSV reader. The organisation relation (§9) on the same server.
#include "indexer/csv.h"
#include "search/searcher.h"
#include "tests/support/history_index.h"
#include "tests/web/test_server.h"
#include "web/official_format.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <optional>
#include <set>

using namespace algreg;
using namespace algreg::testing;
using nlohmann::json;

namespace {

/// Edited on 2026-06-22 (lawful_basis), docs/history.md.
constexpr const char* edited_id = "67253382";
/// Removed on 2026-06-24.
constexpr const char* removed_id = "59917797";

TestServer history_server() {
    web::ServerConfig config;
    config.index_path = history_index_path();
    return TestServer(config);
}

std::size_t column(const std::string& name) {
    const auto& columns = web::official_csv_columns();
    return static_cast<std::size_t>(std::find(columns.begin(), columns.end(), name) -
                                    columns.begin());
}

/// Rows of the CSV body after the header, which must be the official columns.
std::vector<indexer::CsvRow> data_rows(const std::string& body) {
    REQUIRE(body.starts_with(web::utf8_bom));
    auto rows = indexer::parse_csv(body, "history.csv");
    REQUIRE(!rows.empty());
    CHECK(rows.front().cells == web::official_csv_columns());
    rows.erase(rows.begin());
    for (const auto& row : rows) {
        CHECK(row.cells.size() == web::official_csv_columns().size());
    }
    return rows;
}

} // namespace

TEST_CASE("history CSV: one row per publication event, by entry, newest first") {
    search::Searcher searcher(history_index_path());
    const auto log = searcher.history_log();
    // Every revision that added or changed an entry is one of its versions.
    std::map<std::string, std::size_t> events;
    for (const auto& r : log->revisions()) {
        for (const auto& id : r.added) {
            ++events[id];
        }
        for (const auto& c : r.changed) {
            ++events[c.id];
        }
    }
    std::size_t expected = 0;
    for (const auto& [id, n] : events) {
        expected += n;
    }

    const auto server = history_server();
    auto client = server.client();
    const auto res = client.Get("/api/downloads/history/NLD?filetype=csv");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type") == "text/csv; charset=utf-8");
    CHECK(res->get_header_value("Content-Disposition").starts_with("attachment; filename=\""));
    CHECK(res->body.find("\r\n") == std::string::npos); // line breaks in cells became spaces
    const auto rows = data_rows(res->body);
    CHECK(rows.size() == expected);

    // By entry (ids ascending), each entry's rows together and as many as its events.
    const std::size_t id_column = column("algorithm_id");
    std::map<std::string, std::vector<const indexer::CsvRow*>> by_entry;
    std::string previous;
    for (const auto& row : rows) {
        const std::string& id = row.cells[id_column];
        CHECK(id >= previous);
        previous = id;
        by_entry[id].push_back(&row);
    }
    CHECK(by_entry.size() == events.size());
    for (const auto& [id, n] : events) {
        CHECK_MESSAGE(by_entry[id].size() == n, id);
    }

    // Newest first: the first row is the entry as it is now; an older row holds the lawful
    // basis from before the edit of 2026-06-22, as the history's diff says.
    const auto current = searcher.find(edited_id);
    const auto& edited = by_entry[edited_id];
    REQUIRE(edited.size() >= 2);
    const std::size_t basis = column("lawful_basis");
    CHECK(edited.front()->cells[basis] == web::official_csv_cell(current, "lawful_basis"));
    std::optional<std::string> before_edit; // the cell of the version before the edit
    for (const auto& r : log->revisions()) {
        for (const auto& c : r.changed) {
            for (const auto& f : c.fields) {
                if (c.id == edited_id && r.date == "2026-06-22" && f.field == "lawful_basis") {
                    search::AlgorithmRecord old;
                    old.lawful_basis = f.before.is_string() ? f.before.get<std::string>() : "";
                    before_edit = web::official_csv_cell(old, "lawful_basis");
                }
            }
        }
    }
    REQUIRE(before_edit);
    CHECK(before_edit != edited.front()->cells[basis]);
    CHECK(std::any_of(edited.begin() + 1, edited.end(), [&](const indexer::CsvRow* row) {
        return row->cells[basis] == before_edit;
    }));
    // publication_dt: the version's register date, in the official text form.
    CHECK(edited.front()->cells[column("publication_dt")] == current.changed + " 00:00:00+00:00");

    // A removed entry keeps its versions.
    CHECK(!by_entry[removed_id].empty());
}

TEST_CASE("history CSV of one entry: the same rows; errors as the official download") {
    const auto server = history_server();
    auto client = server.client();
    const auto all = client.Get("/api/downloads/history/NLD?filetype=csv");
    REQUIRE(all);
    const auto one = client.Get(std::string("/api/downloads/history/algorithms/") + edited_id +
                                "/NLD?filetype=csv");
    REQUIRE(one);
    CHECK(one->status == 200);
    std::vector<std::vector<std::string>> expected;
    for (const auto& row : data_rows(all->body)) {
        if (row.cells[column("algorithm_id")] == edited_id) {
            expected.push_back(row.cells);
        }
    }
    std::vector<std::vector<std::string>> got;
    for (const auto& row : data_rows(one->body)) {
        got.push_back(row.cells);
    }
    CHECK(got == expected);

    const auto unknown = client.Get("/api/downloads/history/algorithms/00000000/NLD?filetype=csv");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    CHECK(json::parse(unknown->body) == json{{"detail", "NO_DATA_FOUND"}});
    for (const char* path :
         {"/api/downloads/history/NLD", "/api/downloads/history/NLD?filetype=excel",
          "/api/downloads/history/algorithms/67253382/NLD"}) {
        const auto bad = client.Get(path);
        REQUIRE(bad);
        CHECK_MESSAGE(bad->status == 422, path);
        CHECK(json::parse(bad->body).at("detail").is_array());
    }
    const auto language = client.Get("/api/downloads/history/XYZ?filetype=csv");
    REQUIRE(language);
    CHECK(language->status == 422);
}

TEST_CASE("organisation relation: the organisation alone, in the official shape") {
    const auto server = history_server();
    auto client = server.client();
    const auto res = client.Get("/api/organisation-relation/gemeente-delft");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json::parse(res->body) ==
          json{{"org_id", "gemeente-delft"},
               {"hierarchy_path", "gemeente-delft"},
               {"hierarchy",
                json::array({json{{"org_id", "gemeente-delft"}, {"name", "Gemeente Delft"}}})}});
    for (const char* unknown : {"/api/organisation-relation/gemeente", // a part is not a name
                                "/api/organisation-relation/bestaat-niet"}) {
        const auto missing = client.Get(unknown);
        REQUIRE(missing);
        CHECK_MESSAGE(missing->status == 404, unknown);
    }
}
