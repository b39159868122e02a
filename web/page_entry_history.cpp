#include "web/page_entry_history.h"

#include "web/field_diff.h"
#include "web/html_builder.h"
#include "web/page_search.h"
#include "web/page_url.h"

namespace algreg::web {

namespace {

using search::ChangeKind;
using search::EntryEvent;

std::string time_html(const std::string& date, Lang lang) {
    return "<time datetime=\"" + esc(date) + "\">" + esc(format_date(date, lang)) + "</time>";
}

/// `text` escaped, with its "{0}" replaced by `html` (already HTML).
std::string with_html_arg(std::string_view text, const std::string& html) {
    const auto at = text.find("{0}");
    if (at == std::string_view::npos) {
        return esc(text);
    }
    return esc(text.substr(0, at)) + html + esc(text.substr(at + 3));
}

std::string fields_summary(const EntryEvent& e, Lang lang) {
    std::string titles;
    for (const auto& f : e.fields) {
        titles += (titles.empty() ? "" : ", ") + field_title(lang, f.field);
    }
    const std::string count = e.fields.size() == 1
                                  ? std::string(ui(lang, Ui::changes_fields_one))
                                  : ui(lang, Ui::changes_fields, {std::to_string(e.fields.size())});
    return count + ": " + titles;
}

std::string event_html(const EntryEvent& e, const std::string& name, Lang lang,
                       std::size_t number) {
    const std::string id = "event-" + std::to_string(number);
    std::string h = "<li class=\"history-event\"><h3 id=\"" + id + "\">" + time_html(e.date, lang) +
                    " " + change_kind_badge(lang, e.kind) + "</h3>";
    if (e.kind == ChangeKind::changed && !e.fields.empty()) {
        h += "<details class=\"change-fields\"><summary>" + esc(fields_summary(e, lang)) +
             "</summary>" +
             render_field_changes(e.fields, lang,
                                  ui(lang, Ui::diff_caption, {name, format_date(e.date, lang)})) +
             "</details>";
    }
    h += "</li>";
    return h;
}

} // namespace

std::string render_entry_history(const std::vector<EntryEvent>& events, const std::string& name,
                                 Lang lang) {
    if (events.empty()) {
        return {};
    }
    std::string h = "<section class=\"entry-section history\" aria-labelledby=\"geschiedenis\">"
                    "<h2 id=\"geschiedenis\">" +
                    esc(ui(lang, Ui::history_heading)) + "</h2>";
    const bool only_added = events.size() == 1 && events.front().kind == ChangeKind::added;
    if (only_added) {
        h += "<p>" + esc(ui(lang, Ui::history_unchanged)) + "</p>";
    } else {
        h += "<p>" + esc(ui(lang, Ui::history_intro, {format_date(events.front().date, lang)})) +
             "</p>";
    }
    h += "<ol class=\"history-events\">";
    std::size_t number = 0;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        h += event_html(*it, name, lang, ++number);
    }
    h += "</ol></section>";
    return h;
}

std::string render_removed_banner(const std::vector<EntryEvent>& events, Lang lang) {
    if (events.empty() || events.back().kind != ChangeKind::removed) {
        return {};
    }
    return "<div class=\"removed-banner\" role=\"note\"><p><strong>" +
           with_html_arg(ui(lang, Ui::removed_banner), time_html(events.back().date, lang)) +
           "</strong></p><p>" + esc(ui(lang, Ui::removed_explain)) + "</p></div>";
}

std::string render_removed_entry_page(const search::ChangeItem& entry,
                                      const std::vector<EntryEvent>& events,
                                      const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const std::string id = entry.event.id;
    const std::string name = entry.name.empty() ? id : entry.name;
    Document d;
    d.title = name;
    d.alternate_href = localised_path(other, "/algoritme/" + url_encode(id));
    std::string h = "<p class=\"breadcrumb\"><a href=\"" +
                    esc(localised_path(lang, "/wijzigingen")) + "\">" +
                    esc(ui(lang, Ui::changes_heading)) + "</a></p>";
    h += "<article class=\"entry removed-entry\" aria-labelledby=\"entry-title\">";
    h += "<header class=\"entry-header\"><h1 id=\"entry-title\"" + data_lang(lang) + ">" +
         esc(name) + "</h1>";
    if (!entry.organisation.empty()) {
        h += "<p class=\"entry-org\"><span" + data_lang(lang) + ">" + esc(entry.organisation) +
             "</span></p>";
    }
    h +=
        render_removed_banner(events.empty() ? std::vector<EntryEvent>{entry.event} : events, lang);
    h += "<dl class=\"entry-meta\">";
    if (!entry.lars.empty()) {
        h += "<div><dt>" + esc(ui(lang, Ui::entry_id)) + "</dt><dd>" + esc(entry.lars) +
             "</dd></div>";
    }
    h += "</dl></header>";
    h += render_entry_history(events, name, lang);
    h += "</article>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
