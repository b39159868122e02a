#include "web/page_routes.h"

#include "search/completeness_report.h"
#include "search/errors.h"
#include "search/facet_labels.h"
#include "search/schema.h"
#include "web/history_handlers.h"
#include "web/html_builder.h"
#include "web/http_errors.h"
#include "web/openapi.h"
#include "web/page_api_docs.h"
#include "web/page_assessments.h"
#include "web/page_changes.h"
#include "web/page_completeness.h"
#include "web/page_entry.h"
#include "web/page_entry_history.h"
#include "web/page_organisation.h"
#include "web/page_risk_profiles.h"
#include "web/page_search.h"
#include "web/page_site_files.h"
#include "web/page_static.h"
#include "web/page_statistics.h"
#include "web/page_url.h"

#include <algorithm>
#include <httplib.h>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

namespace algreg::web {

namespace {

constexpr std::size_t similar_count = 6;
constexpr std::size_t org_match_limit = 50;
constexpr std::size_t max_id_bytes = 200;

struct Site {
    PageContext context;
    StaticFiles files;
    std::mutex stats_mutex;
    std::map<std::pair<std::uint64_t, Lang>, std::shared_ptr<const std::string>> stats_cache;
};

QueryParams params_of(const httplib::Request& req) {
    QueryParams out;
    for (const auto& [name, value] : req.params) {
        out.emplace_back(name, value);
    }
    return out;
}

void send_html(httplib::Response& res, int status, std::string body) {
    res.status = status;
    // The server may set a laxer default policy; pages get exactly this one.
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy", page_csp);
    res.set_content(std::move(body), "text/html; charset=utf-8");
}

/// Sets ETag and Cache-Control from the index revision; true when the client has this version
/// (the response is then a bodiless 304).
bool not_modified(Site& site, const httplib::Request& req, httplib::Response& res, Lang lang) {
    if (!site.context.revision) {
        res.set_header("Cache-Control", "no-store");
        return false;
    }
    const std::string etag = "W/\"p" + std::to_string(site.context.revision()) + "-" +
                             site.files.version() + "-" + std::string(lang_code(lang)) + "\"";
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "no-cache");
    const std::string wanted = req.get_header_value("If-None-Match");
    if (!wanted.empty() && wanted.find(etag) != std::string::npos) {
        res.status = 304;
        return true;
    }
    return false;
}

PageOptions options_for(const Site& site, Lang lang) {
    return PageOptions{lang, site.files.version()};
}

std::string other_lang_path(Lang lang, const std::string& path) {
    return localised_path(lang == Lang::nl ? Lang::en : Lang::nl, path);
}

void not_found_page(Site& site, httplib::Response& res, Lang lang, const std::string& path,
                    Ui text = Ui::not_found_text, std::string_view arg = {}) {
    send_html(res, 404,
              render_error_page(Ui::not_found_title, text, arg, options_for(site, lang),
                                other_lang_path(lang, path)));
}

/// The HTML page for an error status of a page path (no route matched, or a request httplib
/// refused): 404 "Niet gevonden", 5xx "Er ging iets mis", other 4xx names the status.
void error_status_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    const auto [lang, path] = split_lang(req.path);
    const int status = res.status;
    const PageOptions options = options_for(site, lang);
    const std::string alternate = other_lang_path(lang, path);
    if (status == 404) {
        not_found_page(site, res, lang, path);
    } else if (status == 503) { // the page handlers answer their own 503s: this is the server
        send_html(res, status,  // refusing while `serve --follow` builds the index
                  render_error_page(Ui::error_title, Ui::unavailable_text, {}, options, alternate));
    } else if (status >= 500) {
        send_html(res, status,
                  render_error_page(Ui::error_title, Ui::error_text, {}, options, alternate));
    } else {
        send_html(res, status,
                  render_error_page(Ui::error_title, Ui::request_error_text, std::to_string(status),
                                    options, alternate));
    }
}

