#include "indexer/sync_cache.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <unistd.h>

namespace algreg::indexer {

namespace fs = std::filesystem;

SyncCache::SyncCache(std::string dir) : dir_(std::move(dir)) {}

std::string SyncCache::file_name(const std::string& lars, const std::string& create_dt) {
    const auto plain = [](unsigned char c) { return std::isalnum(c) != 0 || c == '-'; };
    if (lars.empty() || lars.size() > 64 || !std::all_of(lars.begin(), lars.end(), plain)) {
        return {};
    }
    std::string version;
    std::copy_if(create_dt.begin(), create_dt.end(), std::back_inserter(version), plain);
    return lars + "@" + version + ".json";
}

std::optional<std::string> SyncCache::load(const std::string& lars,
                                           const std::string& create_dt) const {
    const std::string name = file_name(lars, create_dt);
    if (dir_.empty() || name.empty()) {
        return std::nullopt;
    }
    std::ifstream in(fs::path(dir_) / name, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        return std::nullopt;
    }
    return std::move(text).str();
}

bool SyncCache::store(const std::string& lars, const std::string& create_dt,
                      const std::string& body) const {
    const std::string name = file_name(lars, create_dt);
    if (dir_.empty() || name.empty()) {
        return false;
    }
    std::error_code error;
    fs::create_directories(dir_, error);
    const fs::path final_path = fs::path(dir_) / name;
    // A temporary name of our own (pid + name): concurrent workers never share one.
    const fs::path tmp = fs::path(dir_) / (".tmp-" + std::to_string(::getpid()) + "-" + name);
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(body.data(), static_cast<std::streamsize>(body.size()));
        out.flush();
        if (!out) {
            fs::remove(tmp, error);
            return false;
        }
    }
    fs::rename(tmp, final_path, error);
    if (error) {
        fs::remove(tmp, error);
        return false;
    }
    return true;
}

void SyncCache::prune(const std::set<std::string>& keep) const {
    if (dir_.empty()) {
        return;
    }
    std::error_code error;
    for (fs::directory_iterator it(dir_, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.ends_with(".json") && !keep.contains(name)) {
            fs::remove(it->path(), error);
        }
    }
}

} // namespace algreg::indexer
