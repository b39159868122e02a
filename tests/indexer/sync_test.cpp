// algreg sync against a real HTTP server on 127.0.0.1 that serves the official API's shapes
// (official-api.md §3, §4, §8.3, §9) from the real fixtures, and misbehaves on request.
#include "indexer/assessment_source.h"
#include "indexer/http_fetch.h"
#include "indexer/index_writer.h"
#include "indexer/run_index.h"
#include "indexer/sync.h"
#include "indexer/sync_cache.h"
#include "search/history.h"
#include "search/version.h"

#include <algorithm>
#include <atomic>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>
#include <xapian.h>

namespace ix = algreg::indexer;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json read_json(const std::string& name) {
    std::ifstream in(std::string(ALGREG_FIXTURES_DIR) + "/" + name);
    return json::parse(in);
}

/// The published NLD versions of the test register, as site data carries them: the 2023
/// export (130 full records of standards 0.1, 0.3.1, 0.4) and the 27 standard 1.0 templates,
/// given a lars, an owner and a create_dt as a published version has.
std::vector<json> fixture_versions() {
    std::vector<json> out;
    for (json r : read_json("register-2023-06-19-full.json")) {
        r["language"] = "NLD";
        r["state"] = "PUBLISHED";
        out.push_back(std::move(r));
    }
    long candidate = 90000000;
    for (json r : read_json("register-v1.0-templates.json")) {
        while (!ix::is_valid_lars(std::to_string(candidate))) {
            ++candidate;
        }
        r["lars"] = std::to_string(candidate++);
        r["organization"] = "Gemeente Voorbeeld";
        r["owner"] = "gm9999";
        r["create_dt"] = "2025-01-02T03:04:05.000000Z";
        r["language"] = "NLD";
        r["state"] = "PUBLISHED";
        r.erase("_source_file");
        out.push_back(std::move(r));
    }
    return out;
}

/// A register on 127.0.0.1: the official endpoints over `versions`, with faults to order.
class FakeRegister {
  public:
    std::mutex mutex;
    std::vector<json> versions = fixture_versions();
    // Faults (guarded by mutex).
    bool site_data_404 = false;
    int site_data_drop_mid_body = 0; ///< times to drop the connection half way
    int site_data_500 = 0;           ///< times to answer 500
    bool site_data_truncated = false;
    bool site_data_endless = false;
    std::map<std::string, int> entry_500;   ///< lars -> times to answer 500
    std::map<std::string, int> entry_429;   ///< lars -> times to answer 429 Retry-After: 7
    std::set<std::string> entry_always_500; ///< lars answered 500 forever
    std::set<std::string> entry_truncated;  ///< lars whose body is cut in half
    std::set<std::string> entry_endless;    ///< lars whose body never ends
    std::set<std::size_t> empty_pages;      ///< list pages answered without results
    std::set<std::string> relation_fails;   ///< org ids whose relation answers 500
    std::string history_csv;                ///< the publication history download; "" answers 404
    std::atomic<std::size_t> entry_requests{0};
    std::atomic<std::size_t> site_data_requests{0};
    std::string user_agent;

