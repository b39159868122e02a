// The abbreviation list (abbreviations-nl.tsv): "ABBR <whitespace> expansion" per line.
// Written into the index as synonyms in both directions.
#pragma once

#include <string>
#include <vector>

namespace algreg::indexer {

struct Abbreviation {
    std::string abbreviation; ///< as written: "BRP", "DigiD"
    std::string expansion;    ///< trimmed: "Basisregistratie Personen"
    bool operator==(const Abbreviation&) const = default;
};

/// Parses the list: split at the first run of whitespace (tabs and spaces; the file mixes
/// them), trim the expansion; blank lines and lines without an expansion are skipped.
/// Repeated abbreviations are alternative expansions (AI, OCW).
/// Throws search::InputError when the file cannot be read.
[[nodiscard]] std::vector<Abbreviation> read_abbreviations(const std::string& path);
[[nodiscard]] std::vector<Abbreviation> parse_abbreviations(const std::string& text);

/// Synonym pairs (key, synonym) for Xapian: fold(abbreviation) -> folded expansion and
/// folded expansion -> fold(abbreviation). Multi-word keys have their words joined by one space.
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
synonym_pairs(const std::vector<Abbreviation>& list);

} // namespace algreg::indexer
