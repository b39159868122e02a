// The one table of the index layout: which record field goes under which term prefix, which
// facets exist and their boolean prefixes, which value slots hold what. The indexer writes by
// it and the searcher reads by it, so they cannot drift.
#pragma once

#include "search/record.h"

#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <xapian.h>

namespace algreg::search {

/// Term prefixes for free text. Every word of an entry is posted once, under the prefix of the
/// field it appears in; "all text" queries search every prefix (no unprefixed duplicates).
/// Word positions are kept per document and prefix in the positions slots (positions.h).
namespace prefix {
inline constexpr std::string_view id = "Q";            ///< unique id term: "Q" + record id
inline constexpr std::string_view title = "S";         ///< name
inline constexpr std::string_view description = "XD";  ///< description_short
inline constexpr std::string_view goal = "XG";         ///< goal
inline constexpr std::string_view organization = "XO"; ///< organisation name as text
inline constexpr std::string_view legal = "XL";        ///< lawful_basis + its references
inline constexpr std::string_view rest = "XT";         ///< every other text field
} // namespace prefix

/// A free-text field family: its prefix, the query-syntax name(s) users type, and its weight
/// in ranking (title above short description and goal, above organisation, above the rest).
struct TextPrefix {
    std::string_view prefix;
    std::string_view field_name; ///< "titel", "omschrijving", ...; "" for none
    double weight;
};
inline constexpr std::array<TextPrefix, 6> text_prefixes{{
    {prefix::title, "titel", 4.0},
    {prefix::description, "omschrijving", 2.0},
    {prefix::goal, "doel", 2.0},
    {prefix::organization, "organisatie", 1.5},
    {prefix::legal, "wet", 1.0},
    {prefix::rest, "", 1.0},
}};

/// Display groups of the public entry page (register-model.md §1.1).
enum class Section { algemeen, verantwoord_gebruik, werking, metadata };

/// One string field of AlgorithmRecord as the publication standard defines it.
struct StringField {
    std::string_view key;      ///< JSON key (standard 1.0 name)
    std::string_view title_nl; ///< Dutch title on the entry page
    std::string_view title_en;
    std::string AlgorithmRecord::*member;
    std::string_view text_prefix; ///< where its words are indexed; "" = not full-text indexed
    bool html;                    ///< may hold the allowed HTML tags
    std::size_t max_length;       ///< after stripping HTML; 0 = no limit
    bool required;
    bool show_always;
    int weight; ///< official completeness weight
    Section section;
};

/// The string fields of standard 1.0, in the standard's order (lists and groupings are separate
/// members of AlgorithmRecord: category, lawful_basis_grouping, impacttoetsen_grouping,
/// source_data_grouping).
[[nodiscard]] std::span<const StringField> string_fields();

/// The string field with JSON key `key`, or nullptr.
[[nodiscard]] const StringField* find_string_field(std::string_view key);

/// The keys of standards 0.1–0.4 that 1.0 no longer has, in the official result record's order
/// (AlgorithmRecord::legacy; lower case: the 2022 file writes IAMA, DPIA, MPRD in capitals).
inline constexpr std::array<std::string_view, 22> legacy_keys{"preferred_name",
                                                              "department",
                                                              "type",
                                                              "impact",
                                                              "decision_making_process",
                                                              "documentation",
                                                              "competent_authority",
                                                              "iama",
                                                              "iama_description",
                                                              "dpia",
                                                              "dpia_description",
                                                              "objection_procedure",
                                                              "uuid",
                                                              "area",
                                                              "revision_date",
                                                              "description",
                                                              "application_url",
                                                              "mprd",
                                                              "monitoring",
                                                              "performance_standard",
                                                              "lawful_basis_link",
                                                              "source_data_link"};

/// Boolean filter terms, one family per facet. Values are slug()s. Term = prefix + value.
struct Facet {
    std::string_view name;   ///< URL parameter and JSON name
    std::string_view prefix; ///< term prefix
    std::string_view label_nl;
    std::string_view label_en;
};
namespace facet {
inline constexpr Facet organisation{"organisatie", "XORG", "Organisatie", "Organisation"};
inline constexpr Facet organisation_type{"organisatietype", "XOT", "Type organisatie",
                                         "Organisation type"};
/// The ministry an organisation falls under, its own for a ministry (AlgorithmRecord::ministry):
/// slug of the ministry's name, e.g. "ministerie-van-financien".
inline constexpr Facet ministry{"ministerie", "XMIN", "Ministerie", "Ministry"};
inline constexpr Facet status{"status", "XS", "Status", "Status"};
inline constexpr Facet category{"categorie", "XC", "Publicatiecategorie", "Publication category"};
inline constexpr Facet theme{"thema", "XTH", "Thema", "Theme"};
/// value "<type slug>-<state slug>", e.g. "dpia-uitgevoerd", "iama-onbekend"
inline constexpr Facet assessment{"impacttoets", "XA", "Impacttoetsen", "Impact assessments"};
inline constexpr Facet impactassessment{"impactassessment", "XIA", "Impactassessment (lijst)",
                                        "Impact assessment (listing)"};
inline constexpr Facet legal_basis{"wettelijke_basis", "XLB", "Wettelijke basis", "Legal basis"};
inline constexpr Facet year{"jaar", "XY", "Jaar van registratie", "Year registered"};
inline constexpr Facet standard{"standaard", "XV", "Publicatiestandaard", "Publication standard"};
/// The completeness band of search::check(): "oranje", "geel", "groen", or "onbekend" for
/// listing-only records (completeness.h CompletenessBand).
inline constexpr Facet completeness_band{"volledigheid", "XVB", "Volledigheid", "Completeness"};
/// One value per scored field with weight > 0 that is known and empty (Completeness::missing):
/// the field's 1.0 key, e.g. "goal". Unknown fields of listing-only records are not missing.
inline constexpr Facet missing_field{"ontbreekt", "XMF", "Ontbreekt", "Missing"};
/// "ja" when a risicoprofiel rule fired on the entry (risk_profile.h), else "nee".
inline constexpr Facet risk_profile{"risicoprofiel", "XRP", "Risicoprofiel", "Risk profile"};
/// One value per characteristic a kenmerk rule found (risk_rules.h `characteristics`).
inline constexpr Facet characteristic{"kenmerk", "XKM", "Kenmerk", "Characteristic"};
/// Whether the entry describes human intervention: "beschreven", "niet_beschreven", or
/// "onbekend" for listing-only records (the field is not in the listing).
inline constexpr Facet human_intervention{"menselijke_tussenkomst", "XHI", "Menselijke tussenkomst",
                                          "Human intervention"};
} // namespace facet
inline constexpr std::array<Facet, 16> facets{facet::organisation,   facet::organisation_type,
                                              facet::ministry,       facet::status,
                                              facet::category,       facet::theme,
                                              facet::assessment,     facet::impactassessment,
                                              facet::legal_basis,    facet::year,
                                              facet::standard,       facet::completeness_band,
                                              facet::missing_field,  facet::risk_profile,
                                              facet::characteristic, facet::human_intervention};

/// Value slots: sortable strings.
namespace slot {
inline constexpr Xapian::valueno added = 0;        ///< YYYY-MM-DD first registered
inline constexpr Xapian::valueno changed = 1;      ///< YYYY-MM-DD last changed
inline constexpr Xapian::valueno name = 2;         ///< fold(name)
inline constexpr Xapian::valueno organization = 3; ///< fold(organization)
/// Word positions, one slot per text prefix: slot positions + i holds the stems under
/// text_prefixes[i] with their positions (positions.h; positions_slot()). Text terms are
/// written without positions in Xapian's position table; phrases are checked here.
inline constexpr Xapian::valueno positions = 4;
} // namespace slot

/// The length of a term's prefix: its leading upper-case ASCII letters (Xapian's convention;
/// what follows a prefix never starts upper case, so "XO" text terms and "XORG" filter terms
/// stay apart).
[[nodiscard]] constexpr std::size_t term_prefix_length(std::string_view term) {
    std::size_t n = 0;
    while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') {
        ++n;
    }
    return n;
}

