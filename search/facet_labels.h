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

/// The label of a volledigheid facet value (a CompletenessBand id): "groen" -> "Goed",
/// "geel" -> "Redelijk", "oranje" -> "Onvoldoende", "onbekend" -> "Onbekend" in Dutch, and
/// "Good", "Fair", "Insufficient", "Unknown" with `english`; generic_label(value) otherwise.
[[nodiscard]] std::string completeness_band_label(std::string_view value, bool english = false);

/// The label of an ontbreekt facet value (a scored field key): the field's title of standard
/// 1.0 ("goal" -> "Doel en impact", "Goal and impact" with `english`); generic_label(value) for an
/// unknown key.
[[nodiscard]] std::string missing_field_label(std::string_view key, bool english = false);

/// "ja" -> "Ja", "nee" -> "Nee", "onbekend" -> "Onbekend"; otherwise the value with its first
/// letter in upper case and '_'/'-' as spaces.
[[nodiscard]] std::string generic_label(std::string_view value);

} // namespace algreg::search
