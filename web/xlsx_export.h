// An .xlsx workbook written row by row with libxlsxwriter into a private temporary directory,
// handed back as an open file that is already removed from disk. One sheet: a bold header row,
// frozen, with an autofilter; every cell a string (never a formula) except calendar dates.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

typedef struct lxw_workbook lxw_workbook;
typedef struct lxw_worksheet lxw_worksheet;
typedef struct lxw_format lxw_format;

namespace algreg::web {

/// A readable file descriptor, closed with the object.
class OpenFile {
  public:
    explicit OpenFile(int fd) : fd_(fd) {}
    OpenFile(OpenFile&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
    OpenFile(const OpenFile&) = delete;
    OpenFile& operator=(OpenFile&&) = delete;
    OpenFile& operator=(const OpenFile&) = delete;
    ~OpenFile();
    [[nodiscard]] int fd() const { return fd_; }
    /// Up to `size` bytes from `offset`; 0 at the end. Throws std::runtime_error.
    [[nodiscard]] std::size_t read_at(std::size_t offset, char* buffer, std::size_t size) const;
    /// The file's size in bytes.
    [[nodiscard]] std::size_t size() const;

  private:
    int fd_;
};

class XlsxWriter {
  public:
    /// Creates the workbook in a new 0700 directory under $TMPDIR (or /tmp) with the header
    /// row. `date_columns[i]` marks columns whose cells that are exactly YYYY-MM-DD or YYYY-MM
    /// become dates (shown the same way); other cells stay strings.
    /// Throws std::runtime_error when the directory or workbook cannot be made.
    XlsxWriter(const std::string& sheet_name, const std::vector<std::string>& header,
               std::vector<bool> date_columns);
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;
    /// Removes whatever is left on disk.
    ~XlsxWriter();

    /// One row, cells in header order. Cells starting like a formula (csv_writer.h) get the
    /// same quote prefix as in our CSV; cells beyond Excel's 32,767 characters are cut.
    void add_row(std::span<const std::string> cells);

    /// Closes the workbook (column widths, autofilter) and returns the file, open for reading
    /// and already unlinked with its directory. Throws std::runtime_error when writing failed.
    [[nodiscard]] OpenFile finish();

    /// Data rows written so far.
    [[nodiscard]] std::size_t rows() const { return rows_; }

  private:
    void cleanup();

    std::string dir_;
    std::string path_;
    lxw_workbook* workbook_ = nullptr;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format* header_format_ = nullptr;
    lxw_format* date_format_ = nullptr;  ///< yyyy-mm-dd
    lxw_format* month_format_ = nullptr; ///< yyyy-mm (the register's "2023-08" begin dates)
    std::vector<bool> date_columns_;
    std::vector<std::size_t> widths_; ///< widest cell per column, in characters
    std::size_t rows_ = 0;
};

} // namespace algreg::web
