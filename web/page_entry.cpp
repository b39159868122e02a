#include "web/page_entry.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/facet_labels.h"
#include "search/html_text.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_entry_completeness.h"
#include "web/page_entry_history.h"
#include "web/page_entry_risk.h"
#include "web/page_search.h"
#include "web/page_url.h"

namespace algreg::web {

namespace {

using search::AlgorithmRecord;
using search::Reference;
using search::Section;
using search::StringField;

std::string empty_value(const AlgorithmRecord& r, Lang lang) {
    return "<span class=\"empty-field\">" +
           esc(ui(lang, r.listing_only ? Ui::field_unknown : Ui::field_empty)) + "</span>";
}

std::string field_row(std::string_view title, const std::string& value_html,
                      const std::string& dd_class, Lang lang) {
    return "<div class=\"field\"><dt>" + esc(title) + "</dt><dd class=\"" + dd_class + "\"" +
           (dd_class == "blank" ? std::string() : data_lang(lang)) + ">" + value_html +
           "</dd></div>";
}

std::string references_html(const std::vector<Reference>& refs, Lang lang) {
    std::string h = "<ul class=\"references\">";
    for (const auto& ref : refs) {
        const std::string title = ref.title.empty() ? ref.link : ref.title;
        h += "<li>";
        if (!safe_http_url(ref.link).empty()) {
            h += external_link(ref.link, title);
        } else {
            h += esc(title);
            if (!ref.link.empty()) {
                h += " <span class=\"muted\">(" + esc(ref.link) + ")</span>";
            }
        }
        h += "</li>";
    }
    h += "</ul>";
    (void)lang;
    return h;
}

std::string themes_html(const std::vector<std::string>& themes, Lang lang) {
    std::string h = "<ul class=\"inline-list\">";
    for (const auto& t : themes) {
        h += "<li>" + esc(vocabulary_label(lang, t)) + "</li>";
    }
    h += "</ul>";
    return h;
}

std::string string_value_html(const AlgorithmRecord& r, const StringField& f, Lang lang) {
    const std::string& value = r.*(f.member);
    const std::string_view key = f.key;
    if (f.html) {
        return search::sanitise_html(value);
    }
    if (key == "website" || key == "url" || key == "process_index_url" || key == "publiccode") {
        return external_link(value, value);
    }
    if (key == "contact_email") {
        if (looks_like_email(value)) {
            return "<a href=\"mailto:" + esc(value) + "\">" + esc(value) + "</a>";
        }
        return external_link(value, value);
    }
    if (key == "status" || key == "publication_category") {
        return esc(vocabulary_label(lang, value));
    }
    if (key == "begin_date" || key == "end_date") {
        return esc(format_date(value, lang));
    }
    if (key == "organization") {
        return "<a href=\"" +
               esc(localised_path(lang, "/organisatie/" + url_encode(search::slug(value)))) +
               "\">" + esc(value) + "</a>";
    }
    return esc(value);
}

/// One field of the entry in the register's order; list fields have no StringField.
struct Item {
    const StringField* field = nullptr; ///< a string field, or
    std::string_view list;              ///< "category", "lawful_basis_grouping", ...
};

std::vector<Item> items_of(Section section) {
    std::vector<Item> out;
    for (const auto& f : search::string_fields()) {
        if (f.section != section || f.key == "name") {
            continue;
        }
        out.push_back({&f, {}});
        if (f.key == "organization") {
            out.push_back({nullptr, "category"});
        } else if (f.key == "lawful_basis") {
            out.push_back({nullptr, "lawful_basis_grouping"});
        } else if (f.key == "process_index_url") {
            out.push_back({nullptr, "impacttoetsen_grouping"});
        } else if (f.key == "source_data") {
            out.push_back({nullptr, "source_data_grouping"});
        }
    }
    return out;
}

std::string item_html(const AlgorithmRecord& r, const Item& item, Lang lang) {
    if (item.field != nullptr) {
        const StringField& f = *item.field;
        const std::string& value = r.*(f.member);
        const std::string_view title = lang == Lang::en ? f.title_en : f.title_nl;
        const bool blank = value.empty() || (f.html && search::strip_html(value).empty());
        if (blank) {
            return f.show_always ? field_row(title, empty_value(r, lang), "blank", lang) : "";
        }
        return field_row(title, string_value_html(r, f, lang), f.html ? "html" : "plain", lang);
    }
    if (item.list == "category") {
        const auto title = ui(lang, Ui::field_themes);
        return r.category.empty() ? field_row(title, empty_value(r, lang), "blank", lang)
                                  : field_row(title, themes_html(r.category, lang), "plain", lang);
    }
    const std::vector<Reference>* refs = nullptr;
    Ui title = Ui::field_lawful_basis_grouping;
    if (item.list == "lawful_basis_grouping") {
        refs = &r.lawful_basis_grouping;
    } else if (item.list == "impacttoetsen_grouping") {
        refs = &r.impacttoetsen_grouping;
        title = Ui::field_impacttoetsen_grouping;
    } else {
        refs = &r.source_data_grouping;
        title = Ui::field_source_data_grouping;
    }
    if (refs->empty()) {
        return {};
    }
    return field_row(ui(lang, title), references_html(*refs, lang), "plain", lang);
}

std::string section_html(const AlgorithmRecord& r, Section section, std::string_view id, Ui heading,
                         Lang lang) {
    std::string rows;
    for (const auto& item : items_of(section)) {
        rows += item_html(r, item, lang);
    }
    if (rows.empty()) {
        return {};
    }
    return "<section class=\"entry-section\" aria-labelledby=\"" + std::string(id) +
           "\"><h2 id=\"" + std::string(id) + "\">" + esc(ui(lang, heading)) +
           "</h2><dl class=\"fields\">" + rows + "</dl></section>";
}

std::string assessments_html(const AlgorithmRecord& r, Lang lang) {
    std::string h =
        "<section class=\"entry-section\" aria-labelledby=\"toetsen\"><h2 id=\"toetsen\">" +
        esc(ui(lang, Ui::assessments_heading)) + "</h2>";
    if (r.assessments.empty()) {
        return h + "<p>" + esc(ui(lang, Ui::assessments_none)) + "</p></section>";
    }
    h += "<p>" + esc(ui(lang, Ui::assessments_intro)) + "</p><div class=\"assessments\">";
    for (const auto& a : r.assessments) {
        const std::string state(search::to_slug(a.state));
        const std::string type_label = search::assessment_type_label(a.type, text_language(lang));
        h += "<div class=\"assessment-box\"><h3>" + esc(type_label) +
             " <span class=\"badge assessment " + std::string(state_class(state)) + "\">" +
             esc(state_label(lang, state)) + "</span></h3>";
        if (!safe_http_url(a.link).empty()) {
            h += "<p>" + external_link(a.link, a.link) + "</p>";
        }
        if (!a.statements.empty()) {
            h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
                 esc(ui(lang, Ui::assessment_sources)) + ": " + esc(type_label) +
                 "\"><table class=\"data-table statements\"><caption>" +
                 esc(ui(lang, Ui::assessment_sources)) + ": " + esc(type_label) +
                 "</caption><thead><tr><th scope=\"col\">" + esc(ui(lang, Ui::assessment_sources)) +
                 "</th><th scope=\"col\">" + esc(ui(lang, Ui::assessment_state)) +
                 "</th><th scope=\"col\">" + esc(ui(lang, Ui::assessment_date)) +
                 "</th><th scope=\"col\">" + esc(ui(lang, Ui::assessment_text)) +
                 "</th></tr></thead><tbody>";
            for (const auto& s : a.statements) {
                const std::string source =
                    search::assessment_source_label(s.source, text_language(lang));
                std::string text = esc(s.text);
                if (!safe_http_url(s.link).empty()) {
                    text += (text.empty() ? "" : " ") + external_link(s.link, s.link);
                }
                h += "<tr><td>" + esc(source) + "</td><td>" +
                     esc(state_label(lang, search::to_slug(s.state))) + "</td><td>" +
                     esc(format_date(s.date, lang)) + "</td><td" + data_lang(lang) + ">" + text +
                     "</td></tr>";
            }
            h += "</tbody></table></div>";
        }
        h += "</div>";
    }
    h += "</div></section>";
    return h;
}

std::string legacy_html(const AlgorithmRecord& r, Lang lang) {
    if (r.legacy.empty()) {
        return {};
    }
    std::string h = "<section class=\"entry-section\" aria-labelledby=\"oud\"><h2 id=\"oud\">" +
                    esc(ui(lang, Ui::section_legacy)) + "</h2><dl class=\"fields\">";
    for (const auto& [key, value] : r.legacy) {
        if (!value.empty()) {
            h += field_row(search::generic_label(key), esc(value), "plain", lang);
        }
    }
    h += "</dl></section>";
    return h;
}

} // namespace

std::string register_link(const AlgorithmRecord& r) {
    std::string url = safe_http_url(r.register_url);
    if (url.empty() && r.lars.size() == 8) {
        url = "https://algoritmes.overheid.nl/nl/algoritme/" + r.lars;
    }
    return url;
}

std::string render_entry_page(const AlgorithmRecord& r, const std::vector<search::Hit>& similar,
                              const PageOptions& options,
                              const std::vector<search::EntryEvent>& history,
                              const search::Completeness* completeness) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const std::string path = "/algoritme/" + url_encode(r.id);
    Document d;
    d.title = r.name.empty() ? std::string(ui(lang, Ui::entry_title)) + " " + r.id : r.name;
    d.alternate_href = localised_path(other, path);
    d.description = search::strip_html(r.description_short);

