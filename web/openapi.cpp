#include "web/openapi.h"

#include "search/changes.h"
#include "search/query.h"
#include "search/schema.h"
#include "web/official_format.h"
#include "web/routes.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

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

// ---------------------------------------------------------------------------------------------
// Schemas: the shapes our handlers write (search/result.cpp, record.cpp, changes.cpp,
// history.cpp, completeness*.cpp, web/official_format.cpp). Keys written only when they hold
// something (put_if) are properties but not required.

json ref(std::string_view name) {
    return json{{"$ref", "#/components/schemas/" + std::string(name)}};
}

json type(const char* name, const char* description = "") {
    json s{{"type", name}};
    if (*description != '\0') {
        s["description"] = description;
    }
    return s;
}

json text(const char* description = "") {
    return type("string", description);
}

json date(const char* description = "") {
    json s = text(description);
    s["format"] = "date";
    return s;
}

json nullable(json schema) {
    schema["nullable"] = true;
    return schema;
}

json array_of(json items, const char* description = "") {
    json s = type("array", description);
    s["items"] = std::move(items);
    return s;
}

json map_of(json values, const char* description = "") {
    json s = type("object", description);
    s["additionalProperties"] = std::move(values);
    return s;
}

json object(json properties, std::vector<std::string> required, const char* description = "") {
    json s = type("object", description);
    s["properties"] = std::move(properties);
    if (!required.empty()) {
        s["required"] = std::move(required);
    }
    return s;
}

/// The background sync of `serve --follow` (web/sync_status_view.h); only when following.
json sync_status_schema() {
    const auto time = [](const char* description) {
        json s = nullable(text(description));
        s["format"] = "date-time";
        return s;
    };
    return object(
        {{"source", text("The register followed")},
         {"every_seconds", type("integer", "Time between syncs")},
         {"building", type("boolean", "No index yet: the first sync builds it")},
         {"running", type("boolean", "A sync is in progress")},
         {"last_attempt", time("Start of the last finished sync (UTC)")},
         {"last_outcome", json{{"type", "string"},
                               {"nullable", true},
                               {"enum", {"ok", "no change", "failed"}},
                               {"description", "null before the first sync has finished"}}},
         {"last_message", text("Why the last sync failed; empty otherwise")},
         {"last_duration_seconds", type("number")},
         {"last_entries", type("integer", "Entries after the last good sync")},
         {"last_revision", type("integer", "Index revision after the last good sync")},
         {"last_success", time("End of the last sync that was ok or no change (UTC)")},
         {"attempts", type("integer", "Syncs finished since start-up")},
         {"failures", type("integer", "Syncs failed since start-up")},
         {"next", time("The next sync planned (UTC)")}},
        {"source", "every_seconds", "building", "running", "last_outcome", "attempts", "failures"},
        "The background sync of algreg serve --follow");
}

/// Both languages of a rule's title or message.
json nl_en() {
    return object({{"nl", text()}, {"en", text()}}, {"nl", "en"});
}

json entry_schema() {
    json props{{"id", text("The lars number when known, else the source's own id")},
               {"lars", text("8-digit Algoritme-ID")},
               {"category", array_of(text(), "Themes")},
               {"lawful_basis_grouping", array_of(ref("Reference"))},
               {"impacttoetsen_grouping", array_of(ref("Reference"))},
               {"source_data_grouping", array_of(ref("Reference"))},
               {"legacy", map_of(text(), "Fields of standards 0.1-0.4 that 1.0 no longer has")},
               {"impactassessment", text("The listing's Ja/Nee/Onbekend about any assessment")},
               {"changed", date("Day the version was published")},
               {"added", date("Day first seen in the register")},
               {"register_url", text("The entry on algoritmes.overheid.nl")},
               {"organization_type", text("Organisation type key")},
               {"assessments", array_of(ref("Assessment"), "One per type, sorted by type")},
               {"source_format", text("listing, official-1.0, official-0.x or csv")},
               {"listing_only", type("boolean", "Only the listing's fields are known")},
               {"original", map_of(text(), "Values as the source gave them where normalisation "
                                           "changed them")}};
    for (const auto& field : search::string_fields()) {
        json s = text(std::string(field.title_en).c_str());
        if (field.html) {
            s["description"] = std::string(field.title_en) + " (HTML: div br p ul ol li)";
        }
        props[std::string(field.key)] = std::move(s);
    }
    return object(std::move(props), {"id"}, "One entry, normalised; empty fields are left out");
}

