// Display labels for facet values that documents do not carry: organisation types (stored as
// keys) and the fixed values of the yes/no and unknown buckets. Values that documents carry
// (organisation names, themes, categories) get their labels from the records (facets.cpp).
#pragma once

#include <string>
#include <string_view>

namespace algreg::search {

/// The Dutch label of an organisation type key ("gemeente" -> "Gemeente",
/// "zelfstandig_bestuursorgaan" -> "Zelfstandig bestuursorgaan"), the one table of
/// type labels (the indexer's vocabulary uses it too); generic_label(key) when unknown.
[[nodiscard]] std::string organisation_type_label(std::string_view key);

/// True when `key` is one of the 25 organisation type keys (register-model.md §4.1).
[[nodiscard]] bool is_organisation_type(std::string_view key);

/// "ja" -> "Ja", "nee" -> "Nee", "onbekend" -> "Onbekend"; otherwise the value with its first
/// letter in upper case and '_'/'-' as spaces.
[[nodiscard]] std::string generic_label(std::string_view value);

} // namespace algreg::search
