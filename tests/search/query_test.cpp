// The query language: the parser as a table of {input, description}, and its fallback for
// invalid input.
#include "search/query.h"

#include <doctest/doctest.h>
#include <string>

using algreg::search::describe;
using algreg::search::parse_query;
using algreg::search::parse_sort;
using algreg::search::Sort;

namespace {

struct Row {
    const char* input;
    const char* expected; ///< describe(root); "" = no root (every entry)
};

std::string described(const std::string& input) {
    const auto parsed = parse_query(input);
    return parsed.root ? describe(*parsed.root) : "";
}

} // namespace

TEST_CASE("valid syntax parses into the expected tree") {
    const Row rows[] = {
        {"fraude", "fraude"},
        {"BRP fraude", "(BRP AND fraude)"},
        {"wmo OR jeugdzorg", "(wmo OR jeugdzorg)"},
        {"wmo of jeugdzorg", "(wmo OR jeugdzorg)"},
        {"wmo OF jeugdzorg", "(wmo OR jeugdzorg)"},
        {"a b OR c d", "((a AND b) OR (c AND d))"},
        {"fraude AND toeslag", "(fraude AND toeslag)"},
        {"fraude -toeslag", "(fraude AND NOT toeslag)"},
        {"fraude NOT toeslag", "(fraude AND NOT toeslag)"},
        {"-fraude", "NOT fraude"},
        {"-a -b", "(NOT a AND NOT b)"},
        {"NOT NOT a", "NOT NOT a"},
        {"\"slimme camera\" parkeren", "(\"slimme camera\" AND parkeren)"},
        {"\xE2\x80\x9Cslimme camera\xE2\x80\x9D", "\"slimme camera\""}, // curly quotes
        {"financ*", "financ*"},
        {"titel:parkeren", "titel:parkeren"},
        {"TITEL:parkeren", "titel:parkeren"},
        {"titel:\"slimme camera\"", "titel:\"slimme camera\""},
        {"titel:(parkeren OR handhaving)", "(titel:parkeren OR titel:handhaving)"},
        {"organisatie:utrecht fraude", "(organisatie:utrecht AND fraude)"},
        {"status:in_gebruik", "status=in_gebruik"},
        {"thema:\"openbare orde\"", "thema=openbare orde"},
        {"categorie:impactvol camera", "(categorie=impactvol AND camera)"},
        {"(a OR b) c", "((a OR b) AND c)"},
        {"((a))", "a"},
        {"10:30 http://x.nl", "(10:30 AND http://x.nl)"}, // unknown "name:" stays text
        {"of", "of"},                                     // "of" without operands is a word
        {"fraude of", "(fraude AND of)"},
        {"WOZ-waarde", "WOZ-waarde"},
        {"c++", "c++"},
        {"", ""},
        {"   ", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        const auto parsed = parse_query(row.input);
        CHECK_FALSE(parsed.fallback);
        CHECK(described(row.input) == row.expected);
    }
}

TEST_CASE("invalid syntax falls back to plain words and says why") {
    const Row rows[] = {
        {"\"slimme camera", "(slimme AND camera)"},     // unclosed quote
        {"(fraude OR toeslag", "(fraude AND toeslag)"}, // unclosed parenthesis
        {"fraude)", "fraude"},                          // stray closing parenthesis
        {"fraude AND", "fraude"},                       // dangling AND
        {"OR fraude", "fraude"},                        // leading OR
        {"fraude OR", "fraude"},                        // trailing OR
        {"NOT", ""},                                    // NOT alone
        {"AND OR NOT", ""},                             // only operators
        {"titel:", "titel"},                            // field without value
        {"status: )", "status"},                        // field followed by a parenthesis
        {"()", ""},                                     // empty group
        {"a AND AND b", "(a AND b)"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.input);
        const auto parsed = parse_query(row.input);
        CHECK(parsed.fallback);
        CHECK_FALSE(parsed.error.empty());
        CHECK(described(row.input) == row.expected);
    }
}

TEST_CASE("nesting deeper than the limit falls back") {
    std::string deep(20, '(');
    deep += "fraude";
    deep += std::string(20, ')');
    const auto parsed = parse_query(deep);
    CHECK(parsed.fallback);
    CHECK(described(deep) == "fraude");
    CHECK_FALSE(parse_query("((((fraude))))").fallback);
}

TEST_CASE("control characters, NUL and invalid UTF-8 are neutralised; long input is cut") {
    const std::string with_nul("fraude\0toeslag", 14);
    CHECK(parse_query(with_nul).text == "fraude toeslag");
    CHECK(described(with_nul) == "(fraude AND toeslag)");
    CHECK(parse_query("a\x01\x1f\x7f b").text == "a    b");
    const auto invalid = parse_query("caf\xC3 \xFF fraude");
    CHECK(invalid.text == "caf\xEF\xBF\xBD \xEF\xBF\xBD fraude");

    const std::string long_query(10'000, 'a');
    const auto cut = parse_query(long_query);
    CHECK(cut.truncated);
    CHECK(cut.text.size() == algreg::search::max_query_bytes);
    // A multi-byte character at the limit is not split.
    std::string accents;
    while (accents.size() < 2'000) {
        accents += "\xC3\xA9"; // é
    }
    const auto cut_accents = parse_query("x" + accents);
    CHECK(cut_accents.text.size() < algreg::search::max_query_bytes);
    CHECK(cut_accents.text.back() == '\xA9');
}

TEST_CASE("more atoms than the limit are dropped and flagged") {
    std::string many;
    for (int i = 0; i < 100; ++i) {
        many += "w" + std::to_string(i) + " ";
    }
    const auto parsed = parse_query(many);
    CHECK(parsed.too_many_terms);
    REQUIRE(parsed.root);
    CHECK(parsed.root->children.size() == algreg::search::max_query_atoms);
}

TEST_CASE("word offsets point into the searched text") {
    const auto parsed = parse_query("BRP  gezichtsherkening");
    REQUIRE(parsed.root);
    const auto& second = parsed.root->children.at(1);
    CHECK(parsed.text.substr(second.offset, second.text.size()) == "gezichtsherkening");
}

TEST_CASE("sort keys in English and Dutch") {
    CHECK(parse_sort("relevance") == Sort::relevance);
    CHECK(parse_sort("naam") == Sort::name);
    CHECK(parse_sort("newest_registered") == Sort::newest_registered);
    CHECK(parse_sort("gewijzigd") == Sort::last_changed);
    CHECK(parse_sort("organisation") == Sort::organisation);
    CHECK_FALSE(parse_sort("random").has_value());
    for (const auto s : {Sort::relevance, Sort::newest_registered, Sort::last_changed, Sort::name,
                         Sort::organisation}) {
        CHECK(parse_sort(algreg::search::to_string(s)) == s);
    }
}
