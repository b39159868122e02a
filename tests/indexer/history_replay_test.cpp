// The history the indexer records, on the real register's 38 daily snapshots: one revision per
// snapshot with the day's count, the real removals, renames and edits found field by field, the
// format-change days not mistaken for mass edits, replay and refusal rules, and atomicity.
#include "indexer/run_index.h"
#include "search/errors.h"
#include "search/history.h"
#include "tests/support/fixtures.h"
#include "tests/support/history_index.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <xapian.h>

using algreg::search::AlgorithmRecord;
using algreg::search::ChangeKind;
using algreg::search::HistoryLog;
using algreg::search::Revision;
using algreg::testing::fixture;
using algreg::testing::history_index_path;
using algreg::testing::read_file;
using algreg::testing::TempDir;
using algreg::testing::write_file;
using nlohmann::json;

namespace {

std::vector<std::string> history_file_lines() {
    std::vector<std::string> out;
    std::istringstream in(read_file(fixture("register-history.jsonl")));
    std::string line;
    while (std::getline(in, line)) {
        out.push_back(line);
    }
    return out;
}

/// The history file's lines, parsed.
const std::vector<json>& raw_lines() {
    static const std::vector<json> lines = [] {
        std::vector<json> out;
        for (const auto& line : history_file_lines()) {
            out.push_back(json::parse(line));
        }
        return out;
    }();
    return lines;
}

/// The raw listing entry per id after each line (0-based), as the data file says.
std::vector<std::map<std::string, json>> raw_states() {
    std::vector<std::map<std::string, json>> out;
    std::map<std::string, json> state;
    for (const auto& line : raw_lines()) {
        for (const auto& u : line["upserts"]) {
            state[u["id"].get<std::string>()] = u;
        }
        for (const auto& id : line["removed"]) {
            state.erase(id.get<std::string>());
        }
        out.push_back(state);
    }
    return out;
}

/// Ids whose raw field `key` differs from the line before, per revision date.
std::set<std::pair<std::string, std::string>> raw_edits(const std::string& key) {
    std::set<std::pair<std::string, std::string>> out;
    const auto states = raw_states();
    for (std::size_t i = 1; i < raw_lines().size(); ++i) {
        for (const auto& u : raw_lines()[i]["upserts"]) {
            const auto id = u["id"].get<std::string>();
            const auto before = states[i - 1].find(id);
            if (before != states[i - 1].end() &&
                before->second.value(key, "") != u.value(key, "")) {
                out.emplace(raw_lines()[i]["fetched_at"].get<std::string>().substr(0, 10), id);
            }
        }
    }
    return out;
}

/// (date, id) of every recorded change of `field`.
std::set<std::pair<std::string, std::string>> recorded_edits(const HistoryLog& log,
                                                             const std::string& field) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& r : log.revisions()) {
        for (const auto& c : r.changed) {
            for (const auto& f : c.fields) {
                if (f.field == field) {
                    out.emplace(r.date, c.id);
                }
            }
        }
    }
    return out;
}

const HistoryLog& history() {
    static const HistoryLog log = HistoryLog::load(Xapian::Database(history_index_path()));
    return log;
}

const Revision& revision_at(const std::string& timestamp) {
    for (const auto& r : history().revisions()) {
        if (r.timestamp == timestamp) {
            return r;
        }
    }
    FAIL("no revision at " << timestamp);
    throw std::logic_error("unreachable");
}

/// Every record in the index now.
std::vector<AlgorithmRecord> current_records(const std::string& path) {
    std::vector<AlgorithmRecord> out;
    const Xapian::Database db(path);
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        out.push_back(json::parse(db.get_document(*p).get_data()).get<AlgorithmRecord>());
    }
    return out;
}

/// Writes the first `lines` lines of the history file to `path`.
void history_prefix(const std::string& path, std::size_t lines) {
    std::string text;
    const auto all = history_file_lines();
    for (std::size_t i = 0; i < lines; ++i) {
        text += all[i] + "\n";
    }
    write_file(path, text);
}

algreg::indexer::IndexSummary index(const std::vector<std::string>& inputs, const std::string& db) {
    algreg::indexer::IndexOptions options;
    options.inputs = inputs;
    options.db_path = db;
    options.quiet = true;
    std::ostringstream log;
    return algreg::indexer::run_index(options, log);
}

struct CliResult {
    int status;
    std::string out;
    std::string err;
};

CliResult run_cli(const std::string& args) {
    TempDir dir;
    const std::string command =
        std::string(ALGREG_BINARY) + " " + args + " >" + dir.file("out") + " 2>" + dir.file("err");
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir.file("out")),
            read_file(dir.file("err"))};
}

