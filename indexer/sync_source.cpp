#include "indexer/sync_source.h"

#include "indexer/read_source.h"
#include "indexer/sync_cache.h"
#include "indexer/vocabulary.h"
#include "search/errors.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

namespace algreg::indexer {

using nlohmann::json;

namespace {

constexpr std::size_t page_size = 100; // the most §3.1 allows
constexpr const char* site_data_path = "/api/downloads/site-data/json";
constexpr const char* list_path = "/api/algoritme/NLD";
/// Consecutive failures of the relation endpoint after which the rest is not asked: it is
/// down or absent, and the hierarchy is secondary.
constexpr std::size_t hierarchy_give_up = 10;

/// A string member, or a number written as text; "" otherwise.
std::string text_member(const json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto it = object.find(key);
    if (it == object.end()) {
        return {};
    }
    if (it->is_string()) {
        return it->get<std::string>();
    }
    if (it->is_number_integer()) {
        return std::to_string(it->get<long long>());
    }
    return {};
}

/// Safe to put in a URL path as it is (lars, org ids).
bool plain_id(const std::string& id) {
    return !id.empty() && id.size() <= 128 &&
           std::all_of(id.begin(), id.end(), [](unsigned char c) {
               return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.';
           });
}

/// The one record of a per-entry body, read by the same reader as `algreg index` (repairs of
/// invalid UTF-8 included); nullopt with `why` when it is not one JSON object.
std::optional<SourceRecord> read_entry(const std::string& url, const std::string& body,
                                       std::string& why) {
    try {
        SourceFile file = read_source_text(url, "[" + body + "]", InputFormat::official);
        if (file.records.size() != 1 || !file.records[0].value.is_object()) {
            why = "the body is not one JSON object";
            return std::nullopt;
        }
        return std::move(file.records[0]);
    } catch (const search::InputError& e) {
        why = std::string("invalid JSON: ") + e.what();
        return std::nullopt;
    }
}

/// Every record an object with a usable lars, each lars once, each standard known.
void validate(const std::vector<SourceRecord>& records, const std::string& where) {
    std::unordered_set<std::string> seen;
    for (const auto& r : records) {
        if (!r.value.is_object()) {
            throw SyncInvalidError(where + ": record " + std::to_string(r.position.index + 1) +
                                   " is not a JSON object");
        }
        const std::string lars = text_member(r.value, "lars");
        if (lars.empty()) {
            throw SyncInvalidError(where + ": record " + std::to_string(r.position.index + 1) +
                                   " (" + text_member(r.value, "name") + ") has no lars");
        }
        if (!seen.insert(lars).second) {
            throw SyncInvalidError(where + ": lars " + lars + " appears twice");
        }
        const std::string version = text_member(r.value, "standard_version");
        if (!version.empty() && !known_standard_version(version)) {
            throw SyncInvalidError(
                where + ": lars " + lars + " is written in publication standard '" + version +
                "', which this algreg does not know; its fields could not be read faithfully. "
                "Nothing was written; a newer algreg is needed");
        }
    }
}

/// organisation_details of a site-data body (NLD rows), read without building the records.
void read_organisation_details(const std::string& body,
                               std::map<std::string, OrganisationNode>& organisations) {
    std::string member;
    json top;
    try {
        top = json::parse(body, [&](int depth, json::parse_event_t event, json& parsed) {
            if (depth == 1 && event == json::parse_event_t::key) {
                member = parsed.get<std::string>();
                return member == "organisation_details";
            }
            return true;
        });
    } catch (const json::exception&) {
        return; // the records were readable (read_source repairs what nlohmann refuses)
    }
    const auto details = top.find("organisation_details");
    if (details == top.end() || !details->is_array()) {
        return;
    }
    for (const auto& row : *details) {
        const std::string id = text_member(row, "org_id");
        const std::string language = text_member(row, "language");
        if (id.empty() || (!language.empty() && language != "NLD")) {
            continue;
        }
        auto& node = organisations[id];
        node.org_id = id;
        node.name = text_member(row, "name");
        node.code = text_member(row, "code");
        node.type = text_member(row, "type");
    }
}

/// Organisations named by the records themselves (owner/org_id, code, organization).
void add_record_organisations(const std::vector<SourceRecord>& records,
                              std::map<std::string, OrganisationNode>& organisations) {
    for (const auto& r : records) {
        std::string id = text_member(r.value, "org_id");
        if (id.empty()) {
            id = text_member(r.value, "owner");
        }
        if (id.empty()) {
            continue;
        }
        auto& node = organisations[id];
        node.org_id = id;
        if (node.name.empty()) {
            node.name = text_member(r.value, "organization");
        }
        if (node.code.empty()) {
            node.code = text_member(r.value, "code");
        }
    }
}

/// Runs `work(i)` for i in [0, n) on `threads` threads, each with its own fetcher; stops
/// handing out work once `stop` is set. Exceptions are the work's own business.
template <class Work>
void run_pool(std::size_t n, unsigned threads, const SyncSourceOptions& options,
              const std::shared_ptr<FetchStats>& stats, std::atomic<bool>& stop, Work work) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        HttpFetcher fetcher(options.base_url, options.policy, options.hooks, stats);
        for (std::size_t i = next++; i < n && !stop; i = next++) {
            work(fetcher, i);
        }
    };
    std::vector<std::thread> pool;
    const unsigned count = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(n)));
    for (unsigned t = 1; t < count; ++t) {
        pool.emplace_back(worker);
    }
    worker();
    for (auto& t : pool) {
        t.join();
    }
}

