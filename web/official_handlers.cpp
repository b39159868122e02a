#include "web/official_handlers.h"

#include "search/analysis.h"
#include "search/errors.h"
#include "search/schema.h"
#include "search/searcher.h"
#include "web/http_errors.h"
#include "web/official_format.h"
#include "web/official_request.h"
#include "web/official_vocabulary.h"
#include "web/record_stream.h"
#include "web/responses.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <utility>

namespace algreg::web {

using nlohmann::json;
using search::FacetCount;
using search::FacetResult;
using search::SearchRequest;
using search::SearchResult;

namespace {

constexpr std::string_view not_found_detail = "Kan algoritme niet vinden.";

const FacetResult* facet_named(const SearchResult& r, std::string_view name) {
    for (const auto& f : r.facets) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

std::string lars_of(const search::Hit& hit) {
    return hit.lars.empty() ? hit.id : hit.lars;
}

/// Our filter value for an impact-assessment state "done".
bool is_done_value(std::string_view value) {
    return value.ends_with("-uitgevoerd") && !value.ends_with("-niet-uitgevoerd");
}
std::string type_of_done_value(std::string_view value) {
    return std::string(value.substr(0, value.size() - std::string_view("-uitgevoerd").size()));
}
bool is_standard_type(std::string_view type_slug) {
    for (const auto t : search::assessment_types) {
        if (search::slug(t) == type_slug) {
            return true;
        }
    }
    return false;
}

/// Every "<type>-uitgevoerd" value in the whole index (for the Geen and Overig conditions).
std::vector<std::string> done_values(search::Searcher& searcher) {
    SearchRequest all;
    all.page_size = 1;
    all.facet_limit = 0;
    all.snippets = false;
    all.spelling = false;
    const auto result = searcher.search(all);
    std::vector<std::string> out;
    if (const auto* f = facet_named(result, search::facet::assessment.name)) {
        for (const auto& v : f->values) {
            if (is_done_value(v.value) && v.count > 0) {
                out.push_back(v.value);
            }
        }
    }
    return out;
}

/// `text` AND a condition in our query syntax on the impact-assessment filter values.
std::string with_condition(const std::string& text, const std::string& condition) {
    if (condition.empty()) {
        return text;
    }
    const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
    return blank ? condition : "(" + text + ") " + condition;
}

std::string none_of(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        out += (out.empty() ? "-" : " -") + std::string(search::facet::assessment.name) + ":" + v;
    }
    return out;
}

std::string any_of(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        out += (out.empty() ? "(" : " OR ") + std::string(search::facet::assessment.name) + ":" + v;
    }
    return out.empty() ? out : out + ")";
}

/// The number of matches of `request` AND `condition` (our query syntax).
std::size_t count_with(search::Searcher& searcher, const SearchRequest& request,
                       const std::string& condition) {
    SearchRequest counting = request;
    counting.text = with_condition(request.text, condition);
    counting.page = 1;
    counting.page_size = 1;
    counting.facets = false;
    counting.spelling = false;
    return searcher.search(counting).total;
}

json facet_row(std::string_view label, std::string_view key, std::uint32_t count) {
    return json{{"label", label}, {"key", key}, {"count", count}};
}

/// Count desc, then label (code-point order).
void sort_rows(json& rows) {
    std::sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
        if (a["count"] != b["count"]) {
            return a["count"].get<std::uint32_t>() > b["count"].get<std::uint32_t>();
        }
        return a["label"].get<std::string>() < b["label"].get<std::string>();
    });
}

/// A facet of single-valued entries, counted over the final set: with the facet's own filter
/// active only the selected value remains (our counts are disjunctive, the official ones are
/// not).
json simple_facet(const SearchResult& r, std::string_view name, bool selected,
                  const std::function<std::string(const FacetCount&)>& label_of) {
    json rows = json::array();
    if (const auto* f = facet_named(r, name)) {
        for (const auto& v : f->values) {
            if (v.count == 0 || (selected && !v.selected) || v.value.empty() ||
                v.value == "onbekend") {
                continue;
            }
            const std::string label = label_of(v);
            rows.push_back(facet_row(label, label, v.count));
        }
    }
    return rows;
}

