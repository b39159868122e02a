#include "web/page_static.h"

#include <array>
#include <fstream>
#include <iterator>
#include <system_error>

namespace algreg::web {

namespace {

struct Type {
    std::string_view extension;
    std::string_view content_type;
};

constexpr std::array<Type, 9> types{{
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".json", "application/json"},
    {".webmanifest", "application/manifest+json"},
}};

bool valid_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
        name.find('\0') != std::string_view::npos) {
        return false;
    }
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = std::min(name.find('/', start), name.size());
        const auto segment = name.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == ".." || segment.front() == '.') {
            return false;
        }
        start = end + 1;
    }
    return true;
}

} // namespace

std::string content_hash(std::string_view data) {
    std::uint64_t h = 14695981039346656037ULL;
    for (const char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = hex[h & 15];
        h >>= 4;
    }
    return out;
}

std::string_view static_content_type(std::string_view name) {
    for (const auto& t : types) {
        if (name.size() > t.extension.size() && name.ends_with(t.extension)) {
            return t.content_type;
        }
    }
    return {};
}

StaticFiles StaticFiles::load(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    StaticFiles out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return out;
    }
    std::string all;
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(dir, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it.depth() > 1) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec)) {
            continue;
        }
        const std::string name = fs::relative(it->path(), dir, ec).generic_string();
        const auto type = static_content_type(name);
        if (ec || type.empty() || !valid_name(name)) {
            continue;
        }
        std::ifstream in(it->path(), std::ios::binary);
        std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) {
            continue;
        }
        StaticFile file{std::move(body), std::string(type), {}};
        file.etag = "\"" + content_hash(file.body) + "\"";
        out.files_.emplace(name, std::move(file));
    }
    for (const auto& [name, file] : out.files_) { // sorted: the version ignores listing order
        all += name + '\n' + file.etag + '\n';
    }
    out.version_ = content_hash(all).substr(0, 10);
    return out;
}

const StaticFile* StaticFiles::find(std::string_view name) const {
    if (!valid_name(name)) {
        return nullptr;
    }
    const auto it = files_.find(name);
    return it == files_.end() ? nullptr : &it->second;
}

} // namespace algreg::web