struct Listed {
    std::string lars;
    std::string create_dt;
};

/// Pages through the list until total_count distinct entries are known; throws otherwise.
std::vector<Listed> list_entries(HttpFetcher& fetcher) {
    std::vector<Listed> listed;
    std::unordered_set<std::string> seen;
    std::size_t total = 0;
    std::size_t pages = 1;
    for (std::size_t page = 1; page <= pages; ++page) {
        json parsed;
        const std::string body = R"({"page":)" + std::to_string(page) + R"(,"limit":)" +
                                 std::to_string(page_size) + R"(,"searchtext":""})";
        const auto check = [&](const FetchResponse& r) -> std::string {
            parsed = json::parse(r.body, nullptr, false);
            if (!parsed.is_object() || !parsed.contains("results") ||
                !parsed["results"].is_array() || !parsed.contains("total_count") ||
                !parsed["total_count"].is_number_unsigned()) {
                return "page " + std::to_string(page) +
                       " is not a list response {results, total_count}";
            }
            if (page > 1 && parsed["total_count"].get<std::size_t>() == total &&
                parsed["results"].empty()) {
                return "page " + std::to_string(page) + " of " + std::to_string(pages) +
                       " is empty although total_count is " + std::to_string(total);
            }
            return {};
        };
        const FetchResponse response = fetcher.post_json(list_path, body, check);
        if (response.status == 404) {
            throw SyncSourceError(fetcher.url(list_path) +
                                  ": 404; the source has no entry list either");
        }
        const auto count = parsed["total_count"].get<std::size_t>();
        if (page == 1) {
            total = count;
            pages = (total + page_size - 1) / page_size;
        } else if (count != total) {
            throw SyncSourceError(fetcher.url(list_path) + ": total_count went from " +
                                  std::to_string(total) + " to " + std::to_string(count) +
                                  " while paging (the register changed); run the sync again");
        }
        for (const auto& row : parsed["results"]) {
            const std::string lars = text_member(row, "lars");
            if (lars.empty()) {
                throw SyncInvalidError(fetcher.url(list_path) + ": page " + std::to_string(page) +
                                       " has an entry without lars");
            }
            if (seen.insert(lars).second) {
                listed.push_back({lars, text_member(row, "create_dt")});
            }
        }
    }
    if (listed.size() != total) {
        throw SyncSourceError(fetcher.url(list_path) + ": the list has total_count " +
                              std::to_string(total) + " but its pages gave " +
                              std::to_string(listed.size()) +
                              " distinct entries (the order shifted while paging, or pages are "
                              "missing); run the sync again");
    }
    return listed;
}

