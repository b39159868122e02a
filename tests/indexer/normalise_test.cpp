// Normalisation of real records of every shape, and the repair/reject rules for bad records.
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/schema.h"
#include "tests/support/fixtures.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace algreg::indexer;
using algreg::search::AlgorithmRecord;
using algreg::search::AssessmentState;
using algreg::testing::fixture;
using nlohmann::json;

namespace {

SourceRecord record_of(json value, std::size_t index = 0) {
    SourceRecord r;
    r.raw = value.dump();
    r.value = std::move(value);
    r.position = SourcePosition{"test.json", 1, 1, index};
    return r;
}

AlgorithmRecord only(const Normalised& n) {
    REQUIRE(n.record.has_value());
    return *n.record;
}

bool has_problem(const Normalised& n, const std::string& field, Severity severity) {
    for (const auto& p : n.problems) {
        if (p.field == field && p.severity == severity) {
            return true;
        }
    }
    return false;
}

/// The record of `file` whose `key` equals `value`.
SourceRecord find(const SourceFile& file, const std::string& key, const std::string& value) {
    for (const auto& r : file.records) {
        if (r.value.is_object() && r.value.value(key, "") == value) {
            return r;
        }
    }
    FAIL("no record with " << key << " = " << value);
    return {};
}

} // namespace

TEST_CASE("a listing record keeps what the listing says, with canonical status and url") {
    const auto file = read_source(fixture("register-2026-08-08.json"));
    const auto r = only(normalise(find(file, "id", "11234933"), file.format));
    CHECK(r.id == "11234933");
    CHECK(r.lars == "11234933");
    CHECK(r.name == "Advisering datalekmelding");
    CHECK(r.organization == "Gemeente Delft");
    CHECK(r.organization_type == "gemeente");
    CHECK(r.status == "In gebruik");
    CHECK(r.impactassessment == "Onbekend");
    CHECK(r.changed == "2024-02-06");
    CHECK(r.added == "2026-05-13");
    CHECK(r.register_url == "https://algoritmes.overheid.nl/nl/algoritme/11234933");
    CHECK(r.listing_only);
    // The listing's Onbekend: the entry mentions no assessment of any kind (docs/assessments.md
    // §3), with the listing as the source of that.
    for (const std::string_view type : {"DPIA", "IAMA", "Soort onbekend"}) {
        const auto* a = algreg::search::find_assessment(r, type);
        REQUIRE(a != nullptr);
        CHECK(a->state == AssessmentState::niet_vermeld);
        REQUIRE(a->statements.size() == 1);
        CHECK(a->statements[0].source == "listing");
        CHECK(a->statements[0].text == "Impactassessment: Onbekend");
        CHECK(a->statements[0].link == r.register_url);
    }
}

TEST_CASE("the old listing shape (laatst_gewijzigd, org id in url) normalises to the same record") {
    const auto old_shape = only(normalise(
        record_of(json{{"id", "11234933"},
                       {"title", "Advisering datalekmelding"},
                       {"organisatie", "Gemeente Delft"},
                       {"status", "in_gebruik"},
                       {"laatst_gewijzigd", "2024-02-06"},
                       {"url", "https://algoritmes.overheid.nl/nl/algoritme/99/11234933"}}),
        InputFormat::listing));
    CHECK(old_shape.changed == "2024-02-06");
    CHECK(old_shape.register_url == "https://algoritmes.overheid.nl/nl/algoritme/11234933");
}

