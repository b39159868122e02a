// Our exports (export.csv with either separator, export.xlsx) on the real fixture index: the
// same rows in every format, formula-like cells neutralised in ours and passed unchanged in
// the official-compatible download, and files named after the search and the day.
#include "search/csv_writer.h"
#include "tests/web/test_server.h"
#include "tests/web/zip_reader.h"
#include "web/export_table.h"
#include "web/history_handlers.h"

#include <doctest/doctest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>
#include <nlohmann/json.hpp>

using namespace algreg;
using namespace algreg::testing;

namespace {

using Rows = std::vector<std::vector<std::string>>;

/// RFC 4180 with `sep`, after a UTF-8 BOM; accepts CRLF and LF line ends.
Rows parse_csv(std::string_view text, char sep) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.remove_prefix(3);
    }
    Rows rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == sep) {
            row.push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            row.push_back(std::move(cell));
            cell.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            cell += c;
        }
    }
    REQUIRE_FALSE(quoted);
    REQUIRE(cell.empty());
    return rows;
}

/// Column index of a cell reference such as "AB12" (0-based).
std::size_t column_of(const std::string& ref) {
    std::size_t col = 0;
    for (const char c : ref) {
        if (c < 'A' || c > 'Z') {
            break;
        }
        col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    }
    return col - 1;
}

std::string attribute(xmlNodePtr node, const char* name) {
    xmlChar* v = xmlGetProp(node, BAD_CAST name);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

std::string text_of(xmlNodePtr node) {
    xmlChar* v = xmlNodeGetContent(node);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

bool named(xmlNodePtr n, const char* name) {
    return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

/// What a test needs of sheet1.xml: its rows as text (numbers as written), the cell types,
/// and the sheet-level elements.
struct Sheet {
    Rows rows;
    std::vector<std::vector<std::string>> types; ///< the t attribute per cell ("" = number)
    std::size_t formulas = 0;                    ///< <f> elements
    std::string frozen_pane;                     ///< ySplit of a frozen pane
    std::string autofilter;                      ///< ref of <autoFilter>
    std::size_t column_widths = 0;               ///< <col> elements
};

Sheet read_sheet(const std::string& xml) {
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "sheet1.xml", nullptr,
                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE),
        xmlFreeDoc);
    REQUIRE(doc);
    Sheet sheet;
    std::vector<xmlNodePtr> stack{xmlDocGetRootElement(doc.get())};
    while (!stack.empty()) {
        xmlNodePtr n = stack.back();
        stack.pop_back();
        if (named(n, "f")) {
            ++sheet.formulas;
        } else if (named(n, "pane") && attribute(n, "state") == "frozen") {
            sheet.frozen_pane = attribute(n, "ySplit");
        } else if (named(n, "autoFilter")) {
            sheet.autofilter = attribute(n, "ref");
        } else if (named(n, "col")) {
            ++sheet.column_widths;
        } else if (named(n, "row")) {
            std::vector<std::string> row;
            std::vector<std::string> types;
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (!named(c, "c")) {
                    continue;
                }
                const std::size_t col = column_of(attribute(c, "r"));
                row.resize(std::max(row.size(), col + 1));
                types.resize(row.size());
                row[col] = text_of(c);
                types[col] = attribute(c, "t");
                for (xmlNodePtr f = c->children; f; f = f->next) {
                    sheet.formulas += named(f, "f") ? 1 : 0;
                }
            }
            sheet.rows.push_back(std::move(row));
            sheet.types.push_back(std::move(types));
            continue;
        }
        for (xmlNodePtr c = n->last; c; c = c->prev) { // document order
            stack.push_back(c);
        }
    }
    return sheet;
}

std::string get_body(httplib::Client& cli, const std::string& path) {
    const auto r = cli.Get(path);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return r->body;
}

std::size_t count_formula_like(const Rows& rows) {
    std::size_t n = 0;
    for (const auto& row : rows) {
        for (const auto& cell : row) {
            n += search::looks_like_formula(cell) ? 1 : 0;
        }
    }
    return n;
}

} // namespace

