// The state of a page lives in its URL: this reads it (leniently: a page never answers 400 for
// a bad page number or an unknown parameter, it shows the closest sensible page) and writes it
// back as links, so every view can be shared, bookmarked and used without JavaScript.
//
// Page URLs (Dutch at the root, English under /en):
//   /                      search: q, <facet>=value (repeatable), sort, page, size, org_q
//   /algoritme/{id}        one entry
//   /organisatie/{slug}    one organisation's entries: q, filters, sort, page (as search)
//   /statistieken          charts
//   /en/...                the same pages with an English interface
#pragma once

#include "search/query.h"
#include "web/page_text.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace algreg::web {

/// Query parameters (decoded), in arrival order.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

/// What a search page URL asks for.
struct PageQuery {
    search::SearchRequest request;
    std::string org_query; ///< org_q: text to find in the organisation filter list
    bool operator==(const PageQuery&) const = default;
};

/// Reads q, the facet filters (names of schema.h facets), sort, page, size and org_q. Unknown
/// parameters, unknown facets, empty values and bad numbers are ignored; sizes are clamped to
/// 1..search::max_page_size and pages to the deepest page the searcher serves.
[[nodiscard]] PageQuery parse_page_query(const QueryParams& params);

/// `path` ("/", "/algoritme/123") in `lang`: unchanged for Dutch, under "/en" for English.
[[nodiscard]] std::string localised_path(Lang lang, std::string_view path);

/// The language and the language-neutral path of a request path: "/en/statistieken" ->
/// {en, "/statistieken"}, "/en" -> {en, "/"}, "/algoritme/1" -> {nl, "/algoritme/1"}.
[[nodiscard]] std::pair<Lang, std::string> split_lang(std::string_view path);

/// The query string (with leading '?', or "" when nothing differs from the defaults) for
/// `request`: q, filters in schema order, sort, size, page. `org_query` is added when given.
[[nodiscard]] std::string query_string(const search::SearchRequest& request,
                                       std::string_view org_query = {});

/// localised_path(lang, path) + query_string(request).
[[nodiscard]] std::string page_url(Lang lang, std::string_view path,
                                   const search::SearchRequest& request,
                                   std::string_view org_query = {});

/// The API export URL (format "csv" or "json") for every match of `request`: q, filters and
/// sort; never page or size (the export has all matches).
[[nodiscard]] std::string export_url(std::string_view format, const search::SearchRequest& request);

/// Copies of `request` for links. All go back to page 1 except with_page.
[[nodiscard]] search::SearchRequest with_filter_toggled(search::SearchRequest request,
                                                        const std::string& facet,
                                                        const std::string& value);
[[nodiscard]] search::SearchRequest without_filters(search::SearchRequest request);
[[nodiscard]] search::SearchRequest with_page(search::SearchRequest request, std::size_t page);

/// True when the request filters on anything.
[[nodiscard]] bool has_filters(const search::SearchRequest& request);

} // namespace algreg::web
