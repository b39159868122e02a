// The site's own static files (web/static: CSS, JavaScript, SVG), read once at start-up and
// served from memory. Only files that were there at start-up can be served, by their exact
// relative name, so no request path can reach anything else (no directory traversal).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace algreg::web {

struct StaticFile {
    std::string body;
    std::string content_type;
    std::string etag; ///< strong ETag from the content: "\"<hex>\""
};

class StaticFiles {
  public:
    StaticFiles() = default;

    /// Reads the regular files under `dir` (sub-folders one level deep) whose extension has a
    /// known content type. A missing directory gives an empty set.
    [[nodiscard]] static StaticFiles load(const std::filesystem::path& dir);

    /// The file called `name` ("app.css", "icons/search.svg"), or nullptr. Names with "..",
    /// backslashes, a leading '/', or empty segments are never found.
    [[nodiscard]] const StaticFile* find(std::string_view name) const;

    /// A short hash of every file: changes whenever any file changes. Pages append it to asset
    /// URLs (?v=), so those can be cached as immutable.
    [[nodiscard]] const std::string& version() const { return version_; }
    [[nodiscard]] std::size_t size() const { return files_.size(); }

  private:
    std::map<std::string, StaticFile, std::less<>> files_;
    std::string version_;
};

/// The Content-Type for a file name by its extension ("" when not served).
[[nodiscard]] std::string_view static_content_type(std::string_view name);

/// 64-bit FNV-1a of `data` as 16 hex digits.
[[nodiscard]] std::string content_hash(std::string_view data);

} // namespace algreg::web
