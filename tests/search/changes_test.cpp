// Searcher::changes and Searcher::history on the real history: an index replayed from
// fixtures/register-history.jsonl (38 daily snapshots, 2026-05-13 to 2026-08-08). Known events:
// on 2026-06-19 "Stichting Inlichtingenbureau" was renamed "Stichting Bureau Informatiediensten
// Nederland" in 21 entries (and 6 entries were added); on 2026-06-24 entry 59917797
// "Selectiemodel BIG herregistratie" (CIBG) was removed and registered again as 53819778.
#include "search/changes.h"
#include "search/errors.h"
#include "search/searcher.h"
#include "tests/support/history_index.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using namespace algreg::search;

namespace {

Searcher history_searcher() {
    return Searcher(algreg::testing::history_index_path());
}

ChangesRequest range(std::string since, std::string until) {
    ChangesRequest r;
    r.since = std::move(since);
    r.until = std::move(until);
    r.page_size = max_changes_page_size;
    return r;
}

std::set<std::string> ids_of(const ChangesPage& page, ChangeKind kind) {
    std::set<std::string> ids;
    for (const auto& item : page.items) {
        if (item.event.kind == kind) {
            ids.insert(item.event.id);
        }
    }
    return ids;
}

const ChangeItem* item_of(const ChangesPage& page, std::string_view id) {
    for (const auto& item : page.items) {
        if (item.event.id == id) {
            return &item;
        }
    }
    return nullptr;
}

constexpr const char* removed_id = "59917797";
constexpr const char* registered_again_id = "53819778";

} // namespace

TEST_CASE("changes of one day: the removal of 59917797 on 2026-06-24 and what was added") {
    Searcher searcher = history_searcher();
    const ChangesPage page = searcher.changes(range("2026-06-24", "2026-06-24"));
    CHECK(ids_of(page, ChangeKind::removed) == std::set<std::string>{removed_id});
    CHECK(ids_of(page, ChangeKind::added) ==
          std::set<std::string>{"23386411", "37454627", registered_again_id, "86798945"});
    CHECK(ids_of(page, ChangeKind::changed).contains("38325188"));
    CHECK(page.total == page.items.size());
    const ChangeItem* removed = item_of(page, removed_id);
    REQUIRE(removed != nullptr);
    CHECK_FALSE(removed->in_register);
    CHECK(removed->name == "Selectiemodel BIG herregistratie");
    CHECK(removed->organisation == "CIBG");
    CHECK(removed->event.date == "2026-06-24");
    const ChangeItem* added = item_of(page, registered_again_id);
    REQUIRE(added != nullptr);
    CHECK(added->in_register);
    // Every event of the range is of that day; the range's one revision is listed.
    for (const auto& item : page.items) {
        CHECK(item.event.date == "2026-06-24");
    }
    REQUIRE(page.revisions.size() == 1);
    CHECK(page.revisions.front().date == "2026-06-24");
    CHECK(page.last_date == "2026-08-08");
}

TEST_CASE("the organisation rename of 2026-06-19 is 21 changes of the organisation field") {
    Searcher searcher = history_searcher();
    ChangesRequest request = range("2026-06-19", "2026-06-19");
    request.kinds = {ChangeKind::changed};
    const ChangesPage page = searcher.changes(request);
    CHECK(page.total == 21);
    for (const auto& item : page.items) {
        const auto& fields = item.event.fields;
        const auto organisation = std::find_if(
            fields.begin(), fields.end(), [](const auto& f) { return f.field == "organization"; });
        REQUIRE(organisation != fields.end());
        CHECK(organisation->before == "Stichting Inlichtingenbureau");
        CHECK(organisation->after == "Stichting Bureau Informatiediensten Nederland");
        CHECK(item.organisation == "Stichting Bureau Informatiediensten Nederland");
    }
    // The new organisation as a filter keeps all of them; another organisation none.
    request.search.filters["organisatie"] = {slug("Stichting Bureau Informatiediensten Nederland")};
    CHECK(searcher.changes(request).total == 21);
    request.search.filters["organisatie"] = {"cibg"};
    CHECK(searcher.changes(request).total == 0);
}

TEST_CASE("a removed entry passes the filters and text it matched, and not others") {
    Searcher searcher = history_searcher();
    ChangesRequest request = range("2026-06-24", "2026-06-24");
    request.search.filters["organisatie"] = {"cibg"};
    ChangesPage page = searcher.changes(request);
    CHECK(ids_of(page, ChangeKind::removed) == std::set<std::string>{removed_id});
    CHECK(ids_of(page, ChangeKind::added) == std::set<std::string>{registered_again_id});

    // AND across facets: the removed entry was in use, not in development.
    request.search.filters["status"] = {"in_gebruik"};
    CHECK(searcher.changes(request).total == 2);
    request.search.filters["status"] = {"ontwikkeling"};
    CHECK(searcher.changes(request).total == 0);
    // OR within a facet.
    request.search.filters["status"] = {"ontwikkeling", "in_gebruik"};
    CHECK(searcher.changes(request).total == 2);

    // Text: every word must occur (stemmed: "herregistraties" finds "herregistratie").
    ChangesRequest text = range("2026-06-24", "2026-06-24");
    text.search.text = "selectiemodel herregistraties";
    page = searcher.changes(text);
    CHECK(ids_of(page, ChangeKind::removed) == std::set<std::string>{removed_id});
    CHECK(ids_of(page, ChangeKind::added) == std::set<std::string>{registered_again_id});
    text.search.text = "selectiemodel parkeren";
    CHECK(searcher.changes(text).total == 0);
    text.search.text = "herregistratie -cibg";
    CHECK(searcher.changes(text).total == 0);
    text.search.text = "status:in_gebruik herregistratie";
    CHECK(searcher.changes(text).total == 2);
}

