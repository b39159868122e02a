#include "search/completeness_report.h"
#include "search/csv_writer.h"

#include <doctest/doctest.h>

using namespace algreg::search;

TEST_CASE("csv cells: formula-like cells neutralised, quoting by policy") {
    // OWASP: = + - @ TAB CR at the start; a quote in front makes spreadsheets show text.
    for (const std::string_view f :
         {"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"}) {
        CHECK(looks_like_formula(f));
        CHECK(neutralise_formula(f) == "'" + std::string(f));
    }
    for (const std::string_view plain : {"", "a=b", "'=x", " =x", "2026-08-08", "Zorg"}) {
        CHECK_FALSE(looks_like_formula(plain));
        CHECK(neutralise_formula(plain) == plain);
    }
    CHECK(csv_cell("=HYPERLINK(\"http://x\",\"y\")") ==
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("a;b") == "a;b");
    CHECK(csv_cell("a;b", CsvStyle{.separator = ';'}) == "\"a;b\"");
    CHECK(csv_cell("a,b", CsvStyle{.separator = ';'}) == "a,b");
    CHECK(csv_cell("x", CsvStyle{.quoting = CsvQuoting::all}) == "\"x\"");
    CHECK(csv_cell("-x", CsvStyle{.neutralise_formulas = false}) == "-x");
    CHECK(csv_cell("a \"b\", c", CsvStyle{.quoting = CsvQuoting::all}) == "\"a \"\"b\"\", c\"");
    CHECK(csv_line({"a", "b c", "=d"}) == "a,b c,'=d\r\n");
    CHECK(csv_line({"a", "b"}, CsvStyle{.separator = ';', .line_end = "\n"}) == "a;b\n");
}

TEST_CASE("completeness CSVs neutralise formula cells") {
    OrganisationRow row;
    row.slug = "x";
    row.name = "=HYPERLINK(\"http://evil\",\"klik\")";
    row.type = "@gemeente";
    const std::string csv = organisation_rows_csv(std::span(&row, 1));
    CHECK(csv.find("\"'=HYPERLINK(") != std::string::npos);
    CHECK(csv.find("\"'@gemeente\"") != std::string::npos);
    CHECK(csv.find(",\"=") == std::string::npos);
}
