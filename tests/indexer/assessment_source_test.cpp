#include "indexer/assessment_source.h"
#include "search/errors.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>
#include <string>

namespace {

using algreg::indexer::derive_assessments;
using algreg::indexer::is_valid_lars;
using algreg::indexer::merge_assessments;
using algreg::indexer::read_assessments_csv;
using algreg::indexer::Severity;
using algreg::search::AssessmentState;

const std::string header = "lars,assessment,status,date,link,source\n";

} // namespace

TEST_CASE("the 2023 export's DPIA/IAMA statements read without problems") {
    const auto file = read_assessments_csv(algreg::testing::fixture("assessments-2023-06-19.csv"));
    CHECK(file.problems.empty());
    REQUIRE(file.statements.size() == 51);

    std::set<std::string> lars;
    std::size_t dpia_done = 0;
    for (const auto& item : file.statements) {
        lars.insert(item.lars);
        CHECK(item.statement.source == "algoritmeregister-export-2023-06-19");
        CHECK((item.statement.type == "DPIA" || item.statement.type == "IAMA"));
        dpia_done +=
            item.statement.type == "DPIA" && item.statement.state == AssessmentState::uitgevoerd;
    }
    CHECK(lars.size() == 38);
    CHECK(dpia_done == 10);

    const auto& first = file.statements.front();
    CHECK(first.lars == "33947772");
    CHECK(first.statement.type == "DPIA");
    CHECK(first.statement.state == AssessmentState::uitgevoerd);
    CHECK(first.statement.date == "2023-03-31");
    CHECK(first.statement.link.empty());
    CHECK(first.position.line == 2); // line 1 is the header
    CHECK(first.position.index == 0);
}

TEST_CASE("is_valid_lars checks shape and check digit") {
    CHECK(is_valid_lars("11136893"));
    CHECK(is_valid_lars("54986363"));
    CHECK_FALSE(is_valid_lars("11136894")); // check digit changed
    CHECK_FALSE(is_valid_lars("11146893")); // one data digit changed
    CHECK_FALSE(is_valid_lars("11163893")); // neighbours 3 and 6 swapped
    CHECK_FALSE(is_valid_lars("10136893")); // 0 is not allowed in d1..d7
    CHECK_FALSE(is_valid_lars("1113689"));
    CHECK_FALSE(is_valid_lars("111368930"));
    CHECK_FALSE(is_valid_lars("1113689x"));
    CHECK_FALSE(is_valid_lars(""));
}

TEST_CASE("bad lines are rejected with file, line, field and value; the rest is read") {
    algreg::testing::TempDir dir;
    const std::string path = dir.file("assessments.csv");
    algreg::testing::write_file(path, header +
                                          "11136893,DPIA,uitgevoerd,2024-02-06,https://x.nl/d,\n"
                                          "11136893,Geheimtoets,uitgevoerd,,,\n"
                                          "11136893,IAMA,misschien,,,\n"
                                          "11136894,IAMA,nee,,,\n"
                                          "11136893,IAMA,nee,06-02-2024,,\n"
                                          "11136893,IAMA,nee,2024-02-30,,\n"
                                          "\"11136893\",\"Impact Assessment Mensenrechten en "
                                          "Algoritmes\",\"Nee\",\"2024-02\",\"\",\"gemeente\"\n");
    const auto file = read_assessments_csv(path);

    REQUIRE(file.statements.size() == 2);
    const auto& dpia = file.statements[0].statement;
    CHECK(dpia.type == "DPIA");
    CHECK(dpia.state == AssessmentState::uitgevoerd);
    CHECK(dpia.link == "https://x.nl/d");
    CHECK(dpia.source == "assessments.csv"); // empty source -> the file's name
    const auto& iama = file.statements[1];
    CHECK(iama.statement.type == "IAMA");
    CHECK(iama.statement.state == AssessmentState::niet_uitgevoerd);
    CHECK(iama.statement.date == "2024-02");
    CHECK(iama.statement.source == "gemeente");
    CHECK(iama.position.line == 8);

    REQUIRE(file.problems.size() == 5);
    struct Expected {
        std::size_t line;
        std::string field;
        std::string message;
    };
    const std::vector<Expected> expected{
        {3, "assessment",
         "unknown assessment 'Geheimtoets': use an abbreviation such as DPIA, IAMA, FRIA or "
         "AIIA, or the full title"},
        {4, "status",
         "unknown status 'misschien': use uitgevoerd, niet uitgevoerd or onbekend (or ja, nee, "
         "yes, no, done, gepland)"},
        {5, "lars",
         "lars '11136894' has a wrong check digit: copy the Algoritme-ID from the register"},
        {6, "date", "date '06-02-2024' is not a date: write YYYY-MM-DD or YYYY-MM"},
        {7, "date", "date '2024-02-30' is not a date: write YYYY-MM-DD or YYYY-MM"},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const auto& problem = file.problems[i];
        CHECK(problem.severity == Severity::rejected);
        CHECK(problem.position.file == path);
        CHECK(problem.position.line == expected[i].line);
        CHECK(problem.field == expected[i].field);
        CHECK(problem.message == expected[i].message);
    }
    CHECK(file.problems[0].record_id == "11136893");
    CHECK(file.problems[2].record_id.empty()); // a bad lars is no usable id
}

