// How related words (fixtures/related-words-nl.tsv, indexer/related_words.h) sit in the index's
// synonym table next to the abbreviations: under their folded key with a marker in front, which
// no typed query can produce (queries are split into words, and '~' is no word character). So
// the query side tells them apart and ranks them lower than abbreviations, which mean exactly
// the same as their expansion (docs/search.md "Related words").
#pragma once

#include <string>
#include <string_view>

namespace algreg::search {

inline constexpr std::string_view related_key_marker = "~";

/// The synonym-table key of the related words of `folded_key` (folded words joined by a space).
[[nodiscard]] inline std::string related_key(std::string_view folded_key) {
    return std::string(related_key_marker) + std::string(folded_key);
}

} // namespace algreg::search
