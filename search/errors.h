// Typed errors for the cases where a run or a request cannot continue. Problems that only
// affect one record are values (indexer::Problem), not exceptions.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace algreg::search {

/// A whole input file cannot be read: unreadable, or not well-formed JSON/CSV.
/// Carries the file and the 1-based line and column of the first error (0 when unknown).
class InputError : public std::runtime_error {
  public:
    InputError(std::string file, std::size_t line, std::size_t column, const std::string& what)
        : std::runtime_error(
              file +
              (line ? ":" + std::to_string(line) + ":" + std::to_string(column) : std::string()) +
              ": " + what),
          file_(std::move(file)), line_(line), column_(column) {}
    [[nodiscard]] const std::string& file() const { return file_; }
    [[nodiscard]] std::size_t line() const { return line_; }
    [[nodiscard]] std::size_t column() const { return column_; }

  private:
    std::string file_;
    std::size_t line_;
    std::size_t column_;
};

/// The index is being written by another process.
class IndexBusyError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The index does not exist or cannot be opened.
class IndexUnavailableError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A request asks for something that is not there (unknown entry id, unknown facet).
class NotFound : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A request parameter is invalid; names the parameter.
class BadRequest : public std::runtime_error {
  public:
    BadRequest(std::string parameter, const std::string& why)
        : std::runtime_error(parameter + ": " + why), parameter_(std::move(parameter)) {}
    [[nodiscard]] const std::string& parameter() const { return parameter_; }

  private:
    std::string parameter_;
};

} // namespace algreg::search
