// Normalisation tables for the register's vocabularies: status spellings, themes across the
// 0.x and 1.0 vocabularies, publication categories, impact-assessment titles (with the known
// misspellings), denials, organisation types derived from names, standard versions.
// Pure functions; register-model.md §1.2, §1.4, §2, §4 are the sources.
#pragma once

#include "search/record.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

/// Any status spelling -> "In gebruik" | "In ontwikkeling" | "Buiten gebruik", or nullopt when
/// it cannot be told. Accepts listing codes (in_gebruik, ontwikkeling, buiten_gebruik), any case
/// and spacing, English labels, and 2023 variants ("Actief", "In werking", "In productie",
/// "In gebruik sinds 18-12-2020" -> In gebruik; "Gestopt" -> Buiten gebruik; "pilot" ->
/// In ontwikkeling). A long free sentence -> nullopt.
[[nodiscard]] std::optional<std::string> normalise_status(std::string_view value);

/// The listing code of a normalised status: "in_gebruik", "ontwikkeling", "buiten_gebruik".
[[nodiscard]] std::string status_code(std::string_view normalised_status);

/// "Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes" from any spelling,
/// the JSON-schema form "... (Categorie B)", English labels, or the letters A/B/C.
[[nodiscard]] std::optional<std::string> normalise_publication_category(std::string_view value);

/// Splits a theme value into items (JSON array items, a PostgreSQL array literal
/// `{Werk,"Ruimte en infrastructuur"}`, or a comma-separated string) and maps each to the
/// 1.0 vocabulary: "Financiën" -> "Overheidsfinanciën", "Huisvesting" -> "Wonen", free-text
/// themes to their nearest 1.0 theme where the mapping is clear ("Veiligheid en handhaving" ->
/// "Openbare orde en veiligheid", "Infrastructuur" -> "Ruimte en infrastructuur", ...).
/// Items that have no 1.0 equivalent are kept as given (trimmed), so nothing is lost.
/// Duplicates removed, order kept.
[[nodiscard]] std::vector<std::string> normalise_themes(const std::vector<std::string>& items);
/// Splits one stored theme string (array literal or comma list) into items.
[[nodiscard]] std::vector<std::string> split_theme_string(std::string_view value);

/// The canonical assessment type of a title (register-model.md §2.1, §2.2), as the
/// abbreviation used in search::assessment_types ("DPIA", "IAMA", "FRIA", "AIIA", "FRAIA",
/// "DEDA", "Uthiek", "Toetsingskader Algemene Rekenkamer", "Z-Inspection",
/// "De Ethische Bijsluiter", "Privacy Quickscan", "Pre-scan DPIA"), or nullopt for an unknown
/// title (counted as "Overig"). Case-insensitive, whitespace collapsed, known misspellings
/// mapped, "Pre-scan DPIA" checked before DPIA, abbreviations found in parentheses or as words.
[[nodiscard]] std::optional<std::string> canonical_assessment_type(std::string_view title);

/// The official Dutch label of a canonical type ("DPIA" ->
/// "Data Protection Impact Assessment (DPIA)"); the type itself for unknown input.
[[nodiscard]] std::string assessment_label(std::string_view type);

/// True when a 0.x free-text assessment value denies that an assessment was done: "Nee",
/// "nee", "-", "niet aanwezig", "n.v.t.", "nvt", "geen", "Er is geen eigen DPIA…",
/// "Er zijn geen persoonsgegevens…", "Nee, want …", "nog niet". Case-insensitive, leading
/// whitespace ignored.
[[nodiscard]] bool is_denial(std::string_view value);
/// True when a flag value affirms: "Ja", "ja", "Ja, …", "Er is een DPIA uitgevoerd", "uitgevoerd".
[[nodiscard]] bool is_affirmation(std::string_view value);

/// Organisation type key derived from a name by the rules of register-model.md §4.2, plus a
/// curated table for well-known national bodies whose type is certain (e.g. Belastingdienst,
/// Douane, UWV, SVB, DUO, CJIB, RDW, Rijkswaterstaat, Politie...). Empty string when unknown
/// (never a guess).
[[nodiscard]] std::string organisation_type_from_name(std::string_view name);
/// Only the name rules of register-model.md §4.2, applied in order to the whitespace-collapsed
/// name, case-sensitive: "Gemeente ", "Provincie ", waterschap prefixes or "Hoogheemraadschap"
/// anywhere, "Ministerie ", "Veiligheidsregio ", omgevingsdienst prefixes or "Milieudienst"
/// anywhere, "Inspectie "/"Rijksinspectie " or a name ending in "Arbeidsinspectie", and exactly
/// "Politie". Empty string when no rule applies.
[[nodiscard]] std::string organisation_type_from_name_rules(std::string_view name);
/// Only the curated table of national bodies whose type is certain (their official status as
/// agentschap, zelfstandig bestuursorgaan or part of a ministry). Case- and accent-insensitive;
/// a trailing parenthesised abbreviation ("Sociale Verzekeringsbank (SVB)") is ignored, and the
/// bare abbreviation ("UWV") is accepted. Empty string when the name is not in the table.
[[nodiscard]] std::string organisation_type_from_curated_table(std::string_view name);
/// The Dutch label of a type key ("gemeente" -> "Gemeente"); suggested labels for the three
/// unlabelled keys; the key itself if unknown.
[[nodiscard]] std::string organisation_type_label(std::string_view key);
/// True when `key` is one of the 25 type keys.
[[nodiscard]] bool is_organisation_type(std::string_view key);

/// "1.0.0" -> "1.0", "0.4.0" -> "0.4", "0.1.0" -> "0.1", "Metadatstandaard 0.2.1" -> "0.2.1",
/// "Metadatstandaard 0.2" -> "0.2"; "0.2.3" and "0.3.1" kept. Empty for empty input.
[[nodiscard]] std::string normalise_standard_version(std::string_view value);

/// Collapses runs of whitespace (including U+00A0) to one space and trims both ends.
[[nodiscard]] std::string collapse_whitespace(std::string_view value);

} // namespace algreg::indexer
