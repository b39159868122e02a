// The state of the "Wijzigingen" page in its URL, and the Atom feed URL of a search. Like
// page_url.h, reading is lenient (a page never answers 400: a bad date is ignored with a
// notice, a bad number gives the nearest sensible page) and writing uses one stable order
// without defaults, so every view is a shareable GET URL.
//
//   /wijzigingen   q, <facet>=value (repeatable), org_q as on the search page, plus
//                  since, until (YYYY-MM-DD, inclusive), kind=toegevoegd|gewijzigd|verwijderd
//                  (repeatable; none = all), page, size
//   feed           /api/v1/changes.atom?q=…&<facet>=…&kind=… (the API's own parameters)
#pragma once

#include "search/changes.h"
#include "web/page_text.h"
#include "web/page_url.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace algreg::web {

/// What a changes page URL asks for.
struct ChangesQuery {
    search::ChangesRequest request;
    std::string org_query; ///< org_q, as on the search page
    /// (parameter, value) of dates that were not a valid YYYY-MM-DD and were ignored.
    std::vector<std::pair<std::string, std::string>> bad_dates;
    bool dates_swapped = false; ///< since was after until: they were swapped
    bool operator==(const ChangesQuery&) const = default;
};

/// Reads the parameters above; the search part as parse_page_query() does (its page and size
/// are the changes page's: size is clamped to 1..search::max_changes_page_size).
[[nodiscard]] ChangesQuery parse_changes_query(const QueryParams& params);

/// The query string ("?…" or "") of a changes page: q, filters in schema order, since, until,
/// kinds, size, page, org_q.
[[nodiscard]] std::string changes_query_string(const search::ChangesRequest& request,
                                               std::string_view org_query = {});

/// localised_path(lang, "/wijzigingen") + changes_query_string(request, org_query).
[[nodiscard]] std::string changes_page_url(Lang lang, const search::ChangesRequest& request,
                                           std::string_view org_query = {});

/// The Atom feed of the changes matching `search`'s text and filters (never its sort or page)
/// and `kinds`: "/api/v1/changes.atom?…". The feed follows the register, so it has no dates.
[[nodiscard]] std::string feed_url(const search::SearchRequest& search,
                                   const std::vector<search::ChangeKind>& kinds = {});

} // namespace algreg::web
