// SyncCache: the per-entry records a sync fetched, kept on disk by lars and create_dt, so that
// a sync that failed half way (or tomorrow's sync, for entries whose version did not change)
// fetches only what it lacks. One file per entry version, written atomically (temp + rename):
// a file that exists is complete.
#pragma once

#include <optional>
#include <set>
#include <string>

namespace algreg::indexer {

class SyncCache {
  public:
    /// `dir` is created when needed; an empty `dir` disables the cache.
    explicit SyncCache(std::string dir);

    /// The body stored for this entry version, if any.
    [[nodiscard]] std::optional<std::string> load(const std::string& lars,
                                                  const std::string& create_dt) const;
    /// Stores `body` for this entry version (atomically). Failures are not errors (the cache
    /// only saves work): it returns false and the sync goes on.
    bool store(const std::string& lars, const std::string& create_dt,
               const std::string& body) const;
    /// Removes the stored versions that are not in `keep` (file names as file_name() gives).
    void prune(const std::set<std::string>& keep) const;

    /// The file name of an entry version: "<lars>@<create_dt reduced to [0-9A-Za-z-]>.json";
    /// "" when lars is not a plain id (so nothing outside the folder is ever named).
    [[nodiscard]] static std::string file_name(const std::string& lars,
                                               const std::string& create_dt);
    [[nodiscard]] const std::string& dir() const { return dir_; }

  private:
    std::string dir_;
};

} // namespace algreg::indexer