    FakeRegister() {
        server_.Get("/api/downloads/site-data/json",
                    [this](const httplib::Request& q, httplib::Response& s) { site_data(q, s); });
        server_.Post("/api/algoritme/NLD",
                     [this](const httplib::Request& q, httplib::Response& s) { list(q, s); });
        server_.Get(R"(/api/algoritme/NLD/([^/]+))",
                    [this](const httplib::Request& q, httplib::Response& s) { entry(q, s); });
        server_.Get(R"(/api/organisation-relation/([^/]+))",
                    [this](const httplib::Request& q, httplib::Response& s) { relation(q, s); });
        server_.Get("/api/downloads/history/NLD",
                    [this](const httplib::Request&, httplib::Response& s) { history(s); });
        server_.set_tcp_nodelay(true);
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    ~FakeRegister() {
        server_.stop();
        thread_.join();
    }
    FakeRegister(const FakeRegister&) = delete;
    FakeRegister& operator=(const FakeRegister&) = delete;

    [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

    /// The NLD published versions as one file for `algreg index`.
    std::string write_dump(const fs::path& path) {
        const std::lock_guard lock(mutex);
        std::ofstream(path) << json{{"algoritme_versions", versions}}.dump();
        return path.string();
    }

  private:
    void site_data(const httplib::Request& req, httplib::Response& res) {
        ++site_data_requests;
        const std::lock_guard lock(mutex);
        user_agent = req.get_header_value("User-Agent");
        if (site_data_404) {
            res.status = 404;
            res.set_content(R"({"detail":"Not Found"})", "application/json");
            return;
        }
        if (site_data_500 > 0) {
            --site_data_500;
            res.status = 500;
            res.set_content("Internal Server Error", "text/plain");
            return;
        }
        if (site_data_endless) {
            res.set_chunked_content_provider("json", [](std::size_t, httplib::DataSink& sink) {
                const std::string chunk(64 * 1024, ' ');
                return sink.write(chunk.data(), chunk.size());
            });
            return;
        }
        json all = versions;
        json english = versions.front(); // another language: not kept
        english["language"] = "ENG";
        english["name"] = "English translation";
        all.push_back(english);
        json body = {{"algoritme_versions", all},
                     {"organisation_details",
                      {{{"name", "Gemeente Voorbeeld"},
                        {"language", "NLD"},
                        {"code", "gemeente-voorbeeld"},
                        {"org_id", "gm9999"},
                        {"type", "gemeente"}}}}};
        std::string text = body.dump();
        if (site_data_truncated) {
            text.resize(text.size() / 2);
        }
        if (site_data_drop_mid_body > 0) {
            --site_data_drop_mid_body;
            auto shared = std::make_shared<std::string>(std::move(text));
            res.set_content_provider(
                shared->size(), "json",
                [shared](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                    if (offset > 0) {
                        return false; // drop the connection
                    }
                    return sink.write(shared->data(), shared->size() / 2);
                });
            return;
        }
        res.set_content(text, "json"); // the official media type, sic (§8.3)
    }

    void list(const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body);
        const std::size_t page = body.value("page", 1);
        const std::size_t limit = body.value("limit", 10);
        const std::lock_guard lock(mutex);
        std::vector<json> sorted = versions;
        std::sort(sorted.begin(), sorted.end(),
                  [](const json& a, const json& b) { return a["lars"] < b["lars"]; });
        json results = json::array();
        if (!empty_pages.contains(page)) {
            for (std::size_t i = (page - 1) * limit; i < sorted.size() && i < page * limit; ++i) {
                results.push_back({{"lars", sorted[i]["lars"]},
                                   {"name", sorted[i]["name"]},
                                   {"create_dt", sorted[i]["create_dt"]}});
            }
        }
        res.set_content(json{{"results", results},
                             {"total_count", sorted.size()},
                             {"filter_data", json::object()},
                             {"selected_filters", json::array()}}
                            .dump(),
                        "application/json");
    }

    void entry(const httplib::Request& req, httplib::Response& res) {
        ++entry_requests;
        const std::string lars = req.matches[1];
        const std::lock_guard lock(mutex);
        if (entry_always_500.contains(lars) || (entry_500[lars] > 0 && entry_500[lars]--)) {
            res.status = 500;
            return;
        }
        if (entry_429[lars] > 0 && entry_429[lars]--) {
            res.status = 429;
            res.set_header("Retry-After", "7");
            return;
        }
        if (entry_endless.contains(lars)) {
            res.set_chunked_content_provider("application/json",
                                             [](std::size_t, httplib::DataSink& sink) {
                                                 const std::string chunk(64 * 1024, '[');
                                                 return sink.write(chunk.data(), chunk.size());
                                             });
            return;
        }
        for (const auto& v : versions) {
            if (v["lars"] == lars) {
                std::string text = v.dump(2);
                if (entry_truncated.contains(lars)) {
                    text.resize(text.size() / 2);
                }
                res.set_content(text, "application/json");
                return;
            }
        }
        res.status = 404;
        res.set_content(R"({"detail":"Kan algoritme niet vinden."})", "application/json");
    }

    void history(httplib::Response& res) {
        const std::lock_guard lock(mutex);
        if (history_csv.empty()) {
            res.status = 404;
            res.set_content(R"({"detail":"Not Found"})", "application/json");
            return;
        }
        res.set_content(history_csv, "text/csv; charset=utf-8");
    }

    void relation(const httplib::Request& req, httplib::Response& res) {
        const std::string org = req.matches[1];
        const std::lock_guard lock(mutex);
        if (relation_fails.contains(org)) {
            res.status = 500;
            return;
        }
        json hierarchy = json::array();
        if (org == "gm9999") {
            hierarchy.push_back({{"org_id", "gm9999"}, {"name", "Gemeente Voorbeeld"}});
        } else {
            hierarchy.push_back({{"org_id", "minbzk"}, {"name", "Ministerie van BZK"}});
            hierarchy.push_back({{"org_id", org}, {"name", org}});
        }
        res.set_content(
            json{{"org_id", org}, {"hierarchy_path", "minbzk/" + org}, {"hierarchy", hierarchy}}
                .dump(),
            "application/json");
    }

    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

/// A temporary folder, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("algreg-sync-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    static std::atomic<int>& counter() {
        static std::atomic<int> n{0};
        return n;
    }
};