/// Runs a page handler; every exception becomes an HTML error page.
template <class F>
void guarded(Site& site, const httplib::Request& req, httplib::Response& res, F&& f) {
    const auto [lang, path] = split_lang(req.path);
    const PageOptions options = options_for(site, lang);
    const std::string alternate = other_lang_path(lang, path);
    const auto failed = [&](int status, const std::string& what) {
        if (site.context.log) {
            site.context.log(std::string("page ") + req.path + ": " + what);
        }
        send_html(res, status,
                  render_error_page(Ui::error_title, Ui::error_text, {}, options, alternate));
    };
    try {
        f(lang, path);
    } catch (const search::NotFound& e) {
        not_found_page(site, res, lang, path);
    } catch (const search::BadRequest& e) {
        send_html(
            res, 400,
            render_error_page(Ui::error_title, Ui::bad_request_text, e.what(), options, alternate));
    } catch (const search::IndexUnavailableError& e) {
        res.set_header("Retry-After", "5");
        failed(503, e.what());
    } catch (const HttpError& e) {
        // Over a budget (as_of_budget.h): say so, and when to try again.
        const int retry = e.retry_after_seconds();
        if (site.context.log) {
            site.context.log(std::string("page ") + req.path + ": " + e.what());
        }
        if (retry > 0) {
            res.set_header("Retry-After", std::to_string(retry));
        }
        send_html(res, info(e.kind()).status,
                  retry > 0
                      ? render_error_page(Ui::error_title, Ui::busy_text, std::to_string(retry),
                                          options, alternate)
                      : render_error_page(Ui::error_title, Ui::error_text, {}, options, alternate));
    } catch (const std::exception& e) {
        failed(500, e.what());
    } catch (...) {
        failed(500, "unknown exception");
    }
}

/// Runs the search of `view` and, when the organisation list is searched, that too.
void run_search(Site& site, SearchView& view) {
    if (view.as_of_before_history()) {
        return; // nothing is known of that day: the page says where the history begins
    }
    search::SearchRequest request = search_request(view);
    request.facet_limit = 0; // every value: the sidebar cuts the organisation list itself
    view.result = view.as_of.empty() ? site.context.search(request)
                                     : site.context.search_as_of(request, view.as_of);
    if (!view.org_query.empty() && site.context.facet_values &&
        view.fixed_filters.count(std::string(search::facet::organisation.name)) == 0) {
        view.org_matches =
            site.context.facet_values(request, std::string(search::facet::organisation.name),
                                      view.org_query, org_match_limit);
    }
}

/// The as_of parameter of a search page when the server can show past days and it is a real
/// date not after today; "" otherwise (pages are lenient: the page shows the register now).
std::string as_of_param(const Site& site, const httplib::Request& req) {
    const std::string date = req.get_param_value("as_of");
    if (date.empty() || !site.context.search_as_of || date > utc_today()) {
        return {};
    }
    try {
        search::check_date_parameter("as_of", date);
    } catch (const search::BadRequest&) {
        return {};
    }
    return date;
}

/// The first and newest day of the history when the server can show past days (the search
/// page's date field); left "" otherwise or when the history cannot be read (logged). One
/// day's change list: cheap.
void fill_history_days(Site& site, SearchView& view) {
    if (!site.context.search_as_of || !site.context.changes) {
        return;
    }
    try {
        search::ChangesRequest r;
        r.since = view.as_of.empty() ? utc_today() : view.as_of;
        r.until = r.since;
        r.page_size = 1;
        const search::ChangesPage page = site.context.changes(r);
        view.history_begins = page.first_date;
        view.history_ends = page.last_date;
    } catch (const std::exception& e) {
        if (site.context.log) {
            site.context.log(std::string("history days: ") + e.what()); // the page still shows
        }
    }
}