json official_record_schema() {
    // The keys official_record writes for any record, each typed as official-api.md §3.3 says.
    const json sample = official_record(search::AlgorithmRecord{});
    json props = json::object();
    std::vector<std::string> required;
    for (const auto& [key, value] : sample.items()) {
        required.push_back(key);
        if (key == "category" || key == "impacttoetsen") {
            props[key] = json{{"oneOf", {nullable(text()), array_of(text())}},
                              {"description", "A list (v0.4/v1.0) or a string (older)"}};
        } else if (key.ends_with("_grouping")) {
            props[key] = nullable(array_of(ref("Reference")));
        } else {
            props[key] = nullable(text());
        }
    }
    return object(std::move(props), std::move(required),
                  "The official result record: every key, null when unknown");
}

json filter_item() {
    return object({{"label", text()}, {"key", text()}, {"count", type("integer")}},
                  {"label", "key", "count"});
}

json components() {
    json error{{"type", "object"},
               {"required", {"error"}},
               {"properties",
                {{"error", object({{"code", text("Stable machine-readable code")},
                                   {"message", text()},
                                   {"parameter", text("The request parameter at fault")}},
                                  {"code", "message"})}}}};
    json validation = object(
        {{"detail", array_of(object({{"type", text()},
                                     {"loc", array_of(json{{"oneOf", {text(), type("integer")}}})},
                                     {"msg", text()},
                                     {"input", json::object()},
                                     {"ctx", type("object")}},
                                    {"type", "loc", "msg"}))}},
        {"detail"}, "FastAPI's validation error");
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
    json facet_value = object({{"value", text("Filter value (the URL parameter's value)")},
                               {"label", text()},
                               {"count", type("integer")},
                               {"selected", type("boolean")},
                               {"group", text("Sub-group (assessment type)")}},
                              {"value", "label", "count"});
    json facet = object({{"name", text("Facet (the URL parameter's name)")},
                         {"label", text()},
                         {"values", array_of(ref("FacetValue"))},
                         {"value_count", type("integer", "Distinct values in the matches")}},
                        {"name", "label", "values", "value_count"});
    json hit = object({{"rank", type("integer")},
                       {"id", text()},
                       {"name", text()},
                       {"name_html", text("The name with <mark> around matched words")},
                       {"organisation", text()},
                       {"organisation_slug", text()},
                       {"snippet_html", text("An excerpt with <mark> around matched words")},
                       {"matched_fields", array_of(text())},
                       {"score", type("number")},
                       {"themes", array_of(text())},
                       {"assessments",
                        array_of(object({{"type", text()}, {"state", text()}}, {"type", "state"}))},
                       {"lars", text()},
                       {"organisation_type", text()},
                       {"status", text()},
                       {"publication_category", text()},
                       {"snippet_field", text()},
                       {"added", date()},
                       {"changed", date()},
                       {"register_url", text()},
                       {"listing_only", type("boolean")},
                       {"removed_on", date("as_of searches: the day the entry was removed")}},
                      {"rank", "id", "name", "name_html", "organisation", "organisation_slug",
                       "snippet_html", "matched_fields", "score", "themes", "assessments"});
    json search = object({{"query", text()},
                          {"interpreted", text("The query as parsed")},
                          {"total", type("integer")},
                          {"page", type("integer")},
                          {"page_size", type("integer")},
                          {"offset", type("integer")},
                          {"sort", text()},
                          {"hits", array_of(ref("Hit"))},
                          {"facets", array_of(ref("Facet"))},
                          {"revision", type("integer", "Index revision searched")},
                          {"timing", map_of(type("integer"), "Microseconds per phase")},
                          {"did_you_mean", text()},
                          {"corrected", type("boolean")},
                          {"original_query", text()},
                          {"syntax_fallback", type("boolean")},
                          {"syntax_error", text()},
                          {"query_truncated", type("boolean")},
                          {"too_many_terms", type("boolean")},
                          {"page_clamped", type("boolean")},
                          {"counts_partial", type("boolean")},
                          {"warnings", array_of(text())}},
                         {"query", "interpreted", "total", "page", "page_size", "offset", "sort",
                          "hits", "facets", "revision", "timing"});
    json field_change = object({{"field", text()},
                                {"before", json{{"description", "Old value (any JSON)"}}},
                                {"after", json{{"description", "New value (any JSON)"}}}},
                               {"field", "before", "after"});
    json kind = json{{"type", "string"}, {"enum", {"toegevoegd", "gewijzigd", "verwijderd"}}};
    json event_props{{"sequence", type("integer", "History revision")},
                     {"date", date()},
                     {"kind", kind},
                     {"id", text()},
                     {"fields", array_of(ref("FieldChange"), "For a change: what changed")}};
    json change_props = event_props;
    for (const char* key : {"lars", "name", "organisation", "organisation_slug", "register_url"}) {
        change_props[key] = text();
    }
    change_props["in_register"] = type("boolean");
    json revision =
        object({{"sequence", type("integer")},
                {"date", date()},
                {"timestamp", text()},
                {"entries", type("integer")},
                {"added", type("integer")},
                {"changed", type("integer")},
                {"removed", type("integer")}},
               {"sequence", "date", "timestamp", "entries", "added", "changed", "removed"});
    json changes =
        object({{"total", type("integer")},
                {"page", type("integer")},
                {"page_size", type("integer")},
                {"since", text()},
                {"until", text()},
                {"last_date", text("Day of the newest revision")},
                {"first_date", text("Day of the oldest revision: where the history begins")},
                {"items", array_of(ref("ChangeItem"))},
                {"revisions", array_of(ref("RevisionSummary"))},
                {"totals", object({{"toegevoegd", type("integer")},
                                   {"gewijzigd", type("integer")},
                                   {"verwijderd", type("integer")}},
                                  {"toegevoegd", "gewijzigd", "verwijderd"})},
                {"page_clamped", type("boolean")},
                {"warnings", array_of(text())}},
               {"total", "page", "page_size", "since", "until", "last_date", "items", "revisions",
                "first_date", "totals"});
    json history_entry = change_props;
    for (const char* key : {"sequence", "date", "kind", "fields"}) {
        history_entry.erase(key);
    }
    history_entry["status"] = text();
    json history = object({{"id", text()},
                           {"entry", object(history_entry, {"id"})},
                           {"events", array_of(ref("EntryEvent"), "Oldest first")}},
                          {"id", "entry", "events"});
    json bands = object({{"oranje", type("integer")},
                         {"geel", type("integer")},
                         {"groen", type("integer")},
                         {"onbekend", type("integer")}},
                        {"oranje", "geel", "groen", "onbekend"});
    json score_triple = object(
        {{"score", type("integer")}, {"max", type("integer")}, {"progress", type("integer")}},
        {"score", "max", "progress"});
    json completeness = object(
        {{"record_id", text()},
         {"computable", type("boolean", "False when only the listing's fields are known")},
         {"scored_against", text("Standard the score is computed for")},
         {"record_standard", text()},
         {"score", nullable(type("integer"))},
         {"max", type("integer")},
         {"progress", nullable(type("integer", "Score as a percentage of max"))},
         {"known", score_triple},
         {"band", json{{"type", "string"}, {"enum", {"oranje", "geel", "groen", "onbekend"}}}},
         {"fields", map_of(text(), "Per scored field: filled, empty or unknown")},
         {"missing", array_of(text())},
         {"findings",
          array_of(object(
              {{"rule", text()}, {"severity", text()}, {"field", text()}, {"message", nl_en()}},
              {"rule", "severity", "field", "message"}))},
         {"not_checked",
          array_of(object({{"rule", text()}, {"reason", text()}}, {"rule", "reason"}))}},
        {"record_id", "computable", "scored_against", "score", "max", "progress", "band", "fields",
         "missing", "findings", "not_checked"});
    json org_row =
        object({{"slug", text()},
                {"name", text()},
                {"type", text()},
                {"entries", type("integer")},
                {"computable", type("integer")},
                {"mean_progress", nullable(type("number"))},
                {"bands", ref("Bands")},
                {"with_errors", type("integer")},
                {"with_warnings", type("integer")},
                {"missing_legal_basis", type("integer")},
                {"assessment_expected", type("integer")}},
               {"slug", "name", "type", "entries", "computable", "mean_progress", "bands",
                "with_errors", "with_warnings", "missing_legal_basis", "assessment_expected"});
    json entry_ref = object({{"id", text()}, {"name", text()}}, {"id", "name"});
    json org_report = object(
        {{"organisation",
          object({{"slug", text()}, {"name", text()}, {"type", text()}}, {"slug", "name", "type"})},
         {"scored_against", text()},
         {"entries", type("integer")},
         {"computable", type("integer")},
         {"mean_score", nullable(type("number"))},
         {"mean_progress", nullable(type("number"))},
         {"median_progress", nullable(type("number"))},
         {"bands", ref("Bands")},
         {"findings",
          object(
              {{"error", type("integer")}, {"warning", type("integer")}, {"info", type("integer")}},
              {"error", "warning", "info"})},
         {"fields", array_of(object({{"field", text()},
                                     {"title", nl_en()},
                                     {"weight", type("integer")},
                                     {"filled", type("integer")},
                                     {"empty", type("integer")},
                                     {"unknown", type("integer")}},
                                    {"field", "title", "weight", "filled", "empty", "unknown"}))},
         {"rules", array_of(object({{"rule", text()},
                                    {"severity", text()},
                                    {"title", nl_en()},
                                    {"count", type("integer")},
                                    {"entries", array_of(entry_ref)}},
                                   {"rule", "severity", "title", "count", "entries"}))},
         {"scores", array_of(object({{"id", text()},
                                     {"name", text()},
                                     {"computable", type("boolean")},
                                     {"score", nullable(type("integer"))},
                                     {"max", type("integer")},
                                     {"progress", nullable(type("integer"))},
                                     {"band", text()},
                                     {"errors", type("integer")},
                                     {"warnings", type("integer")}},
                                    {"id", "name", "computable", "score", "max", "progress", "band",
                                     "errors", "warnings"}))}},
        {"organisation", "scored_against", "entries", "computable", "bands", "findings", "fields",
         "rules", "scores"});
    json counts = object({{"uitgevoerd", type("integer")},
                          {"niet_uitgevoerd", type("integer")},
                          {"onbekend", type("integer")},
                          {"niet_vermeld", type("integer")}},
                         {"uitgevoerd", "niet_uitgevoerd", "onbekend", "niet_vermeld"});
    json impact = object(
        {{"entries", type("integer")},
         {"organisatietype", text("The type filter applied to `expected` (\"\" = none)")},
         {"types",
          array_of(object({{"type", text()},
                           {"total", ref("AssessmentCounts")},
                           {"by_organisation_type", map_of(ref("AssessmentCounts"))},
                           {"by_publication_category", map_of(ref("AssessmentCounts"))}},
                          {"type", "total", "by_organisation_type", "by_publication_category"}))},
         {"expected", array_of(object({{"id", text()},
                                       {"name", text()},
                                       {"organisation", text()},
                                       {"organisation_slug", text()},
                                       {"organisation_type", text()},
                                       {"publication_category", text()},
                                       {"status", text()},
                                       {"expected", array_of(text(), "Assessment types expected")}},
                                      {"id", "name", "expected"}),
                               "Entries where an assessment is expected but not mentioned")}},
        {"entries", "types", "expected"});
    json statement = object({{"type", text()},
                             {"state", text()},
                             {"link", text()},
                             {"date", text()},
                             {"source", text("Where the statement comes from")},
                             {"text", text()}},
                            {"type", "state", "source"});
    json assessment =
        object({{"type", text("DPIA, IAMA, ...")},
                {"state", text("uitgevoerd, niet uitgevoerd, onbekend or niet vermeld "
                               "(docs/assessments.md)")},
                {"link", text()},
                {"text", text()},
                {"statements", array_of(ref("AssessmentStatement"))}},
               {"type", "state", "statements"});
    json suggestion = object({{"text", text()}, {"value", text()}, {"count", type("integer")}},
                             {"text", "value"});
    json official_search_response = object(
        {{"results", array_of(ref("OfficialRecord"))},
         {"total_count", type("integer")},
         {"filter_data",
          object({{"organisationtype", nullable(array_of(filter_item()))},
                  {"publicationcategory", nullable(array_of(filter_item()))},
                  {"impact_assessment", nullable(array_of(filter_item()))},
                  {"organisation", nullable(array_of(filter_item()))}},
                 {"organisationtype", "publicationcategory", "impact_assessment", "organisation"})},
         {"selected_filters",
          array_of(object({{"key", text()}, {"value", text()}}, {"key", "value"}))}},
        {"results", "total_count", "filter_data", "selected_filters"});
    json official_similar = official_search_response;
    official_similar["properties"]["scores"] = array_of(type("number"), "0-100, per result");
    return json{
        {"schemas",
         {{"Error", error},
          {"OfficialError", object({{"detail", text()}}, {"detail"})},
          {"ValidationError", validation},
          {"OfficialSearch", official_search},
          {"SearchResponse", search},
          {"Hit", hit},
          {"Facet", facet},
          {"FacetValue", facet_value},
          {"FacetValues",
           object({{"facet", text()}, {"q", text()}, {"values", array_of(ref("FacetValue"))}},
                  {"facet", "values"})},
          {"Suggestions", object({{"prefix", text()},
                                  {"titles", array_of(ref("Suggestion"), "value: the entry id")},
                                  {"organisations", array_of(ref("Suggestion"))},
                                  {"terms", array_of(ref("Suggestion"))}},
                                 {"prefix", "titles", "organisations", "terms"})},
          {"Suggestion", suggestion},
          {"Stats", object({{"revision", type("integer")},
                            {"entries", type("integer")},
                            {"facets", array_of(ref("Facet"))}},
                           {"revision", "entries", "facets"})},
          {"Health",
           object({{"status", json{{"type", "string"},
                                   {"enum", {"ok", "building"}},
                                   {"description", "building (with HTTP 503): serve --follow has "
                                                   "no index yet; the first sync builds it"}}},
                   {"version", text("The program's version, as algreg --version prints it")},
                   {"revision", type("integer")},
                   {"entries", type("integer")},
                   {"message", text("Why the server is not ready (building)")},
                   {"sync", ref("SyncStatus")}},
                  {"status", "version"})},
          {"SyncStatus", sync_status_schema()},
          {"Entry", entry_schema()},
          {"Reference", object({{"title", text()}, {"link", text()}}, {})},
          {"Assessment", assessment},
          {"AssessmentStatement", statement},
          {"Similar", object({{"id", text()}, {"hits", array_of(ref("Hit"))}}, {"id", "hits"})},
          {"Export", object({{"records", array_of(ref("Entry"))},
                             {"total", type("integer")},
                             {"truncated", type("boolean")}},
                            {"records"})},
          {"FieldChange", field_change},
          {"EntryEvent", object(event_props, {"sequence", "date", "kind", "id"})},
          {"ChangeItem", object(change_props, {"sequence", "date", "kind", "id", "in_register"})},
          {"RevisionSummary", revision},
          {"ChangesResponse", changes},
          {"EntryHistory", history},
          {"Bands", bands},
          {"EntryCompleteness", completeness},
          {"CompletenessOrganisations", object({{"sort", text()},
                                                {"organisations", type("integer")},
                                                {"rows", array_of(ref("OrganisationRow"))}},
                                               {"sort", "organisations", "rows"})},
          {"OrganisationRow", org_row},
          {"OrganisationCompleteness", org_report},
          {"AssessmentCounts", counts},
          {"ImpactAssessments", impact},
          {"ApiIndex", object({{"openapi", text("Where this document is")}}, {"openapi"})},
          {"OfficialRecord", official_record_schema()},
          {"OfficialSearchResponse", official_search_response},
          {"OfficialSimilarResponse", official_similar},
          {"OfficialSuggestions",
           object({{"algorithms", array_of(object({{"name", nullable(text())},
                                                   {"organization", nullable(text())},
                                                   {"lars", nullable(text())}},
                                                  {"name", "organization", "lars"}))}},
                  {"algorithms"})}}}};
}

