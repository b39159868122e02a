#include "web/page_url.h"

#include "search/schema.h"
#include "web/html_builder.h"

#include <charconv>

namespace algreg::web {

namespace {

bool is_facet(std::string_view name) {
    for (const auto& f : search::facets) {
        if (f.name == name) {
            return true;
        }
    }
    return false;
}

std::size_t parse_number(std::string_view text, std::size_t fallback) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return fallback;
    }
    return value;
}

} // namespace

PageQuery parse_page_query(const QueryParams& params) {
    PageQuery out;
    auto& r = out.request;
    for (const auto& [name, value] : params) {
        if (name == "q") {
            r.text = search::sanitise_query_text(value, search::max_query_bytes);
        } else if (name == "org_q") {
            out.org_query = search::sanitise_query_text(value, 200);
        } else if (name == "sort") {
            r.sort = search::parse_sort(value).value_or(search::Sort::relevance);
        } else if (name == "page") {
            r.page = parse_number(value, 1);
        } else if (name == "size" || name == "page_size") {
            r.page_size = parse_number(value, search::default_page_size);
        } else if (is_facet(name) && !value.empty() && value.size() <= 200) {
            r.filters[name].insert(search::sanitise_query_text(value, 200));
        }
    }
    if (r.page_size < 1) {
        r.page_size = 1;
    }
    if (r.page_size > search::max_page_size) {
        r.page_size = search::max_page_size;
    }
    const std::size_t deepest = search::max_offset / r.page_size + 1;
    if (r.page < 1) {
        r.page = 1;
    }
    if (r.page > deepest) {
        r.page = deepest;
    }
    return out;
}

std::string localised_path(Lang lang, std::string_view path) {
    if (lang == Lang::nl) {
        return std::string(path.empty() ? "/" : path);
    }
    if (path.empty() || path == "/") {
        return "/en/";
    }
    return "/en" + std::string(path);
}

std::pair<Lang, std::string> split_lang(std::string_view path) {
    if (path == "/en") {
        return {Lang::en, "/"};
    }
    if (path.starts_with("/en/")) {
        return {Lang::en, std::string(path.substr(3))};
    }
    return {Lang::nl, std::string(path.empty() ? "/" : path)};
}

std::string query_string(const search::SearchRequest& request, std::string_view org_query) {
    std::string out;
    auto add = [&](std::string_view name, std::string_view value) {
        out += out.empty() ? '?' : '&';
        out += name;
        out += '=';
        out += url_encode(value);
    };
    if (!request.text.empty()) {
        add("q", request.text);
    }
    for (const auto& f : search::facets) {
        const auto it = request.filters.find(std::string(f.name));
        if (it == request.filters.end()) {
            continue;
        }
        for (const auto& value : it->second) {
            add(f.name, value);
        }
    }
    if (request.sort != search::Sort::relevance) {
        add("sort", search::to_string(request.sort));
    }
    if (request.page_size != search::default_page_size) {
        add("size", std::to_string(request.page_size));
    }
    if (request.page > 1) {
        add("page", std::to_string(request.page));
    }
    if (!org_query.empty()) {
        add("org_q", org_query);
    }
    return out;
}

std::string page_url(Lang lang, std::string_view path, const search::SearchRequest& request,
                     std::string_view org_query) {
    return localised_path(lang, path) + query_string(request, org_query);
}

std::string export_url(std::string_view format, const search::SearchRequest& request) {
    search::SearchRequest r = request;
    r.page = 1;
    r.page_size = search::default_page_size;
    return "/api/v1/export." + std::string(format) + query_string(r);
}

search::SearchRequest with_filter_toggled(search::SearchRequest request, const std::string& facet,
                                          const std::string& value) {
    auto& values = request.filters[facet];
    if (values.erase(value) == 0) {
        values.insert(value);
    }
    if (values.empty()) {
        request.filters.erase(facet);
    }
    request.page = 1;
    return request;
}

search::SearchRequest without_filters(search::SearchRequest request) {
    request.filters.clear();
    request.page = 1;
    return request;
}

search::SearchRequest with_page(search::SearchRequest request, std::size_t page) {
    request.page = page;
    return request;
}

bool has_filters(const search::SearchRequest& request) {
    for (const auto& [name, values] : request.filters) {
        if (!values.empty()) {
            return true;
        }
    }
    return false;
}

} // namespace algreg::web