void search_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string&) {
        if (not_modified(site, req, res, lang)) {
            return;
        }
        const PageQuery query = parse_page_query(params_of(req));
        SearchView view;
        view.request = query.request;
        view.org_query = query.org_query;
        view.as_of = as_of_param(site, req);
        fill_history_days(site, view);
        run_search(site, view);
        send_html(res, 200, render_search_page(view, options_for(site, lang)));
    });
}

/// The entry's history for its page; empty without history or when it cannot be read (the
/// page still shows, the reason is logged).
std::vector<search::EntryEvent> entry_history(Site& site, const std::string& id) {
    if (!site.context.history) {
        return {};
    }
    try {
        return site.context.history(id);
    } catch (const search::NotFound&) {
        return {};
    } catch (const std::exception& e) {
        if (site.context.log) {
            site.context.log("history " + id + ": " + e.what());
        }
        return {};
    }
}

/// Answers 410 with the page of an entry removed from the register; false when `id` is not
/// one (never in the register, or no history to tell).
bool removed_entry_page(Site& site, httplib::Response& res, Lang lang, const std::string& id) {
    if (!site.context.changes) {
        return false;
    }
    const std::vector<search::EntryEvent> events = entry_history(site, id);
    if (events.empty() || events.back().kind != search::ChangeKind::removed) {
        return false;
    }
    // Its last record: the register at the end of the day of its event before the removal
    // (nothing changed it in between). Not when it came and went on one day.
    if (site.context.find_as_of && events.size() >= 2 &&
        events[events.size() - 2].date < events.back().date) {
        try {
            const search::AlgorithmRecord record =
                site.context.find_as_of(id, events[events.size() - 2].date);
            send_html(res, 410, render_entry_page(record, {}, options_for(site, lang), events));
            return true;
        } catch (const std::exception& e) {
            if (site.context.log) {
                site.context.log("last record of removed entry " + id + ": " + e.what());
            }
        }
    }
    // What the change list knew of it: its item among that day's removals.
    search::ChangesRequest request;
    request.since = events.back().date;
    request.until = events.back().date;
    request.kinds = {search::ChangeKind::removed};
    request.page_size = search::max_changes_page_size;
    search::ChangeItem item;
    item.event = events.back();
    for (std::size_t total = 1; (request.page - 1) * request.page_size < total; ++request.page) {
        const search::ChangesPage page = site.context.changes(request);
        total = page.total;
        const auto found = std::find_if(page.items.begin(), page.items.end(),
                                        [&](const auto& i) { return i.event.id == id; });
        if (found != page.items.end()) {
            item = *found;
            break;
        }
        if (page.items.empty()) {
            break;
        }
    }
    send_html(res, 410, render_removed_entry_page(item, events, options_for(site, lang)));
    return true;
}

void changes_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string& path) {
        if (!site.context.changes) {
            not_found_page(site, res, lang, path);
            return;
        }
        if (not_modified(site, req, res, lang)) {
            return;
        }
        ChangesView view;
        view.query = parse_changes_query(params_of(req));
        view.page = site.context.changes(view.query.request);
        view.filters = changes_filter_view(view.query);
        view.as_of_links = static_cast<bool>(site.context.search_as_of);
        run_search(site, view.filters); // the sidebar's facet values
        send_html(res, 200, render_changes_page(view, options_for(site, lang)));
    });
}

void entry_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string& path) {
        const std::string id = req.matches[1];
        if (id.empty() || id.size() > max_id_bytes) {
            not_found_page(site, res, lang, path, Ui::entry_not_found, id);
            return;
        }
        if (not_modified(site, req, res, lang)) {
            return;
        }
        search::AlgorithmRecord record;
        try {
            record = site.context.find(id);
        } catch (const search::NotFound&) {
            if (!removed_entry_page(site, res, lang, id)) {
                not_found_page(site, res, lang, path, Ui::entry_not_found, id);
            }
            return;
        }
        std::vector<search::Hit> similar;
        if (site.context.similar) {
            try {
                similar = site.context.similar(id, similar_count);
            } catch (const std::exception& e) {
                if (site.context.log) {
                    site.context.log("similar " + id + ": " + e.what()); // the page still shows
                }
            }
        }
        std::shared_ptr<const search::CompletenessData> completeness;
        if (site.context.completeness) {
            completeness = site.context.completeness();
        }
        send_html(res, 200,
                  render_entry_page(record, similar, options_for(site, lang),
                                    entry_history(site, id),
                                    completeness ? completeness->find(record.id) : nullptr));
    });
}