// ---------------------------------------------------------------------------------------------
// Operations: one row of data per documented path.

json error_responses(bool official) {
    const json schema = official ? ref("OfficialError") : ref("Error");
    json out;
    for (const char* code : {"400", "404", "405", "413", "414", "500", "503"}) {
        out[code] = {{"description", "Error"},
                     {"content", {{"application/json", {{"schema", schema}}}}}};
    }
    if (official) {
        out["422"] = {{"description", "Validation error (FastAPI shape)"},
                      {"content", {{"application/json", {{"schema", ref("ValidationError")}}}}}};
    }
    return out;
}

json no_parameters() {
    return json::array();
}

json search_page_parameters() {
    json p = search_parameters(true);
    p.push_back(as_of_param());
    return p;
}

json changes_parameters(bool paged) {
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
    if (paged) {
        params.push_back(query_param("page", "1-based page", integer(1, 1'000'000)));
        params.push_back(
            query_param("size", "Events per page", integer(1, search::max_changes_page_size)));
    }
    return params;
}

json changes_page_parameters() {
    return changes_parameters(true);
}

json feed_parameters() {
    return changes_parameters(false);
}

json entry_parameters() {
    return {path_param("id", "Entry id (Algoritme-ID or template id)", "11234933")};
}

json removed_entry_parameters() {
    return {path_param("id", "Entry id (also of a removed entry)", "11234933")};
}

