#include "indexer/publication_history.h"

#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "indexer/timestamp.h"
#include "search/errors.h"

#include <map>
#include <unordered_map>

namespace algreg::indexer {

using search::AlgorithmRecord;

namespace {

/// The text of cell `key` of a CSV row ("" when absent).
std::string cell(const SourceRecord& row, const char* key) {
    const auto it = row.value.find(key);
    return it != row.value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

PublicationHistory read_publication_history(std::string_view text, const std::string& name,
                                            const std::string& until) {
    SourceFile file;
    try {
        file = read_source_text(name, text, InputFormat::csv);
    } catch (const search::InputError& e) {
        throw PublicationHistoryError(e.what());
    }
    struct Version {
        std::string timestamp;
        AlgorithmRecord record;
    };
    std::map<std::string, std::map<std::string, Version>> by_day; // date -> id -> newest
    PublicationHistory out;
    for (const auto& row : file.records) {
        const auto where = [&] { return describe(row.position); };
        const std::string published = cell(row, "publication_dt");
        const auto timestamp = utc_timestamp(published);
        if (!timestamp) {
            throw PublicationHistoryError(
                where() + ": publication_dt '" + published.substr(0, 40) +
                "' is not a date-time; every row of the history needs one");
        }
        if (cell(row, "algorithm_id").empty()) {
            throw PublicationHistoryError(where() + ": the row has no algorithm_id");
        }
        Normalised n = normalise(row, InputFormat::csv);
        if (n.header_row) {
            continue;
        }
        if (!n.record) {
            std::string why;
            for (const auto& p : n.problems) {
                if (p.severity == Severity::rejected) {
                    why = describe(p);
                    break;
                }
            }
            throw PublicationHistoryError(why.empty() ? where() + ": rejected" : why);
        }
        ++out.versions;
        if (*timestamp > until) {
            ++out.later;
            continue;
        }
        auto& day = by_day[timestamp->substr(0, 10)];
        const std::string id = n.record->id;
        const auto it = day.find(id);
        if (it == day.end() || it->second.timestamp < *timestamp) {
            day.insert_or_assign(id, Version{*timestamp, std::move(*n.record)});
        }
    }
    for (auto& [date, versions] : by_day) {
        PublicationDay day;
        for (auto& [id, version] : versions) {
            day.timestamp = std::max(day.timestamp, version.timestamp);
            day.records.push_back(std::move(version.record));
        }
        out.days.push_back(std::move(day));
    }
    return out;
}

std::size_t take_newest_from_snapshot(std::vector<PublicationDay>& days,
                                      const std::vector<AlgorithmRecord>& snapshot) {
    struct Row {
        PublicationDay* day;
        AlgorithmRecord* record;
    };
    std::unordered_map<std::string, Row> newest; // id -> its newest history row
    for (auto& day : days) {
        for (auto& record : day.records) {
            newest[record.id] = Row{&day, &record};
        }
    }
    std::size_t replaced = 0;
    for (const auto& current : snapshot) {
        const auto it = newest.find(current.id);
        if (it == newest.end()) {
            continue;
        }
        AlgorithmRecord& row = *it->second.record;
        if (current.changed.empty() || current.changed <= row.changed) {
            it->second.day->same_form.insert_or_assign(current.id, std::move(row));
            row = current;
            ++replaced;
        }
    }
    return replaced;
}

} // namespace algreg::indexer
