#include "search/history.h"

#include "search/errors.h"
#include "search/schema.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <set>

namespace algreg::search {

using nlohmann::json;

std::string_view to_string(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::added:
        return "toegevoegd";
    case ChangeKind::removed:
        return "verwijderd";
    case ChangeKind::changed:
        break;
    }
    return "gewijzigd";
}

std::optional<ChangeKind> parse_change_kind(std::string_view text) {
    for (const auto kind : {ChangeKind::added, ChangeKind::changed, ChangeKind::removed}) {
        if (text == to_string(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

void to_json(json& j, const FieldChange& c) {
    j = json{{"field", c.field}, {"before", c.before}, {"after", c.after}};
}

void from_json(const json& j, FieldChange& c) {
    c.field = j.at("field").get<std::string>();
    c.before = j.value("before", json());
    c.after = j.value("after", json());
}

void to_json(json& j, const EntryChange& c) {
    j = json{{"id", c.id}, {"fields", c.fields}};
}

void from_json(const json& j, EntryChange& c) {
    c.id = j.at("id").get<std::string>();
    c.fields = j.at("fields").get<std::vector<FieldChange>>();
}

void to_json(json& j, const Revision& r) {
    j = json{{"sequence", r.sequence}, {"date", r.date},       {"timestamp", r.timestamp},
             {"inputs", r.inputs},     {"entries", r.entries}, {"added", r.added},
             {"changed", r.changed},   {"removed", r.removed}};
}

void from_json(const json& j, Revision& r) {
    r.sequence = j.at("sequence").get<std::uint32_t>();
    r.date = j.at("date").get<std::string>();
    r.timestamp = j.at("timestamp").get<std::string>();
    r.inputs = j.at("inputs").get<std::vector<std::string>>();
    r.entries = j.at("entries").get<std::size_t>();
    r.added = j.at("added").get<std::vector<std::string>>();
    r.changed = j.at("changed").get<std::vector<EntryChange>>();
    r.removed = j.at("removed").get<std::vector<AlgorithmRecord>>();
}

void to_json(json& j, const EntryEvent& e) {
    j = json{{"sequence", e.sequence}, {"date", e.date}, {"kind", to_string(e.kind)}, {"id", e.id}};
    if (e.kind == ChangeKind::changed) {
        j["fields"] = e.fields;
    }
}

void to_json(json& j, const RevisionSummary& s) {
    j = json{{"sequence", s.sequence}, {"date", s.date},   {"timestamp", s.timestamp},
             {"entries", s.entries},   {"added", s.added}, {"changed", s.changed},
             {"removed", s.removed}};
    if (s.baseline) {
        j["baseline"] = true;
    }
}

bool is_baseline(const Revision& r) {
    return r.sequence == 1 && r.changed.empty() && r.removed.empty() && !r.added.empty() &&
           r.added.size() == r.entries;
}

std::string revision_metadata_key(std::uint32_t sequence) {
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06u", static_cast<unsigned>(sequence));
    return "algreg:revision:" + std::string(digits);
}

namespace {

/// Keys of to_json(AlgorithmRecord) that describe where or how a record was read, not what the
/// register says (docs/history.md): never a change. `ministry` is our derivation from a table
/// or the organisation hierarchy (indexer/ministries.h): a corrected table is not a change.
constexpr std::array<std::string_view, 6> non_content_keys{
    "added", "register_url", "source_format", "listing_only", "original", "ministry"};

bool is_content_key(std::string_view key) {
    return std::find(non_content_keys.begin(), non_content_keys.end(), key) ==
           non_content_keys.end();
}

/// Every content key in the order the entry page shows them: identity, the standard's string
/// fields, lists, then the derived fields. Keys not listed here (added to the record later)
/// follow alphabetically, so they are still compared.
const std::vector<std::string>& content_key_order() {
    static const std::vector<std::string> order = [] {
        std::vector<std::string> keys{"id"};
        for (const auto& field : string_fields()) {
            keys.emplace_back(field.key);
        }
        for (const char* key :
             {"category", "lawful_basis_grouping", "impacttoetsen_grouping", "source_data_grouping",
              "legacy", "impactassessment", "changed", "organization_type", "assessments"}) {
            keys.emplace_back(key);
        }
        return keys;
    }();
    return order;
}

json member_or_null(const json& j, const std::string& key) {
    const auto it = j.find(key);
    return it == j.end() ? json() : *it;
}

} // namespace

std::vector<FieldChange> diff_records(const AlgorithmRecord& before, const AlgorithmRecord& after) {
    const json a = before;
    const json b = after;
    std::vector<FieldChange> out;
    std::set<std::string> compared;
    auto compare = [&](const std::string& key) {
        if (!is_content_key(key) || !compared.insert(key).second) {
            return;
        }
        json old_value = member_or_null(a, key);
        json new_value = member_or_null(b, key);
        if (old_value != new_value) {
            out.push_back(FieldChange{key, std::move(old_value), std::move(new_value)});
        }
    };
    for (const auto& key : content_key_order()) {
        compare(key);
    }
    for (const auto& side : {&a, &b}) {
        for (const auto& [key, value] : side->items()) {
            compare(key);
        }
    }
    return out;
}

HistoryLog HistoryLog::load(const Xapian::Database& db) {
    HistoryLog log;
    const std::string last_key(metadata_last_revision);
    const std::string last_text = db.get_metadata(last_key);
    if (last_text.empty()) {
        return log;
    }
    std::uint32_t last = 0;
    const auto [end, error] =
        std::from_chars(last_text.data(), last_text.data() + last_text.size(), last);
    if (error != std::errc() || end != last_text.data() + last_text.size()) {
        throw IndexUnavailableError("the index's history is damaged: metadata " + last_key +
                                    " is '" + last_text +
                                    "', not a revision number; index the register again into a "
                                    "new index directory");
    }
    log.revisions_.reserve(last);
    for (std::uint32_t n = 1; n <= last; ++n) {
        const std::string key = revision_metadata_key(n);
        const std::string text = db.get_metadata(key);
        auto damaged = [&](const std::string& why) {
            return IndexUnavailableError("the index's history is damaged: metadata " + key + " " +
                                         why +
                                         "; index the register again into a new index directory");
        };
        if (text.empty()) {
            throw damaged("is missing");
        }
        Revision revision;
        try {
            revision = json::parse(text).get<Revision>();
        } catch (const json::exception& e) {
            throw damaged(std::string("cannot be read (") + e.what() + ")");
        }
        if (revision.sequence != n) {
            throw damaged("holds revision " + std::to_string(revision.sequence));
        }
        log.revisions_.push_back(std::move(revision));
    }
    for (std::uint32_t i = 0; i < log.revisions_.size(); ++i) {
        const Revision& r = log.revisions_[i];
        for (const auto& id : r.added) {
            log.by_id_[id].emplace_back(i, ChangeKind::added);
        }
        for (const auto& change : r.changed) {
            log.by_id_[change.id].emplace_back(i, ChangeKind::changed);
        }
        for (const auto& record : r.removed) {
            log.by_id_[record.id].emplace_back(i, ChangeKind::removed);
        }
    }
    return log;
}

std::vector<RevisionSummary> HistoryLog::summaries() const {
    std::vector<RevisionSummary> out;
    out.reserve(revisions_.size());
    for (const auto& r : revisions_) {
        const bool baseline = is_baseline(r);
        out.push_back(RevisionSummary{r.sequence, r.date, r.timestamp, r.entries,
                                      baseline ? 0 : r.added.size(), r.changed.size(),
                                      r.removed.size(), baseline});
    }
    return out;
}

std::string HistoryLog::last_date() const {
    return revisions_.empty() ? std::string() : revisions_.back().date;
}

std::string HistoryLog::first_date() const {
    return revisions_.empty() ? std::string() : revisions_.front().date;
}

namespace {

EntryEvent make_event(const Revision& r, ChangeKind kind, std::string_view id) {
    EntryEvent event{r.sequence, r.date, kind, std::string(id), {}};
    if (kind == ChangeKind::changed) {
        const auto it = std::lower_bound(
            r.changed.begin(), r.changed.end(), id,
            [](const EntryChange& c, std::string_view wanted) { return c.id < wanted; });
        if (it != r.changed.end() && it->id == id) {
            event.fields = it->fields;
        } else {
            // Not sorted as stored (an older writer): search it all.
            for (const auto& c : r.changed) {
                if (c.id == id) {
                    event.fields = c.fields;
                }
            }
        }
    }
    return event;
}

} // namespace

std::vector<EntryEvent> HistoryLog::entry_events(std::string_view id) const {
    std::vector<EntryEvent> out;
    const auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) {
        return out;
    }
    for (const auto& [index, kind] : it->second) {
        out.push_back(make_event(revisions_[index], kind, id));
    }
    return out;
}

std::vector<EntryEvent> HistoryLog::events(std::string_view since, std::string_view until) const {
    std::vector<EntryEvent> out;
    for (auto r = revisions_.rbegin(); r != revisions_.rend(); ++r) {
        if ((!since.empty() && r->date < since) || (!until.empty() && r->date > until)) {
            continue;
        }
        std::vector<std::string> removed;
        for (const auto& record : r->removed) {
            removed.push_back(record.id);
        }
        std::sort(removed.begin(), removed.end());
        for (const auto& id : removed) {
            out.push_back(make_event(*r, ChangeKind::removed, id));
        }
        std::vector<const EntryChange*> changed;
        for (const auto& c : r->changed) {
            changed.push_back(&c);
        }
        std::sort(changed.begin(), changed.end(),
                  [](const EntryChange* x, const EntryChange* y) { return x->id < y->id; });
        for (const EntryChange* c : changed) {
            out.push_back(EntryEvent{r->sequence, r->date, ChangeKind::changed, c->id, c->fields});
        }
        std::vector<std::string> added = is_baseline(*r) ? std::vector<std::string>() : r->added;
        std::sort(added.begin(), added.end());
        for (const auto& id : added) {
            out.push_back(make_event(*r, ChangeKind::added, id));
        }
    }
    return out;
}

const AlgorithmRecord* HistoryLog::removed_record(std::string_view id) const {
    const auto it = by_id_.find(std::string(id));
    if (it == by_id_.end() || it->second.empty() ||
        it->second.back().second != ChangeKind::removed) {
        return nullptr;
    }
    const Revision& r = revisions_[it->second.back().first];
    for (const auto& record : r.removed) {
        if (record.id == id) {
            return &record;
        }
    }
    return nullptr;
}

namespace {

/// Sets the fields of `changes` back to their values before the change.
void undo(AlgorithmRecord& record, const std::vector<FieldChange>& changes) {
    json j = record;
    for (const auto& field : changes) {
        if (field.before.is_null()) {
            j.erase(field.field);
        } else {
            j[field.field] = field.before;
        }
    }
    record = j.get<AlgorithmRecord>();
}

} // namespace

std::vector<std::string> HistoryLog::ids() const {
    std::vector<std::string> out;
    out.reserve(by_id_.size());
    for (const auto& [id, events] : by_id_) {
        out.push_back(id);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<HistoryLog::Version> HistoryLog::versions(std::string_view id,
                                                      const AlgorithmRecord* current) const {
    std::vector<Version> out;
    const auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) {
        return out;
    }
    std::optional<AlgorithmRecord> state;
    if (current != nullptr) {
        state = *current;
    }
    for (auto e = it->second.rbegin(); e != it->second.rend(); ++e) {
        const auto& [index, kind] = *e;
        EntryEvent event = make_event(revisions_[index], kind, id);
        if (kind == ChangeKind::removed) {
            // Before its removal the entry was as its stored last record says.
            state.reset();
            for (const auto& record : revisions_[index].removed) {
                if (record.id == id) {
                    state = record;
                }
            }
            continue;
        }
        if (!state) {
            continue; // no record known for this stretch (damaged history): nothing to show
        }
        out.push_back(Version{event, *state});
        if (kind == ChangeKind::changed) {
            undo(*state, event.fields);
        } else {
            state.reset(); // before its addition the entry did not exist
        }
    }
    return out;
}

std::vector<AlgorithmRecord>
HistoryLog::records_as_of(std::vector<AlgorithmRecord> current, std::string_view date,
                          std::map<std::string, std::string>* removed_since) const {
    if (removed_since != nullptr) {
        removed_since->clear();
    }
    if (revisions_.empty()) {
        return current; // no history known: the register as it is
    }
    if (date < std::string_view(revisions_.front().date)) {
        return {};
    }
    std::set<std::string> now;
    std::map<std::string, AlgorithmRecord> state;
    for (auto& record : current) {
        now.insert(record.id);
        std::string id = record.id;
        state.emplace(std::move(id), std::move(record));
    }
    std::map<std::string, std::string> removal_date;
    for (auto r = revisions_.rbegin(); r != revisions_.rend() && r->date > date; ++r) {
        for (const auto& id : r->added) {
            state.erase(id);
        }
        for (const auto& change : r->changed) {
            const auto it = state.find(change.id);
            if (it == state.end()) {
                continue;
            }
            undo(it->second, change.fields);
        }
        for (const auto& record : r->removed) {
            state.insert_or_assign(record.id, record);
            removal_date[record.id] = r->date; // the earliest removal after `date` wins
        }
    }
    std::vector<AlgorithmRecord> out;
    out.reserve(state.size());
    for (auto& [id, record] : state) {
        if (removed_since != nullptr && !now.contains(id)) {
            if (const auto d = removal_date.find(id); d != removal_date.end()) {
                (*removed_since)[id] = d->second;
            }
        }
        out.push_back(std::move(record));
    }
    return out;
}

} // namespace algreg::search
