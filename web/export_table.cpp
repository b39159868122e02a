#include "web/export_table.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "web/official_format.h"

#include <cstdio>

namespace algreg::web {

namespace {

constexpr std::size_t max_query_slug = 40;
constexpr std::size_t max_filter_slug = 40;

std::string assessments_cell(const search::AlgorithmRecord& r) {
    std::string out;
    for (const auto& a : r.assessments) {
        out += (out.empty() ? "" : "; ") +
               search::assessment_type_label(a.type, search::Language::nl) + ": " +
               std::string(search::to_label(a.state));
    }
    return out;
}

/// `slug` cut to at most `max` bytes, at a dash when there is one, without a trailing dash.
std::string cut_slug(std::string slug, std::size_t max) {
    if (slug.size() > max) {
        slug.resize(max);
        if (const auto dash = slug.rfind('-'); dash != std::string::npos && dash > 0) {
            slug.resize(dash);
        }
    }
    while (!slug.empty() && slug.back() == '-') {
        slug.pop_back();
    }
    return slug;
}

} // namespace

const std::vector<std::string>& export_columns() {
    static const std::vector<std::string> columns = [] {
        auto c = official_csv_columns();
        c.insert(c.end(), {"organisation_type", "assessments", "register_url"});
        return c;
    }();
    return columns;
}

std::vector<std::string> export_cells(const search::AlgorithmRecord& r) {
    const auto& columns = official_csv_columns();
    std::vector<std::string> cells;
    cells.reserve(columns.size() + 3);
    for (const auto& column : columns) {
        cells.push_back(official_csv_cell(r, column));
    }
    cells.push_back(r.organization_type);
    cells.push_back(assessments_cell(r));
    cells.push_back(r.register_url);
    return cells;
}

bool is_date_column(std::string_view column) {
    return column == "begin_date" || column == "end_date" || column == "publication_dt";
}

std::string export_filename(const search::SearchRequest& request, std::string_view date,
                            std::string_view extension) {
    std::string name = "algoritmeregister";
    if (const std::string q = cut_slug(search::slug(request.text), max_query_slug); !q.empty()) {
        name += "-" + q;
    }
    std::string filters;
    for (const auto& [facet, values] : request.filters) { // std::map: facets in name order
        for (const auto& value : values) {
            const std::string s = search::slug(value);
            if (!s.empty()) {
                filters += (filters.empty() ? "" : "-") + s;
            }
        }
    }
    if (!filters.empty() && filters.size() <= max_filter_slug) {
        name += "-" + filters;
    }
    name += "-" + std::string(date) + "." + std::string(extension);
    return name;
}

std::string attachment_header(std::string_view filename) {
    std::string encoded;
    for (const char ch : filename) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_') {
            encoded += ch;
        } else {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            encoded += hex;
        }
    }
    // The plain form is the encoded form: export_filename() only makes [a-z0-9.-]; anything
    // else is percent-encoded in both, so the quoted string can never hold a quote.
    return "attachment; filename=\"" + encoded + "\"; filename*=UTF-8''" + encoded;
}

} // namespace algreg::web
