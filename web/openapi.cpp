#include "web/openapi.h"

#include "search/changes.h"
#include "search/query.h"
#include "search/schema.h"
#include "web/routes.h"

#include <stdexcept>

namespace algreg::web {

using nlohmann::json;

namespace {

json query_param(const char* name, const char* description, json schema) {
    return json{{"name", name},
                {"in", "query"},
                {"description", description},
                {"schema", std::move(schema)}};
}

json path_param(const char* name, const char* description, const char* example) {
    return json{{"name", name},
                {"in", "path"},
                {"required", true},
                {"description", description},
                {"schema", {{"type", "string"}}},
                {"example", example}};
}

json integer(std::size_t lo, std::size_t hi) {
    return json{{"type", "integer"}, {"minimum", lo}, {"maximum", hi}};
}

json search_parameters(bool paging) {
    json p = json::array();
    p.push_back(query_param("q", "Query text (syntax: docs/api.md); at most 1000 bytes",
                            {{"type", "string"}, {"maxLength", search::max_query_bytes}}));
    if (paging) {
        p.push_back(query_param("page", "1-based page", integer(1, search::max_offset)));
        p.push_back(query_param("size", "Results per page", integer(1, search::max_page_size)));
        p.push_back(query_param("facets", "Compute facet counts",
                                {{"type", "string"}, {"enum", {"on", "off"}}}));
        p.push_back(query_param("facet_limit", "Values per facet (0 = all)", integer(0, 1000)));
        p.push_back(query_param("snippets", "Highlighted excerpts",
                                {{"type", "string"}, {"enum", {"on", "off"}}}));
    }
    p.push_back(query_param(
        "sort", "Result order",
        {{"type", "string"},
         {"enum", {"relevance", "newest_registered", "last_changed", "name", "organisation"}}}));
    p.push_back(query_param("spelling", "Suggest (and search) corrections",
                            {{"type", "string"}, {"enum", {"on", "off"}}}));
    for (const auto& f : search::facets) {
        json param = query_param(
            std::string(f.name).c_str(),
            ("Filter: " + std::string(f.label_en) + " (repeat for OR within the facet)").c_str(),
            {{"type", "array"}, {"items", {{"type", "string"}}}});
        param["style"] = "form";
        param["explode"] = true;
        p.push_back(std::move(param));
    }
    return p;
}

json as_of_param() {
    return query_param("as_of",
                       "The register as it was at the end of this day (YYYY-MM-DD, not after "
                       "today); search hits of entries removed since carry removed_on",
                       {{"type", "string"}, {"format", "date"}});
}

json lang_param() {
    json p = path_param("lang", "Language", "NLD");
    p["schema"] = {{"type", "string"}, {"enum", {"NLD", "ENG", "FRY"}}};
    return p;
}

json json_response(const char* description) {
    return json{{"description", description},
                {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
}

json error_responses(bool official) {
    const json schema = official ? json{{"$ref", "#/components/schemas/OfficialError"}}
                                 : json{{"$ref", "#/components/schemas/Error"}};
    json out;
    for (const char* code : {"400", "404", "405", "413", "414", "500", "503"}) {
        out[code] = {{"description", "Error"},
                     {"content", {{"application/json", {{"schema", schema}}}}}};
    }
    if (official) {
        out["422"] = {{"description", "Validation error (FastAPI shape)"},
                      {"content",
                       {{"application/json",
                         {{"schema", {{"$ref", "#/components/schemas/ValidationError"}}}}}}}};
    }
    return out;
}

/// The parameters of the completeness routes (completeness_handlers.h).
json completeness_parameters(std::string_view p) {
    if (p.starts_with("/api/v1/entries/{id}/")) {
        return {path_param("id", "Entry id (Algoritme-ID or template id)", "")};
    }
    if (p.starts_with("/api/v1/organisations/{slug}/")) {
        return {path_param("slug", "Organisation (the organisatie facet value)", "")};
    }
    if (p.starts_with("/api/v1/completeness/organisations")) {
        json sorts = json::array();
        for (const auto* column :
             {"name", "type", "entries", "progress", "oranje", "geel", "groen", "onbekend",
              "errors", "warnings", "legal_basis", "assessments"}) {
            sorts.push_back(column);
            sorts.push_back(std::string("-") + column);
        }
        return {query_param("sort", "Column, '-' first for descending (default name)",
                            {{"type", "string"}, {"enum", sorts}})};
    }
    json params = {query_param("organisatietype",
                               "Organisation type key: filters the list of entries where an "
                               "assessment is expected but not mentioned",
                               {{"type", "string"}})};
    if (p.ends_with(".csv")) {
        params.push_back(query_param("table", "Which table (default counts)",
                                     {{"type", "string"}, {"enum", {"counts", "expected"}}}));
    }
    return params;
}

/// Parameters, request body and the success response of one route.
json operation(const Route& route) {
    const std::string_view p = route.path;
    json op{{"summary", route.summary}, {"operationId", ""}, {"parameters", json::array()}};
    json ok = json_response("OK");
    if (p == "/api/v1/search") {
        op["parameters"] = search_parameters(true);
        op["parameters"].push_back(as_of_param());
    } else if (p == "/api/v1/changes" || p == "/api/v1/changes.atom") {
        json params = search_parameters(false);
        params.push_back(query_param("since", "First day (YYYY-MM-DD, inclusive)",
                                     {{"type", "string"}, {"format", "date"}}));
        params.push_back(query_param("until", "Last day (YYYY-MM-DD, inclusive)",
                                     {{"type", "string"}, {"format", "date"}}));
        json kind = query_param(
            "kind", "Only these kinds (repeat, or separate with commas)",
            {{"type", "array"},
             {"items", {{"type", "string"}, {"enum", {"toegevoegd", "gewijzigd", "verwijderd"}}}}});
        kind["style"] = "form";
        kind["explode"] = true;
        params.push_back(std::move(kind));
        if (p == "/api/v1/changes") {
            params.push_back(query_param("page", "1-based page", integer(1, 1'000'000)));
            params.push_back(
                query_param("size", "Events per page", integer(1, search::max_changes_page_size)));
        } else {
            ok = {{"description", "Atom feed (RFC 4287) of the newest 50 events"},
                  {"content", {{"application/atom+xml", {{"schema", {{"type", "string"}}}}}}}};
        }
        op["parameters"] = params;
    } else if (p == "/api/v1/entries/{id}/history") {
        op["parameters"] = {path_param("id", "Entry id (also of a removed entry)", "")};
    } else if (p == "/api/v1/entries/{id}") {
        op["parameters"] = {path_param("id", "Entry id (Algoritme-ID or template id)", "")};
    } else if (p == "/api/v1/entries/{id}/similar") {
        op["parameters"] = {path_param("id", "Entry id", ""),
                            query_param("count", "How many", integer(1, 50))};
    } else if (p == "/api/v1/suggest") {
        op["parameters"] = {
            query_param("q", "Prefix typed so far", {{"type", "string"}, {"maxLength", 200}}),
            query_param("limit", "Suggestions per kind", integer(1, 50))};
    } else if (p == "/api/v1/facets/{facet}") {
        json params = search_parameters(false);
        json facet = path_param("facet", "Facet name", "organisatie");
        json names = json::array();
        for (const auto& f : search::facets) {
            names.push_back(f.name);
        }
        facet["schema"]["enum"] = names;
        params.insert(params.begin(), facet);
        params.push_back(query_param("contains", "Text the value's label contains (q works too)",
                                     {{"type", "string"}}));
        params.push_back(query_param("limit", "Values", integer(1, 1000)));
        op["parameters"] = params;
    } else if (p.starts_with("/api/v1/export.")) {
        op["parameters"] = search_parameters(false);
        op["parameters"].push_back(as_of_param());
        const std::string type = p.ends_with(".csv")    ? "text/csv"
                                 : p.ends_with(".json") ? "application/json"
                                                        : "application/x-ndjson";
        ok = {{"description", "Every match, streamed"},
              {"content", {{type, {{"schema", {{"type", "string"}}}}}}}};
    } else if (p == "/metrics") {
        ok = {{"description", "Prometheus text format"},
              {"content", {{"text/plain", {{"schema", {{"type", "string"}}}}}}}};
    } else if (p == "/api/algoritme/{lang}") {
        op["parameters"] = {lang_param()};
        op["requestBody"] = {{"required", true},
                             {"content",
                              {{"application/json",
                                {{"schema", {{"$ref", "#/components/schemas/OfficialSearch"}}},
                                 {"example", {{"page", 1}, {"limit", 10}, {"searchtext", ""}}}}}}}};
    } else if (p == "/api/algoritme/{lang}/{lars}" || p == "/api/algoritme/{lang}/similar/{lars}") {
        op["parameters"] = {lang_param(), path_param("lars", "Algoritme-ID", "")};
    } else if (p == "/api/suggestion/{lang}/{search}") {
        op["parameters"] = {lang_param(), path_param("search", "Text typed so far", "parkeren")};
    } else if (p == "/api/downloads/{lang}") {
        json filetype =
            query_param("filetype", "File type", {{"type", "string"}, {"enum", {"csv"}}});
        filetype["required"] = true;
        op["parameters"] = {lang_param(), filetype};
        ok = {{"description", "The official CSV (BOM, every cell quoted)"},
              {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}};
    } else if (p.ends_with(".csv") && (p.find("completeness") != std::string_view::npos ||
                                       p.starts_with("/api/v1/impact-assessments"))) {
        op["parameters"] = completeness_parameters(p);
        ok = {{"description", "CSV (UTF-8 with BOM, every field quoted)"},
              {"content", {{"text/csv", {{"schema", {{"type", "string"}}}}}}}};
    } else if (p.find("completeness") != std::string_view::npos ||
               p.starts_with("/api/v1/impact-assessments")) {
        op["parameters"] = completeness_parameters(p);
    } else if (p != "/api/v1/stats" && p != "/api/v1/openapi.json" && p != "/healthz" &&
               p != "/api/health" && p != "/api/algoritme/total-count" && p != "/api/v1") {
        throw std::logic_error("openapi: no description for route " + std::string(p));
    }
    std::string id = std::string(route.method) + std::string(p);
    for (char& c : id) {
        if (!std::isalnum(static_cast<unsigned char>(c))) {
            c = '_';
        }
    }
    op["operationId"] = id;
    op["tags"] = {route.api == Api::ours       ? "algreg"
                  : route.api == Api::official ? "official"
                                               : "operations"};
    op["responses"] = error_responses(route.api == Api::official);
    op["responses"]["200"] = ok;
    if (p.starts_with("/api/v1/") && p != "/api/v1/openapi.json" &&
        !p.starts_with("/api/v1/export")) {
        op["responses"]["304"] = {{"description", "Not modified (If-None-Match has the ETag)"}};
    }
    return op;
}

json components() {
    json error{{"type", "object"},
               {"required", {"error"}},
               {"properties",
                {{"error",
                  {{"type", "object"},
                   {"required", {"code", "message"}},
                   {"properties",
                    {{"code", {{"type", "string"}}},
                     {"message", {{"type", "string"}}},
                     {"parameter", {{"type", "string"}}}}}}}}}};
    json official_error{{"type", "object"}, {"properties", {{"detail", {{"type", "string"}}}}}};
    json validation{{"type", "object"},
                    {"properties",
                     {{"detail",
                       {{"type", "array"},
                        {"items",
                         {{"type", "object"},
                          {"properties",
                           {{"type", {{"type", "string"}}},
                            {"loc", {{"type", "array"}}},
                            {"msg", {{"type", "string"}}},
                            {"input", json::object()},
                            {"ctx", {{"type", "object"}}}}}}}}}}}};
    json official_search{
        {"type", "object"},
        {"properties",
         {{"page", {{"type", "integer"}, {"minimum", 1}, {"default", 1}}},
          {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 10}}},
          {"searchtext", {{"type", "string"}, {"default", ""}}},
          {"organisation", {{"type", "string"}, {"nullable", true}}},
          {"publicationcategory", {{"type", "string"}, {"nullable", true}}},
          {"organisationtype", {{"type", "string"}, {"nullable", true}}},
          {"impact_assessment", {{"type", "string"}, {"nullable", true}}},
          {"sort_option", {{"type", "string"}, {"enum", {"sort_name", "sort_number"}}}}}}};
    return json{{"schemas",
                 {{"Error", error},
                  {"OfficialError", official_error},
                  {"ValidationError", validation},
                  {"OfficialSearch", official_search}}}};
}

json build() {
    json paths = json::object();
    for (const Route& route : routes()) {
        std::string method(route.method);
        for (char& c : method) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        paths[std::string(route.path)][method] = operation(route);
    }
    return json{
        {"openapi", "3.0.3"},
        {"info",
         {{"title", "algreg"},
          {"version", "1"},
          {"description",
           "Search the Dutch Algorithm Register. /api/v1 is algreg's own API; the paths under "
           "/api outside /api/v1 are compatible with the official register's API "
           "(algoritmes.overheid.nl). Read-only; GET answers carry Access-Control-Allow-Origin: "
           "*."}}},
        {"paths", paths},
        {"components", components()}};
}

} // namespace

const json& openapi_document() {
    static const json document = build();
    return document;
}

} // namespace algreg::web
