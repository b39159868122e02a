// Our own highlighter. Xapian's MSet::snippet() does not know our prefixed terms, and would
// re-parse the text with its own tokeniser; we tokenise plain text exactly as the indexer does
// (for_each_word + Analyzer), so a word is marked exactly when its stem is one the query
// searched for, including compound and prefix expansions and abbreviation expansions.
// Output is HTML: everything escaped, matches wrapped in <mark>…</mark>.
#pragma once

#include "search/analysis.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace algreg::search {

/// Target snippet length in bytes of source text (cut at word boundaries).
inline constexpr std::size_t snippet_length = 200;

/// Bit i stands for text_prefixes[i] (schema.h): the fields a highlighted stem was searched in.
using FieldMask = std::uint8_t;
inline constexpr FieldMask all_fields_mask = 0x3F;

/// What to mark: words whose stem is in `stems`, or whose folded form starts with one of
/// `prefixes` (for prefix* queries), in the fields of the mask (titel:parkeren marks "parkeren"
/// in the title only).
struct HighlightTerms {
    std::unordered_map<std::string, FieldMask> stems;
    std::vector<std::pair<std::string, FieldMask>> prefixes;
    std::size_t words = 0; ///< distinct positive query words: an excerpt with this many is enough
    void add_stem(const std::string& stem, FieldMask fields) { stems[stem] |= fields; }
    void add_prefix(const std::string& folded, FieldMask fields) {
        prefixes.emplace_back(folded, fields);
    }
    [[nodiscard]] bool empty() const { return stems.empty() && prefixes.empty(); }
};

class Highlighter {
  public:
    /// Both must outlive the highlighter. The analyzer is used (and its cache grown): one
    /// highlighter per thread.
    Highlighter(const HighlightTerms& terms, Analyzer& analyzer);

    struct Excerpt {
        std::string html;         ///< empty when no word of the text matches
        std::size_t matches = 0;  ///< marked words in the excerpt
        std::size_t distinct = 0; ///< distinct marked stems in the excerpt
    };

    /// The whole of `text`, escaped, matches marked. Line breaks become spaces. `field` is the
    /// bit of the text's field; words searched only in other fields are not marked.
    [[nodiscard]] std::string mark_all(std::string_view text, FieldMask field = all_fields_mask);

    /// The window of about `length` bytes with the most distinct matched stems (then the most
    /// matches), widened to give context before the first match, cut at word boundaries, with
    /// "…" where text was cut.
    [[nodiscard]] Excerpt excerpt(std::string_view text, FieldMask field = all_fields_mask,
                                  std::size_t length = snippet_length);

    [[nodiscard]] const HighlightTerms& terms() const { return terms_; }

    /// True when some word of `text` would be marked in `field` (stops at the first).
    [[nodiscard]] bool contains_match(std::string_view text, FieldMask field);

    /// The start of `text` up to about `length` bytes, cut after a whole word, escaped, with
    /// "…" when cut. For entries without a matching field.
    [[nodiscard]] static std::string lead(std::string_view text,
                                          std::size_t length = snippet_length);

    /// The stem of `raw_word` when it would be marked in `field`, else nullptr.
    [[nodiscard]] const std::string* match(std::string_view raw_word, FieldMask field);

  private:
    const HighlightTerms& terms_;
    Analyzer& analyzer_;
    /// Two-letter starts of every stem and prefix (ASCII): a word starting otherwise cannot
    /// match and is not analysed. Off when a stem is shorter than two letters.
    std::vector<bool> starts_;
    bool prefilter_ = true;
};

} // namespace algreg::search
