// The completeness of every entry of one index revision, computed once (check_all over all
// records, so duplicate.name is included) and shared by every request until the index or the
// reference date changes. The API and the pages that aggregate (completeness_report.h) read it.
#pragma once

#include "search/completeness.h"
#include "search/record.h"

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// Immutable once loaded.
struct CompletenessData {
    std::string key;                      ///< revision_key(db) + "/" + the reference date
    std::vector<AlgorithmRecord> records; ///< every entry of the revision, in docid order
    std::vector<Completeness> results;    ///< results[i] belongs to records[i]
    std::map<std::string, std::size_t, std::less<>> by_id; ///< record id -> index

    /// The result of the record with id `id` (AlgorithmRecord::id), or nullptr.
    [[nodiscard]] const Completeness* find(std::string_view id) const;

    /// Reads every document of `db` and checks them all against `today`. Throws
    /// Xapian::DatabaseModifiedError when the revision goes away meanwhile.
    [[nodiscard]] static std::shared_ptr<const CompletenessData>
    load(const Xapian::Database& db, std::chrono::year_month_day today);
};

/// Holds the data of the newest revision read. Thread-safe; a load happens under the lock, so
/// concurrent first requests wait for one load instead of doing it each.
class CompletenessCache {
  public:
    explicit CompletenessCache(std::string index_path) : index_path_(std::move(index_path)) {}

    /// The data of the revision the index has now, checked against `today`. Throws
    /// IndexUnavailableError when the index cannot be opened or has another layout.
    [[nodiscard]] std::shared_ptr<const CompletenessData> get(std::chrono::year_month_day today);

  private:
    std::string index_path_;
    std::mutex mutex_;
    std::shared_ptr<const CompletenessData> current_;
};

} // namespace algreg::search
