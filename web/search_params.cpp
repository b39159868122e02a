#include "web/search_params.h"

#include "search/errors.h"
#include "search/schema.h"

#include <charconv>
#include <cstdint>

namespace algreg::web {

using search::BadRequest;

namespace {

constexpr std::size_t max_facet_limit = 1000;
constexpr std::size_t max_filter_values = 50; ///< values per facet in one request

bool is_facet(std::string_view name) {
    for (const auto& f : search::facets) {
        if (f.name == name) {
            return true;
        }
    }
    return false;
}

} // namespace

bool valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            extra = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            extra = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

void check_params(const Params& params, const std::set<std::string_view>& allowed) {
    for (const auto& [name, value] : params) {
        if (!valid_utf8(name) || name.find('\0') != std::string::npos) {
            throw BadRequest("parameter name", "is not valid UTF-8 text");
        }
        if (name.starts_with('_')) {
            continue;
        }
        if (!allowed.contains(name) && !is_facet(name)) {
            throw BadRequest(name, "unknown parameter");
        }
        if (!valid_utf8(value)) {
            throw BadRequest(name, "is not valid UTF-8");
        }
    }
}

std::size_t parse_count(const std::string& name, const std::string& value, std::size_t lo,
                        std::size_t hi) {
    std::size_t n = 0;
    const auto* end = value.data() + value.size();
    const auto [ptr, ec] = std::from_chars(value.data(), end, n);
    if (value.empty() || ec != std::errc() || ptr != end || n < lo || n > hi) {
        throw BadRequest(name, "must be a whole number from " + std::to_string(lo) + " to " +
                                   std::to_string(hi));
    }
    return n;
}

bool parse_switch(const std::string& name, const std::string& value) {
    if (value == "on" || value == "true" || value == "yes" || value == "1" || value.empty()) {
        return true;
    }
    if (value == "off" || value == "false" || value == "no" || value == "0") {
        return false;
    }
    throw BadRequest(name, "must be on or off");
}

search::SearchRequest parse_search_params(const Params& params, ParamSet set) {
    static const std::set<std::string_view> search_names{
        "q", "page", "size", "page_size", "sort", "facets", "facet_limit", "snippets", "spelling"};
    static const std::set<std::string_view> export_names{"q", "sort", "spelling"};
    check_params(params, set == ParamSet::search ? search_names : export_names);

    search::SearchRequest r;
    std::string page_text;
    for (const auto& [name, value] : params) {
        if (name.starts_with('_')) {
            continue;
        }
        if (name == "q") {
            if (value.size() > search::max_query_bytes) {
                throw BadRequest("q", "is longer than " + std::to_string(search::max_query_bytes) +
                                          " bytes");
            }
            r.text = value;
        } else if (name == "page") {
            page_text = value;
        } else if (name == "size" || name == "page_size") {
            r.page_size = parse_count(name, value, 1, search::max_page_size);
        } else if (name == "sort") {
            const auto sort = search::parse_sort(value);
            if (!sort) {
                throw BadRequest("sort", "must be one of relevance, newest_registered, "
                                         "last_changed, name, organisation");
            }
            r.sort = *sort;
        } else if (name == "facets") {
            r.facets = parse_switch(name, value);
        } else if (name == "facet_limit") {
            r.facet_limit = parse_count(name, value, 0, max_facet_limit);
        } else if (name == "snippets") {
            r.snippets = parse_switch(name, value);
        } else if (name == "spelling") {
            r.spelling = parse_switch(name, value);
        } else {
            if (value.empty()) {
                continue; // "status=" from an empty form field: no filter
            }
            auto& values = r.filters[name];
            values.insert(value);
            if (values.size() > max_filter_values) {
                throw BadRequest(name,
                                 "more than " + std::to_string(max_filter_values) + " values");
            }
        }
    }
    if (!page_text.empty()) {
        // The deepest page whose first result is within max_offset.
        const std::size_t deepest = search::max_offset / r.page_size + 1;
        r.page = parse_count("page", page_text, 1, deepest);
    }
    if (set == ParamSet::export_) {
        r.facets = false;
        r.snippets = false;
    }
    return r;
}

} // namespace algreg::web
