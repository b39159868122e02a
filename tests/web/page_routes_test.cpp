// The page routes over HTTP (web/page_routes.h) on a real httplib server and the real fixture
// index: every page answers HTML under the strict CSP, English under /en, errors are HTML
// pages, static files have types and cache headers and nothing outside web/static is reachable.
#include "search/errors.h"
#include "search/searcher.h"
#include "tests/web/test_server.h"
#include "web/page_routes.h"
#include "web/page_static.h"

#include <doctest/doctest.h>
#include <mutex>

using namespace algreg::web;
namespace s = algreg::search;

namespace {

/// A server with only the page routes, over one Searcher behind a mutex (the pages' contract
/// asks for thread-safe functions; a pool is the server's business).
class PageServer {
  public:
    PageServer() : searcher_(algreg::testing::fixture_index()) {
        PageContext c;
        c.search = [this](const s::SearchRequest& r) {
            std::lock_guard lock(mutex_);
            return searcher_.search(r);
        };
        c.find = [this](const std::string& id) {
            std::lock_guard lock(mutex_);
            return searcher_.find(id);
        };
        c.similar = [this](const std::string& id, std::size_t n) {
            std::lock_guard lock(mutex_);
            return searcher_.more_like_this(id, n);
        };
        c.facet_values = [this](const s::SearchRequest& r, const std::string& f,
                                const std::string& text, std::size_t limit) {
            std::lock_guard lock(mutex_);
            return searcher_.facet_values(r, f, text, limit);
        };
        c.revision = [this]() -> std::uint64_t {
            std::lock_guard lock(mutex_);
            return searcher_.revision();
        };
        c.static_dir = std::string(ALGREG_SOURCE_DIR) + "/web/static";
        register_page_routes(http_, std::move(c));
        port_ = http_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { http_.listen_after_bind(); });
        while (!http_.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }
    ~PageServer() {
        http_.stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port_);
        c.set_read_timeout(20, 0);
        return c;
    }

  private:
    std::mutex mutex_;
    s::Searcher searcher_;
    httplib::Server http_;
    int port_ = 0;
    std::thread thread_;
};

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

void check_page(const httplib::Result& r, int status, const std::string& lang) {
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(r->get_header_value("Content-Security-Policy") == page_csp);
    CHECK(has(r->body, "<html lang=\"" + lang + "\">"));
}

} // namespace

TEST_CASE("page routes: every page, both languages") {
    PageServer server;
    auto cli = server.client();
    auto home = cli.Get("/");
    check_page(home, 200, "nl");
    CHECK(has(home->body, "1.557 algoritmes gevonden"));
    CHECK(has(home->body, "href=\"/static/app.css?v="));
    CHECK_FALSE(home->get_header_value("ETag").empty());
    check_page(cli.Get("/en/"), 200, "en");
    check_page(cli.Get("/en"), 200, "en");

    auto search = cli.Get("/?q=parkeren&status=in_gebruik&sort=name");
    check_page(search, 200, "nl");
    CHECK(has(search->body, "<mark>"));
    CHECK(has(search->body, "name=\"status\" value=\"in_gebruik\" checked>"));
    CHECK(has(search->body, "<option value=\"name\" selected>"));
    // Lenient: a bad page number or an unknown parameter still gives the page.
    check_page(cli.Get("/?page=abc&onbekend=1&size=100000"), 200, "nl");
    // The organisation list search.
    auto orgs = cli.Get("/?org_q=utrecht");
    check_page(orgs, 200, "nl");
    CHECK(has(orgs->body, "value=\"gemeente-utrecht\""));
    CHECK(has(orgs->body, "value=\"provincie-utrecht\""));

    auto entry = cli.Get("/algoritme/54986363");
    check_page(entry, 200, "nl");
    CHECK(has(entry->body, "Snelle ID lijn"));
    CHECK(has(entry->body, "Vergelijkbare algoritmes"));
    auto template_entry = cli.Get("/en/algoritme/bm-dataprotector");
    check_page(template_entry, 200, "en");
    CHECK(has(template_entry->body, "Responsible use"));

    auto org = cli.Get("/organisatie/gemeente-utrecht");
    check_page(org, 200, "nl");
    CHECK(has(org->body, "<h1>Gemeente Utrecht</h1>"));
    CHECK(has(org->body, "45 algoritmes gevonden"));

    auto stats = cli.Get("/statistieken");
    check_page(stats, 200, "nl");
    CHECK(has(stats->body, "<svg"));
    CHECK(has(stats->body, "<th scope=\"row\">Gemeente</th>"));
    check_page(cli.Get("/en/statistieken"), 200, "en");
    // Cached per revision: the second answer is the same document.
    CHECK(cli.Get("/statistieken")->body == stats->body);
}

