#include "web/page_organisation.h"

#include "search/facet_labels.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_url.h"

namespace algreg::web {

OrganisationView organisation_view(const std::string& slug, SearchView search) {
    OrganisationView out;
    out.slug = slug;
    search.path = "/organisatie/" + url_encode(slug);
    search.fixed_filters[std::string(search::facet::organisation.name)] = {slug};
    search.request.filters.erase(std::string(search::facet::organisation.name));
    out.search = std::move(search);
    return out;
}

search::SearchRequest search_request(const SearchView& view) {
    search::SearchRequest r = view.request;
    for (const auto& [facet, values] : view.fixed_filters) {
        r.filters[facet].insert(values.begin(), values.end());
    }
    return r;
}

std::string render_organisation_page(const OrganisationView& view, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    const std::string name = view.name.empty() ? view.slug : view.name;
    Document d;
    d.title = name;
    d.alternate_href =
        page_url(other, view.search.path, view.search.request, view.search.org_query);

    std::string h = "<p class=\"breadcrumb\"><a href=\"" + esc(localised_path(lang, "/")) + "\">" +
                    esc(ui(lang, Ui::entry_back)) + "</a></p>";
    h += "<div class=\"page-intro\"><p class=\"eyebrow\">" + esc(ui(lang, Ui::organisation_title)) +
         "</p><h1" + data_lang(lang) + ">" + esc(name) + "</h1>";
    if (!view.type_key.empty() && view.type_key != "onbekend") {
        h += "<p class=\"lead\">" + esc(ui(lang, Ui::organisation_heading_type)) + ": " +
             esc(vocabulary_label(lang, search::organisation_type_label(view.type_key))) + "</p>";
    }
    if (!view.ministry_slug.empty()) {
        search::SearchRequest under_ministry;
        under_ministry.filters[std::string(search::facet::ministry.name)] = {view.ministry_slug};
        h += "<p>" + esc(ui(lang, Ui::organisation_ministry)) + ": <a href=\"" +
             esc(page_url(lang, "/", under_ministry)) + "\">" + esc(view.ministry_name) +
             "</a></p>";
    }
    search::SearchRequest everywhere;
    everywhere.filters[std::string(search::facet::organisation.name)] = {view.slug};
    h += "<p><a href=\"" + esc(page_url(lang, "/", everywhere)) + "\">" +
         esc(ui(lang, Ui::organisation_in_search)) + "</a></p>";
    h += "<p><a href=\"" +
         esc(localised_path(lang, "/organisatie/" + url_encode(view.slug) + "/volledigheid")) +
         "\">" + esc(ui(lang, Ui::completeness_more)) + "</a></p></div>";
    h += render_search_layout(view.search, options, ui(lang, Ui::organisation_search_label));
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
