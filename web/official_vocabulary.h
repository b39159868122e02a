// The official register's fixed vocabularies with their labels per language (register-model.md
// §2.1 and §4.1): the 25 organisation types and the 14 impact-assessment facet values.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace algreg::web {

/// "NLD", "ENG" or "FRY" (the official {lang} path values).
[[nodiscard]] bool is_official_language(std::string_view lang);

struct OfficialLabel {
    std::string_view key; ///< the API key
    std::string_view nl;
    std::string_view en;
};

/// The 25 organisation type keys in the official order. Types without an official label carry
/// the suggested one (omgevingsdienst, regionaal_samenwerkingsverband, inspectie).
[[nodiscard]] std::span<const OfficialLabel> official_organisation_types();

/// The impact-assessment facet values: the 12 standard types, Overig, Geen. `key` is the Dutch
/// label (the API key for every language).
[[nodiscard]] std::span<const OfficialLabel> official_impact_assessments();

/// Our assessment type slug for an official impact-assessment key ("Data Protection Impact
/// Assessment (DPIA)" -> "dpia"); "" for Overig, Geen and unknown keys.
[[nodiscard]] std::string assessment_slug_for(std::string_view official_key);

/// The label in `lang` (ENG: English; NLD and FRY: Dutch, as no Frisian labels are known).
[[nodiscard]] std::string_view localised(const OfficialLabel& label, std::string_view lang);

/// The entry for `key` in `table`, or nullptr.
[[nodiscard]] const OfficialLabel* find_label(std::span<const OfficialLabel> table,
                                              std::string_view key);

} // namespace algreg::web
