// Display labels for facet values that documents do not carry: organisation types (stored as
// keys) and the fixed values of the yes/no and unknown buckets. Values that documents carry
// (organisation names, themes, categories) get their labels from the records (facets.cpp).
#pragma once

#include <string>
#include <string_view>

namespace algreg::search {

/// The Dutch label of an organisation type key ("gemeente" -> "Gemeente",
/// "zelfstandig_bestuursorgaan" -> "Zelfstandig bestuursorgaan"), as the indexer's vocabulary
/// labels them (a test keeps the two tables equal); the key itself when unknown.
[[nodiscard]] std::string organisation_type_label(std::string_view key);

/// "ja" -> "Ja", "nee" -> "Nee", "onbekend" -> "Onbekend"; otherwise the value with its first
/// letter in upper case and '_'/'-' as spaces.
[[nodiscard]] std::string generic_label(std::string_view value);

} // namespace algreg::search
