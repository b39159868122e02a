#include "web/page_entry_completeness.h"

#include "search/analysis.h"
#include "search/facet_labels.h"
#include "web/html_builder.h"
#include "web/page_url.h"

#include <array>

namespace algreg::web {

namespace {

search::Language language_of(Lang lang) {
    return lang == Lang::nl ? search::Language::nl : search::Language::en;
}

std::string field_title(std::string_view key, Lang lang) {
    return search::missing_field_label(key, lang == Lang::en);
}

} // namespace

std::string band_badge(search::CompletenessBand band, Lang lang) {
    return "<span class=\"band band-" + std::string(search::to_string(band)) + "\">" +
           esc(search::completeness_band_label(search::to_string(band), lang == Lang::en)) +
           "</span>";
}

std::string render_entry_completeness(const search::AlgorithmRecord& record,
                                      const search::Completeness* result, Lang lang) {
    const search::Completeness fallback =
        result == nullptr ? search::check(record) : search::Completeness{};
    const search::Completeness& c = result == nullptr ? fallback : *result;
    const auto language = language_of(lang);
    std::string h = "<section class=\"entry-section completeness\" "
                    "aria-labelledby=\"volledigheid\"><h2 id=\"volledigheid\">" +
                    esc(ui(lang, Ui::completeness_heading)) + "</h2>";
    if (!c.computable) {
        h += "<p class=\"completeness-summary\">" + band_badge(c.band, lang) + " " +
             esc(ui(lang, Ui::completeness_not_computable,
                    {std::to_string(c.score), std::to_string(c.max_score)})) +
             "</p>";
    } else {
        h += "<dl class=\"completeness-summary\"><div><dt>" +
             esc(ui(lang, Ui::completeness_score_label)) + "</dt><dd>" +
             esc(ui(lang, Ui::completeness_score,
                    {std::to_string(c.score), std::to_string(c.max_score),
                     std::to_string(c.progress)})) +
             "</dd></div><div><dt>" + esc(ui(lang, Ui::completeness_band_label)) + "</dt><dd>" +
             band_badge(c.band, lang) + "</dd></div></dl>";
        h += "<p class=\"hint\">" + esc(ui(lang, Ui::completeness_scored_against)) + "</p>";
    }
    if (!c.missing.empty()) {
        h += "<h3>" + esc(ui(lang, Ui::completeness_missing)) + "</h3><ul class=\"missing\">";
        for (const auto key : c.missing) {
            h += "<li>" + esc(field_title(key, lang)) + "</li>";
        }
        h += "</ul>";
    }
    h += "<h3>" + esc(ui(lang, Ui::completeness_findings)) + "</h3>";
    if (c.findings.empty()) {
        h += "<p>" + esc(ui(lang, Ui::completeness_findings_none)) + "</p>";
    }
    constexpr std::array<std::pair<search::FindingSeverity, Ui>, 3> groups{{
        {search::FindingSeverity::error, Ui::completeness_errors},
        {search::FindingSeverity::warning, Ui::completeness_warnings},
        {search::FindingSeverity::info, Ui::completeness_infos},
    }};
    for (const auto& [severity, heading] : groups) {
        std::string items;
        std::size_t count = 0;
        for (const auto& f : c.findings) {
            if (f.severity != severity) {
                continue;
            }
            ++count;
            items += "<li data-rule=\"" + esc(f.rule) + "\">" + esc(f.message(language)) + "</li>";
        }
        if (count == 0) {
            continue;
        }
        h += "<h4 class=\"severity severity-" + std::string(search::to_string(severity)) + "\">" +
             esc(ui(lang, heading)) + " (" + std::to_string(count) +
             ")</h4><ul class=\"findings\">" + items + "</ul>";
    }
    if (!c.not_checked.empty()) {
        h += "<details class=\"not-checked\"><summary>" +
             esc(ui(lang, Ui::completeness_not_checked)) + " (" +
             std::to_string(c.not_checked.size()) + ")</summary><ul>";
        for (const auto& n : c.not_checked) {
            const search::Rule* rule = search::find_rule(n.rule);
            const std::string title =
                rule == nullptr ? std::string(n.rule)
                                : std::string(lang == Lang::nl ? rule->title_nl : rule->title_en);
            h += "<li>" + esc(title) + ": " + esc(search::reason_label(n.reason, language)) +
                 "</li>";
        }
        h += "</ul></details>";
    }
    if (!record.organization.empty()) {
        h += "<p><a href=\"" +
             esc(localised_path(lang, "/organisatie/" +
                                          url_encode(search::slug(record.organization)) +
                                          "/volledigheid")) +
             "\">" + esc(ui(lang, Ui::completeness_more)) + "</a></p>";
    }
    h += "</section>";
    return h;
}

} // namespace algreg::web
