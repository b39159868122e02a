// `algreg sync` into an empty index imports the source's publication history
// (GET /api/downloads/history/NLD?filetype=csv) as dated revisions, end to end over loopback:
// the source is our own server on an index of two real snapshots (the 2023 export with its
// create_dt dates and the 1.0 templates, then a later version of one entry), so the history it
// serves has the real shape: one row per published version.
#include "indexer/run_index.h"
#include "indexer/sync.h"
#include "search/history.h"
#include "tests/web/test_server.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <xapian.h>

using namespace algreg;
using namespace algreg::testing;
using nlohmann::json;

namespace {

constexpr const char* edited_goal = "Een nieuw doel, gepubliceerd op 6 februari 2024.";

/// The source register: the full-record fixtures as of 2023-06-19, then on 2024-02-06 a new
/// version of the export's entry `edited_lars` (its goal and create_dt). Returns the 2023
/// export as read from the fixture.
json build_source(const std::string& db, const std::string& dir, std::string& edited_lars) {
    json export_2023 = json::parse(read_file(fixture("register-2023-06-19-full.json")));
    std::ostringstream log;
    indexer::IndexOptions first;
    for (const auto& name : full_fixtures) {
        first.inputs.push_back(fixture(name));
    }
    first.db_path = db;
    first.quiet = true;
    first.as_of = "2023-06-19T00:00:00Z";
    (void)indexer::run_index(first, log);

    json later = export_2023;
    edited_lars = later[3]["lars"];
    later[3]["goal"] = edited_goal;
    later[3]["create_dt"] = "2024-02-06 09:12:45.123456+00:00";
    write_file(dir + "/export-2024.json", later.dump());
    indexer::IndexOptions second = first;
    second.inputs = {dir + "/export-2024.json", fixture("register-v1.0-templates.json")};
    second.as_of = "2024-02-06T10:00:00Z";
    (void)indexer::run_index(second, log);
    return export_2023;
}

indexer::SyncOptions sync_options(int port, const std::string& db) {
    indexer::SyncOptions o;
    o.from = "http://127.0.0.1:" + std::to_string(port);
    o.db_path = db;
    o.quiet = true;
    o.hierarchy = false;
    o.policy.max_attempts = 2;
    return o;
}

/// id -> stored record data.
std::map<std::string, std::string> stored(const std::string& db) {
    std::map<std::string, std::string> out;
    const Xapian::Database d(db);
    for (auto it = d.allterms_begin("Q"); it != d.allterms_end("Q"); ++it) {
        out[(*it).substr(1)] = d.get_document(*d.postlist_begin(*it)).get_data();
    }
    return out;
}

} // namespace

TEST_CASE("sync into an empty index imports the publication history as dated revisions; a "
          "second sync writes none") {
    TempDir dir;
    std::string edited;
    const json export_2023 = build_source(dir.file("source"), dir.path().string(), edited);
    web::ServerConfig config;
    config.index_path = dir.file("source");
    const TestServer source(config);

    std::ostringstream log;
    const auto synced = indexer::run_sync(sync_options(source.port(), dir.file("synced")), log);
    CHECK(synced.history_note == "");
    CHECK(synced.history_versions == 158); // 157 entries, one of them in two versions
    CHECK(synced.index.history_days >= 2);
    CHECK(synced.index.changes.added.size() == 157);

    const Xapian::Database index(dir.file("synced"));
    const auto log_synced = search::HistoryLog::load(index);
    const auto& revisions = log_synced.revisions();
    REQUIRE(revisions.size() == synced.index.history_days);
    CHECK(synced.index.changes.history_revision == revisions.size());

    // Dated by the publications, oldest first; the oldest is the first load (its additions
    // are no changes); none is dated today: the snapshot is exactly where the history ends.
    std::string first_published = "9999";
    for (const auto& r : export_2023) {
        first_published =
            std::min(first_published, r["create_dt"].get<std::string>().substr(0, 10));
    }
    CHECK(revisions.front().date == first_published);
    CHECK(search::is_baseline(revisions.front()));
    CHECK(revisions.back().date == "2024-02-06");
    for (std::size_t i = 1; i < revisions.size(); ++i) {
        CHECK(revisions[i - 1].timestamp < revisions[i].timestamp);
        CHECK_FALSE(search::is_baseline(revisions[i]));
    }
    CHECK(revisions.back().entries == 157);

    // Every entry's history starts when it was first published.
    for (const auto& r : export_2023) {
        const std::string lars = r["lars"];
        const auto events = log_synced.entry_events(lars);
        REQUIRE(!events.empty());
        CHECK(events.front().kind == search::ChangeKind::added);
        CHECK(events.front().date == r["create_dt"].get<std::string>().substr(0, 10));
        CHECK(events.size() == (lars == edited ? 2U : 1U));
    }
    const auto edited_events = log_synced.entry_events(edited);
    REQUIRE(edited_events.size() == 2);
    CHECK(edited_events[1].date == "2024-02-06");
    // Only what differs between the two published versions: not the fields that differ only
    // in form between the CSV row and the full record (tags, legacy fields).
    std::vector<std::string> fields;
    for (const auto& f : edited_events[1].fields) {
        fields.push_back(f.field);
        if (f.field == "goal") {
            CHECK(f.after == edited_goal);
        }
    }
    std::sort(fields.begin(), fields.end());
    std::string listed;
    for (const auto& f : fields) {
        listed += f + " ";
    }
    CHECK(listed == "changed goal publication_dt ");

    // The register itself is the snapshot's, field for field: the same as a sync without the
    // history.
    auto without = sync_options(source.port(), dir.file("without-history"));
    without.publication_history = false;
    (void)indexer::run_sync(without, log);
    CHECK(stored(dir.file("synced")) == stored(dir.file("without-history")));

    // A second sync finds nothing new, and the history is not imported again.
    const auto again = indexer::run_sync(sync_options(source.port(), dir.file("synced")), log);
    CHECK_FALSE(again.index.changes.committed);
    CHECK(again.index.revisions_recorded == 0);
    CHECK(again.index.history_days == 0);
    CHECK(search::HistoryLog::load(Xapian::Database(dir.file("synced"))).revisions().size() ==
          revisions.size());
}
