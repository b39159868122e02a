#include "search/csv_writer.h"

namespace algreg::search {

namespace {

template <class Cells> std::string join(const Cells& cells, const CsvStyle& style) {
    std::string line;
    bool first = true;
    for (const auto& cell : cells) {
        if (!first) {
            line += style.separator;
        }
        line += csv_cell(cell, style);
        first = false;
    }
    line += style.line_end;
    return line;
}

} // namespace

bool looks_like_formula(std::string_view cell) {
    return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string::npos;
}

std::string neutralise_formula(std::string_view cell) {
    return looks_like_formula(cell) ? "'" + std::string(cell) : std::string(cell);
}

std::string csv_cell(std::string_view cell, const CsvStyle& style) {
    const std::string text =
        style.neutralise_formulas ? neutralise_formula(cell) : std::string(cell);
    const bool quote =
        style.quoting == CsvQuoting::all ||
        text.find_first_of(std::string{style.separator, '"', '\r', '\n'}) != std::string::npos;
    if (!quote) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

std::string csv_line(std::span<const std::string> cells, const CsvStyle& style) {
    return join(cells, style);
}

std::string csv_line(std::initializer_list<std::string_view> cells, const CsvStyle& style) {
    return join(cells, style);
}

} // namespace algreg::search
