// As-of indexes of the real history: the register of a past day, searchable like the live one,
// cached beside the live index, built once, bounded, and dropped when the live index moves on.
#include "indexer/as_of_index.h"
#include "indexer/run_index.h"
#include "search/history.h"
#include "search/schema.h"
#include "tests/support/fixtures.h"
#include "tests/support/history_index.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>
#include <xapian.h>

using algreg::indexer::AsOfIndexCache;
using algreg::testing::fixture;
using algreg::testing::read_file;
using algreg::testing::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

/// A private copy of the history index (the cache writes beside it; some tests change it).
std::string copy_of_history_index(const TempDir& dir) {
    const std::string path = dir.file("live");
    fs::copy(algreg::testing::history_index_path(), path, fs::copy_options::recursive);
    return path;
}

/// The history file's lines: (date, count) of the last line of each date.
std::map<std::string, std::size_t> count_per_date() {
    std::map<std::string, std::size_t> out;
    std::istringstream in(read_file(fixture("register-history.jsonl")));
    std::string line;
    while (std::getline(in, line)) {
        const auto j = json::parse(line);
        out[j["fetched_at"].get<std::string>().substr(0, 10)] = j["count"].get<std::size_t>();
    }
    return out;
}

std::set<std::string> entries(const fs::path& dir) {
    std::set<std::string> out;
    if (fs::exists(dir)) {
        for (const auto& e : fs::directory_iterator(dir)) {
            out.insert(e.path().filename().string());
        }
    }
    return out;
}

std::string record_data(const Xapian::Database& db, const std::string& id) {
    const auto p = db.postlist_begin("Q" + id);
    REQUIRE(p != db.postlist_end("Q" + id));
    return db.get_document(*p).get_data();
}

Xapian::doccount spelling_frequency(const Xapian::Database& db, const std::string& word) {
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s) {
        if (*s == word) {
            return s.get_termfreq();
        }
    }
    return 0;
}

} // namespace

TEST_CASE("an as-of index holds the register of that day, removed entries marked") {
    TempDir dir;
    const std::string live_path = copy_of_history_index(dir);
    AsOfIndexCache cache(live_path);
    const std::string path = cache.path_for("2026-06-23");
    CHECK(path != live_path);
    CHECK(fs::path(path).parent_path().parent_path() == fs::path(live_path + ".as-of"));

    const Xapian::Database as_of(path);
    const Xapian::Database live(live_path);
    CHECK(as_of.get_doccount() == count_per_date().at("2026-06-22"));
    CHECK(as_of.get_metadata(std::string(algreg::search::metadata_as_of_date)) == "2026-06-23");
    CHECK(json::parse(as_of.get_metadata(std::string(algreg::search::metadata_as_of_removed))) ==
          json{{"59917797", "2026-06-24"}});
    CHECK(as_of.get_termfreq("Q59917797") == 1);
    CHECK(live.get_termfreq("Q59917797") == 0);
    CHECK(as_of.get_metadata(std::string(algreg::search::metadata_layout)) ==
          live.get_metadata(std::string(algreg::search::metadata_layout)));
    // The live index's synonyms; spelling data of the register of that day (the removed
    // entry's words included).
    CHECK(as_of.synonyms_begin("brp") != as_of.synonyms_end("brp"));
    CHECK(*as_of.synonyms_begin("brp") == *live.synonyms_begin("brp"));
    CHECK(spelling_frequency(as_of, "selectiemodel") >= 1); // "Selectiemodel BIG herregistratie"
    CHECK(spelling_frequency(as_of, "herregistratie") >= 1);

    // Before the 2026-06-19 rename the renamed entries have their old organisation.
    const auto log = algreg::search::HistoryLog::load(live);
    const algreg::search::Revision* rename = nullptr;
    for (const auto& r : log.revisions()) {
        if (r.date == "2026-06-19") {
            rename = &r;
        }
    }
    REQUIRE(rename != nullptr);
    REQUIRE_FALSE(rename->changed.empty());
    const auto& change = rename->changed.front();
    const Xapian::Database before(cache.path_for("2026-06-18"));
    CHECK(json::parse(record_data(before, change.id))["organization"] ==
          change.fields.front().before);
    CHECK(json::parse(record_data(live, change.id))["organization"] == change.fields.front().after);

    // Asking again gives the cached index, not a new build.
    const auto built = fs::last_write_time(path);
    CHECK(cache.path_for("2026-06-23") == path);
    CHECK(fs::last_write_time(path) == built);
}

