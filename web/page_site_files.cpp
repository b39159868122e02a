#include "web/page_site_files.h"

#include "web/atom_feed.h"
#include "web/html_builder.h"
#include "web/page_url.h"

#include <algorithm>
#include <array>

namespace algreg::web {

namespace {

constexpr std::array<std::string_view, 6> main_pages{
    "/", "/wijzigingen", "/statistieken", "/volledigheid", "/impacttoetsen", "/api-docs"};

void put_url(std::string& out, std::string_view site, const SitemapUrl& url) {
    out += "<url><loc>" + xml_escape(std::string(site) + url.path) + "</loc>";
    if (!url.lastmod.empty()) {
        out += "<lastmod>" + xml_escape(url.lastmod) + "</lastmod>";
    }
    out += "</url>\n";
}

} // namespace

std::string robots_txt(std::string_view site) {
    return "# algreg: pages may be crawled; the API and filtered views (URLs with a query) not.\n"
           "User-agent: *\n"
           "Allow: /\n"
           "Allow: /static/\n"
           "Disallow: /api/\n"
           "Disallow: /*?\n"
           "\n"
           "Sitemap: " +
           std::string(site) + "/sitemap.xml\n";
}

std::vector<SitemapUrl> sitemap_urls(const std::vector<search::AlgorithmRecord>& records) {
    std::string newest;
    for (const auto& r : records) {
        newest = std::max({newest, r.changed, r.added});
    }
    std::vector<SitemapUrl> urls;
    urls.reserve(main_pages.size() + records.size());
    for (const auto page : main_pages) {
        urls.push_back({std::string(page), page == "/api-docs" ? std::string() : newest});
    }
    for (const auto& r : records) {
        urls.push_back({"/algoritme/" + url_encode(r.id), r.changed.empty() ? r.added : r.changed});
    }
    return urls;
}

std::size_t sitemap_parts(std::size_t urls) {
    return std::max<std::size_t>(1, (urls + sitemap_max_urls - 1) / sitemap_max_urls);
}

std::string sitemap_xml(std::string_view site, const std::vector<SitemapUrl>& urls,
                        std::size_t part) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    const std::size_t first =
        std::min(urls.size(), (std::max<std::size_t>(part, 1) - 1) * sitemap_max_urls);
    const std::size_t last = std::min(urls.size(), first + sitemap_max_urls);
    out.reserve(out.size() + (last - first) * 96);
    for (std::size_t i = first; i < last; ++i) {
        put_url(out, site, urls[i]);
    }
    out += "</urlset>\n";
    return out;
}

std::string sitemap_index_xml(std::string_view site, std::size_t parts) {
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (std::size_t i = 1; i <= parts; ++i) {
        out += "<sitemap><loc>" +
               xml_escape(std::string(site) + "/sitemap-" + std::to_string(i) + ".xml") +
               "</loc></sitemap>\n";
    }
    out += "</sitemapindex>\n";
    return out;
}

std::string opensearch_xml(std::string_view site, Lang lang, std::string_view asset_version) {
    const std::string s(site);
    std::string icon = s + "/static/favicon.svg";
    if (!asset_version.empty()) {
        icon += "?v=" + url_encode(asset_version);
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
           "<ShortName>algreg</ShortName>\n<LongName>" +
           xml_escape(ui(lang, Ui::site_name)) + "</LongName>\n<Description>" +
           xml_escape(ui(lang, Ui::opensearch_description)) +
           "</Description>\n<InputEncoding>UTF-8</InputEncoding>\n<Language>" +
           std::string(lang_code(lang)) + "</Language>\n<Image type=\"image/svg+xml\">" +
           xml_escape(icon) + "</Image>\n<Url type=\"text/html\" method=\"get\" template=\"" +
           xml_escape(s + localised_path(lang, "/") + "?q={searchTerms}") + "\"/>\n" +
           "<Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"" +
           xml_escape(s + localised_path(lang, "/opensearch.xml")) +
           "\"/>\n</OpenSearchDescription>\n";
}

} // namespace algreg::web
