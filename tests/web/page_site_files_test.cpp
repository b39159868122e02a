// robots.txt, the sitemap and the OpenSearch description as pure functions
// (web/page_site_files.h): absolute URLs, dates, escaping, and the split beyond 50,000 URLs.
#include "web/page_site_files.h"

#include <doctest/doctest.h>

using namespace algreg::web;

namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("sitemap: main pages and entries with their last change") {
    algreg::search::AlgorithmRecord changed;
    changed.id = "11234933";
    changed.added = "2024-01-02";
    changed.changed = "2025-03-04";
    algreg::search::AlgorithmRecord added;
    added.id = "a&b <c>";
    added.added = "2026-08-08";
    const auto urls = sitemap_urls({changed, added});
    REQUIRE(urls.size() == 8);
    CHECK(urls[0].path == "/");
    CHECK(urls[0].lastmod == "2026-08-08"); // the newest date of any entry
    CHECK(urls[6].path == "/algoritme/11234933");
    CHECK(urls[6].lastmod == "2025-03-04");
    CHECK(urls[7].lastmod == "2026-08-08");
    const std::string xml = sitemap_xml("https://x.example", urls);
    CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "));
    CHECK(has(xml, "<url><loc>https://x.example/algoritme/11234933</loc><lastmod>2025-03-04"
                   "</lastmod></url>"));
    CHECK(has(xml, "<loc>https://x.example/algoritme/a%26b%20%3Cc%3E</loc>"));
    CHECK_FALSE(has(xml, "<c>"));
}

TEST_CASE("sitemap: more than 50,000 URLs become an index of parts") {
    CHECK(sitemap_parts(0) == 1);
    CHECK(sitemap_parts(sitemap_max_urls) == 1);
    CHECK(sitemap_parts(sitemap_max_urls + 1) == 2);
    std::vector<SitemapUrl> urls(sitemap_max_urls + 3, SitemapUrl{"/x", ""});
    const std::string second = sitemap_xml("http://h", urls, 2);
    std::size_t count = 0;
    for (auto at = second.find("<url>"); at != std::string::npos;
         at = second.find("<url>", at + 1)) {
        ++count;
    }
    CHECK(count == 3);
    const std::string index = sitemap_index_xml("http://h", 2);
    CHECK(has(index, "<sitemap><loc>http://h/sitemap-2.xml</loc></sitemap>"));
    CHECK_FALSE(has(index, "sitemap-3"));
}

TEST_CASE("robots.txt and OpenSearch") {
    const std::string robots = robots_txt("http://h:8080");
    CHECK(has(robots, "Disallow: /api/\n"));
    CHECK(has(robots, "Sitemap: http://h:8080/sitemap.xml\n"));
    const std::string nl = opensearch_xml("http://h", Lang::nl, "v1");
    CHECK(has(nl, "template=\"http://h/?q={searchTerms}\""));
    CHECK(has(nl, "<ShortName>algreg</ShortName>"));
    CHECK(has(nl, "<Language>nl</Language>"));
    const std::string en = opensearch_xml("http://h", Lang::en, "");
    CHECK(has(en, "template=\"http://h/en/?q={searchTerms}\""));
}
