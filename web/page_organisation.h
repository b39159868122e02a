// The organisation page: one organisation's entries with the facet counts of just those
// entries, searchable and filterable like the search page (the organisation filter is fixed).
#pragma once

#include "web/page_search.h"

#include <string>

namespace algreg::web {

struct OrganisationView {
    std::string slug;     ///< the organisatie facet value
    std::string name;     ///< display name ("Gemeente Utrecht")
    std::string type_key; ///< organisation type key, "" when unknown
    /// The ministry it falls under (ministerie facet): its value and name; "" for none and for
    /// a ministry itself.
    std::string ministry_slug;
    std::string ministry_name;
    /// The search within the organisation: view.request as in the URL (without the
    /// organisation), view.fixed_filters = {organisatie: {slug}}, view.path = its path.
    SearchView search;
};

/// Builds the SearchView skeleton for organisation `slug` from the page's URL state: sets path
/// and fixed_filters. The caller runs search_request(view) and fills result and the name.
[[nodiscard]] OrganisationView organisation_view(const std::string& slug, SearchView search);

/// The request to search for a SearchView: its request plus its fixed filters.
[[nodiscard]] search::SearchRequest search_request(const SearchView& view);

/// The complete organisation page.
[[nodiscard]] std::string render_organisation_page(const OrganisationView& view,
                                                   const PageOptions& options);

} // namespace algreg::web
