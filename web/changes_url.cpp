#include "web/changes_url.h"

#include "search/errors.h"
#include "web/html_builder.h"

#include <algorithm>
#include <array>
#include <charconv>

namespace algreg::web {

namespace {

constexpr std::array<search::ChangeKind, 3> all_kinds{
    search::ChangeKind::added, search::ChangeKind::changed, search::ChangeKind::removed};

/// The search part as it goes into changes and feed URLs: text and filters only.
search::SearchRequest text_and_filters(const search::SearchRequest& request) {
    search::SearchRequest out;
    out.text = request.text;
    out.filters = request.filters;
    return out;
}

void add(std::string& out, std::string_view name, std::string_view value) {
    out += out.empty() ? '?' : '&';
    out += name;
    out += '=';
    out += url_encode(value);
}

void add_kinds(std::string& out, const std::vector<search::ChangeKind>& kinds) {
    for (const auto kind : all_kinds) {
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) {
            add(out, "kind", search::to_string(kind));
        }
    }
}

bool valid_date(std::string_view name, std::string_view value) {
    try {
        search::check_date_parameter(name, value);
        return true;
    } catch (const search::BadRequest&) {
        return false;
    }
}

std::size_t parse_number(std::string_view text, std::size_t fallback) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() ? value : fallback;
}

} // namespace

ChangesQuery parse_changes_query(const QueryParams& params) {
    ChangesQuery out;
    const PageQuery page = parse_page_query(params);
    out.request.search = text_and_filters(page.request);
    out.org_query = page.org_query;
    auto& r = out.request;
    for (const auto& [name, value] : params) {
        if (name == "since" || name == "until") {
            if (value.empty()) {
                continue;
            }
            if (!valid_date(name, value)) {
                out.bad_dates.emplace_back(name, value.substr(0, 40));
                continue;
            }
            (name == "since" ? r.since : r.until) = value;
        } else if (name == "kind") {
            const auto kind = search::parse_change_kind(value);
            if (kind && std::find(r.kinds.begin(), r.kinds.end(), *kind) == r.kinds.end()) {
                r.kinds.push_back(*kind);
            }
        } else if (name == "page") {
            r.page = parse_number(value, 1);
        } else if (name == "size" || name == "page_size") {
            r.page_size = parse_number(value, search::default_changes_page_size);
        }
    }
    std::sort(r.kinds.begin(), r.kinds.end());
    if (r.kinds.size() == all_kinds.size()) {
        r.kinds.clear(); // every kind is no filter
    }
    if (!r.since.empty() && !r.until.empty() && r.since > r.until) {
        std::swap(r.since, r.until);
        out.dates_swapped = true;
    }
    r.page_size = std::clamp<std::size_t>(r.page_size, 1, search::max_changes_page_size);
    r.page = std::max<std::size_t>(r.page, 1);
    return out;
}

std::string changes_query_string(const search::ChangesRequest& request,
                                 std::string_view org_query) {
    std::string out = query_string(text_and_filters(request.search));
    if (!request.since.empty()) {
        add(out, "since", request.since);
    }
    if (!request.until.empty()) {
        add(out, "until", request.until);
    }
    add_kinds(out, request.kinds);
    if (request.page_size != search::default_changes_page_size) {
        add(out, "size", std::to_string(request.page_size));
    }
    if (request.page > 1) {
        add(out, "page", std::to_string(request.page));
    }
    if (!org_query.empty()) {
        add(out, "org_q", org_query);
    }
    return out;
}

std::string changes_page_url(Lang lang, const search::ChangesRequest& request,
                             std::string_view org_query) {
    return localised_path(lang, "/wijzigingen") + changes_query_string(request, org_query);
}

std::string feed_url(const search::SearchRequest& search,
                     const std::vector<search::ChangeKind>& kinds) {
    std::string query = query_string(text_and_filters(search));
    add_kinds(query, kinds);
    return "/api/v1/changes.atom" + query;
}

} // namespace algreg::web
