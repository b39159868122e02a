#include "web/routes.h"

#include "web/api_handlers.h"
#include "web/completeness_handlers.h"
#include "web/history_handlers.h"
#include "web/http_errors.h"
#include "web/official_handlers.h"

#include <array>
#include <map>
#include <string>

namespace algreg::web {

namespace {

// Path segments: "[^/]+" never matches '/', so "../" tricks cannot reach another route.
constexpr std::array<Route, 35> table{{
    {"GET", "/api/v1/search", "/api/v1/search", "Search with facets, paging and sorting", Api::ours,
     api_search},
    {"GET", "/api/v1/changes", "/api/v1/changes",
     "Added, changed and removed entries matching a search, newest first", Api::ours, api_changes},
    {"GET", "/api/v1/changes\\.atom", "/api/v1/changes.atom",
     "Atom feed of the added, changed and removed entries matching a search", Api::ours,
     api_changes_atom},
    {"GET", "/api/v1/entries/([^/]+)/history", "/api/v1/entries/{id}/history",
     "Every recorded change of one entry, also of a removed one", Api::ours, api_entry_history},
    {"GET", "/api/v1/entries/([^/]+)/completeness", "/api/v1/entries/{id}/completeness",
     "Completeness of one entry: official score, band and findings", Api::ours,
     api_entry_completeness},
    {"GET", "/api/v1/completeness/organisations", "/api/v1/completeness/organisations",
     "Completeness per organisation, one row each, sortable", Api::ours,
     api_completeness_organisations},
    {"GET", "/api/v1/completeness/organisations\\.csv", "/api/v1/completeness/organisations.csv",
     "Completeness per organisation as CSV", Api::ours, api_completeness_organisations_csv},
    {"GET", "/api/v1/organisations/([^/]+)/completeness",
     "/api/v1/organisations/{slug}/completeness",
     "One organisation: per field how many entries fill it, per rule the entries that break it",
     Api::ours, api_organisation_completeness},
    {"GET", "/api/v1/organisations/([^/]+)/completeness\\.csv",
     "/api/v1/organisations/{slug}/completeness.csv",
     "One organisation's field and rule counts as CSV", Api::ours,
     api_organisation_completeness_csv},
    {"GET", "/api/v1/impact-assessments", "/api/v1/impact-assessments",
     "DPIA/IAMA view: states per assessment type by organisation type and publication category, "
     "and the entries where one is expected but not mentioned",
     Api::ours, api_impact_assessments},
    {"GET", "/api/v1/impact-assessments\\.csv", "/api/v1/impact-assessments.csv",
     "DPIA/IAMA view as CSV (table=counts or expected)", Api::ours, api_impact_assessments_csv},
    {"GET", "/api/v1/entries/([^/]+)/similar", "/api/v1/entries/{id}/similar",
     "Entries most like one entry", Api::ours, api_similar},
    {"GET", "/api/v1/entries/([^/]+)", "/api/v1/entries/{id}",
     "One entry: the normalised record with its assessments and their sources", Api::ours,
     api_entry},
    {"GET", "/api/v1/suggest", "/api/v1/suggest", "Completions for a search box", Api::ours,
     api_suggest},
    {"GET", "/api/v1/facets/([^/]+)", "/api/v1/facets/{facet}",
     "Values of one facet, searchable, with counts", Api::ours, api_facet_values},
    {"GET", "/api/v1/stats", "/api/v1/stats", "Index revision, entries and facet counts", Api::ours,
     api_stats},
    {"GET", "/api/v1/export\\.csv", "/api/v1/export.csv",
     "Every match of a search as CSV (RFC 4180, UTF-8 with BOM; sep=semicolon for Excel in "
     "Dutch), streamed",
     Api::ours, api_export_csv},
    {"GET", "/api/v1/export\\.xlsx", "/api/v1/export.xlsx",
     "Every match of a search as an Excel workbook (the rows of export.csv)", Api::ours,
     api_export_xlsx},
    {"GET", "/api/v1/export\\.json", "/api/v1/export.json",
     "Every match of a search as one JSON document, streamed", Api::ours, api_export_json},
    {"GET", "/api/v1/export\\.ndjson", "/api/v1/export.ndjson",
     "Every match of a search as NDJSON (one record per line), streamed", Api::ours,
     api_export_ndjson},
    {"GET", "/api/v1/openapi\\.json", "/api/v1/openapi.json", "This document", Api::ours,
     api_openapi},
    {"GET", "/healthz", "/healthz", "Liveness and the index served", Api::operations, healthz},
    {"GET", "/metrics", "/metrics", "Prometheus metrics", Api::operations, metrics},
    {"GET", "/api/health", "/api/health", "Official: liveness", Api::official, official_health},
    {"GET", "/api/algoritme/total-count", "/api/algoritme/total-count",
     "Official: number of entries", Api::official, official_total_count},
    {"GET", "/api/algoritme/([^/]+)/similar/([^/]+)", "/api/algoritme/{lang}/similar/{lars}",
     "Official: similar entries", Api::official, official_similar},
    {"GET", "/api/algoritme/([^/]+)/([^/]+)", "/api/algoritme/{lang}/{lars}",
     "Official: one entry (56 keys)", Api::official, official_entry},
    {"POST", "/api/algoritme/([^/]+)", "/api/algoritme/{lang}",
     "Official: search, facets and paging", Api::official, official_search},
    {"GET", "/api/suggestion/([^/]+)/([^/]+)", "/api/suggestion/{lang}/{search}",
     "Official: type-ahead", Api::official, official_suggestion},
    {"GET", "/api/downloads/([^/]+)", "/api/downloads/{lang}",
     "Official: every entry as the official CSV", Api::official, official_download},
    // Following another algreg or the register (issue 12): site data, history, organisations.
    {"GET", "/api/downloads/site-data/json", "/api/downloads/site-data/json",
     "Official: every entry in full and the organisations (pub_data.json), streamed", Api::official,
     official_site_data},
    {"GET", "/api/downloads/history/algorithms/([^/]+)/([^/]+)",
     "/api/downloads/history/algorithms/{lars}/{lang}",
     "Official: one entry's publication history as the official CSV", Api::official,
     official_entry_history_download},
    {"GET", "/api/downloads/history/([^/]+)", "/api/downloads/history/{lang}",
     "Official: every publication event as the official CSV, by entry, newest first", Api::official,
     official_history_download},
    {"GET", "/api/organisation-relation/([^/]+)", "/api/organisation-relation/{org_id}",
     "Official: an organisation's parent chain (algreg knows none: the organisation alone)",
     Api::official, official_organisation_relation},
    {"GET", "/api/v1", "/api/v1", "Where the API documents are", Api::ours,
     [](App&, const httplib::Request&, httplib::Response& res) {
         res.set_content(R"({"openapi":"/api/v1/openapi.json"})", "application/json");
     }},
}};

constexpr std::array<std::string_view, 5> methods{"GET", "POST", "PUT", "PATCH", "DELETE"};

void add(httplib::Server& server, std::string_view method, const std::string& pattern,
         httplib::Server::Handler handler) {
    if (method == "GET") {
        server.Get(pattern, std::move(handler));
    } else if (method == "POST") {
        server.Post(pattern, std::move(handler));
    } else if (method == "PUT") {
        server.Put(pattern, std::move(handler));
    } else if (method == "PATCH") {
        server.Patch(pattern, std::move(handler));
    } else if (method == "DELETE") {
        server.Delete(pattern, std::move(handler));
    }
}

} // namespace

std::span<const Route> routes() {
    return table;
}

void register_routes(httplib::Server& server, App& app) {
    std::map<std::string_view, std::string> allowed; // pattern -> "GET, HEAD, OPTIONS"
    std::map<std::string_view, std::string_view> label;
    for (const Route& route : table) {
        add(server, route.method, std::string(route.pattern),
            [&app, &route](const httplib::Request& req, httplib::Response& res) {
                app.tracker.set_route(route.path);
                res.set_header("Content-Security-Policy", api_csp);
                route.handler(app, req, res);
            });
        auto& allow = allowed[route.pattern];
        allow += std::string(allow.empty() ? "" : ", ") + std::string(route.method) +
                 (route.method == "GET" ? ", HEAD" : "");
        label[route.pattern] = route.path;
    }
    for (auto& entry : allowed) {
        // References, not a structured binding: clang 14 (the fuzz preset) cannot capture one.
        const std::string_view pattern = entry.first;
        std::string& allow = entry.second;
        allow += ", OPTIONS";
        const std::string_view path = label[pattern];
        for (const auto method : methods) {
            if (allow.find(method) != std::string::npos) {
                continue;
            }
            add(server, method, std::string(pattern),
                [&app, path, allow](const httplib::Request& req, httplib::Response& res) {
                    app.tracker.set_route(path);
                    res.set_header("Content-Security-Policy", api_csp);
                    const auto out = render_error(ErrorKind::method_not_allowed, {}, {},
                                                  is_official_path(req.path));
                    res.status = out.status;
                    res.set_header("Allow", allow);
                    res.set_content(out.body, "application/json");
                });
        }
        server.Options(std::string(pattern),
                       [&app, path, allow](const httplib::Request&, httplib::Response& res) {
                           app.tracker.set_route(path);
                           res.set_header("Content-Security-Policy", api_csp);
                           res.status = 204;
                           res.set_header("Allow", allow);
                           res.set_header("Access-Control-Allow-Methods", allow);
                           res.set_header("Access-Control-Allow-Headers", "Content-Type");
                           res.set_header("Access-Control-Max-Age", "86400");
                       });
    }
}

} // namespace algreg::web
