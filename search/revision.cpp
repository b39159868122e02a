#include "search/revision.h"

#include "search/errors.h"
#include "search/free_memory.h"
#include "search/schema.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace algreg::search {

std::string revision_key(const Xapian::Database& db) {
    return db.get_uuid() + "@" + std::to_string(db.get_revision());
}

std::string newest_sort_key(std::string_view added, std::string_view changed,
                            std::string_view folded_name) {
    // A date descending inside an ascending key: each byte inverted, a missing date as the
    // lowest date (so it sorts last).
    auto descending = [](std::string_view date) {
        std::string out(date.empty() ? std::string_view("0000-00-00") : date.substr(0, 10));
        out.resize(10, '0');
        for (auto& c : out) {
            c = static_cast<char>(0xFF - static_cast<unsigned char>(c));
        }
        return out;
    };
    std::string_view first = added;
    if (!changed.empty() && (first.empty() || changed < first)) {
        first = changed;
    }
    return descending(first) + descending(changed) + std::string(folded_name);
}

namespace {

/// Every document ordered by a value slot (descending or not), then by the name slot for the
/// organisation order, then by docid.
std::vector<Xapian::docid> sorted_by(const Xapian::Database& db,
                                     const std::vector<Xapian::docid>& documents,
                                     Xapian::valueno slot_number, bool descending) {
    std::unordered_map<Xapian::docid, std::string> key;
    std::unordered_map<Xapian::docid, std::string> name;
    for (auto v = db.valuestream_begin(slot_number); v != db.valuestream_end(slot_number); ++v) {
        key.emplace(v.get_docid(), *v);
    }
    const bool then_name = slot_number == slot::organization;
    if (then_name) {
        for (auto v = db.valuestream_begin(slot::name); v != db.valuestream_end(slot::name); ++v) {
            name.emplace(v.get_docid(), *v);
        }
    }
    auto value = [](const std::unordered_map<Xapian::docid, std::string>& m, Xapian::docid d) {
        const auto it = m.find(d);
        return it == m.end() ? std::string_view() : std::string_view(it->second);
    };
    std::vector<Xapian::docid> order = documents;
    std::stable_sort(order.begin(), order.end(), [&](Xapian::docid a, Xapian::docid b) {
        const auto ka = value(key, a);
        const auto kb = value(key, b);
        if (ka != kb) {
            return descending ? ka > kb : ka < kb;
        }
        if (then_name) {
            return value(name, a) < value(name, b);
        }
        return false; // documents are ascending: ties keep docid order
    });
    return order;
}

/// Every document by newest_sort_key(), then docid.
std::vector<Xapian::docid> sorted_newest(const Xapian::Database& db,
                                         const std::vector<Xapian::docid>& documents) {
    std::unordered_map<Xapian::docid, std::array<std::string, 3>> values;
    const std::array<Xapian::valueno, 3> slots{slot::added, slot::changed, slot::name};
    for (std::size_t i = 0; i < slots.size(); ++i) {
        for (auto v = db.valuestream_begin(slots[i]); v != db.valuestream_end(slots[i]); ++v) {
            values[v.get_docid()][i] = *v;
        }
    }
    std::vector<std::pair<std::string, Xapian::docid>> keyed;
    keyed.reserve(documents.size());
    for (const auto docid : documents) {
        const auto& v = values[docid];
        keyed.emplace_back(newest_sort_key(v[0], v[1], v[2]), docid);
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<Xapian::docid> order;
    order.reserve(keyed.size());
    for (const auto& [key, docid] : keyed) {
        order.push_back(docid);
    }
    return order;
}

/// The metadata_as_of_removed map of an as-of index; empty for any other index. Unreadable
/// JSON means a broken as-of index: IndexUnavailableError.
std::map<std::string, std::string, std::less<>> read_as_of_removed(const Xapian::Database& db) {
    std::map<std::string, std::string, std::less<>> out;
    const std::string text = db.get_metadata(std::string(metadata_as_of_removed));
    if (text.empty()) {
        return out;
    }
    try {
        const auto parsed = nlohmann::json::parse(text);
        if (parsed.is_null()) {
            return out; // nothing removed since that date
        }
        if (!parsed.is_object()) {
            throw IndexUnavailableError("the as-of index's " + std::string(metadata_as_of_removed) +
                                        " is not a JSON object");
        }
        for (const auto& [id, date] : parsed.items()) {
            out.emplace(id, date.get<std::string>());
        }
    } catch (const nlohmann::json::exception& e) {
        throw IndexUnavailableError(std::string("the as-of index has unreadable metadata ") +
                                    std::string(metadata_as_of_removed) + ": " + e.what());
    }
    return out;
}

} // namespace

std::shared_ptr<const RevisionData> RevisionData::load(const Xapian::Database& db) {
    // When the last searcher lets go of a revision, its megabytes go back to the system
    // (free_memory.h): otherwise a server grows by about that much per revision picked up.
    std::shared_ptr<RevisionData> data(new RevisionData(), [](const RevisionData* old) {
        delete old;
        return_free_memory();
    });
    data->key = revision_key(db);
    data->revision = db.get_revision();
    data->doc_count = db.get_doccount();
    data->vocabulary = Vocabulary::load(db);
    data->synonyms = SynonymTable::load(db);
    data->facets = FacetIndex::load(db);
    for (auto v = db.valuestream_begin(slot::name); v != db.valuestream_end(slot::name); ++v) {
        data->titles.push_back({*v, v.get_docid()});
    }
    data->by_changed = sorted_by(db, data->facets.documents(), slot::changed, true);
    data->by_added = sorted_newest(db, data->facets.documents());
    data->by_name = sorted_by(db, data->facets.documents(), slot::name, false);
    data->by_organisation = sorted_by(db, data->facets.documents(), slot::organization, false);
    data->history = std::make_shared<const HistoryLog>(HistoryLog::load(db));
    data->as_of_removed = read_as_of_removed(db);
    return data;
}

std::shared_ptr<const RevisionData> RevisionCache::get(const Xapian::Database& db) {
    const std::string key = revision_key(db);
    std::promise<std::shared_ptr<const RevisionData>> promise;
    Future future;
    bool load_here = false;
    {
        const std::lock_guard lock(mutex_);
        const auto it = std::find_if(entries_.begin(), entries_.end(),
                                     [&](const auto& e) { return e.first == key; });
        if (it != entries_.end()) {
            future = it->second;
        } else {
            future = promise.get_future().share();
            entries_.emplace_back(key, future);
            constexpr std::size_t kept = 2;
            if (entries_.size() > kept) {
                entries_.erase(entries_.begin());
            }
            load_here = true;
        }
    }
    if (load_here) {
        // Loaded outside the lock: other revisions stay available meanwhile, and threads
        // asking for this one wait on the future.
        try {
            promise.set_value(RevisionData::load(db));
        } catch (...) {
            promise.set_exception(std::current_exception());
            const std::lock_guard lock(mutex_);
            std::erase_if(entries_, [&](const auto& e) { return e.first == key; });
        }
    }
    return future.get(); // rethrows a failed load
}

} // namespace algreg::search
