#include "web/official_format.h"

#include "search/analysis.h"
#include "search/html_text.h"
#include "search/schema.h"

#include <array>
#include <charconv>
#include <cstdint>

namespace algreg::web {

using nlohmann::json;
using search::AlgorithmRecord;

namespace {

json or_null(const std::string& value) {
    return value.empty() ? json(nullptr) : json(value);
}

json references(const std::vector<search::Reference>& refs) {
    if (refs.empty()) {
        return nullptr;
    }
    json out = json::array();
    for (const auto& r : refs) {
        out.push_back({{"title", or_null(r.title)}, {"link", or_null(r.link)}});
    }
    return out;
}

std::string join_references(const std::vector<search::Reference>& refs) {
    std::string out;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        std::string item;
        for (const auto* part : {&refs[i].title, &refs[i].link}) {
            if (!part->empty()) {
                item += (item.empty() ? "" : ", ") + *part;
            }
        }
        out += (i == 0 ? "" : ". ") + std::to_string(i + 1) + ": " + item;
    }
    return out;
}

/// Text for a CSV cell, cleaned as the official download does (official-api.md §8.1): every
/// line break (\r?\n, and a lone \r) becomes a space, every <...> tag is removed (with
/// nothing in its place), then HTML character references are decoded. No trimming.
std::string flat(std::string_view value) {
    std::string spaced;
    spaced.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\r' && i + 1 < value.size() && value[i + 1] == '\n') {
            continue; // \r\n: one space, written for the \n
        }
        spaced += value[i] == '\n' || value[i] == '\r' ? ' ' : value[i];
    }
    std::string untagged;
    untagged.reserve(spaced.size());
    for (std::size_t i = 0; i < spaced.size(); ++i) {
        if (spaced[i] == '<') {
            const auto close = spaced.find('>', i + 1);
            const auto next_open = spaced.find('<', i + 1);
            if (close != std::string::npos && close > i + 1 && close < next_open) {
                i = close;
                continue;
            }
        }
        untagged += spaced[i];
    }
    std::string out;
    out.reserve(untagged.size());
    for (std::size_t i = 0; i < untagged.size(); ++i) {
        if (untagged[i] == '&') {
            if (const auto used = search::decode_character_reference(untagged, i, out); used > 0) {
                i += used - 1;
                continue;
            }
        }
        out += untagged[i];
    }
    return out;
}

} // namespace

json official_record(const AlgorithmRecord& r, const std::string& language) {
    json out = json::object();
    for (const auto& field : search::string_fields()) {
        if (field.key != "lars" && field.key != "publication_dt") {
            out[std::string(field.key)] = or_null(r.*field.member);
        }
    }
    out["category"] = r.category.empty() ? json(nullptr) : json(r.category);
    out["lawful_basis_grouping"] = references(r.lawful_basis_grouping);
    out["impacttoetsen_grouping"] = references(r.impacttoetsen_grouping);
    out["source_data_grouping"] = references(r.source_data_grouping);
    if (r.standard_version == "0.4" && !r.impacttoetsen_grouping.empty()) {
        json names = json::array();
        for (const auto& ref : r.impacttoetsen_grouping) {
            names.push_back(ref.title);
        }
        out["impacttoetsen"] = names; // 0.4 stored a list of names here
    }
    for (const auto key : search::legacy_keys) {
        const auto it = r.legacy.find(std::string(key));
        out[std::string(key)] = it == r.legacy.end() ? json(nullptr) : json(it->second);
    }
    out["lars"] = or_null(r.lars.empty() ? r.id : r.lars);
    out["language"] = language;
    out["create_dt"] = r.changed.empty() ? json(nullptr) : json(r.changed + "T00:00:00Z");
    out["code"] = or_null(search::slug(r.organization));
    out["org_id"] = nullptr;
    return out;
}

std::string organisation_code(const AlgorithmRecord& r) {
    return search::slug(r.organization);
}

