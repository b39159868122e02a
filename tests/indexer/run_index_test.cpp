// The whole `algreg index` job on the real register: counts, idempotency, deletions, the
// assessments merge, bad input, a concurrent writer, and the command's exit codes.
#include "indexer/read_source.h"
#include "indexer/run_index.h"
#include "search/errors.h"
#include "search/schema.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>
#include <xapian.h>

using namespace algreg::indexer;
using algreg::testing::fixture;
using algreg::testing::read_file;
using algreg::testing::TempDir;
using algreg::testing::write_file;
namespace facet = algreg::search::facet;

namespace {

IndexSummary index(const std::vector<std::string>& inputs, const std::string& db,
                   std::vector<std::string> assessments = {}, bool upsert = false) {
    IndexOptions options;
    options.inputs = inputs;
    options.db_path = db;
    options.assessment_files = std::move(assessments);
    options.abbreviations_path = fixture("abbreviations-nl.tsv");
    options.upsert = upsert;
    std::ostringstream log;
    return run_index(options, log);
}

Xapian::doccount count(const Xapian::Database& db, const algreg::search::Facet& f,
                       const std::string& value) {
    return db.get_termfreq(std::string(f.prefix) + value);
}

std::size_t distinct_terms(const Xapian::Database& db, std::string_view prefix) {
    std::size_t n = 0;
    for (auto t = db.allterms_begin(std::string(prefix)); t != db.allterms_end(std::string(prefix));
         ++t) {
        ++n;
    }
    return n;
}

/// Writes the first `lines` lines of the history file to `path`.
void history_prefix(const std::string& path, std::size_t lines) {
    const std::string all = read_file(fixture("register-history.jsonl"));
    std::size_t end = 0;
    for (std::size_t i = 0; i < lines; ++i) {
        end = all.find('\n', end) + 1;
    }
    write_file(path, all.substr(0, end));
}

int run_cli(const std::string& args) {
    const std::string command = std::string(ALGREG_BINARY) + " " + args + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace

TEST_CASE("indexing the 2026-08-08 listing gives the register's exact counts") {
    TempDir dir;
    const auto summary = index({fixture("register-2026-08-08.json")}, dir.file("db"));
    CHECK(summary.read == 1530);
    CHECK(summary.changes.added.size() == 1530);
    CHECK(summary.rejected == 0);
    Xapian::Database db(dir.file("db"));
    CHECK(db.get_doccount() == 1530);
    CHECK(distinct_terms(db, facet::organisation.prefix) == 336);
    CHECK(count(db, facet::status, "in_gebruik") == 1392);
    CHECK(count(db, facet::status, "ontwikkeling") == 73);
    CHECK(count(db, facet::status, "buiten_gebruik") == 65);
    CHECK(count(db, facet::impactassessment, "ja") == 623);
    CHECK(count(db, facet::impactassessment, "nee") == 22);
    CHECK(count(db, facet::impactassessment, "onbekend") == 885);
    CHECK(db.get_metadata(std::string(algreg::search::metadata_snapshot)) ==
          "2026-08-08T06:20:11Z");
    // Abbreviations are synonyms in both directions.
    CHECK(db.synonyms_begin("brp") != db.synonyms_end("brp"));
    CHECK(*db.synonyms_begin("brp") == "basisregistratie personen");
    CHECK(*db.synonyms_begin("basisregistratie personen") == "brp");
    // Spelling data exists for correcting typos.
    CHECK(db.get_spelling_suggestion("gezichtsherkening") == "gezichtsherkenning");
}

TEST_CASE("re-running with the same input changes nothing and makes no new revision") {
    TempDir dir;
    const auto first = index({fixture("register-2026-08-08.json")}, dir.file("db"));
    const auto second = index({fixture("register-2026-08-08.json")}, dir.file("db"));
    CHECK(first.changes.committed);
    CHECK_FALSE(second.changes.committed);
    CHECK(second.changes.revision == first.changes.revision);
    CHECK(second.changes.unchanged == 1530);
    CHECK(second.changes.added.empty());
    CHECK(second.changes.changed.empty());
}

TEST_CASE("a snapshot that lacks an entry removes it; the change is reported") {
    TempDir dir;
    // Line 15 of the history (2026-06-24) removes entry 59917797.
    history_prefix(dir.file("h14.jsonl"), 14);
    history_prefix(dir.file("h15.jsonl"), 15);
    const auto before = index({dir.file("h14.jsonl")}, dir.file("db"));
    CHECK(Xapian::Database(dir.file("db")).get_termfreq("Q59917797") == 1);
    const auto after = index({dir.file("h15.jsonl")}, dir.file("db"));
    CHECK(after.changes.removed == std::vector<std::string>{"59917797"});
    CHECK(after.changes.revision == before.changes.revision + 1);
    Xapian::Database db(dir.file("db"));
    CHECK(db.get_termfreq("Q59917797") == 0);
    CHECK(db.get_doccount() == 1480); // the line's own count
}

TEST_CASE("--upsert adds and changes but never removes") {
    TempDir dir;
    index({fixture("register-2026-08-08.json")}, dir.file("db"));
    const std::string one = dir.file("one.ndjson");
    write_file(
        one,
        R"J({"id": "11234933", "title": "Advisering datalekmelding (nieuw)", "organisatie": "Gemeente Delft", "status": "in_gebruik"})J"
        "\n");
    const auto summary = index({one}, dir.file("db"), {}, true);
    CHECK(summary.changes.changed == std::vector<std::string>{"11234933"});
    CHECK(summary.changes.removed.empty());
    CHECK(Xapian::Database(dir.file("db")).get_doccount() == 1530);
}

TEST_CASE("assessment statements from two sources that disagree are both kept") {
    TempDir dir;
    // The real 2023 statements, plus a second source that contradicts one of them.
    const std::string real = fixture("assessments-2023-06-19.csv");
    const auto rows = read_source(real, InputFormat::csv);
    REQUIRE_FALSE(rows.records.empty());
    std::string lars;
    for (const auto& row : rows.records) {
        if (row.value["assessment"] == "DPIA" && row.value["status"] == "niet uitgevoerd") {
            lars = row.value["lars"];
            break;
        }
    }
    REQUIRE_FALSE(lars.empty());
    const std::string other = dir.file("woo.csv");
    write_file(other, "lars,assessment,status,date,link,source\n" + lars +
                          ",Data Protection Impact Assessment (DPIA),uitgevoerd,2025-03-01,"
                          "https://example.org/dpia.pdf,woo-besluit-2025\n");
    index({fixture("register-2026-08-08.json")}, dir.file("db"), {real, other});
    Xapian::Database db(dir.file("db"));
    const auto doc = db.get_document(*db.postlist_begin("Q" + lars));
    const auto record = nlohmann::json::parse(doc.get_data());
    const auto& assessments = record["assessments"];
    const auto dpia = std::find_if(assessments.begin(), assessments.end(),
                                   [](const auto& a) { return a["type"] == "DPIA"; });
    REQUIRE(dpia != assessments.end());
    CHECK((*dpia)["state"] == "uitgevoerd");
    CHECK((*dpia)["statements"].size() >= 2);
    CHECK(db.get_termfreq(std::string(facet::assessment.prefix) + "dpia-uitgevoerd") >= 1);
}

TEST_CASE("a malformed input file leaves the index untouched") {
    TempDir dir;
    const auto first = index({fixture("register-2026-08-08.json")}, dir.file("db"));
    write_file(dir.file("broken.json"), "{\"algoritmes\": [ {\"id\": \"1\" ");
    CHECK_THROWS_AS(
        index({fixture("register-2026-08-08.json"), dir.file("broken.json")}, dir.file("db")),
        algreg::search::InputError);
    Xapian::Database db(dir.file("db"));
    CHECK(db.get_revision() == first.changes.revision);
    CHECK(db.get_doccount() == 1530);
}

TEST_CASE("a garbage fetched_at is refused naming the file and the field; nothing is written") {
    TempDir dir;
    const auto first = index({fixture("register-2026-08-08.json")}, dir.file("db"));
    const std::string listing = read_file(fixture("register-2026-08-08.json"));
    const std::string input = dir.file("garbage-date.json");
    // The same listing with fetched_at replaced by text that is no date-time.
    nlohmann::json parsed = nlohmann::json::parse(listing);
    parsed["fetched_at"] = "gisteren<script>";
    write_file(input, parsed.dump());
    try {
        (void)index({input}, dir.file("db"));
        FAIL("a garbage fetched_at was accepted");
    } catch (const algreg::search::InputError& e) {
        CHECK(e.file() == input);
        CHECK(std::string(e.what()).find("fetched_at") != std::string::npos);
        CHECK(std::string(e.what()).find("gisteren<script>") != std::string::npos);
    }
    const Xapian::Database db(dir.file("db"));
    CHECK(db.get_revision() == first.changes.revision);
    CHECK(run_cli("index --quiet --db " + dir.file("db") + " " + input) == 2);
}

TEST_CASE("bad records are rejected with their position; every other record is indexed") {
    TempDir dir;
    const std::string input = dir.file("bad.ndjson");
    write_file(input, R"({"id": "11234933", "title": "Goed", "organisatie": "Gemeente Delft"})"
                      "\n"
                      R"({"title": "zonder id"})"
                      "\n"
                      R"({"id": "11234933", "title": "dubbel", "organisatie": "Gemeente Delft"})"
                      "\n"
                      R"({"id": "11136893", "title": "niet af")"
                      "\n"
                      "[1, 2, 3]\n"
                      "{\"id\": \"31747325\", \"title\": \"Caf\xE9\", \"organisatie\": \"X\"}\n");
    const auto summary = index({input}, dir.file("db"));
    CHECK(summary.read == 6);
    CHECK(summary.rejected == 4);
    CHECK(summary.changes.added.size() == 2);
    CHECK(Xapian::Database(dir.file("db")).get_doccount() == 2);
    const std::string rejects = read_file(summary.rejects_path);
    CHECK(std::count(rejects.begin(), rejects.end(), '\n') == 4);
    CHECK(rejects.find("duplicate id") != std::string::npos);
    CHECK(rejects.find("\"line\":4") != std::string::npos);
}

TEST_CASE("a second concurrent writer gets a clear error") {
    TempDir dir;
    Xapian::WritableDatabase holder(dir.file("db"), Xapian::DB_CREATE_OR_OPEN);
    try {
        index({fixture("register-2026-08-08.json")}, dir.file("db"));
        FAIL("expected IndexBusyError");
    } catch (const algreg::search::IndexBusyError& e) {
        CHECK(std::string(e.what()).find("being written by another process") != std::string::npos);
    }
}

TEST_CASE("an index path whose parent folders do not exist yet is created with them") {
    // The README's first command indexes into data/index, and a fresh clone has no data/.
    TempDir dir;
    const std::string db = (dir.path() / "a" / "b" / "c").string();
    CHECK(run_cli("index " + fixture("register-2026-08-08.json") + " --db " + db) == 0);
    CHECK(Xapian::Database(db).get_doccount() == 1530);
}

TEST_CASE("an index path below a file is a clear error naming the folder, exit code 4") {
    TempDir dir;
    write_file(dir.file("plain-file"), "not a folder");
    const std::string db = dir.file("plain-file") + "/sub/index";
    try {
        index({fixture("register-2026-08-08.json")}, db);
        FAIL("expected IndexUnavailableError");
    } catch (const algreg::search::IndexUnavailableError& e) {
        CHECK(std::string(e.what()).find("cannot create the folder " + dir.file("plain-file") +
                                         "/sub") != std::string::npos);
    }
    CHECK(run_cli("index " + fixture("register-2026-08-08.json") + " --db " + db) == 4);
}

TEST_CASE("every shared data file indexes together") {
    TempDir dir;
    const auto summary =
        index({fixture("register-2026-08-08.json"), fixture("register-2023-06-19-full.json"),
               fixture("register-2022-12-08-v0.2.json"), fixture("register-v1.0-templates.json"),
               fixture("register-csv-sample.csv")},
              dir.file("db"));
    CHECK(summary.rejected == 0);
    CHECK(summary.header_rows == 3);
    // 1530 listing + 12 of the 130 2023 lars not in the listing + 96 + 27 + 1.
    Xapian::Database db(dir.file("db"));
    CHECK(db.get_doccount() == 1530 + 12 + 96 + 27 + 1);
}

TEST_CASE("the algreg index command: exit codes") {
    TempDir dir;
    const std::string db = dir.file("db");
    CHECK(run_cli("index " + fixture("register-2026-08-08.json") + " --db " + db) == 0);
    write_file(dir.file("broken.json"), "[{");
    CHECK(run_cli("index " + dir.file("broken.json") + " --db " + db) == 2);
    write_file(dir.file("bad.ndjson"), "{\"title\": \"zonder id\"}\n");
    CHECK(run_cli("index " + dir.file("bad.ndjson") + " --upsert --db " + db) == 1);
    CHECK(run_cli("index --db " + db) == 64);
    CHECK(run_cli("index --bogus x") == 64);
    CHECK(run_cli("index --help") == 0);
}

TEST_CASE("an index of an older layout is rewritten entry by entry, not skipped as unchanged") {
    // A user upgrading algreg runs `algreg index` on the index they have: every entry must get
    // the terms of the new layout (e.g. the completeness facets), and its history must stay.
    TempDir dir;
    const std::string db = (dir.path() / "idx").string();
    const std::string listing = fixture("register-2026-08-08.json");
    REQUIRE(index({listing}, db).changes.added.size() == 1530);
    const std::string band_prefix(facet::completeness_band.prefix);
    {
        Xapian::WritableDatabase w(db);
        w.set_metadata(std::string(algreg::search::metadata_layout), "1");
        // What a layout-1 index lacked: the completeness facet terms.
        for (auto t = w.allterms_begin(band_prefix); t != w.allterms_end(band_prefix); ++t) {
            std::vector<Xapian::docid> docs(w.postlist_begin(*t), w.postlist_end(*t));
            for (const auto docid : docs) {
                auto doc = w.get_document(docid);
                doc.remove_term(*t);
                w.replace_document(docid, doc);
            }
        }
        w.commit();
    }
    {
        Xapian::Database before(db);
        REQUIRE(before.allterms_begin(band_prefix) == before.allterms_end(band_prefix));
    }
    const auto again = index({listing}, db);
    CHECK(again.changes.changed.empty());
    CHECK(again.changes.rewritten.size() == 1530);
    Xapian::Database after(db);
    CHECK(after.get_metadata(std::string(algreg::search::metadata_layout)) ==
          algreg::search::layout_version);
    Xapian::doccount with_band = 0;
    for (auto t = after.allterms_begin(band_prefix); t != after.allterms_end(band_prefix); ++t) {
        with_band += t.get_termfreq();
    }
    CHECK(with_band == 1530);
    // And a third run changes nothing again.
    CHECK(index({listing}, db).changes.rewritten.empty());
}