/// Options for a sync from `reg` into `db` that never really waits.
ix::SyncOptions options_for(const FakeRegister& reg, const fs::path& db,
                            std::vector<std::chrono::milliseconds>* sleeps = nullptr) {
    ix::SyncOptions o;
    o.from = reg.url();
    o.db_path = db.string();
    o.quiet = true;
    o.policy.read_timeout = std::chrono::milliseconds(5000);
    o.policy.max_bytes = 8 * 1024 * 1024;
    o.policy.max_attempts = 4;
    auto recorded = std::make_shared<std::mutex>();
    o.hooks.sleep = [sleeps, recorded](std::chrono::milliseconds d) {
        if (sleeps != nullptr) {
            const std::lock_guard lock(*recorded);
            sleeps->push_back(d);
        }
    };
    return o;
}

/// id -> stored record data, from a Xapian index.
/// Every stored record by id, without `ministry`: a sync derives it from the organisation
/// hierarchy it fetched, which a plain index of the same records does not have.
std::map<std::string, std::string> stored(const fs::path& db) {
    std::map<std::string, std::string> out;
    const Xapian::Database d(db.string());
    for (auto it = d.allterms_begin("Q"); it != d.allterms_end("Q"); ++it) {
        json record = json::parse(d.get_document(*d.postlist_begin(*it)).get_data());
        record.erase("ministry");
        out[(*it).substr(1)] = record.dump();
    }
    return out;
}

struct IndexState {
    Xapian::rev revision;
    std::string last;
    bool operator==(const IndexState&) const = default;
};
IndexState state(const fs::path& db) {
    if (!fs::exists(db)) {
        return {0, "none"};
    }
    const Xapian::Database d(db.string());
    return {d.get_revision(), d.get_metadata("algreg:revision:last")};
}

json revision(const fs::path& db, std::uint32_t sequence) {
    const Xapian::Database d(db.string());
    return json::parse(d.get_metadata(algreg::search::revision_metadata_key(sequence)));
}

int run_command(const ix::SyncOptions& o, std::vector<std::string> args, std::string& err_text) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = ix::sync_command(args, o, out, err);
    err_text = err.str();
    return code;
}

} // namespace

