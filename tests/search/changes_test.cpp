// Searcher::changes and Searcher::history on the real history: an index replayed from
// fixtures/register-history.jsonl (38 daily snapshots, 2026-05-13 to 2026-08-08). Known events:
// on 2026-06-19 "Stichting Inlichtingenbureau" was renamed "Stichting Bureau Informatiediensten
// Nederland" in 21 entries (and 6 entries were added); on 2026-06-24 entry 59917797
// "Selectiemodel BIG herregistratie" (CIBG) was removed and registered again as 53819778.
#include "search/changes.h"
#include "search/errors.h"
#include "search/facet_terms.h"
#include "search/risk_profile.h"
#include "search/schema.h"
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

/// The record an event is filtered on: the entry as it is in the register now, or the last
/// record of an entry that is not.
AlgorithmRecord record_of(Searcher& searcher, const ChangeItem& item) {
    if (item.in_register) {
        return searcher.find(item.event.id);
    }
    const auto last = searcher.removed_record(item.event.id);
    REQUIRE(last.has_value());
    return *last;
}

/// The events (by sequence) of `page` whose record satisfies `keep`.
template <typename Keep>
std::set<std::uint32_t> sequences_where(Searcher& searcher, const ChangesPage& page, Keep keep) {
    std::set<std::uint32_t> out;
    for (const auto& item : page.items) {
        if (keep(record_of(searcher, item))) {
            out.insert(item.event.sequence);
        }
    }
    return out;
}

std::set<std::uint32_t> sequences(const ChangesPage& page) {
    std::set<std::uint32_t> out;
    for (const auto& item : page.items) {
        out.insert(item.event.sequence);
    }
    return out;
}

bool has_facet_term(const AlgorithmRecord& r, const Facet& facet, std::string_view value) {
    const auto terms = facet_terms(r);
    return std::find(terms.begin(), terms.end(), std::string(facet.prefix).append(value)) !=
           terms.end();
}

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

TEST_CASE("risicoprofiel and kenmerk narrow the changes to profiling entries, removed ones too, "
          "and combine with the DPIA/IAMA facet") {
    Searcher searcher = history_searcher();
    const ChangesPage all = searcher.changes(range("", ""));
    REQUIRE(all.total == all.items.size()); // one page holds the whole fixture history

    ChangesRequest profiles = range("", "");
    profiles.search.filters["risicoprofiel"] = {"ja"};
    const ChangesPage page = searcher.changes(profiles);
    // Exactly the events of entries whose stored evidence says they profile persons.
    CHECK(sequences(page) == sequences_where(searcher, all, [](const AlgorithmRecord& r) {
              return is_risk_profile(r);
          }));
    CHECK(page.total > 0);
    CHECK(page.total < all.total);
    // "Selectiemodel BIG herregistratie" selects professionals for re-registration checks; it
    // is no longer in the register and passes on its last record.
    CHECK(ids_of(page, ChangeKind::removed) == std::set<std::string>{removed_id});
    CHECK(ids_of(page, ChangeKind::added).contains(registered_again_id));
    profiles.search.filters["risicoprofiel"] = {"nee"};
    const ChangesPage others = searcher.changes(profiles);
    CHECK(page.total + others.total == all.total);
    CHECK(ids_of(others, ChangeKind::removed).empty());

    // Every characteristic: exactly the events of entries whose evidence names it.
    std::size_t with_characteristic = 0;
    for (const auto c : characteristics) {
        CAPTURE(c);
        ChangesRequest request = range("", "");
        request.search.filters["kenmerk"] = {std::string(c)};
        const ChangesPage named = searcher.changes(request);
        CHECK(sequences(named) == sequences_where(searcher, all, [&](const AlgorithmRecord& r) {
                  const auto found = characteristics_of(r);
                  return std::find(found.begin(), found.end(), c) != found.end();
              }));
        with_characteristic += named.total;
    }
    CHECK(with_characteristic > 0);

    // Combined with impacttoets (AND across facets): profiles whose IAMA is not known.
    ChangesRequest combined = range("", "");
    combined.search.filters["risicoprofiel"] = {"ja"};
    combined.search.filters["impacttoets"] = {"iama-onbekend"};
    const ChangesPage unknown_iama = searcher.changes(combined);
    CHECK(sequences(unknown_iama) == sequences_where(searcher, all, [](const AlgorithmRecord& r) {
              return is_risk_profile(r) && has_facet_term(r, facet::assessment, "iama-onbekend");
          }));
    CHECK(ids_of(unknown_iama, ChangeKind::removed) == std::set<std::string>{removed_id});
    // "Without an IAMA" as the Risicoprofielen page links it: every profile in this history.
    combined.search.filters["impacttoets"] = {"iama-niet-uitgevoerd", "iama-onbekend",
                                              "iama-niet-vermeld"};
    CHECK(sequences(searcher.changes(combined)) == sequences(page));
    // No entry of this history has an IAMA done: a value the index lacks matches nothing, in
    // the register and among removed entries, and is named in a warning (as in a search).
    combined.search.filters["impacttoets"] = {"iama-uitgevoerd"};
    const ChangesPage done = searcher.changes(combined);
    CHECK(done.total == 0);
    CHECK(done.warnings.size() == 1);
    combined.search.filters.erase("risicoprofiel");
    CHECK(searcher.changes(combined).total == 0);
}
