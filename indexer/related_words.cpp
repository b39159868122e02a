#include "indexer/related_words.h"

#include "indexer/abbreviations.h"
#include "search/errors.h"
#include "search/related_key.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace algreg::indexer {

std::vector<RelatedWords> parse_related_words(const std::string& text, const std::string& path) {
    std::vector<RelatedWords> list;
    std::istringstream in(text);
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.find_first_not_of(" \t") == std::string::npos || line.starts_with('#')) {
            continue;
        }
        std::vector<std::string> columns;
        std::size_t begin = 0;
        for (std::size_t tab = line.find('\t'); tab != std::string::npos;
             begin = tab + 1, tab = line.find('\t', begin)) {
            columns.push_back(line.substr(begin, tab - begin));
        }
        columns.push_back(line.substr(begin));
        for (std::size_t i = 0; i < columns.size() && i < 3; ++i) {
            if (columns[i].find_first_not_of(' ') == std::string::npos) {
                throw search::InputError(path, number, 1,
                                         "column " + std::to_string(i + 1) +
                                             " (word, related word, reason) is empty");
            }
        }
        if (columns.size() != 3) {
            throw search::InputError(path, number, 1,
                                     "expected 3 tab-separated columns (word, related word, "
                                     "reason), found " +
                                         std::to_string(columns.size()));
        }
        list.push_back({columns[0], columns[1], columns[2]});
    }
    return list;
}

std::vector<RelatedWords> read_related_words(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw search::InputError(path, 0, 0, "cannot open the related-words list");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_related_words(buffer.str(), path);
}

std::vector<std::pair<std::string, std::string>>
synonym_pairs(const std::vector<RelatedWords>& list) {
    std::vector<Abbreviation> forms;
    forms.reserve(list.size());
    for (const auto& r : list) {
        forms.push_back({r.word, r.related});
    }
    auto pairs = synonym_pairs(forms); // both directions, folded
    for (auto& [key, value] : pairs) {
        key = search::related_key(key);
    }
    return pairs;
}

std::string related_words_beside(const std::string& abbreviations_path) {
    if (abbreviations_path.empty()) {
        return {};
    }
    const auto path =
        std::filesystem::path(abbreviations_path).parent_path() / "related-words-nl.tsv";
    std::error_code ignored;
    return std::filesystem::exists(path, ignored) ? path.string() : std::string();
}

} // namespace algreg::indexer