json organisation_type_facet(const SearchResult& r, bool selected, std::string_view lang) {
    json rows = json::array();
    if (const auto* f = facet_named(r, search::facet::organisation_type.name)) {
        for (const auto& v : f->values) {
            if (v.count == 0 || (selected && !v.selected) || v.value == "onbekend") {
                continue;
            }
            const auto* known = find_label(official_organisation_types(), v.value);
            rows.push_back(facet_row(known ? localised(*known, lang) : std::string_view(v.label),
                                     v.value, v.count));
        }
    }
    sort_rows(rows);
    return rows;
}

/// The "<type>-uitgevoerd" values of the result with a count whose type is not a standard one
/// (Overig, the kind-unknown row of docs/assessments.md, …).
std::vector<std::string> other_done_values(const SearchResult& r) {
    std::vector<std::string> out;
    if (const auto* f = facet_named(r, search::facet::assessment.name)) {
        for (const auto& v : f->values) {
            if (is_done_value(v.value) && v.count > 0 &&
                !is_standard_type(type_of_done_value(v.value))) {
                out.push_back(v.value);
            }
        }
    }
    return out;
}

/// The impact-assessment facet: per standard type the entries where it was done, Overig for
/// the entries with a done assessment of another type (`overig`, counted once per entry), Geen
/// for entries with none done.
json impact_facet(const SearchResult& r, std::size_t geen, std::size_t overig,
                  std::string_view lang) {
    json rows = json::array();
    if (const auto* f = facet_named(r, search::facet::assessment.name)) {
        for (const auto& v : f->values) {
            if (!is_done_value(v.value) || v.count == 0) {
                continue;
            }
            const std::string type = type_of_done_value(v.value);
            for (const auto& label : official_impact_assessments()) {
                if (!assessment_slug_for(label.key).empty() &&
                    assessment_slug_for(label.key) == type) {
                    rows.push_back(facet_row(localised(label, lang), label.key, v.count));
                }
            }
        }
    }
    const auto& labels = official_impact_assessments();
    if (overig > 0) {
        rows.push_back(facet_row(localised(labels[12], lang), labels[12].key,
                                 static_cast<std::uint32_t>(overig)));
    }
    if (geen > 0) {
        rows.push_back(facet_row(localised(labels[13], lang), labels[13].key,
                                 static_cast<std::uint32_t>(geen)));
    }
    sort_rows(rows);
    return rows;
}

json organisation_facet(const SearchResult& r, bool selected, bool by_count) {
    json rows = simple_facet(r, search::facet::organisation.name, selected,
                             [](const FacetCount& v) { return v.label; });
    if (by_count) {
        sort_rows(rows);
    } else {
        std::sort(rows.begin(), rows.end(), [](const json& a, const json& b) {
            return a["label"].get<std::string>() < b["label"].get<std::string>();
        });
    }
    return rows;
}

/// The query parameter filetype of a download: required, and "csv" (422 otherwise, in the
/// official validation shape).
void check_filetype(const httplib::Request& req) {
    if (!req.has_param("filetype")) {
        throw ValidationError(json::array({validation_item(
            "missing", json::array({"query", "filetype"}), "Field required", nullptr)}));
    }
    const std::string filetype = req.get_param_value("filetype");
    if (filetype != "csv") {
        // The official server also offers "excel"; algreg does not write .xlsx.
        throw ValidationError(json::array(
            {validation_item("enum", json::array({"query", "filetype"}), "Input should be 'csv'",
                             filetype, json{{"expected", "'csv'"}})}));
    }
}

/// Entries read per batch by the streamed dumps: one borrowed searcher per batch.
constexpr std::size_t dump_batch = 100;

/// The records of `ids` that are in the register now (nullopt for the others), read with one
/// borrowed searcher.
std::vector<std::optional<search::AlgorithmRecord>> find_all(App& app,
                                                             std::span<const std::string> ids) {
    std::vector<std::optional<search::AlgorithmRecord>> out;
    out.reserve(ids.size());
    app.searchers.with([&](search::Searcher& searcher) {
        for (const auto& id : ids) {
            try {
                out.emplace_back(searcher.find(id));
            } catch (const search::NotFound&) {
                out.emplace_back(std::nullopt); // removed (meanwhile, or long ago)
            }
        }
    });
    return out;
}

