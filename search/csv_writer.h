// The one CSV writer of algreg's outputs (the exports, the completeness CSVs, `algreg check
// --output csv` and the official-compatible download). What differs between them is explicit in
// CsvStyle: separator, quoting policy, line end, and whether cells that a spreadsheet would run
// as a formula are neutralised (OWASP's CSV-injection rule).
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace algreg::search {

enum class CsvQuoting {
    minimal, ///< RFC 4180: quoted only when the cell holds the separator, a quote, CR or LF
    all      ///< every cell quoted (Python's QUOTE_ALL, as the official download writes)
};

struct CsvStyle {
    char separator = ',';
    CsvQuoting quoting = CsvQuoting::minimal;
    std::string_view line_end = "\r\n";
    /// Prefix a cell that starts with = + - @ TAB or CR with a single quote, so that Excel,
    /// LibreOffice and Google Sheets show it as text instead of evaluating it. On in every
    /// export of ours; off only where byte-compatibility with the official register matters.
    bool neutralise_formulas = true;
};

/// True when a spreadsheet would read `cell` as a formula: it starts with =, +, -, @, a tab or
/// a carriage return (OWASP, "CSV Injection").
[[nodiscard]] bool looks_like_formula(std::string_view cell);

/// `cell` with a single quote in front when it looks_like_formula(), else unchanged.
[[nodiscard]] std::string neutralise_formula(std::string_view cell);

/// One cell in `style` (neutralised first when the style says so, then quoted: quotes doubled).
[[nodiscard]] std::string csv_cell(std::string_view cell, const CsvStyle& style = {});

/// A whole line: the cells in `style`, separated, with the style's line end.
[[nodiscard]] std::string csv_line(std::span<const std::string> cells, const CsvStyle& style = {});
[[nodiscard]] std::string csv_line(std::initializer_list<std::string_view> cells,
                                   const CsvStyle& style = {});

} // namespace algreg::search
