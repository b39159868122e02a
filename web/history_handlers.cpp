#include "web/history_handlers.h"

#include "search/analysis.h"
#include "search/errors.h"
#include "search/history.h"
#include "web/atom_feed.h"
#include "web/http_errors.h"
#include "web/responses.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

namespace algreg::web {

using nlohmann::json;

namespace {

constexpr std::size_t max_id_bytes = 200;
/// Deepest page of a change list: far beyond any real history, small enough for any arithmetic.
constexpr std::size_t max_changes_page = 1'000'000;

std::string id_param(const httplib::Request& req) {
    std::string id = req.matches[1];
    if (id.empty() || id.size() > max_id_bytes || !valid_utf8(id)) {
        throw HttpError(ErrorKind::not_found, "no entry with this id");
    }
    return id;
}

void add_kinds(std::vector<search::ChangeKind>& kinds, const std::string& value) {
    std::size_t start = 0;
    while (start <= value.size()) {
        const std::size_t comma = std::min(value.find(',', start), value.size());
        const std::string word = value.substr(start, comma - start);
        if (!word.empty()) {
            const auto kind = search::parse_change_kind(word);
            if (!kind) {
                throw search::BadRequest("kind",
                                         "must be toegevoegd, gewijzigd or verwijderd (repeat "
                                         "the parameter or separate them with commas)");
            }
            if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) {
                kinds.push_back(*kind);
            }
        }
        start = comma + 1;
    }
}

void require_as_of(const App& app) {
    if (!app.as_of.available()) {
        throw HttpError(ErrorKind::unavailable,
                        "as_of is not available: this server was started without access to its "
                        "index's history (run it with `algreg serve`)");
    }
}

/// A RecordStream with the pool it reads from, so that the pool outlives the stream even when
/// AsOfPools lets go of it meanwhile.
struct PooledRecordStream {
    PooledRecordStream(std::shared_ptr<SearcherPool> p, search::SearchRequest request)
        : pool(std::move(p)), stream(*pool, std::move(request)) {}
    std::shared_ptr<SearcherPool> pool;
    RecordStream stream;
};

/// The live index's revision: what every answer derived from the history depends on.
std::uint64_t live_revision(App& app) {
    return app.searchers.with([](search::Searcher& s) { return s.revision(); });
}

} // namespace

std::string site_url(const httplib::Request& req) {
    std::string host = req.get_header_value("Host");
    const bool plain = !host.empty() && host.size() <= 255 &&
                       host.find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") ==
                           std::string::npos;
    if (!plain) {
        host = "localhost";
    }
    const bool https = req.get_header_value("X-Forwarded-Proto") == "https";
    return std::string(https ? "https" : "http") + "://" + host;
}

std::string utc_today() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

std::optional<std::string> take_as_of(Params& params, std::string_view today) {
    std::optional<std::string> as_of;
    for (auto it = params.begin(); it != params.end();) {
        if (it->first != "as_of") {
            ++it;
            continue;
        }
        if (as_of) {
            throw search::BadRequest("as_of", "may be given once");
        }
        as_of = it->second;
        it = params.erase(it);
    }
    if (!as_of || as_of->empty()) {
        return std::nullopt;
    }
    search::check_date_parameter("as_of", *as_of);
    if (*as_of > today) {
        throw search::BadRequest("as_of", "is after today (" + std::string(today) +
                                              "): the register's future is not known yet");
    }
    return as_of;
}

search::ChangesRequest parse_changes_params(const Params& params) {
    search::ChangesRequest request;
    Params search_part;
    bool since_seen = false;
    bool until_seen = false;
    for (const auto& [name, value] : params) {
        if (name == "since" || name == "until") {
            bool& seen = name == "since" ? since_seen : until_seen;
            if (seen) {
                throw search::BadRequest(name, "may be given once");
            }
            seen = true;
            if (!value.empty()) {
                search::check_date_parameter(name, value);
            }
            (name == "since" ? request.since : request.until) = value;
        } else if (name == "kind") {
            add_kinds(request.kinds, value);
        } else if (name == "page") {
            request.page = parse_count(name, value, 1, max_changes_page);
        } else if (name == "size" || name == "page_size") {
            request.page_size = parse_count(name, value, 1, search::max_changes_page_size);
        } else {
            search_part.emplace_back(name, value);
        }
    }
    request.search = parse_search_params(search_part);
    if (!request.since.empty() && !request.until.empty() && request.until < request.since) {
        throw search::BadRequest("until", "is before since (" + request.since + ")");
    }
    return request;
}

