#include "web/xlsx_export.h"

#include "search/csv_writer.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

namespace algreg::web {

namespace {

/// Excel's limit on the characters of one cell (libxlsxwriter refuses longer strings).
constexpr std::size_t max_cell_chars = 32767;
/// Column widths, in characters: at least the header, at most this.
constexpr std::size_t min_width = 8;
constexpr std::size_t max_width = 60;

std::size_t utf8_chars(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    return n;
}

/// `text` cut to `max` code points (never inside a UTF-8 sequence).
std::string_view cut_chars(std::string_view text, std::size_t max) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == max) {
            return text.substr(0, i);
        }
    }
    return text;
}

/// YYYY-MM-DD with a real month and day, or YYYY-MM (`month_only`, the day set to 1), from
/// 1900 on (Excel's dates start there); false for anything else.
bool parse_date(std::string_view s, lxw_datetime& out, bool& month_only) {
    if ((s.size() != 10 && s.size() != 7) || s[4] != '-' || (s.size() == 10 && s[7] != '-')) {
        return false;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) {
            return false;
        }
    }
    const auto number = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    month_only = s.size() == 7;
    const int y = number(0, 4);
    const int m = number(5, 2);
    const int d = month_only ? 1 : number(8, 2);
    static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap)) {
        return false;
    }
    out = lxw_datetime{y, m, d, 0, 0, 0.0};
    return true;
}

void check(lxw_error error, const char* what) {
    if (error != LXW_NO_ERROR) {
        throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(error));
    }
}

} // namespace

OpenFile::~OpenFile() {
    if (fd_ >= 0) {
        ::close(fd_);
    }
}

std::size_t OpenFile::read_at(std::size_t offset, char* buffer, std::size_t size) const {
    for (;;) {
        const auto n = ::pread(fd_, buffer, size, static_cast<off_t>(offset));
        if (n >= 0) {
            return static_cast<std::size_t>(n);
        }
        if (errno != EINTR) {
            throw std::runtime_error(std::string("xlsx: read: ") + std::strerror(errno));
        }
    }
}

std::size_t OpenFile::size() const {
    struct stat st {};
    if (::fstat(fd_, &st) != 0) {
        throw std::runtime_error(std::string("xlsx: fstat: ") + std::strerror(errno));
    }
    return static_cast<std::size_t>(st.st_size);
}

XlsxWriter::XlsxWriter(const std::string& sheet_name, const std::vector<std::string>& header,
                       std::vector<bool> date_columns)
    : date_columns_(std::move(date_columns)), widths_(header.size(), min_width) {
    const char* tmp = std::getenv("TMPDIR");
    std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/algreg-xlsx-XXXXXX";
    if (::mkdtemp(templ.data()) == nullptr) { // mode 0700: only this user sees the file
        throw std::runtime_error(std::string("xlsx: mkdtemp: ") + std::strerror(errno));
    }
    dir_ = templ;
    path_ = dir_ + "/export.xlsx";
    // constant_memory: rows go to a temporary file as they are written (in order), so memory
    // stays bounded whatever the number of rows; its temporary files go to our directory.
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = dir_.data();
    workbook_ = workbook_new_opt(path_.c_str(), &options);
    if (workbook_ == nullptr) {
        cleanup();
        throw std::runtime_error("xlsx: cannot create the workbook");
    }
    sheet_ = workbook_add_worksheet(workbook_, sheet_name.c_str());
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);
    date_format_ = workbook_add_format(workbook_);
    format_set_num_format(date_format_, "yyyy-mm-dd");
    month_format_ = workbook_add_format(workbook_);
    format_set_num_format(month_format_, "yyyy-mm");
    if (sheet_ == nullptr || header_format_ == nullptr || date_format_ == nullptr ||
        month_format_ == nullptr) {
        cleanup();
        throw std::runtime_error("xlsx: cannot create the sheet");
    }
    date_columns_.resize(header.size(), false);
    for (std::size_t c = 0; c < header.size(); ++c) {
        check(worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), header[c].c_str(),
                                     header_format_),
              "header");
        widths_[c] = std::max(widths_[c], utf8_chars(header[c]) + 2); // room for the filter
    }
}

XlsxWriter::~XlsxWriter() {
    cleanup();
}

void XlsxWriter::cleanup() {
    if (workbook_ != nullptr) {
        // Closing writes the file (which is then removed); there is no "discard" call.
        (void)workbook_close(workbook_);
        workbook_ = nullptr;
    }
    if (!path_.empty()) {
        ::unlink(path_.c_str());
        path_.clear();
    }
    if (!dir_.empty()) {
        ::rmdir(dir_.c_str());
        dir_.clear();
    }
}

void XlsxWriter::add_row(std::span<const std::string> cells) {
    const auto row = static_cast<lxw_row_t>(rows_ + 1);
    for (std::size_t c = 0; c < cells.size() && c < widths_.size(); ++c) {
        if (cells[c].empty()) {
            continue;
        }
        const auto col = static_cast<lxw_col_t>(c);
        lxw_datetime date{};
        bool month_only = false;
        if (date_columns_[c] && parse_date(cells[c], date, month_only)) {
            check(worksheet_write_datetime(sheet_, row, col, &date,
                                           month_only ? month_format_ : date_format_),
                  "date cell");
            widths_[c] = std::max<std::size_t>(widths_[c], 12);
            continue;
        }
        const std::string text(cut_chars(search::neutralise_formula(cells[c]), max_cell_chars));
        check(worksheet_write_string(sheet_, row, col, text.c_str(), nullptr), "cell");
        widths_[c] = std::max(widths_[c], std::min(max_width, utf8_chars(text) + 1));
    }
    ++rows_;
}

OpenFile XlsxWriter::finish() {
    const auto last_col = static_cast<lxw_col_t>(widths_.empty() ? 0 : widths_.size() - 1);
    for (std::size_t c = 0; c < widths_.size(); ++c) {
        check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                   static_cast<double>(widths_[c]), nullptr),
              "column width");
    }
    worksheet_freeze_panes(sheet_, 1, 0);
    check(worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(rows_), last_col),
          "autofilter");
    const lxw_error closed = workbook_close(workbook_);
    workbook_ = nullptr;
    check(closed, "close");
    const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw std::runtime_error(std::string("xlsx: open: ") + std::strerror(errno));
    }
    OpenFile file(fd);
    cleanup(); // unlinked: the open descriptor keeps the data until it is closed
    return file;
}

} // namespace algreg::web
