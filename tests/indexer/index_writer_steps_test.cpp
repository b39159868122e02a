// IndexWriter::apply_steps: several dated revisions and a snapshot in one commit (the history a
// sync imports, docs/sync.md), on the 2023 export's real records: each step judged against the
// one before it, one Xapian commit for all, nothing at all written when a step fails a guard.
#include "indexer/index_writer.h"
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/history.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <xapian.h>

namespace ix = algreg::indexer;
using algreg::search::AlgorithmRecord;
using algreg::search::HistoryLog;
using algreg::testing::fixture;
using algreg::testing::TempDir;

namespace {

/// The 2023 export's full records, normalised.
std::vector<AlgorithmRecord> export_records() {
    const auto file = ix::read_source(fixture("register-2023-06-19-full.json"));
    std::vector<AlgorithmRecord> out;
    for (const auto& source : file.records) {
        auto n = ix::normalise(source, file.format);
        if (n.record) {
            out.push_back(std::move(*n.record));
        }
    }
    return out;
}

ix::RevisionStep step(std::vector<AlgorithmRecord> records, ix::UpdateMode mode,
                      const std::string& timestamp, bool snapshot_time = true) {
    return ix::RevisionStep{std::move(records),
                            mode,
                            ix::RevisionStamp{timestamp, snapshot_time, {"history"}, false, false},
                            {}};
}

std::vector<AlgorithmRecord> slice(const std::vector<AlgorithmRecord>& all, std::size_t begin,
                                   std::size_t end) {
    return {all.begin() + static_cast<std::ptrdiff_t>(begin),
            all.begin() + static_cast<std::ptrdiff_t>(end)};
}

} // namespace

TEST_CASE("apply_steps: dated upserts and a snapshot become one revision each, in one commit") {
    const auto all = export_records();
    REQUIRE(all.size() == 130);
    TempDir tmp;
    const std::string db = tmp.file("index");

    std::size_t e = 0; // an entry of the first day with a goal, edited on the second
    while (all[e].goal.empty()) {
        ++e;
    }
    REQUIRE(e < 50);
    auto edited = all[e];
    edited.goal = "Een ander doel, op 1 maart 2023 gepubliceerd.";
    auto second_day = slice(all, 50, 90);
    second_day.push_back(edited);
    auto today = slice(all, 0, 130);
    today[e] = edited;
    today.erase(today.begin() +
                (e == 2 ? 3 : 2)); // published in the history, gone from the register now

    std::vector<ix::RevisionStep> steps;
    steps.push_back(step(slice(all, 0, 50), ix::UpdateMode::upsert, "2023-01-10T09:00:00Z"));
    steps.push_back(step(second_day, ix::UpdateMode::upsert, "2023-03-01T15:30:00Z"));
    steps.push_back(step(today, ix::UpdateMode::snapshot, "2026-12-05T10:00:00Z", false));
    ix::IndexChanges changes;
    {
        ix::IndexWriter writer(db);
        changes = writer.apply_steps(steps, {}, {});
    }
    // Against the index before (empty): every entry of the register now is added, nothing
    // removed (all[2] was never in the index); three revisions, one commit.
    CHECK(changes.committed);
    CHECK(changes.added.size() == 129);
    CHECK(changes.removed.empty());
    CHECK(changes.history_revision == 3);
    CHECK(changes.revisions_recorded == 3);
    CHECK(changes.document_count == 129);

    const Xapian::Database index(db);
    CHECK(index.get_revision() == 1);
    const auto log = HistoryLog::load(index);
    const auto& revisions = log.revisions();
    REQUIRE(revisions.size() == 3);

    CHECK(revisions[0].date == "2023-01-10");
    CHECK(revisions[0].timestamp == "2023-01-10T09:00:00Z");
    CHECK(revisions[0].added.size() == 50);
    CHECK(revisions[0].entries == 50);
    CHECK(algreg::search::is_baseline(revisions[0])); // the oldest revision is the first load

    CHECK(revisions[1].date == "2023-03-01");
    CHECK(revisions[1].added.size() == 40);
    REQUIRE(revisions[1].changed.size() == 1);
    CHECK(revisions[1].changed[0].id == all[e].id);
    REQUIRE(revisions[1].changed[0].fields.size() == 1);
    CHECK(revisions[1].changed[0].fields[0].field == "goal");
    CHECK(revisions[1].changed[0].fields[0].before == all[e].goal);
    CHECK(revisions[1].entries == 90);
    CHECK_FALSE(algreg::search::is_baseline(revisions[1]));

    CHECK(revisions[2].date == "2026-12-05");
    CHECK(revisions[2].added.size() == 40);
    CHECK(revisions[2].changed.empty()); // all[e] as it was published on 1 March
    REQUIRE(revisions[2].removed.size() == 1);
    CHECK(revisions[2].removed[0] == all[e == 2 ? 3 : 2]); // its last version, kept
    CHECK(revisions[2].entries == 129);

    // An entry's history starts when it was first published, not today.
    const auto events = log.entry_events(all[e == 5 ? 6 : 5].id);
    REQUIRE(events.size() == 1);
    CHECK(events[0].date == "2023-01-10");
    CHECK(log.entry_events(all[e].id).size() == 2);
    CHECK(log.entry_events(all[100].id).front().date == "2026-12-05");
}

