// The history model on real records: what counts as a change, how revisions are stored and read
// back, and how the register is reconstructed for a past date.
#include "indexer/normalise.h"
#include "search/errors.h"
#include "search/history.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using algreg::search::AlgorithmRecord;
using algreg::search::ChangeKind;
using algreg::search::diff_records;
using algreg::search::HistoryLog;
using algreg::search::Revision;
using algreg::testing::fixture;
using algreg::testing::read_file;
using nlohmann::json;

namespace {

/// One line of register-history.jsonl.
struct HistoryLine {
    std::string fetched_at;
    std::map<std::string, json> upserts;
    std::vector<std::string> removed;
};

const std::vector<HistoryLine>& history_lines() {
    static const std::vector<HistoryLine> lines = [] {
        std::vector<HistoryLine> out;
        std::istringstream in(read_file(fixture("register-history.jsonl")));
        std::string text;
        while (std::getline(in, text)) {
            const json j = json::parse(text);
            HistoryLine line;
            line.fetched_at = j.at("fetched_at").get<std::string>();
            for (const auto& u : j.at("upserts")) {
                line.upserts.emplace(u.at("id").get<std::string>(), u);
            }
            line.removed = j.at("removed").get<std::vector<std::string>>();
            out.push_back(std::move(line));
        }
        return out;
    }();
    return lines;
}

/// The raw listing entry `id` as the history knows it after line `line` (0-based), or null.
json raw_after(std::size_t line, const std::string& id) {
    json found;
    for (std::size_t i = 0; i <= line; ++i) {
        const auto& l = history_lines()[i];
        if (const auto it = l.upserts.find(id); it != l.upserts.end()) {
            found = it->second;
        }
        for (const auto& r : l.removed) {
            if (r == id) {
                found = json();
            }
        }
    }
    return found;
}

AlgorithmRecord normalised(const json& raw) {
    algreg::indexer::SourceRecord source;
    source.value = raw;
    source.raw = raw.dump();
    auto n = algreg::indexer::normalise(source, algreg::indexer::InputFormat::listing);
    REQUIRE(n.record.has_value());
    return *n.record;
}

/// The 0-based history line with this fetched_at date prefix.
std::size_t line_of(const std::string& date) {
    for (std::size_t i = 0; i < history_lines().size(); ++i) {
        if (history_lines()[i].fetched_at.starts_with(date)) {
            return i;
        }
    }
    FAIL("no history line on " << date);
    return 0;
}

/// Ids whose organisation differs between the line before `line` and `line`.
std::vector<std::string> renamed_on(std::size_t line) {
    std::vector<std::string> out;
    for (const auto& [id, raw] : history_lines()[line].upserts) {
        const json before = raw_after(line - 1, id);
        if (!before.is_null() && before.value("organisatie", "") != raw.value("organisatie", "")) {
            out.push_back(id);
        }
    }
    return out;
}

} // namespace

TEST_CASE("history: an organisation rename is one change of field organization") {
    const std::size_t line = line_of("2026-06-19");
    const auto renamed = renamed_on(line);
    REQUIRE(renamed.size() == 21);
    for (const auto& id : renamed) {
        CAPTURE(id);
        const json old_raw = raw_after(line - 1, id);
        const json new_raw = raw_after(line, id);
        const auto fields = diff_records(normalised(old_raw), normalised(new_raw));
        REQUIRE(!fields.empty());
        CHECK(fields.front().field == "organization");
        CHECK(fields.front().before == old_raw["organisatie"]);
        CHECK(fields.front().after == new_raw["organisatie"]);
        for (const auto& f : fields) {
            // The organisation type is derived from the name; nothing else may differ.
            CHECK((f.field == "organization" || f.field == "organization_type"));
        }
    }
}

TEST_CASE("history: a listing format change alone is no content change") {
    // On 2026-06-08 19:40 the listing gained `toegevoegd` and short register URLs: every record
    // is re-upserted and serialises differently, but says the same.
    const std::size_t line = 3;
    REQUIRE(history_lines()[line].upserts.size() > 1000);
    std::size_t differing = 0;
    for (const auto& [id, raw] : history_lines()[line].upserts) {
        const json before = raw_after(line - 1, id);
        if (before.is_null()) {
            continue;
        }
        const AlgorithmRecord a = normalised(before);
        const AlgorithmRecord b = normalised(raw);
        differing += a == b ? 0 : 1;
        CAPTURE(id);
        CHECK(diff_records(a, b).empty());
    }
    CHECK(differing > 1000); // the stored data do differ: `added` is new
}

