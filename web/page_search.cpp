#include "web/page_search.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/facet_labels.h"
#include "search/schema.h"
#include "web/changes_url.h"
#include "web/html_builder.h"
#include "web/page_url.h"

#include <algorithm>

namespace algreg::web {

namespace {

using search::FacetCount;
using search::FacetResult;
using search::SearchRequest;

/// Facets shown at once, in this order; the others go under "Meer filters".
// Risicoprofiel and kenmerk sit next to impacttoets, so that "risk profiles without an IAMA"
// is two clicks (docs/risk-profiles.md).
constexpr std::array<std::string_view, 9> main_facets{
    "status",          "categorie",  "impacttoets", "risicoprofiel", "kenmerk",
    "organisatietype", "ministerie", "organisatie", "thema"};
constexpr std::array<std::string_view, 7> more_facets{
    "jaar",         "impactassessment", "wettelijke_basis",      "standaard",
    "volledigheid", "ontbreekt",        "menselijke_tussenkomst"};

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const FacetResult* find_facet(const search::SearchResult& result, std::string_view name) {
    for (const auto& f : result.facets) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

/// Element ids from facet values: only [a-z0-9-_], so they are valid and stable.
std::string id_part(std::string_view text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
            out += ch;
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += 'x';
            out += "0123456789abcdef"[c >> 4];
            out += "0123456789abcdef"[c & 15];
        }
    }
    return out;
}

/// A link of `view`: page_url() plus what the view keeps beyond the search (as_of,
/// kept_params), so that paging, chips and filters stay on the same day and period.
std::string view_url(const SearchView& view, Lang lang, const SearchRequest& request,
                     std::string_view org_query = {}) {
    std::string url = page_url(lang, view.path, request, org_query);
    std::string kept = view.kept_params;
    if (!view.as_of.empty()) {
        kept += (kept.empty() ? "as_of=" : "&as_of=") + url_encode(view.as_of);
    }
    if (!kept.empty()) {
        url += (url.find('?') == std::string::npos ? "?" : "&") + kept;
    }
    return url;
}

bool is_selected(const SearchRequest& request, const std::string& facet, const std::string& v) {
    const auto it = request.filters.find(facet);
    return it != request.filters.end() && it->second.count(v) > 0;
}

std::string checkbox(const SearchView& view, Lang lang, const std::string& facet,
                     const FacetCount& value, const std::string& label) {
    const std::string id = "f-" + id_part(facet) + "-" + id_part(value.value);
    const bool checked = value.selected || is_selected(view.request, facet, value.value);
    std::string h = "<li><input type=\"checkbox\" id=\"" + id + "\" name=\"" + esc(facet) +
                    "\" value=\"" + esc(value.value) + "\"" + (checked ? " checked" : "") + ">";
    h += "<label for=\"" + id + "\"><span class=\"facet-value\">" + esc(label) + "</span>";
    if (view.facet_counts) {
        h += " <span class=\"count\">" + format_count(value.count, lang) + "</span>";
    }
    h += "</label></li>";
    return h;
}

std::string facet_values_list(const SearchView& view, Lang lang, const std::string& facet,
                              const std::vector<FacetCount>& values) {
    std::string h = "<ul class=\"facet-values\">";
    for (const auto& v : values) {
        h += checkbox(view, lang, facet, v, value_label(lang, facet, v.value, v.label));
    }
    h += "</ul>";
    return h;
}

std::string assessment_facet(const SearchView& view, Lang lang, const FacetResult& f) {
    // Values come as "<type>-<state>" with group = type slug: one nested fieldset per type.
    std::vector<std::string> groups;
    for (const auto& v : f.values) {
        if (!contains(groups, v.group)) {
            groups.push_back(v.group);
        }
    }
    std::string h = "<fieldset class=\"facet\" id=\"facet-impacttoets\"><legend>" +
                    esc(facet_label(lang, f.name)) + "</legend>";
    for (const auto& group : groups) {
        std::string type_name;
        std::vector<std::pair<FacetCount, std::string>> items;
        for (const auto& v : f.values) {
            if (v.group != group) {
                continue;
            }
            const auto state = search::split_assessment_value(v.value).state;
            if (type_name.empty()) {
                type_name =
                    search::assessment_value_type_label(v.value, v.label, text_language(lang));
            }
            items.emplace_back(
                v, state ? std::string(search::state_label(*state, text_language(lang))) : v.label);
        }
        h += "<fieldset class=\"facet-group\"><legend>" + esc(type_name) + "</legend><ul " +
             "class=\"facet-values\">";
        for (const auto& [v, label] : items) {
            h += checkbox(view, lang, f.name, v, label);
        }
        h += "</ul></fieldset>";
    }
    h += "</fieldset>";
    return h;
}

std::string organisation_facet(const SearchView& view, Lang lang, const FacetResult& f) {
    std::string h = "<fieldset class=\"facet\" id=\"facet-organisatie\"><legend>" +
                    esc(facet_label(lang, f.name)) + "</legend>";
    h += "<div class=\"org-search\"><label for=\"org_q\">" + esc(ui(lang, Ui::org_search_label)) +
         "</label><div class=\"inline-field\"><input id=\"org_q\" name=\"org_q\" type=\"search\" "
         "autocomplete=\"off\" maxlength=\"200\" value=\"" +
         esc(view.org_query) + "\"><button type=\"submit\" class=\"secondary\">" +
         esc(ui(lang, Ui::org_search_button)) + "<span class=\"visually-hidden\"> " +
         esc(facet_label(lang, f.name)) + "</span></button></div></div>";
    h += "<div data-region=\"org-values\" id=\"org-values\">";
    std::vector<FacetCount> shown;
    // Selected organisations always stay visible, whatever the list search.
    for (const auto& v : f.values) {
        if (v.selected || is_selected(view.request, f.name, v.value)) {
            shown.push_back(v);
        }
    }
    auto add = [&](const FacetCount& v) {
        for (const auto& s : shown) {
            if (s.value == v.value) {
                return;
            }
        }
        shown.push_back(v);
    };
    std::size_t more = 0;
    if (!view.org_query.empty()) {
        for (const auto& v : view.org_matches) {
            add(v);
        }
        if (view.org_matches.empty()) {
            h += "<p class=\"facet-note\">" + esc(ui(lang, Ui::org_search_none, {view.org_query})) +
                 "</p>";
        }
    } else {
        std::size_t listed = 0;
        for (const auto& v : f.values) {
            if (listed >= sidebar_organisations) {
                break;
            }
            add(v);
            ++listed;
        }
        const std::size_t available = std::max(f.value_count, f.values.size());
        more = available > shown.size() ? available - shown.size() : 0;
    }
    h += facet_values_list(view, lang, f.name, shown);
    if (more > 0) {
        h += "<p class=\"facet-note\">" +
             esc(ui(lang, Ui::org_search_more, {format_count(more, lang)})) + "</p>";
    }
    h += "</div></fieldset>";
    return h;
}

std::string plain_facet(const SearchView& view, Lang lang, const FacetResult& f) {
    std::string h = "<fieldset class=\"facet\" id=\"facet-" + id_part(f.name) + "\"><legend>" +
                    esc(facet_label(lang, f.name)) + "</legend>";
    h += facet_values_list(view, lang, f.name, f.values);
    h += "</fieldset>";
    return h;
}

std::string facet_block(const SearchView& view, Lang lang, std::string_view name) {
    if (view.fixed_filters.count(std::string(name)) > 0) {
        return {};
    }
    const FacetResult* f = find_facet(view.result, name);
    if (f == nullptr) {
        return {};
    }
    const bool selected = view.request.filters.count(std::string(name)) > 0;
    if (f->values.empty() && !selected && name != "organisatie") {
        return {};
    }
    if (name == search::facet::assessment.name) {
        return assessment_facet(view, lang, *f);
    }
    if (name == search::facet::organisation.name) {
        return organisation_facet(view, lang, *f);
    }
    return plain_facet(view, lang, *f);
}

/// The label of a selected filter value for its chip: from the facet counts when present.
std::string chip_label(const SearchView& view, Lang lang, const std::string& facet,
                       const std::string& value) {
    std::string label;
    if (const FacetResult* f = find_facet(view.result, facet)) {
        for (const auto& v : f->values) {
            if (v.value == value) {
                label = value_label(lang, facet, v.value, v.label);
            }
        }
    }
    if (label.empty()) {
        for (const auto& v : view.org_matches) {
            if (facet == "organisatie" && v.value == value) {
                label = v.label;
            }
        }
    }
    if (label.empty()) {
        label = facet == search::facet::organisation_type.name
                    ? vocabulary_label(lang, search::organisation_type_label(value))
                    : value_label(lang, facet, value, search::generic_label(value));
    }
    return facet_label(lang, facet) + ": " + label;
}

std::string active_filters(const SearchView& view, Lang lang) {
    if (!has_filters(view.request)) {
        return {};
    }
    std::string h = "<div class=\"active-filters\"><h3 class=\"visually-hidden\">" +
                    esc(ui(lang, Ui::filters_active)) + "</h3><ul class=\"chips\">";
    for (const auto& f : search::facets) {
        const auto it = view.request.filters.find(std::string(f.name));
        if (it == view.request.filters.end() || view.fixed_filters.count(std::string(f.name)) > 0) {
            continue;
        }
        for (const auto& value : it->second) {
            const auto href =
                view_url(view, lang, with_filter_toggled(view.request, it->first, value));
            h += "<li><a class=\"chip\" href=\"" + esc(href) + "\" data-nav><span>" +
                 esc(chip_label(view, lang, it->first, value)) +
                 "</span><span class=\"visually-hidden\"> (" + esc(ui(lang, Ui::filter_remove)) +
                 ")</span><span class=\"chip-x\" aria-hidden=\"true\">×</span></a></li>";
        }
    }
    h += "<li><a class=\"clear-all\" href=\"" +
         esc(view_url(view, lang, without_filters(view.request))) + "\" data-nav>" +
         esc(ui(lang, Ui::filters_clear)) + "</a></li></ul></div>";
    return h;
}

std::string sidebar(const SearchView& view, Lang lang) {
    // On a phone the filters are a panel the user opens (a <details>, so it works without
    // script) and the results come first; from 60rem on, app.css shows them as the sidebar
    // whatever the panel's state.
    std::size_t chosen = 0;
    for (const auto& [name, values] : view.request.filters) {
        chosen += values.size();
    }
    // The count is a region of its own, so that app.js updates it with the facets.
    std::string h = "<details class=\"filters-panel\" id=\"filters-panel\"><summary>" +
                    esc(ui(lang, Ui::filters_show)) +
                    " <span class=\"filters-count\" data-region=\"filters-count\" "
                    "id=\"filters-count\">";
    if (chosen > 0) {
        h += "(" + esc(ui(lang, Ui::filters_count, {std::to_string(chosen)})) + ")";
    }
    h += "</span>";
    h += "</summary>";
    h += "<section class=\"filters\" id=\"filters\" aria-labelledby=\"filters-heading\">";
    h += "<h2 id=\"filters-heading\">" + esc(ui(lang, Ui::filters_heading)) + "</h2>";
    h += "<a class=\"skip-results\" href=\"#resultaten\">" + esc(ui(lang, Ui::filters_to_results)) +
         "</a>";
    h += "<div data-region=\"facets\" id=\"facets\">";
    if (has_filters(view.request)) {
        h += "<p class=\"clear-filters\"><a href=\"" +
             esc(view_url(view, lang, without_filters(view.request))) + "\" data-nav>" +
             esc(ui(lang, Ui::filters_clear)) + "</a></p>";
    }
    for (const auto name : main_facets) {
        h += facet_block(view, lang, name);
    }
    std::string more;
    bool more_selected = false;
    for (const auto name : more_facets) {
        more += facet_block(view, lang, name);
        more_selected = more_selected || view.request.filters.count(std::string(name)) > 0;
    }
    if (!more.empty()) {
        h += "<details class=\"more-filters\"" + std::string(more_selected ? " open" : "") +
             "><summary>" + esc(ui(lang, Ui::filters_more)) + "</summary>" + more + "</details>";
    }
    h += "</div>";
    h += "<button type=\"submit\" class=\"apply-filters\">" + esc(ui(lang, Ui::filters_apply)) +
         "</button>";
    h += "</section></details>";
    return h;
}

std::string result_messages(const SearchView& view, Lang lang) {
    const auto& r = view.result;
    std::string h;
    if (r.corrected) {
        h += "<p class=\"notice\">" +
             esc(ui(lang, Ui::corrected,
                    {r.original_query.empty() ? view.request.text : r.original_query, r.query})) +
             "</p>";
    } else if (!r.did_you_mean.empty()) {
        SearchRequest fixed = view.request;
        fixed.text = r.did_you_mean;
        fixed.page = 1;
        h += "<p class=\"notice did-you-mean\">" + esc(ui(lang, Ui::did_you_mean)) +
             ": <a href=\"" + esc(view_url(view, lang, fixed)) + "\" data-nav" + data_lang(lang) +
             ">" + esc(r.did_you_mean) + "</a>?</p>";
    }
    if (r.syntax_fallback) {
        h += "<p class=\"notice\">" +
             esc(ui(lang, Ui::syntax_fallback, {r.syntax_error.in(text_language(lang))})) + "</p>";
    }
    if (r.query_truncated) {
        h += "<p class=\"notice\">" + esc(ui(lang, Ui::query_truncated)) + "</p>";
    }
    if (r.counts_partial) {
        h += "<p class=\"notice\">" + esc(ui(lang, Ui::counts_partial)) + "</p>";
    }
    for (const auto& w : r.warnings) {
        h += "<p class=\"notice\">" + esc(w.in(text_language(lang))) + "</p>";
    }
    return h;
}

std::string count_text(const search::SearchResult& r, Lang lang) {
    return r.total == 1 ? std::string(ui(lang, Ui::results_count_one))
                        : ui(lang, Ui::results_count, {format_count(r.total, lang)});
}

std::string toolbar(const SearchView& view, Lang lang) {
    const auto& r = view.result;
    std::string h = "<div class=\"toolbar\">";
    h += "<p class=\"result-count\" id=\"result-count\">" + esc(count_text(r, lang));
    if (r.total > 0 && !r.hits.empty()) {
        const std::size_t first = r.offset + 1;
        const std::size_t last = r.offset + r.hits.size();
        h += " <span class=\"range\">(" +
             esc(ui(lang, Ui::results_range,
                    {format_count(first, lang), format_count(last, lang),
                     format_count(r.total, lang)})) +
             ")</span>";
    }
    h += "</p>";
    struct Option {
        search::Sort sort;
        Ui text;
    };
    constexpr std::array<Option, 5> options{{
        {search::Sort::relevance, Ui::sort_relevance},
        {search::Sort::newest_registered, Ui::sort_newest_registered},
        {search::Sort::last_changed, Ui::sort_last_changed},
        {search::Sort::name, Ui::sort_name},
        {search::Sort::organisation, Ui::sort_organisation},
    }};
    h += "<div class=\"sort\"><label for=\"sort\">" + esc(ui(lang, Ui::sort_label)) +
         "</label><select id=\"sort\" name=\"sort\">";
    for (const auto& o : options) {
        h += "<option value=\"" + std::string(search::to_string(o.sort)) + "\"" +
             (view.request.sort == o.sort ? " selected" : "") + ">" + esc(ui(lang, o.text)) +
             "</option>";
    }
    h += "</select><button type=\"submit\" class=\"secondary sort-apply\">" +
         esc(ui(lang, Ui::sort_button)) + "</button></div>";
    if (r.total > 0) {
        SearchRequest scope = view.request; // the page's own filters are part of the export
        for (const auto& [facet, values] : view.fixed_filters) {
            scope.filters[facet].insert(values.begin(), values.end());
        }
        h += "<p class=\"export\"><span>" + esc(ui(lang, Ui::export_label)) + ":</span> ";
        // The register of that day, when the page shows one (the export takes as_of too).
        const std::string as_of = view.as_of.empty() ? "" : "as_of=" + url_encode(view.as_of);
        auto export_link = [&](std::string_view format) {
            std::string url = export_url(format, scope);
            return as_of.empty() ? url
                                 : url + (url.find('?') == std::string::npos ? "?" : "&") + as_of;
        };
        h += "<a class=\"button-link\" href=\"" + esc(export_link("csv")) + "\" download>" +
             esc(ui(lang, Ui::export_csv)) + "</a> ";
        const std::string csv_nl = export_link("csv");
        h += "<a class=\"button-link\" href=\"" +
             esc(csv_nl + (csv_nl.find('?') == std::string::npos ? "?" : "&") + "sep=semicolon") +
             "\" download>" + esc(ui(lang, Ui::export_csv_nl)) + "</a> ";
        h += "<a class=\"button-link\" href=\"" + esc(export_link("xlsx")) + "\" download>" +
             esc(ui(lang, Ui::export_xlsx)) + "</a> ";
        h += "<a class=\"button-link\" href=\"" + esc(export_link("json")) + "\" download>" +
             esc(ui(lang, Ui::export_json)) + "</a></p>";
    }
    {
        SearchRequest scope = view.request; // the feed follows the page's own filters too
        for (const auto& [facet, values] : view.fixed_filters) {
            scope.filters[facet].insert(values.begin(), values.end());
        }
        h += "<p class=\"feed\"><a class=\"feed-link\" href=\"" + esc(feed_url(scope)) + "\">" +
             esc(ui(lang, Ui::feed_search)) + "</a></p>";
    }
    h += "</div>";
    return h;
}

std::string pagination(const SearchView& view, Lang lang) {
    const auto& r = view.result;
    const std::size_t size = std::max<std::size_t>(r.page_size, 1);
    std::size_t pages = (r.total + size - 1) / size;
    pages = std::min(pages, search::max_offset / size + 1);
    if (pages <= 1) {
        return {};
    }
    const std::size_t current = std::min(std::max<std::size_t>(r.page, 1), pages);
    auto link = [&](std::size_t page, const std::string& text, const std::string& cls,
                    const std::string& rel) {
        return "<a class=\"" + cls + "\" href=\"" +
               esc(view_url(view, lang, with_page(view.request, page), view.org_query)) + "\"" +
               (rel.empty() ? "" : " rel=\"" + rel + "\"") + " data-nav>" + text + "</a>";
    };
    std::string h =
        "<nav class=\"pagination\" aria-label=\"" + esc(ui(lang, Ui::pagination_label)) + "\"><ul>";
    if (current > 1) {
        h += "<li>" + link(current - 1, esc(ui(lang, Ui::page_previous)), "prev", "prev") + "</li>";
    }
    std::vector<std::size_t> numbers;
    for (std::size_t p : {std::size_t{1}, current - 1 > 0 ? current - 1 : 1, current,
                          current + 1 <= pages ? current + 1 : pages, pages}) {
        if (p >= 1 && p <= pages && !std::count(numbers.begin(), numbers.end(), p)) {
            numbers.push_back(p);
        }
    }
    if (current > 2) {
        numbers.push_back(current - 2 > 0 ? current - 2 : 1);
    }
    if (current + 2 <= pages) {
        numbers.push_back(current + 2);
    }
    std::sort(numbers.begin(), numbers.end());
    numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
    std::size_t previous = 0;
    for (const std::size_t p : numbers) {
        if (previous != 0 && p > previous + 1) {
            h += "<li class=\"gap\" aria-hidden=\"true\">…</li>";
        }
        if (p == current) {
            h += "<li><a class=\"page current\" aria-current=\"page\" href=\"" +
                 esc(view_url(view, lang, with_page(view.request, p), view.org_query)) +
                 "\" aria-label=\"" + esc(ui(lang, Ui::page_current, {std::to_string(p)})) + "\">" +
                 std::to_string(p) + "</a></li>";
        } else {
            h += "<li><a class=\"page\" href=\"" +
                 esc(view_url(view, lang, with_page(view.request, p), view.org_query)) +
                 "\" aria-label=\"" + esc(ui(lang, Ui::page_number, {std::to_string(p)})) +
                 "\" data-nav>" + std::to_string(p) + "</a></li>";
        }
        previous = p;
    }
    if (current < pages) {
        h += "<li>" + link(current + 1, esc(ui(lang, Ui::page_next)), "next", "next") + "</li>";
    }
    h += "</ul></nav>";
    return h;
}

/// Instead of an empty result for a day before the history: where it begins, with links to
/// that first day and to the register now.
std::string before_history(const SearchView& view, Lang lang) {
    SearchRequest first = view.request;
    first.page = 1;
    SearchView first_day = view;
    first_day.as_of = view.history_begins;
    return "<div class=\"notice as-of-before\" role=\"status\"><p><strong>" +
           esc(ui(lang, Ui::as_of_before, {format_date(view.history_begins, lang)})) +
           "</strong> " + esc(ui(lang, Ui::as_of_before_detail, {format_date(view.as_of, lang)})) +
           "</p><p><a href=\"" + esc(view_url(first_day, lang, first, view.org_query)) +
           "\" data-nav>" +
           esc(ui(lang, Ui::as_of_first_day, {format_date(view.history_begins, lang)})) +
           "</a> · <a href=\"" + esc(page_url(lang, view.path, first, view.org_query)) +
           "\" data-nav>" + esc(ui(lang, Ui::as_of_now)) + "</a></p></div>";
}

std::string results_section(const SearchView& view, Lang lang) {
    std::string h =
        "<section class=\"results\" id=\"resultaten\" aria-labelledby=\"results-heading\" "
        "tabindex=\"-1\">";
    h += "<h2 id=\"results-heading\" class=\"visually-hidden\">" +
         esc(ui(lang, Ui::results_heading)) + "</h2>";
    h += "<div data-region=\"results\" id=\"results-region\">";
    if (view.as_of_before_history()) {
        h += before_history(view, lang) + "</div></section>";
        return h;
    }
    h += result_messages(view, lang);
    h += active_filters(view, lang);
    h += toolbar(view, lang);
    if (view.result.hits.empty()) {
        h += "<div class=\"empty\"><p><strong>" + esc(ui(lang, Ui::results_none)) +
             "</strong></p><p>" + esc(ui(lang, Ui::results_none_tips)) + "</p></div>";
    } else {
        h += render_hits(view.result.hits, lang, 3, view.result.offset + 1);
    }
    h += pagination(view, lang);
    h += "</div></section>";
    return h;
}

std::string badge(const std::string& cls, const std::string& text) {
    return "<li class=\"badge " + cls + "\">" + esc(text) + "</li>";
}

std::string status_class(std::string_view status) {
    const std::string s = search::fold(status);
    if (s == "in gebruik") {
        return "status-in-use";
    }
    if (s == "in ontwikkeling") {
        return "status-development";
    }
    if (s == "buiten gebruik") {
        return "status-retired";
    }
    return "status-other";
}

} // namespace