/// The per-entry path: the list, then every entry's record (cache first).
void fetch_per_entry(const SyncSourceOptions& options, FetchedSnapshot& out, std::ostream& log) {
    HttpFetcher lister(options.base_url, options.policy, options.hooks, out.stats);
    const std::vector<Listed> listed = list_entries(lister);
    out.listed = listed.size();
    out.input_name = lister.url(list_path);
    const SyncCache cache(options.cache_dir);

    std::vector<std::optional<SourceRecord>> records(listed.size());
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> cached{0};
    std::mutex failures_mutex;
    std::vector<std::string> failures;
    auto fail = [&](std::string message) {
        const std::lock_guard lock(failures_mutex);
        failures.push_back(std::move(message));
        stop = true;
    };
    run_pool(listed.size(), options.concurrency, options, out.stats, stop,
             [&](HttpFetcher& fetcher, std::size_t i) {
                 const Listed& entry = listed[i];
                 const std::string path = std::string(list_path) + "/" + entry.lars;
                 const std::string where = fetcher.url(path);
                 if (!plain_id(entry.lars)) {
                     fail("the list names an entry '" + entry.lars + "' that is not a lars");
                     return;
                 }
                 std::string why;
                 if (const auto body = cache.load(entry.lars, entry.create_dt)) {
                     if (auto record = read_entry(where, *body, why);
                         record && text_member(record->value, "lars") == entry.lars) {
                         records[i] = std::move(record);
                         ++cached;
                     }
                 }
                 if (!records[i]) {
                     std::optional<SourceRecord> record;
                     const auto check = [&](const FetchResponse& r) -> std::string {
                         std::string problem;
                         record = read_entry(where, r.body, problem);
                         return problem;
                     };
                     try {
                         const FetchResponse response = fetcher.get(path, check);
                         if (response.status == 404) {
                             fail(where + ": 404 for lars " + entry.lars +
                                  ", which the list names (removed while syncing?)");
                             return;
                         }
                     } catch (const FetchError& e) {
                         fail(std::string(e.what()) + " (lars " + entry.lars + ")");
                         return;
                     }
                     if (text_member(record->value, "lars") != entry.lars) {
                         fail(where + ": the record's lars is '" +
                              text_member(record->value, "lars") + "', not " + entry.lars);
                         return;
                     }
                     (void)cache.store(entry.lars, entry.create_dt, record->raw);
                     records[i] = std::move(record);
                 }
                 const std::size_t now_done = ++done;
                 if (options.progress) {
                     options.progress(SyncProgress{now_done, listed.size(), cached.load(),
                                                   out.stats->bytes.load(),
                                                   out.stats->retries.load()});
                 }
             });
    if (!failures.empty()) {
        std::string message = "the snapshot is incomplete: " + failures.front();
        if (failures.size() > 1) {
            message += " (and " + std::to_string(failures.size() - 1) + " more)";
        }
        const std::size_t have = static_cast<std::size_t>(std::count_if(
            records.begin(), records.end(), [](const auto& r) { return r.has_value(); }));
        message += "; " + std::to_string(have) + " of " + std::to_string(listed.size()) +
                   " entries fetched" +
                   (cache.dir().empty() ? "" : " and kept in " + cache.dir() + " for the next run");
        throw SyncSourceError(message);
    }
    out.from_cache = cached;
    out.file.path = out.input_name;
    out.file.format = InputFormat::official;
    std::set<std::string> keep;
    for (std::size_t i = 0; i < listed.size(); ++i) {
        records[i]->position.index = i;
        out.file.bytes += records[i]->raw.size();
        out.file.records.push_back(std::move(*records[i]));
        keep.insert(SyncCache::file_name(listed[i].lars, listed[i].create_dt));
    }
    validate(out.file.records, out.input_name);
    cache.prune(keep);
    (void)log;
}

} // namespace

bool known_standard_version(const std::string& version) {
    const std::string v = normalise_standard_version(version);
    return v == "1.0" || v == "0.4" || v == "0.3" || v == "0.2" || v == "0.1" ||
           v.starts_with("0.4.") || v.starts_with("0.3.") || v.starts_with("0.2.") ||
           v.starts_with("0.1.");
}