/// The 2026-08-08 listing with another fetched_at.
std::string listing_fetched_at(const TempDir& dir, const std::string& fetched_at) {
    auto listing = json::parse(read_file(fixture("register-2026-08-08.json")));
    listing["fetched_at"] = fetched_at;
    const std::string path = dir.file("listing-" + fetched_at.substr(0, 10) + ".json");
    write_file(path, listing.dump());
    return path;
}

} // namespace

TEST_CASE("replaying the history records one revision per snapshot, with that day's count") {
    const auto& log = history();
    REQUIRE(log.revisions().size() == raw_lines().size());
    for (std::size_t i = 0; i < raw_lines().size(); ++i) {
        const auto& line = raw_lines()[i];
        const auto& r = log.revisions()[i];
        CAPTURE(i + 1);
        CHECK(r.sequence == i + 1);
        CHECK(r.timestamp == line["fetched_at"].get<std::string>());
        CHECK(r.date == r.timestamp.substr(0, 10));
        CHECK(r.entries == line["count"].get<std::size_t>());
        CHECK(r.inputs == std::vector<std::string>{"register-history.jsonl"});
    }
    CHECK(log.last_date() == "2026-08-08");
    CHECK(Xapian::Database(history_index_path()).get_doccount() == 1530);
}

TEST_CASE("the register as it was on each day has that day's entries") {
    const auto current = current_records(history_index_path());
    // The last line of each date is the register at the end of that day.
    std::map<std::string, std::size_t> count_on;
    for (const auto& line : raw_lines()) {
        count_on[line["fetched_at"].get<std::string>().substr(0, 10)] =
            line["count"].get<std::size_t>();
    }
    for (const auto& [date, count] : count_on) {
        CAPTURE(date);
        CHECK(history().records_as_of(current, date).size() == count);
    }
    CHECK(history().records_as_of(current, "2026-05-12").empty());
}

TEST_CASE("entry 59917797 was removed on 2026-06-24 and its last record is kept") {
    const auto& removal = revision_at("2026-06-24T07:23:39Z");
    REQUIRE(removal.removed.size() == 1);
    const AlgorithmRecord& last = removal.removed.front();
    CHECK(last.id == "59917797");
    const auto before = raw_states()[13].at("59917797"); // line 14: the day before
    CHECK(last.name == before["title"].get<std::string>());
    CHECK(last.organization == before["organisatie"].get<std::string>());
    REQUIRE(history().removed_record("59917797") != nullptr);
    CHECK(*history().removed_record("59917797") == last);

    const auto events = history().entry_events("59917797");
    REQUIRE(!events.empty());
    CHECK(events.back().kind == ChangeKind::removed);
    CHECK(events.back().date == "2026-06-24");

    const auto current = current_records(history_index_path());
    std::map<std::string, std::string> removed_since;
    const auto as_of = history().records_as_of(current, "2026-06-23", &removed_since);
    CHECK(std::any_of(as_of.begin(), as_of.end(),
                      [&](const AlgorithmRecord& r) { return r.id == "59917797" && r == last; }));
    CHECK(removed_since == std::map<std::string, std::string>{{"59917797", "2026-06-24"}});
    const auto after = history().records_as_of(current, "2026-06-24", &removed_since);
    CHECK(std::none_of(after.begin(), after.end(),
                       [](const AlgorithmRecord& r) { return r.id == "59917797"; }));
    CHECK(removed_since.empty());
}

TEST_CASE("the 2026-06-19 organisation rename changed 21 entries, field organization") {
    const auto& rename = revision_at("2026-06-19T08:06:02Z");
    const auto renamed = raw_edits("organisatie");
    std::set<std::string> renamed_that_day;
    for (const auto& [date, id] : renamed) {
        if (date == "2026-06-19") {
            renamed_that_day.insert(id);
        }
    }
    CHECK(renamed_that_day.size() == 21);
    REQUIRE(rename.changed.size() == 21);
    const auto states = raw_states();
    for (const auto& change : rename.changed) {
        CAPTURE(change.id);
        CHECK(renamed_that_day.contains(change.id));
        const auto& organization = change.fields.front();
        CHECK(organization.field == "organization");
        CHECK(organization.before == states[10].at(change.id)["organisatie"]);
        CHECK(organization.after == states[11].at(change.id)["organisatie"]);
    }
    CHECK(rename.added.size() == 6); // 1470 -> 1476 entries
}

TEST_CASE("edits of goal and legal basis are found where the data has them") {
    const auto goals = raw_edits("doel");
    const auto bases = raw_edits("juridische_basis");
    CHECK(recorded_edits(history(), "goal") == goals);
    CHECK(recorded_edits(history(), "lawful_basis") == bases);
    // Two of them, checked by hand in the data file.
    CHECK(goals.contains({"2026-06-08", "66827551"}));
    CHECK(bases.contains({"2026-06-22", "67253382"}));
    const auto events = history().entry_events("67253382");
    const auto edit = std::find_if(events.begin(), events.end(), [](const auto& e) {
        return e.kind == ChangeKind::changed && e.date == "2026-06-22";
    });
    REQUIRE(edit != events.end());
    std::set<std::string> fields;
    for (const auto& f : edit->fields) {
        fields.insert(f.field);
    }
    CHECK(fields.contains("goal"));
    CHECK(fields.contains("lawful_basis"));
}