json similar_parameters() {
    return {path_param("id", "Entry id", "11234933"),
            query_param("count", "How many", integer(1, 50))};
}

json organisation_parameters() {
    return {path_param("slug", "Organisation (the organisatie facet value)", "gemeente-utrecht")};
}

json organisations_sort_parameters() {
    json sorts = json::array();
    for (const auto* column : {"name", "type", "entries", "progress", "oranje", "geel", "groen",
                               "onbekend", "errors", "warnings", "legal_basis", "assessments"}) {
        sorts.push_back(column);
        sorts.push_back(std::string("-") + column);
    }
    return {query_param("sort", "Column, '-' first for descending (default name)",
                        {{"type", "string"}, {"enum", sorts}})};
}

json assessment_parameters() {
    return {query_param("organisatietype",
                        "Organisation type key: filters the list of entries where an assessment "
                        "is expected but not mentioned",
                        {{"type", "string"}})};
}

json assessment_csv_parameters() {
    json params = assessment_parameters();
    params.push_back(query_param("table", "Which table (default counts)",
                                 {{"type", "string"}, {"enum", {"counts", "expected"}}}));
    return params;
}

json suggest_parameters() {
    return {query_param("q", "Prefix typed so far", {{"type", "string"}, {"maxLength", 200}}),
            query_param("limit", "Suggestions per kind", integer(1, 50))};
}