/// The history CSV lines of the entries `ids`, each entry's versions newest first. An entry
/// in the register that the history does not know (indexed before history existed) gives one
/// line: its current version.
std::string history_lines(App& app, const search::HistoryLog& log,
                          std::span<const std::string> ids) {
    const auto records = find_all(app, ids);
    const auto& revisions = log.revisions();
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto* current = records[i] ? &*records[i] : nullptr;
        auto versions = log.versions(ids[i], current);
        if (versions.empty() && current != nullptr) {
            out += official_csv_row(*current);
            continue;
        }
        for (auto& v : versions) {
            std::string recorded;
            if (v.event.sequence >= 1 && v.event.sequence <= revisions.size()) {
                recorded = revisions[v.event.sequence - 1].timestamp;
            }
            v.record.publication_dt = history_publication_dt(v.record, recorded);
            out += official_csv_row(v.record);
        }
    }
    return out;
}

/// Sends `first` (the BOM, header and first lines) and then next() until it returns "", as a
/// chunked text/csv download named as the official one.
void send_csv_stream(App& app, httplib::Response& res, std::string first,
                     std::function<std::string()> next) {
    res.set_header("Content-Disposition",
                   "attachment; filename=\"" + official_download_filename() + "\"");
    auto pending = std::make_shared<std::string>(std::move(first));
    RequestTracker& tracker = app.tracker;
    res.set_chunked_content_provider(
        "text/csv; charset=utf-8",
        [pending, next = std::move(next), &tracker](std::size_t, httplib::DataSink& sink) {
            std::string chunk = pending->empty() ? next() : std::exchange(*pending, {});
            if (chunk.empty()) {
                sink.done();
                return true;
            }
            tracker.add_bytes(chunk.size());
            return sink.write(chunk.data(), chunk.size());
        });
}

/// Merges two sorted id lists into one sorted list without duplicates.
std::vector<std::string> merged_ids(std::vector<std::string> a, const std::vector<std::string>& b) {
    std::vector<std::string> out;
    out.reserve(a.size() + b.size());
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::string today_compact() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y%m%d", &tm);
    return buffer;
}

} // namespace

std::string official_download_filename() {
    return "Algoritmebeschrijvingen " + today_compact() + ".csv";
}