    std::string h = "<p class=\"breadcrumb\"><a href=\"" + esc(localised_path(lang, "/")) + "\">" +
                    esc(ui(lang, Ui::entry_back)) + "</a></p>";
    h += "<article class=\"entry\" aria-labelledby=\"entry-title\">";
    h += "<header class=\"entry-header\"><h1 id=\"entry-title\"" + data_lang(lang) + ">" +
         esc(r.name.empty() ? r.id : r.name) + "</h1>";
    if (!r.organization.empty()) {
        h += "<p class=\"entry-org\"><a href=\"" +
             esc(localised_path(lang, "/organisatie/" + url_encode(search::slug(r.organization)))) +
             "\"" + data_lang(lang) + ">" + esc(r.organization) + "</a>";
        if (!r.organization_type.empty() && r.organization_type != "onbekend") {
            h += " · " +
                 esc(vocabulary_label(lang, search::organisation_type_label(r.organization_type)));
        }
        h += "</p>";
    }
    h += render_removed_banner(history, lang);
    h += "<ul class=\"badges\">";
    if (!r.status.empty()) {
        h += "<li class=\"badge status\">" + esc(vocabulary_label(lang, r.status)) + "</li>";
    }
    if (!r.publication_category.empty()) {
        h += "<li class=\"badge category\">" + esc(vocabulary_label(lang, r.publication_category)) +
             "</li>";
    }
    for (const auto& a : r.assessments) {
        const std::string state(search::to_slug(a.state));
        h += "<li class=\"badge assessment " + std::string(state_class(state)) + "\">" +
             esc(search::assessment_type_label(a.type, text_language(lang))) + ": " +
             esc(state_label(lang, state)) + "</li>";
    }
    h += "</ul>";
    h += "<dl class=\"entry-meta\">";
    if (!r.lars.empty()) {
        h += "<div><dt>" + esc(ui(lang, Ui::entry_id)) + "</dt><dd>" + esc(r.lars) + "</dd></div>";
    }
    // The register's own dates first; `added` is only when the daily listing (algreg's source
    // of history) first saw the entry, for most entries the day that listing started
    // (docs/history.md), so it is labelled as such and never as a registration date.
    if (!r.changed.empty()) {
        h += "<div><dt>" + esc(ui(lang, Ui::entry_changed)) + "</dt><dd>" +
             esc(format_date(r.changed, lang)) + "</dd></div>";
    }
    if (r.publication_dt.size() >= 10 && r.publication_dt.substr(0, 10) != r.changed) {
        h += "<div><dt>" + esc(ui(lang, Ui::entry_published)) + "</dt><dd>" +
             esc(format_date(r.publication_dt.substr(0, 10), lang)) + "</dd></div>";
    }
    if (!r.added.empty()) {
        h += "<div><dt>" + esc(ui(lang, Ui::entry_added)) + "</dt><dd>" +
             esc(format_date(r.added, lang)) + "</dd></div>";
    }
    if (!r.standard_version.empty()) {
        h += "<div><dt>" + esc(ui(lang, Ui::entry_standard)) + "</dt><dd>" +
             esc(r.standard_version) + "</dd></div>";
    }
    h += "</dl>";
    const std::string official = register_link(r);
    if (!official.empty()) {
        h += "<p class=\"official-link\"><a class=\"external\" href=\"" + esc(official) +
             "\" rel=\"noopener noreferrer\">" + esc(ui(lang, Ui::entry_on_register)) + "</a></p>";
    }
    if (r.listing_only) {
        h += "<p class=\"notice\">" + esc(ui(lang, Ui::entry_listing_only)) + "</p>";
    }
    h += "</header>";

