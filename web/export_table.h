// Our exports' table (export.csv, the semicolon CSV and export.xlsx share it): one row per
// entry, the official CSV's 31 columns then organisation_type, assessments and register_url;
// and the file name an export is saved under.
#pragma once

#include "search/query.h"
#include "search/record.h"

#include <string>
#include <string_view>
#include <vector>

namespace algreg::web {

/// The column names, in order.
[[nodiscard]] const std::vector<std::string>& export_columns();

/// The cells of one entry, as text, in export_columns() order. Not neutralised: the writer of
/// each format applies the formula rule (csv_writer.h).
[[nodiscard]] std::vector<std::string> export_cells(const search::AlgorithmRecord& record);

/// True for the columns whose cells are calendar dates when they are exactly YYYY-MM-DD (or
/// YYYY-MM, as the register's begin dates often are).
[[nodiscard]] bool is_date_column(std::string_view column);

/// The file name of an export: "algoritmeregister", the query slugified to ASCII (at most 40
/// characters), the filter values when they fit in 40 more, and `date` (YYYY-MM-DD), e.g.
/// algoritmeregister-fraude-gemeente-2026-12-04.csv. Only [a-z0-9.-].
[[nodiscard]] std::string export_filename(const search::SearchRequest& request,
                                          std::string_view date, std::string_view extension);

/// `attachment; filename="<name>"; filename*=UTF-8''<name percent-encoded>` (RFC 6266 with
/// RFC 5987's encoding, so a client never has to guess the name's bytes).
[[nodiscard]] std::string attachment_header(std::string_view filename);

} // namespace algreg::web