TEST_CASE("the two listing-format days are not mass changes") {
    // 2026-06-08 19:40: every entry re-upserted with the new `toegevoegd` and short register
    // URLs; neither is content. No change at all.
    const auto& format1 = revision_at("2026-06-08T19:40:28Z");
    CHECK(raw_lines()[3]["upserts"].size() == 1459);
    CHECK(format1.changed.empty());
    CHECK(format1.added.empty());
    CHECK(format1.removed.empty());

    // 2026-06-09: `laatst_gewijzigd` renamed to `geregistreerd` (same dates, so no change), and
    // the new value `Nee` for impactassessment replaces `Ja` for 21 entries: those 21 are the
    // changes, each of that field and of the assessment model derived from it
    // (docs/assessments.md §3: "Soort onbekend" uitgevoerd -> niet uitgevoerd); plus the day's
    // one new entry.
    const auto& format2 = revision_at("2026-06-09T18:05:03Z");
    CHECK(raw_lines()[4]["upserts"].size() == 1460);
    CHECK(format2.changed.size() == 21);
    CHECK(format2.added.size() == 1);
    for (const auto& change : format2.changed) {
        CAPTURE(change.id);
        REQUIRE(change.fields.size() == 2);
        std::vector<std::string> names;
        for (const auto& field : change.fields) {
            names.push_back(field.field);
            if (field.field == "impactassessment") {
                CHECK(field.before == "Ja");
                CHECK(field.after == "Nee");
            }
        }
        std::sort(names.begin(), names.end());
        CHECK(names == std::vector<std::string>{"assessments", "impactassessment"});
    }
}

TEST_CASE("the replay's summary: one revision per line, the format day's records rewritten") {
    TempDir dir;
    std::ostringstream log;
    const auto summary = run_index(algreg::testing::history_index_options(dir.file("index")), log);
    CHECK(summary.revisions_recorded == raw_lines().size());
    // The format day (2026-06-08) rewrites its records without content change: reported as
    // rewritten, not changed.
    CHECK(summary.changes.rewritten.size() == 1459);
}

TEST_CASE("replaying again adds nothing; a longer history adds only its new lines") {
    TempDir dir;
    history_prefix(dir.file("h14.jsonl"), 14);
    history_prefix(dir.file("h16.jsonl"), 16);
    const auto first = index({dir.file("h14.jsonl")}, dir.file("db"));
    CHECK(first.revisions_recorded == 14);
    const auto again = index({dir.file("h14.jsonl")}, dir.file("db"));
    CHECK(again.revisions_recorded == 0);
    CHECK(again.snapshots_skipped == 14);
    CHECK_FALSE(again.changes.committed);
    CHECK(again.changes.revision == first.changes.revision);
    const auto longer = index({dir.file("h16.jsonl")}, dir.file("db"));
    CHECK(longer.revisions_recorded == 2);
    CHECK(longer.snapshots_skipped == 14);
    CHECK(longer.changes.removed == std::vector<std::string>{"59917797"});
    // Closed and opened again: the whole history is there.
    const auto log = HistoryLog::load(Xapian::Database(dir.file("db")));
    REQUIRE(log.revisions().size() == 16);
    CHECK(log.revisions()[14].removed.front().id == "59917797");
    CHECK(log.revisions()[15].entries == raw_lines()[15]["count"].get<std::size_t>());
}

TEST_CASE("a snapshot older than the newest revision is refused with exit code 5") {
    TempDir dir;
    const std::string db = dir.file("db");
    REQUIRE(
        run_cli("index --quiet --db " + db + " " + fixture("register-2026-08-08.json")).status ==
        0);
    const auto newest = Xapian::Database(db).get_revision();
    const std::string older = listing_fetched_at(dir, "2026-06-01T07:00:00Z");

    const auto refused = run_cli("index --quiet --db " + db + " " + older);
    CHECK(refused.status == 5);
    CHECK(refused.err.find("2026-06-01") != std::string::npos);
    CHECK(refused.err.find("2026-08-08") != std::string::npos);
    CHECK(refused.err.find("--allow-older") != std::string::npos);
    CHECK(Xapian::Database(db).get_revision() == newest);

    // --as-of says how old the snapshot is, whatever the file says.
    const auto as_of = run_cli("index --quiet --db " + db + " --as-of 2026-07-01 " +
                               fixture("register-2026-08-08.json"));
    CHECK(as_of.status == 5);
    CHECK(as_of.err.find("--as-of") != std::string::npos);

    const auto allowed = run_cli("index --quiet --allow-older --db " + db + " " + older);
    CHECK(allowed.status == 0);
    const auto log = HistoryLog::load(Xapian::Database(db));
    REQUIRE(log.revisions().size() == 2);
    CHECK(log.revisions()[1].date == "2026-06-01");
    CHECK(log.revisions()[1].changed.empty()); // same content, only its date is recorded
}