void official_search(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string lang = req.matches[1];
    check_official_language(lang);
    const OfficialSearch s = parse_official_search(req.body);

    SearchRequest request;
    request.text = s.searchtext;
    request.page = s.page;
    request.page_size = s.limit;
    request.facet_limit = 0;
    request.snippets = false;
    if (!s.organisationtype.empty()) {
        request.filters[std::string(search::facet::organisation_type.name)] = {s.organisationtype};
    }
    if (!s.organisation.empty()) {
        request.filters[std::string(search::facet::organisation.name)] = {s.organisation};
    }
    if (!s.publicationcategory.empty()) {
        request.filters[std::string(search::facet::category.name)] = {s.publicationcategory};
    }
    const std::string impact_type = assessment_slug_for(s.impact_assessment);
    if (!impact_type.empty()) {
        request.filters[std::string(search::facet::assessment.name)] = {impact_type +
                                                                        "-uitgevoerd"};
    }
    // Past the deepest page we can serve: nothing on it, but the counts still hold.
    const bool beyond = s.page - 1 > search::max_offset / s.limit;
    if (beyond) {
        request.page = 1;
    }

    // The cache key: everything the answer depends on, in a fixed form.
    const std::string key = "official-search\n" + lang + "\n" + std::to_string(s.page) + "\n" +
                            std::to_string(s.limit) + "\n" + s.organisationtype + "\n" +
                            s.impact_assessment + "\n" + (s.sort_by_count ? "n" : "a") + "\n" +
                            std::to_string(s.organisation.size()) + ":" + s.organisation +
                            std::to_string(s.publicationcategory.size()) + ":" +
                            s.publicationcategory + s.searchtext;
    app.searchers.with([&](search::Searcher& searcher) {
        send_cached_json(app.cache, res, searcher.revision(), key, [&] {
            std::vector<std::string> done;
            if (s.impact_assessment == "Geen" || s.impact_assessment == "Overig") {
                done = done_values(searcher);
                std::vector<std::string> other;
                for (const auto& v : done) {
                    if (!is_standard_type(type_of_done_value(v))) {
                        other.push_back(v);
                    }
                }
                request.text = with_condition(
                    request.text, s.impact_assessment == "Geen" ? none_of(done) : any_of(other));
            }
            const SearchResult result = searcher.search(request);

            // Geen: the entries of the result with no assessment done.
            std::size_t geen = result.total;
            if (!impact_type.empty()) {
                geen = 0;
            } else if (s.impact_assessment != "Geen" && result.total > 0) {
                if (const auto* f = facet_named(result, search::facet::assessment.name);
                    f && std::any_of(f->values.begin(), f->values.end(), [](const FacetCount& v) {
                        return is_done_value(v.value) && v.count > 0;
                    })) {
                    if (done.empty()) {
                        done = done_values(searcher);
                    }
                    geen = count_with(searcher, request, none_of(done));
                }
            }

            // Overig: the entries of the result with a done assessment of a non-standard type,
            // each once (one value's count, or a count of any of them).
            std::size_t overig = 0;
            if (const auto other = other_done_values(result); other.size() == 1) {
                const auto* f = facet_named(result, search::facet::assessment.name);
                for (const auto& v : f->values) {
                    overig = v.value == other.front() ? v.count : overig;
                }
            } else if (other.size() > 1) {
                overig = count_with(searcher, request, any_of(other));
            }

            json results = json::array();
            if (!beyond) {
                for (const auto& hit : result.hits) {
                    try {
                        results.push_back(official_record(searcher.find(hit.id), lang));
                    } catch (const search::NotFound&) {
                        // removed by a reindex between the page and the look-up
                    }
                }
            }
            json filter_data{
                {"organisationtype",
                 organisation_type_facet(result, !s.organisationtype.empty(), lang)},
                {"publicationcategory",
                 [&] {
                     json rows = simple_facet(result, search::facet::category.name,
                                              !s.publicationcategory.empty(),
                                              [](const FacetCount& v) { return v.label; });
                     sort_rows(rows);
                     return rows;
                 }()},
                {"impact_assessment", impact_facet(result, geen, overig, lang)},
                {"organisation",
                 organisation_facet(result, !s.organisation.empty(), s.sort_by_count)},
            };
            json selected = json::array();
            if (const auto* t = find_label(official_organisation_types(), s.organisationtype)) {
                selected.push_back({{"key", "organisationtype"}, {"value", localised(*t, lang)}});
            }
            if (!s.publicationcategory.empty()) {
                selected.push_back(
                    {{"key", "publicationcategory"}, {"value", s.publicationcategory}});
            }
            if (!s.organisation.empty()) {
                selected.push_back({{"key", "organisation"}, {"value", s.organisation}});
            }
            if (const auto* a = find_label(official_impact_assessments(), s.impact_assessment)) {
                selected.push_back({{"key", "impact_assessment"}, {"value", localised(*a, lang)}});
            }
            if (!s.searchtext.empty()) {
                selected.push_back({{"key", "searchtext"}, {"value", s.searchtext}});
            }
            return json{{"results", std::move(results)},
                        {"total_count", result.total},
                        {"filter_data", std::move(filter_data)},
                        {"selected_filters", std::move(selected)}};
        });
    });
}

void official_entry(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string lang = req.matches[1];
    const std::string lars = req.matches[2];
    check_official_language(lang);
    if (lars.empty() || lars.size() > 200 || lars[0] == 'C') {
        throw HttpError(ErrorKind::not_found, std::string(not_found_detail));
    }
    json body;
    try {
        app.searchers.with(
            [&](search::Searcher& searcher) { body = official_record(searcher.find(lars), lang); });
    } catch (const search::NotFound&) {
        throw HttpError(ErrorKind::not_found, std::string(not_found_detail));
    }
    send_json(res, body);
}