TEST_CASE("export.csv?sep=semicolon: the rows of the comma CSV, for Excel in Dutch") {
    TestServer server;
    auto cli = server.client();
    const auto comma = cli.Get("/api/v1/export.csv?organisatietype=gemeente");
    const auto semi = cli.Get("/api/v1/export.csv?organisatietype=gemeente&sep=semicolon");
    REQUIRE(comma);
    REQUIRE(semi);
    CHECK(semi->status == 200);
    CHECK(semi->body.starts_with("\xEF\xBB\xBFname;organization;description_short;"));
    const Rows a = parse_csv(comma->body, ',');
    const Rows b = parse_csv(semi->body, ';');
    const auto total = std::stoul(comma->get_header_value("X-Total-Count"));
    REQUIRE(total > 100);
    CHECK(a.size() == total + 1);
    CHECK(a == b);
    CHECK(a.front() == web::export_columns());
    for (const auto& row : a) {
        CHECK(row.size() == web::export_columns().size());
    }
    CHECK(parse_csv(get_body(cli, "/api/v1/export.csv?organisatietype=gemeente&sep=%3B"), ';') ==
          a);
    CHECK(parse_csv(get_body(cli, "/api/v1/export.csv?organisatietype=gemeente&sep=comma"), ',') ==
          a);
    const auto bad = cli.Get("/api/v1/export.csv?sep=tab");
    REQUIRE(bad);
    CHECK(bad->status == 400);
    CHECK(nlohmann::json::parse(bad->body)["error"]["parameter"] == "sep");
    // sep= belongs to the CSV export only
    const auto json_sep = cli.Get("/api/v1/export.json?sep=semicolon");
    REQUIRE(json_sep);
    CHECK(json_sep->status == 400);
}

TEST_CASE("formula-like cells: neutralised in our exports, unchanged in the official download") {
    TestServer server;
    auto cli = server.client();
    cli.set_read_timeout(120, 0);
    // The real register has legal bases written as lists ("- Wettelijke verplichting ...").
    const Rows official = parse_csv(get_body(cli, "/api/downloads/NLD?filetype=csv"), ',');
    const Rows ours = parse_csv(get_body(cli, "/api/v1/export.csv"), ',');
    const Rows ours_nl = parse_csv(get_body(cli, "/api/v1/export.csv?sep=semicolon"), ';');
    REQUIRE(count_formula_like(official) > 0);
    CHECK(count_formula_like(ours) == 0);
    CHECK(count_formula_like(ours_nl) == 0);
    // Every such official cell is in our export with the quote in front.
    std::multiset<std::string> neutralised;
    for (const auto& row : ours) {
        for (const auto& cell : row) {
            if (cell.size() > 1 && cell[0] == '\'' && search::looks_like_formula(cell.substr(1))) {
                neutralised.insert(cell);
            }
        }
    }
    for (const auto& row : official) {
        for (std::size_t i = 0; i + 2 < row.size(); ++i) { // the last two columns are not ours
            if (search::looks_like_formula(row[i])) {
                CHECK(neutralised.contains("'" + row[i]));
            }
        }
    }
}

