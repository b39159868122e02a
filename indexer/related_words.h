// The related-words list (related-words-nl.tsv): words the register's authors use for the same
// thing (gezichtsherkenning, gezichtsvergelijking). Tab-separated: word, related word, source or
// reason; lines starting with '#' and blank lines are skipped. Written into the index as
// synonyms in both directions, next to the abbreviations (docs/search.md "Related words").
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace algreg::indexer {

struct RelatedWords {
    std::string word;    ///< as written: "gezichtsherkenning", "machine learning"
    std::string related; ///< "gezichtsvergelijking"
    std::string reason;  ///< where the pair comes from; "(one-sided)" when `word` is not in it
    bool operator==(const RelatedWords&) const = default;
};

/// Parses the list. Throws search::InputError (file `path`, line, column) for a line without
/// three non-empty tab-separated columns.
[[nodiscard]] std::vector<RelatedWords> parse_related_words(const std::string& text,
                                                            const std::string& path);
/// Reads and parses the file at `path`. Throws search::InputError when it cannot be read.
[[nodiscard]] std::vector<RelatedWords> read_related_words(const std::string& path);

/// Synonym pairs for Xapian in both directions, folded as the abbreviations' (abbreviations.h),
/// each key marked as a related-word key (search/related_key.h).
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
synonym_pairs(const std::vector<RelatedWords>& list);

/// The related-words list that goes with the abbreviation list at `abbreviations_path`: the
/// file related-words-nl.tsv in the same folder ("" when there is none).
[[nodiscard]] std::string related_words_beside(const std::string& abbreviations_path);

} // namespace algreg::indexer
