// Our API's view of the register's history (search/history.h, search/changes.h):
//   GET /api/v1/changes          events matching a search, newest first, one page (JSON)
//   GET /api/v1/changes.atom     the same events as an Atom feed (newest atom_feed_entries)
//   GET /api/v1/entries/{id}/history   every event of one entry, also of a removed one
// and the as_of=YYYY-MM-DD parameter of /api/v1/search (the register as it was on a date).
//
// /api/v1/changes takes every parameter of /api/v1/search (q, the facet filters, ...) plus
//   since, until   YYYY-MM-DD, inclusive (400 naming the parameter for anything else)
//   kind           toegevoegd | gewijzigd | verwijderd, repeatable or comma-separated
//   page, size     1-based page; size 1..search::max_changes_page_size (page_size works too)
#pragma once

#include "search/changes.h"
#include "web/app.h"
#include "web/record_stream.h"
#include "web/search_params.h"

#include <httplib.h>
#include <memory>
#include <optional>
#include <string>

namespace algreg::web {

/// Reads the parameters above into a ChangesRequest. Throws search::BadRequest(parameter, why).
[[nodiscard]] search::ChangesRequest parse_changes_params(const Params& params);

/// Removes as_of from `params` and returns its value, validated: a calendar date
/// (YYYY-MM-DD), not after `today` (YYYY-MM-DD). nullopt when absent or empty. Throws
/// search::BadRequest("as_of", why).
[[nodiscard]] std::optional<std::string> take_as_of(Params& params, std::string_view today);

/// "http(s)://host[:port]" of the request, for absolute links (feeds, sitemap): https when
/// X-Forwarded-Proto says so. A Host header with anything but host-name characters is not
/// trusted: "http://localhost".
[[nodiscard]] std::string site_url(const httplib::Request& req);

/// Today's date in UTC, YYYY-MM-DD.
[[nodiscard]] std::string utc_today();

/// /api/v1/search with as_of=`date`: `request` on the register as it was at the end of `date`,
/// hits of entries removed since then carrying removed_on. 503 when the server has no as-of
/// indexes (AsOfPools::available()).
void api_search_as_of(App& app, const httplib::Request& req, httplib::Response& res,
                      const search::SearchRequest& request, const std::string& date);

/// A stream of every match of `request` on the register as it was at the end of `date`, for the
/// exports with as_of=. The stream keeps its searchers alive. 503 as api_search_as_of.
[[nodiscard]] std::shared_ptr<RecordStream> as_of_record_stream(App& app, const std::string& date,
                                                                search::SearchRequest request);

void api_changes(App& app, const httplib::Request& req, httplib::Response& res);
void api_changes_atom(App& app, const httplib::Request& req, httplib::Response& res);
void api_entry_history(App& app, const httplib::Request& req, httplib::Response& res);

} // namespace algreg::web
