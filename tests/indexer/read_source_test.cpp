// Every reader on every bundled real data file, and the malformed-input paths.
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/errors.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using namespace algreg::indexer;
using algreg::search::InputError;
using algreg::testing::fixture;
using algreg::testing::read_file;
using algreg::testing::TempDir;
using algreg::testing::write_file;

TEST_CASE("the 2026-08-08 listing is read as a listing with all 1,530 entries") {
    const auto file = read_source(fixture("register-2026-08-08.json"));
    CHECK(file.format == InputFormat::listing);
    CHECK(file.records.size() == 1530);
    CHECK(file.fetched_at == "2026-08-08T06:20:11Z");
    CHECK(file.records.front().value["id"] == "11136893");
    // Positions point at the record's opening brace: line 3, column 5 of the pretty-printed file.
    CHECK(file.records.front().position.line == 3);
    CHECK(file.records.front().position.column == 5);
    CHECK(file.records[1].position.index == 1);
}

TEST_CASE("the history replays to exactly the 2026-08-08 listing") {
    const auto history = read_source(fixture("register-history.jsonl"));
    const auto listing = read_source(fixture("register-2026-08-08.json"));
    CHECK(history.format == InputFormat::history);
    CHECK(history.fetched_at == "2026-08-08T06:20:11Z");
    REQUIRE(history.records.size() == listing.records.size());
    std::set<std::string> ids;
    for (const auto& r : listing.records) {
        ids.insert(r.value["id"].get<std::string>());
    }
    for (const auto& r : history.records) {
        CHECK(ids.contains(r.value["id"].get<std::string>()));
    }
    CHECK(history.removed_ids == std::vector<std::string>{"59917797"});
}

TEST_CASE("full official records in every old and new standard are read") {
    const auto y2023 = read_source(fixture("register-2023-06-19-full.json"));
    CHECK(y2023.format == InputFormat::official);
    CHECK(y2023.records.size() == 130);
    const auto y2022 = read_source(fixture("register-2022-12-08-v0.2.json"));
    CHECK(y2022.records.size() == 99); // three header rows, skipped by normalise()
    CHECK(y2022.records[3].value["name"] == "Parkeercontrole");
    const auto templates = read_source(fixture("register-v1.0-templates.json"));
    CHECK(templates.records.size() == 27);
}

TEST_CASE("the official JSON dump shape {algoritme_versions:[...]} is read") {
    TempDir dir;
    const std::string records = read_file(fixture("register-2023-06-19-full.json"));
    const std::string path = dir.file("pub_data.json");
    write_file(path, "{\"algoritme_versions\": " + records + ", \"organisation_details\": []}");
    const auto file = read_source(path);
    CHECK(file.format == InputFormat::official);
    CHECK(file.records.size() == 130);
}

TEST_CASE("the official CSV download is read into records keyed by the header") {
    const auto file = read_source(fixture("register-csv-sample.csv"));
    CHECK(file.format == InputFormat::csv);
    REQUIRE(file.records.size() == 1);
    const auto& r = file.records[0].value;
    CHECK(r["name"] == "Waarderen WOZ-objecten Amsterdam");
    CHECK(r["category"] == "Economie, Wonen");
    CHECK(file.records[0].position.line == 2);
}

TEST_CASE("NDJSON of mixed record shapes is read line by line; a broken line stays a record") {
    TempDir dir;
    const std::string path = dir.file("mixed.ndjson");
    write_file(path,
               "{\"id\": \"11234933\", \"title\": \"A\", \"organisatie\": \"Gemeente Delft\"}\n"
               "{\"name\": \"B\", \"organization\": \"Gemeente Utrecht\", \"lars\": \"75856898\"}\n"
               "{\"name\": \"broken\"\n"
               "\n"
               "{\"id\": \"11136893\", \"title\": \"C\", \"organisatie\": \"X\"}\n");
    const auto file = read_source(path);
    CHECK(file.format == InputFormat::ndjson);
    REQUIRE(file.records.size() == 4);
    CHECK(file.records[2].value.is_null());
    CHECK(file.records[2].position.line == 3);
    CHECK(file.records[3].position.line == 5);
    CHECK(file.records[3].value["title"] == "C");
}