json facet_parameters() {
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
    return params;
}

json export_parameters() {
    json p = search_parameters(false);
    p.push_back(as_of_param());
    return p;
}

json csv_export_parameters() {
    json p = export_parameters();
    p.push_back(query_param("sep",
                            "Separator: comma (default) or semicolon (for Excel set to Dutch; "
                            "',' and ';' work too)",
                            {{"type", "string"}, {"enum", {"comma", "semicolon", ",", ";"}}}));
    return p;
}

json official_lang_parameters() {
    return {lang_param()};
}

json official_entry_parameters() {
    return {lang_param(), path_param("lars", "Algoritme-ID", "11234933")};
}

json official_suggestion_parameters() {
    return {lang_param(), path_param("search", "Text typed so far", "parkeren")};
}

json official_download_parameters() {
    json filetype = query_param("filetype", "File type", {{"type", "string"}, {"enum", {"csv"}}});
    filetype["required"] = true;
    return {lang_param(), filetype};
}

json official_entry_download_parameters() {
    json params = official_download_parameters();
    params.insert(params.begin(), path_param("lars", "Algoritme-ID", "11234933"));
    return params;
}

json organisation_relation_parameters() {
    return {path_param("org_id", "The organisation's code (algreg knows no numeric org_id)",
                       "gemeente-utrecht")};
}

