// The abbreviation table of one index revision (BRP <-> Basisregistratie Personen), read from the
// database's synonym table, where the indexer stores it in both directions with keys of folded
// words joined by one space. Read-only after load; shareable between threads.
//
// When does a query word expand? Every multi-word key and every spelled-out form ("basisregistratie
// personen", "burgerservicenummer") always expands to its abbreviation. An abbreviation expands
// to its spelled-out forms when it was typed with a capital letter (BRP, Brp, DigiD, Ww) or when
// it has at least three letters and is not one of the ordinary words in
// `ordinary_word_abbreviations` (boa, eer, fin, def, bag). So "brp", "uwv", "duo" expand, while
// lower-case "ww", "eu", "ai", "ap", "boa" stay plain words: two letters typed in lower case are
// too often something else ("ai" is both Arbeidsinspectie and artificial intelligence, "ww" is
// a piece of a web address), and a boa is also a snake. Expansions are OR-ed with the word as
// typed, so a wrong expansion adds results but never removes one.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// Lower-case abbreviations of three letters or more that are also ordinary words.
inline constexpr std::array<std::string_view, 5> ordinary_word_abbreviations{"bag", "boa", "def",
                                                                             "eer", "fin"};

class SynonymTable {
  public:
    SynonymTable() = default;
    [[nodiscard]] static SynonymTable load(const Xapian::Database& db);
    /// Builds a table from (key, value) pairs; for tests.
    [[nodiscard]] static SynonymTable
    from_pairs(const std::vector<std::pair<std::string, std::string>>& pairs);

    /// The values of `key` (folded words joined by one space), or nullptr.
    [[nodiscard]] const std::vector<std::string>* find(std::string_view key) const;
    /// Most words in any key (1 for an empty table).
    [[nodiscard]] std::size_t longest_key_words() const { return longest_key_words_; }
    [[nodiscard]] std::size_t size() const { return values_.size(); }

  private:
    std::map<std::string, std::vector<std::string>, std::less<>> values_;
    std::size_t longest_key_words_ = 1;
};

/// Every (key, value) pair of `db`'s synonym table, keys ascending.
[[nodiscard]] std::vector<std::pair<std::string, std::string>>
synonym_pairs(const Xapian::Database& db);

/// True when `key` is an abbreviation in this table: one word, shorter than all its values.
[[nodiscard]] bool is_abbreviation(std::string_view key, const std::vector<std::string>& values);

/// The case rule above, for a one-word abbreviation key typed as `raw` (folded: `folded`).
[[nodiscard]] bool abbreviation_may_expand(std::string_view raw, std::string_view folded);

} // namespace algreg::search
