// The abbreviation table and the rule for when an abbreviation expands.
#include "search/analysis.h"
#include "search/revision.h"
#include "search/synonyms.h"
#include "tests/support/fixture_index.h"

#include <doctest/doctest.h>

using algreg::search::abbreviation_may_expand;
using algreg::search::is_abbreviation;
using algreg::search::SynonymTable;

TEST_CASE("the index's synonym table holds the abbreviations in both directions") {
    const auto table =
        SynonymTable::load(Xapian::Database(algreg::testing::fixture_index().path()));
    const auto* brp = table.find("brp");
    REQUIRE(brp != nullptr);
    CHECK(*brp == std::vector<std::string>{"basisregistratie personen"});
    const auto* back = table.find("basisregistratie personen");
    REQUIRE(back != nullptr);
    CHECK(*back == std::vector<std::string>{"brp"});
    // AI has two expansions.
    const auto* ai = table.find("ai");
    REQUIRE(ai != nullptr);
    CHECK(ai->size() == 2);
    // The longest key: "ministerie van binnenlandse zaken en koninkrijksrelaties".
    CHECK(table.longest_key_words() >= 6);
    CHECK(table.find("geen afkorting") == nullptr);
}

TEST_CASE("an abbreviation is one word shorter than all its expansions") {
    CHECK(is_abbreviation("brp", {"basisregistratie personen"}));
    CHECK(is_abbreviation("bsn", {"burgerservicenummer"}));
    CHECK_FALSE(is_abbreviation("burgerservicenummer", {"bsn"}));
    CHECK_FALSE(is_abbreviation("basisregistratie personen", {"brp"}));
}

TEST_CASE("when an abbreviation expands: capitals always, lower case from three letters unless "
          "an ordinary word") {
    struct Row {
        const char* raw;
        bool expands;
    };
    const Row rows[] = {
        {"BRP", true}, {"brp", true},  {"Brp", true},  {"DigiD", true}, {"uwv", true},
        {"duo", true}, {"WW", true},   {"ww", false},  {"EU", true},    {"eu", false},
        {"AI", true},  {"ai", false},  {"BOA", true},  {"boa", false},  {"fin", false},
        {"FIN", true}, {"eer", false}, {"bag", false}, {"BAG", true},
    };
    for (const auto& row : rows) {
        CAPTURE(row.raw);
        CHECK(abbreviation_may_expand(row.raw, algreg::search::fold(row.raw)) == row.expands);
    }
}

TEST_CASE("a table from pairs keeps values unique and counts key words") {
    const auto t = SynonymTable::from_pairs({{"a b c", "x"}, {"x", "a b c"}, {"x", "a b c"}});
    REQUIRE(t.find("x") != nullptr);
    CHECK(t.find("x")->size() == 1);
    CHECK(t.longest_key_words() == 3);
}