    // Contents: the sections on this page.
    h += "<nav class=\"toc\" aria-labelledby=\"toc-heading\"><h2 id=\"toc-heading\">" +
         esc(ui(lang, Ui::entry_contents)) + "</h2><ul>";
    const std::string algemeen =
        section_html(r, Section::algemeen, "algemeen", Ui::section_algemeen, lang);
    const std::string verantwoord = section_html(r, Section::verantwoord_gebruik, "verantwoord",
                                                 Ui::section_verantwoord_gebruik, lang);
    const std::string werking =
        section_html(r, Section::werking, "werking", Ui::section_werking, lang);
    const std::string legacy = legacy_html(r, lang);
    auto toc = [&](const std::string& body, std::string_view id, Ui text) {
        if (!body.empty()) {
            h += "<li><a href=\"#" + std::string(id) + "\">" + esc(ui(lang, text)) + "</a></li>";
        }
    };
    toc(algemeen, "algemeen", Ui::section_algemeen);
    toc(verantwoord, "verantwoord", Ui::section_verantwoord_gebruik);
    toc(werking, "werking", Ui::section_werking);
    toc(legacy, "oud", Ui::section_legacy);
    h += "<li><a href=\"#toetsen\">" + esc(ui(lang, Ui::assessments_heading)) + "</a></li>";
    h += "<li><a href=\"#risico\">" + esc(entry_risk_heading(lang)) + "</a></li>";
    const std::string completeness_html = render_entry_completeness(r, completeness, lang);
    toc(completeness_html, "volledigheid", Ui::completeness_heading);
    const std::string history_html = render_entry_history(history, d.title, lang);
    toc(history_html, "geschiedenis", Ui::history_heading);
    h += "<li><a href=\"#vergelijkbaar\">" + esc(ui(lang, Ui::similar_heading)) + "</a></li>";
    h += "</ul></nav>";

    h += algemeen + verantwoord + werking + legacy;
    h += assessments_html(r, lang);
    h += render_entry_risk(r, lang);
    h += completeness_html;
    h += history_html;
    h += "</article>";

    h += "<section class=\"entry-section similar\" aria-labelledby=\"vergelijkbaar\"><h2 "
         "id=\"vergelijkbaar\">" +
         esc(ui(lang, Ui::similar_heading)) + "</h2>";
    if (similar.empty()) {
        h += "<p>" + esc(ui(lang, Ui::similar_none)) + "</p>";
    } else {
        h += render_hits(similar, lang, 3, 1);
    }
    h += "</section>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
