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

SearchRequest counting_request() {
    SearchRequest r;
    r.page_size = 1;
    r.snippets = false;
    r.spelling = false;
    r.facet_limit = 0;
    return r;
}

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

} // namespace

Statistics build_statistics(const SearchFunction& search, Lang lang) {
    Statistics s;
    const SearchResult all = search(counting_request());
    s.total = all.total;

    s.charts.push_back(simple_chart(all, search::facet::organisation_type.name, "per-type",
                                    Ui::chart_org_type, Ui::chart_org_type_desc, lang));
    s.charts.push_back(simple_chart(all, search::facet::status.name, "per-status", Ui::chart_status,
                                    Ui::chart_status_desc, lang));

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

} // namespace algreg::web