TEST_CASE("sync through site data equals algreg index of the same records; then no revision, "
          "one change, one removal") {
    FakeRegister reg;
    TempDir tmp;
    ix::IndexOptions index;
    index.inputs = {reg.write_dump(tmp.path / "dump.json")};
    index.db_path = (tmp.path / "indexed").string();
    index.quiet = true;
    std::ostringstream log;
    (void)ix::run_index(index, log);

    const auto o = options_for(reg, tmp.path / "synced");
    const auto first = ix::run_sync(o, log);
    CHECK(first.method == "site-data");
    CHECK(first.listed == 157); // 130 + 27; the ENG version is left out
    CHECK(first.index.changes.added.size() == 157);
    CHECK(first.index.changes.history_revision == 1);
    // This register offers no publication history: noted, and the sync goes on without it.
    CHECK(first.history_note.find("404") != std::string::npos);
    CHECK(ix::format_sync_summary(first).find("publication history not imported") !=
          std::string::npos);
    CHECK(reg.user_agent == "algreg/" + std::string(algreg::search::version()) +
                                " (search index of the Dutch Algorithm Register)");
    const auto want = stored(tmp.path / "indexed");
    const auto got = stored(tmp.path / "synced");
    REQUIRE(want.size() == 157);
    CHECK(got == want);

    // The hierarchy is in the index metadata.
    {
        const Xapian::Database d((tmp.path / "synced").string());
        const json orgs = json::parse(d.get_metadata(std::string(ix::metadata_organisations)));
        CHECK(orgs["gm9999"]["name"] == "Gemeente Voorbeeld");
        CHECK(orgs["gm9999"]["type"] == "gemeente");
        CHECK(orgs["gemeente-utrecht"]["hierarchy"][0]["name"] == "Ministerie van BZK");
    }

    const auto again = ix::run_sync(o, log);
    CHECK_FALSE(again.index.changes.committed);
    CHECK(again.index.changes.history_revision == 0);

    std::string edited;
    {
        const std::lock_guard lock(reg.mutex);
        edited = reg.versions[3]["lars"];
        reg.versions[3]["goal"] = "Een nieuw doel, vandaag gepubliceerd.";
    }
    const auto change = ix::run_sync(o, log);
    CHECK(change.index.changes.changed == std::vector<std::string>{edited});
    CHECK(change.index.changes.added.empty());
    CHECK(change.index.changes.removed.empty());
    REQUIRE(change.index.changes.history_revision == 2);
    const json rev2 = revision(tmp.path / "synced", 2);
    REQUIRE(rev2["changed"].size() == 1);
    CHECK(rev2["changed"][0]["id"] == edited);
    REQUIRE(rev2["changed"][0]["fields"].size() == 1);
    CHECK(rev2["changed"][0]["fields"][0]["field"] == "goal");
    CHECK(rev2["changed"][0]["fields"][0]["after"] == "Een nieuw doel, vandaag gepubliceerd.");

    std::string removed;
    {
        const std::lock_guard lock(reg.mutex);
        removed = reg.versions.back()["lars"];
        reg.versions.pop_back();
    }
    const auto removal = ix::run_sync(o, log);
    CHECK(removal.index.changes.removed == std::vector<std::string>{removed});
    CHECK(removal.index.changes.changed.empty());
    CHECK(removal.index.changes.history_revision == 3);
}

TEST_CASE("an unreadable publication history is noted and skipped; the sync still succeeds") {
    FakeRegister reg;
    TempDir tmp;
    std::ostringstream log;
    const std::string header = "\xEF\xBB\xBF\"name\",\"algorithm_id\",\"publication_dt\"\n";
    const std::string lars = reg.versions[0]["lars"];
    const std::vector<std::pair<std::string, std::string>> broken{
        {header + "\"Naam\",\"" + lars + "\",\"gisteren\"\n", "publication_dt 'gisteren'"},
        {header + "\"Naam\",\"\",\"2024-02-06 09:12:45.123456+00:00\"\n", "no algorithm_id"},
        {header + "\"Naam\",\"" + lars + "\",\"2024-02-06 09:12", "never closed"}};
    int n = 0;
    for (const auto& [csv, why] : broken) {
        CAPTURE(why);
        {
            const std::lock_guard lock(reg.mutex);
            reg.history_csv = csv;
        }
        const fs::path db = tmp.path / ("db" + std::to_string(n++));
        const auto synced = ix::run_sync(options_for(reg, db), log);
        CAPTURE(synced.history_note);
        CHECK(synced.history_note.find(why) != std::string::npos);
        CHECK(synced.index.history_days == 0);
        CHECK(synced.index.changes.added.size() == 157);
        CHECK(synced.index.changes.history_revision == 1); // the snapshot, dated today
    }
}

