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
/// GET /api/downloads/site-data/json: every entry as a full version, then the organisations
/// (official-api.md §8.3), streamed a batch of entries at a time.
void official_site_data(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/downloads/history/{lang}?filetype=csv: one row per publication event (every
/// version the history knows), by entry, newest first (streamed).
void official_history_download(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/downloads/history/algorithms/{lars}/{lang}?filetype=csv: one entry's versions.
void official_entry_history_download(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/organisation-relation/{org_id}: {org_id, hierarchy_path, hierarchy}. algreg knows
/// no hierarchy: the chain is the organisation alone. {org_id} is the organisation's code (the
/// site-data's `owner`); 404 for an organisation without entries.
void official_organisation_relation(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/algoritme/total-count: the number of entries, a bare integer.
void official_total_count(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/health: "OK".
void official_health(App& app, const httplib::Request& req, httplib::Response& res);

/// "Algoritmebeschrijvingen YYYYMMDD.csv" for today's date (UTC).
[[nodiscard]] std::string official_download_filename();

} // namespace algreg::web