TEST_CASE("page routes: the ministry on the search, organisation and statistics pages") {
    PageServer server;
    auto cli = server.client();
    auto home = cli.Get("/?q=fraude");
    check_page(home, 200, "nl");
    CHECK(has(home->body, "name=\"ministerie\" value=\"ministerie-van-financien\""));
    auto filtered = cli.Get("/?q=fraude&ministerie=ministerie-van-financien");
    check_page(filtered, 200, "nl");
    CHECK(has(filtered->body, "Ministerie: Ministerie van Financiën")); // the filter's chip

    auto douane = cli.Get("/organisatie/douane");
    check_page(douane, 200, "nl");
    CHECK(has(douane->body, "Valt onder: <a href=\"/?ministerie=ministerie-van-financien\">"
                            "Ministerie van Financiën</a>"));
    auto english = cli.Get("/en/organisatie/douane");
    CHECK(has(english->body, "Falls under: <a href=\"/en/?ministerie=ministerie-van-financien\">"));
    // A ministry does not fall under itself; a municipality under none.
    CHECK_FALSE(has(cli.Get("/organisatie/ministerie-van-financien")->body, "Valt onder:"));
    CHECK_FALSE(has(cli.Get("/organisatie/gemeente-utrecht")->body, "Valt onder:"));

    auto stats = cli.Get("/statistieken");
    check_page(stats, 200, "nl");
    CHECK(has(stats->body, "id=\"per-ministry\""));
    CHECK(has(stats->body, "<th scope=\"row\">Ministerie van Financiën</th>"));
}