FetchedSnapshot fetch_snapshot(const SyncSourceOptions& options, std::ostream& log) {
    FetchedSnapshot out;
    bool have = false;
    if (options.site_data) {
        HttpFetcher fetcher(options.base_url, options.policy, options.hooks, out.stats);
        const std::string where = fetcher.url(site_data_path);
        try {
            FetchResponse response = fetcher.get(site_data_path);
            if (response.status == 404) {
                out.fallback_reason = where + " answered 404";
            } else {
                SourceFile all = read_source_text(where, response.body, InputFormat::official);
                out.file.path = where;
                out.file.format = InputFormat::official;
                out.file.bytes = response.body.size();
                for (auto& r : all.records) {
                    const std::string language = text_member(r.value, "language");
                    const std::string state = text_member(r.value, "state");
                    if ((!language.empty() && language != "NLD") ||
                        (!state.empty() && state != "PUBLISHED")) {
                        continue;
                    }
                    out.file.records.push_back(std::move(r));
                }
                read_organisation_details(response.body, out.organisations);
                out.method = "site-data";
                out.input_name = where;
                out.listed = out.file.records.size();
                have = true;
            }
        } catch (const FetchCancelled&) {
            throw; // stopping: no fallback
        } catch (const FetchError& e) {
            out.fallback_reason = e.what();
        } catch (const search::InputError& e) {
            out.fallback_reason = where + ": not a valid site-data dump (" + e.what() + ")";
        }
        if (have) {
            validate(out.file.records, where);
        } else {
            log << "sync: site data unusable, falling back to the entry list and one request per "
                   "entry: "
                << out.fallback_reason << '\n';
        }
    }
    if (!have) {
        out.method = "per-entry";
        fetch_per_entry(options, out, log);
    }
    add_record_organisations(out.file.records, out.organisations);

    if (options.hierarchy && !out.organisations.empty()) {
        std::vector<OrganisationNode*> nodes;
        for (auto& [id, node] : out.organisations) {
            if (plain_id(id)) {
                nodes.push_back(&node);
            }
        }
        SyncSourceOptions relation = options;
        relation.policy.max_attempts = std::min(relation.policy.max_attempts, 2);
        std::atomic<bool> stop{false};
        std::atomic<std::size_t> failed_in_a_row{0};
        std::mutex first_mutex;
        std::string first_failure;
        run_pool(nodes.size(), options.concurrency, relation, out.stats, stop,
                 [&](HttpFetcher& fetcher, std::size_t i) {
                     OrganisationNode& node = *nodes[i];
                     json parsed;
                     const auto check = [&](const FetchResponse& r) -> std::string {
                         parsed = json::parse(r.body, nullptr, false);
                         return parsed.is_object() && parsed.contains("hierarchy") &&
                                        parsed["hierarchy"].is_array()
                                    ? ""
                                    : "not {org_id, hierarchy_path, hierarchy}";
                     };
                     std::string problem;
                     try {
                         const auto response =
                             fetcher.get("/api/organisation-relation/" + node.org_id, check);
                         if (response.status == 404) {
                             problem =
                                 fetcher.url("/api/organisation-relation/" + node.org_id) + ": 404";
                         }
                     } catch (const FetchError& e) {
                         problem = e.what();
                     }
                     if (!problem.empty()) {
                         {
                             const std::lock_guard lock(first_mutex);
                             if (first_failure.empty()) {
                                 first_failure = problem;
                             }
                         }
                         if (++failed_in_a_row >= hierarchy_give_up) {
                             stop = true;
                         }
                         return;
                     }
                     failed_in_a_row = 0;
                     node.hierarchy_path = text_member(parsed, "hierarchy_path");
                     for (const auto& level : parsed["hierarchy"]) {
                         node.hierarchy.emplace_back(text_member(level, "org_id"),
                                                     text_member(level, "name"));
                     }
                     node.fetched = true;
                 });
        std::size_t fetched = 0;
        for (const auto* node : nodes) {
            fetched += node->fetched ? 1 : 0;
        }
        out.hierarchy_failures = nodes.size() - fetched;
        if (out.hierarchy_failures > 0) {
            log << "sync: the organisation hierarchy is missing for " << out.hierarchy_failures
                << " of " << nodes.size()
                << " organisations (they keep what the index had; the sync goes on)"
                << (first_failure.empty() ? "" : ": " + first_failure) << '\n';
        }
    }
    return out;
}

} // namespace algreg::indexer