TEST_CASE("2023 export: messy statuses normalised, original kept, flags become assessments") {
    const auto file = read_source(fixture("register-2023-06-19-full.json"));
    int actief = 0;
    for (const auto& source : file.records) {
        if (source.value["status"] == "Actief") {
            const auto r = only(normalise(source, file.format));
            CHECK(r.status == "In gebruik");
            CHECK(r.original.at("status") == "Actief");
            ++actief;
        }
    }
    CHECK(actief == 20);
    // A record with dpia "Nee" is a "niet uitgevoerd" DPIA from the register.
    for (const auto& source : file.records) {
        if (source.value["dpia"] == "Nee") {
            const auto r = only(normalise(source, file.format));
            const auto* dpia = algreg::search::find_assessment(r, "DPIA");
            REQUIRE(dpia != nullptr);
            CHECK(dpia->state == AssessmentState::niet_uitgevoerd);
            CHECK(dpia->statements.front().source == "register");
            break;
        }
    }
    // The one v0.4 list with the misspelt "Asssesment" counts as a DPIA that was done.
    for (const auto& source : file.records) {
        if (source.value["impacttoetsen"].is_string()) {
            const auto r = only(normalise(source, file.format));
            const auto* dpia = algreg::search::find_assessment(r, "DPIA");
            REQUIRE(dpia != nullptr);
            CHECK(dpia->state == AssessmentState::uitgevoerd);
            CHECK(r.impacttoetsen_grouping.size() == 1);
        }
    }
}

TEST_CASE("2022 launch data: header rows skipped, ids derived, mojibake kept visible") {
    const auto file = read_source(fixture("register-2022-12-08-v0.2.json"));
    int headers = 0;
    int records = 0;
    for (const auto& source : file.records) {
        const auto n = normalise(source, file.format);
        if (n.header_row) {
            ++headers;
            continue;
        }
        REQUIRE(n.record.has_value());
        ++records;
        CHECK(!n.record->id.empty());
    }
    CHECK(headers == 3);
    CHECK(records == 96);
    const auto r = only(normalise(file.records[3], file.format));
    CHECK(r.id == "gemeente-rotterdam--parkeercontrole");
    CHECK(has_problem(normalise(file.records[3], file.format), "id", Severity::repaired));
    CHECK(r.standard_version == "0.2");
    CHECK(r.legacy.at("type") == "Zelflerend");
    CHECK(algreg::search::find_assessment(r, "DPIA")->state == AssessmentState::uitgevoerd);
}

TEST_CASE("1.0 templates: HTML sanitised to the allowed tags, explanation read for denials") {
    const auto file = read_source(fixture("register-v1.0-templates.json"));
    const auto r = only(normalise(find(file, "id", "contec-veilig-mailen"), file.format));
    CHECK(r.id == "contec-veilig-mailen");
    CHECK(r.standard_version == "1.0");
    CHECK(r.lang == "nld");
    CHECK(r.goal.starts_with("<p>"));
    CHECK(algreg::search::find_assessment(r, "DPIA")->state == AssessmentState::uitgevoerd);
    // "IAMA is niet van toepassing, omdat ..." in the explanation.
    const auto* iama = algreg::search::find_assessment(r, "IAMA");
    REQUIRE(iama != nullptr);
    CHECK(iama->state == AssessmentState::niet_uitgevoerd);
    CHECK(iama->text.find("IAMA is niet van toepassing") != std::string::npos);
}

TEST_CASE("the CSV row: themes split, groupings parsed from the CSV text form") {
    const auto file = read_source(fixture("register-csv-sample.csv"));
    const auto r = only(normalise(file.records[0], file.format));
    CHECK(r.category == std::vector<std::string>{"Economie", "Wonen"});
    CHECK(r.status == "In gebruik");
    CHECK(r.standard_version == "1.0");
    CHECK(r.publication_category == "Impactvolle algoritmes");
    CHECK(r.source_format == "csv-1.0");
}

TEST_CASE("themes (category) lose their markup, reported as repaired") {
    // The first entry of the CSV sample with markup in its themes, as the issue found them.
    const auto file = read_source(fixture("register-csv-sample.csv"));
    SourceRecord source = file.records[0];
    source.value["category"] =
        "<b>Economie</b>, Wonen<script>alert(1)</script>, Zorg &amp; welzijn";
    const auto n = normalise(source, file.format);
    const auto r = only(n);
    for (const auto& theme : r.category) {
        CHECK_MESSAGE(theme.find_first_of("<>") == std::string::npos, theme);
    }
    CHECK(std::find(r.category.begin(), r.category.end(), "Economie") != r.category.end());
    CHECK(has_problem(n, "category", Severity::repaired));
    CHECK(json(r.original).dump().find("<script>") == std::string::npos);
}

