// AlgorithmRecord: one register entry after normalisation, the value type that the indexer
// writes (as document data) and the search side reads back. JSON (de)serialisation beside it.
#pragma once

#include "search/assessment_vocabulary.h"

#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace algreg::search {

/// One item of a `*_grouping` list: a title with an optional link.
struct Reference {
    std::string title;
    std::string link;
    bool operator==(const Reference&) const = default;
};

/// One statement about one assessment, from one source: the register itself
/// (source "register"), the listing's summary (source "listing") or an external list merged in
/// with `--assessments` (docs/assessments.md).
struct AssessmentStatement {
    std::string type; ///< canonical abbreviation: DPIA, IAMA, FRIA, AIIA, FRAIA, DEDA, ...
    AssessmentState state = AssessmentState::onbekend; ///< a statement mentions the type
    std::string link;   ///< a link to the assessment or its publication, if given
    std::string date;   ///< YYYY-MM-DD or YYYY-MM if known
    std::string source; ///< "register" or the external source's name
    std::string text;   ///< the text the statement was derived from (title, flag, sentence)
    bool operator==(const AssessmentStatement&) const = default;
};

/// The one status per assessment type derived from all statements about it.
struct Assessment {
    std::string type;
    AssessmentState state = AssessmentState::niet_vermeld;
    std::string link;
    std::string text;
    std::vector<AssessmentStatement> statements;
    bool operator==(const Assessment&) const = default;
};

/// Why an entry is in one risk class (docs/risk-profiles.md): which rule of the rules file fired
/// on which words of which field. Written by the indexer (search/risk_profile.h).
struct RiskEvidence {
    std::string rule;       ///< rule id, e.g. "rp-fraude"
    std::string class_name; ///< "risicoprofiel" or "kenmerk:<name>"
    std::string field;      ///< record field key the words are in ("goal", "legacy", ...)
    std::string words;      ///< the matched words as they stand in the text
    bool operator==(const RiskEvidence&) const = default;
};

/// A register entry in one normalised shape, whatever standard or file it came from.
/// Text fields hold display values: HTML fields keep only the allowed tags (div, br, p, ul,
/// ol, li; no attributes), other fields are plain text. Empty string = not given.
struct AlgorithmRecord {
    // Identity
    std::string id;   ///< the lars number when known, else the source's own id (template slug)
    std::string lars; ///< 8-digit Algoritme-ID, empty when the source has none

    // Publication standard 1.0 fields (register-model.md §1.1)
    std::string name;
    std::string description_short;
    std::string organization;
    std::vector<std::string> category; ///< themes, normalised to the 1.0 vocabulary where known
    std::string status;                ///< "In gebruik", "In ontwikkeling", "Buiten gebruik" or ""
    std::string begin_date;
    std::string end_date;
    std::string contact_email;
    std::string website;
    std::string publication_category; ///< one of the three 1.0 categories or ""
    std::string url;
    std::string goal;
    std::string proportionality;
    std::string human_intervention;
    std::string risks;
    std::string lawful_basis;
    std::vector<Reference> lawful_basis_grouping;
    std::string process_index_url;
    std::vector<Reference> impacttoetsen_grouping;
    std::string impacttoetsen;
    std::string source_data;
    std::vector<Reference> source_data_grouping;
    std::string methods_and_models;
    std::string provider;
    std::string publiccode;
    std::string lang;
    std::string standard_version; ///< normalised: "1.0", "0.4", "0.3.1", "0.2.3", "0.2", "0.1"
    std::string source_id;
    std::string tags;
    std::string publication_dt;

    /// Fields of older standards (department, type, impact, iama, dpia, ...), plain text.
    std::map<std::string, std::string> legacy;

    // From the listing and derived
    std::string impactassessment; ///< listing's Ja/Nee/Onbekend about "any assessment"; or ""
    std::string changed;      ///< YYYY-MM-DD the version was published (create_dt, geregistreerd)
    std::string added;        ///< YYYY-MM-DD first seen in the register (toegevoegd)
    std::string register_url; ///< the entry on algoritmes.overheid.nl
    std::string organization_type; ///< type key (register-model.md §4.1) or ""
    /// The ministry the organisation falls under, its own name for a ministry, "" for none
    /// (indexer/ministries.h; not content: derived by us, never a change in the history).
    std::string ministry;
    std::vector<Assessment> assessments; ///< one per type, sorted by type
    std::string source_format;           ///< listing, official-1.0, official-0.x, csv
    bool listing_only = false; ///< only listing fields are known (most fields unknown, not empty)

    /// The risk classifications with their evidence, one item per rule that fired; empty = no
    /// class. Derived from the text at index time (search/risk_profile.h classify_risk).
    std::vector<RiskEvidence> risk_evidence;

    /// Values as the source gave them where normalisation changed them (field -> original).
    std::map<std::string, std::string> original;

    bool operator==(const AlgorithmRecord&) const = default;
};

void to_json(nlohmann::json& j, const Reference& r);
void from_json(const nlohmann::json& j, Reference& r);
void to_json(nlohmann::json& j, const AssessmentStatement& s);
void from_json(const nlohmann::json& j, AssessmentStatement& s);
void to_json(nlohmann::json& j, const Assessment& a);
void from_json(const nlohmann::json& j, Assessment& a);
void to_json(nlohmann::json& j, const RiskEvidence& e);
void from_json(const nlohmann::json& j, RiskEvidence& e);
void from_json(const nlohmann::json& j, Assessment& a);
/// Empty fields are left out of the JSON; from_json treats a missing key as empty.
void to_json(nlohmann::json& j, const AlgorithmRecord& r);
void from_json(const nlohmann::json& j, AlgorithmRecord& r);

/// The record as document data: exactly nlohmann::json(r).dump(-1, ' ', false,
/// error_handler_t::replace) (compact, keys in byte order, invalid UTF-8 replaced), written
/// directly: the indexer serialises every record, and building a json tree first took 20 % of
/// a document's build time.
[[nodiscard]] std::string to_data(const AlgorithmRecord& r);

/// The assessment of `type` ("DPIA", "IAMA", ...), or nullptr.
[[nodiscard]] const Assessment* find_assessment(const AlgorithmRecord& r, std::string_view type);

} // namespace algreg::search