TEST_CASE("history: a new publication date alone is a change") {
    // 2026-06-24: entry 59917797 is removed and one entry gets only a new `geregistreerd`.
    const std::size_t line = line_of("2026-06-24");
    std::size_t dated = 0;
    for (const auto& [id, raw] : history_lines()[line].upserts) {
        const json before = raw_after(line - 1, id);
        if (before.is_null() ||
            before.value("geregistreerd", "") == raw.value("geregistreerd", "")) {
            continue;
        }
        ++dated;
        const auto fields = diff_records(normalised(before), normalised(raw));
        REQUIRE(!fields.empty());
        CHECK(fields.back().field == "changed");
        CHECK(fields.back().before == before["geregistreerd"]);
        CHECK(fields.back().after == raw["geregistreerd"]);
    }
    CHECK(dated == 1);
}

TEST_CASE("history: change kinds have their Dutch names both ways") {
    for (const auto kind : {ChangeKind::added, ChangeKind::changed, ChangeKind::removed}) {
        CHECK(algreg::search::parse_change_kind(algreg::search::to_string(kind)) == kind);
    }
    CHECK(algreg::search::to_string(ChangeKind::removed) == "verwijderd");
    CHECK_FALSE(algreg::search::parse_change_kind("removed").has_value());
    CHECK(algreg::search::revision_metadata_key(42) == "algreg:revision:000042");
}

namespace {

/// A small three-revision history of real entries, written as the indexer writes it.
struct SmallHistory {
    algreg::testing::TempDir dir;
    std::string path = dir.file("index");
    std::string rename_id;
    std::string removed_id = "59917797";
    AlgorithmRecord renamed_before;
    AlgorithmRecord renamed_after;
    AlgorithmRecord removed;
    AlgorithmRecord other;

    SmallHistory() {
        rename_id = renamed_on(line_of("2026-06-19")).front();
        renamed_before = normalised(raw_after(line_of("2026-06-19") - 1, rename_id));
        renamed_after = normalised(raw_after(line_of("2026-06-19"), rename_id));
        removed = normalised(raw_after(line_of("2026-06-24") - 1, removed_id));
        other = normalised(history_lines()[0].upserts.begin()->second);

        Revision first;
        first.sequence = 1;
        first.date = "2026-05-13";
        first.timestamp = "2026-05-13T14:57:46Z";
        first.inputs = {"register-history.jsonl"};
        first.entries = 3;
        first.added = {other.id, rename_id, removed_id};
        std::sort(first.added.begin(), first.added.end());

        Revision second;
        second.sequence = 2;
        second.date = "2026-06-19";
        second.timestamp = "2026-06-19T08:06:02Z";
        second.entries = 3;
        second.changed = {{rename_id, diff_records(renamed_before, renamed_after)}};

        Revision third;
        third.sequence = 3;
        third.date = "2026-06-24";
        third.timestamp = "2026-06-24T07:23:39Z";
        third.entries = 2;
        third.removed = {removed};

        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        for (const auto& r : {first, second, third}) {
            db.set_metadata(algreg::search::revision_metadata_key(r.sequence), json(r).dump());
        }
        db.set_metadata(std::string(algreg::search::metadata_last_revision), "3");
        db.commit();
    }

    [[nodiscard]] std::vector<AlgorithmRecord> current() const { return {other, renamed_after}; }
};

std::vector<std::string> ids(const std::vector<AlgorithmRecord>& records) {
    std::vector<std::string> out;
    for (const auto& r : records) {
        out.push_back(r.id);
    }
    return out;
}

} // namespace

