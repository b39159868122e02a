// Charts drawn on the server as SVG: horizontal bars, optionally stacked. Each chart is a
// <figure> with an SVG that has <title> and <desc> (role="img"), a legend in HTML, and the same
// numbers as a data table, so it reads without sight and without the picture. Colours come
// from CSS classes (s0, s1, ...): no inline style, so a strict CSP holds.
#pragma once

#include "web/page_text.h"

#include <cstddef>
#include <string>
#include <vector>

namespace algreg::web {

struct ChartRow {
    std::string label;
    std::vector<std::size_t> values; ///< one per series
    [[nodiscard]] std::size_t total() const;
};

struct Chart {
    std::string id;                  ///< element id prefix, [a-z0-9-]
    std::string title;               ///< plain text
    std::string description;         ///< plain text: what the chart shows
    std::vector<std::string> series; ///< series names (legend, table columns)
    /// CSS class per series ("done", "not-done", "unknown", "bar"); "s<i>" when empty.
    std::vector<std::string> series_classes;
    std::vector<ChartRow> rows;
    bool percent = false;   ///< stacked to 100 % per row (counts stay in the table)
    std::string row_header; ///< the table's first column header
};

/// The <figure> for `chart`. All text is escaped. A chart with fewer than two rows that hold
/// data draws no picture (one bar says nothing a sentence cannot): a sentence names the one
/// row and its total, or says there is no data; the data table stays.
[[nodiscard]] std::string render_chart(const Chart& chart, Lang lang);

} // namespace algreg::web
