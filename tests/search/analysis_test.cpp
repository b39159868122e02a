// Folding, slugs, word splitting and stemming: the decisions both sides of the index share.
#include "search/analysis.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace algreg::search;

namespace {
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for_each_word(text, 0, [&](const Word& w) { out.emplace_back(w.raw); });
    return out;
}
} // namespace

TEST_CASE("fold removes accents and case, expands ligatures") {
    CHECK(fold("Financiële") == "financiele");
    CHECK(fold("coördinaten") == "coordinaten");
    CHECK(fold("ĳsbaan") == "ijsbaan");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("BRP") == "brp");
    CHECK(fold("be\xEF\xBF\xBDindiging") == "beindiging"); // lost character dropped
}

TEST_CASE("slug makes stable filter values") {
    CHECK(slug("Gemeente 's-Hertogenbosch") == "gemeente-s-hertogenbosch");
    CHECK(slug("Hoog-risico AI-systeem") == "hoog-risico-ai-systeem");
    CHECK(slug("  Ministerie van Binnenlandse Zaken en Koninkrijksrelaties ") ==
          "ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties");
    CHECK(slug(std::string(500, 'a')).size() == 120);
}

TEST_CASE("words split at punctuation, hyphens and apostrophes; positions count") {
    CHECK(words("WOZ-waarde van camera's, 2023.") ==
          std::vector<std::string>{"WOZ", "waarde", "van", "camera", "s", "2023"});
    CHECK(words("Financiële   coördinatie") ==
          std::vector<std::string>{"Financiële", "coördinatie"});
    std::vector<std::uint32_t> positions;
    const auto next =
        for_each_word("een twee drie", 10, [&](const Word& w) { positions.push_back(w.position); });
    CHECK(positions == std::vector<std::uint32_t>{10, 11, 12});
    CHECK(next == 13);
}

TEST_CASE("a lost character (U+FFFD) inside a word keeps the word whole") {
    CHECK(words("be\xEF\xBF\xBDindiging van") ==
          std::vector<std::string>{"be\xEF\xBF\xBDindiging", "van"});
    CHECK(words("\xEF\xBF\xBDLogiesfunctie\xEF\xBF\xBD") ==
          std::vector<std::string>{"Logiesfunctie"});
}

TEST_CASE("invalid UTF-8 and overlong runs never become terms") {
    CHECK(words("abc\xFF\xFE"
                "def") == std::vector<std::string>{"abc", "def"});
    std::vector<std::uint32_t> positions;
    for_each_word(std::string(100, 'x') + " na", 0,
                  [&](const Word& w) { positions.push_back(w.position); });
    CHECK(positions == std::vector<std::uint32_t>{1}); // the long run took position 0
}

TEST_CASE("Dutch stemming meets singular and plural, and the -es repair") {
    Analyzer analyzer;
    CHECK(analyzer.analyse("algoritme").stem == "algoritm");
    CHECK(analyzer.analyse("Algoritmen").stem == "algoritm");
    CHECK(analyzer.analyse("algoritmes").stem == "algoritm");
    CHECK(analyzer.analyse("Financiële").stem == analyzer.analyse("financiele").stem);
    CHECK(analyzer.analyse("toeslagen").stem == analyzer.analyse("toeslag").stem);
    CHECK(analyzer.analyse("2023").stem == "2023");
}
