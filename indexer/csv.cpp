// RFC 4180 parsing in one pass over the text: unquoted cells are sliced, quoted cells are
// copied chunk by chunk between quotes, and line numbers are counted as the cursor moves.
#include "indexer/csv.h"

#include "search/errors.h"

#include <cstring>

namespace algreg::indexer {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// The parser's cursor: the text, the read position and the current physical line.
class CsvCursor {
  public:
    CsvCursor(std::string_view text, const std::string& file) : text_(text), file_(file) {
        if (text_.substr(0, utf8_bom.size()) == utf8_bom) {
            pos_ = utf8_bom.size();
            line_start_ = pos_; // the BOM is invisible: the first character is column 1
        }
    }

    std::vector<CsvRow> parse() {
        std::vector<CsvRow> rows;
        while (!at_end()) {
            if (const std::size_t n = line_break_length(pos_); n != 0) {
                advance_line(pos_ + n); // blank line between records
                continue;
            }
            rows.push_back(parse_row());
        }
        return rows;
    }

  private:
    [[nodiscard]] bool at_end() const { return pos_ >= text_.size(); }

    /// 1 for LF, 2 for CRLF, 0 when `at` does not start a line break. A lone CR is data.
    [[nodiscard]] std::size_t line_break_length(std::size_t at) const {
        if (at >= text_.size()) {
            return 0;
        }
        if (text_[at] == '\n') {
            return 1;
        }
        if (text_[at] == '\r' && at + 1 < text_.size() && text_[at + 1] == '\n') {
            return 2;
        }
        return 0;
    }

    /// Moves past a line break that ends just before `next_line_start`.
    void advance_line(std::size_t next_line_start) {
        pos_ = next_line_start;
        ++line_;
        line_start_ = next_line_start;
    }

    [[nodiscard]] std::size_t column_of(std::size_t at) const { return at - line_start_ + 1; }

    [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& why) const {
        throw search::InputError(file_, line, column, why);
    }

    CsvRow parse_row() {
        CsvRow row;
        row.line = line_;
        row.byte_begin = pos_;
        for (;;) {
            std::string cell;
            if (!at_end() && text_[pos_] == '"') {
                read_quoted(cell);
            } else {
                read_unquoted(cell);
            }
            row.cells.push_back(std::move(cell));
            if (at_end()) {
                row.byte_end = pos_;
                return row;
            }
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            // Both readers stop only at a comma, a line break or the end of the text.
            row.byte_end = pos_;
            advance_line(pos_ + line_break_length(pos_));
            return row;
        }
    }

    /// Reads up to the next comma, line break or end of text. A quote here is an error: RFC 4180
    /// allows quotes only in quoted cells, and guessing would shift every later column.
    void read_unquoted(std::string& cell) {
        const std::size_t begin = pos_;
        while (!at_end()) {
            const char c = text_[pos_];
            if (c == ',' || c == '\n' || (c == '\r' && line_break_length(pos_) == 2)) {
                break;
            }
            if (c == '"') {
                fail(line_, column_of(pos_),
                     "quote inside an unquoted cell: enclose the whole cell in quotes and "
                     "double every quote inside it (\"a \"\"b\"\" c\")");
            }
            ++pos_;
        }
        cell.assign(text_.data() + begin, pos_ - begin);
    }

    /// Reads a quoted cell from its opening quote; "" stands for one quote and line breaks are
    /// kept as they are. Leaves the cursor on the comma or line break after the closing quote.
    void read_quoted(std::string& cell) {
        const std::size_t open_line = line_;
        const std::size_t open_column = column_of(pos_);
        ++pos_;
        for (;;) {
            const std::size_t quote = text_.find('"', pos_);
            if (quote == std::string_view::npos) {
                fail(open_line, open_column,
                     "quoted cell is never closed: add the closing quote at the end of the cell "
                     "and double every quote inside it (\"\")");
            }
            cell.append(text_.data() + pos_, quote - pos_);
            count_lines(pos_, quote);
            pos_ = quote + 1;
            if (!at_end() && text_[pos_] == '"') {
                cell.push_back('"');
                ++pos_;
                continue;
            }
            if (at_end() || text_[pos_] == ',' || line_break_length(pos_) != 0) {
                return;
            }
            fail(line_, column_of(pos_),
                 "text after the closing quote of a quoted cell: put a comma after the closing "
                 "quote, or double the quote (\"\") if it belongs to the cell");
        }
    }

    /// Counts the LFs in [begin, end) so that errors after a multi-line cell have the right line.
    void count_lines(std::size_t begin, std::size_t end) {
        const char* p = text_.data() + begin;
        const char* const stop = text_.data() + end;
        while (p < stop) {
            const void* found = std::memchr(p, '\n', static_cast<std::size_t>(stop - p));
            if (found == nullptr) {
                return;
            }
            p = static_cast<const char*>(found) + 1;
            ++line_;
            line_start_ = static_cast<std::size_t>(p - text_.data());
        }
    }

    std::string_view text_;
    const std::string& file_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
};

} // namespace

std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file) {
    return CsvCursor(text, file).parse();
}

} // namespace algreg::indexer