TEST_CASE("columns are found by name in any order; a line with a missing cell is rejected") {
    algreg::testing::TempDir dir;
    const std::string path = dir.file("a.csv");
    algreg::testing::write_file(path, "Status, LARS ,assessment,remark\n"
                                      "ja,11136893,dpia,free text\n"
                                      "ja,11136893\n");
    const auto file = read_assessments_csv(path);
    REQUIRE(file.statements.size() == 1);
    CHECK(file.statements[0].statement.type == "DPIA");
    CHECK(file.statements[0].statement.state == AssessmentState::uitgevoerd);
    CHECK(file.statements[0].statement.date.empty());
    REQUIRE(file.problems.size() == 1);
    CHECK(file.problems[0].position.line == 3);
    CHECK(file.problems[0].message.find("line has 2 cells but the header has 4") == 0);
}

TEST_CASE("a missing required column or an unreadable file stops the run with InputError") {
    algreg::testing::TempDir dir;
    const std::string path = dir.file("a.csv");
    algreg::testing::write_file(path, "lars,assessment,date\n11136893,DPIA,2024-01-01\n");
    try {
        (void)read_assessments_csv(path);
        FAIL("expected InputError");
    } catch (const algreg::search::InputError& e) {
        CHECK(e.file() == path);
        CHECK(e.line() == 1);
        CHECK(std::string(e.what()) ==
              path +
                  ":1:1: missing required column 'status': the header must name lars, assessment "
                  "and status (date, link, source optional), e.g. "
                  "lars,assessment,status,date,link,source");
    }
    CHECK_THROWS_AS((void)read_assessments_csv(dir.file("missing.csv")),
                    algreg::search::InputError);
}

TEST_CASE("sources that disagree: uitgevoerd wins and every statement stays, newest first") {
    algreg::testing::TempDir dir;
    const std::string path = dir.file("a.csv");
    algreg::testing::write_file(
        path, header + "11136893,DPIA,niet uitgevoerd,2024-05-01,,gemeente\n"
                       "11136893,DPIA,uitgevoerd,2023-03-31,https://x.nl/dpia,ministerie\n"
                       "54986363,DPIA,uitgevoerd,2023-06-14,,ministerie\n");
    const auto file = read_assessments_csv(path);
    REQUIRE(file.problems.empty());

    algreg::search::AlgorithmRecord record;
    record.lars = "11136893";
    algreg::search::Assessment register_iama;
    register_iama.type = "IAMA";
    register_iama.statements.push_back(
        {"IAMA", AssessmentState::niet_uitgevoerd, "", "", "register", "Nee"});
    record.assessments.push_back(register_iama);

    merge_assessments(record, file.statements);
    merge_assessments(record, file.statements); // merging twice adds nothing

    REQUIRE(record.assessments.size() == 3); // DPIA, IAMA, Soort onbekend
    const auto& dpia = record.assessments[0];
    CHECK(dpia.type == "DPIA");
    CHECK(dpia.state == AssessmentState::uitgevoerd);
    CHECK(dpia.link == "https://x.nl/dpia");
    REQUIRE(dpia.statements.size() == 2); // the other lars' statement is not added
    CHECK(dpia.statements[0].source == "gemeente");
    CHECK(dpia.statements[0].state == AssessmentState::niet_uitgevoerd);
    CHECK(dpia.statements[0].date == "2024-05-01");
    CHECK(dpia.statements[1].source == "ministerie");
    CHECK(dpia.statements[1].date == "2023-03-31");

    const auto& iama = record.assessments[1];
    CHECK(iama.type == "IAMA");
    CHECK(iama.state == AssessmentState::niet_uitgevoerd);
    CHECK(iama.statements.size() == 1);
    CHECK(record.assessments[2].type == "Soort onbekend");
    CHECK(record.assessments[2].state == AssessmentState::niet_vermeld);
}