void official_similar(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string lang = req.matches[1];
    const std::string lars = req.matches[2];
    check_official_language(lang);
    if (lars.empty() || lars.size() > 200) {
        throw HttpError(ErrorKind::not_found, std::string(not_found_detail));
    }
    json results = json::array();
    json scores = json::array();
    try {
        app.searchers.with([&](search::Searcher& searcher) {
            const auto hits = searcher.more_like_this(lars, 5);
            const double top = hits.empty() ? 0.0 : hits.front().score;
            for (const auto& hit : hits) {
                results.push_back(official_record(searcher.find(hit.id), lang));
                scores.push_back(top > 0 ? 100.0 * hit.score / top : 0.0);
            }
        });
    } catch (const search::NotFound&) {
        throw HttpError(ErrorKind::not_found, std::string(not_found_detail));
    }
    send_json(res, json{{"results", results},
                        {"total_count", 10}, // sic: the official server always says 10
                        {"filter_data",
                         {{"organisationtype", nullptr},
                          {"publicationcategory", nullptr},
                          {"impact_assessment", nullptr},
                          {"organisation", nullptr}}},
                        {"selected_filters", json::array()},
                        {"scores", scores}});
}

void official_suggestion(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string lang = req.matches[1];
    std::string text = req.matches[2];
    check_official_language(lang);
    if (!valid_utf8(text)) {
        throw ValidationError(
            json::array({validation_item("string_unicode", json::array({"path", "search"}),
                                         "Input should be a valid string", nullptr)}));
    }
    text = search::sanitise_query_text(text, search::max_query_bytes);
    // Type-ahead: the last word may be unfinished, so it also matches as a prefix.
    if (text.size() >= 2 && std::isalnum(static_cast<unsigned char>(text.back())) &&
        std::isalnum(static_cast<unsigned char>(text[text.size() - 2])) &&
        std::count(text.begin(), text.end(), '"') % 2 == 0) {
        text += '*';
    }
    SearchRequest request;
    request.text = text;
    request.sort = search::Sort::last_changed;
    request.page_size = 10;
    request.facets = false;
    request.snippets = false;
    request.spelling = false;
    app.searchers.with([&](search::Searcher& searcher) {
        send_cached_json(app.cache, res, searcher.revision(), "official-suggestion\n" + text, [&] {
            json algorithms = json::array();
            if (text.find_first_not_of(" *") != std::string::npos) {
                for (const auto& hit : searcher.search(request).hits) {
                    algorithms.push_back({{"name", hit.name},
                                          {"organization", hit.organisation},
                                          {"lars", lars_of(hit)}});
                }
            }
            return json{{"algorithms", algorithms}};
        });
    });
}

void official_download(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string lang = req.matches[1];
    check_official_language(lang);
    check_filetype(req);
    SearchRequest all;
    all.sort = search::Sort::last_changed;
    auto stream = std::make_shared<RecordStream>(app.searchers, all);
    const auto first = stream->next();
    if (first.empty()) {
        throw HttpError(ErrorKind::not_found, "NO_DATA_FOUND");
    }
    auto lines = [](const std::vector<search::AlgorithmRecord>& records) {
        std::string out;
        for (const auto& record : records) {
            out += official_csv_row(record);
        }
        return out;
    };
    send_csv_stream(app, res, std::string(utf8_bom) + official_csv_header() + lines(first),
                    [stream, lines] { return lines(stream->next()); });
}

void official_history_download(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string lang = req.matches[1];
    check_official_language(lang);
    check_filetype(req);
    std::shared_ptr<const search::HistoryLog> log;
    std::vector<std::string> in_register;
    app.searchers.with([&](search::Searcher& searcher) {
        log = searcher.history_log();
        in_register = searcher.ids();
    });
    auto ids =
        std::make_shared<std::vector<std::string>>(merged_ids(std::move(in_register), log->ids()));
    if (ids->empty()) {
        throw HttpError(ErrorKind::not_found, "NO_DATA_FOUND");
    }
    auto position = std::make_shared<std::size_t>(0);
    auto next = [&app, log, ids, position]() {
        std::string out;
        while (out.empty() && *position < ids->size()) {
            const std::size_t n = std::min(dump_batch, ids->size() - *position);
            out = history_lines(app, *log, std::span(*ids).subspan(*position, n));
            *position += n;
        }
        return out;
    };
    std::string first = next();
    if (first.empty()) {
        throw HttpError(ErrorKind::not_found, "NO_DATA_FOUND");
    }
    send_csv_stream(app, res, std::string(utf8_bom) + official_csv_header() + first,
                    std::move(next));
}

