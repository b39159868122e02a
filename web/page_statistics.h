// The statistics page: the register in charts drawn on the server (html_chart.h): entries per
// organisation type, per ministry and per status, entries over time (per year of registration
// by status, from the register's own dates; per month from the history: in the register, new,
// changed, removed), DPIA and IAMA state per organisation type and per publication category,
// and the listing's impact-assessment flag per organisation type.
#pragma once

#include "search/history.h"
#include "search/result.h"
#include "web/html_chart.h"
#include "web/page_layout.h"

#include <functional>
#include <string>
#include <vector>

namespace algreg::web {

struct Statistics {
    std::size_t total = 0;
    std::vector<Chart> charts;
};

/// Runs a search (a pooled Searcher in the server; anything in tests).
using SearchFunction = std::function<search::SearchResult(const search::SearchRequest&)>;

/// A search that only counts: one hit, no snippets, spelling or facets; the caller adds filters.
[[nodiscard]] search::SearchRequest counting_request();

/// The history's revisions, newest first (search::ChangesPage::revisions); empty without one.
using HistoryFunction = std::function<std::vector<search::RevisionSummary>()>;

/// Builds the charts from facet counts: one search over everything, one per status, one per
/// assessment state of DPIA and IAMA, one per listing impact-assessment value (14 searches,
/// each without hits), and with `history` the charts per month.
[[nodiscard]] Statistics build_statistics(const SearchFunction& search, Lang lang,
                                          const HistoryFunction& history = {});

/// The complete statistics page.
[[nodiscard]] std::string render_statistics_page(const Statistics& statistics,
                                                 const PageOptions& options);

} // namespace algreg::web