/// How one path is documented: its parameters and its 200 answer (a schema in components, or
/// a non-JSON media type whose body is described in words).
struct OperationDoc {
    std::string_view path;
    json (*parameters)();
    std::string_view media_type;
    std::string_view schema; ///< component name for application/json; "" = a string body
    std::string_view description;
    bool official_body = false; ///< takes the OfficialSearch request body
};

const std::vector<OperationDoc>& operation_docs() {
    static const std::vector<OperationDoc> docs{
        {"/api/v1/search", search_page_parameters, "application/json", "SearchResponse",
         "One page of hits with facet counts"},
        {"/api/v1/changes", changes_page_parameters, "application/json", "ChangesResponse",
         "One page of events, newest first"},
        {"/api/v1/changes.atom", feed_parameters, "application/atom+xml", "",
         "Atom feed (RFC 4287) of the newest 50 events"},
        {"/api/v1/entries/{id}/history", removed_entry_parameters, "application/json",
         "EntryHistory", "The entry's events, oldest first"},
        {"/api/v1/entries/{id}/completeness", entry_parameters, "application/json",
         "EntryCompleteness", "Score, band and findings"},
        {"/api/v1/completeness/organisations", organisations_sort_parameters, "application/json",
         "CompletenessOrganisations", "One row per organisation"},
        {"/api/v1/completeness/organisations.csv", organisations_sort_parameters, "text/csv", "",
         "CSV (UTF-8 with BOM, every field quoted)"},
        {"/api/v1/organisations/{slug}/completeness", organisation_parameters, "application/json",
         "OrganisationCompleteness", "Fields, rules and every entry's score"},
        {"/api/v1/organisations/{slug}/completeness.csv", organisation_parameters, "text/csv", "",
         "CSV (UTF-8 with BOM, every field quoted)"},
        {"/api/v1/impact-assessments", assessment_parameters, "application/json",
         "ImpactAssessments", "States per assessment type, and the expected-but-missing list"},
        {"/api/v1/impact-assessments.csv", assessment_csv_parameters, "text/csv", "",
         "CSV (UTF-8 with BOM, every field quoted)"},
        {"/api/v1/entries/{id}/similar", similar_parameters, "application/json", "Similar",
         "The most similar entries"},
        {"/api/v1/entries/{id}", entry_parameters, "application/json", "Entry", "The entry"},
        {"/api/v1/suggest", suggest_parameters, "application/json", "Suggestions",
         "Titles, organisations and words"},
        {"/api/v1/facets/{facet}", facet_parameters, "application/json", "FacetValues",
         "Values with counts"},
        {"/api/v1/stats", no_parameters, "application/json", "Stats", "Index and facet counts"},
        {"/api/v1/export.csv", csv_export_parameters, "text/csv", "",
         "Every match, streamed (UTF-8 with BOM; formula cells neutralised)"},
        {"/api/v1/export.xlsx", export_parameters,
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "",
         "Every match as an Excel workbook (text cells, dates as dates)"},
        {"/api/v1/export.json", export_parameters, "application/json", "Export",
         "Every match, streamed"},
        {"/api/v1/export.ndjson", export_parameters, "application/x-ndjson", "",
         "Every match, one Entry per line, streamed"},
        {"/api/v1/openapi.json", no_parameters, "application/json", "", "This document"},
        {"/healthz", no_parameters, "application/json", "Health", "The server is up"},
        {"/metrics", no_parameters, "text/plain", "", "Prometheus text format"},
        {"/api/health", no_parameters, "application/json", "", "\"OK\""},
        {"/api/algoritme/total-count", no_parameters, "application/json", "",
         "Number of entries (an integer)"},
        {"/api/algoritme/{lang}/similar/{lars}", official_entry_parameters, "application/json",
         "OfficialSimilarResponse", "Up to 5 similar entries"},
        {"/api/algoritme/{lang}/{lars}", official_entry_parameters, "application/json",
         "OfficialRecord", "The entry (56 keys)"},
        {"/api/algoritme/{lang}", official_lang_parameters, "application/json",
         "OfficialSearchResponse", "Results, total, facets and the filters applied", true},
        {"/api/suggestion/{lang}/{search}", official_suggestion_parameters, "application/json",
         "OfficialSuggestions", "Up to 10 entries"},
        {"/api/downloads/{lang}", official_download_parameters, "text/csv", "",
         "The official CSV (BOM, every cell quoted)"},
        {"/api/downloads/site-data/json", no_parameters, "json", "",
         "Every entry's full record and the organisations, as the official pub_data.json"},
        {"/api/downloads/history/algorithms/{lars}/{lang}", official_entry_download_parameters,
         "text/csv", "", "One entry's publication history in the official CSV form"},
        {"/api/downloads/history/{lang}", official_download_parameters, "text/csv", "",
         "Every publication event in the official CSV form, by entry, newest first"},
        {"/api/organisation-relation/{org_id}", organisation_relation_parameters,
         "application/json", "",
         "The organisation's parent chain (today the organisation alone: no hierarchy known)"},
        {"/api/v1", no_parameters, "application/json", "ApiIndex", "Where the documents are"},
    };
    return docs;
}