TEST_CASE("bad records: repaired by documented rules or rejected, never thrown") {
    SUBCASE("no id and nothing to derive one from is rejected") {
        const auto n =
            normalise(record_of(json{{"description_short", "x"}}), InputFormat::official);
        CHECK_FALSE(n.record.has_value());
        CHECK(has_problem(n, "id", Severity::rejected));
    }
    SUBCASE("not an object is rejected") {
        const auto n = normalise(record_of(json::array({1, 2})), InputFormat::ndjson);
        CHECK_FALSE(n.record.has_value());
        REQUIRE(n.problems.size() == 1);
        CHECK(n.problems[0].message.find("array") != std::string::npos);
    }
    SUBCASE("wrong types are converted and reported") {
        const auto n = normalise(record_of(json{{"lars", "11234933"},
                                                {"name", 42},
                                                {"organization", "Gemeente Delft"},
                                                {"goal", json::array({"a", "b"})},
                                                {"risks", json::object()}}),
                                 InputFormat::official);
        const auto r = only(n);
        CHECK(r.name == "42");
        CHECK(r.goal == "a, b");
        CHECK(r.risks.empty());
        CHECK(has_problem(n, "name", Severity::repaired));
        CHECK(has_problem(n, "goal", Severity::repaired));
        CHECK(has_problem(n, "risks", Severity::repaired));
    }
    SUBCASE("a field far over its maximum is truncated and reported") {
        const auto n = normalise(record_of(json{{"lars", "11234933"},
                                                {"name", std::string(50000, 'a')},
                                                {"organization", "Gemeente Delft"}}),
                                 InputFormat::official);
        const auto r = only(n);
        CHECK(r.name.size() == field_cap_floor);
        CHECK(has_problem(n, "name", Severity::repaired));
    }
    SUBCASE("invalid UTF-8 fields named by the reader are reported") {
        auto source =
            record_of(json{{"id", "11234933"}, {"title", "Caf\xEF\xBF\xBD"}, {"organisatie", "X"}});
        source.invalid_utf8_fields = {"title"};
        const auto n = normalise(source, InputFormat::listing);
        CHECK(n.record.has_value());
        CHECK(has_problem(n, "title", Severity::repaired));
    }
    SUBCASE("an unknown status is kept as original text, status unknown") {
        const auto n = normalise(
            record_of(json{
                {"lars", "11234933"},
                {"name", "x"},
                {"organization", "y"},
                {"status", "Wordt onderzocht door een externe partij die nog niet bekend is"}}),
            InputFormat::official);
        const auto r = only(n);
        CHECK(r.status.empty());
        CHECK(r.original.count("status") == 1);
    }
    SUBCASE("a reversed begin date MM-YYYY is repaired to YYYY-MM") {
        const auto r = only(normalise(record_of(json{{"lars", "11234933"},
                                                     {"name", "x"},
                                                     {"organization", "y"},
                                                     {"begin_date", "03-2022"}}),
                                      InputFormat::official));
        CHECK(r.begin_date == "2022-03");
        CHECK(r.original.at("begin_date") == "03-2022");
    }
}

TEST_CASE("merging a full record into a listing record keeps listing facts") {
    const auto listing = only(normalise(record_of(json{{"id", "75856898"},
                                                       {"title", "Top 400/600"},
                                                       {"organisatie", "Gemeente Amsterdam"},
                                                       {"impactassessment", "Ja"},
                                                       {"toegevoegd", "2026-05-13"}}),
                                        InputFormat::listing));
    const auto full = only(normalise(record_of(json{{"lars", "75856898"},
                                                    {"name", "Top 400/600"},
                                                    {"organization", "Gemeente Amsterdam"},
                                                    {"department", "AcVZ"},
                                                    {"dpia", "Ja"}}),
                                     InputFormat::official));
    auto merged = listing;
    merge_into(merged, full);
    CHECK(merged.added == "2026-05-13");
    CHECK(merged.impactassessment == "Ja");
    CHECK(merged.legacy.at("department") == "AcVZ");
    CHECK_FALSE(merged.listing_only);
    CHECK(algreg::search::find_assessment(merged, "DPIA")->state == AssessmentState::uitgevoerd);
}
