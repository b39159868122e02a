// The first load of an empty index is the baseline, not 1,431 changes (docs/history.md), and
// "newest registered" orders by the register's dates with a stable tie-break; on the real
// history (fixtures/register-history.jsonl replayed) and the real listing.
#include "search/history.h"
#include "search/revision.h"
#include "search/searcher.h"
#include "tests/support/history_index.h"

#include <doctest/doctest.h>
#include <set>

using namespace algreg;
using namespace algreg::testing;

TEST_CASE("the first load is the baseline: no additions in change lists or counts") {
    search::Searcher searcher(history_index_path());
    const auto log = searcher.history_log();
    const auto& revisions = log->revisions();
    REQUIRE(revisions.size() == 38);
    const auto& first = revisions.front();
    CHECK(first.date == "2026-05-13");
    CHECK(first.added.size() == 1431);
    CHECK(search::is_baseline(first));
    for (std::size_t i = 1; i < revisions.size(); ++i) {
        CHECK_MESSAGE(!search::is_baseline(revisions[i]), revisions[i].date);
    }

    const auto summaries = log->summaries();
    CHECK(summaries.front().baseline);
    CHECK(summaries.front().added == 0);
    CHECK(summaries.front().entries == 1431);
    CHECK(!summaries[1].baseline);
    CHECK(summaries[1].added == revisions[1].added.size()); // 28 on the second snapshot
    CHECK(summaries[1].added > 0);

    // The change list: nothing on the baseline's day, the second snapshot's additions are there.
    CHECK(log->events("2026-05-13", "2026-05-13").empty());
    std::size_t added = 0;
    for (const auto& e : log->events("", "")) {
        CHECK(e.sequence != 1);
        added += e.kind == search::ChangeKind::added ? 1 : 0;
    }
    std::size_t expected_added = 0;
    for (std::size_t i = 1; i < revisions.size(); ++i) {
        expected_added += revisions[i].added.size();
    }
    CHECK(added == expected_added);

    search::ChangesRequest request;
    request.since = "2026-05-13";
    request.until = "2026-05-13";
    const auto page = searcher.changes(request);
    CHECK(page.total == 0);
    REQUIRE(page.revisions.size() == 1);
    CHECK(page.revisions.front().baseline);

    // An entry's own history still starts where algreg first saw it.
    const auto events = log->entry_events(first.added.front());
    REQUIRE(!events.empty());
    CHECK(events.front().kind == search::ChangeKind::added);
    CHECK(events.front().date == "2026-05-13");
}

TEST_CASE("newest registered: the register's dates first, ties by name, the same every time") {
    // A register date before first-seen wins; equal dates fall back to the version date, then
    // the name.
    const auto key = [](std::string_view added, std::string_view changed, std::string_view name) {
        return search::newest_sort_key(added, changed, name);
    };
    CHECK(key("2026-05-13", "2024-02-06", "a") > key("2026-05-13", "2025-01-01", "a"));
    CHECK(key("2026-07-31", "2026-07-31", "z") < key("2026-05-13", "2026-07-01", "a"));
    CHECK(key("2026-05-13", "2024-02-06", "a") < key("2026-05-13", "2024-02-06", "b"));
    CHECK(key("", "", "a") > key("2020-01-01", "2020-01-01", "z")); // unknown dates last

    search::Searcher searcher(history_index_path());
    search::SearchRequest request;
    request.sort = search::Sort::newest_registered;
    request.page_size = 100;
    request.facets = false;
    std::vector<std::string> keys;
    std::vector<std::string> ids;
    for (std::size_t page = 1; page <= 3; ++page) {
        request.page = page;
        for (const auto& hit : searcher.search(request).hits) {
            const auto r = searcher.find(hit.id);
            keys.push_back(search::newest_sort_key(r.added.empty() ? r.changed : r.added, r.changed,
                                                   search::fold(r.name)));
            ids.push_back(hit.id);
        }
    }
    REQUIRE(keys.size() == 300);
    CHECK(std::is_sorted(keys.begin(), keys.end()));
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());

    // A text search sorted the same way keeps the same order among its matches.
    request.text = "gemeente";
    request.page = 1;
    std::vector<std::string> text_keys;
    for (const auto& hit : searcher.search(request).hits) {
        const auto r = searcher.find(hit.id);
        text_keys.push_back(search::newest_sort_key(r.added.empty() ? r.changed : r.added,
                                                    r.changed, search::fold(r.name)));
    }
    REQUIRE(!text_keys.empty());
    CHECK(std::is_sorted(text_keys.begin(), text_keys.end()));
}