void organisation_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string& path) {
        const std::string slug = req.matches[1];
        if (not_modified(site, req, res, lang)) {
            return;
        }
        const PageQuery query = parse_page_query(params_of(req));
        SearchView search;
        search.request = query.request;
        OrganisationView view = organisation_view(slug, std::move(search));
        run_search(site, view.search);
        const auto& result = view.search.result;
        for (const auto& f : result.facets) {
            if (f.name == search::facet::ministry.name) {
                for (const auto& v : f.values) {
                    if (v.count > 0 && v.value != slug && view.ministry_slug.empty()) {
                        view.ministry_slug = v.value;
                        view.ministry_name = v.label;
                    }
                }
            }
            if (f.name != search::facet::organisation.name) {
                continue;
            }
            for (const auto& v : f.values) {
                if (v.value == slug) {
                    view.name = v.label;
                    if (v.count == 0 && result.total == 0 && query.request.text.empty() &&
                        !has_filters(query.request)) {
                        view.name.clear();
                    }
                }
            }
        }
        if (!result.hits.empty()) {
            view.type_key = result.hits.front().organisation_type;
            if (view.name.empty()) {
                view.name = result.hits.front().organisation;
            }
        }
        if (view.name.empty() && result.total == 0) {
            not_found_page(site, res, lang, path, Ui::organisation_not_found, slug);
            return;
        }
        send_html(res, 200, render_organisation_page(view, options_for(site, lang)));
    });
}

void statistics_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string&) {
        if (not_modified(site, req, res, lang)) {
            return;
        }
        const std::uint64_t revision = site.context.revision ? site.context.revision() : 0;
        {
            std::lock_guard lock(site.stats_mutex);
            const auto it = site.stats_cache.find({revision, lang});
            if (it != site.stats_cache.end() && site.context.revision) {
                send_html(res, 200, *it->second);
                return;
            }
        }
        HistoryFunction history;
        if (site.context.changes) {
            history = [&site] {
                search::ChangesRequest everything;
                everything.page_size = 1;
                return site.context.changes(everything).revisions;
            };
        }
        const Statistics stats = build_statistics(site.context.search, lang, history);
        auto html = std::make_shared<const std::string>(
            render_statistics_page(stats, options_for(site, lang)));
        {
            std::lock_guard lock(site.stats_mutex);
            std::erase_if(site.stats_cache,
                          [&](const auto& entry) { return entry.first.first != revision; });
            site.stats_cache[{revision, lang}] = html;
        }
        send_html(res, 200, *html);
    });
}

/// The completeness data, or a 404 page when the server has none (returns nullptr then).
std::shared_ptr<const search::CompletenessData>
completeness_or_404(Site& site, httplib::Response& res, Lang lang, const std::string& path) {
    if (!site.context.completeness) {
        not_found_page(site, res, lang, path);
        return nullptr;
    }
    return site.context.completeness();
}

void completeness_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string& path) {
        search::OrganisationSort sort;
        if (req.has_param("sort")) {
            const auto parsed = search::parse_organisation_sort(req.get_param_value("sort"));
            if (!parsed) {
                throw search::BadRequest("sort",
                                         "onbekende kolom '" + req.get_param_value("sort") + "'");
            }
            sort = *parsed;
        }
        if (not_modified(site, req, res, lang)) {
            return;
        }
        const auto data = completeness_or_404(site, res, lang, path);
        if (!data) {
            return;
        }
        send_html(
            res, 200,
            render_completeness_page(search::organisation_rows(data->records, data->results, sort),
                                     sort, options_for(site, lang)));
    });
}