TEST_CASE("site data 404: the list and per-entry records give the same index, and the cache "
          "makes a re-run fetch nothing") {
    FakeRegister reg;
    TempDir tmp;
    std::ostringstream log;
    const auto via_site_data = ix::run_sync(options_for(reg, tmp.path / "a"), log);
    CHECK(via_site_data.method == "site-data");
    reg.site_data_404 = true;
    auto o = options_for(reg, tmp.path / "b");
    const auto per_entry = ix::run_sync(o, log);
    CHECK(per_entry.method == "per-entry");
    CHECK(per_entry.fallback_reason.find("404") != std::string::npos);
    CHECK(per_entry.listed == 157);
    CHECK(reg.entry_requests == 157);
    CHECK(stored(tmp.path / "b") == stored(tmp.path / "a"));
    CHECK(fs::exists(tmp.path / "b.sync-cache"));

    const auto again = ix::run_sync(o, log);
    CHECK(again.from_cache == 157);
    CHECK(reg.entry_requests == 157); // nothing fetched again
    CHECK_FALSE(again.index.changes.committed);
}

TEST_CASE("a failed per-entry sync writes nothing, keeps what it fetched, and the re-run "
          "fetches only what it lacks") {
    FakeRegister reg;
    TempDir tmp;
    std::ostringstream log;
    auto o = options_for(reg, tmp.path / "db");
    (void)ix::run_sync(o, log); // a first good revision, through site data
    const IndexState before = state(tmp.path / "db");
    std::string bad;
    {
        const std::lock_guard lock(reg.mutex);
        reg.site_data_404 = true;
        std::vector<std::string> listed; // the list's order
        for (const auto& v : reg.versions) {
            listed.push_back(v["lars"]);
        }
        std::sort(listed.begin(), listed.end());
        bad = listed[100];
        reg.entry_always_500.insert(bad);
        reg.versions[5]["goal"] = "Gewijzigd.";
    }
    o.concurrency = 1; // stops at the failing entry: the ones before it are in the cache
    std::string err;
    CHECK(run_command(o, {}, err) == ix::exit_code::sync_failed);
    CHECK(err.find("lars " + bad) != std::string::npos);
    CHECK(err.find("HTTP 500") != std::string::npos);
    CHECK(err.find("nothing was written") != std::string::npos);
    CHECK(state(tmp.path / "db") == before);
    const std::size_t first_requests = reg.entry_requests;
    CHECK(first_requests >= 4); // the failing one was tried max_attempts times

    {
        const std::lock_guard lock(reg.mutex);
        reg.entry_always_500.clear();
    }
    o.concurrency = 4;
    const auto resumed = ix::run_sync(o, log);
    CHECK(resumed.from_cache > 0);
    CHECK(resumed.from_cache + (reg.entry_requests - first_requests) == 157);
    CHECK(resumed.index.changes.changed.size() == 1);
    CHECK(resumed.index.changes.removed.empty());
}

