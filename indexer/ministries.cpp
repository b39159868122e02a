#include "indexer/ministries.h"

#include "indexer/vocabulary.h"
#include "search/analysis.h"
#include "search/errors.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace algreg::indexer {

MinistryTable::MinistryTable(std::vector<MinistryRow> rows) : rows_(std::move(rows)) {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        by_key_.emplace(organisation_key(rows_[i].organisation), i);
    }
}

const MinistryRow* MinistryTable::find(std::string_view organisation) const {
    const auto it = by_key_.find(organisation_key(organisation));
    return it == by_key_.end() ? nullptr : &rows_[it->second];
}

std::string organisation_key(std::string_view name) {
    std::string key = collapse_whitespace(search::fold(name));
    if (const auto open = key.rfind(" ("); open != std::string::npos && key.ends_with(')')) {
        key.resize(open);
    }
    return key;
}

MinistryTable parse_ministries(const std::string& text, const std::string& file) {
    std::vector<MinistryRow> rows;
    std::map<std::string, std::size_t> seen; // key -> line
    std::istringstream in(text);
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos || line.front() == '#') {
            continue;
        }
        const auto first = line.find('\t');
        const auto second = first == std::string::npos ? first : line.find('\t', first + 1);
        if (second == std::string::npos) {
            throw search::InputError(file, number, 1,
                                     "expected three tab-separated columns: organisation, "
                                     "ministry (empty for none), source");
        }
        MinistryRow row{
            collapse_whitespace(std::string_view(line).substr(0, first)),
            collapse_whitespace(std::string_view(line).substr(first + 1, second - first - 1)),
            collapse_whitespace(std::string_view(line).substr(second + 1)), number};
        if (row.organisation.empty()) {
            throw search::InputError(file, number, 1, "the organisation is empty");
        }
        if (row.source.empty()) {
            throw search::InputError(file, number, second + 2,
                                     "the source is empty: say how '" + row.organisation +
                                         "' falls under its ministry and where that is written");
        }
        const auto [it, inserted] = seen.emplace(organisation_key(row.organisation), number);
        if (!inserted) {
            throw search::InputError(file, number, 1,
                                     "'" + row.organisation + "' is listed already on line " +
                                         std::to_string(it->second));
        }
        rows.push_back(std::move(row));
    }
    return MinistryTable(std::move(rows));
}

MinistryTable read_ministries(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw search::InputError(path, 0, 0, "cannot open the ministry table");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_ministries(buffer.str(), path);
}

namespace {

bool is_ministry_name(std::string_view name) {
    return organisation_key(name).starts_with("ministerie van ");
}

} // namespace

std::map<std::string, std::string> ministries_from_hierarchy(std::string_view text) {
    std::map<std::string, std::string> out;
    const auto organisations = nlohmann::json::parse(text, nullptr, false);
    if (!organisations.is_object()) {
        return out;
    }
    for (const auto& [id, node] : organisations.items()) {
        if (!node.is_object() || !node.contains("name") || !node["name"].is_string()) {
            continue;
        }
        const auto name = node["name"].get<std::string>();
        if (node.value("type", nlohmann::json()).is_string() &&
            node["type"].get<std::string>() == "ministerie") {
            out[organisation_key(name)] = name;
            continue;
        }
        const auto levels = node.find("hierarchy");
        if (levels == node.end() || !levels->is_array()) {
            continue;
        }
        for (const auto& level : *levels) {
            if (level.is_object() && level.contains("name") && level["name"].is_string() &&
                is_ministry_name(level["name"].get<std::string>())) {
                out[organisation_key(name)] = level["name"].get<std::string>();
                break;
            }
        }
    }
    return out;
}

void assign_ministries(std::vector<search::AlgorithmRecord>& records, const MinistryTable& table,
                       const std::map<std::string, std::string>& hierarchy) {
    for (auto& r : records) {
        if (const auto it = hierarchy.find(organisation_key(r.organization));
            it != hierarchy.end()) {
            r.ministry = it->second;
        } else if (const MinistryRow* row = table.find(r.organization)) {
            r.ministry = row->ministry;
        } else if (r.organization_type == "ministerie") {
            r.ministry = r.organization;
        } else {
            r.ministry.clear();
        }
    }
}

} // namespace algreg::indexer