/// The positions slot of a text prefix ("S", "XD", ...), or nullopt for any other prefix.
[[nodiscard]] constexpr std::optional<Xapian::valueno> positions_slot(std::string_view prefix) {
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        if (text_prefixes[i].prefix == prefix) {
            return slot::positions + static_cast<Xapian::valueno>(i);
        }
    }
    return std::nullopt;
}

/// Assessment types in canonical order, as abbreviations (register-model.md §2.1).
inline constexpr std::array<std::string_view, 12> assessment_types{
    "DPIA",
    "IAMA",
    "FRIA",
    "AIIA",
    "FRAIA",
    "DEDA",
    "Uthiek",
    "Toetsingskader Algemene Rekenkamer",
    "Z-Inspection",
    "De Ethische Bijsluiter",
    "Privacy Quickscan",
    "Pre-scan DPIA"};

/// Metadata key: ISO time of the snapshot the index holds (fetched_at) if known.
inline constexpr std::string_view metadata_snapshot = "algreg:snapshot";
/// Metadata key: index layout version, bumped when terms or data change shape.
inline constexpr std::string_view metadata_layout = "algreg:layout";
/// "2": the volledigheid and ontbreekt facet terms. "3": word positions in slot::positions
/// instead of the position table. "4": one impact-assessment model (docs/assessments.md): the
/// state niet-vermeld, the row "Soort onbekend" and the listing's statements. "5": the
/// ministerie facet terms (AlgorithmRecord::ministry). "6": risk_evidence in the data, the
/// risicoprofiel, kenmerk and menselijke_tussenkomst facet terms.
inline constexpr std::string_view layout_version = "6";

} // namespace algreg::search
