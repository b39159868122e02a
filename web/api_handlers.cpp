#include "web/api_handlers.h"

#include "search/csv_writer.h"
#include "search/errors.h"
#include "search/facets.h"
#include "search/schema.h"
#include "search/version.h"
#include "web/export_table.h"
#include "web/history_handlers.h"
#include "web/http_errors.h"
#include "web/official_format.h"
#include "web/openapi.h"
#include "web/record_stream.h"
#include "web/responses.h"
#include "web/sync_status_view.h"
#include "web/xlsx_export.h"

#include <memory>

namespace algreg::web {

using nlohmann::json;
using search::SearchRequest;

namespace {

constexpr std::size_t max_id_bytes = 200;
constexpr std::size_t max_suggest_bytes = 200;
constexpr std::size_t max_similar = 50;
constexpr std::size_t max_suggest_limit = 50;
constexpr std::size_t max_facet_values = 1000;

/// The {id} of a route; ids longer than any real one are simply not found.
std::string id_param(const httplib::Request& req) {
    std::string id = req.matches[1];
    if (id.empty() || id.size() > max_id_bytes || !valid_utf8(id)) {
        throw HttpError(ErrorKind::not_found, "no entry with this id");
    }
    return id;
}

template <class F> void not_found_as(const std::string& message, F&& f) {
    try {
        f();
    } catch (const search::NotFound&) {
        throw HttpError(ErrorKind::not_found, message);
    }
}

void set_total_headers(httplib::Response& res, const RecordStream& stream) {
    res.set_header("X-Total-Count", std::to_string(stream.total()));
    if (stream.truncated()) {
        res.set_header("X-Export-Truncated", std::to_string(max_export_rows));
    }
}

/// Streams `stream` through `row` (one record -> text) with `head` first and `tail` last.
void stream_records(App& app, httplib::Response& res, const std::string& content_type,
                    std::shared_ptr<RecordStream> stream, std::string head,
                    std::function<std::string(const search::AlgorithmRecord&, bool first)> row,
                    std::function<std::string(const RecordStream&)> tail) {
    auto first_page = std::make_shared<std::vector<search::AlgorithmRecord>>(stream->next());
    auto started = std::make_shared<bool>(false);
    RequestTracker& tracker = app.tracker;
    set_total_headers(res, *stream);
    res.set_chunked_content_provider(
        content_type, [stream, first_page, started, head = std::move(head), row = std::move(row),
                       tail = std::move(tail), &tracker](std::size_t, httplib::DataSink& sink) {
            std::string chunk;
            std::vector<search::AlgorithmRecord> records;
            bool first_record = false;
            if (!*started) {
                *started = true;
                chunk = head;
                records.swap(*first_page);
                first_record = true;
            } else {
                records = stream->next();
            }
            for (const auto& record : records) {
                chunk += row(record, first_record);
                first_record = false;
            }
            if (records.empty()) {
                chunk += tail(*stream);
            }
            tracker.add_bytes(chunk.size());
            if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) {
                return false;
            }
            if (records.empty()) {
                sink.done();
            }
            return true;
        });
}

/// The value of `name` (the last one given) taken out of `params`; "" when absent.
std::string take_param(Params& params, std::string_view name) {
    std::string value;
    std::erase_if(params, [&](const auto& p) {
        if (p.first != name) {
            return false;
        }
        value = p.second;
        return true;
    });
    return value;
}

/// The records of an export: every match on the live index, or with as_of= on the register as
/// it was that day; and the name to save it under (the search and the day, as_of or today).
struct Export {
    std::shared_ptr<RecordStream> stream;
    std::string filename;
};

Export export_of(App& app, Params params, std::string_view extension) {
    const std::string today = utc_today();
    const auto as_of = take_as_of(params, today);
    SearchRequest request = parse_search_params(params, ParamSet::export_);
    Export out;
    out.filename = export_filename(request, as_of ? *as_of : today, extension);
    out.stream = as_of ? as_of_record_stream(app, *as_of, std::move(request))
                       : std::make_shared<RecordStream>(app.searchers, std::move(request));
    return out;
}

/// `sep=`: comma (default, for tools) or semicolon (what Excel expects in Dutch locales).
search::CsvStyle export_csv_style(const std::string& sep) {
    search::CsvStyle style; // minimal quoting, CRLF, formulas neutralised
    if (sep.empty() || sep == "comma" || sep == ",") {
        style.separator = ',';
    } else if (sep == "semicolon" || sep == ";") {
        style.separator = ';';
    } else {
        throw search::BadRequest("sep", "must be comma or semicolon");
    }
    return style;
}

std::string record_json(const search::AlgorithmRecord& r) {
    return json(r).dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

IndexGauges index_gauges(App& app) {
    SearchRequest all;
    all.page_size = 1;
    all.facets = false;
    all.snippets = false;
    all.spelling = false;
    return app.searchers.with([&](search::Searcher& searcher) {
        const auto result = searcher.search(all);
        return IndexGauges{result.revision, result.total};
    });
}

void api_search(App& app, const httplib::Request& req, httplib::Response& res) {
    Params params = params_of(req);
    const auto as_of = take_as_of(params, utc_today());
    const SearchRequest request = parse_search_params(params);
    if (as_of) {
        api_search_as_of(app, req, res, request, *as_of);
        return;
    }
    app.searchers.with([&](search::Searcher& searcher) {
        const auto revision = searcher.revision();
        if (cache_by_revision(req, res, revision)) {
            return;
        }
        send_cached_json(app.cache, res, revision, request_key(req),
                         [&] { return json(searcher.search(request)); });
    });
}

void api_entry(App& app, const httplib::Request& req, httplib::Response& res) {
    check_params(params_of(req), {});
    const std::string id = id_param(req);
    not_found_as("no entry with id " + id, [&] {
        app.searchers.with([&](search::Searcher& searcher) {
            if (cache_by_revision(req, res, searcher.revision())) {
                return;
            }
            send_json(res, json(searcher.find(id)));
        });
    });
}

void api_similar(App& app, const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    check_params(params, {"count"});
    const std::string id = id_param(req);
    const std::string count_text = param(params, "count");
    const std::size_t count =
        count_text.empty() ? 10 : parse_count("count", count_text, 1, max_similar);
    not_found_as("no entry with id " + id, [&] {
        app.searchers.with([&](search::Searcher& searcher) {
            const auto revision = searcher.revision();
            if (cache_by_revision(req, res, revision)) {
                return;
            }
            send_cached_json(app.cache, res, revision, request_key(req), [&] {
                return json{{"id", id}, {"hits", searcher.more_like_this(id, count)}};
            });
        });
    });
}

void api_suggest(App& app, const httplib::Request& req, httplib::Response& res) {
    const Params params = params_of(req);
    check_params(params, {"q", "limit"});
    const std::string q = param(params, "q");
    if (q.size() > max_suggest_bytes) {
        throw search::BadRequest("q",
                                 "is longer than " + std::to_string(max_suggest_bytes) + " bytes");
    }
    const std::string limit_text = param(params, "limit");
    const std::size_t limit =
        limit_text.empty() ? 8 : parse_count("limit", limit_text, 1, max_suggest_limit);
    app.searchers.with([&](search::Searcher& searcher) {
        const auto revision = searcher.revision();
        if (cache_by_revision(req, res, revision)) {
            return;
        }
        send_cached_json(app.cache, res, revision, request_key(req), [&] {
            // Nothing typed, nothing to complete (and Searcher::suggest("") trips UBSan).
            return json(q.find_first_not_of(" \t") == std::string::npos
                            ? search::Suggestions{}
                            : searcher.suggest(q, limit));
        });
    });
}

void api_facet_values(App& app, const httplib::Request& req, httplib::Response& res) {
    const std::string facet = req.matches[1];
    if (!search::facet_index(facet)) {
        throw HttpError(ErrorKind::not_found, "no facet named '" + facet + "'");
    }
    // The search context (q, filters) plus: contains (the facet value text) and limit.
    Params params = params_of(req);
    Params context;
    std::string contains;
    std::size_t limit = 50;
    for (const auto& [name, value] : params) {
        if (name == "contains" || name == "value") {
            contains = value;
        } else if (name == "limit") {
            limit = parse_count("limit", value, 1, max_facet_values);
        } else if (name == "q" && !req.has_param("contains") && !req.has_param("value")) {
            contains = value; // /facets/{facet}?q= searches the values
        } else {
            context.emplace_back(name, value);
        }
    }
    if (!valid_utf8(contains)) {
        throw search::BadRequest("q", "is not valid UTF-8");
    }
    if (contains.size() > max_suggest_bytes) {
        throw search::BadRequest("q",
                                 "is longer than " + std::to_string(max_suggest_bytes) + " bytes");
    }
    SearchRequest request = parse_search_params(context);
    request.snippets = false;
    request.spelling = false;
    app.searchers.with([&](search::Searcher& searcher) {
        const auto revision = searcher.revision();
        if (cache_by_revision(req, res, revision)) {
            return;
        }
        send_cached_json(app.cache, res, revision, request_key(req), [&] {
            return json{{"facet", facet},
                        {"q", contains},
                        {"values", searcher.facet_values(request, facet, contains, limit)}};
        });
    });
}

void api_stats(App& app, const httplib::Request& req, httplib::Response& res) {
    check_params(params_of(req), {});
    SearchRequest all;
    all.page_size = 1;
    all.facet_limit = 0;
    all.snippets = false;
    all.spelling = false;
    app.searchers.with([&](search::Searcher& searcher) {
        const auto revision = searcher.revision();
        if (cache_by_revision(req, res, revision)) {
            return;
        }
        send_cached_json(app.cache, res, revision, request_key(req), [&] {
            const auto result = searcher.search(all);
            return json{{"revision", result.revision},
                        {"entries", result.total},
                        {"facets", result.facets}};
        });
    });
}

void api_export_csv(App& app, const httplib::Request& req, httplib::Response& res) {
    Params params = params_of(req);
    const search::CsvStyle style = export_csv_style(take_param(params, "sep"));
    auto [stream, filename] = export_of(app, std::move(params), "csv");
    // The BOM makes Excel read UTF-8 (accents); the header row names the columns.
    std::string head = std::string(utf8_bom) + search::csv_line(export_columns(), style);
    res.set_header("Content-Disposition", attachment_header(filename));
    stream_records(
        app, res, "text/csv; charset=utf-8; header=present", stream, std::move(head),
        [style](const search::AlgorithmRecord& r, bool) {
            return search::csv_line(export_cells(r), style);
        },
        [](const RecordStream&) { return std::string(); });
}

void api_export_xlsx(App& app, const httplib::Request& req, httplib::Response& res) {
    auto [stream, filename] = export_of(app, params_of(req), "xlsx");
    const auto& columns = export_columns();
    std::vector<bool> dates;
    for (const auto& c : columns) {
        dates.push_back(is_date_column(c));
    }
    // The workbook is written whole before the answer starts (a zip's directory comes last),
    // through a temporary file: memory stays bounded, the rows by max_export_rows.
    XlsxWriter writer("Algoritmeregister", columns, std::move(dates));
    for (auto records = stream->next(); !records.empty(); records = stream->next()) {
        for (const auto& r : records) {
            writer.add_row(export_cells(r));
        }
    }
    auto file = std::make_shared<OpenFile>(writer.finish());
    const std::size_t size = file->size();
    set_total_headers(res, *stream);
    res.set_header("Content-Disposition", attachment_header(filename));
    RequestTracker& tracker = app.tracker;
    res.set_content_provider(
        size, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [file, &tracker](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            std::vector<char> buffer(std::min<std::size_t>(length, 64 * 1024));
            const std::size_t n = file->read_at(offset, buffer.data(), buffer.size());
            tracker.add_bytes(n);
            return n > 0 && sink.write(buffer.data(), n);
        });
}

void api_export_json(App& app, const httplib::Request& req, httplib::Response& res) {
    auto [stream, filename] = export_of(app, params_of(req), "json");
    res.set_header("Content-Disposition", attachment_header(filename));
    stream_records(
        app, res, "application/json", stream, "{\"records\":[\n",
        [](const search::AlgorithmRecord& r, bool first) {
            return (first ? "" : ",\n") + record_json(r);
        },
        [](const RecordStream& s) {
            return "\n],\"total\":" + std::to_string(s.total()) +
                   ",\"truncated\":" + (s.truncated() ? "true" : "false") + "}\n";
        });
}

void api_export_ndjson(App& app, const httplib::Request& req, httplib::Response& res) {
    auto [stream, filename] = export_of(app, params_of(req), "ndjson");
    res.set_header("Content-Disposition", attachment_header(filename));
    stream_records(
        app, res, "application/x-ndjson", stream, "",
        [](const search::AlgorithmRecord& r, bool) { return record_json(r) + "\n"; },
        [](const RecordStream&) { return std::string(); });
}

void api_openapi(App&, const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "public, max-age=3600");
    send_json(res, openapi_document());
}

void healthz(App& app, const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    const auto sync = app.sync_status ? std::optional(app.sync_status()) : std::nullopt;
    if (sync && sync->building) { // no index yet: not ready, and says why
        res.set_header("Retry-After", "60");
        send_json(res,
                  json{{"status", "building"},
                       {"version", std::string(search::version())},
                       {"message", building_message(*sync)},
                       {"sync", sync_status_json(*sync)}},
                  503);
        return;
    }
    const IndexGauges g = index_gauges(app);
    json body{{"status", "ok"},
              {"version", std::string(search::version())},
              {"revision", g.revision},
              {"entries", g.entries}};
    if (sync) {
        body["sync"] = sync_status_json(*sync);
    }
    send_json(res, body);
}

void metrics(App& app, const httplib::Request&, httplib::Response& res) {
    IndexGauges g;
    try {
        g = index_gauges(app);
    } catch (const std::exception&) {
        // the metrics still matter when the index is unreadable: report zeros
    }
    res.set_header("Cache-Control", "no-store");
    const auto c = app.cache.stats();
    res.set_content(app.metrics.render(g, {c.hits, c.misses, c.entries, c.bytes}) +
                        (app.sync_status ? render_sync_metrics(app.sync_status()) : ""),
                    "text/plain; version=0.0.4; charset=utf-8");
}

} // namespace algreg::web