std::string data_lang(Lang lang) {
    return lang == Lang::en ? " lang=\"nl\"" : "";
}

std::string state_label(Lang lang, std::string_view state) {
    if (const auto known = search::parse_assessment_state(state)) {
        return std::string(search::state_label(*known, text_language(lang)));
    }
    return std::string(state);
}

std::string_view state_class(std::string_view state) {
    const auto known = search::parse_assessment_state(state);
    return known ? search::words(*known).css : std::string_view("unknown");
}

std::string render_filter_sidebar(const SearchView& view, Lang lang) {
    return sidebar(view, lang);
}

std::string render_hits(const std::vector<search::Hit>& hits, Lang lang, int heading_level,
                        std::size_t first_rank) {
    const std::string hn = "h" + std::to_string(std::clamp(heading_level, 2, 6));
    std::string h = "<ol class=\"cards\" start=\"" + std::to_string(first_rank) + "\">";
    std::size_t rank = first_rank;
    for (const auto& hit : hits) {
        const std::string id = "hit-" + std::to_string(rank++);
        h += "<li class=\"card\"><article aria-labelledby=\"" + id + "\">";
        h += "<" + hn + " id=\"" + id + "\" class=\"card-title\"><a href=\"" +
             esc(localised_path(lang, "/algoritme/" + url_encode(hit.id))) + "\"" +
             data_lang(lang) + ">" + (hit.name_html.empty() ? esc(hit.name) : hit.name_html) +
             "</a></" + hn + ">";
        h += "<p class=\"card-org\">";
        if (!hit.organisation.empty()) {
            if (!hit.organisation_slug.empty()) {
                h +=
                    "<a href=\"" +
                    esc(localised_path(lang, "/organisatie/" + url_encode(hit.organisation_slug))) +
                    "\"" + data_lang(lang) + ">" + esc(hit.organisation) + "</a>";
            } else {
                h += "<span" + data_lang(lang) + ">" + esc(hit.organisation) + "</span>";
            }
        }
        if (!hit.organisation_type.empty() && hit.organisation_type != "onbekend") {
            h += "<span class=\"org-type\"> · " +
                 esc(vocabulary_label(lang,
                                      search::organisation_type_label(hit.organisation_type))) +
                 "</span>";
        }
        h += "</p>";
        if (!hit.snippet_html.empty()) {
            h += "<p class=\"snippet\"" + data_lang(lang) + ">" + hit.snippet_html + "</p>";
        }
        h += "<ul class=\"badges\">";
        if (!hit.removed_on.empty()) {
            h += badge("kind kind-removed",
                       ui(lang, Ui::card_removed_on, {format_date(hit.removed_on, lang)}));
        }
        if (!hit.status.empty()) {
            h += badge(status_class(hit.status), vocabulary_label(lang, hit.status));
        }
        if (!hit.publication_category.empty()) {
            h += badge("category", vocabulary_label(lang, hit.publication_category));
        }
        for (const auto& a : hit.assessments) {
            // DPIA and IAMA always; the kind-unknown row only when it says something.
            const bool shown = a.type == "DPIA" || a.type == "IAMA" ||
                               (a.type == search::kind_unknown_type && a.state != "niet-vermeld");
            if (!shown) {
                continue;
            }
            h += badge("assessment " + std::string(state_class(a.state)),
                       search::assessment_type_label(a.type, text_language(lang)) + ": " +
                           state_label(lang, a.state));
        }
        h += "</ul>";
        if (!hit.changed.empty()) {
            h += "<p class=\"card-meta\">" + esc(ui(lang, Ui::card_changed)) + " " +
                 esc(format_date(hit.changed, lang)) + "</p>";
        }
        h += "</article></li>";
    }
    h += "</ol>";
    return h;
}

