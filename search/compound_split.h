// Compound guards and the split of a query word into its parts (docs/search.md "Compounds",
// "Decompounding"), on the words of one revision (vocabulary.h).
//
// Splitting is the other direction of Vocabulary::compounds(): fraudedetectie -> fraude +
// detectie; risicoprofilering -> risico + profilering; a linking -s- or -e- may stay with the
// first part (gegevens|deling) or be left out (beleid|s|regels). Same word list, same guards:
// both parts need min_compound_part letters and must be words of at least
// min_split_part_frequency entries; function words, words in more than 1 in
// max_compound_share_inverse entries, words under 2 * min_compound_part letters, words the index
// itself has in min_split_part_frequency entries or more (basisregistratie: the parts would only
// add noise and time) and names (words the index has in an organisation name: Harderwijk,
// Westerkwartier) are never split.
#pragma once

#include "search/vocabulary.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace algreg::search {

/// Entries a word must occur in to count as a part when a query word is split.
inline constexpr std::uint32_t min_split_part_frequency = 3;

/// The guards shared by compounds and splits: letters only, at least min_compound_part of
/// them, not a function word that is also part of unrelated words (zonder, tussen, ...), and
/// not in more than 1 in max_compound_share_inverse entries (by `stem`).
[[nodiscard]] bool may_be_compound_part(const Vocabulary& vocabulary, std::string_view folded,
                                        std::string_view stem);

/// The two parts of `folded` (with stem `stem`) when it is a compound of index words by the
/// rules above: the split whose rarer part is most frequent. nullopt when it is not split.
[[nodiscard]] std::optional<std::pair<std::string, std::string>>
split_compound(const Vocabulary& vocabulary, std::string_view folded, std::string_view stem);

} // namespace algreg::search