json site_data_record(const AlgorithmRecord& r) {
    json out = official_record(r, "NLD");
    out.erase("code");
    out.erase("org_id");
    // Standards before 0.4 wrote the themes as one text (official-api.md §3.3).
    const bool listed_themes =
        r.standard_version.empty() || r.standard_version == "1.0" || r.standard_version == "0.4";
    if (!listed_themes && !r.category.empty()) {
        std::string text;
        for (const auto& theme : r.category) {
            text += (text.empty() ? "" : ", ") + theme;
        }
        out["category"] = text;
    }
    // Standard 0.4 had no grouping: its list of names is `impacttoetsen` (official_record).
    if (r.standard_version == "0.4") {
        out["impacttoetsen_grouping"] = nullptr;
    }
    // The source's own spelling, where normalisation changed a value and kept what it was.
    for (const auto& [key, value] : r.original) {
        const auto it = out.find(key);
        if (it == out.end() || key == "lars" || key == "create_dt") {
            continue;
        }
        if (key == "category" && listed_themes && value.starts_with('[')) {
            // A list kept as its JSON text (indexer: read_themes).
            json list = json::parse(value, nullptr, false);
            if (list.is_array()) {
                *it = std::move(list);
                continue;
            }
        }
        *it = value;
    }
    const std::string owner = organisation_code(r);
    out["owner"] = or_null(owner);
    out["state"] = "PUBLISHED";
    return out;
}

json organisation_details_row(const std::string& name, const std::string& code,
                              const std::string& type) {
    return json{{"name", or_null(name)}, {"about", nullptr},      {"contact_info", nullptr},
                {"language", "NLD"},     {"code", or_null(code)}, {"org_id", nullptr},
                {"type", or_null(type)}, {"show_page", false}};
}

std::string official_csv_header() {
    return search::csv_line(official_csv_columns(), official_csv_style);
}

std::string official_csv_row(const AlgorithmRecord& r) {
    const auto& columns = official_csv_columns();
    std::vector<std::string> cells;
    cells.reserve(columns.size());
    for (const auto& column : columns) {
        cells.push_back(official_csv_cell(r, column));
    }
    return search::csv_line(cells, official_csv_style);
}

std::string history_publication_dt(const AlgorithmRecord& r, const std::string& recorded) {
    if (!r.publication_dt.empty()) {
        return r.publication_dt;
    }
    if (!r.changed.empty()) {
        return r.changed + " 00:00:00+00:00";
    }
    // "2026-05-13T14:57:46Z" -> "2026-05-13 14:57:46+00:00"
    if (recorded.size() == 20 && recorded[10] == 'T' && recorded.back() == 'Z') {
        return recorded.substr(0, 10) + " " + recorded.substr(11, 8) + "+00:00";
    }
    return recorded;
}

const std::vector<std::string>& official_csv_columns() {
    static const std::vector<std::string> columns{"name",
                                                  "organization",
                                                  "description_short",
                                                  "category",
                                                  "website",
                                                  "status",
                                                  "goal",
                                                  "proportionality",
                                                  "lawful_basis",
                                                  "standard_version",
                                                  "url",
                                                  "contact_email",
                                                  "lang",
                                                  "publiccode",
                                                  "source_data",
                                                  "methods_and_models",
                                                  "human_intervention",
                                                  "risks",
                                                  "provider",
                                                  "process_index_url",
                                                  "tags",
                                                  "source_id",
                                                  "begin_date",
                                                  "end_date",
                                                  "impacttoetsen",
                                                  "publication_category",
                                                  "lawful_basis_grouping",
                                                  "impacttoetsen_grouping",
                                                  "source_data_grouping",
                                                  "algorithm_id",
                                                  "publication_dt"};
    return columns;
}

std::string official_csv_cell(const AlgorithmRecord& r, const std::string& column) {
    if (column == "category") {
        std::string out;
        for (const auto& theme : r.category) {
            out += (out.empty() ? "" : ", ") + theme;
        }
        return flat(out);
    }
    if (column == "lawful_basis_grouping") {
        return flat(join_references(r.lawful_basis_grouping));
    }
    if (column == "impacttoetsen_grouping") {
        return flat(join_references(r.impacttoetsen_grouping));
    }
    if (column == "source_data_grouping") {
        return flat(join_references(r.source_data_grouping));
    }
    if (column == "algorithm_id") {
        return r.lars.empty() ? r.id : r.lars;
    }
    if (const auto* field = search::find_string_field(column)) {
        return flat(r.*field->member);
    }
    return {};
}

} // namespace algreg::web
