// AlgorithmRecord -> Xapian::Document by the layout in search/schema.h: text terms (one per
// distinct word and field prefix, wdf = its occurrences) with their positions in one value per
// prefix (search/positions.h), boolean facet terms, sort values, and the normalised record as
// data.
#pragma once

#include "search/analysis.h"
#include "search/positions.h"
#include "search/record.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace algreg::indexer {

/// Folded word -> number of entries that contain it; the spelling dictionary.
using WordCounts = std::unordered_map<std::string, int>;

/// Gap in word positions between two fields, so a phrase never spans a field boundary.
inline constexpr std::uint32_t field_position_gap = 100;

/// Builds documents. Not thread-safe (it owns an Analyzer and a word cache): one per thread.
class DocumentBuilder {
  public:
    /// The document for `record`; `data` is its serialised JSON (stored as document data).
    /// Also tallies the record's distinct spelling words (as count_words() with delta +1 would)
    /// inside the builder, in the same pass over the text.
    [[nodiscard]] Xapian::Document build_counted(const search::AlgorithmRecord& record,
                                                 const std::string& data);

    /// Adds the tally of build_counted() to `counts` and clears it.
    void take_spelling(WordCounts& counts);

    /// Adds `delta` for each distinct folded word of the record's text to `counts`.
    void count_words(const search::AlgorithmRecord& record, int delta, WordCounts& counts);

    /// The boolean filter terms of a record (prefix + value), also used by tests.
    [[nodiscard]] static std::vector<std::string> filter_terms(const search::AlgorithmRecord& r);

    /// Calls f(prefix, plain_text) for every full-text field of the record, in a fixed order.
    template <class F> static void for_each_text(const search::AlgorithmRecord& r, F&& f);

  private:
    /// What the Analyzer says about one raw word, kept in a flat table because a corpus repeats
    /// its words: the stem, and the id of the folded form if it goes into the spelling
    /// dictionary (no_spelling otherwise).
    struct CachedWord {
        std::string raw;
        std::string stem;
        std::uint32_t spelling_id;
    };
    static constexpr std::uint32_t no_spelling = 0xFFFFFFFF;

    const CachedWord& lookup(std::string_view raw);
    /// Calls f(word) for each word of the record's text, with its prefix and position.
    template <class F> void for_each_word(const search::AlgorithmRecord& record, F&& f);
    /// Marks spelling word `id` as met in the current record; true the first time.
    bool first_in_record(std::uint32_t id);

    /// One word of the record being built: its field prefix, its CachedWord (index into
    /// words_) and its position.
    struct Occurrence {
        std::string_view prefix;
        std::uint32_t word;
        std::uint32_t position;
    };

    search::Analyzer analyzer_;
    std::vector<Occurrence> occurrences_;       ///< of the record being built
    std::vector<std::uint32_t> term_positions_; ///< of the term being added
    search::PositionsEncoder positions_;        ///< the positions value of one prefix
    std::vector<CachedWord> words_;
    std::vector<std::uint32_t> slots_;        ///< open addressing over words_: index + 1, 0 = empty
    std::vector<std::string> spelling_words_; ///< by spelling id
    std::unordered_map<std::string, std::uint32_t> spelling_ids_; ///< folded word -> id
    std::vector<std::uint32_t> last_record_; ///< by spelling id: stamp of the last record met
    std::vector<int> tally_;                 ///< by spelling id: build_counted() records
    std::uint32_t record_stamp_ = 0;
};

} // namespace algreg::indexer