std::string render_search_layout(const SearchView& view, const PageOptions& options,
                                 std::string_view search_label) {
    const Lang lang = options.lang;
    std::string h = "<form id=\"search-form\" class=\"search-form\" method=\"get\" action=\"" +
                    esc(localised_path(lang, view.path)) + "\" data-suggest=\"/api/v1/suggest\"" +
                    " data-entry-base=\"" + esc(localised_path(lang, "/algoritme/")) + "\"" +
                    " data-label-titles=\"" + esc(ui(lang, Ui::suggest_titles)) + "\"" +
                    " data-label-organisations=\"" + esc(ui(lang, Ui::suggest_organisations)) +
                    "\"" + " data-label-terms=\"" + esc(ui(lang, Ui::suggest_terms)) + "\"" +
                    " data-label-suggestions=\"" + esc(ui(lang, Ui::suggestions_label)) + "\"" +
                    " data-label-count=\"" + esc(ui(lang, Ui::suggest_entries_count)) + "\">";
    h += "<div class=\"searchbox\" role=\"search\" aria-labelledby=\"q-label\">";
    h += "<label for=\"q\" id=\"q-label\">" + esc(search_label) + "</label>";
    h += "<div class=\"combo\"><input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" "
         "spellcheck=\"false\" maxlength=\"1000\" aria-describedby=\"q-hint\" value=\"" +
         esc(view.request.text) + "\">";
    h += "<button type=\"submit\" class=\"primary\">" + esc(ui(lang, Ui::search_button)) +
         "</button></div>";
    h += "<p id=\"q-hint\" class=\"hint\">" + esc(ui(lang, Ui::search_hint)) + "</p>";
    if (view.request.page_size != search::default_page_size) {
        h += "<input type=\"hidden\" name=\"size\" value=\"" +
             std::to_string(view.request.page_size) + "\">";
    }
    if (!view.history_begins.empty()) {
        // No min/max: a day outside the history gets the page's own message, in both languages,
        // rather than the browser's validation bubble.
        h += "<div class=\"date-field as-of-field\"><label for=\"as_of\">" +
             esc(ui(lang, Ui::as_of_label)) +
             "</label><input type=\"date\" id=\"as_of\" name=\"as_of\" value=\"" + esc(view.as_of) +
             "\" aria-describedby=\"as_of-hint\"><p id=\"as_of-hint\" class=\"hint\">" +
             esc(ui(
                 lang, Ui::as_of_hint,
                 {format_date(view.history_begins, lang), format_date(view.history_ends, lang)})) +
             "</p></div>";
    } else if (!view.as_of.empty()) {
        h += "<input type=\"hidden\" name=\"as_of\" value=\"" + esc(view.as_of) + "\">";
    }
    h += "</div>";
    h +=
        "<p id=\"live-status\" class=\"visually-hidden\" role=\"status\" aria-live=\"polite\"></p>";
    h += "<div class=\"layout\">";
    h += sidebar(view, lang);
    h += results_section(view, lang);
    h += "</div></form>";
    return h;
}

