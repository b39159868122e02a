// The completeness endpoints of our API (docs/api.md "Completeness"): one entry's score and
// findings, the register-wide table of organisations, one organisation's field and rule
// counts, and the DPIA/IAMA view, as JSON and CSV. They read the per-revision completeness
// data (search/completeness_cache.h, checked against today's date in UTC) and aggregate it with
// search/completeness_report.h; errors are thrown as by the other handlers (http_errors.h).
#pragma once

#include "search/completeness_cache.h"
#include "web/app.h"

#include <chrono>
#include <httplib.h>
#include <memory>

namespace algreg::web {

/// Today's date in UTC: the reference date of rule changed.stale on the server.
[[nodiscard]] std::chrono::year_month_day today_utc();

/// app.completeness.get(today_utc()).
[[nodiscard]] std::shared_ptr<const search::CompletenessData> completeness_data(App& app);

/// GET /api/v1/entries/{id}/completeness: search::Completeness as JSON (with findings of the
/// cross-record rules); 404 for an unknown id.
void api_entry_completeness(App& app, const httplib::Request& req, httplib::Response& res);
/// GET /api/v1/completeness/organisations[.csv]?sort=: one row per organisation.
void api_completeness_organisations(App& app, const httplib::Request& req, httplib::Response& res);
void api_completeness_organisations_csv(App& app, const httplib::Request& req,
                                        httplib::Response& res);
/// GET /api/v1/organisations/{slug}/completeness[.csv]: 404 for an unknown organisation.
void api_organisation_completeness(App& app, const httplib::Request& req, httplib::Response& res);
void api_organisation_completeness_csv(App& app, const httplib::Request& req,
                                       httplib::Response& res);
/// GET /api/v1/impact-assessments[.csv]?organisatietype=&table=: the DPIA/IAMA view; the
/// organisation type filters the list "verwacht maar niet vermeld". The CSV has table=counts
/// (default) or table=expected.
void api_impact_assessments(App& app, const httplib::Request& req, httplib::Response& res);
void api_impact_assessments_csv(App& app, const httplib::Request& req, httplib::Response& res);

} // namespace algreg::web
