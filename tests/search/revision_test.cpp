// A new index revision is picked up without a restart; revision data is shared and rebuilt per
// revision.
#include "indexer/run_index.h"
#include "search/revision.h"
#include "search/searcher.h"
#include "tests/support/fixture_index.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using algreg::search::Searcher;
using algreg::search::SearchRequest;
using algreg::testing::fixture;
using algreg::testing::read_file;
using algreg::testing::TempDir;
using algreg::testing::write_file;

namespace {

SearchRequest text(const std::string& q) {
    SearchRequest r;
    r.text = q;
    return r;
}

/// Indexes `inputs` into `db` (upsert: only adds and changes).
void index(const std::string& db, const std::vector<std::string>& inputs, bool upsert) {
    algreg::indexer::IndexOptions options;
    options.inputs = inputs;
    options.db_path = db;
    options.upsert = upsert;
    options.quiet = true;
    std::ostringstream log;
    (void)algreg::indexer::run_index(options, log);
}

/// A listing file with one entry of the real listing, renamed.
std::string one_entry_listing(const std::string& new_title) {
    auto listing = nlohmann::json::parse(read_file(fixture("register-2026-08-08.json")));
    auto entry = listing["algoritmes"][0];
    entry["title"] = new_title;
    listing["algoritmes"] = nlohmann::json::array({entry});
    listing["count"] = 1;
    return listing.dump();
}

} // namespace

TEST_CASE("a searcher picks up a new revision without a restart") {
    TempDir dir;
    const std::string db = dir.file("index");
    index(db, {fixture("register-2026-08-08.json")}, false);

    Searcher searcher(db);
    const auto first_revision = searcher.revision();
    CHECK(searcher.search(text("kwartelkoning")).total == 0);
    const auto before = searcher.search(text("")).total;
    // Show the entry that will change, so its parsed record sits in the searcher's cache.
    const std::string changing_id = nlohmann::json::parse(
        read_file(fixture("register-2026-08-08.json")))["algoritmes"][0]["id"];
    const std::string old_name = searcher.find(changing_id).name;
    SearchRequest by_id = text(old_name);
    by_id.page_size = 100;
    bool shown = false;
    for (const auto& h : searcher.search(by_id).hits) {
        shown = shown || h.id == changing_id;
    }
    CHECK(shown);

    write_file(dir.file("update.json"), one_entry_listing("Kwartelkoning telmodel"));
    index(db, {dir.file("update.json")}, true);
    const auto result = searcher.search(text("kwartelkoning"));
    REQUIRE(result.total == 1);
    // The same document (replaced in place) shows its new text, not a cached old one.
    CHECK(result.hits[0].id == changing_id);
    CHECK(result.hits[0].name == "Kwartelkoning telmodel");
    CHECK(result.revision > first_revision);
    CHECK(searcher.revision() == result.revision);
    // The vocabulary was rebuilt for the new revision: suggestions know the word.
    CHECK_FALSE(searcher.suggest("kwartel", 5).terms.empty());

    // Two more commits while the searcher idles: its old snapshot is gone, the next call reopens.
    write_file(dir.file("update2.json"), one_entry_listing("Grutto telmodel"));
    index(db, {dir.file("update2.json")}, true);
    write_file(dir.file("update3.json"), one_entry_listing("Tureluur telmodel"));
    index(db, {dir.file("update3.json")}, true);
    const auto latest = searcher.search(text("tureluur"));
    REQUIRE(latest.total == 1);
    CHECK(latest.hits[0].name == "Tureluur telmodel");
    CHECK(searcher.search(text("kwartelkoning")).total == 0);
    CHECK(searcher.search(text("")).total == before);
}

TEST_CASE("searchers share one revision's data through a cache") {
    auto cache = std::make_shared<algreg::search::RevisionCache>();
    Xapian::Database db(algreg::testing::fixture_index().path());
    const auto a = cache->get(db);
    const auto b = cache->get(db);
    CHECK(a.get() == b.get());
    CHECK(a->key == algreg::search::revision_key(db));
    CHECK(a->doc_count == db.get_doccount());
    CHECK(a->titles.size() == db.get_doccount());
}
