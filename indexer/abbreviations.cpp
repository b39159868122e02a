#include "indexer/abbreviations.h"

#include "search/analysis.h"
#include "search/errors.h"

#include <fstream>
#include <set>
#include <sstream>

namespace algreg::indexer {

std::vector<Abbreviation> parse_abbreviations(const std::string& text) {
    std::vector<Abbreviation> list;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const auto begin = line.find_first_not_of(" \t");
        if (begin == std::string::npos) {
            continue;
        }
        const auto gap = line.find_first_of(" \t", begin);
        if (gap == std::string::npos) {
            continue;
        }
        const auto expansion_begin = line.find_first_not_of(" \t", gap);
        if (expansion_begin == std::string::npos) {
            continue;
        }
        const auto expansion_end = line.find_last_not_of(" \t");
        list.push_back({line.substr(begin, gap - begin),
                        line.substr(expansion_begin, expansion_end - expansion_begin + 1)});
    }
    return list;
}

std::vector<Abbreviation> read_abbreviations(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw search::InputError(path, 0, 0, "cannot open the abbreviation list");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_abbreviations(buffer.str());
}

namespace {
/// The folded words of `text` joined by single spaces: the form the query side looks up.
std::string folded_words(const std::string& text) {
    std::string out;
    search::for_each_word(text, 0, [&](const search::Word& w) {
        if (!out.empty()) {
            out.push_back(' ');
        }
        out += search::fold(w.raw);
    });
    return out;
}
} // namespace

std::vector<std::pair<std::string, std::string>>
synonym_pairs(const std::vector<Abbreviation>& list) {
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& a : list) {
        const std::string key = folded_words(a.abbreviation);
        const std::string expansion = folded_words(a.expansion);
        if (key.empty() || expansion.empty() || key == expansion) {
            continue;
        }
        pairs.emplace(key, expansion);
        pairs.emplace(expansion, key);
    }
    return {pairs.begin(), pairs.end()};
}

} // namespace algreg::indexer
