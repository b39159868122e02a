// The words of one index revision, held in memory for query expansion: the spelling word list
// (folded words of at least 3 letters, no digits, with the number of entries containing them)
// sorted forwards and by reversed spelling, and for every stem the text fields it occurs in.
// Built once per revision (revision.h) and read-only afterwards, so one instance may be shared
// by the searchers of all threads.
//
// Compound words (docs/search.md "Compounds"): Dutch writes compounds as one word, so a query
// word is also looked up as a part of indexed words:
//   head      the query word's stem (+ an inflection) ends an indexed word:
//             toeslag -> kinderopvangtoeslag, huurtoeslagen
//   modifier  the query word, its stem or its compounding form starts an indexed word:
//             parkeren -> parkeer-, parker-  -> parkeervergunning, parkeerbeleid
// The word needs min_compound_part letters (and its stem too, for heads), and the other part at
// least 3 (before a head) or 4 (after a modifier) letters, so "wijk" does not find "Harderwijk"
// and "parkeer" does not find the verb form "parkeerde". Forms derive from the stem where they
// can, so inflections of one word (algoritme, algoritmes, Algoritmen) expand alike.
// Not expanded: function words that are parts of unrelated words ("zonder" is not a part of
// "bijzonder"; list in vocabulary.cpp), and words in more than 1 in max_compound_share_inverse
// entries (by stem, so all inflections alike; their compounds add little to a broad result and
// cost time). After the stem (a truncated form: algoritm-), the other part needs one letter more.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// Shortest query form (in bytes) that is looked up as a compound part.
inline constexpr std::size_t min_compound_part = 5;
/// Words found in more than doc_count / max_compound_share_inverse entries are not expanded.
inline constexpr std::size_t max_compound_share_inverse = 10;
/// Letters the other part of a compound must have at least.
inline constexpr std::size_t min_rest_before_head = 3;    ///< kinderopvang|toeslag
inline constexpr std::size_t min_rest_after_modifier = 4; ///< parkeer|beleid

/// The forms a folded word takes as the first part of a compound: the word itself and, for a
/// word of at least 6 letters ending in -en, its base with the Dutch spelling rules undone:
/// the open syllable gets its long vowel back (parkeren -> parker, parkeer; betalen -> betal,
/// betaal), a doubled consonant is single again (bestellen -> bestell, bestel), v and z at the
/// end become f and s (beleven -> belev, beleef). Only forms of at least min_compound_part
/// bytes. Pure function.
[[nodiscard]] std::vector<std::string> modifier_forms(std::string_view folded);

/// The endings a word with stem `stem` has as the last part of a compound: the stem with the
/// common inflections (-, -e, -en, -es, -s, -n), so that toeslag and toeslagen look for the same
/// words (kinderopvangtoeslag, huurtoeslagen). Empty for a stem shorter than min_compound_part.
[[nodiscard]] std::vector<std::string> head_endings(std::string_view stem);

class Vocabulary {
  public:
    struct Entry {
        std::string word;        ///< folded
        std::uint32_t frequency; ///< entries containing the word
    };

    Vocabulary() = default;
    /// Reads the spelling list and the text terms of `db`: one pass over each.
    [[nodiscard]] static Vocabulary load(const Xapian::Database& db);

    /// Bit i set when text_prefixes[i].prefix + stem is a term of the index; 0 = nowhere.
    [[nodiscard]] std::uint8_t fields_of(const std::string& stem) const;
    /// Most entries containing the stem in any one text field (a lower bound of the entries
    /// containing it); 0 when the index does not have it.
    [[nodiscard]] std::uint32_t stem_frequency(const std::string& stem) const;
    /// Entries containing the folded word; 0 when it is not in the spelling list.
    [[nodiscard]] std::uint32_t frequency(std::string_view folded) const;

    /// Words starting with `folded_prefix`, most frequent first (ties alphabetical), at most
    /// `limit`. Scans at most max_prefix_scan words of the range.
    [[nodiscard]] std::vector<Entry> completions(std::string_view folded_prefix,
                                                 std::size_t limit) const;
    /// Words of which `folded` (with stem `stem`) is a compound part by the rules in the file
    /// comment, most frequent first, at most `limit`. The word itself and its plain
    /// inflections are not included.
    [[nodiscard]] std::vector<Entry> compounds(std::string_view folded, std::string_view stem,
                                               std::size_t limit) const;

    [[nodiscard]] std::size_t size() const { return words_.size(); }
    [[nodiscard]] std::size_t document_count() const { return document_count_; }

    static constexpr std::size_t max_prefix_scan = 20'000;

  private:
    void add_range_starting(std::string_view prefix, std::size_t min_rest,
                            std::vector<std::uint32_t>& out) const;
    void add_range_ending(std::string_view suffix, std::size_t min_rest,
                          std::vector<std::uint32_t>& out) const;
    [[nodiscard]] std::vector<Entry> top(std::vector<std::uint32_t> indices,
                                         std::size_t limit) const;

    std::vector<std::string> words_; ///< sorted
    std::vector<std::uint32_t> frequency_;
    std::vector<std::string> reversed_;         ///< reversed words, sorted
    std::vector<std::uint32_t> reversed_index_; ///< reversed_[i] is words_[reversed_index_[i]]
    struct StemInfo {
        std::uint8_t fields = 0;
        std::uint32_t frequency = 0;
    };
    std::unordered_map<std::string, StemInfo> stems_;
    std::size_t document_count_ = 0;
};

} // namespace algreg::search