void organisation_completeness_page(Site& site, const httplib::Request& req,
                                    httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string& path) {
        const std::string slug = req.matches[1];
        if (not_modified(site, req, res, lang)) {
            return;
        }
        const auto data = completeness_or_404(site, res, lang, path);
        if (!data) {
            return;
        }
        const auto report = search::organisation_report(data->records, data->results, slug);
        if (!report) {
            not_found_page(site, res, lang, path, Ui::organisation_not_found, slug);
            return;
        }
        send_html(res, 200,
                  render_organisation_completeness_page(*report, options_for(site, lang)));
    });
}

void assessments_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string& path) {
        const std::string type =
            req.has_param("organisatietype") ? req.get_param_value("organisatietype") : "";
        if (!type.empty() && type != "onbekend" && !search::is_organisation_type(type)) {
            throw search::BadRequest("organisatietype", "onbekend type organisatie '" + type + "'");
        }
        if (not_modified(site, req, res, lang)) {
            return;
        }
        const auto data = completeness_or_404(site, res, lang, path);
        if (!data) {
            return;
        }
        send_html(res, 200,
                  render_assessments_page(search::assessment_view(data->records, data->results),
                                          type, options_for(site, lang)));
    });
}

void risk_profiles_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string&) {
        if (not_modified(site, req, res, lang)) {
            return;
        }
        send_html(res, 200,
                  render_risk_profiles_page(build_risk_profiles(site.context.search, lang),
                                            options_for(site, lang)));
    });
}

void risk_rules_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string&) {
        if (not_modified(site, req, res, lang)) {
            return;
        }
        send_html(res, 200, render_risk_rules_page(options_for(site, lang)));
    });
}

void static_file(Site& site, const httplib::Request& req, httplib::Response& res) {
    const std::string name = req.matches[1];
    const StaticFile* file = site.files.find(name);
    if (file == nullptr) {
        const auto [lang, path] = split_lang(req.path);
        not_found_page(site, res, lang, "/");
        return;
    }
    res.set_header("ETag", file->etag);
    const bool versioned = req.has_param("v") && req.get_param_value("v") == site.files.version();
    res.set_header("Cache-Control",
                   versioned ? "public, max-age=31536000, immutable" : "public, max-age=300");
    res.headers.erase("Content-Security-Policy");
    res.set_header("Content-Security-Policy", "default-src 'none'; style-src 'self'");
    const std::string wanted = req.get_header_value("If-None-Match");
    if (!wanted.empty() && wanted.find(file->etag) != std::string::npos) {
        res.status = 304;
        return;
    }
    res.status = 200;
    res.set_content(file->body, file->content_type.c_str());
}

void api_docs_page(Site& site, const httplib::Request& req, httplib::Response& res) {
    guarded(site, req, res, [&](Lang lang, const std::string&) {
        if (not_modified(site, req, res, lang)) {
            return;
        }
        send_html(res, 200, render_api_docs_page(openapi_document(), options_for(site, lang)));
    });
}

/// A text file for crawlers or browsers (robots.txt, sitemap, OpenSearch).
void send_site_file(httplib::Response& res, std::string body, const char* type) {
    res.status = 200;
    res.set_header("Cache-Control", "public, max-age=3600");
    res.set_content(std::move(body), type);
}

/// The sitemap's URLs: the main pages and every entry of the revision served.
std::vector<SitemapUrl> site_urls(Site& site) {
    if (!site.context.completeness) {
        return sitemap_urls({});
    }
    return sitemap_urls(site.context.completeness()->records);
}