TEST_CASE("faults that a retry overcomes: a dropped connection, 500s, 429 with Retry-After") {
    FakeRegister reg;
    TempDir tmp;
    std::ostringstream log;
    std::vector<std::chrono::milliseconds> sleeps;

    SUBCASE("connection dropped mid-body, then the whole body") {
        reg.site_data_drop_mid_body = 2;
        const auto s = ix::run_sync(options_for(reg, tmp.path / "db", &sleeps), log);
        CHECK(s.method == "site-data");
        CHECK(s.retries == 2);
        CHECK(s.index.changes.added.size() == 157);
        CHECK(reg.site_data_requests == 3);
    }
    SUBCASE("500, 500, then success") {
        reg.site_data_500 = 2;
        const auto s = ix::run_sync(options_for(reg, tmp.path / "db", &sleeps), log);
        CHECK(s.method == "site-data");
        CHECK(s.retries == 2);
        REQUIRE(sleeps.size() == 2);
        // Exponential from 500 ms, with jitter in [0.5, 1).
        CHECK(sleeps[0] < std::chrono::milliseconds(500));
        CHECK(sleeps[1] >= std::chrono::milliseconds(500));
        CHECK(s.index.changes.added.size() == 157);
    }
    SUBCASE("429 with Retry-After on an entry, then success") {
        reg.site_data_404 = true;
        const std::string lars = reg.versions[7]["lars"];
        reg.entry_429[lars] = 1;
        auto o = options_for(reg, tmp.path / "db", &sleeps);
        o.hierarchy = false;
        const auto s = ix::run_sync(o, log);
        CHECK(s.method == "per-entry");
        CHECK(s.retries == 1);
        CHECK(sleeps == std::vector<std::chrono::milliseconds>{std::chrono::seconds(7)});
        CHECK(s.index.changes.added.size() == 157);
    }
}

TEST_CASE("faults that end in a clear error write nothing") {
    FakeRegister reg;
    TempDir tmp;
    std::ostringstream log;
    const fs::path db = tmp.path / "db";
    auto o = options_for(reg, db);
    (void)ix::run_sync(o, log);
    const IndexState before = state(db);
    std::string err;

    SUBCASE("truncated site data: the fallback is used and succeeds") {
        reg.site_data_truncated = true;
        {
            const std::lock_guard lock(reg.mutex);
            reg.versions[0]["name"] = "Nieuwe naam";
        }
        const auto s = ix::run_sync(o, log);
        CHECK(s.method == "per-entry");
        CHECK(s.fallback_reason.find("not a valid site-data dump") != std::string::npos);
        CHECK(s.index.changes.changed.size() == 1);
    }
    SUBCASE("an endless site-data body hits the cap; the fallback succeeds") {
        reg.site_data_endless = true;
        const auto s = ix::run_sync(o, log);
        CHECK(s.method == "per-entry");
        CHECK(s.fallback_reason.find("larger than the cap") != std::string::npos);
        // Same records, no revision (the organisation metadata may be rewritten: the list
        // path has no organisation_details).
        CHECK(s.index.changes.history_revision == 0);
        CHECK(s.index.changes.unchanged == 157);
    }
    SUBCASE("an endless entry body") {
        reg.site_data_404 = true;
        reg.entry_endless.insert(reg.versions[2]["lars"].get<std::string>());
        CHECK(run_command(o, {}, err) == ix::exit_code::sync_failed);
        CHECK(err.find("larger than the cap") != std::string::npos);
        CHECK(state(db) == before);
    }
    SUBCASE("a truncated entry body, every time") {
        reg.site_data_404 = true;
        const std::string lars = reg.versions[9]["lars"];
        reg.entry_truncated.insert(lars);
        CHECK(run_command(o, {}, err) == ix::exit_code::sync_failed);
        CHECK(err.find("invalid JSON") != std::string::npos);
        CHECK(err.find(lars) != std::string::npos);
        CHECK(state(db) == before);
    }
    SUBCASE("a missing page in the list") {
        reg.site_data_404 = true;
        reg.empty_pages.insert(2);
        CHECK(run_command(o, {}, err) == ix::exit_code::sync_failed);
        CHECK(err.find("page 2 of 2 is empty although total_count is 157") != std::string::npos);
        CHECK(state(db) == before);
    }
    SUBCASE("a record of an unknown standard") {
        std::string lars;
        {
            const std::lock_guard lock(reg.mutex);
            reg.versions[4]["standard_version"] = "2.0";
            lars = reg.versions[4]["lars"];
        }
        CHECK(run_command(o, {}, err) == ix::exit_code::sync_invalid);
        CHECK(err.find("lars " + lars + " is written in publication standard '2.0'") !=
              std::string::npos);
        CHECK(state(db) == before);
    }
    SUBCASE("a lars twice") {
        {
            const std::lock_guard lock(reg.mutex);
            reg.versions[6]["lars"] = reg.versions[5]["lars"];
        }
        CHECK(run_command(o, {}, err) == ix::exit_code::sync_invalid);
        CHECK(err.find("appears twice") != std::string::npos);
        CHECK(state(db) == before);
    }
    SUBCASE("no server at all") {
        o.from = "http://127.0.0.1:1";
        o.policy.max_attempts = 2;
        CHECK(run_command(o, {}, err) == ix::exit_code::sync_failed);
        CHECK(err.find("127.0.0.1:1") != std::string::npos);
        CHECK(state(db) == before);
    }
    SUBCASE("the hierarchy endpoint failing does not fail the sync and keeps what was known") {
        reg.relation_fails.insert("gemeente-utrecht");
        {
            const std::lock_guard lock(reg.mutex);
            reg.versions[0]["name"] = "Nieuwe naam";
        }
        const auto s = ix::run_sync(o, log);
        CHECK(s.hierarchy_failures == 1);
        CHECK(s.index.changes.changed.size() == 1);
        const Xapian::Database d(db.string());
        const json orgs = json::parse(d.get_metadata(std::string(ix::metadata_organisations)));
        CHECK(orgs["gemeente-utrecht"]["hierarchy"][0]["name"] == "Ministerie van BZK");
    }
}

