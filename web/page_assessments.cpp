#include "web/page_assessments.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/facet_labels.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_completeness.h"
#include "web/page_search.h"
#include "web/page_url.h"

#include <set>

namespace algreg::web {

namespace {

std::string num_cell(std::size_t n, Lang lang) {
    return "<td class=\"num\">" + esc(format_count(n, lang)) + "</td>";
}

std::string category_text(const std::string& key, Lang lang) {
    return key == "onbekend" ? std::string(ui(lang, Ui::value_unknown))
                             : vocabulary_label(lang, key);
}

/// One table: a row per group, the four states and the total.
std::string counts_table(const std::string& id, const std::string& caption,
                         const std::vector<search::AssessmentGroup>& groups,
                         const search::AssessmentCounts& total, bool by_type, Lang lang) {
    std::string h = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" "
                    "aria-labelledby=\"" +
                    esc(id) + "\"><table class=\"data-table\"><caption id=\"" + esc(id) + "\">" +
                    esc(caption) + "</caption><thead><tr><th scope=\"col\">" +
                    esc(ui(lang, by_type ? Ui::col_type : Ui::col_category)) + "</th>";
    for (const auto& state : search::assessment_states) {
        h += "<th scope=\"col\" class=\"num\">" +
             esc(search::state_label(state.state, text_language(lang))) + "</th>";
    }
    h += "<th scope=\"col\" class=\"num\">" + esc(ui(lang, Ui::chart_total)) +
         "</th></tr></thead><tbody>";
    auto row = [&](const std::string& label, const search::AssessmentCounts& c, bool foot) {
        h += std::string(foot ? "<tr class=\"total\">" : "<tr>") + "<th scope=\"row\">" +
             esc(label) + "</th>";
        for (const auto& state : search::assessment_states) {
            h += num_cell(c.of(state.state), lang);
        }
        h += num_cell(c.total(), lang) + "</tr>";
    };
    for (const auto& g : groups) {
        row(by_type ? organisation_type_text(g.key, lang) : category_text(g.key, lang), g.counts,
            false);
    }
    h += "</tbody><tfoot>";
    row(std::string(ui(lang, Ui::chart_total)), total, true);
    h += "</tfoot></table></div>";
    return h;
}

} // namespace

std::string render_assessments_page(const search::AssessmentView& view, const std::string& type,
                                    const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const std::string query = type.empty() ? std::string() : "?organisatietype=" + url_encode(type);
    Document d;
    d.title = std::string(ui(lang, Ui::assess_title));
    d.nav_current = "assessments";
    d.alternate_href = localised_path(other, "/impacttoetsen") + query;
    std::string h = "<div class=\"page-intro\"><h1>" + esc(ui(lang, Ui::assess_title)) +
                    "</h1><p class=\"lead\">" + esc(ui(lang, Ui::assess_intro)) + "</p>";
    h += "<p class=\"downloads\">" + esc(ui(lang, Ui::downloads_label)) +
         ": <a href=\"/api/v1/impact-assessments" + esc(query) + "\" type=\"application/json\">" +
         esc(ui(lang, Ui::download_json)) +
         "</a> · <a href=\"/api/v1/impact-assessments.csv\" type=\"text/csv\" download>" +
         esc(ui(lang, Ui::download_csv)) + "</a></p></div>";

    h += "<nav class=\"toc\" aria-labelledby=\"toc-heading\"><h2 id=\"toc-heading\">" +
         esc(ui(lang, Ui::entry_contents)) + "</h2><ul>";
    for (const auto& t : view.types) {
        h += "<li><a href=\"#toets-" + esc(search::slug(t.type)) + "\">" +
             esc(search::assessment_type_label(t.type, text_language(lang))) + "</a></li>";
    }
    h += "<li><a href=\"#verwacht\">" + esc(ui(lang, Ui::assess_expected_heading)) +
         "</a></li></ul></nav>";

    for (const auto& t : view.types) {
        const std::string id = "toets-" + search::slug(t.type);
        const std::string type_label = search::assessment_type_label(t.type, text_language(lang));
        std::string states;
        for (const auto& state : search::assessment_states) {
            states += std::string(states.empty() ? "" : ", ") +
                      format_count(t.total.of(state.state), lang) + " " +
                      std::string(search::state_label(state.state, text_language(lang)));
        }
        h += "<section aria-labelledby=\"" + esc(id) + "\"><h2 id=\"" + esc(id) + "\">" +
             esc(type_label) + "</h2><p>" +
             esc(ui(lang, Ui::assess_total, {type_label, format_count(view.entries, lang)})) +
             ": " + esc(states) + ".</p>";
        h += counts_table(id + "-type", ui(lang, Ui::assess_by_org_type, {type_label}),
                          t.by_organisation_type, t.total, true, lang);
        h += counts_table(id + "-categorie", ui(lang, Ui::assess_by_category, {type_label}),
                          t.by_category, t.total, false, lang);
        h += "</section>";
    }

    // The list, with a filter by organisation type.
    std::set<std::string> types;
    for (const auto& item : view.expected) {
        types.insert(item.organisation_type.empty() ? "onbekend" : item.organisation_type);
    }
    const auto shown = search::expected_of_type(view, type);
    h += "<section class=\"expected-section\"><h2 id=\"verwacht\">" +
         esc(ui(lang, Ui::assess_expected_heading)) + "</h2><p>" +
         esc(ui(lang, Ui::assess_expected_intro)) + "</p>";
    h += "<form class=\"inline-field\" method=\"get\" action=\"" +
         esc(localised_path(lang, "/impacttoetsen")) +
         "#verwacht\"><label for=\"organisatietype\">" +
         esc(facet_label(lang, search::facet::organisation_type.name)) +
         "</label><select id=\"organisatietype\" name=\"organisatietype\"><option value=\"\">" +
         esc(ui(lang, Ui::assess_filter_all)) + "</option>";
    for (const auto& key : types) {
        h += "<option value=\"" + esc(key) + "\"" + (key == type ? " selected" : "") + ">" +
             esc(organisation_type_text(key, lang)) + "</option>";
    }
    h += "</select><button type=\"submit\">" + esc(ui(lang, Ui::assess_filter_button)) +
         "</button></form>";
    h += "<p role=\"status\">" +
         esc(ui(lang, Ui::assess_expected_count, {format_count(shown.size(), lang)})) + "</p>";
    if (shown.empty()) {
        h += "<p>" + esc(ui(lang, Ui::assess_expected_none)) + "</p>";
    } else {
        h += "<p><a href=\"/api/v1/impact-assessments.csv?table=expected" +
             esc(type.empty() ? std::string() : "&organisatietype=" + url_encode(type)) +
             "\" type=\"text/csv\" download>" + esc(ui(lang, Ui::download_csv)) + "</a></p>";
        h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" "
             "aria-labelledby=\"verwacht\"><table class=\"data-table\"><thead><tr><th "
             "scope=\"col\">" +
             esc(ui(lang, Ui::col_name)) + "</th><th scope=\"col\">" +
             esc(ui(lang, Ui::col_organisation)) + "</th><th scope=\"col\">" +
             esc(ui(lang, Ui::col_type)) + "</th><th scope=\"col\">" +
             esc(ui(lang, Ui::col_category)) + "</th><th scope=\"col\">" +
             esc(ui(lang, Ui::col_status)) + "</th><th scope=\"col\">" +
             esc(ui(lang, Ui::col_expected)) + "</th></tr></thead><tbody>";
        for (const auto& item : shown) {
            std::string expected;
            for (const auto& e : item.expected) {
                expected += (expected.empty() ? "" : ", ") + e;
            }
            h += "<tr><th scope=\"row\"><a href=\"" +
                 esc(localised_path(lang, "/algoritme/" + url_encode(item.entry.id))) + "\"" +
                 data_lang(lang) + ">" +
                 esc(item.entry.name.empty() ? item.entry.id : item.entry.name) + "</a></th><td>";
            if (!item.organisation_slug.empty()) {
                h += "<a href=\"" +
                     esc(localised_path(lang,
                                        "/organisatie/" + url_encode(item.organisation_slug))) +
                     "\">" + esc(item.organisation) + "</a>";
            }
            h += "</td><td>" + esc(organisation_type_text(item.organisation_type, lang)) +
                 "</td><td>" + esc(vocabulary_label(lang, item.publication_category)) +
                 "</td><td>" + esc(vocabulary_label(lang, item.status)) + "</td><td>" +
                 esc(expected) + "</td></tr>";
        }
        h += "</tbody></table></div>";
    }
    h += "</section>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