void register_site_files(httplib::Server& server, const std::shared_ptr<Site>& site) {
    server.Get("/robots.txt", [](const httplib::Request& req, httplib::Response& res) {
        send_site_file(res, robots_txt(site_url(req)), "text/plain; charset=utf-8");
    });
    server.Get("/sitemap.xml", [site](const httplib::Request& req, httplib::Response& res) {
        const auto urls = site_urls(*site);
        const std::size_t parts = sitemap_parts(urls.size());
        send_site_file(res,
                       parts == 1 ? sitemap_xml(site_url(req), urls)
                                  : sitemap_index_xml(site_url(req), parts),
                       "application/xml; charset=utf-8");
    });
    server.Get(R"(/sitemap-([0-9]{1,6})\.xml)",
               [site](const httplib::Request& req, httplib::Response& res) {
                   const auto urls = site_urls(*site);
                   const std::size_t part = std::stoul(req.matches[1]);
                   if (part < 1 || part > sitemap_parts(urls.size())) {
                       res.status = 404; // the error handler writes the page
                       return;
                   }
                   send_site_file(res, sitemap_xml(site_url(req), urls, part),
                                  "application/xml; charset=utf-8");
               });
    server.Get(R"(/(?:en/)?opensearch\.xml)",
               [site](const httplib::Request& req, httplib::Response& res) {
                   const Lang lang = split_lang(req.path).first;
                   send_site_file(res, opensearch_xml(site_url(req), lang, site->files.version()),
                                  "application/opensearchdescription+xml; charset=utf-8");
               });
    // Browsers ask for /favicon.ico on their own; the icon is an SVG in the static files.
    server.Get("/favicon.ico", [site](const httplib::Request&, httplib::Response& res) {
        res.status = 301;
        res.set_header("Location", asset_url("favicon.svg", options_for(*site, Lang::nl)));
        res.set_header("Cache-Control", "public, max-age=86400");
    });
}

} // namespace

PageErrorHandler register_page_routes(httplib::Server& server, PageContext context) {
    auto site = std::make_shared<Site>();
    site->context = std::move(context);
    site->files = StaticFiles::load(site->context.static_dir);
    if (site->files.size() == 0 && site->context.log) {
        site->context.log("no static files found in '" + site->context.static_dir +
                          "' (set ALGREG_DATA_DIR or ALGREG_STATIC_DIR); pages are served "
                          "without style and script");
    }
    server.Get(R"(/static/(.+))", [site](const httplib::Request& req, httplib::Response& res) {
        static_file(*site, req, res);
    });
    // Page paths, each also under /en/. Specific patterns before general ones: the first match
    // wins in httplib (…/volledigheid before organisatie/{slug}).
    using PageHandler = void (*)(Site&, const httplib::Request&, httplib::Response&);
    static constexpr std::pair<const char*, PageHandler> pages[]{
        {R"(/(?:en/?)?)", search_page},
        {R"(/(?:en/)?algoritme/([^/]+)/?)", entry_page},
        {R"(/(?:en/)?volledigheid/?)", completeness_page},
        {R"(/(?:en/)?organisatie/([^/]+)/volledigheid/?)", organisation_completeness_page},
        {R"(/(?:en/)?impacttoetsen/?)", assessments_page},
        {R"(/(?:en/)?organisatie/([^/]+)/?)", organisation_page},
        {R"(/(?:en/)?wijzigingen/?)", changes_page},
        {R"(/(?:en/)?statistieken/?)", statistics_page},
        {R"(/(?:en/)?risicoprofielen/regels/?)", risk_rules_page},
        {R"(/(?:en/)?risicoprofielen/?)", risk_profiles_page},
        {R"(/(?:en/)?api-docs/?)", api_docs_page},
    };
    for (const auto& page : pages) {
        // Not a structured binding: clang 14 (the fuzz preset) cannot capture one.
        server.Get(page.first, [site, handler = page.second](const httplib::Request& req,
                                                             httplib::Response& res) {
            handler(*site, req, res);
        });
    }
    register_site_files(server, site);
    return [site](const httplib::Request& req, httplib::Response& res) {
        error_status_page(*site, req, res);
    };
}

} // namespace algreg::web