TEST_CASE("the mass-removal guard refuses a 50 % drop; --allow-mass-removal accepts it") {
    FakeRegister reg;
    TempDir tmp;
    std::ostringstream log;
    const fs::path db = tmp.path / "db";
    const auto o = options_for(reg, db);
    (void)ix::run_sync(o, log);
    const IndexState before = state(db);
    {
        const std::lock_guard lock(reg.mutex);
        reg.versions.resize(reg.versions.size() / 2);
    }
    std::string err;
    CHECK(run_command(o, {}, err) == ix::exit_code::mass_removal);
    CHECK(err.find("would remove 79 of 157 entries") != std::string::npos);
    CHECK(err.find("--allow-mass-removal") != std::string::npos);
    CHECK(state(db) == before);
    CHECK(run_command(o, {"--allow-mass-removal"}, err) == ix::exit_code::ok);
    CHECK(stored(db).size() == 78);
}

TEST_CASE("algreg index has the same guards: an empty snapshot, a mass removal; not upserts") {
    TempDir tmp;
    std::ostringstream log;
    ix::IndexOptions o;
    o.db_path = (tmp.path / "db").string();
    o.quiet = true;
    o.inputs = {std::string(ALGREG_FIXTURES_DIR) + "/register-2023-06-19-full.json"};
    (void)ix::run_index(o, log);
    const IndexState before = state(tmp.path / "db");

    std::ofstream(tmp.path / "empty.json") << "[]";
    std::ofstream(tmp.path / "rejected.json") << "[1, 2, 3]";
    json half = read_json("register-2023-06-19-full.json");
    half.erase(half.begin(), half.begin() + 65);
    std::ofstream(tmp.path / "half.json") << half.dump();

    o.inputs = {(tmp.path / "empty.json").string()};
    CHECK_THROWS_AS((void)ix::run_index(o, log), ix::EmptySnapshotError);
    o.inputs = {(tmp.path / "rejected.json").string()};
    CHECK_THROWS_AS((void)ix::run_index(o, log), ix::EmptySnapshotError);
    o.inputs = {(tmp.path / "half.json").string()};
    CHECK_THROWS_AS((void)ix::run_index(o, log), ix::MassRemovalError);
    CHECK(state(tmp.path / "db") == before);

    o.upsert = true; // removes nothing: not guarded
    CHECK(ix::run_index(o, log).changes.removed.empty());
    o.upsert = false;
    o.allow_mass_removal = true;
    CHECK(ix::run_index(o, log).changes.removed.size() == 65);
}

