// The words of the DPIA/IAMA model (docs/assessments.md): the states an assessment can be in,
// the kinds of assessment and the sources of a statement, each in one table with its filter
// value (slug), its Dutch and its English label. Every view (filters, statistics,
// /impacttoetsen, the entry page, both APIs, exports, the feed) takes its words from here, so
// that one entry's DPIA reads the same everywhere.
#pragma once

#include "search/language.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace algreg::search {

/// What is known about one kind of assessment for one entry, strongest first: a source says it
/// was done; a source says it was not done; a source mentions it without saying which
/// (onbekend); no source says anything about it (niet_vermeld).
enum class AssessmentState { uitgevoerd, niet_uitgevoerd, onbekend, niet_vermeld };

/// One row of the state table.
struct AssessmentStateWords {
    AssessmentState state;
    std::string_view slug;     ///< filter value part: "niet-uitgevoerd"
    std::string_view label_nl; ///< also the value stored in the record's JSON: "niet uitgevoerd"
    std::string_view label_en;
    std::string_view css; ///< class for the badge colour: "done", "not-done", ...
};

/// The states in display order (strongest first).
inline constexpr std::array<AssessmentStateWords, 4> assessment_states{{
    {AssessmentState::uitgevoerd, "uitgevoerd", "uitgevoerd", "done", "done"},
    {AssessmentState::niet_uitgevoerd, "niet-uitgevoerd", "niet uitgevoerd", "not done",
     "not-done"},
    {AssessmentState::onbekend, "onbekend", "onbekend", "unknown", "unknown"},
    {AssessmentState::niet_vermeld, "niet-vermeld", "niet vermeld", "not mentioned",
     "not-mentioned"},
}};

[[nodiscard]] const AssessmentStateWords& words(AssessmentState state);
/// The Dutch label, as stored in the record's JSON: "niet uitgevoerd".
[[nodiscard]] std::string_view to_label(AssessmentState state);
/// The filter value part: "niet-uitgevoerd".
[[nodiscard]] std::string_view to_slug(AssessmentState state);
[[nodiscard]] std::string_view state_label(AssessmentState state, Language language);
/// The state of a slug or a Dutch label ("niet-uitgevoerd", "niet uitgevoerd"); nullopt else.
[[nodiscard]] std::optional<AssessmentState> parse_assessment_state(std::string_view text);

/// The kind of an assessment that a source says exists without naming it: the listing's
/// "Impactassessment: Ja" (docs/assessments.md §3). Every entry has this row, as it has DPIA
/// and IAMA, so that each kind's counts add up to the number of entries.
inline constexpr std::string_view kind_unknown_type = "Soort onbekend";

/// The label of an assessment type: the abbreviation for the known kinds ("DPIA"),
/// "Impacttoets, soort onbekend" / "Impact assessment, kind unknown" for kind_unknown_type.
[[nodiscard]] std::string assessment_type_label(std::string_view type, Language language);

/// The source of statements taken from the daily listing's "impactassessment" summary.
inline constexpr std::string_view listing_source = "listing";
/// The source of statements taken from the record's own fields.
inline constexpr std::string_view register_source = "register";

/// "het register" / "the register", "de lijst (Impactassessment)" / "the listing (Impact
/// assessment)", or the outside source's own name.
[[nodiscard]] std::string assessment_source_label(std::string_view source, Language language);

/// The impacttoets filter value of a type and state: "dpia-niet-uitgevoerd".
[[nodiscard]] std::string assessment_value(std::string_view type, AssessmentState state);

/// A filter value split into its type slug and state: "soort-onbekend-niet-vermeld" ->
/// {"soort-onbekend", niet_vermeld}; the state is nullopt when the value ends in none.
struct AssessmentValue {
    std::string type_slug;
    std::optional<AssessmentState> state;
};
[[nodiscard]] AssessmentValue split_assessment_value(std::string_view value);

/// The Dutch label of a filter value, as facets carry it: "<type label> <state label>",
/// e.g. "DPIA niet uitgevoerd", "Impacttoets, soort onbekend uitgevoerd".
[[nodiscard]] std::string assessment_value_label_nl(std::string_view type, AssessmentState state);

/// The type part of a filter value's label in `language`, from the value and its Dutch label
/// (the type as the record spells it is kept; only the kind-unknown row is translated).
[[nodiscard]] std::string assessment_value_type_label(std::string_view value,
                                                      std::string_view dutch_label,
                                                      Language language);

/// The whole label of a filter value in `language`: type part and state.
[[nodiscard]] std::string assessment_value_label(std::string_view value,
                                                 std::string_view dutch_label, Language language);

} // namespace algreg::search
