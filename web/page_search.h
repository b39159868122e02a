// The search page (home) and the pieces the organisation and entry pages share with it: the
// filter sidebar, active filter chips, result cards, pagination. Everything works with plain
// GET forms and links; app.js only makes it quicker.
#pragma once

#include "search/result.h"
#include "web/page_layout.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace algreg::web {

/// What a search page shows.
struct SearchView {
    search::SearchRequest request; ///< as in the URL: the state links are built from
    search::SearchResult result;   ///< the search run for it
    std::string org_query;         ///< the organisation list's search text (org_q)
    /// Organisation facet values matching org_query, with counts (facet_values); used instead of
    /// the top organisations when org_query is not empty.
    std::vector<search::FacetCount> org_matches;
    std::string path = "/"; ///< the page's language-neutral path: "/" or "/organisatie/<slug>"
    /// Filters the page itself applies (the organisation page: organisatie=<slug>): searched
    /// and exported, but not offered in the sidebar, not shown as chips and not in page URLs.
    std::map<std::string, std::set<std::string>> fixed_filters;
    /// Show the number of entries next to each filter value. Off where those counts are not
    /// what the page lists (the changes page lists events, the counts are of entries now).
    bool facet_counts = true;
    /// Parameters of the page beyond the search ("since=…&kind=…", encoded, without '?') that
    /// the sidebar's own links keep.
    std::string kept_params;
    /// YYYY-MM-DD (valid) when the page shows the register as it was at the end of that day
    /// (as_of=): a notice says so, links, the form and the export keep it, and cards of entries
    /// removed since carry the date of their removal.
    std::string as_of;
    /// The days of the history (YYYY-MM-DD, first and newest revision) when the server can show
    /// the register of a past day: the page then has a date field "Het register op datum".
    /// Both "" otherwise (no date field).
    std::string history_begins;
    std::string history_ends;
    /// as_of lies before history_begins: nothing is known of that day, and the page says where
    /// the history begins instead of "0 algoritmes gevonden" (the search is not run).
    [[nodiscard]] bool as_of_before_history() const {
        return !as_of.empty() && !history_begins.empty() && as_of < history_begins;
    }
};

/// Organisations listed in the sidebar before the user searches the list.
inline constexpr std::size_t sidebar_organisations = 12;

/// The complete search page.
[[nodiscard]] std::string render_search_page(const SearchView& view, const PageOptions& options);

/// The search form with sidebar, results and pagination (without <h1>): `search_label` labels
/// the query box.
[[nodiscard]] std::string render_search_layout(const SearchView& view, const PageOptions& options,
                                               std::string_view search_label);

/// The filter sidebar (facets, organisation list, apply button): a <section> for inside a GET
/// form whose action is view.path. The changes page uses it too.
[[nodiscard]] std::string render_filter_sidebar(const SearchView& view, Lang lang);

/// Result cards as an ordered list; headings at `heading_level` (2..6).
[[nodiscard]] std::string render_hits(const std::vector<search::Hit>& hits, Lang lang,
                                      int heading_level, std::size_t first_rank);

/// ` lang="nl"` on English pages (the register's texts are Dutch), else "".
[[nodiscard]] std::string data_lang(Lang lang);

/// The display label of an assessment state slug or label ("uitgevoerd", "niet-uitgevoerd",
/// "niet uitgevoerd", "onbekend") in `lang`.
[[nodiscard]] std::string state_label(Lang lang, std::string_view state);

/// CSS class suffix of a state: "done", "not-done", "unknown".
[[nodiscard]] std::string_view state_class(std::string_view state);

} // namespace algreg::web
