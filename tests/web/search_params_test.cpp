// URL parameters -> SearchRequest: every field, filters, bounds, and errors that name the
// parameter.
#include "search/errors.h"
#include "web/search_params.h"

#include <doctest/doctest.h>

using namespace algreg::web;
using algreg::search::BadRequest;

namespace {
std::string bad_parameter(const Params& p, ParamSet set = ParamSet::search) {
    try {
        (void)parse_search_params(p, set);
    } catch (const BadRequest& e) {
        return e.parameter();
    }
    return "accepted";
}
} // namespace

TEST_CASE("search parameters: every field") {
    const auto r = parse_search_params({{"q", "parkeren"},
                                        {"page", "3"},
                                        {"size", "50"},
                                        {"sort", "name"},
                                        {"facets", "off"},
                                        {"facet_limit", "0"},
                                        {"snippets", "false"},
                                        {"spelling", "0"},
                                        {"status", "in_gebruik"},
                                        {"organisatie", "gemeente-utrecht"},
                                        {"organisatie", "gemeente-delft"},
                                        {"thema", ""},
                                        {"_", "12345"}});
    CHECK(r.text == "parkeren");
    CHECK(r.page == 3);
    CHECK(r.page_size == 50);
    CHECK(r.sort == algreg::search::Sort::name);
    CHECK_FALSE(r.facets);
    CHECK(r.facet_limit == 0);
    CHECK_FALSE(r.snippets);
    CHECK_FALSE(r.spelling);
    CHECK(r.filters.at("status") == std::set<std::string>{"in_gebruik"});
    CHECK(r.filters.at("organisatie") ==
          std::set<std::string>{"gemeente-delft", "gemeente-utrecht"});
    CHECK_FALSE(r.filters.contains("thema")); // empty value: no filter
    CHECK(parse_search_params({}) == algreg::search::SearchRequest{});
    CHECK(parse_search_params({{"page_size", "7"}}).page_size == 7);
}

TEST_CASE("search parameters: bounds and errors name the parameter") {
    CHECK(bad_parameter({{"page", "0"}}) == "page");
    CHECK(bad_parameter({{"page", "-1"}}) == "page");
    CHECK(bad_parameter({{"page", "2x"}}) == "page");
    CHECK(bad_parameter({{"page", "99999999999999999999999"}}) == "page");
    CHECK(bad_parameter({{"page", "1000000"}}) == "page");
    CHECK(bad_parameter({{"page", "502"}, {"size", "20"}}) == "page"); // 10,020 > max_offset
    CHECK(bad_parameter({{"page", "501"}, {"size", "20"}}) == "accepted");
    CHECK(bad_parameter({{"size", "101"}}) == "size");
    CHECK(bad_parameter({{"size", "0"}}) == "size");
    CHECK(bad_parameter({{"sort", "random"}}) == "sort");
    CHECK(bad_parameter({{"facets", "maybe"}}) == "facets");
    CHECK(bad_parameter({{"q", std::string(1001, 'a')}}) == "q");
    CHECK(bad_parameter({{"q", "\xff\xfe"}}) == "q");
    CHECK(bad_parameter({{"status", "in\xc0\xafgebruik"}}) == "status");
    CHECK(bad_parameter({{"colour", "red"}}) == "colour");
    CHECK(bad_parameter({{"page", "2"}}, ParamSet::export_) == "page");
    CHECK(bad_parameter({{"q", "x"}, {"status", "y"}}, ParamSet::export_) == "accepted");
}

TEST_CASE("UTF-8 validation") {
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("Financiële ĳ €  😀"));
    CHECK_FALSE(valid_utf8("\xc3"));             // cut short
    CHECK_FALSE(valid_utf8("\xc0\xaf"));         // overlong
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));     // surrogate
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80")); // above U+10FFFF
    CHECK_FALSE(valid_utf8("\x80"));
}
