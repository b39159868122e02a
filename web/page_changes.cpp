#include "web/page_changes.h"

#include "web/field_diff.h"
#include "web/html_builder.h"
#include "web/page_url.h"

#include <algorithm>
#include <array>

namespace algreg::web {

namespace {

using search::ChangeItem;
using search::ChangeKind;
using search::ChangesRequest;

constexpr std::array<ChangeKind, 3> kinds_in_order{ChangeKind::added, ChangeKind::changed,
                                                   ChangeKind::removed};

std::string time_html(const std::string& date, Lang lang) {
    return "<time datetime=\"" + esc(date) + "\">" + esc(format_date(date, lang)) + "</time>";
}

std::string count_text(std::size_t n, Lang lang) {
    return n == 1 ? std::string(ui(lang, Ui::changes_count_one))
                  : ui(lang, Ui::changes_count, {format_count(n, lang)});
}

std::string period_controls(const ChangesView& view, Lang lang) {
    const ChangesRequest& r = view.query.request;
    const std::string max =
        view.page.last_date.empty() ? std::string() : " max=\"" + esc(view.page.last_date) + "\"";
    std::string h = "<div class=\"change-controls\">";
    h += "<fieldset class=\"period\"><legend>" + esc(ui(lang, Ui::changes_period)) + "</legend>";
    h += "<div class=\"date-field\"><label for=\"since\">" + esc(ui(lang, Ui::changes_since)) +
         "</label><input type=\"date\" id=\"since\" name=\"since\" value=\"" + esc(r.since) + "\"" +
         max + "></div>";
    h += "<div class=\"date-field\"><label for=\"until\">" + esc(ui(lang, Ui::changes_until)) +
         "</label><input type=\"date\" id=\"until\" name=\"until\" value=\"" + esc(r.until) + "\"" +
         max + "></div></fieldset>";
    h += "<fieldset class=\"kinds\"><legend>" + esc(ui(lang, Ui::changes_kind)) +
         "</legend><ul class=\"facet-values\">";
    for (const auto kind : kinds_in_order) {
        const std::string value(search::to_string(kind));
        const bool checked = std::find(r.kinds.begin(), r.kinds.end(), kind) != r.kinds.end();
        h += "<li><input type=\"checkbox\" id=\"kind-" + value + "\" name=\"kind\" value=\"" +
             value + "\"" + (checked ? " checked" : "") + "><label for=\"kind-" + value + "\">" +
             esc(change_kind_label(lang, kind)) + "</label></li>";
    }
    h += "</ul></fieldset>";
    h += "<button type=\"submit\" class=\"primary\">" + esc(ui(lang, Ui::changes_apply)) +
         "</button></div>";
    return h;
}

/// The period's totals per kind (whatever kinds are ticked), each a link to that kind alone.
std::string kind_totals(const ChangesView& view, Lang lang) {
    const auto& t = view.page.totals;
    const std::array<std::pair<ChangeKind, std::size_t>, 3> totals{
        {{ChangeKind::added, t.added},
         {ChangeKind::changed, t.changed},
         {ChangeKind::removed, t.removed}}};
    constexpr std::array<Ui, 3> texts{Ui::changes_total_added, Ui::changes_total_changed,
                                      Ui::changes_total_removed};
    std::string h =
        "<p class=\"kind-totals\"><span>" + esc(ui(lang, Ui::changes_totals)) + ":</span> ";
    for (std::size_t i = 0; i < totals.size(); ++i) {
        ChangesRequest only = view.query.request;
        only.kinds = {totals[i].first};
        only.page = 1;
        h += std::string(i == 0 ? "" : " · ") + "<a class=\"kind-total kind-" +
             std::string(search::to_string(totals[i].first)) + "\" href=\"" +
             esc(changes_page_url(lang, only, view.query.org_query)) + "\">" +
             esc(ui(lang, texts[i], {format_count(totals[i].second, lang)})) + "</a>";
    }
    return h + "</p>";
}

std::string notices(const ChangesView& view, Lang lang) {
    std::string h;
    for (const auto& [name, value] : view.query.bad_dates) {
        h += "<p class=\"notice\">" + esc(ui(lang, Ui::changes_bad_date, {value, name})) + "</p>";
    }
    if (view.query.dates_swapped) {
        const auto& r = view.query.request;
        h += "<p class=\"notice\">" +
             esc(ui(lang, Ui::changes_bad_range,
                    {format_date(r.until, lang), format_date(r.since, lang)})) +
             "</p>";
    }
    for (const auto& w : view.page.warnings) {
        h += "<p class=\"notice\">" + esc(w.in(text_language(lang))) + "</p>";
    }
    return h;
}

std::string item_html(const ChangeItem& item, Lang lang, std::size_t number) {
    const std::string id = "change-" + std::to_string(number);
    const std::string name = item.name.empty() ? item.event.id : item.name;
    std::string h = "<li class=\"change\"><article aria-labelledby=\"" + id + "\">";
    h += "<h4 id=\"" + id + "\" class=\"card-title\"><a href=\"" +
         esc(localised_path(lang, "/algoritme/" + url_encode(item.event.id))) + "\"" +
         data_lang(lang) + ">" + esc(name) + "</a> " + change_kind_badge(lang, item.event.kind) +
         "</h4>";
    if (!item.organisation.empty()) {
        h += "<p class=\"card-org\">";
        if (item.in_register && !item.organisation_slug.empty()) {
            h += "<a href=\"" +
                 esc(localised_path(lang, "/organisatie/" + url_encode(item.organisation_slug))) +
                 "\"" + data_lang(lang) + ">" + esc(item.organisation) + "</a>";
        } else {
            h += "<span" + data_lang(lang) + ">" + esc(item.organisation) + "</span>";
        }
        h += "</p>";
    }
    if (item.event.kind == ChangeKind::changed && !item.event.fields.empty()) {
        h += render_field_changes(
            item.event.fields, lang,
            ui(lang, Ui::diff_caption, {name, format_date(item.event.date, lang)}));
    }
    h += "</article></li>";
    return h;
}

/// The register-wide counts of the revisions of `date` (there may be several a day).
std::string register_counts(const search::ChangesPage& page, const std::string& date, Lang lang) {
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t removed = 0;
    bool found = false;
    for (const auto& r : page.revisions) {
        if (r.date == date) {
            added += r.added;
            changed += r.changed;
            removed += r.removed;
            found = true;
        }
    }
    if (!found) {
        return {};
    }
    return "<p class=\"day-register\">" +
           esc(ui(lang, Ui::changes_register_day,
                  {format_count(added, lang), format_count(changed, lang),
                   format_count(removed, lang)})) +
           "</p>";
}

std::string days_html(const ChangesView& view, Lang lang) {
    const auto& items = view.page.items;
    std::string h;
    std::size_t number = view.page.page_size * (std::max<std::size_t>(view.page.page, 1) - 1);
    for (std::size_t i = 0; i < items.size();) {
        const std::string& date = items[i].event.date;
        std::size_t end = i;
        while (end < items.size() && items[end].event.date == date) {
            ++end;
        }
        const std::string heading_id = "day-" + std::to_string(i + 1);
        h += "<section class=\"change-day\" aria-labelledby=\"" + heading_id + "\"><h3 id=\"" +
             heading_id + "\">" + time_html(date, lang) + " <span class=\"day-count\">(" +
             esc(ui(lang, Ui::changes_day_counts, {count_text(end - i, lang)})) + ")</span></h3>";
        h += register_counts(view.page, date, lang);
        if (view.as_of_links) {
            h += "<p class=\"day-as-of\"><a href=\"" +
                 esc(localised_path(lang, "/") + "?as_of=" + url_encode(date)) + "\">" +
                 esc(ui(lang, Ui::as_of_day_link)) + "<span class=\"visually-hidden\"> (" +
                 esc(format_date(date, lang)) + ")</span></a></p>";
        }
        h += "<ol class=\"changes\">";
        for (; i < end; ++i) {
            h += item_html(items[i], lang, ++number);
        }
        h += "</ol></section>";
    }
    return h;
}

std::string pagination(const ChangesView& view, Lang lang) {
    const auto& p = view.page;
    const std::size_t size = std::max<std::size_t>(p.page_size, 1);
    const std::size_t pages = (p.total + size - 1) / size;
    if (pages <= 1) {
        return {};
    }
    const std::size_t current = std::clamp<std::size_t>(p.page, 1, pages);
    auto url = [&](std::size_t page) {
        ChangesRequest r = view.query.request;
        r.page = page;
        return esc(changes_page_url(lang, r, view.query.org_query));
    };
    std::string h =
        "<nav class=\"pagination\" aria-label=\"" + esc(ui(lang, Ui::pagination_label)) + "\"><ul>";
    if (current > 1) {
        h += "<li><a class=\"prev\" rel=\"prev\" href=\"" + url(current - 1) + "\">" +
             esc(ui(lang, Ui::page_previous)) + "</a></li>";
    }
    h += "<li><span class=\"page current\" aria-current=\"page\">" +
         esc(ui(lang, Ui::changes_page_of, {std::to_string(current), std::to_string(pages)})) +
         "</span></li>";
    if (current < pages) {
        h += "<li><a class=\"next\" rel=\"next\" href=\"" + url(current + 1) + "\">" +
             esc(ui(lang, Ui::page_next)) + "</a></li>";
    }
    h += "</ul></nav>";
    return h;
}

std::string results_section(const ChangesView& view, Lang lang) {
    const auto& p = view.page;
    std::string h = "<section class=\"results changes-results\" id=\"resultaten\" "
                    "aria-labelledby=\"changes-count\" tabindex=\"-1\">";
    h += "<h2 id=\"changes-count\" class=\"result-count\">" + esc(count_text(p.total, lang));
    if (!p.items.empty()) {
        const std::size_t first = p.page_size * (std::max<std::size_t>(p.page, 1) - 1) + 1;
        const std::size_t last = first + p.items.size() - 1;
        h += " <span class=\"range\">(" +
             esc(ui(lang, Ui::results_range,
                    {format_count(first, lang), format_count(last, lang),
                     format_count(p.total, lang)})) +
             ")</span>";
    }
    h += "</h2>";
    if (!view.page.last_date.empty()) {
        h += kind_totals(view, lang);
    }
    h += notices(view, lang);
    h += "<p class=\"feed\"><a class=\"feed-link\" href=\"" +
         esc(feed_url(view.query.request.search, view.query.request.kinds)) + "\">" +
         esc(ui(lang, Ui::feed_changes)) + "</a></p>";
    if (p.items.empty()) {
        h += "<div class=\"empty\"><p><strong>" + esc(ui(lang, Ui::changes_none)) +
             "</strong></p><p>" +
             esc(p.last_date.empty()
                     ? std::string(ui(lang, Ui::changes_no_history))
                     : ui(lang, Ui::changes_none_hint, {format_date(p.last_date, lang)})) +
             "</p></div>";
    } else {
        h += days_html(view, lang);
    }
    h += pagination(view, lang);
    // The first load is the baseline, not a change (docs/history.md): said once, below.
    for (const auto& r : p.revisions) {
        if (r.baseline) {
            h += "<p class=\"baseline\">" +
                 esc(ui(lang, Ui::changes_baseline,
                        {format_date(r.date, lang), format_count(r.entries, lang)})) +
                 "</p>";
        }
    }
    h += "</section>";
    return h;
}

} // namespace

SearchView changes_filter_view(const ChangesQuery& query) {
    SearchView v;
    v.request = query.request.search;
    v.org_query = query.org_query;
    v.path = "/wijzigingen";
    v.facet_counts = false;
    ChangesRequest kept;
    kept.since = query.request.since;
    kept.until = query.request.until;
    kept.kinds = query.request.kinds;
    kept.page_size = query.request.page_size;
    const std::string params = changes_query_string(kept);
    v.kept_params = params.empty() ? params : params.substr(1);
    return v;
}

std::string render_changes_page(const ChangesView& view, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const ChangesRequest& r = view.query.request;
    Document d;
    d.title = r.search.text.empty()
                  ? std::string(ui(lang, Ui::changes_title))
                  : r.search.text + " · " + std::string(ui(lang, Ui::changes_title));
    d.nav_current = "changes";
    d.header_search = false;
    d.description = std::string(ui(lang, Ui::changes_intro));
    d.alternate_href = changes_page_url(other, r, view.query.org_query);
    d.feed_href = feed_url(r.search, r.kinds);
    d.feed_title = std::string(ui(lang, Ui::feed_title));

    std::string h = "<div class=\"page-intro\"><h1>" + esc(ui(lang, Ui::changes_heading)) +
                    "</h1><p class=\"lead\">" + esc(ui(lang, Ui::changes_intro)) +
                    "</p><p class=\"explain\">" + esc(ui(lang, Ui::changes_explain)) + "</p></div>";
    h += "<form id=\"changes-form\" class=\"search-form changes-form\" method=\"get\" action=\"" +
         esc(localised_path(lang, "/wijzigingen")) + "\">";
    h += "<div class=\"searchbox\" role=\"search\" aria-labelledby=\"q-label\">";
    h += "<label for=\"q\" id=\"q-label\">" + esc(ui(lang, Ui::changes_search_label)) + "</label>";
    h += "<div class=\"combo\"><input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" "
         "spellcheck=\"false\" maxlength=\"1000\" value=\"" +
         esc(r.search.text) + "\"><button type=\"submit\" class=\"primary\">" +
         esc(ui(lang, Ui::search_button)) + "</button></div></div>";
    if (r.page_size != search::default_changes_page_size) {
        h += "<input type=\"hidden\" name=\"size\" value=\"" + std::to_string(r.page_size) + "\">";
    }
    h += period_controls(view, lang);
    h += "<div class=\"layout\">";
    h += render_filter_sidebar(view.filters, lang);
    h += results_section(view, lang);
    h += "</div></form>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
