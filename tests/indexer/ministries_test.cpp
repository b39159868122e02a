// The ministry table (fixtures/ministries-nl.tsv) against the bundled register, its parser's
// errors, and the precedence of a synced organisation hierarchy over the table.
#include "indexer/ministries.h"
#include "indexer/vocabulary.h"
#include "search/errors.h"
#include "tests/support/fixtures.h"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

using namespace algreg::indexer;
using algreg::testing::fixture;
using nlohmann::json;

namespace {

/// organisation_key -> name of every organisation in the bundled listing of 2026-08-08.
std::map<std::string, std::string> register_organisations() {
    const json listing =
        json::parse(algreg::testing::read_file(fixture("register-2026-08-08.json")));
    std::map<std::string, std::string> out;
    for (const auto& entry : listing["algoritmes"]) {
        const auto name = entry["organisatie"].get<std::string>();
        out.emplace(organisation_key(name), name);
    }
    return out;
}

} // namespace

TEST_CASE("ministry table: every row is an organisation of the register, every ministry too") {
    const MinistryTable table = read_ministries(fixture("ministries-nl.tsv"));
    const auto organisations = register_organisations();
    REQUIRE(table.rows().size() > 60);
    for (const auto& row : table.rows()) {
        CAPTURE(row.organisation);
        CAPTURE(row.line);
        CHECK(organisations.count(organisation_key(row.organisation)) == 1); // no dead rows
        CHECK_FALSE(row.source.empty());
        if (!row.ministry.empty()) {
            // The ministry is an organisation of the register and its own ministry, so that the
            // facet value of a ministry and of the bodies under it is the same.
            const MinistryRow* own = table.find(row.ministry);
            REQUIRE(own != nullptr);
            CHECK(own->ministry == row.ministry);
        }
    }
}

TEST_CASE("ministry table: every national body of the register has a row") {
    // The types of bodies of the State (register-model.md §4.1) must each be placed under a
    // ministry or listed as deliberately none; municipalities, provinces, water boards and
    // their cooperations need no row.
    const std::set<std::string> national{"ministerie",
                                         "agentschap",
                                         "zelfstandig_bestuursorgaan",
                                         "organisatieonderdeel",
                                         "inspectie",
                                         "politie",
                                         "adviescollege",
                                         "hoog_college_van_staat",
                                         "rechtspraak",
                                         "kabinet_van_de_koning",
                                         "interdepartementale_commissie"};
    const MinistryTable table = read_ministries(fixture("ministries-nl.tsv"));
    std::size_t checked = 0;
    for (const auto& [key, name] : register_organisations()) {
        if (national.count(organisation_type_from_name(name)) == 0) {
            continue;
        }
        ++checked;
        CAPTURE(name);
        CHECK(table.find(name) != nullptr);
    }
    CHECK(checked > 40);
    // The bodies a journalist asks about, by name.
    const std::map<std::string, std::string> expected{
        {"Belastingdienst", "Ministerie van Financiën"},
        {"Douane", "Ministerie van Financiën"},
        {"Dienst Toeslagen", "Ministerie van Financiën"},
        {"Ministerie van Financiën", "Ministerie van Financiën"},
        {"Uitvoeringsinstituut Werknemersverzekeringen",
         "Ministerie van Sociale Zaken en Werkgelegenheid"},
        {"Sociale Verzekeringsbank (SVB)", "Ministerie van Sociale Zaken en Werkgelegenheid"},
        {"Dienst Uitvoering Onderwijs", "Ministerie van Onderwijs, Cultuur en Wetenschap"},
        {"RDW", "Ministerie van Infrastructuur en Waterstaat"},
        {"Rijkswaterstaat", "Ministerie van Infrastructuur en Waterstaat"},
        {"Politie", "Ministerie van Justitie en Veiligheid"},
    };
    for (const auto& [organisation, ministry] : expected) {
        CAPTURE(organisation);
        const MinistryRow* row = table.find(organisation);
        REQUIRE(row != nullptr);
        CHECK(row->ministry == ministry);
    }
    CHECK(table.find("Gemeente Utrecht") == nullptr);
}

TEST_CASE("ministry table: errors name the file, line and column") {
    const std::string file = "ministries.tsv";
    CHECK(parse_ministries("# comment\n\nA\tB\tsource\n", file).rows().size() == 1);
    CHECK(parse_ministries("A\t\tdeliberately none\n", file).rows().front().ministry.empty());
    auto message = [&](const std::string& text) {
        try {
            (void)parse_ministries(text, file);
        } catch (const algreg::search::InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("# x\nA\tB\n").starts_with("ministries.tsv:2:1: expected three"));
    CHECK(message("A\tB\t\n").starts_with("ministries.tsv:1:5: the source is empty"));
    CHECK(message("\tB\tsource\n").starts_with("ministries.tsv:1:1: the organisation is empty"));
    CHECK(message("A (X)\tB\ts\nA\tB\ts\n") ==
          "ministries.tsv:2:1: 'A' is listed already on line 1");
}

TEST_CASE("ministries: a synced organisation hierarchy wins over the table") {
    const MinistryTable table =
        parse_ministries("Douane\tMinisterie van Financiën\tdienstonderdeel\n"
                         "Stichting X\t\tstichting\n",
                         "t.tsv");
    const json organisations = {
        {"1",
         {{"name", "Douane"},
          {"type", "organisatieonderdeel"},
          {"hierarchy",
           json::array({{{"org_id", "9"}, {"name", "Ministerie van Justitie en Veiligheid"}},
                        {{"org_id", "1"}, {"name", "Douane"}}})}}},
        {"2", {{"name", "Gemeente Delft"}, {"type", "gemeente"}, {"hierarchy", nullptr}}},
        {"3", {{"name", "Ministerie van Defensie"}, {"type", "ministerie"}}},
    };
    const auto hierarchy = ministries_from_hierarchy(organisations.dump());
    CHECK(hierarchy.size() == 2);
    CHECK(ministries_from_hierarchy("not json").empty());

    std::vector<algreg::search::AlgorithmRecord> records(5);
    records[0].organization = "Douane";
    records[1].organization = "Gemeente Delft";
    records[2].organization = "Ministerie van Defensie";
    records[3].organization = "Stichting X";
    records[3].ministry = "stale";
    records[4].organization = "Ministerie van Algemene Zaken";
    records[4].organization_type = "ministerie";
    assign_ministries(records, table, hierarchy);
    CHECK(records[0].ministry == "Ministerie van Justitie en Veiligheid"); // hierarchy first
    CHECK(records[1].ministry.empty());
    CHECK(records[2].ministry == "Ministerie van Defensie");
    CHECK(records[3].ministry.empty());                            // deliberately none
    CHECK(records[4].ministry == "Ministerie van Algemene Zaken"); // a ministry is its own

    assign_ministries(records, table, {});
    CHECK(records[0].ministry == "Ministerie van Financiën"); // the table without a hierarchy
}
