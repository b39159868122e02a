// The "Wijzigingen" page (/wijzigingen, /en/wijzigingen): what was added to, changed in and
// removed from the register, per revision day, newest first, with a per-field difference table
// for each change; filterable like the search page (text, facets, organisation list) plus a
// period (since, until) and the kinds of change; an Atom feed for the same filters.
#pragma once

#include "search/changes.h"
#include "web/changes_url.h"
#include "web/page_layout.h"
#include "web/page_search.h"

#include <string>

namespace algreg::web {

/// What a changes page shows.
struct ChangesView {
    ChangesQuery query;       ///< as in the URL: the state links are built from
    search::ChangesPage page; ///< Searcher::changes(query.request)
    /// The filter sidebar: request = query.request.search with a search run for its facet
    /// values (changes_filter_view() prepares it; the caller fills result and org_matches).
    SearchView filters;
    /// The server can show the register of a past day: each day links to the search page
    /// with as_of=that day.
    bool as_of_links = false;
};

/// The sidebar's SearchView for `query`: path "/wijzigingen", no counts (they count entries,
/// the page lists events), the period and kinds kept in its links.
[[nodiscard]] SearchView changes_filter_view(const ChangesQuery& query);

/// The complete page. Everything from the data is escaped; HTML fields are shown as text.
[[nodiscard]] std::string render_changes_page(const ChangesView& view, const PageOptions& options);

} // namespace algreg::web
