#include "indexer/as_of_index.h"

#include "indexer/index_writer.h"
#include "search/errors.h"
#include "search/history.h"
#include "search/revision.h"
#include "search/schema.h"
#include "search/synonyms.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <system_error>
#include <unistd.h>
#include <utility>
#include <vector>
#include <xapian.h>

namespace algreg::indexer {

namespace fs = std::filesystem;
using search::AlgorithmRecord;

namespace {

/// Temporary build directories start with this; a leftover of a crashed process is removed
/// once it is older than this many minutes.
constexpr std::string_view build_prefix = ".build-";
constexpr auto leftover_age = std::chrono::minutes(30);

/// "<uuid>-<revision>": the live revision as a directory name.
std::string cache_key(const Xapian::Database& db) {
    std::string key = search::revision_key(db);
    std::replace(key.begin(), key.end(), '@', '-');
    return key;
}

std::string unique_suffix() {
    std::random_device random;
    return std::to_string(::getpid()) + "-" + std::to_string(random());
}

std::vector<AlgorithmRecord> every_record(const Xapian::Database& db) {
    std::vector<AlgorithmRecord> out;
    out.reserve(db.get_doccount());
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        out.push_back(nlohmann::json::parse(db.get_document(*p).get_data()).get<AlgorithmRecord>());
    }
    return out;
}

/// Builds the as-of index of `date` from `live` into `final` (through a temporary directory
/// beside it and one rename). Another process may have put it there first: that one is used.
void build_index(const Xapian::Database& live, const std::string& date, const fs::path& final) {
    const auto log = search::HistoryLog::load(live);
    std::map<std::string, std::string> removed_since;
    const auto records = log.records_as_of(every_record(live), date, &removed_since);
    const std::map<std::string, std::string> metadata{
        {std::string(search::metadata_layout),
         live.get_metadata(std::string(search::metadata_layout))},
        {std::string(search::metadata_as_of_date), date},
        {std::string(search::metadata_as_of_removed), nlohmann::json(removed_since).dump()},
    };
    fs::create_directories(final.parent_path());
    const fs::path temporary =
        final.parent_path() / (std::string(build_prefix) + date + "-" + unique_suffix());
    try {
        {
            IndexWriter writer(temporary.string());
            (void)writer.apply(records, UpdateMode::snapshot, search::synonym_pairs(live),
                               metadata);
        }
        std::error_code error;
        fs::rename(temporary, final, error);
        if (error) {
            if (!fs::exists(final)) {
                throw fs::filesystem_error("cannot move the built index into place", temporary,
                                           final, error);
            }
            fs::remove_all(temporary); // built by another process meanwhile
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(temporary, ignored);
        throw;
    }
}

} // namespace

AsOfIndexCache::AsOfIndexCache(std::string live_path, std::size_t keep)
    : live_path_(std::move(live_path)), root_(live_path_ + ".as-of"),
      keep_(std::max<std::size_t>(keep, 1)) {}

std::string AsOfIndexCache::path_for(std::string_view date_view,
                                     const search::AsOfBuildGate& gate) {
    const std::string date(date_view);
    // The live index may get a new revision while we read it: then read the new one.
    for (int attempt = 1;; ++attempt) {
        try {
            const Xapian::Database live(live_path_);
            const std::string last_date = search::HistoryLog::load(live).last_date();
            if (last_date.empty() || date >= last_date) {
                return live_path_; // nothing to undo
            }
            const std::string key = cache_key(live);
            const std::string id = key + "/" + date;
            const fs::path final = fs::path(root_) / key / date;
            std::shared_future<std::string> result;
            std::promise<std::string> promise;
            bool builder = false;
            search::AsOfBuildPermit permit;
            for (;;) {
                {
                    const std::lock_guard lock(mutex_);
                    last_used_[id] = ++uses_;
                    if (const auto it = building_.find(id); it != building_.end()) {
                        result = it->second;
                        break;
                    }
                    if (fs::exists(final)) {
                        return final.string();
                    }
                    if (permit || !gate) {
                        result = promise.get_future().share();
                        building_.emplace(id, result);
                        builder = true;
                        break;
                    }
                }
                // Not under the lock: the gate may wait for its turn (or throw). Then look
                // again, another request may have built this date meanwhile.
                permit = gate();
            }
            if (builder) {
                try {
                    build_index(live, date, final);
                    promise.set_value(final.string());
                } catch (...) {
                    promise.set_exception(std::current_exception());
                }
                permit.reset();
                {
                    const std::lock_guard lock(mutex_);
                    building_.erase(id);
                }
                remove_stale(key, date);
            }
            return result.get();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == 3) {
                throw search::IndexUnavailableError(
                    "the register as of " + date +
                    " cannot be built: the index keeps changing while it is read; try again");
            }
        } catch (const Xapian::Error& e) {
            throw search::IndexUnavailableError("the register as of " + date +
                                                " cannot be built from the index at " + live_path_ +
                                                ": " + e.get_description());
        } catch (const fs::filesystem_error& e) {
            throw search::IndexUnavailableError("the register as of " + date +
                                                " cannot be built in " + root_ + ": " + e.what());
        }
    }
}

void AsOfIndexCache::remove_stale(const std::string& key, const std::string& keep_date) {
    const std::lock_guard lock(mutex_);
    auto busy = [&](const std::string& id) {
        return std::any_of(building_.begin(), building_.end(),
                           [&](const auto& b) { return b.first.starts_with(id); });
    };
    std::error_code ignored;
    // Other live revisions: the live index has moved on.
    for (const auto& entry : fs::directory_iterator(root_, ignored)) {
        const std::string name = entry.path().filename().string();
        if (name != key && !busy(name + "/")) {
            fs::remove_all(entry.path(), ignored);
            std::erase_if(last_used_,
                          [&](const auto& u) { return u.first.starts_with(name + "/"); });
        }
    }
    // This revision: the most recently used `keep_` dates, and builds in progress.
    struct Cached {
        fs::path path;
        std::uint64_t used;
        fs::file_time_type modified;
    };
    std::vector<Cached> cached;
    const auto now = fs::file_time_type::clock::now();
    for (const auto& entry : fs::directory_iterator(fs::path(root_) / key, ignored)) {
        const std::string name = entry.path().filename().string();
        const auto modified = entry.last_write_time(ignored);
        if (name.starts_with(build_prefix)) {
            if (now - modified > leftover_age) {
                fs::remove_all(entry.path(), ignored);
            }
            continue;
        }
        const auto used = last_used_.find(key + "/" + name);
        cached.push_back({entry.path(), used == last_used_.end() ? 0 : used->second, modified});
    }
    if (cached.size() <= keep_) {
        return;
    }
    std::sort(cached.begin(), cached.end(), [](const Cached& a, const Cached& b) {
        return a.used != b.used ? a.used < b.used : a.modified < b.modified;
    });
    for (std::size_t i = 0; i + keep_ < cached.size(); ++i) {
        const std::string name = cached[i].path.filename().string();
        if (name != keep_date && !busy(key + "/" + name)) {
            fs::remove_all(cached[i].path, ignored);
            last_used_.erase(key + "/" + name);
        }
    }
}

search::AsOfIndexProvider as_of_index_provider(const std::string& live_path) {
    auto cache = std::make_shared<AsOfIndexCache>(live_path);
    return [cache](std::string_view date, const search::AsOfBuildGate& gate) {
        return cache->path_for(date, gate);
    };
}

} // namespace algreg::indexer
