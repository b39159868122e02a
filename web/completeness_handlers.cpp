#include "web/completeness_handlers.h"

#include "search/completeness_report.h"
#include "search/errors.h"
#include "search/facet_labels.h"
#include "search/schema.h"
#include "web/http_errors.h"
#include "web/official_format.h"
#include "web/responses.h"
#include "web/search_params.h"

#include <nlohmann/json.hpp>

namespace algreg::web {

using nlohmann::json;

namespace {

constexpr std::size_t max_id_bytes = 200;

/// The {id} or {slug} of a route; values longer than any real one are simply not found.
std::string path_value(const httplib::Request& req, const std::string& what) {
    std::string value = req.matches[1];
    if (value.empty() || value.size() > max_id_bytes || !valid_utf8(value)) {
        throw HttpError(ErrorKind::not_found, "no " + what + " '" + value + "'");
    }
    return value;
}

search::OrganisationSort sort_param(const Params& params) {
    const std::string text = param(params, "sort");
    if (text.empty()) {
        return {};
    }
    const auto sort = search::parse_organisation_sort(text);
    if (!sort) {
        std::string names;
        for (const auto name : search::organisation_column_names) {
            names += (names.empty() ? "" : ", ") + std::string(name);
        }
        throw search::BadRequest("sort", "unknown column '" + text + "'; use one of " + names +
                                             " (prefix '-' for descending)");
    }
    return *sort;
}

/// The organisatietype parameter: "" or a known type key (or "onbekend").
std::string type_param(const Params& params) {
    const std::string type = param(params, "organisatietype");
    if (!type.empty() && type != "onbekend" && !search::is_organisation_type(type)) {
        throw search::BadRequest("organisatietype", "unknown organisation type '" + type +
                                                        "'; use a type key such as gemeente");
    }
    return type;
}

void send_csv(httplib::Response& res, const std::string& filename, const std::string& body) {
    res.set_header("Cache-Control", "no-cache");
    res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    res.set_content(std::string(utf8_bom) + body, "text/csv; charset=utf-8; header=present");
}

void send_fresh_json(httplib::Response& res, const json& body) {
    res.set_header("Cache-Control", "no-cache");
    send_json(res, body);
}

search::OrganisationReport report_or_404(const search::CompletenessData& data,
                                         const std::string& slug) {
    auto report = search::organisation_report(data.records, data.results, slug);
    if (!report) {
        throw HttpError(ErrorKind::not_found, "no organisation '" + slug + "'");
    }
    return std::move(*report);
}

} // namespace

std::chrono::year_month_day today_utc() {
    return std::chrono::year_month_day{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

std::shared_ptr<const search::CompletenessData> completeness_data(App& app) {
    return app.completeness.get(today_utc());
}

void api_entry_completeness(App& app, const httplib::Request& req, httplib::Response& res) {
    check_params(params_of(req), {});
    const std::string id = path_value(req, "entry with id");
    search::AlgorithmRecord record;
    try {
        record = app.searchers.with([&](search::Searcher& s) { return s.find(id); });
    } catch (const search::NotFound&) {
        throw HttpError(ErrorKind::not_found, "no entry with id " + id);
    }
    const auto data = completeness_data(app);
    const search::Completeness* cached = data->find(record.id);
    search::CheckOptions options;
    options.today = today_utc();
    send_fresh_json(res, cached != nullptr ? json(*cached) : json(search::check(record, options)));
}

void api_completeness_organisations(App& app, const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    check_params(params, {"sort"});
    const auto sort = sort_param(params);
    const auto data = completeness_data(app);
    const auto rows = search::organisation_rows(data->records, data->results, sort);
    send_fresh_json(
        res,
        json{{"sort", search::to_string(sort)}, {"organisations", rows.size()}, {"rows", rows}});
}

void api_completeness_organisations_csv(App& app, const httplib::Request& req,
                                        httplib::Response& res) {
    const Params params = params_of(req);
    check_params(params, {"sort"});
    const auto sort = sort_param(params);
    const auto data = completeness_data(app);
    send_csv(res, "algreg-volledigheid-organisaties.csv",
             search::organisation_rows_csv(
                 search::organisation_rows(data->records, data->results, sort)));
}

void api_organisation_completeness(App& app, const httplib::Request& req, httplib::Response& res) {
    check_params(params_of(req), {});
    const std::string slug = path_value(req, "organisation");
    const auto data = completeness_data(app);
    send_fresh_json(res, json(report_or_404(*data, slug)));
}

void api_organisation_completeness_csv(App& app, const httplib::Request& req,
                                       httplib::Response& res) {
    check_params(params_of(req), {});
    const std::string slug = path_value(req, "organisation");
    const auto data = completeness_data(app);
    send_csv(res, "algreg-volledigheid-" + search::slug(slug) + ".csv",
             search::organisation_report_csv(report_or_404(*data, slug)));
}

void api_impact_assessments(App& app, const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    check_params(params, {"organisatietype"});
    const std::string type = type_param(params);
    const auto data = completeness_data(app);
    auto view = search::assessment_view(data->records, data->results);
    view.expected = search::expected_of_type(view, type);
    json body = view;
    body["organisatietype"] = type;
    send_fresh_json(res, body);
}

void api_impact_assessments_csv(App& app, const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    check_params(params, {"organisatietype", "table"});
    const std::string type = type_param(params);
    const std::string table = param(params, "table");
    if (!table.empty() && table != "counts" && table != "expected") {
        throw search::BadRequest("table", "unknown table '" + table + "'; use counts or expected");
    }
    const auto data = completeness_data(app);
    const auto view = search::assessment_view(data->records, data->results);
    if (table == "expected") {
        send_csv(res, "algreg-impacttoetsen-verwacht.csv",
                 search::expected_assessments_csv(search::expected_of_type(view, type)));
    } else {
        send_csv(res, "algreg-impacttoetsen.csv", search::assessment_counts_csv(view));
    }
}

} // namespace algreg::web
