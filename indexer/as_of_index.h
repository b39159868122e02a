// The indexer's side of "the register as it was on DATE" (search/as_of.h): builds read-only
// indexes of HistoryLog::records_as_of() for one live index, caches them on disk beside it and
// hands them out by date. It writes with IndexWriter, so as-of indexes are searched exactly
// like the live one.
#pragma once

#include "search/as_of.h"

#include <cstddef>
#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace algreg::indexer {

/// Cache layout: `<live>.as-of/<uuid>-<revision>/<date>`, one directory per live index
/// revision (older ones are removed when a newer one is first used) and per date (at most
/// `keep` of them, the least recently used removed first). Each is built in a temporary
/// directory and renamed into place, so a directory that exists is complete; concurrent
/// requests for the same date (threads of this process) wait for one build. Thread-safe.
class AsOfIndexCache {
  public:
    explicit AsOfIndexCache(std::string live_path, std::size_t keep = 8);
    AsOfIndexCache(const AsOfIndexCache&) = delete;
    AsOfIndexCache& operator=(const AsOfIndexCache&) = delete;

    /// The directory of an index of the register at the end of `date` (YYYY-MM-DD, valid):
    /// the live index itself when no revision is dated after `date` (or there is no history),
    /// else a cached as-of index, built now when needed. Its metadata carries
    /// search::metadata_as_of_date and search::metadata_as_of_removed ({id: removal date} of
    /// entries not in the register now), its synonyms are the live index's. Throws
    /// search::IndexUnavailableError when the live index cannot be read or the index cannot
    /// be built. A build first asks `gate` (search/as_of.h) for a permit and holds it until
    /// done; what the gate throws is passed on and nothing is built.
    [[nodiscard]] std::string path_for(std::string_view date,
                                       const search::AsOfBuildGate& gate = {});

    /// The cache directory: `<live>.as-of`.
    [[nodiscard]] const std::string& cache_root() const { return root_; }

  private:
    /// Removes the cache directories of other live revisions and all but the `keep_` most
    /// recently used dates of `key` (never `keep_date`, never one being built).
    void remove_stale(const std::string& key, const std::string& keep_date);

    std::string live_path_;
    std::string root_;
    std::size_t keep_;
    std::mutex mutex_;
    /// "<key>/<date>" -> the build of it, shared by every request while it runs.
    std::map<std::string, std::shared_future<std::string>> building_;
    std::map<std::string, std::uint64_t> last_used_; ///< "<key>/<date>" -> use counter
    std::uint64_t uses_ = 0;
};

/// A search::AsOfIndexProvider over a new AsOfIndexCache of `live_path` (main() hands it to the
/// server).
[[nodiscard]] search::AsOfIndexProvider as_of_index_provider(const std::string& live_path);

} // namespace algreg::indexer
