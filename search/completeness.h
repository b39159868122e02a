// Completeness of register entries: the official completeness score of the register's editor
// (register-model.md §3), reproduced exactly, and algreg's own rules, each finding with a stable
// rule id, a severity and a message in Dutch and English. Pure functions over AlgorithmRecord:
// no I/O, no clock, no global mutable state. The policy and the rule table are documented in
// docs/completeness.md; the rule table below is the one source of ids, severities and texts.
//
// Scoring: every record is scored against the 1.0 weights (max 140), whatever its own
// standard_version, because 1.0 is what the register asks for today. The official form only
// has configurations for 0.1, 0.4 and 1.0 (and gives 0 % to "1.0.0", "0.3.1", "0.2.3").
//
// Listing-only records (AlgorithmRecord::listing_only) know only name, organisation, status,
// goal and legal-basis text (plus dates). Their official score is *not computable*: score and
// progress are given over the known fields only, marked computable = false, band "onbekend".
// Rules whose inputs are unknown are not run and are listed in Completeness::not_checked.
#pragma once

#include "search/language.h"
#include "search/record.h"

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::search {

// ---------------------------------------------------------------------------------------------
// The official score

/// The standard whose weights every record is scored against.
inline constexpr std::string_view scored_standard = "1.0";
/// Sum of the 1.0 weights.
inline constexpr int official_max_score = 140;
/// Band thresholds on the rounded-up percentage: below 60 orange, below 85 yellow, else green.
inline constexpr int yellow_from_progress = 60;
inline constexpr int green_from_progress = 85;

/// One content field of standard 1.0 as the score sees it: a string field of schema.h or one of
/// the list fields (category and the three groupings).
struct ScoredField {
    std::string_view key; ///< JSON key of standard 1.0
    std::string_view title_nl;
    std::string_view title_en;
    int weight; ///< official weight: 8, 2 or 0
    bool required;
    // Exactly one of these is set: where the value lives in AlgorithmRecord.
    std::string AlgorithmRecord::*text = nullptr;
    std::vector<std::string> AlgorithmRecord::*list = nullptr;
    std::vector<Reference> AlgorithmRecord::*references = nullptr;

    /// The official, purely syntactic test: the value is not empty and not an empty list
    /// ("<p></p>" and a one-word value count in full). Where normalisation emptied a value the
    /// source had filled (a lone space, a list of one empty reference), the source value kept
    /// in AlgorithmRecord::original counts, as it does in the official form.
    [[nodiscard]] bool filled(const AlgorithmRecord& record) const;
};

/// The 29 content fields of standard 1.0 in the standard's order (every field except the
/// system-assigned lars and publication_dt). Weights come from schema.h's string_fields() plus
/// category 8 and the three groupings 2 each; they sum to official_max_score.
[[nodiscard]] std::span<const ScoredField> scored_fields();

/// The scored field with key `key`, or nullptr.
[[nodiscard]] const ScoredField* find_scored_field(std::string_view key);

/// The fields a listing-only record knows: name, organization, status, goal, lawful_basis.
[[nodiscard]] std::span<const std::string_view> listing_fields();

/// True when the value of 1.0 field `key` is known for `record`: always for full records; for
/// listing-only records only for listing_fields().
[[nodiscard]] bool is_known(const AlgorithmRecord& record, std::string_view key);

/// What the score knows about one field of one record.
enum class FieldState : std::uint8_t { filled, empty, unknown };
[[nodiscard]] std::string_view to_string(FieldState state);

/// The completeness band of a progress percentage. `onbekend` when the score is not computable.
/// Ids are stable (facet values): "oranje", "geel", "groen", "onbekend".
enum class CompletenessBand : std::uint8_t { oranje, geel, groen, onbekend };
[[nodiscard]] std::string_view to_string(CompletenessBand band);
/// "onvoldoende"/"insufficient", "redelijk"/"fair", "goed"/"good", "onbekend"/"unknown".
[[nodiscard]] std::string_view band_label(CompletenessBand band, Language language);
/// The band of a progress percentage (0..100).
[[nodiscard]] CompletenessBand band_of(int progress);
/// The official rounding, computed as the form does (IEEE doubles): ceil(score / max * 100).
/// 0 when max_score is 0.
[[nodiscard]] int progress_of(int score, int max_score);

// ---------------------------------------------------------------------------------------------
// Rules and findings

/// Ordered: error is the highest.
enum class FindingSeverity : std::uint8_t { info, warning, error };
/// "info", "warning", "error"; parse_severity() returns nullopt for anything else.
[[nodiscard]] std::string_view to_string(FindingSeverity severity);
[[nodiscard]] std::optional<FindingSeverity> parse_severity(std::string_view name);
/// "info", "waarschuwing", "fout" / "info", "warning", "error".
[[nodiscard]] std::string_view severity_label(FindingSeverity severity, Language language);

/// One rule of the table. Messages are templates with these placeholders, filled per finding:
/// {field} the field's title in the message's language, {value} the offending value (shortened),
/// {other} a second value (the other date, the permitted spelling, other ids), {length} and
/// {max} for lengths, {detail} a language-specific detail (which reference, title or link).
struct Rule {
    std::string_view id; ///< stable, lower case, "family.name"
    FindingSeverity severity;
    std::string_view field;    ///< the field it is about, "" when the finding says
    std::string_view title_nl; ///< short label for tables and facets
    std::string_view title_en;
    std::string_view message_nl;
    std::string_view message_en;
};

/// The one rule table, in documentation order. Ids are unique.
[[nodiscard]] std::span<const Rule> rules();
/// The rule with id `id`, or nullptr.
[[nodiscard]] const Rule* find_rule(std::string_view id);

/// Values that fill a rule's message template.
struct MessageParams {
    std::string field{}; ///< JSON key; its title is looked up in scored_fields()/string_fields()
    std::string value{}; ///< shortened to 80 characters when rendered
    std::string other{};
    std::size_t length = 0;
    std::size_t max = 0;
    std::string detail_nl{};
    std::string detail_en{};
};

/// One broken rule for one record.
struct Finding {
    std::string rule; ///< a Rule::id
    FindingSeverity severity = FindingSeverity::info;
    std::string field; ///< JSON key of the field concerned, "" for the whole record
    std::string message_nl;
    std::string message_en;

    [[nodiscard]] const std::string& message(Language language) const {
        return language == Language::nl ? message_nl : message_en;
    }
    bool operator==(const Finding&) const = default;
};

/// Orders findings as Completeness::findings is ordered: severity (errors first), then the rule
/// table's order, then field. Stable.
void sort_findings(std::vector<Finding>& findings);

/// Builds the finding of rule `rule_id` with its messages rendered from `params`.
/// Throws std::out_of_range for an id that is not in the table (a programming error).
[[nodiscard]] Finding make_finding(std::string_view rule_id, const MessageParams& params);

/// Why a rule was not run for a record.
enum class NotCheckedReason : std::uint8_t {
    listing_only,      ///< "niet te controleren: alleen lijstgegevens"
    date_unknown,      ///< the last-changed date of the record is not known
    no_reference_date, ///< CheckOptions::today was not given
};
[[nodiscard]] std::string_view to_string(NotCheckedReason reason);
[[nodiscard]] std::string_view reason_label(NotCheckedReason reason, Language language);

struct NotChecked {
    std::string_view rule; ///< a Rule::id (points into the static rule table)
    NotCheckedReason reason = NotCheckedReason::listing_only;
    bool operator==(const NotChecked&) const = default;
};

// ---------------------------------------------------------------------------------------------
// Checking

/// The result for one record.
struct Completeness {
    std::string record_id;
    /// False for listing-only records: score, max_score and progress then cover the known
    /// fields only and are not the official score; band is `onbekend`.
    bool computable = true;
    int score = 0;                      ///< sum of the weights of filled (known) fields
    int max_score = official_max_score; ///< 140, or the sum of the weights of known fields
    int progress = 0;                   ///< progress_of(score, max_score)
    CompletenessBand band = CompletenessBand::onbekend;
    std::string record_standard; ///< the record's own standard_version ("" when unknown)
    /// One state per scored_fields() entry, same order.
    std::vector<FieldState> fields;
    /// Keys of fields with weight > 0 that are known and empty, in the standard's order: what
    /// the score misses (the "ontbreekt" facet).
    std::vector<std::string_view> missing;
    /// Sorted by severity (errors first), then by the rule table's order, then by field.
    std::vector<Finding> findings;
    /// Rules that could not be run (or only in part), in the rule table's order.
    std::vector<NotChecked> not_checked;

    /// True when some finding has rule id `rule_id`.
    [[nodiscard]] bool has(std::string_view rule_id) const;
    /// The highest severity among the findings, nullopt when there are none.
    [[nodiscard]] std::optional<FindingSeverity> worst() const;
    bool operator==(const Completeness&) const = default;
};

struct CheckOptions {
    /// The reference date for "no change for more than stale_months months". The pure function
    /// never reads the clock: without it, changed.stale is not run.
    std::optional<std::chrono::year_month_day> today;
    int stale_months = 24;
};

/// Parses "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
[[nodiscard]] std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);
/// "YYYY-MM-DD".
[[nodiscard]] std::string format_iso_date(std::chrono::year_month_day date);

