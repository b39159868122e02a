// The official register's API (official-api.md), so that clients of algoritmes.overheid.nl
// work by changing only the base URL: same paths, bodies, shapes and error texts; better
// ranking for text searches.
#pragma once

#include "web/app.h"

#include <httplib.h>

namespace algreg::web {

/// POST /api/algoritme/{lang}: search, facets, paging -> {results, total_count, filter_data,
/// selected_filters}. Empty text: newest create_dt first (ties in index order); text: ranked.
void official_search(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/algoritme/{lang}/{lars}: the 56-key record; 404 {"detail":"Kan algoritme niet
/// vinden."}.
void official_entry(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/algoritme/{lang}/similar/{lars}: up to 5 similar entries + scores.
void official_similar(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/suggestion/{lang}/{search}: {"algorithms": [{name, organization, lars}]}, <= 10.
void official_suggestion(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/downloads/{lang}?filetype=csv: every entry as the official CSV (streamed).
void official_download(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/algoritme/total-count: the number of entries, a bare integer.
void official_total_count(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/health: "OK".
void official_health(App& app, const httplib::Request& req, httplib::Response& res);

/// "Algoritmebeschrijvingen YYYYMMDD.csv" for today's date (UTC).
[[nodiscard]] std::string official_download_filename();

} // namespace algreg::web