TEST_CASE("export.xlsx: a workbook with the rows of export.csv, strings, frozen header, filter") {
    TestServer server;
    auto cli = server.client();
    // The workbook is sent once whole: allow a slow (debug, sanitised, shared) machine.
    cli.set_read_timeout(120, 0);
    const Rows csv = parse_csv(get_body(cli, "/api/v1/export.csv"), ',');
    const auto r = cli.Get("/api/v1/export.xlsx");
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") ==
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    CHECK(r->get_header_value("X-Total-Count") == std::to_string(csv.size() - 1));
    CHECK(r->body.starts_with("PK\x03\x04"));
    const auto xml = zip_read(r->body, "xl/worksheets/sheet1.xml");
    REQUIRE(xml);
    REQUIRE(zip_read(r->body, "xl/workbook.xml"));
    const Sheet sheet = read_sheet(*xml);

    REQUIRE(sheet.rows.size() == csv.size());
    CHECK(sheet.formulas == 0);
    CHECK(sheet.frozen_pane == "1");
    const std::size_t columns = web::export_columns().size(); // 34 = A..AH
    CHECK(columns == 34);
    CHECK(sheet.autofilter == "A1:AH" + std::to_string(csv.size()));
    CHECK(sheet.column_widths > 0);
    std::size_t dates = 0;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        auto row = sheet.rows[i];
        row.resize(columns);
        for (std::size_t c = 0; c < columns; ++c) {
            const bool number =
                c < sheet.types[i].size() && sheet.types[i][c].empty() && !sheet.rows[i][c].empty();
            if (number) { // only calendar dates are numbers (Excel's day serials)
                CHECK(web::is_date_column(csv[0][c]));
                CHECK((csv[i][c].size() == 10 || csv[i][c].size() == 7)); // YYYY-MM[-DD]
                ++dates;
            } else if (row[c] != search::neutralise_formula(csv[i][c]) && row[c] != csv[i][c]) {
                CHECK(row[c] == csv[i][c]); // reports the first difference
            }
        }
    }
    CHECK(dates > 0);
    CHECK(count_formula_like(sheet.rows) == 0);
    // The CSV's neutralised cells are the same text in the workbook (strings, quote included).
    std::size_t quoted = 0;
    for (const auto& row : sheet.rows) {
        for (const auto& cell : row) {
            quoted += cell.starts_with("'-") ? 1 : 0;
        }
    }
    CHECK(quoted > 0);

    // Filters and as_of work as for the CSV; an empty result is a workbook with the header.
    const auto empty = cli.Get("/api/v1/export.xlsx?q=zzqqxxyy&spelling=off");
    REQUIRE(empty);
    CHECK(empty->status == 200);
    CHECK(read_sheet(*zip_read(empty->body, "xl/worksheets/sheet1.xml")).rows.size() == 1);
    const auto bad = cli.Get("/api/v1/export.xlsx?page=2");
    REQUIRE(bad);
    CHECK(bad->status == 400);
}

TEST_CASE("export file names: the search and the day, ASCII, bounded") {
    search::SearchRequest r;
    CHECK(web::export_filename(r, "2026-12-04", "csv") == "algoritmeregister-2026-12-04.csv");
    r.text = "Fraude";
    CHECK(web::export_filename(r, "2026-12-04", "csv") ==
          "algoritmeregister-fraude-2026-12-04.csv");
    r.text = "Café \"slimme\" camera's / ../etc";
    r.filters["status"] = {"in_gebruik"};
    CHECK(web::export_filename(r, "2026-12-04", "xlsx") ==
          "algoritmeregister-cafe-slimme-camera-s-etc-in-gebruik-2026-12-04.xlsx");
    r.text = std::string(300, 'a') + " b";
    r.filters["organisatie"] = {"gemeente-amsterdam", "gemeente-rotterdam", "gemeente-utrecht"};
    const std::string long_name = web::export_filename(r, "2026-12-04", "csv");
    CHECK(long_name.size() <= 17 + 1 + 40 + 1 + 40 + 1 + 10 + 4);
    CHECK(long_name.ends_with("-2026-12-04.csv"));
    CHECK(long_name.find("rotterdam") == std::string::npos); // filters too long: left out
    CHECK(long_name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-.") ==
          std::string::npos);

    CHECK(web::attachment_header("algoritmeregister-x-2026-12-04.csv") ==
          "attachment; filename=\"algoritmeregister-x-2026-12-04.csv\"; "
          "filename*=UTF-8''algoritmeregister-x-2026-12-04.csv");
    CHECK(web::attachment_header("a\"b é.csv") ==
          "attachment; filename=\"a%22b%20%C3%A9.csv\"; filename*=UTF-8''a%22b%20%C3%A9.csv");

    TestServer server;
    auto cli = server.client();
    const std::string today = web::utc_today();
    const auto csv = cli.Get("/api/v1/export.csv?q=fraude");
    REQUIRE(csv);
    CHECK(csv->get_header_value("Content-Disposition")
              .find("filename=\"algoritmeregister-fraude-" + today + ".csv\"") !=
          std::string::npos);
    const auto xlsx = cli.Get("/api/v1/export.xlsx?organisatietype=gemeente");
    REQUIRE(xlsx);
    CHECK(xlsx->get_header_value("Content-Disposition")
              .find("filename=\"algoritmeregister-gemeente-" + today + ".xlsx\"") !=
          std::string::npos);
    // With as_of=, the day named is that day (changes_api_test.cpp, on the history index).
}