/// Checks one record: the official score and every single-record rule. Pure: the result depends
/// only on the arguments (no clock, no I/O, no shared state), so it may run on any thread.
/// Cheap: a few string scans per field, about the cost of stripping the HTML fields once.
/// Throws nothing but std::bad_alloc.
[[nodiscard]] Completeness check(const AlgorithmRecord& record, const CheckOptions& options = {});

/// Cross-record rules over one set of records (duplicate.name: the same name, compared after
/// folding case, accents and spacing, more than once within one organisation; records without
/// an organisation are skipped). Result i holds the findings for records[i].
[[nodiscard]] std::vector<std::vector<Finding>> check_set(std::span<const AlgorithmRecord> records);

/// check() for every record plus check_set() merged in (findings re-sorted). Result i belongs
/// to records[i].
[[nodiscard]] std::vector<Completeness> check_all(std::span<const AlgorithmRecord> records,
                                                  const CheckOptions& options = {});

/// Counts over many results: what the per-organisation and register-wide pages show.
struct CompletenessSummary {
    std::size_t entries = 0;
    std::size_t computable = 0;
    /// Indexed by CompletenessBand.
    std::array<std::size_t, 4> bands{};
    /// Findings per severity, indexed by FindingSeverity.
    std::array<std::size_t, 3> findings{};
    /// Mean progress of the computable entries (0 when there are none).
    double mean_progress = 0;
    struct FieldCount {
        std::string_view key;
        std::size_t filled = 0; ///< entries that fill the field
        std::size_t known = 0;  ///< entries for which the field is known
        bool operator==(const FieldCount&) const = default;
    };
    /// One per scored_fields() entry, same order.
    std::vector<FieldCount> fields;
    /// Rule id -> ids of the entries that break it (each entry once), in input order.
    std::map<std::string, std::vector<std::string>, std::less<>> rules;
    /// Rule id -> number of entries for which it was not run.
    std::map<std::string, std::size_t, std::less<>> not_checked;
};

/// Summarises `results` (e.g. all entries of one organisation).
[[nodiscard]] CompletenessSummary summarise(std::span<const Completeness> results);

void to_json(nlohmann::json& j, const Rule& rule);
void to_json(nlohmann::json& j, const Finding& finding);
void to_json(nlohmann::json& j, const NotChecked& item);
/// {record_id, computable, score, max, progress, band, scored_against, record_standard, fields
/// {key: state}, missing, findings, not_checked}. score and progress are null when the score is
/// not computable; the partial figures are then under "known": {score, max, progress}.
void to_json(nlohmann::json& j, const Completeness& result);
void to_json(nlohmann::json& j, const CompletenessSummary& summary);

} // namespace algreg::search
