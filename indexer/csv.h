// An RFC 4180 CSV parser for the register's CSV downloads: UTF-8 with or without BOM, quoted
// cells with doubled quotes, line breaks (LF or CRLF) inside quoted cells, minimal or full
// quoting, LF or CRLF record ends.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

struct CsvRow {
    std::vector<std::string> cells;
    std::size_t line = 0;       ///< 1-based physical line where the row starts
    std::size_t byte_begin = 0; ///< offset of the row's first byte in the text
    std::size_t byte_end = 0;   ///< offset after the row's last byte (before its line break)
};

/// Parses all rows of `text` (a leading UTF-8 BOM is skipped). Blank lines between records are
/// skipped. Throws search::InputError(file, line, column, why) for an unterminated quoted cell
/// or a quote inside an unquoted cell.
[[nodiscard]] std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file);

} // namespace algreg::indexer
