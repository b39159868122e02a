// The site's files for crawlers and browsers: robots.txt, the sitemap (the official register
// publishes one too) and the OpenSearch description that lets browsers offer algreg as a search
// engine. Pure functions of their data; page_routes.cpp serves them. Absolute URLs start with
// `site`, "http(s)://host[:port]" of the request (site_url).
#pragma once

#include "search/record.h"
#include "web/page_text.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::web {

/// URLs in one sitemap file (the protocol's limit is 50,000).
inline constexpr std::size_t sitemap_max_urls = 50'000;

/// robots.txt: everything but the API and URLs with a query (infinite filter combinations) may
/// be crawled; names the sitemap.
[[nodiscard]] std::string robots_txt(std::string_view site);

/// One page of the sitemap.
struct SitemapUrl {
    std::string path;    ///< site-relative, e.g. "/algoritme/11234933"
    std::string lastmod; ///< YYYY-MM-DD or ""
};

/// The main pages and one URL per entry page (lastmod: the entry's last change, else the day
/// it was added), in that order.
[[nodiscard]] std::vector<SitemapUrl>
sitemap_urls(const std::vector<search::AlgorithmRecord>& records);

/// Files the sitemap needs: 1 while the URLs fit in one.
[[nodiscard]] std::size_t sitemap_parts(std::size_t urls);

/// <urlset> of part `part` (1-based) of `urls`: all of them when they fit in one file.
[[nodiscard]] std::string sitemap_xml(std::string_view site, const std::vector<SitemapUrl>& urls,
                                      std::size_t part = 1);

/// <sitemapindex> naming /sitemap-1.xml … /sitemap-{parts}.xml.
[[nodiscard]] std::string sitemap_index_xml(std::string_view site, std::size_t parts);

/// The OpenSearch 1.1 description: search pages (text/html) and suggestions
/// (application/x-suggestions+json is not offered: /api/v1/suggest has its own shape).
[[nodiscard]] std::string opensearch_xml(std::string_view site, Lang lang,
                                         std::string_view asset_version);

} // namespace algreg::web
