// Page URLs (web/page_url.h): the whole page state in the query string, read leniently and
// written back the same way; language prefixes; export links.
#include "web/page_url.h"

#include <doctest/doctest.h>

using namespace algreg::web;
using algreg::search::Sort;

TEST_CASE("page url: reading every parameter") {
    const PageQuery p = parse_page_query({{"q", "parkeren"},
                                          {"status", "in_gebruik"},
                                          {"organisatie", "gemeente-utrecht"},
                                          {"organisatie", "gemeente-delft"},
                                          {"sort", "name"},
                                          {"page", "3"},
                                          {"size", "50"},
                                          {"org_q", "utr"},
                                          {"lang", "en"},
                                          {"onbekend", "x"},
                                          {"thema", ""}});
    CHECK(p.request.text == "parkeren");
    CHECK(p.request.sort == Sort::name);
    CHECK(p.request.page == 3);
    CHECK(p.request.page_size == 50);
    CHECK(p.org_query == "utr");
    CHECK(p.request.filters.size() == 2);
    CHECK(p.request.filters.at("organisatie").size() == 2);
    CHECK(p.request.filters.count("onbekend") == 0);
    CHECK(p.request.filters.count("thema") == 0);
}

TEST_CASE("page url: bad values give the nearest sensible page, never an error") {
    CHECK(parse_page_query({{"page", "abc"}}).request.page == 1);
    CHECK(parse_page_query({{"page", "0"}}).request.page == 1);
    CHECK(parse_page_query({{"page", "-4"}}).request.page == 1);
    CHECK(parse_page_query({{"page", "999999999"}}).request.page == 501);
    CHECK(parse_page_query({{"size", "100000"}}).request.page_size == 100);
    CHECK(parse_page_query({{"size", "0"}}).request.page_size == 1);
    CHECK(parse_page_query({{"sort", "sideways"}}).request.sort == Sort::relevance);
    CHECK(parse_page_query({{"sort", "naam"}}).request.sort == Sort::name);
    // Control characters are no part of a query.
    CHECK(parse_page_query({{"q", std::string("a\0b", 3)}}).request.text == "a b");
}

TEST_CASE("page url: written back in a stable order, defaults left out, round trip") {
    const PageQuery p = parse_page_query({{"page", "2"},
                                          {"status", "in_gebruik"},
                                          {"q", "fraude & \"toeslag\""},
                                          {"organisatie", "gemeente-utrecht"}});
    const std::string qs = query_string(p.request);
    CHECK(qs == "?q=fraude%20%26%20%22toeslag%22&organisatie=gemeente-utrecht&status=in_gebruik"
                "&page=2");
    CHECK(query_string(algreg::search::SearchRequest{}).empty());
    CHECK(page_url(Lang::en, "/", p.request) == "/en/" + qs);
    CHECK(page_url(Lang::nl, "/organisatie/x", {}) == "/organisatie/x");
    // Reading what was written gives the same request.
    QueryParams back;
    std::string rest = qs.substr(1);
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const std::string pair = rest.substr(0, amp);
        rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
        const auto eq = pair.find('=');
        std::string value = pair.substr(eq + 1), decoded;
        for (std::size_t i = 0; i < value.size(); ++i) {
            if (value[i] == '%') {
                decoded += static_cast<char>(std::stoi(value.substr(i + 1, 2), nullptr, 16));
                i += 2;
            } else {
                decoded += value[i];
            }
        }
        back.emplace_back(pair.substr(0, eq), decoded);
    }
    CHECK(parse_page_query(back).request == p.request);
}

TEST_CASE("page url: filter links go back to page 1") {
    PageQuery p = parse_page_query({{"status", "in_gebruik"}, {"page", "4"}});
    const auto added = with_filter_toggled(p.request, "thema", "verkeer");
    CHECK(added.page == 1);
    CHECK(added.filters.at("thema").count("verkeer") == 1);
    const auto removed = with_filter_toggled(p.request, "status", "in_gebruik");
    CHECK(removed.filters.empty());
    CHECK_FALSE(has_filters(removed));
    CHECK(has_filters(p.request));
    CHECK(without_filters(p.request).filters.empty());
    CHECK(with_page(p.request, 7).page == 7);
}

TEST_CASE("page url: export links carry the search, never the page") {
    PageQuery p = parse_page_query({{"q", "camera"},
                                    {"status", "in_gebruik"},
                                    {"page", "3"},
                                    {"size", "50"},
                                    {"sort", "name"}});
    CHECK(export_url("csv", p.request) ==
          "/api/v1/export.csv?q=camera&status=in_gebruik&sort=name");
    CHECK(export_url("json", p.request).starts_with("/api/v1/export.json?q=camera"));
}

TEST_CASE("page url: languages") {
    CHECK(localised_path(Lang::nl, "/") == "/");
    CHECK(localised_path(Lang::en, "/") == "/en/");
    CHECK(localised_path(Lang::en, "/statistieken") == "/en/statistieken");
    CHECK(split_lang("/en/statistieken") == std::pair{Lang::en, std::string("/statistieken")});
    CHECK(split_lang("/en") == std::pair{Lang::en, std::string("/")});
    CHECK(split_lang("/en/") == std::pair{Lang::en, std::string("/")});
    CHECK(split_lang("/algoritme/1") == std::pair{Lang::nl, std::string("/algoritme/1")});
    CHECK(split_lang("/entree") == std::pair{Lang::nl, std::string("/entree")});
}
