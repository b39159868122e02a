#include "web/html_chart.h"

#include "web/html_builder.h"

#include <algorithm>
#include <cmath>

namespace algreg::web {

namespace {

constexpr int view_width = 720;
constexpr int label_width = 270;
constexpr int value_width = 80;
constexpr int bar_area = view_width - label_width - value_width;
constexpr int row_height = 30;
constexpr int bar_height = 20;
constexpr int top = 6;
constexpr std::size_t max_label_chars = 30;

std::string fixed(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", v);
    return buffer;
}

/// Cuts `text` to at most `n` characters (UTF-8 aware), with an ellipsis.
std::string shorten(const std::string& text, std::size_t n) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == n) {
                std::string cut = text.substr(0, i);
                while (!cut.empty() && cut.back() == ' ') {
                    cut.pop_back();
                }
                return cut + "…";
            }
            ++chars;
        }
    }
    return text;
}

std::string percent_text(std::size_t part, std::size_t whole, Lang lang) {
    if (whole == 0) {
        return "0 %";
    }
    const double p = 100.0 * static_cast<double>(part) / static_cast<double>(whole);
    (void)lang;
    if (p > 0 && p < 1) {
        return "<1 %";
    }
    return std::to_string(std::lround(p)) + " %";
}

/// The chart's numbers as a table in a <details>.
std::string data_table(const Chart& c, Lang lang) {
    const std::size_t series = c.series.size();
    std::string h;
    h += "<details class=\"chart-table\"><summary>" + esc(ui(lang, Ui::chart_table)) +
         "</summary><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
         esc(ui(lang, Ui::chart_table)) + ": " + esc(c.title) +
         "\"><table class=\"data-table\"><caption>" + esc(c.title) +
         "</caption><thead><tr><th scope=\"col\">" + esc(c.row_header) + "</th>";
    if (series > 1) {
        for (const auto& s : c.series) {
            h += "<th scope=\"col\" class=\"num\">" + esc(s) + "</th>";
        }
    }
    h += "<th scope=\"col\" class=\"num\">" +
         esc(ui(lang, series > 1 ? Ui::chart_total : Ui::chart_entries)) +
         "</th></tr></thead><tbody>";
    for (const auto& row : c.rows) {
        const std::size_t total = row.total();
        h += "<tr><th scope=\"row\">" + esc(row.label) + "</th>";
        if (series > 1) {
            for (std::size_t i = 0; i < series; ++i) {
                const std::size_t v = i < row.values.size() ? row.values[i] : 0;
                h += "<td class=\"num\">" + format_count(v, lang);
                if (c.percent) {
                    h += " <span class=\"muted\">(" + percent_text(v, total, lang) + ")</span>";
                }
                h += "</td>";
            }
        }
        h += "<td class=\"num\">" + format_count(total, lang) + "</td></tr>";
    }
    h += "</tbody></table></div></details>";
    return h;
}

} // namespace

std::size_t ChartRow::total() const {
    std::size_t t = 0;
    for (const auto v : values) {
        t += v;
    }
    return t;
}

std::string render_chart(const Chart& c, Lang lang) {
    const std::size_t series = c.series.size();
    auto cls = [&](std::size_t i) {
        return i < c.series_classes.size() && !c.series_classes[i].empty()
                   ? c.series_classes[i]
                   : "s" + std::to_string(i);
    };
    std::size_t max_total = 1;
    for (const auto& r : c.rows) {
        max_total = std::max(max_total, r.total());
    }
    const int height = top * 2 + static_cast<int>(c.rows.size()) * row_height;
    const std::string title_id = c.id + "-title";
    const std::string desc_id = c.id + "-desc";

    std::string h =
        "<figure class=\"chart\" id=\"" + c.id + "\" aria-labelledby=\"" + c.id + "-caption\">";
    h += "<figcaption id=\"" + c.id + "-caption\"><h2>" + esc(c.title) + "</h2></figcaption>";
    const auto with_data = std::count_if(c.rows.begin(), c.rows.end(),
                                         [](const ChartRow& r) { return r.total() > 0; });
    if (with_data < 2) {
        const auto row = std::find_if(c.rows.begin(), c.rows.end(),
                                      [](const ChartRow& r) { return r.total() > 0; });
        h += "<p class=\"chart-sentence\">" +
             esc(row == c.rows.end() ? std::string(ui(lang, Ui::chart_no_data))
                                     : ui(lang, Ui::chart_single_row,
                                          {format_count(row->total(), lang), row->label})) +
             "</p>";
        if (row == c.rows.end()) {
            return h + "</figure>";
        }
        return h + data_table(c, lang) + "</figure>";
    }
    // Scrolls sideways on a phone: focusable and named, so keyboards can scroll it too.
    h += "<div class=\"chart-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"" + c.id +
         "-caption\"><svg class=\"chart-svg\" viewBox=\"0 0 " + std::to_string(view_width) + " " +
         std::to_string(height) + "\" width=\"" + std::to_string(view_width) + "\" height=\"" +
         std::to_string(height) + "\" role=\"img\" aria-labelledby=\"" + title_id + " " + desc_id +
         "\" focusable=\"false\">";
    h += "<title id=\"" + title_id + "\">" + esc(c.title) + "</title>";
    h += "<desc id=\"" + desc_id + "\">" + esc(c.description) + "</desc>";
    int y = top;
    for (const auto& row : c.rows) {
        const std::size_t total = row.total();
        const int text_y = y + bar_height / 2 + 5;
        h += "<g class=\"chart-row\">";
        h += "<text class=\"chart-label\" x=\"" + std::to_string(label_width - 8) + "\" y=\"" +
             std::to_string(text_y) + "\" text-anchor=\"end\">" +
             esc(shorten(row.label, max_label_chars)) + "</text>";
        const double scale =
            c.percent
                ? (total == 0 ? 0.0 : static_cast<double>(bar_area) / static_cast<double>(total))
                : static_cast<double>(bar_area) / static_cast<double>(max_total);
        double x = label_width;
        for (std::size_t i = 0; i < series && i < row.values.size(); ++i) {
            const double w = static_cast<double>(row.values[i]) * scale;
            if (row.values[i] > 0) {
                // At least a sliver, so that a small non-zero value stays visible.
                const double drawn = std::max(w, 2.0);
                h += "<rect class=\"" + cls(i) + "\" x=\"" + fixed(x) + "\" y=\"" +
                     std::to_string(y) + "\" width=\"" + fixed(drawn) + "\" height=\"" +
                     std::to_string(bar_height) + "\"><title>" + esc(row.label) + ", " +
                     esc(c.series[i]) + ": " + format_count(row.values[i], lang) +
                     "</title></rect>";
            }
            x += w;
        }
        const double end = c.percent ? label_width + bar_area : x;
        h += "<text class=\"chart-value\" x=\"" + fixed(end + 6) + "\" y=\"" +
             std::to_string(text_y) + "\">" + format_count(total, lang) + "</text>";
        h += "</g>";
        y += row_height;
    }
    h += "</svg></div>";
    if (series > 1) {
        h += "<ul class=\"legend\">";
        for (std::size_t i = 0; i < series; ++i) {
            h += "<li><span class=\"swatch " + cls(i) + "\" aria-hidden=\"true\"></span>" +
                 esc(c.series[i]) + "</li>";
        }
        h += "</ul>";
    }
    h += data_table(c, lang) + "</figure>";
    return h;
}

} // namespace algreg::web