void official_entry_history_download(App& app, const httplib::Request& req,
                                     httplib::Response& res) {
    const std::string lars = req.matches[1];
    const std::string lang = req.matches[2];
    check_official_language(lang);
    check_filetype(req);
    if (lars.empty() || lars.size() > 200) {
        throw HttpError(ErrorKind::not_found, "NO_DATA_FOUND");
    }
    const auto log =
        app.searchers.with([](search::Searcher& searcher) { return searcher.history_log(); });
    const std::vector<std::string> ids{lars};
    std::string lines = history_lines(app, *log, ids);
    if (lines.empty()) {
        throw HttpError(ErrorKind::not_found, "NO_DATA_FOUND");
    }
    send_csv_stream(app, res, std::string(utf8_bom) + official_csv_header() + lines,
                    [] { return std::string(); });
}

void official_site_data(App& app, const httplib::Request&, httplib::Response& res) {
    struct Dump {
        std::vector<std::string> ids;
        std::size_t position = 0; ///< ids read
        std::size_t written = 0;  ///< records written
        bool finished = false;
        std::map<std::string, std::pair<std::string, std::string>> organisations; ///< code ->
                                                                                  ///< name, type
    };
    auto dump = std::make_shared<Dump>();
    dump->ids = app.searchers.with([](search::Searcher& searcher) { return searcher.ids(); });
    // The official server sends media type "json" (sic) and this file name.
    res.set_header("Content-Disposition", "attachment; filename=pub_data.json");
    RequestTracker& tracker = app.tracker;
    res.set_chunked_content_provider("json", [&app, dump, &tracker](std::size_t,
                                                                    httplib::DataSink& sink) {
        if (dump->finished) {
            sink.done();
            return true;
        }
        std::string chunk = dump->position == 0 ? R"({"algoritme_versions":[)" : "";
        const std::size_t written_before = dump->written;
        while (dump->written == written_before && dump->position < dump->ids.size()) {
            const std::size_t n = std::min(dump_batch, dump->ids.size() - dump->position);
            const auto records = find_all(app, std::span(dump->ids).subspan(dump->position, n));
            for (const auto& record : records) {
                if (!record) {
                    continue; // removed by a reindex during the download
                }
                const std::string code = organisation_code(*record);
                if (!code.empty()) {
                    dump->organisations.try_emplace(code, record->organization,
                                                    record->organization_type);
                }
                chunk += dump->written == 0 ? "" : ",";
                ++dump->written;
                chunk +=
                    site_data_record(*record).dump(-1, ' ', false, json::error_handler_t::replace);
            }
            dump->position += n;
        }
        if (dump->position >= dump->ids.size()) {
            chunk += R"(],"organisation_details":[)";
            bool first = true;
            for (const auto& [code, details] : dump->organisations) {
                chunk += (first ? "" : ",") +
                         organisation_details_row(details.first, code, details.second)
                             .dump(-1, ' ', false, json::error_handler_t::replace);
                first = false;
            }
            chunk += "]}";
            dump->finished = true;
        }
        tracker.add_bytes(chunk.size());
        return sink.write(chunk.data(), chunk.size());
    });
}

void official_organisation_relation(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string code = req.matches[1];
    std::string name;
    if (!code.empty() && code.size() <= 200 && valid_utf8(code)) {
        SearchRequest request;
        request.filters[std::string(search::facet::organisation.name)] = {code};
        request.page_size = 1;
        request.facets = false;
        request.snippets = false;
        request.spelling = false;
        app.searchers.with([&](search::Searcher& searcher) {
            for (const auto& hit : searcher.search(request).hits) {
                if (search::slug(hit.organisation) == code) {
                    name = hit.organisation;
                }
            }
        });
    }
    if (name.empty()) {
        throw HttpError(ErrorKind::not_found, "Kan corresponderende org_id niet vinden.");
    }
    // No hierarchy is known (docs/api.md): the chain is the organisation alone.
    send_json(res, json{{"org_id", code},
                        {"hierarchy_path", code},
                        {"hierarchy", json::array({json{{"org_id", code}, {"name", name}}})}});
}

void official_total_count(App& app, const httplib::Request&, httplib::Response& res) {
    send_json(res, json(index_gauges(app).entries));
}

void official_health(App&, const httplib::Request&, httplib::Response& res) {
    send_json(res, json("OK"));
}

} // namespace algreg::web
