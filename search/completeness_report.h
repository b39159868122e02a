// Completeness over many entries: per organisation (which fields its entries fill, which rules
// they break), one register-wide row per organisation (sortable by any column), and the
// DPIA/IAMA view (per assessment type: done / not done / unknown / not mentioned, by
// organisation type and by publication category, plus the entries where the rules expect a
// DPIA or an IAMA/FRIA that is not mentioned). Pure functions over records and their
// check_all() results (completeness.h): no I/O, no clock, no shared state. JSON and CSV writers
// beside them; CSV is RFC 4180 (every field quoted, CRLF line ends), UTF-8 without BOM, cells
// that a spreadsheet would run as a formula neutralised (csv_writer.h).
//
// Records are grouped by organisation with slug(organization), the organisatie facet value;
// records without an organisation belong to no organisation (they count in the DPIA/IAMA view).
#pragma once

#include "search/completeness.h"
#include "search/record.h"

#include <array>
#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::search {

/// An entry named in a report: enough to link to it.
struct EntryRef {
    std::string id;
    std::string name;
    bool operator==(const EntryRef&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Per organisation

/// How many entries of one organisation fill one scored field.
struct FieldFill {
    const ScoredField* field = nullptr; ///< into scored_fields()
    std::size_t filled = 0;
    std::size_t empty = 0;
    std::size_t unknown = 0; ///< listing-only entries: not known, not counted as empty
};

/// One rule and the entries of the organisation that break it.
struct RuleBreach {
    const Rule* rule = nullptr; ///< into rules()
    std::vector<EntryRef> entries;
};

/// One entry of the organisation with its figures.
struct EntryScore {
    EntryRef entry;
    bool computable = false;
    int score = 0;
    int max_score = 0;
    int progress = 0;
    CompletenessBand band = CompletenessBand::onbekend;
    std::size_t errors = 0;
    std::size_t warnings = 0;
};

struct OrganisationReport {
    std::string slug;
    std::string name;
    std::string type; ///< organisation type key, "" when unknown
    std::size_t entries = 0;
    std::size_t computable = 0;
    double mean_score = 0;    ///< over computable entries; 0 when there are none
    double mean_progress = 0; ///< over computable entries
    double median_progress = 0;
    std::array<std::size_t, 4> bands{};    ///< indexed by CompletenessBand
    std::array<std::size_t, 3> findings{}; ///< indexed by FindingSeverity
    std::vector<FieldFill> fields;         ///< one per scored_fields() entry, same order
    std::vector<RuleBreach> rules;         ///< broken rules only, in the rule table's order
    std::vector<EntryScore> scores;        ///< every entry, in input order
};

/// The report of the organisation whose slug(organization) is `slug`; nullopt when no record has
/// it. `results[i]` must belong to `records[i]` (check_all()).
[[nodiscard]] std::optional<OrganisationReport>
organisation_report(std::span<const AlgorithmRecord> records, std::span<const Completeness> results,
                    std::string_view slug);

// ---------------------------------------------------------------------------------------------
// Register-wide: one row per organisation

struct OrganisationRow {
    std::string slug;
    std::string name;
    std::string type; ///< organisation type key, "" when unknown
    std::size_t entries = 0;
    std::size_t computable = 0;
    /// Mean progress of the computable entries; nullopt when none is computable (listing only).
    std::optional<double> mean_progress;
    std::array<std::size_t, 4> bands{}; ///< indexed by CompletenessBand
    std::size_t with_errors = 0;        ///< entries with at least one error
    std::size_t with_warnings = 0;      ///< entries with at least one warning
    /// Entries without a legal basis: rule legal_basis.missing or legal_basis.not_in_listing.
    std::size_t missing_legal_basis = 0;
    /// Entries where a DPIA or IAMA/FRIA is expected but not mentioned.
    std::size_t assessment_expected = 0;
};

/// The sortable columns, by their URL names (sort=name, sort=-progress, ...).
enum class OrganisationColumn : std::uint8_t {
    name,
    type,
    entries,
    progress,
    oranje,
    geel,
    groen,
    onbekend,
    errors,
    warnings,
    legal_basis,
    assessments
};
inline constexpr std::array<std::string_view, 12> organisation_column_names{
    "name",  "type",     "entries", "progress", "oranje",      "geel",
    "groen", "onbekend", "errors",  "warnings", "legal_basis", "assessments"};

struct OrganisationSort {
    OrganisationColumn column = OrganisationColumn::name;
    bool descending = false;
    bool operator==(const OrganisationSort&) const = default;
};

/// "name", "-progress", ...: a column name, optionally preceded by '-' for descending.
/// nullopt for anything else (the caller names the parameter in its error).
[[nodiscard]] std::optional<OrganisationSort> parse_organisation_sort(std::string_view text);
/// The inverse of parse_organisation_sort.
[[nodiscard]] std::string to_string(OrganisationSort sort);

/// One row per organisation (records without an organisation are left out), sorted by `sort`;
/// ties by name, then slug. Rows without a mean progress sort after all others in either
/// direction.
[[nodiscard]] std::vector<OrganisationRow>
organisation_rows(std::span<const AlgorithmRecord> records, std::span<const Completeness> results,
                  OrganisationSort sort = {});

/// Sorts `rows` in place as organisation_rows() does.
void sort_rows(std::vector<OrganisationRow>& rows, OrganisationSort sort);

// ---------------------------------------------------------------------------------------------
// The DPIA/IAMA view

/// The four answers an entry can give about one assessment type.
struct AssessmentCounts {
    std::size_t uitgevoerd = 0;
    std::size_t niet_uitgevoerd = 0;
    std::size_t onbekend = 0;
    /// Nothing is said about this type (state niet_vermeld, or no Assessment of the type).
    std::size_t niet_vermeld = 0;
    [[nodiscard]] std::size_t total() const {
        return uitgevoerd + niet_uitgevoerd + onbekend + niet_vermeld;
    }
    /// The count of one state.
    [[nodiscard]] std::size_t of(AssessmentState state) const;
    /// Counts one entry's assessment of the type (nullptr: the entry has none).
    void add(const Assessment* assessment);
    bool operator==(const AssessmentCounts&) const = default;
};

/// A group of entries (an organisation type, a publication category) and its counts.
struct AssessmentGroup {
    std::string key; ///< organisation type key or publication category; "onbekend" when empty
    AssessmentCounts counts;
};

struct AssessmentTypeCounts {
    std::string type; ///< "DPIA", "IAMA", ...
    AssessmentCounts total;
    std::vector<AssessmentGroup> by_organisation_type; ///< by key
    std::vector<AssessmentGroup> by_category;          ///< by key
};

/// An entry where a rule expects an assessment that it does not mention.
struct ExpectedAssessment {
    EntryRef entry;
    std::string organisation;
    std::string organisation_slug;
    std::string organisation_type; ///< key, "" when unknown
    std::string publication_category;
    std::string status;
    /// What is expected: "DPIA" (rule assessment.dpia_expected) and/or "IAMA"
    /// (assessment.iama_expected, which an IAMA, FRIA or FRAIA would satisfy).
    std::vector<std::string> expected;
};

struct AssessmentView {
    std::size_t entries = 0;
    /// Every assessment type some entry mentions, in schema.h assessment_types order (others
    /// after them, by name). Each total() equals `entries`.
    std::vector<AssessmentTypeCounts> types;
    /// In input order.
    std::vector<ExpectedAssessment> expected;
};

/// The view over `records` (results[i] belongs to records[i]).
[[nodiscard]] AssessmentView assessment_view(std::span<const AlgorithmRecord> records,
                                             std::span<const Completeness> results);

/// The expected-but-absent entries of organisation type `type` ("" = all).
[[nodiscard]] std::vector<ExpectedAssessment> expected_of_type(const AssessmentView& view,
                                                               std::string_view type);

// ---------------------------------------------------------------------------------------------
// JSON and CSV

void to_json(nlohmann::json& j, const EntryRef& entry);
void to_json(nlohmann::json& j, const OrganisationReport& report);
void to_json(nlohmann::json& j, const OrganisationRow& row);
void to_json(nlohmann::json& j, const AssessmentCounts& counts);
void to_json(nlohmann::json& j, const AssessmentView& view);
void to_json(nlohmann::json& j, const ExpectedAssessment& item);

/// Header + one row per organisation: slug, name, organisation_type, entries, computable,
/// mean_progress (one decimal, "" when none), oranje, geel, groen, onbekend, with_errors,
/// with_warnings, missing_legal_basis, assessment_expected.
[[nodiscard]] std::string organisation_rows_csv(std::span<const OrganisationRow> rows);

/// Header + one row per scored field ("field", key, Dutch title, filled, empty, unknown, "")
/// then one per broken rule ("rule", id, Dutch title, entries breaking it, "", "", their ids
/// separated by spaces).
[[nodiscard]] std::string organisation_report_csv(const OrganisationReport& report);

/// Header + one row per type and group: type, dimension ("total", "organisation_type",
/// "publication_category"), group key, uitgevoerd, niet_uitgevoerd, onbekend, niet_vermeld.
[[nodiscard]] std::string assessment_counts_csv(const AssessmentView& view);

/// Header + one row per expected entry: id, name, organisation, organisation_type,
/// publication_category, status, expected (space-separated types).
[[nodiscard]] std::string expected_assessments_csv(std::span<const ExpectedAssessment> items);

} // namespace algreg::search
