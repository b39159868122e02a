#include "web/page_layout.h"

#include "web/html_builder.h"
#include "web/page_url.h"

namespace algreg::web {

namespace {

std::string nav_item(const std::string& href, std::string_view text, bool current) {
    return "<li><a href=\"" + esc(href) + "\"" + (current ? " aria-current=\"page\"" : "") + ">" +
           esc(text) + "</a></li>";
}

} // namespace

std::string asset_url(const std::string& name, const PageOptions& options) {
    std::string url = "/static/" + name;
    if (!options.asset_version.empty()) {
        url += "?v=" + url_encode(options.asset_version);
    }
    return url;
}

std::string render_document(const Document& d, const PageOptions& o) {
    const Lang lang = o.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    std::string h;
    h.reserve(d.main_html.size() + 4096);
    h += "<!DOCTYPE html>\n<html lang=\"";
    h += lang_code(lang);
    h += "\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<title>";
    h += esc(d.title);
    h += " · ";
    h += esc(ui(lang, Ui::site_name));
    h += "</title>\n";
    if (!d.description.empty()) {
        h += "<meta name=\"description\" content=\"" + esc(d.description) + "\">\n";
    }
    h += "<link rel=\"stylesheet\" href=\"" + esc(asset_url("app.css", o)) + "\">\n";
    h += "<link rel=\"icon\" href=\"" + esc(asset_url("favicon.svg", o)) +
         "\" type=\"image/svg+xml\">\n";
    h += "<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"" +
         esc(ui(lang, Ui::site_name)) + "\" href=\"" +
         esc(localised_path(lang, "/opensearch.xml")) + "\">\n";
    if (!d.alternate_href.empty()) {
        h += "<link rel=\"alternate\" hreflang=\"";
        h += lang_code(other);
        h += "\" href=\"" + esc(d.alternate_href) + "\">\n";
    }
    if (!d.feed_href.empty()) {
        h += "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + esc(d.feed_title) +
             "\" href=\"" + esc(d.feed_href) + "\">\n";
    }
    h += "<script src=\"" + esc(asset_url("app.js", o)) + "\" defer></script>\n";
    h += "</head>\n<body>\n";
    h += "<a class=\"skip-link\" href=\"#inhoud\">" + esc(ui(lang, Ui::skip_to_content)) + "</a>\n";

    // Header: brand, navigation (with the language switch), and a compact search form.
    h += "<header class=\"site-header\">\n<div class=\"wrap header-inner\">\n";
    h += "<a class=\"brand\" href=\"" + esc(localised_path(lang, "/")) + "\">";
    h += "<img src=\"" + esc(asset_url("logo.svg", o)) +
         "\" alt=\"\" width=\"32\" height=\"32\"><span>" + esc(ui(lang, Ui::site_name)) +
         "</span></a>\n";
    h += "<nav class=\"site-nav\" aria-label=\"" + esc(ui(lang, Ui::nav_label)) + "\"><ul>";
    h += nav_item(localised_path(lang, "/"), ui(lang, Ui::nav_search), d.nav_current == "search");
    h += nav_item(localised_path(lang, "/wijzigingen"), ui(lang, Ui::nav_changes),
                  d.nav_current == "changes");
    h += nav_item(localised_path(lang, "/statistieken"), ui(lang, Ui::nav_statistics),
                  d.nav_current == "statistics");
    h += nav_item(localised_path(lang, "/volledigheid"), ui(lang, Ui::nav_completeness),
                  d.nav_current == "completeness");
    h += nav_item(localised_path(lang, "/impacttoetsen"), ui(lang, Ui::nav_assessments),
                  d.nav_current == "assessments");
    h += nav_item(localised_path(lang, "/risicoprofielen"), ui(lang, Ui::nav_risk_profiles),
                  d.nav_current == "risk-profiles");
    h += nav_item(localised_path(lang, "/api-docs"), ui(lang, Ui::nav_api), d.nav_current == "api");
    if (!d.alternate_href.empty()) {
        h += "<li><a class=\"lang-switch\" href=\"" + esc(d.alternate_href) + "\" lang=\"";
        h += lang_code(other);
        h += "\" hreflang=\"";
        h += lang_code(other);
        h += "\" title=\"" + esc(ui(lang, Ui::switch_language_hint)) + "\">" +
             esc(ui(lang, Ui::switch_language)) + "</a></li>";
    }
    h += "</ul></nav>\n";
    if (d.header_search) {
        h += "<form class=\"header-search\" role=\"search\" aria-label=\"" +
             esc(ui(lang, Ui::search_heading)) + "\" method=\"get\" action=\"" +
             esc(localised_path(lang, "/")) + "\">";
        h += "<label for=\"header-q\" class=\"visually-hidden\">" +
             esc(ui(lang, Ui::search_label)) + "</label>";
        h += "<input id=\"header-q\" name=\"q\" type=\"search\" autocomplete=\"off\" "
             "maxlength=\"1000\">";
        h += "<button type=\"submit\">" + esc(ui(lang, Ui::search_button)) + "</button></form>\n";
    }
    h += "</div>\n</header>\n";

    h += "<main id=\"inhoud\" tabindex=\"-1\">\n<div class=\"wrap\">\n";
    h += d.main_html;
    h += "\n</div>\n</main>\n";

    h += "<footer class=\"site-footer\">\n<div class=\"wrap\">\n";
    h += "<p>" + esc(ui(lang, Ui::footer_source)) + "</p>\n";
    h += "<p>" + esc(ui(lang, Ui::footer_unofficial)) + "</p>\n";
    h += "<p><a href=\"" + esc(localised_path(lang, "/api-docs")) + "\">" +
         esc(ui(lang, Ui::footer_api)) + "</a></p>\n";
    h += "</div>\n</footer>\n</body>\n</html>\n";
    return h;
}

std::string render_error_page(Ui title, Ui text, std::string_view arg, const PageOptions& o,
                              const std::string& alternate_href) {
    const Lang lang = o.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    Document d;
    d.title = std::string(ui(lang, title));
    d.alternate_href = alternate_href;
    d.header_search = false; // the page has its own, larger search form
    std::string h = "<div class=\"error-page\"><h1>" + esc(ui(lang, title)) + "</h1>\n<p>" +
                    esc(ui(lang, text, {arg})) + "</p>\n";
    h += "<div class=\"other-language\" lang=\"";
    h += lang_code(other);
    h += "\"><h2>" + esc(ui(other, title)) + "</h2>\n<p>" + esc(ui(other, text, {arg})) +
         "</p></div>\n";
    h += "<form class=\"error-search\" role=\"search\" method=\"get\" action=\"" +
         esc(localised_path(lang, "/")) + "\"><label for=\"error-q\">" +
         esc(ui(lang, Ui::error_search_label)) +
         "</label><div class=\"combo\"><input id=\"error-q\" name=\"q\" type=\"search\" "
         "autocomplete=\"off\" maxlength=\"1000\"><button type=\"submit\" class=\"primary\">" +
         esc(ui(lang, Ui::search_button)) + "</button></div></form>\n";
    h += "<p><a href=\"" + esc(localised_path(lang, "/")) + "\">" + esc(ui(lang, Ui::back_home)) +
         "</a></p></div>";
    d.main_html = std::move(h);
    return render_document(d, o);
}

} // namespace algreg::web