TEST_CASE("--as-of must be a real date or date-time") {
    TempDir dir;
    for (const std::string bad : {"2026-02-30", "yesterday", "2026-08-08T25:00:00Z"}) {
        CAPTURE(bad);
        const auto result = run_cli("index --db " + dir.file("db") + " --as-of " + bad + " " +
                                    fixture("register-2026-08-08.json"));
        CHECK(result.status == 64);
        CHECK(result.err.find("--as-of '" + bad + "'") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("db")));
    history_prefix(dir.file("h2.jsonl"), 2);
    const auto replay =
        run_cli("index --db " + dir.file("db") + " --as-of 2026-08-08 " + dir.file("h2.jsonl"));
    CHECK(replay.status == 64);
    CHECK(replay.err.find("--as-of cannot be used when replaying") != std::string::npos);
}

TEST_CASE("--as-of dates the revision; an input without a date is recorded only when it changes") {
    TempDir dir;
    const std::string db = dir.file("db");
    const std::string ndjson = dir.file("entries.ndjson");
    std::string text;
    const auto states = raw_states();
    for (const auto& [id, raw] : states.front()) {
        text += raw.dump() + "\n";
        if (text.size() > 20'000) {
            break;
        }
    }
    write_file(ndjson, text);
    CHECK(run_cli("index --quiet --db " + db + " --as-of 2026-05-20 " + ndjson).status == 0);
    CHECK(run_cli("index --quiet --db " + db + " " + ndjson).status == 0); // same content
    auto log = HistoryLog::load(Xapian::Database(db));
    REQUIRE(log.revisions().size() == 1);
    CHECK(log.revisions()[0].timestamp == "2026-05-20T00:00:00Z");
    // The same content with a later date is still a day on record.
    CHECK(run_cli("index --quiet --db " + db + " --as-of 2026-05-21T10:00:00+02:00 " + ndjson)
              .status == 0);
    log = HistoryLog::load(Xapian::Database(db));
    REQUIRE(log.revisions().size() == 2);
    CHECK(log.revisions()[1].timestamp == "2026-05-21T08:00:00Z");
    CHECK(log.revisions()[1].added.empty());
}

TEST_CASE("--upsert records a revision of what it added and changed") {
    TempDir dir;
    const std::string db = dir.file("db");
    index({fixture("register-2026-08-08.json")}, db);
    const std::string one = dir.file("one.ndjson");
    const auto states = raw_states();
    auto entry = states.back().at("11234933");
    const std::string old_title = entry["title"];
    entry["title"] = old_title + " (nieuw)";
    write_file(one, entry.dump() + "\n");
    algreg::indexer::IndexOptions options;
    options.inputs = {one};
    options.db_path = db;
    options.upsert = true;
    options.quiet = true;
    std::ostringstream out;
    const auto summary = algreg::indexer::run_index(options, out);
    CHECK(summary.revisions_recorded == 1);
    const auto log = HistoryLog::load(Xapian::Database(db));
    REQUIRE(log.revisions().size() == 2);
    const auto& r = log.revisions()[1];
    CHECK(r.removed.empty());
    CHECK(r.entries == 1530);
    REQUIRE(r.changed.size() == 1);
    CHECK(r.changed[0].id == "11234933");
    CHECK(r.changed[0].fields.front().field == "name");
    CHECK(r.changed[0].fields.front().before == old_title);
}

TEST_CASE("a failing run leaves history and documents untouched") {
    TempDir dir;
    history_prefix(dir.file("h5.jsonl"), 5);
    const auto first = index({dir.file("h5.jsonl")}, dir.file("db"));
    REQUIRE(first.revisions_recorded == 5);
    // Six good lines and then one that is not a change set: nothing of it may be written.
    history_prefix(dir.file("broken.jsonl"), 6);
    write_file(dir.file("broken.jsonl"),
               read_file(dir.file("broken.jsonl")) + "{\"fetched_at\": \"2026-06-13\"}\n");
    CHECK_THROWS_AS(index({dir.file("broken.jsonl")}, dir.file("db")), algreg::search::InputError);
    const Xapian::Database db(dir.file("db"));
    CHECK(db.get_revision() == first.changes.revision);
    CHECK(HistoryLog::load(db).revisions().size() == 5);
    CHECK(db.get_doccount() == raw_lines()[4]["count"].get<std::size_t>());
}
