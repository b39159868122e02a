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

/// The official CSV download's columns, in order (31: the v1.0 keys, algorithm_id,
/// publication_dt).
[[nodiscard]] const std::vector<std::string>& official_csv_columns();

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