TEST_CASE("kinds select events; since and until bound the range inclusively") {
    Searcher searcher = history_searcher();
    ChangesRequest removed_only = range("", "");
    removed_only.kinds = {ChangeKind::removed};
    const ChangesPage all_removed = searcher.changes(removed_only);
    CHECK(all_removed.total == 1); // the only removal in the fixture history
    REQUIRE(all_removed.items.size() == 1);
    CHECK(all_removed.items.front().event.id == removed_id);

    removed_only.since = "2026-06-25";
    CHECK(searcher.changes(removed_only).total == 0);
    removed_only.since = "";
    removed_only.until = "2026-06-23";
    CHECK(searcher.changes(removed_only).total == 0);

    // Newest first across revisions.
    const ChangesPage july = searcher.changes(range("2026-07-01", "2026-07-31"));
    REQUIRE(july.items.size() > 2);
    CHECK(std::is_sorted(july.items.begin(), july.items.end(),
                         [](const ChangeItem& a, const ChangeItem& b) {
                             return a.event.sequence > b.event.sequence;
                         }));
    CHECK(july.items.front().event.date <= "2026-07-31");
    CHECK(july.items.back().event.date >= "2026-07-01");
}

TEST_CASE("paging is clamped, never refused") {
    Searcher searcher = history_searcher();
    ChangesRequest request = range("2026-06-19", "2026-06-19");
    request.page_size = 10;
    request.page = 2;
    const ChangesPage second = searcher.changes(request);
    REQUIRE(second.total == 27);
    CHECK(second.items.size() == 10);
    CHECK_FALSE(second.page_clamped);

    request.page = 99;
    const ChangesPage past_end = searcher.changes(request);
    CHECK(past_end.page == 3);
    CHECK(past_end.items.size() == 7);
    CHECK(past_end.page_clamped);

    request.page = 0;
    request.page_size = 100'000;
    const ChangesPage big = searcher.changes(request);
    CHECK(big.page == 1);
    CHECK(big.page_size == max_changes_page_size);
    CHECK(big.items.size() == 27);
    CHECK(big.page_clamped);
}

TEST_CASE("bad dates and unknown facets are BadRequest naming the parameter") {
    Searcher searcher = history_searcher();
    auto parameter_of = [&](const ChangesRequest& r) {
        try {
            (void)searcher.changes(r);
        } catch (const BadRequest& e) {
            return e.parameter();
        }
        return std::string("(accepted)");
    };
    CHECK(parameter_of(range("2026-13-01", "")) == "since");
    CHECK(parameter_of(range("", "2026-02-30")) == "until");
    CHECK(parameter_of(range("24-06-2026", "")) == "since");
    CHECK(parameter_of(range("2026-06-25", "2026-06-24")) == "until");
    ChangesRequest unknown_facet = range("", "");
    unknown_facet.search.filters["kleur"] = {"blauw"};
    CHECK(parameter_of(unknown_facet) != "(accepted)");
    CHECK(parameter_of(range("2024-02-29", "2026-06-24")) == "(accepted)");
    CHECK_THROWS_AS(check_date_parameter("as_of", "2026-6-24"), BadRequest);
}

TEST_CASE("history of a changed entry, of the removed one, and of an unknown id") {
    Searcher searcher = history_searcher();
    const auto renamed = searcher.history("12535125");
    REQUIRE(renamed.size() >= 2);
    CHECK(renamed.front().kind == ChangeKind::added);
    CHECK(renamed.front().date == "2026-05-13");
    const auto rename = std::find_if(renamed.begin(), renamed.end(),
                                     [](const EntryEvent& e) { return e.date == "2026-06-19"; });
    REQUIRE(rename != renamed.end());
    CHECK(rename->kind == ChangeKind::changed);
    CHECK(std::is_sorted(
        renamed.begin(), renamed.end(),
        [](const EntryEvent& a, const EntryEvent& b) { return a.sequence < b.sequence; }));

    const auto removed = searcher.history(removed_id);
    REQUIRE(!removed.empty());
    CHECK(removed.front().kind == ChangeKind::added);
    CHECK(removed.back().kind == ChangeKind::removed);
    CHECK(removed.back().date == "2026-06-24");
    CHECK_THROWS_AS((void)searcher.find(removed_id), NotFound);
    const auto last = searcher.removed_record(removed_id);
    REQUIRE(last.has_value());
    CHECK(last->name == "Selectiemodel BIG herregistratie");

    CHECK_THROWS_AS((void)searcher.history("00000000"), NotFound);
    CHECK_FALSE(searcher.removed_record("00000000").has_value());
}

TEST_CASE("the change list as JSON") {
    Searcher searcher = history_searcher();
    ChangesRequest request = range("2026-06-24", "2026-06-24");
    request.kinds = {ChangeKind::removed};
    const nlohmann::json j = searcher.changes(request);
    CHECK(j.at("total") == 1);
    const auto& item = j.at("items").at(0);
    CHECK(item.at("kind") == "verwijderd");
    CHECK(item.at("id") == removed_id);
    CHECK(item.at("in_register") == false);
    CHECK(item.at("organisation") == "CIBG");
    CHECK(j.at("revisions").at(0).at("date") == "2026-06-24");
    CHECK_FALSE(j.contains("page_clamped"));
}
