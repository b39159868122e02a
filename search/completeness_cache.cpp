#include "search/completeness_cache.h"

#include "search/errors.h"
#include "search/open_index.h"
#include "search/revision.h"
#include "search/schema.h"

#include <nlohmann/json.hpp>

namespace algreg::search {

const Completeness* CompletenessData::find(std::string_view id) const {
    const auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &results[it->second];
}

std::shared_ptr<const CompletenessData> CompletenessData::load(const Xapian::Database& db,
                                                               std::chrono::year_month_day today) {
    auto data = std::make_shared<CompletenessData>();
    data->key = revision_key(db) + "/" + format_iso_date(today);
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        try {
            data->records.push_back(
                nlohmann::json::parse(db.get_document(*it).get_data()).get<AlgorithmRecord>());
        } catch (const nlohmann::json::exception&) {
            continue; // not a record document: nothing to check
        }
        data->by_id.emplace(data->records.back().id, data->records.size() - 1);
    }
    CheckOptions options;
    options.today = today;
    data->results = check_all(data->records, options);
    return data;
}

std::shared_ptr<const CompletenessData> CompletenessCache::get(std::chrono::year_month_day today) {
    Xapian::Database db = open_index(index_path_);
    const std::string key = revision_key(db) + "/" + format_iso_date(today);
    std::lock_guard lock(mutex_);
    if (current_ && current_->key == key) {
        return current_;
    }
    for (int attempt = 0;; ++attempt) {
        try {
            current_ = CompletenessData::load(db, today);
            return current_;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt > 0) {
                throw;
            }
            db.reopen();
        }
    }
}

} // namespace algreg::search