/// The schema of a 200 body that is not a component.
json plain_schema(std::string_view path, std::string_view media_type) {
    if (path == "/api/algoritme/total-count") {
        return type("integer");
    }
    if (path == "/api/health") {
        return json{{"type", "string"}, {"enum", {"OK"}}};
    }
    if (path == "/api/downloads/site-data/json") {
        return object({{"algoritme_versions", array_of(type("object"))},
                       {"organisation_details", array_of(type("object"))}},
                      {"algoritme_versions", "organisation_details"});
    }
    if (path == "/api/organisation-relation/{org_id}") {
        return object({{"org_id", text()},
                       {"hierarchy_path", text()},
                       {"hierarchy", array_of(object({{"org_id", text()}, {"name", text()}},
                                                     {"org_id", "name"}))}},
                      {"org_id", "hierarchy_path", "hierarchy"});
    }
    if (media_type == "application/json") {
        return object({{"openapi", text()}, {"paths", type("object")}}, {"openapi", "paths"});
    }
    return type("string");
}

/// Parameters, request body and the responses of one route.
json operation(const Route& route) {
    const std::string_view p = route.path;
    const auto& docs = operation_docs();
    const auto doc =
        std::find_if(docs.begin(), docs.end(), [&](const OperationDoc& d) { return d.path == p; });
    if (doc == docs.end()) {
        throw std::logic_error("openapi: no description for route " + std::string(p));
    }
    json op{{"summary", route.summary}, {"parameters", doc->parameters()}};
    if (doc->official_body) {
        op["requestBody"] = {{"required", true},
                             {"content",
                              {{"application/json",
                                {{"schema", ref("OfficialSearch")},
                                 {"example", {{"page", 1}, {"limit", 10}, {"searchtext", ""}}}}}}}};
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
    const json schema = doc->schema.empty() ? plain_schema(p, doc->media_type) : ref(doc->schema);
    op["responses"]["200"] = {{"description", doc->description},
                              {"content", {{std::string(doc->media_type), {{"schema", schema}}}}}};
    if (p.starts_with("/api/v1/") && p != "/api/v1/openapi.json" &&
        !p.starts_with("/api/v1/export")) {
        op["responses"]["304"] = {{"description", "Not modified (If-None-Match has the ETag)"}};
    }
    return op;
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