TEST_CASE("page routes: not found and not modified") {
    PageServer server;
    auto cli = server.client();
    auto missing = cli.Get("/algoritme/00000000");
    check_page(missing, 404, "nl");
    CHECK(has(missing->body, "Er is geen algoritme met ID ‘00000000’."));
    auto hostile = cli.Get("/algoritme/%3Cscript%3Ealert(%22x%22)%26%3Cb%3E");
    check_page(hostile, 404, "nl");
    CHECK_FALSE(has(hostile->body, "<script>alert"));
    CHECK(has(hostile->body, "‘&lt;script&gt;alert(&quot;x&quot;)&amp;&lt;b&gt;’"));
    check_page(cli.Get("/en/organisatie/bestaat-niet"), 404, "en");

    auto first = cli.Get("/algoritme/54986363");
    REQUIRE(first);
    const std::string etag = first->get_header_value("ETag");
    auto again = cli.Get("/algoritme/54986363", {{"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
}

TEST_CASE("page routes: static files, types, caching, no traversal") {
    PageServer server;
    auto cli = server.client();
    auto css = cli.Get("/static/app.css");
    REQUIRE(css);
    CHECK(css->status == 200);
    CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
    CHECK(css->get_header_value("Cache-Control") == "public, max-age=300");
    auto js = cli.Get("/static/app.js");
    REQUIRE(js);
    CHECK(js->get_header_value("Content-Type") == "text/javascript; charset=utf-8");
    auto svg = cli.Get("/static/logo.svg");
    REQUIRE(svg);
    CHECK(svg->get_header_value("Content-Type") == "image/svg+xml");

    const auto files = StaticFiles::load(std::string(ALGREG_SOURCE_DIR) + "/web/static");
    auto versioned = cli.Get("/static/app.css?v=" + files.version());
    REQUIRE(versioned);
    CHECK(versioned->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
    auto cached = cli.Get("/static/app.css", {{"If-None-Match", css->get_header_value("ETag")}});
    REQUIRE(cached);
    CHECK(cached->status == 304);

    for (const char* path : {"/static/../CMakeLists.txt", "/static/%2e%2e/CMakeLists.txt",
                             "/static/..%2fCMakeLists.txt", "/static/.hidden.css",
                             "/static//etc/passwd", "/static/nope.css", "/static/app.css/"}) {
        CAPTURE(path);
        auto r = cli.Get(path);
        REQUIRE(r);
        CHECK(r->status == 404);
        CHECK_FALSE(has(r->body, "cmake_minimum_required"));
    }
}

TEST_CASE("static files: names, types, version") {
    CHECK(static_content_type("a.css") == "text/css; charset=utf-8");
    CHECK(static_content_type("a.js") == "text/javascript; charset=utf-8");
    CHECK(static_content_type("icons/a.svg") == "image/svg+xml");
    CHECK(static_content_type("a.exe").empty());
    CHECK(static_content_type(".css").empty());
    const auto files = StaticFiles::load(std::string(ALGREG_SOURCE_DIR) + "/web/static");
    CHECK(files.find("app.css") != nullptr);
    CHECK(files.find("app.js") != nullptr);
    CHECK(files.find("favicon.svg") != nullptr);
    CHECK(files.find("../CMakeLists.txt") == nullptr);
    CHECK(files.find("/app.css") == nullptr);
    CHECK(files.find("./app.css") == nullptr);
    CHECK(files.find("") == nullptr);
    CHECK(files.version().size() == 10);
    CHECK(StaticFiles::load("/nonexistent/dir").size() == 0);
    CHECK(content_hash("") == "cbf29ce484222325");
}

TEST_CASE("page routes: the real server serves the pages next to the API") {
    // web::Server registers the pages before its own routes: "/" is the search page, the API
    // still answers JSON, and the static files come from ServerConfig::static_dir.
    ServerConfig config;
    config.static_dir = std::string(ALGREG_SOURCE_DIR) + "/web/static";
    algreg::testing::TestServer server(config);
    auto cli = server.client();
    auto home = cli.Get("/");
    check_page(home, 200, "nl");
    CHECK(has(home->body, "algoritmes gevonden"));
    auto api = cli.Get("/api/v1/search?size=1");
    REQUIRE(api);
    CHECK(api->status == 200);
    CHECK(api->get_header_value("Content-Type") == "application/json");
    auto css = cli.Get("/static/app.css");
    REQUIRE(css);
    CHECK(css->status == 200);
    CHECK(css->get_header_value("Content-Type") == "text/css; charset=utf-8");
    auto head = cli.Head("/algoritme/54986363");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("page routes: unknown page paths are HTML pages, API paths JSON") {
    algreg::testing::TestServer server;
    auto cli = server.client();
    for (const auto& [path, lang] : std::vector<std::pair<std::string, std::string>>{
             {"/foo", "nl"}, {"/en/foo", "en"}, {"/v2/search", "nl"}, {"/algoritme/1/2/3", "nl"}}) {
        CAPTURE(path);
        const auto page = cli.Get(path);
        check_page(page, 404, lang);
        // Both languages, a search form and the way home.
        CHECK(has(page->body, lang == "nl" ? "<h1>Niet gevonden</h1>" : "<h1>Not found</h1>"));
        CHECK(has(page->body, lang == "nl" ? "lang=\"en\"><h2>Not found</h2>"
                                           : "lang=\"nl\"><h2>Niet gevonden</h2>"));
        CHECK(has(page->body, "role=\"search\""));
        CHECK(has(page->body, "<label for=\"error-q\">"));
    }
    const auto post = cli.Post("/", "x", "text/plain");
    check_page(post, 404, "nl");
    for (const std::string path : {"/api/nope", "/api/v1/nope", "/api"}) {
        CAPTURE(path);
        const auto api = cli.Get(path);
        REQUIRE(api);
        CHECK(api->status == 404);
        CHECK(api->get_header_value("Content-Type") == "application/json");
    }
}

TEST_CASE("page routes: API reference, robots.txt, sitemap, OpenSearch, favicon") {
    algreg::testing::TestServer server;
    auto cli = server.client();
    const auto docs = cli.Get("/api-docs");
    check_page(docs, 200, "nl");
    CHECK(has(docs->body, "<h1>API-documentatie</h1>"));
    CHECK(has(docs->body, "<code>/api/v1/search</code>"));
    CHECK(has(docs->body, "id=\"schema-SearchResponse\""));
    CHECK(has(docs->body, "href=\"/api/v1/openapi.json\""));
    CHECK(has(docs->body, "aria-current=\"page\">API</a>"));
    check_page(cli.Get("/en/api-docs"), 200, "en");

    const auto robots = cli.Get("/robots.txt", {{"Host", "register.example"}});
    REQUIRE(robots);
    CHECK(robots->get_header_value("Content-Type") == "text/plain; charset=utf-8");
    CHECK(has(robots->body, "Sitemap: http://register.example/sitemap.xml\n"));

    const auto sitemap = cli.Get("/sitemap.xml", {{"Host", "a&b"}}); // not a host name
    REQUIRE(sitemap);
    CHECK(sitemap->get_header_value("Content-Type") == "application/xml; charset=utf-8");
    CHECK(has(sitemap->body, "<loc>http://localhost/algoritme/54986363</loc>"));
    CHECK_FALSE(has(sitemap->body, "a&b"));
    CHECK(cli.Get("/sitemap-2.xml")->status == 404);

    const auto opensearch = cli.Get("/en/opensearch.xml");
    REQUIRE(opensearch);
    CHECK(opensearch->get_header_value("Content-Type") ==
          "application/opensearchdescription+xml; charset=utf-8");
    CHECK(has(opensearch->body, "/en/?q={searchTerms}"));

    const auto icon = cli.Get("/favicon.ico");
    REQUIRE(icon);
    CHECK(icon->status == 301);
    CHECK(icon->get_header_value("Location").starts_with("/static/favicon.svg"));
}
