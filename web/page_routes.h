// The HTML site: registers the page routes and the static files on an httplib::Server.
//
//   GET /                       search (home)          GET /en/                 the same, English
//   GET /algoritme/{id}         one entry              GET /en/algoritme/{id}
//   GET /organisatie/{slug}     one organisation       GET /en/organisatie/{slug}
//   GET /wijzigingen            changes (history)      GET /en/wijzigingen
//   GET /statistieken           charts                 GET /en/statistieken
//   GET /volledigheid           completeness per organisation (?sort=)
//   GET /organisatie/{slug}/volledigheid   one organisation's completeness
//   GET /impacttoetsen          DPIA/IAMA view (?organisatietype=)
//   GET /api-docs               the API reference, made from the OpenAPI document
//   GET /static/{file}          web/static, from memory (ETag; immutable when ?v= matches)
//   GET /robots.txt  /sitemap.xml (/sitemap-N.xml beyond 50,000 URLs)  /opensearch.xml
//   GET /favicon.ico            301 to the SVG icon
//
// Pages are text/html under a strict Content-Security-Policy (only our own script, style and
// images; no inline code), with an ETag on the index revision and the asset version. Errors
// are HTML pages too (404 for an unknown entry or organisation, 410 for an entry that was
// removed from the register (its page with the history), 503 when the index is not
// available, 500 otherwise); page handlers never throw.
#pragma once

#include "search/changes.h"
#include "search/completeness_cache.h"
#include "search/history.h"
#include "search/query.h"
#include "search/record.h"
#include "search/result.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace algreg::web {

/// What the pages need from the server. Every function may be called from several threads at
/// once (the server's workers), so each must take a Searcher of its own (a pool). They may
/// throw: search::NotFound (find, similar: no such entry), search::BadRequest,
/// search::IndexUnavailableError, or anything else (a 500 page).
struct PageContext {
    /// Searcher::search.
    std::function<search::SearchResult(const search::SearchRequest&)> search;
    /// Searcher::find: the record with this id; throws search::NotFound.
    std::function<search::AlgorithmRecord(const std::string& id)> find;
    /// Searcher::more_like_this.
    std::function<std::vector<search::Hit>(const std::string& id, std::size_t count)> similar;
    /// Searcher::facet_values: values of `facet` containing `text`, counted under `request`.
    std::function<std::vector<search::FacetCount>(const search::SearchRequest& request,
                                                  const std::string& facet, const std::string& text,
                                                  std::size_t limit)>
        facet_values;
    /// Searcher::changes (optional: without it /wijzigingen is a 404 and entries no longer in
    /// the register are a plain 404).
    std::function<search::ChangesPage(const search::ChangesRequest&)> changes;
    /// Searcher::history (optional): the entry's events, oldest first; throws search::NotFound
    /// for an id the index and its history never had. Entry pages show it as "Geschiedenis";
    /// with `changes` it also gives removed entries their page (410, "Verwijderd uit het
    /// register op …").
    std::function<std::vector<search::EntryEvent>(const std::string& id)> history;
    /// Searcher::find on the register as it was at the end of `date` (YYYY-MM-DD; optional):
    /// a removed entry's page shows its last record under the removal banner. Without it that
    /// page has only what the change list knew (name, organisation).
    std::function<search::AlgorithmRecord(const std::string& id, const std::string& date)>
        find_as_of;
    /// Searcher::search on the register as it was at the end of `date` (optional): the search
    /// page with as_of=YYYY-MM-DD, linked from the changes page's days.
    std::function<search::SearchResult(const search::SearchRequest& request,
                                       const std::string& date)>
        search_as_of;
    /// Every entry's completeness for the index revision served (optional: without it the
    /// completeness pages are a 404 and the entry page checks its record itself). May throw
    /// search::IndexUnavailableError.
    std::function<std::shared_ptr<const search::CompletenessData>()> completeness;
    /// Searcher::revision (optional): pages get an ETag from it and statistics are cached per
    /// revision. Without it pages are not cached.
    std::function<std::uint64_t()> revision;
    /// Receives the text of unexpected exceptions (optional; never sent to clients).
    std::function<void(const std::string&)> log;
    /// The static files' folder (ServerConfig::static_dir); "" = none, pages come without
    /// style and script.
    std::string static_dir;
};

/// The Content-Security-Policy of every page.
inline constexpr const char* page_csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Writes the HTML error page for the error status already in `res` (404: "Niet gevonden",
/// 5xx: "Er ging iets mis", other 4xx name the status) for the request's path and language.
using PageErrorHandler = std::function<void(const httplib::Request&, httplib::Response&)>;

/// Registers the page and static routes. Call it BEFORE routes that would also match "/" (the
/// first matching route wins in httplib). `context` is moved into the handlers. Returns the
/// error page writer for install_error_handlers: paths outside the API get HTML errors.
PageErrorHandler register_page_routes(httplib::Server& server, PageContext context);

} // namespace algreg::web