std::string render_search_page(const SearchView& view, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    Document d;
    d.title = view.request.text.empty()
                  ? std::string(ui(lang, Ui::search_title))
                  : view.request.text + " · " + std::string(ui(lang, Ui::search_title));
    d.nav_current = "search";
    d.header_search = false;
    d.description = std::string(ui(lang, Ui::site_tagline));
    d.alternate_href = view_url(view, other, view.request, view.org_query);
    d.feed_href = feed_url(view.request);
    d.feed_title = std::string(ui(lang, Ui::feed_title));
    std::string h = "<div class=\"page-intro\"><h1>" + esc(ui(lang, Ui::search_heading)) +
                    "</h1><p class=\"lead\">" + esc(ui(lang, Ui::search_intro)) + "</p></div>";
    if (!view.as_of.empty() && !view.as_of_before_history()) {
        SearchRequest now = view.request;
        now.page = 1;
        h += "<p class=\"notice as-of\"><strong>" +
             esc(ui(lang, Ui::as_of_notice, {format_date(view.as_of, lang)})) +
             "</strong> <a href=\"" + esc(page_url(lang, view.path, now, view.org_query)) + "\">" +
             esc(ui(lang, Ui::as_of_now)) + "</a></p>";
    }
    h += render_search_layout(view, options, ui(lang, Ui::search_label));
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
