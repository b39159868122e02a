// The official register's shapes (docs: official-api.md §3.3, §8.1), so that clients written
// for algoritmes.overheid.nl work against algreg by changing only the base URL.
#pragma once

#include "search/csv_writer.h"
#include "search/record.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace algreg::web {

/// The 56-key result record: the 51 content keys (v1.0 and legacy), lars, language, create_dt,
/// code (organisation slug) and org_id. Unknown values are null, never left out.
[[nodiscard]] nlohmann::json official_record(const search::AlgorithmRecord& record,
                                             const std::string& language = "NLD");

/// One version of the site-data download (official-api.md §8.3): the 51 content keys (null when
/// unknown) with the values as the source wrote them where the index keeps them
/// (AlgorithmRecord::original: status, publication category, standard, lang, themes, dates
/// that normalisation repaired), `category` as a list for standards 0.4 and 1.0 and as text for
/// older ones (§3.3), plus language "NLD", owner (organisation_code(): we know no org_id),
/// lars, create_dt and state "PUBLISHED". A listing-only entry has the nine listing fields and
/// nulls (docs/api.md).
[[nodiscard]] nlohmann::json site_data_record(const search::AlgorithmRecord& record);

/// The organisation's code as the official register writes it (slug of its name), "" when the
/// record names no organisation.
[[nodiscard]] std::string organisation_code(const search::AlgorithmRecord& record);

/// One row of the site-data's organisation_details: {name, about, contact_info, language, code,
/// org_id, type, show_page}. algreg knows no org_id, no organisation page texts: null, false.
[[nodiscard]] nlohmann::json
organisation_details_row(const std::string& name, const std::string& code, const std::string& type);

/// The official CSV download's columns, in order (31: the v1.0 keys, algorithm_id,
/// publication_dt).
[[nodiscard]] const std::vector<std::string>& official_csv_columns();

/// The header line of the official CSV (every column quoted, "\n" at the end), without BOM.
[[nodiscard]] std::string official_csv_header();

/// One record as a line of the official CSV (every cell quoted, "\n" at the end).
[[nodiscard]] std::string official_csv_row(const search::AlgorithmRecord& record);

/// The publication time of one version in the history download, in the official text form
/// ("2024-02-06 09:12:45.123456+00:00"): the record's own publication_dt when the source gave
/// one, else its create_dt date (`changed`) at midnight UTC, else `recorded` (the ISO 8601 UTC
/// timestamp of the revision that recorded the version).
[[nodiscard]] std::string history_publication_dt(const search::AlgorithmRecord& record,
                                                 const std::string& recorded);

/// One CSV cell the way the official download writes it: lists joined with ", ", groupings as
/// "1: title, link. 2: title, link", line breaks to spaces, tags removed, entities decoded.
[[nodiscard]] std::string official_csv_cell(const search::AlgorithmRecord& record,
                                            const std::string& column);

/// The official download's CSV: every cell quoted, LF line ends, and cells passed unchanged,
/// formulas included (`=`, `+`, `-`, `@` are not neutralised), because clients compare it byte
/// for byte with the official register's. Our own exports neutralise (csv_writer.h).
inline constexpr search::CsvStyle official_csv_style{
    .quoting = search::CsvQuoting::all, .line_end = "\n", .neutralise_formulas = false};

/// The UTF-8 byte order mark the official CSV starts with.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

} // namespace algreg::web
