// Compound forms (pure rules) and the vocabulary of the real index.
#include "search/analysis.h"
#include "search/compound_split.h"
#include "search/revision.h"
#include "search/schema.h"
#include "search/vocabulary.h"
#include "tests/search/listing_data.h"

#include <algorithm>
#include <doctest/doctest.h>

using algreg::search::head_endings;
using algreg::search::modifier_forms;
using algreg::search::RevisionData;
using algreg::search::Vocabulary;
using algreg::testing::fixture_index;

namespace {

using Strings = std::vector<std::string>;

bool contains(const Strings& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::vector<std::string> words_of(const std::vector<Vocabulary::Entry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) {
        out.push_back(e.word);
    }
    return out;
}

const RevisionData& data() {
    static const auto loaded = RevisionData::load(Xapian::Database(fixture_index().path()));
    return *loaded;
}

} // namespace

TEST_CASE("modifier forms undo the Dutch spelling of -en words") {
    CHECK(modifier_forms("parkeren") == Strings{"parkeren", "parker", "parkeer"});
    CHECK(modifier_forms("betalen") == Strings{"betalen", "betal", "betaal"});
    CHECK(modifier_forms("bestellen") == Strings{"bestellen", "bestell", "bestel"});
    CHECK(modifier_forms("beleven") == Strings{"beleven", "belev", "beleef"});
    CHECK(modifier_forms("fraude") == Strings{"fraude"});
    // Too short to be a reliable compound part.
    CHECK(modifier_forms("wijk").empty());
    CHECK(modifier_forms("zorg").empty());
}

TEST_CASE("head endings: the stem with its inflections") {
    CHECK(head_endings("toeslag") ==
          Strings{"toeslag", "toeslage", "toeslagen", "toeslages", "toeslags", "toeslagn"});
    CHECK(head_endings("wijk").empty());
}

TEST_CASE("the vocabulary holds the spelling words and the fields of every stem") {
    const auto& v = data().vocabulary;
    CHECK(v.size() > 5'000);
    CHECK(v.frequency("gezichtsherkenning") >= 1);
    CHECK(v.frequency("gezichtsherkening") == 0);
    // "parker" (parkeren) occurs in titles; the title prefix is bit 0.
    CHECK((v.fields_of("parker") & 1U) != 0);
    CHECK(v.fields_of("zzzgeenwoord") == 0);
    // Facet terms under a longer prefix (XORG…) are not text terms of XO.
    CHECK(v.fields_of("RGgemeente-utrecht") == 0);
}

TEST_CASE("completions are the most frequent words with the prefix") {
    const auto& v = data().vocabulary;
    const auto words = words_of(v.completions("financ", 100));
    CHECK(contains(words, "financiele"));
    CHECK(contains(words, "financien"));
    for (const auto& w : words) {
        CHECK(w.starts_with("financ"));
    }
    const auto top = v.completions("financ", 3);
    REQUIRE(top.size() == 3);
    CHECK(top[0].frequency >= top[1].frequency);
    CHECK(top[1].frequency >= top[2].frequency);
    CHECK(v.completions("zzzq", 10).empty());
}

TEST_CASE("compounds: toeslag is the head of kinderopvangtoeslag, parkeren the modifier of "
          "parkeervergunning") {
    const auto& v = data().vocabulary;
    const auto toeslag = words_of(v.compounds("toeslag", "toeslag", 50));
    CHECK(contains(toeslag, "kinderopvangtoeslag"));
    CHECK(contains(toeslag, "huurtoeslag"));
    CHECK_FALSE(contains(toeslag, "toeslag"));
    const auto parkeren = words_of(v.compounds("parkeren", "parker", 50));
    CHECK(contains(parkeren, "parkeervergunning"));
    // Inflections are not compounds.
    CHECK_FALSE(contains(parkeren, "parkeert"));
    CHECK_FALSE(contains(parkeren, "parkeren"));
    // Four letters are too few: "wijk" would find every town in -wijk.
    CHECK(v.compounds("wijk", "wijk", 50).empty());
}

TEST_CASE("split: a compound of two frequent index words, with or without a linking -s-/-e-") {
    const auto& v = data().vocabulary;
    algreg::search::Analyzer analyzer;
    auto split = [&](const std::string& w) {
        return algreg::search::split_compound(v, w, analyzer.analyse(w).stem);
    };
    using Parts = std::pair<std::string, std::string>;
    CHECK(split("fraudedetectie") == Parts{"fraude", "detectie"});
    CHECK(split("risicoprofilering") == Parts{"risico", "profilering"});
    // Not split: short words, words without two index words, names of organisations (places),
    // function words, words the index has often, and words too common to need it.
    for (const char* w : {"toeslag", "fraude", "gemeente", "harderwijk", "westerkwartier",
                          "zoetermeer", "bijzonder", "tussenkomst", "qqxyzzyqqxyzzy",
                          "basisregistratie", "algoritmes", "gegevens"}) {
        CAPTURE(w);
        CHECK_FALSE(split(w).has_value());
    }
}
