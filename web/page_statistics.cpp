#include "web/page_statistics.h"

#include "search/assessment_vocabulary.h"
#include "search/facet_labels.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_search.h"
#include "web/page_url.h"

#include <algorithm>
#include <array>
#include <map>

namespace algreg::web {

namespace {

using search::FacetResult;
using search::SearchRequest;
using search::SearchResult;

const FacetResult* facet_of(const SearchResult& r, std::string_view name) {
    for (const auto& f : r.facets) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

/// value -> count of facet `name` in `r`.
std::map<std::string, std::size_t> counts_of(const SearchResult& r, std::string_view name) {
    std::map<std::string, std::size_t> out;
    if (const auto* f = facet_of(r, name)) {
        for (const auto& v : f->values) {
            out[v.value] = v.count;
        }
    }
    return out;
}

struct Bucket {
    std::string value;
    std::string label;
};

/// The values of facet `name` in `r`, most frequent first, with display labels.
std::vector<Bucket> buckets_of(const SearchResult& r, std::string_view name, Lang lang) {
    std::vector<Bucket> out;
    if (const auto* f = facet_of(r, name)) {
        std::vector<search::FacetCount> values = f->values;
        std::stable_sort(values.begin(), values.end(),
                         [](const auto& a, const auto& b) { return a.count > b.count; });
        for (const auto& v : values) {
            std::string label = name == search::facet::organisation_type.name
                                    ? search::organisation_type_label(v.value)
                                    : v.label;
            if (v.value == "onbekend") {
                label = "Onbekend";
            }
            out.push_back({v.value, value_label(lang, name, v.value, label)});
        }
    }
    return out;
}

Chart simple_chart(const SearchResult& all, std::string_view facet, std::string id, Ui title,
                   Ui description, Lang lang) {
    Chart c;
    c.id = std::move(id);
    c.title = std::string(ui(lang, title));
    c.description = std::string(ui(lang, description));
    c.series = {std::string(ui(lang, Ui::chart_entries))};
    c.series_classes = {"bar"};
    c.row_header = facet_label(lang, facet);
    const auto counts = counts_of(all, facet);
    for (const auto& b : buckets_of(all, facet, lang)) {
        c.rows.push_back({b.label, {counts.at(b.value)}});
    }
    return c;
}

/// A stacked chart: rows = the buckets of `row_facet` in `all`, series = one search each.
/// With `rest_label`, entries without a value of row_facet get a row of their own.
Chart stacked_chart(const SearchResult& all, std::string_view row_facet,
                    const std::vector<std::pair<std::string, const SearchResult*>>& series,
                    std::vector<std::string> classes, std::string id, std::string title,
                    Ui description, Lang lang, const std::string& rest_label) {
    Chart c;
    c.id = std::move(id);
    c.title = std::move(title);
    c.description = std::string(ui(lang, description));
    c.series_classes = std::move(classes);
    c.percent = true;
    c.row_header = facet_label(lang, row_facet);
    for (const auto& [name, result] : series) {
        (void)result;
        c.series.push_back(name);
    }
    const auto rows = buckets_of(all, row_facet, lang);
    for (const auto& b : rows) {
        ChartRow row{b.label, {}};
        for (const auto& [name, result] : series) {
            const auto counts = counts_of(*result, row_facet);
            const auto it = counts.find(b.value);
            row.values.push_back(it == counts.end() ? 0 : it->second);
        }
        c.rows.push_back(std::move(row));
    }
    if (!rest_label.empty()) {
        ChartRow rest{rest_label, {}};
        for (const auto& [name, result] : series) {
            std::size_t counted = 0;
            for (const auto& [value, count] : counts_of(*result, row_facet)) {
                counted += count;
            }
            rest.values.push_back(result->total > counted ? result->total - counted : 0);
        }
        if (rest.total() > 0) {
            c.rows.push_back(std::move(rest));
        }
    }
    return c;
}

/// Entries per year of registration (the register's own date of an entry's current version,
/// facet jaar), stacked by status: when what is in the register was registered, and how much
/// of it is in use. Years in order.
Chart per_year_chart(const SearchResult& all, const SearchFunction& search, Lang lang) {
    constexpr std::array<std::string_view, 4> statuses{"in_gebruik", "ontwikkeling",
                                                       "buiten_gebruik", "onbekend"};
    std::vector<SearchResult> results;
    for (const auto status : statuses) {
        SearchRequest r = counting_request();
        r.filters[std::string(search::facet::status.name)] = {std::string(status)};
        results.push_back(search(r));
    }
    std::vector<std::pair<std::string, const SearchResult*>> series;
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        std::string label = search::generic_label(statuses[i]);
        if (const auto* f = facet_of(all, search::facet::status.name)) {
            for (const auto& v : f->values) {
                if (v.value == statuses[i]) {
                    label = value_label(lang, search::facet::status.name, v.value, v.label);
                }
            }
        }
        series.emplace_back(std::move(label), &results[i]);
    }
    Chart c = stacked_chart(
        all, search::facet::year.name, series, {"done", "bar", "not-done", "unknown"}, "per-year",
        std::string(ui(lang, Ui::chart_per_year)), Ui::chart_per_year_desc, lang, "");
    c.percent = false;
    std::sort(c.rows.begin(), c.rows.end(),
              [](const ChartRow& a, const ChartRow& b) { return a.label < b.label; });
    return c;
}

/// From the history, per month: the entries in the register at the month's last revision, and
/// the new, changed and removed entries (the first load is the baseline, not "new").
std::vector<Chart> history_charts(const std::vector<search::RevisionSummary>& newest_first,
                                  Lang lang) {
    struct Month {
        std::string label;
        std::size_t entries = 0;
        std::size_t added = 0;
        std::size_t changed = 0;
        std::size_t removed = 0;
    };
    std::map<std::string, Month> months; // "YYYY-MM"
    for (auto it = newest_first.rbegin(); it != newest_first.rend(); ++it) {
        if (it->date.size() < 7) {
            continue;
        }
        Month& m = months[it->date.substr(0, 7)];
        m.label = format_date(it->date.substr(0, 7), lang); // "mei 2026"
        m.entries = it->entries; // oldest first: the month's last revision wins
        if (!it->baseline) {
            m.added += it->added;
            m.changed += it->changed;
            m.removed += it->removed;
        }
    }
    Chart in_register;
    in_register.id = "register-per-month";
    in_register.title = std::string(ui(lang, Ui::chart_register_per_month));
    in_register.description = std::string(ui(lang, Ui::chart_register_per_month_desc));
    in_register.series = {std::string(ui(lang, Ui::chart_entries))};
    in_register.series_classes = {"bar"};
    in_register.row_header = std::string(ui(lang, Ui::chart_month));
    Chart changes;
    changes.id = "changes-per-month";
    changes.title = std::string(ui(lang, Ui::chart_changes_per_month));
    changes.description = std::string(ui(lang, Ui::chart_changes_per_month_desc));
    changes.series = {search::generic_label(ui(lang, Ui::kind_added)),
                      search::generic_label(ui(lang, Ui::kind_changed)),
                      search::generic_label(ui(lang, Ui::kind_removed))};
    changes.series_classes = {"done", "bar", "not-done"};
    changes.row_header = in_register.row_header;
    for (const auto& [key, m] : months) {
        in_register.rows.push_back({m.label, {m.entries}});
        changes.rows.push_back({m.label, {m.added, m.changed, m.removed}});
    }
    return {std::move(in_register), std::move(changes)};
}

} // namespace

Statistics build_statistics(const SearchFunction& search, Lang lang,
                            const HistoryFunction& history) {
    Statistics s;
    const SearchResult all = search(counting_request());
    s.total = all.total;

    s.charts.push_back(simple_chart(all, search::facet::organisation_type.name, "per-type",
                                    Ui::chart_org_type, Ui::chart_org_type_desc, lang));
    s.charts.push_back(simple_chart(all, search::facet::ministry.name, "per-ministry",
                                    Ui::chart_ministry, Ui::chart_ministry_desc, lang));
    s.charts.push_back(simple_chart(all, search::facet::status.name, "per-status", Ui::chart_status,
                                    Ui::chart_status_desc, lang));
    s.charts.push_back(per_year_chart(all, search, lang));
    if (history) {
        for (auto& chart : history_charts(history(), lang)) {
            s.charts.push_back(std::move(chart));
        }
    }

    std::vector<std::string> state_classes;
    for (const auto& state : search::assessment_states) {
        state_classes.emplace_back(state.css);
    }
    struct Type {
        std::string_view slug;
        std::string_view name;
        Ui per_type;
        Ui per_category;
    };
    constexpr std::array<Type, 2> types{{
        {"dpia", "DPIA", Ui::chart_dpia_org_type, Ui::chart_dpia_category},
        {"iama", "IAMA", Ui::chart_iama_org_type, Ui::chart_iama_category},
    }};
    for (const auto& type : types) {
        std::vector<SearchResult> results;
        for (const auto& state : search::assessment_states) {
            SearchRequest r = counting_request();
            r.filters[std::string(search::facet::assessment.name)] = {
                search::assessment_value(type.name, state.state)};
            results.push_back(search(r));
        }
        std::vector<std::pair<std::string, const SearchResult*>> series;
        for (std::size_t i = 0; i < search::assessment_states.size(); ++i) {
            series.emplace_back(std::string(type.name) + " " +
                                    std::string(search::state_label(
                                        search::assessment_states[i].state, text_language(lang))),
                                &results[i]);
        }
        s.charts.push_back(stacked_chart(all, search::facet::organisation_type.name, series,
                                         state_classes, std::string(type.slug) + "-per-type",
                                         std::string(ui(lang, type.per_type)),
                                         Ui::chart_assessment_desc, lang, ""));
        s.charts.push_back(stacked_chart(
            all, search::facet::category.name, series, state_classes,
            std::string(type.slug) + "-per-category", std::string(ui(lang, type.per_category)),
            Ui::chart_assessment_desc, lang, std::string(ui(lang, Ui::chart_no_category))));
    }

    constexpr std::array<std::pair<std::string_view, Ui>, 3> listing{
        {{"ja", Ui::value_yes}, {"nee", Ui::value_no}, {"onbekend", Ui::value_unknown}}};
    std::vector<SearchResult> listing_results;
    for (const auto& [value, label] : listing) {
        SearchRequest r = counting_request();
        r.filters[std::string(search::facet::impactassessment.name)] = {std::string(value)};
        listing_results.push_back(search(r));
    }
    std::vector<std::pair<std::string, const SearchResult*>> listing_series;
    for (std::size_t i = 0; i < listing.size(); ++i) {
        listing_series.emplace_back(std::string(ui(lang, listing[i].second)), &listing_results[i]);
    }
    s.charts.push_back(stacked_chart(all, search::facet::organisation_type.name, listing_series,
                                     state_classes, "listing-per-type",
                                     std::string(ui(lang, Ui::chart_listing_org_type)),
                                     Ui::chart_listing_org_type_desc, lang, ""));
    return s;
}

std::string render_statistics_page(const Statistics& s, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    Document d;
    d.title = std::string(ui(lang, Ui::stats_title));
    d.nav_current = "statistics";
    d.alternate_href = localised_path(other, "/statistieken");
    std::string h = "<div class=\"page-intro\"><h1>" + esc(ui(lang, Ui::stats_heading)) +
                    "</h1><p class=\"lead\">" +
                    esc(ui(lang, Ui::stats_intro, {format_count(s.total, lang)})) + "</p></div>";
    h += "<nav class=\"toc\" aria-labelledby=\"charts-heading\"><h2 id=\"charts-heading\">" +
         esc(ui(lang, Ui::stats_contents)) + "</h2><ul>";
    for (const auto& c : s.charts) {
        h += "<li><a href=\"#" + esc(c.id) + "\">" + esc(c.title) + "</a></li>";
    }
    h += "</ul></nav><div class=\"charts\">";
    for (const auto& c : s.charts) {
        h += render_chart(c, lang);
    }
    h += "</div>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

SearchRequest counting_request() {
    SearchRequest r;
    r.page_size = 1;
    r.snippets = false;
    r.spelling = false;
    r.facet_limit = 0;
    return r;
}

} // namespace algreg::web
