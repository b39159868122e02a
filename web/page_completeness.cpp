#include "web/page_completeness.h"

#include "search/analysis.h"
#include "search/facet_labels.h"
#include "web/html_builder.h"
#include "web/page_entry_completeness.h"
#include "web/page_search.h"
#include "web/page_url.h"

#include <array>
#include <cstdio>

namespace algreg::web {

namespace {

using search::OrganisationColumn;

/// Width in SVG units of a full bar.
constexpr int bar_width = 120;

struct Column {
    OrganisationColumn column;
    std::string label;
    bool numeric;
};

std::vector<Column> columns(Lang lang) {
    auto band = [&](search::CompletenessBand b) {
        return search::completeness_band_label(search::to_string(b), lang == Lang::en);
    };
    return {
        {OrganisationColumn::name, std::string(ui(lang, Ui::col_organisation)), false},
        {OrganisationColumn::type, std::string(ui(lang, Ui::col_type)), false},
        {OrganisationColumn::entries, std::string(ui(lang, Ui::col_entries)), true},
        {OrganisationColumn::progress, std::string(ui(lang, Ui::col_progress)), true},
        {OrganisationColumn::oranje, band(search::CompletenessBand::oranje), true},
        {OrganisationColumn::geel, band(search::CompletenessBand::geel), true},
        {OrganisationColumn::groen, band(search::CompletenessBand::groen), true},
        {OrganisationColumn::onbekend, band(search::CompletenessBand::onbekend), true},
        {OrganisationColumn::errors, std::string(ui(lang, Ui::col_errors)), true},
        {OrganisationColumn::warnings, std::string(ui(lang, Ui::col_warnings)), true},
        {OrganisationColumn::legal_basis, std::string(ui(lang, Ui::col_legal_basis)), true},
        {OrganisationColumn::assessments, std::string(ui(lang, Ui::col_assessments)), true},
    };
}

std::string downloads(const std::string& json_url, const std::string& csv_url, Lang lang) {
    return "<p class=\"downloads\">" + esc(ui(lang, Ui::downloads_label)) + ": <a href=\"" +
           esc(json_url) + "\" type=\"application/json\">" + esc(ui(lang, Ui::download_json)) +
           "</a> · <a href=\"" + esc(csv_url) + "\" type=\"text/csv\" download>" +
           esc(ui(lang, Ui::download_csv)) + "</a></p>";
}

std::string num_cell(std::size_t n, Lang lang) {
    return "<td class=\"num\">" + esc(format_count(n, lang)) + "</td>";
}

/// A horizontal bar for share `part / whole` (SVG attributes only: no inline style under the
/// CSP). Decorative: the numbers are in the table cells beside it.
std::string share_bar(std::size_t part, std::size_t whole) {
    const int filled = whole == 0 ? 0 : static_cast<int>((part * bar_width + whole / 2) / whole);
    return "<svg class=\"share-bar\" viewBox=\"0 0 " + std::to_string(bar_width) +
           " 12\" width=\"" + std::to_string(bar_width) +
           "\" height=\"12\" aria-hidden=\"true\" focusable=\"false\"><rect class=\"share-bg\" "
           "width=\"" +
           std::to_string(bar_width) +
           "\" height=\"12\"></rect><rect class=\"share-fill\" width=\"" + std::to_string(filled) +
           "\" height=\"12\"></rect></svg>";
}

std::string entry_link(const search::EntryRef& e, Lang lang) {
    return "<a href=\"" + esc(localised_path(lang, "/algoritme/" + url_encode(e.id))) + "\"" +
           data_lang(lang) + ">" + esc(e.name.empty() ? e.id : e.name) + "</a>";
}

} // namespace

std::string format_percent(std::optional<double> value, Lang lang) {
    if (!value) {
        return "–";
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", *value);
    std::string out = buffer;
    if (lang == Lang::nl) {
        for (char& c : out) {
            c = c == '.' ? ',' : c;
        }
    }
    return out;
}

std::string organisation_type_text(std::string_view key, Lang lang) {
    if (key.empty() || key == "onbekend") {
        return std::string(ui(lang, Ui::value_unknown));
    }
    return vocabulary_label(lang, search::organisation_type_label(key));
}

std::string render_completeness_page(const std::vector<search::OrganisationRow>& rows,
                                     search::OrganisationSort sort, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const std::string sort_query = "?sort=" + url_encode(search::to_string(sort));
    Document d;
    d.title = std::string(ui(lang, Ui::completeness_title));
    d.nav_current = "completeness";
    d.alternate_href = localised_path(other, "/volledigheid") + sort_query;
    std::string h = "<div class=\"page-intro\"><h1>" + esc(ui(lang, Ui::completeness_title)) +
                    "</h1><p class=\"lead\">" + esc(ui(lang, Ui::completeness_intro)) + "</p><p>" +
                    esc(ui(lang, Ui::completeness_listing_note)) + "</p>";
    h += downloads("/api/v1/completeness/organisations" + sort_query,
                   "/api/v1/completeness/organisations.csv" + sort_query, lang);
    h += "</div>";

    const auto cols = columns(lang);
    std::string current_label;
    for (const auto& c : cols) {
        if (c.column == sort.column) {
            current_label = c.label;
        }
    }
    h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" "
         "aria-labelledby=\"org-table-caption\">"
         "<table class=\"data-table completeness-table\"><caption id=\"org-table-caption\">" +
         esc(ui(lang, Ui::completeness_table_caption,
                {current_label + " (" +
                 std::string(ui(lang, sort.descending ? Ui::completeness_sort_descending
                                                      : Ui::completeness_sort_ascending)) +
                 ")"})) +
         "</caption><thead><tr>";
    for (const auto& c : cols) {
        const bool current = c.column == sort.column;
        // Numbers sort largest first on the first click, text A to Z; the current column flips.
        search::OrganisationSort next{c.column, c.numeric};
        if (current) {
            next.descending = !sort.descending;
        }
        std::string aria;
        if (current) {
            aria = std::string(" aria-sort=\"") + (sort.descending ? "descending" : "ascending") +
                   "\"";
        }
        h += "<th scope=\"col\"" + aria + (c.numeric ? " class=\"num\"" : "") + "><a href=\"" +
             esc(localised_path(lang, "/volledigheid") +
                 "?sort=" + url_encode(search::to_string(next))) +
             "\" title=\"" + esc(ui(lang, Ui::completeness_sort_hint, {c.label})) + "\">" +
             esc(c.label) + (current ? std::string(sort.descending ? " ↓" : " ↑") : std::string()) +
             "</a></th>";
    }
    h += "</tr></thead><tbody>";
    for (const auto& r : rows) {
        h += "<tr><th scope=\"row\"><a href=\"" +
             esc(localised_path(lang, "/organisatie/" + url_encode(r.slug) + "/volledigheid")) +
             "\">" + esc(r.name) + "</a></th>";
        h += "<td>" + esc(organisation_type_text(r.type, lang)) + "</td>";
        h += num_cell(r.entries, lang);
        h += "<td class=\"num\">" + esc(format_percent(r.mean_progress, lang)) + "</td>";
        for (const auto n : r.bands) {
            h += num_cell(n, lang);
        }
        h += num_cell(r.with_errors, lang) + num_cell(r.with_warnings, lang) +
             num_cell(r.missing_legal_basis, lang) + num_cell(r.assessment_expected, lang);
        h += "</tr>";
    }
    h += "</tbody></table></div>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

std::string render_organisation_completeness_page(const search::OrganisationReport& report,
                                                  const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const std::string path = "/organisatie/" + url_encode(report.slug) + "/volledigheid";
    const std::string api = "/api/v1/organisations/" + url_encode(report.slug) + "/completeness";
    Document d;
    d.title = ui(lang, Ui::org_completeness_title, {report.name});
    d.nav_current = "completeness";
    d.alternate_href = localised_path(other, path);

    std::string h = "<p class=\"breadcrumb\"><a href=\"" +
                    esc(localised_path(lang, "/volledigheid")) + "\">" +
                    esc(ui(lang, Ui::org_completeness_all)) + "</a></p>";
    h += "<div class=\"page-intro\"><p class=\"eyebrow\">" +
         esc(ui(lang, Ui::completeness_heading)) + "</p><h1" + data_lang(lang) + ">" +
         esc(report.name) + "</h1><p class=\"lead\">";
    if (report.computable > 0) {
        h += esc(ui(lang, Ui::org_completeness_summary,
                    {format_count(report.entries, lang), format_percent(report.mean_progress, lang),
                     format_percent(report.median_progress, lang)}));
    } else {
        h += esc(
            ui(lang, Ui::org_completeness_summary_unknown, {format_count(report.entries, lang)}));
    }
    h += "</p><p><a href=\"" +
         esc(localised_path(lang, "/organisatie/" + url_encode(report.slug))) + "\">" +
         esc(ui(lang, Ui::org_completeness_back, {report.name})) + "</a></p>";
    h += downloads(api, api + ".csv", lang);
    h += "</div>";

    // Bands as text.
    h += "<ul class=\"band-counts\">";
    for (const auto band : {search::CompletenessBand::oranje, search::CompletenessBand::geel,
                            search::CompletenessBand::groen, search::CompletenessBand::onbekend}) {
        h += "<li>" + band_badge(band, lang) + " " +
             esc(format_count(report.bands[static_cast<std::size_t>(band)], lang)) + "</li>";
    }
    h += "</ul>";

    // Fields.
    h += "<section class=\"fields-section\"><h2 id=\"velden\">" +
         esc(ui(lang, Ui::fields_heading)) + "</h2><p>" +
         esc(ui(lang, Ui::fields_intro, {format_count(report.entries, lang)})) + "</p>";
    h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"velden\">"
         "<table class=\"data-table\"><thead><tr><th scope=\"col\">" +
         esc(ui(lang, Ui::col_field)) + "</th><th scope=\"col\" class=\"num\">" +
         esc(ui(lang, Ui::col_weight)) + "</th><th scope=\"col\" class=\"num\">" +
         esc(ui(lang, Ui::col_filled)) + "</th><th scope=\"col\" class=\"num\">" +
         esc(ui(lang, Ui::col_empty)) + "</th><th scope=\"col\" class=\"num\">" +
         esc(ui(lang, Ui::col_unknown)) + "</th><th scope=\"col\">" + esc(ui(lang, Ui::col_share)) +
         "</th></tr></thead><tbody>";
    for (const auto& f : report.fields) {
        const std::size_t known = f.filled + f.empty;
        h += "<tr><th scope=\"row\">" +
             esc(lang == Lang::nl ? f.field->title_nl : f.field->title_en) + "</th>" +
             num_cell(static_cast<std::size_t>(f.field->weight), lang) + num_cell(f.filled, lang) +
             num_cell(f.empty, lang) + num_cell(f.unknown, lang) + "<td class=\"share\">";
        if (known > 0) {
            h += share_bar(f.filled, known) + " " +
                 esc(format_percent(
                     100.0 * static_cast<double>(f.filled) / static_cast<double>(known), lang));
        } else {
            h += esc(ui(lang, Ui::value_unknown));
        }
        h += "</td></tr>";
    }
    h += "</tbody></table></div></section>";

    // Rules.
    h += "<section class=\"rules-section\"><h2 id=\"regels\">" + esc(ui(lang, Ui::rules_heading)) +
         "</h2>";
    if (report.rules.empty()) {
        h += "<p>" + esc(ui(lang, Ui::completeness_findings_none)) + "</p>";
    } else {
        h +=
            "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"regels\">"
            "<table class=\"data-table\"><thead><tr><th scope=\"col\">" +
            esc(ui(lang, Ui::col_rule)) + "</th><th scope=\"col\">" +
            esc(ui(lang, Ui::col_severity)) + "</th><th scope=\"col\" class=\"num\">" +
            esc(ui(lang, Ui::col_entries)) + "</th><th scope=\"col\">" +
            esc(ui(lang, Ui::col_name)) + "</th></tr></thead><tbody>";
        const auto language = lang == Lang::nl ? search::Language::nl : search::Language::en;
        for (const auto& b : report.rules) {
            h += "<tr><th scope=\"row\">" +
                 esc(lang == Lang::nl ? b.rule->title_nl : b.rule->title_en) + " <code>" +
                 esc(b.rule->id) + "</code></th><td>" +
                 esc(search::severity_label(b.rule->severity, language)) + "</td>" +
                 num_cell(b.entries.size(), lang) + "<td><ul class=\"plain\">";
            for (const auto& e : b.entries) {
                h += "<li>" + entry_link(e, lang) + "</li>";
            }
            h += "</ul></td></tr>";
        }
        h += "</tbody></table></div>";
    }
    h += "</section>";

    // Entries.
    h += "<section class=\"scores-section\"><h2 id=\"scores\">" +
         esc(ui(lang, Ui::entries_heading)) + "</h2>";
    h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"scores\">"
         "<table class=\"data-table\"><thead><tr><th scope=\"col\">" +
         esc(ui(lang, Ui::col_name)) + "</th><th scope=\"col\" class=\"num\">" +
         esc(ui(lang, Ui::col_score)) + "</th><th scope=\"col\">" + esc(ui(lang, Ui::col_band)) +
         "</th><th scope=\"col\" class=\"num\">" + esc(ui(lang, Ui::completeness_errors)) +
         "</th><th scope=\"col\" class=\"num\">" + esc(ui(lang, Ui::completeness_warnings)) +
         "</th></tr></thead><tbody>";
    for (const auto& s : report.scores) {
        h += "<tr><th scope=\"row\">" + entry_link(s.entry, lang) + "</th><td class=\"num\">" +
             (s.computable ? esc(std::to_string(s.score) + " / " + std::to_string(s.max_score) +
                                 " (" + std::to_string(s.progress) + "%)")
                           : std::string("–")) +
             "</td><td>" + band_badge(s.band, lang) + "</td>" + num_cell(s.errors, lang) +
             num_cell(s.warnings, lang) + "</tr>";
    }
    h += "</tbody></table></div></section>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