TEST_CASE("dates on or after the newest revision are the live index; before the first, empty") {
    TempDir dir;
    const std::string live_path = copy_of_history_index(dir);
    AsOfIndexCache cache(live_path);
    CHECK(cache.path_for("2026-08-08") == live_path);
    CHECK(cache.path_for("2031-01-01") == live_path);
    const Xapian::Database empty(cache.path_for("2026-05-12"));
    CHECK(empty.get_doccount() == 0);
    CHECK(empty.get_metadata(std::string(algreg::search::metadata_as_of_date)) == "2026-05-12");
}

TEST_CASE("concurrent requests for one date get one index; at most `keep` dates are kept") {
    TempDir dir;
    const std::string live_path = copy_of_history_index(dir);
    AsOfIndexCache cache(live_path, 2);
    std::vector<std::string> paths(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            threads.emplace_back([&, i] { paths[i] = cache.path_for("2026-07-01"); });
        }
    }
    for (const auto& p : paths) {
        CHECK(p == paths.front());
    }
    const fs::path revision_dir = fs::path(paths.front()).parent_path();
    CHECK(entries(revision_dir) == std::set<std::string>{"2026-07-01"}); // no leftovers

    (void)cache.path_for("2026-06-01");
    (void)cache.path_for("2026-07-01"); // used again: the most recent
    (void)cache.path_for("2026-06-20");
    CHECK(entries(revision_dir) == std::set<std::string>{"2026-06-20", "2026-07-01"});
}

TEST_CASE("a new revision of the live index replaces the cached as-of indexes") {
    TempDir dir;
    const std::string live_path = copy_of_history_index(dir);
    AsOfIndexCache cache(live_path);
    const std::string old_path = cache.path_for("2026-06-23");
    const auto old_count = Xapian::Database(old_path).get_doccount();

    // One entry renamed today, as an --upsert run: a new live revision and history revision.
    const auto entry = json::parse(record_data(Xapian::Database(live_path), "11234933"))["name"]
                           .get<std::string>();
    const std::string input = dir.file("one.ndjson");
    algreg::testing::write_file(
        input,
        json{{"id", "11234933"}, {"title", entry + " (nieuw)"}, {"organisatie", "Gemeente Delft"}}
                .dump() +
            "\n");
    algreg::indexer::IndexOptions options;
    options.inputs = {input};
    options.db_path = live_path;
    options.upsert = true;
    options.quiet = true;
    std::ostringstream log;
    REQUIRE(algreg::indexer::run_index(options, log).revisions_recorded == 1);

    const std::string new_path = cache.path_for("2026-06-23");
    CHECK(new_path != old_path);
    CHECK_FALSE(fs::exists(old_path));
    CHECK(entries(live_path + ".as-of").size() == 1);
    CHECK(Xapian::Database(new_path).get_doccount() == old_count);
    // Before today, the entry has its old name again.
    CHECK(json::parse(record_data(Xapian::Database(new_path), "11234933"))["name"] == entry);
}

TEST_CASE("the provider hands out the cache's paths") {
    TempDir dir;
    const std::string live_path = copy_of_history_index(dir);
    const auto provider = algreg::indexer::as_of_index_provider(live_path);
    CHECK(provider("2026-08-08", {}) == live_path);
    CHECK(Xapian::Database(provider("2026-05-13", {})).get_doccount() ==
          count_per_date().at("2026-05-13"));
}

TEST_CASE("the gate is asked before a build only, and a refusal builds nothing") {
    TempDir dir;
    const std::string live_path = copy_of_history_index(dir);
    const auto provider = algreg::indexer::as_of_index_provider(live_path);
    int asked = 0;
    const algreg::search::AsOfBuildGate refuse = [&]() -> algreg::search::AsOfBuildPermit {
        ++asked;
        throw std::runtime_error("over budget");
    };
    CHECK_THROWS_WITH(provider("2026-06-20", refuse), "over budget");
    CHECK(asked == 1);
    CHECK(provider("2026-08-08", refuse) == live_path); // the live index: nothing to build
    CHECK(asked == 1);
    bool released = false;
    const algreg::search::AsOfBuildGate allow = [&] {
        ++asked;
        return algreg::search::AsOfBuildPermit(&released, [](bool* r) { *r = true; });
    };
    const std::string built = provider("2026-06-20", allow);
    CHECK(asked == 2);
    CHECK(released);                                // held for the build only
    CHECK(provider("2026-06-20", refuse) == built); // cached: the gate is not asked
    CHECK(asked == 2);
}
