// to_data() writes the document data directly; it must give exactly the bytes of nlohmann's
// dump of to_json(), which older indexes hold and from_json() reads: otherwise every entry would
// count as rewritten on the next run.
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/record.h"
#include "tests/support/fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using algreg::search::AlgorithmRecord;
using algreg::testing::fixture;

namespace {

std::string nlohmann_data(const AlgorithmRecord& r) {
    return nlohmann::json(r).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

TEST_CASE("to_data gives nlohmann's bytes for every record of every bundled file") {
    std::size_t records = 0;
    for (const char* name : {"register-2026-08-08.json", "register-v1.0-templates.json",
                             "register-2023-06-19-full.json", "register-2022-12-08-v0.2.json",
                             "register-csv-sample.csv", "register-history.jsonl"}) {
        INFO(name);
        const auto file = algreg::indexer::read_source(fixture(name));
        for (const auto& source : file.records) {
            const auto n = algreg::indexer::normalise(source, file.format);
            if (!n.record) {
                continue;
            }
            const std::string data = algreg::search::to_data(*n.record);
            REQUIRE(data == nlohmann_data(*n.record));
            CHECK(nlohmann::json::parse(data).get<AlgorithmRecord>() == *n.record);
            ++records;
        }
    }
    CHECK(records > 3000);
}

TEST_CASE("to_data: escapes, every kind of member, and invalid UTF-8 as nlohmann replaces it") {
    AlgorithmRecord r;
    r.id = "12345678";
    r.name = "Quote \" backslash \\ tab \t newline \n return \r bell \a unit \x1f del \x7f";
    r.description_short = "Financiële ĳ € 𝄞 — “aanhalingstekens” \b\f";
    r.goal = "<p>Doel</p>";
    r.category = {"Werk", "", "Zorg en gezondheid"};
    r.lawful_basis_grouping = {{"Participatiewet", "https://wetten.overheid.nl/x"}, {"", ""}};
    r.impacttoetsen_grouping = {{"DPIA", ""}};
    r.legacy = {{"department", "Afdeling \"X\""}, {"iama", "ja"}};
    r.original = {{"lang", "NLD"}, {"status", "in_gebruik"}};
    r.listing_only = true;
    algreg::search::Assessment a;
    a.type = "DPIA";
    a.state = algreg::search::AssessmentState::niet_uitgevoerd;
    a.text = "Nee";
    a.statements.push_back({"DPIA", algreg::search::AssessmentState::uitgevoerd, "https://x",
                            "2023-06", "woo-lijst", "uitgevoerd op 1 juni"});
    a.statements.push_back(
        {"DPIA", algreg::search::AssessmentState::niet_uitgevoerd, "", "", "register", ""});
    r.assessments = {a, algreg::search::Assessment{"IAMA", {}, "", "", {}}};
    CHECK(algreg::search::to_data(r) == nlohmann_data(r));

    r.listing_only = false;
    r.assessments.clear();
    CHECK(algreg::search::to_data(r) == nlohmann_data(r));
    CHECK(algreg::search::to_data(AlgorithmRecord{}) == "{}");

    // Invalid UTF-8 (normalisation replaces it, but the writer must not depend on that): lone
    // continuation bytes, truncated sequences, overlong forms, surrogates, beyond U+10FFFF.
    for (const std::string bad : {"a\x80z", "a\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80",
                                  "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "ok \xFF"}) {
        r.name = bad;
        CHECK(algreg::search::to_data(r) == nlohmann_data(r));
    }
}
