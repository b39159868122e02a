#include "search/synonyms.h"

#include <algorithm>

namespace algreg::search {

std::vector<std::pair<std::string, std::string>> synonym_pairs(const Xapian::Database& db) {
    std::vector<std::pair<std::string, std::string>> pairs;
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
        for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) {
            pairs.emplace_back(*k, *s);
        }
    }
    return pairs;
}

SynonymTable SynonymTable::load(const Xapian::Database& db) {
    return from_pairs(synonym_pairs(db));
}

SynonymTable
SynonymTable::from_pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
    SynonymTable table;
    for (const auto& [key, value] : pairs) {
        if (key.empty() || value.empty()) {
            continue;
        }
        auto& values = table.values_[key];
        if (std::find(values.begin(), values.end(), value) == values.end()) {
            values.push_back(value);
        }
        const auto words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
        table.longest_key_words_ = std::max(table.longest_key_words_, words);
    }
    return table;
}

const std::vector<std::string>* SynonymTable::find(std::string_view key) const {
    const auto it = values_.find(key);
    return it == values_.end() ? nullptr : &it->second;
}

bool is_abbreviation(std::string_view key, const std::vector<std::string>& values) {
    if (key.find(' ') != std::string_view::npos) {
        return false;
    }
    return std::all_of(values.begin(), values.end(),
                       [&](const std::string& v) { return v.size() > key.size(); });
}

bool abbreviation_may_expand(std::string_view raw, std::string_view folded) {
    if (std::any_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return true;
    }
    if (folded.size() < 3) {
        return false;
    }
    return std::find(ordinary_word_abbreviations.begin(), ordinary_word_abbreviations.end(),
                     folded) == ordinary_word_abbreviations.end();
}

} // namespace algreg::search
