// Text analysis shared by the indexer and the query side: folding, slugs, word splitting and
// stemming. Both sides must turn a word into the same term, so this is the only place that
// decides what a term is.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <xapian.h>

namespace algreg::search {

/// Folds text for matching: Unicode compatibility decomposition (NFKD), combining marks
/// removed, full case folding. "Financiële" -> "financiele", "ĳ" -> "ij", "ß" -> "ss".
/// Invalid UTF-8 sequences become U+FFFD. Display text is never folded.
[[nodiscard]] std::string fold(std::string_view utf8);

/// A stable, URL-safe filter value: fold(), then every run of characters that are not ASCII
/// letters or digits becomes one '-', with no '-' at either end.
/// "Gemeente 's-Hertogenbosch" -> "gemeente-s-hertogenbosch". Capped at 120 bytes so that a
/// prefixed term stays well under Xapian's 245-byte limit.
[[nodiscard]] std::string slug(std::string_view utf8);

/// One word found by for_each_word(): its raw bytes in the source and its word position.
struct Word {
    std::string_view raw;
    std::uint32_t position;
};

/// Longest word (in bytes) that becomes a term; longer runs (hashes, base64) are skipped but
/// still take a position so phrases across them do not match.
inline constexpr std::size_t max_word_bytes = 64;

/// Calls `f(Word)` for each word of `text`, positions counting from `first_position`.
/// A word is a maximal run of Unicode letters, digits and combining marks. Everything else
/// separates words (spaces, punctuation, hyphens, apostrophes: "WOZ-waarde" is two words).
/// U+FFFD (a character lost to mojibake, as in "be\uFFFDindiging") between two word characters
/// is part of the word and is dropped by fold(), so the word stays whole ("beindiging") instead
/// of splitting into fragments; elsewhere it separates. Invalid UTF-8 separates.
/// Returns the position after the last word.
template <class F>
std::uint32_t for_each_word(std::string_view text, std::uint32_t first_position, F&& f);

/// Maps words to terms: folded form and Dutch stem, with a cache because a corpus repeats its
/// words. Not thread-safe: one Analyzer per thread.
class Analyzer {
  public:
    struct Forms {
        std::string folded; ///< fold(word); empty if the word folds to nothing
        std::string stem;   ///< stem_folded(folded)
    };

    Analyzer();

    /// The forms of one raw word (as produced by for_each_word). Cached.
    const Forms& analyse(std::string_view raw_word);

    /// Stems an already folded word with the Dutch Snowball stemmer plus one repair: a word in
    /// "-es" that Snowball leaves whole is stemmed without its final "s", so "algoritmes"
    /// meets "algoritme" and "algoritmen" at "algoritm". Words with digits are not stemmed.
    [[nodiscard]] std::string stem_folded(const std::string& folded) const;

    /// Number of distinct raw words seen (for benchmarks).
    [[nodiscard]] std::size_t cache_size() const { return cache_.size(); }

  private:
    Xapian::Stem stemmer_;
    std::unordered_map<std::string, Forms> cache_;
};

namespace detail {
/// Decodes one code point at `i` (advancing it); returns -1 for an invalid sequence.
std::int32_t next_code_point(std::string_view s, std::size_t& i);
bool is_word_code_point(std::int32_t cp);
} // namespace detail

template <class F>
std::uint32_t for_each_word(std::string_view text, std::uint32_t first_position, F&& f) {
    constexpr std::int32_t replacement = 0xFFFD;
    std::uint32_t position = first_position;
    std::size_t i = 0;
    std::size_t word_begin = std::string_view::npos;
    std::size_t word_end = 0;
    bool pending_replacement = false; // a U+FFFD right after word characters
    auto finish = [&] {
        if (word_begin != std::string_view::npos) {
            std::string_view raw = text.substr(word_begin, word_end - word_begin);
            if (raw.size() <= max_word_bytes) {
                f(Word{raw, position});
            }
            ++position;
            word_begin = std::string_view::npos;
        }
        pending_replacement = false;
    };
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) { // ASCII fast path
            const bool word = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
            if (word) {
                if (word_begin == std::string_view::npos) {
                    word_begin = i;
                }
                pending_replacement = false;
                word_end = ++i;
            } else {
                finish();
                ++i;
            }
            continue;
        }
        const std::size_t start = i;
        const std::int32_t cp = detail::next_code_point(text, i);
        if (cp == replacement && word_begin != std::string_view::npos && !pending_replacement) {
            pending_replacement = true; // joins only if a word character follows
            continue;
        }
        if (cp >= 0 && cp != replacement && detail::is_word_code_point(cp)) {
            if (word_begin == std::string_view::npos) {
                word_begin = start;
            }
            pending_replacement = false;
            word_end = i;
        } else {
            finish();
        }
    }
    finish();
    return position;
}

} // namespace algreg::search