void api_search_as_of(App& app, const httplib::Request& req, httplib::Response& res,
                      const search::SearchRequest& request, const std::string& date) {
    require_as_of(app);
    // An as-of index is derived from the live index (its records and history): the live
    // revision identifies the answer.
    const auto revision = live_revision(app);
    if (cache_by_revision(req, res, revision)) {
        return;
    }
    send_cached_json(app.cache, res, revision, request_key(req), [&] {
        json out = app.as_of.with(date, [&](search::Searcher& s) { return s.search(request); });
        out["revision"] = revision;
        out["as_of"] = date;
        return out;
    });
}

std::shared_ptr<RecordStream> as_of_record_stream(App& app, const std::string& date,
                                                  search::SearchRequest request) {
    require_as_of(app);
    auto pooled =
        std::make_shared<PooledRecordStream>(app.as_of.pool_for(date), std::move(request));
    return {pooled, &pooled->stream}; // shares ownership of the pool with the stream
}

void api_changes(App& app, const httplib::Request& req, httplib::Response& res) {
    const search::ChangesRequest request = parse_changes_params(params_of(req));
    app.searchers.with([&](search::Searcher& searcher) {
        const auto revision = searcher.revision();
        if (cache_by_revision(req, res, revision)) {
            return;
        }
        send_cached_json(app.cache, res, revision, request_key(req),
                         [&] { return json(searcher.changes(request)); });
    });
}

void api_changes_atom(App& app, const httplib::Request& req, httplib::Response& res) {
    search::ChangesRequest request = parse_changes_params(params_of(req));
    request.page = 1; // a feed is the newest events
    request.page_size = atom_feed_entries;
    const std::string site = site_url(req);
    const auto query = req.target.find('?');
    const std::string query_string = query == std::string::npos ? "" : req.target.substr(query);
    app.searchers.with([&](search::Searcher& searcher) {
        const auto revision = searcher.revision();
        if (cache_by_revision(req, res, revision)) {
            return;
        }
        // The links depend on the Host the client used: part of the key.
        const std::string key = request_key(req) + "\nhost:" + site;
        auto body = app.cache.get(revision, key);
        if (!body) {
            AtomFeed feed;
            feed.id = feed_id(request);
            feed.title = feed_title(request);
            feed.self_url = site + req.path + query_string;
            feed.alternate_url = site + "/wijzigingen" + query_string;
            feed.site_url = site;
            feed.changes = searcher.changes(request);
            body = std::make_shared<const std::string>(render_atom(feed));
            app.cache.put(revision, key, body);
        }
        res.status = 200;
        res.set_content(*body, "application/atom+xml; charset=utf-8");
    });
}

void api_entry_history(App& app, const httplib::Request& req, httplib::Response& res) {
    check_params(params_of(req), {});
    const std::string id = id_param(req);
    try {
        app.searchers.with([&](search::Searcher& searcher) {
            const auto revision = searcher.revision();
            if (cache_by_revision(req, res, revision)) {
                return;
            }
            send_cached_json(app.cache, res, revision, request_key(req), [&] {
                const auto events = searcher.history(id);
                std::optional<search::AlgorithmRecord> record;
                bool in_register = true;
                try {
                    record = searcher.find(id);
                } catch (const search::NotFound&) {
                    in_register = false;
                    record = searcher.removed_record(id);
                }
                json entry{{"id", id}, {"in_register", in_register}};
                if (record) {
                    entry["lars"] = record->lars;
                    entry["name"] = record->name;
                    entry["organisation"] = record->organization;
                    entry["organisation_slug"] = search::slug(record->organization);
                    entry["status"] = record->status;
                    entry["register_url"] = record->register_url;
                }
                if (!in_register && !events.empty() &&
                    events.back().kind == search::ChangeKind::removed) {
                    entry["removed_on"] = events.back().date;
                }
                return json{{"id", id}, {"entry", entry}, {"events", events}};
            });
        });
    } catch (const search::NotFound&) {
        throw HttpError(ErrorKind::not_found,
                        "no entry with id " + id + " in the register or its history");
    }
}

} // namespace algreg::web
