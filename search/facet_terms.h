// The boolean facet terms of a record: which facet values (schema.h `facets`) an entry has.
// The indexer posts exactly these terms; the search side uses the same function to decide
// whether a record that is not in the index (a removed entry in the history) passes a filter.
#pragma once

#include "search/record.h"

#include <string>
#include <string_view>
#include <vector>

namespace algreg::search {

/// The facet value of a normalised status: "In gebruik" -> "in_gebruik", "In ontwikkeling" ->
/// "ontwikkeling", "Buiten gebruik" -> "buiten_gebruik" (the listing's codes); "" otherwise.
[[nodiscard]] std::string_view status_value(std::string_view normalised_status);

/// Every facet term of `record` (facet prefix + value), in schema order.
[[nodiscard]] std::vector<std::string> facet_terms(const AlgorithmRecord& record);

} // namespace algreg::search
