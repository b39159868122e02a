#include "indexer/csv.h"
#include "search/errors.h"
#include "tests/support/fixtures.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

using algreg::indexer::CsvRow;
using algreg::indexer::parse_csv;

std::vector<std::vector<std::string>> cells_of(const std::vector<CsvRow>& rows) {
    std::vector<std::vector<std::string>> cells;
    cells.reserve(rows.size());
    for (const auto& row : rows) {
        cells.push_back(row.cells);
    }
    return cells;
}

/// The error parse_csv throws for `text`; fails the test when it throws none.
algreg::search::InputError error_of(const std::string& text) {
    try {
        (void)parse_csv(text, "test.csv");
    } catch (const algreg::search::InputError& e) {
        return e;
    }
    FAIL("no InputError for: " << text);
    return {"", 0, 0, ""};
}

} // namespace

TEST_CASE("the official 2024 CSV sample: BOM, minimal quoting, CRLF kept inside cells") {
    const std::string path = algreg::testing::fixture("register-csv-sample.csv");
    const std::string text = algreg::testing::read_file(path);
    const auto rows = parse_csv(text, path);

    REQUIRE(rows.size() == 2); // 22 physical lines, 2 records
    CHECK(rows[0].cells.size() == 29);
    CHECK(rows[1].cells.size() == 29);
    CHECK(rows[0].cells.front() == "name"); // no BOM glued to the first header
    CHECK(rows[0].cells[3] == "category");
    CHECK(rows[0].cells[28] == "source_data_grouping");
    CHECK(rows[0].line == 1);
    CHECK(rows[0].byte_begin == 3); // after the BOM
    CHECK(rows[1].line == 2);

    const auto& row = rows[1].cells;
    CHECK(row[0] == "Waarderen WOZ-objecten Amsterdam");
    CHECK(row[3] == "Economie, Wonen");
    CHECK(row[9] == "1.0.0");
    CHECK(row[12] == "nld");
    CHECK(row[25] == "Impactvolle algoritmes");
    CHECK(row[28].empty());
    // proportionality is a multi-line quoted cell whose line breaks stay CRLF
    CHECK(row[7].rfind("\r\nIn het Verantwoordingsdocument WOZ", 0) == 0);
    CHECK(row[7].find("\r\n\r\nHoe ziet het proces") != std::string::npos);
    // the record ends with LF at the end of the file; its text excludes the line break
    CHECK(rows[1].byte_end == text.size() - 1);
}

TEST_CASE("cells and records in the shapes the register downloads use") {
    SUBCASE("full quoting as in the current download (QUOTE_ALL, LF record ends)") {
        const auto rows = parse_csv("\xEF\xBB\xBF\"name\",\"algorithm_id\"\n"
                                    "\"Parkeercontrole\",\"11136893\"\n",
                                    "t.csv");
        CHECK(cells_of(rows) == std::vector<std::vector<std::string>>{
                                    {"name", "algorithm_id"}, {"Parkeercontrole", "11136893"}});
    }
    SUBCASE("doubled quotes stand for one quote, also at the cell's edges") {
        const auto rows = parse_csv("\"Het \"\"WOZ\"\" model\",\"\"\"a\"\"\",\"\"\n", "t.csv");
        CHECK(cells_of(rows) ==
              std::vector<std::vector<std::string>>{{"Het \"WOZ\" model", "\"a\"", ""}});
    }
    SUBCASE("CRLF record ends are not part of the last cell") {
        const auto rows = parse_csv("a,b\r\n1,2\r\n", "t.csv");
        CHECK(cells_of(rows) == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
        CHECK(rows[1].line == 2);
        CHECK(rows[1].byte_begin == 5);
        CHECK(rows[1].byte_end == 8);
    }
    SUBCASE("LF inside a quoted cell is kept and later rows get the right line") {
        const auto rows = parse_csv("a,b\n\"x\ny\",2\n3,4\n", "t.csv");
        CHECK(cells_of(rows) ==
              std::vector<std::vector<std::string>>{{"a", "b"}, {"x\ny", "2"}, {"3", "4"}});
        CHECK(rows[2].line == 4);
    }
    SUBCASE("blank lines between records are skipped, empty cells are kept") {
        const auto rows = parse_csv("a,b\n\n\r\n,\n1,\n\n", "t.csv");
        CHECK(cells_of(rows) ==
              std::vector<std::vector<std::string>>{{"a", "b"}, {"", ""}, {"1", ""}});
        CHECK(rows[1].line == 4);
    }
    SUBCASE("the last record may lack a line break") {
        const auto rows = parse_csv("a,b\n1,\"2\"", "t.csv");
        CHECK(cells_of(rows) == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}});
    }
    SUBCASE("an empty text or a lone BOM has no rows") {
        CHECK(parse_csv("", "t.csv").empty());
        CHECK(parse_csv("\xEF\xBB\xBF", "t.csv").empty());
    }
}

TEST_CASE("malformed CSV: InputError at the exact line and column, saying what to do") {
    SUBCASE("an unterminated quoted cell points at its opening quote") {
        const auto e = error_of("a,b\n1,\"never\nclosed,3\n");
        CHECK(e.file() == "test.csv");
        CHECK(e.line() == 2);
        CHECK(e.column() == 3);
        CHECK(std::string(e.what()) ==
              "test.csv:2:3: quoted cell is never closed: add the closing quote at the end of the "
              "cell and double every quote inside it (\"\")");
    }
    SUBCASE("a quote inside an unquoted cell points at the quote") {
        const auto e = error_of("a,b\n1,2 \"inch\"\n");
        CHECK(e.line() == 2);
        CHECK(e.column() == 5);
        CHECK(std::string(e.what()) ==
              "test.csv:2:5: quote inside an unquoted cell: enclose the whole cell in quotes and "
              "double every quote inside it (\"a \"\"b\"\" c\")");
    }
    SUBCASE("text after a closing quote, on a line after a multi-line cell") {
        const auto e = error_of("a,b\n\"x\r\ny\"z,2\n");
        CHECK(e.line() == 3);
        CHECK(e.column() == 3);
        CHECK(std::string(e.what()).find("put a comma after the closing quote") !=
              std::string::npos);
    }
    SUBCASE("columns on the first line are counted after the BOM") {
        const auto e = error_of("\xEF\xBB\xBF"
                                "a\"b\n");
        CHECK(e.line() == 1);
        CHECK(e.column() == 2);
    }
}
