// Phrase queries over the positions value (positions.h): the replacement for Xapian's
// OP_PHRASE, which needs the position table the indexer no longer writes.
#pragma once

#include <string>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// Matches the documents where `terms` (full terms, prefix included, all under one prefix)
/// stand at consecutive positions, in order: the hits of
/// Xapian::Query(OP_PHRASE, terms, terms.size()) on a positional index. Weighted as OP_PHRASE
/// is: the sum of the terms' weights (OP_AND), restricted to the documents with the phrase.
/// One term is just that term. Throws std::invalid_argument when `terms` is empty or the terms
/// are not all under the same text prefix (schema.h text_prefixes).
[[nodiscard]] Xapian::Query phrase_query(const std::vector<std::string>& terms);

} // namespace algreg::search