TEST_CASE("apply_steps: a step that fails a guard writes nothing, not even the steps before it") {
    const auto all = export_records();
    TempDir tmp;
    const std::string db = tmp.file("index");
    ix::IndexWriter writer(db);
    (void)writer.apply(all, ix::UpdateMode::snapshot, {}, {}, {},
                       ix::RevisionStamp{"2026-12-01T00:00:00Z", true, {"first"}, false, false});
    const Xapian::rev before = Xapian::Database(db).get_revision();

    auto edited = all[7];
    edited.goal = "Gewijzigd doel.";
    std::vector<ix::RevisionStep> steps;
    steps.push_back(step({edited}, ix::UpdateMode::upsert, "2026-12-02T00:00:00Z"));
    steps.push_back(step(slice(all, 0, 60), ix::UpdateMode::snapshot, "2026-12-03T00:00:00Z"));
    CHECK_THROWS_AS((void)writer.apply_steps(steps, {}, {}), ix::MassRemovalError);
    steps.back().records.clear();
    CHECK_THROWS_AS((void)writer.apply_steps(steps, {}, {}), ix::EmptySnapshotError);

    const Xapian::Database index(db);
    CHECK(index.get_revision() == before);
    CHECK(index.get_doccount() == 130);
    CHECK(HistoryLog::load(index).revisions().size() == 1);
    CHECK(index.get_metadata("algreg:revision:last") == "1");
}

TEST_CASE("apply_steps: with same_form, a difference of form alone is no change") {
    const auto all = export_records();
    TempDir tmp;
    const std::string db = tmp.file("index");
    // all[1] gets a new goal; all[2] only a new form (as a CSV row and a full record differ).
    auto goal_form = all[1];
    goal_form.goal = "Een nieuw doel.";
    auto goal_full = goal_form;
    goal_full.tags = "in de volledige vorm";
    auto same_full = all[2];
    same_full.tags = "in de volledige vorm";
    std::vector<ix::RevisionStep> steps;
    steps.push_back(step(slice(all, 0, 10), ix::UpdateMode::upsert, "2023-01-10T09:00:00Z"));
    steps.push_back(step({goal_full, same_full}, ix::UpdateMode::upsert, "2023-02-01T09:00:00Z"));
    steps.back().same_form.emplace(goal_full.id, goal_form);
    steps.back().same_form.emplace(same_full.id, all[2]);
    {
        ix::IndexWriter writer(db);
        (void)writer.apply_steps(steps, {}, {});
    }
    const Xapian::Database index(db);
    const auto revisions = HistoryLog::load(index).revisions();
    REQUIRE(revisions.size() == 2);
    REQUIRE(revisions[1].changed.size() == 1);
    CHECK(revisions[1].changed[0].id == all[1].id);
    REQUIRE(revisions[1].changed[0].fields.size() == 1);
    CHECK(revisions[1].changed[0].fields[0].field == "goal");
    // The documents are the full records.
    CHECK(index.get_document(*index.postlist_begin("Q" + all[2].id)).get_data() ==
          ix::serialise(same_full));
}