TEST_CASE("derive_assessments: niet uitgevoerd over onbekend, niet vermeld without a statement") {
    algreg::search::AlgorithmRecord record;
    algreg::search::Assessment fria;
    fria.type = "FRIA";
    fria.statements.push_back({"FRIA", AssessmentState::onbekend, "", "", "a", "gepland"});
    fria.statements.push_back(
        {"FRIA", AssessmentState::niet_uitgevoerd, "", "2024-01", "b", "nee"});
    record.assessments.push_back(fria);
    algreg::search::Assessment aiia;
    aiia.type = "AIIA";
    aiia.statements.push_back({"AIIA", AssessmentState::onbekend, "", "", "a", "gepland"});
    record.assessments.push_back(aiia);

    derive_assessments(record);

    // Every record has DPIA, IAMA and Soort onbekend; here without statements.
    REQUIRE(record.assessments.size() == 5);
    CHECK(record.assessments[0].type == "AIIA"); // sorted by type
    CHECK(record.assessments[0].state == AssessmentState::onbekend);
    CHECK(record.assessments[1].type == "DPIA");
    CHECK(record.assessments[1].state == AssessmentState::niet_vermeld);
    CHECK(record.assessments[2].type == "FRIA");
    CHECK(record.assessments[2].state == AssessmentState::niet_uitgevoerd);
    CHECK(record.assessments[2].text == "nee");
    CHECK(record.assessments[2].statements.front().source == "b"); // dated before undated
    CHECK(record.assessments[4].type == "Soort onbekend");
    CHECK(record.assessments[4].state == AssessmentState::niet_vermeld);
}

TEST_CASE("derive_assessments: the listing's summary says an assessment exists, not its kind") {
    const auto listing = [](std::string summary) {
        algreg::search::AlgorithmRecord r;
        r.lars = "11136893";
        r.listing_only = true;
        r.impactassessment = std::move(summary);
        r.changed = "2025-01-02";
        r.register_url = "https://algoritmes.overheid.nl/nl/algoritme/11136893";
        return r;
    };
    const auto state_of = [](const algreg::search::AlgorithmRecord& r, std::string_view type) {
        const auto* a = algreg::search::find_assessment(r, type);
        REQUIRE(a != nullptr);
        return a->state;
    };

    auto ja = listing("Ja");
    derive_assessments(ja);
    derive_assessments(ja); // idempotent: the listing's statements are not doubled
    CHECK(state_of(ja, "Soort onbekend") == AssessmentState::uitgevoerd);
    CHECK(state_of(ja, "DPIA") == AssessmentState::onbekend); // perhaps this kind
    CHECK(state_of(ja, "IAMA") == AssessmentState::onbekend);
    const auto* kind_unknown = algreg::search::find_assessment(ja, "Soort onbekend");
    REQUIRE(kind_unknown->statements.size() == 1);
    CHECK(kind_unknown->statements[0].source == "listing");
    CHECK(kind_unknown->statements[0].date.empty()); // the record's date, not the statement's
    CHECK(kind_unknown->link == ja.register_url);

    // A named done kind explains the listing's Ja: it joins that kind's sources.
    auto explained = listing("Ja");
    algreg::search::Assessment dpia;
    dpia.type = "DPIA";
    dpia.statements.push_back({"DPIA", AssessmentState::uitgevoerd, "", "2024-05", "csv", "x"});
    explained.assessments.push_back(dpia);
    derive_assessments(explained);
    CHECK(state_of(explained, "DPIA") == AssessmentState::uitgevoerd);
    CHECK(algreg::search::find_assessment(explained, "DPIA")->statements.size() == 2);
    CHECK(state_of(explained, "Soort onbekend") == AssessmentState::niet_vermeld);
    CHECK(state_of(explained, "IAMA") == AssessmentState::niet_vermeld);

    auto nee = listing("Nee");
    derive_assessments(nee);
    CHECK(state_of(nee, "Soort onbekend") == AssessmentState::niet_uitgevoerd);
    CHECK(state_of(nee, "DPIA") == AssessmentState::onbekend);

    // A full record: its own fields are what the listing summarises; the listing adds nothing.
    auto full = listing("Ja");
    full.listing_only = false;
    derive_assessments(full);
    CHECK(state_of(full, "Soort onbekend") == AssessmentState::niet_vermeld);
    CHECK(algreg::search::find_assessment(full, "Soort onbekend")->statements.empty());
}
