// Our own API under /api/v1 and the operational endpoints (/healthz, /metrics). Each handler
// reads its parameters (search_params.h), asks a pooled searcher, and writes JSON; errors are
// thrown (http_errors.h) and turned into responses by the server's exception handler.
#pragma once

#include "web/app.h"

#include <httplib.h>

namespace algreg::web {

/// GET /api/v1/search: every SearchRequest field as a parameter; SearchResult as JSON. With
/// as_of=YYYY-MM-DD: the register as it was on that date (history_handlers.h).
void api_search(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/entries/{id}: the normalised record with assessments and their sources.
void api_entry(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/entries/{id}/similar?count=: entries most like it.
void api_similar(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/suggest?q=&limit=: titles, organisations and words starting with q.
void api_suggest(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/facets/{facet}?q=&limit=&<search parameters>: values of one facet.
void api_facet_values(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/stats: revision, entry count and every facet's counts over the whole index.
void api_stats(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/export.{csv,json,ndjson}: every match of a search, streamed; csv takes
/// sep=comma|semicolon. Named after the search and the day (export_table.h).
void api_export_csv(App& app, const httplib::Request& req, httplib::Response& res);
void api_export_json(App& app, const httplib::Request& req, httplib::Response& res);
void api_export_ndjson(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/export.xlsx: the same rows as export.csv as an Excel workbook.
void api_export_xlsx(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/openapi.json.
void api_openapi(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /healthz: {"status":"ok","version","revision","entries"} (version: algreg's, as
/// `algreg --version` prints it); 503 when the index cannot be read.
void healthz(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /metrics: Prometheus text.
void metrics(App& app, const httplib::Request& req, httplib::Response& res);

} // namespace algreg::web