TEST_CASE("history: revisions survive storage and are read back in order") {
    const SmallHistory h;
    const auto log = HistoryLog::load(Xapian::Database(h.path));
    REQUIRE(log.revisions().size() == 3);
    CHECK(log.last_date() == "2026-06-24");
    CHECK(log.revisions()[2].removed.front() == h.removed); // the whole record, every field

    const auto summaries = log.summaries();
    CHECK(summaries[0].added == 0); // the baseline: its 3 entries are not additions
    CHECK(summaries[0].entries == 3);
    CHECK(summaries[0].baseline);
    CHECK(json(summaries[0])["baseline"] == true);
    CHECK_FALSE(json(summaries[1]).contains("baseline"));
    CHECK(summaries[1].changed == 1);
    CHECK(summaries[2].removed == 1);
    CHECK(summaries[2].entries == 2);
    CHECK(json(summaries[2])["date"] == "2026-06-24");

    const auto events = log.entry_events(h.rename_id);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == ChangeKind::added);
    CHECK(events[1].kind == ChangeKind::changed);
    CHECK(events[1].date == "2026-06-19");
    CHECK(events[1].fields.front().after == h.renamed_after.organization);
    CHECK(log.entry_events("00000000").empty());

    // Newest first; within a revision removed, changed, added. The first revision loaded every
    // entry into an empty index: the baseline, not three additions (docs/history.md).
    const auto all = log.events("", "");
    REQUIRE(all.size() == 2);
    CHECK(all[0].kind == ChangeKind::removed);
    CHECK(all[0].id == h.removed_id);
    CHECK(all[1].kind == ChangeKind::changed);
    CHECK(log.events("2026-06-19", "2026-06-19").size() == 1);
    CHECK(log.events("2026-06-20", "").size() == 1);
    CHECK(log.events("", "2026-05-13").empty());
    CHECK(log.summaries().front().baseline);

    REQUIRE(log.removed_record(h.removed_id) != nullptr);
    CHECK(log.removed_record(h.removed_id)->name == h.removed.name);
    CHECK(log.removed_record(h.rename_id) == nullptr);
}

TEST_CASE("history: the register as it was on a past day") {
    const SmallHistory h;
    const auto log = HistoryLog::load(Xapian::Database(h.path));
    std::map<std::string, std::string> removed_since;

    const auto day_before_removal = log.records_as_of(h.current(), "2026-06-23", &removed_since);
    CHECK(ids(day_before_removal).size() == 3);
    CHECK(removed_since == std::map<std::string, std::string>{{h.removed_id, "2026-06-24"}});

    const auto before_rename = log.records_as_of(h.current(), "2026-06-18", &removed_since);
    for (const auto& r : before_rename) {
        if (r.id == h.rename_id) {
            CHECK(r.organization == h.renamed_before.organization);
            CHECK(r.organization_type == h.renamed_before.organization_type);
        }
    }

    const auto today = log.records_as_of(h.current(), "2026-08-08", &removed_since);
    CHECK(today == h.current());
    CHECK(removed_since.empty());

    CHECK(log.records_as_of(h.current(), "2026-05-12").empty());
}

TEST_CASE("history: a damaged revision key is reported by name") {
    algreg::testing::TempDir dir;
    const std::string path = dir.file("index");
    {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        db.set_metadata(std::string(algreg::search::metadata_last_revision), "2");
        db.set_metadata(algreg::search::revision_metadata_key(1), "{\"sequence\":1,");
        db.commit();
    }
    CHECK_THROWS_WITH_AS((void)HistoryLog::load(Xapian::Database(path)),
                         doctest::Contains("algreg:revision:000001"),
                         algreg::search::IndexUnavailableError);
    {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        Revision first;
        first.sequence = 1;
        first.date = "2026-05-13";
        first.timestamp = "2026-05-13T00:00:00Z";
        db.set_metadata(algreg::search::revision_metadata_key(1), json(first).dump());
        db.commit();
    }
    CHECK_THROWS_WITH_AS((void)HistoryLog::load(Xapian::Database(path)),
                         doctest::Contains("algreg:revision:000002"),
                         algreg::search::IndexUnavailableError);
    {
        Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
        db.set_metadata(std::string(algreg::search::metadata_last_revision), "x2");
        db.commit();
    }
    CHECK_THROWS_WITH_AS((void)HistoryLog::load(Xapian::Database(path)),
                         doctest::Contains("algreg:revision:last"),
                         algreg::search::IndexUnavailableError);
}

TEST_CASE("history: an index without history has an empty log") {
    algreg::testing::TempDir dir;
    const std::string path = dir.file("index");
    { Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN); }
    const auto log = HistoryLog::load(Xapian::Database(path));
    CHECK(log.empty());
    CHECK(log.last_date().empty());
    CHECK(log.events("", "").empty());
}