TEST_CASE("a malformed JSON document is an InputError with file, line and column") {
    TempDir dir;
    const std::string path = dir.file("broken.json");
    // The second record lacks a closing quote on line 4.
    write_file(path, "{\"algoritmes\": [\n  {\"id\": \"11234933\", \"title\": \"A\"},\n"
                     "  {\"id\": \"11136893\",\n   \"title\": \"B},\n  {\"id\": \"3\"}\n]}\n");
    try {
        (void)read_source(path);
        FAIL("expected an InputError");
    } catch (const InputError& e) {
        CHECK(e.file() == path);
        CHECK(e.line() >= 3);
        CHECK(std::string(e.what()).find(path) == 0);
        CHECK(std::string(e.what()).find("nothing was indexed") != std::string::npos);
    }
}

TEST_CASE("a truncated listing names the last line") {
    TempDir dir;
    const std::string path = dir.file("truncated.json");
    const std::string full = read_file(fixture("register-2026-08-08.json"));
    write_file(path, full.substr(0, full.size() / 2));
    CHECK_THROWS_AS((void)read_source(path), InputError);
    try {
        (void)read_source(path);
    } catch (const InputError& e) {
        CHECK(e.line() > 1000);
        CHECK(std::string(e.what()).find("unexpected end of file") != std::string::npos);
    }
}

TEST_CASE("an unreadable file is an InputError that says so") {
    CHECK_THROWS_WITH_AS((void)read_source("/nonexistent/register.json"),
                         "/nonexistent/register.json: cannot open the file; check the path and "
                         "permissions",
                         InputError);
}

TEST_CASE("invalid UTF-8 is replaced by U+FFFD and the field is named") {
    TempDir dir;
    const std::string path = dir.file("latin1.json");
    write_file(path, "{\"algoritmes\": [{\"id\": \"11234933\", \"title\": \"Caf\xE9 algoritme\", "
                     "\"organisatie\": \"Gemeente Delft\"}]}");
    const auto file = read_source(path);
    REQUIRE(file.records.size() == 1);
    CHECK(file.records[0].value["title"] == "Caf\xEF\xBF\xBD algoritme");
    CHECK(file.records[0].invalid_utf8_fields == std::vector<std::string>{"title"});
}

TEST_CASE("invalid UTF-8 inside a key is repaired and reported, not dropped unnoticed") {
    TempDir dir;
    const std::string path = dir.file("key.json");
    write_file(path, "{\"algoritmes\": [{\"id\": \"11234933\", \"title\": \"Parkeren\", "
                     "\"organisatie\": \"Gemeente Delft\", \"toelichting\xE9\": \"tekst\"}]}");
    const auto file = read_source(path);
    REQUIRE(file.records.size() == 1);
    const std::string repaired_key = "toelichting\xEF\xBF\xBD";
    CHECK(file.records[0].value.at(repaired_key) == "tekst");
    CHECK(file.records[0].invalid_utf8_fields == std::vector<std::string>{repaired_key});
    const auto normalised = algreg::indexer::normalise(file.records[0], file.format);
    REQUIRE(normalised.record);
    const bool reported =
        std::any_of(normalised.problems.begin(), normalised.problems.end(), [&](const auto& p) {
            return p.field == repaired_key && p.message.find("UTF-8") != std::string::npos;
        });
    CHECK(reported);
}

TEST_CASE("format detection and forcing") {
    CHECK(detect_format("{\"algoritmes\": []}") == InputFormat::listing);
    CHECK(detect_format("[{\"name\": \"x\"}]") == InputFormat::official);
    CHECK(detect_format("\xEF\xBB\xBFname,organization\n") == InputFormat::csv);
    CHECK(detect_format("{\"a\": 1}\n{\"a\": 2}\n") == InputFormat::ndjson);
    CHECK(detect_format("{\"upserts\": [], \"removed\": []}\n{\"upserts\": []}\n") ==
          InputFormat::history);
    CHECK(parse_input_format("csv") == InputFormat::csv);
    CHECK_THROWS_AS((void)parse_input_format("xml"), std::invalid_argument);
}
