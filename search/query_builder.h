// ParsedQuery -> Xapian::Query by the index layout of schema.h, with the language features:
//
// - Terms: each word is folded and stemmed by the same Analyzer the indexer uses, then searched
//   under every text prefix (or the one its field names), each scaled by that prefix's weight
//   (OP_SCALE_WEIGHT): a word in the title counts 4x, in the short description or goal 2x, in
//   the organisation 1.5x, elsewhere 1x. Prefixes where the stem does not occur are left out.
// - Phrases: phrase_query() (OP_PHRASE hits, on the positions value) within one prefix, OR-ed
//   over the prefixes where every word occurs.
// - Exact-phrase boost: a top-level query of two or more plain words also scores, as an
//   optional extra (OP_AND_MAYBE), the phrase of those words: "slimme camera" puts entries with
//   the exact phrase first without dropping the others.
// - Stopwords (de, het, een, ...): optional in an AND unless the query has nothing else.
// - Compounds: a word also matches the indexed compounds it is part of (vocabulary.h), at
//   compound_weight, at most max_compound_expansions per word.
// - prefix*: the most frequent max_prefix_expansions indexed words starting with the folded
//   prefix, as one OP_SYNONYM per field.
// - Abbreviations: a word or word sequence equal to a synonym key (synonyms.h) is OR-ed with
//   its values (a phrase for multi-word values) at synonym_weight.
// - Filters in the text (status:…) become boolean terms on the facet prefixes.
#pragma once

#include "search/analysis.h"
#include "search/facets.h"
#include "search/query.h"
#include "search/snippets.h"
#include "search/synonyms.h"
#include "search/vocabulary.h"

#include <string>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// A new query that matches every document. Never copy Xapian::Query::MatchAll instead: it is
/// one global object, and Xapian 1.4 counts references to a query's internals without atomics,
/// so threads copying it at the same time corrupt the count (seen as heap corruption and
/// crashes of the server under concurrent searches). The empty term means "every document".
[[nodiscard]] inline Xapian::Query match_all() {
    return Xapian::Query(std::string());
}

inline constexpr double compound_weight = 0.5;
inline constexpr double synonym_weight = 0.9;
inline constexpr double phrase_boost_weight = 1.0;
inline constexpr std::size_t max_compound_expansions = 12;
inline constexpr std::size_t max_prefix_expansions = 100;
/// Expansion terms (compounds and prefixes) allowed in one query, in all.
inline constexpr std::size_t max_expansions_per_query = 400;

/// True for the Dutch function words that are optional in an AND.
[[nodiscard]] bool is_stopword(std::string_view folded);

/// What the builder reads. All references must outlive the call.
struct QueryContext {
    const Vocabulary& vocabulary;
    const SynonymTable& synonyms;
    const FacetIndex& facets;
    Analyzer& analyzer;
};

/// A positive plain word of the query, for spelling correction.
struct QueryWord {
    std::size_t offset = 0; ///< in ParsedQuery::text
    std::size_t length = 0;
    std::string folded;
    bool known = false; ///< the index has it (or a compound of it, or it is an abbreviation)
};

struct BuiltQuery {
    Xapian::Query query;      ///< meaningful only when `constrained`
    bool constrained = false; ///< false: the query selects every entry
    bool ranked = false;      ///< has positive text terms: relevance order is meaningful
    HighlightTerms highlight;
    std::vector<QueryWord> words;
    std::vector<Text> warnings; ///< e.g. an unknown value in status:…
};

/// Builds the Xapian query. Never throws for any ParsedQuery.
[[nodiscard]] BuiltQuery build_query(const ParsedQuery& parsed, QueryContext& context);

} // namespace algreg::search