TEST_CASE("Retry-After and backoff") {
    const auto now = std::chrono::system_clock::from_time_t(1'800'000'000); // 2027-01-15T08:00Z
    CHECK(ix::parse_retry_after("120", now) == std::chrono::seconds(120));
    CHECK(ix::parse_retry_after(" 0 ", now) == std::chrono::seconds(0));
    CHECK(ix::parse_retry_after("Fri, 15 Jan 2027 08:00:30 GMT", now) == std::chrono::seconds(30));
    CHECK(ix::parse_retry_after("Fri, 15 Jan 2027 07:00:00 GMT", now) == std::chrono::seconds(0));
    CHECK_FALSE(ix::parse_retry_after("soon", now));
    CHECK_FALSE(ix::parse_retry_after("", now));

    ix::FetchPolicy p;
    p.first_backoff = std::chrono::milliseconds(500);
    p.max_backoff = std::chrono::milliseconds(30'000);
    CHECK(ix::backoff_delay(1, p, 0.0) == std::chrono::milliseconds(250));
    CHECK(ix::backoff_delay(1, p, 0.999) == std::chrono::milliseconds(499));
    CHECK(ix::backoff_delay(3, p, 0.0) == std::chrono::milliseconds(1000));
    CHECK(ix::backoff_delay(20, p, 0.0) == std::chrono::milliseconds(15'000));
}

TEST_CASE("the sync cache names files by lars and create_dt, and only plain ids") {
    CHECK(ix::SyncCache::file_name("11234933", "2024-02-06T09:12:45.123456Z") ==
          "11234933@2024-02-06T091245123456Z.json");
    CHECK(ix::SyncCache::file_name("../etc", "x").empty());
    TempDir tmp;
    const ix::SyncCache cache((tmp.path / "c").string());
    CHECK(cache.store("11234933", "2024", "{\"a\":1}"));
    CHECK(cache.load("11234933", "2024") == "{\"a\":1}");
    CHECK_FALSE(cache.load("11234933", "2025"));
    cache.prune({});
    CHECK_FALSE(cache.load("11234933", "2024"));
}

TEST_CASE("sync arguments") {
    const auto o =
        ix::parse_sync_arguments({"--from", "http://127.0.0.1:8080", "--db", "x", "--concurrency",
                                  "8", "--allow-mass-removal", "--cache", "c", "--quiet"});
    CHECK(o.from == "http://127.0.0.1:8080");
    CHECK(o.concurrency == 8);
    CHECK(o.allow_mass_removal);
    CHECK(o.cache_dir == "c");
    CHECK(ix::parse_sync_arguments({}).from == "https://algoritmes.overheid.nl");
    CHECK_THROWS_AS((void)ix::parse_sync_arguments({"--concurrency", "0"}), std::invalid_argument);
    CHECK_THROWS_AS((void)ix::parse_sync_arguments({"--from", "ftp://x"}), std::invalid_argument);
    CHECK_THROWS_AS((void)ix::parse_sync_arguments({"input.json"}), std::invalid_argument);
}

TEST_CASE("an https URL goes through TLS (a plain-HTTP server is no TLS peer: a clear error)") {
    FakeRegister reg;
    const std::string https = "https://127.0.0.1:" + reg.url().substr(reg.url().rfind(':') + 1);
    ix::FetchPolicy p;
    p.max_attempts = 1;
    ix::HttpFetcher fetcher(https, p);
    CHECK_THROWS_AS((void)fetcher.get("/api/downloads/site-data/json"), ix::FetchError);
}
