// The access log: one line per request, written whole to stderr (a single write, so lines
// from different threads never interleave).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace algreg::web {

struct AccessEntry {
    std::string_view method;
    std::string_view path; ///< decoded path; control characters are escaped in the line
    int status = 0;
    std::uint64_t bytes = 0; ///< response body bytes
    std::uint64_t micros = 0;
    std::string_view remote;
};

/// "2026-08-08T06:20:11Z GET /api/v1/search 200 1234B 456us 127.0.0.1\n". Path and method are
/// cut at 200 bytes; bytes below 0x20, 0x7f and '"' and '\\' are written as \xNN.
[[nodiscard]] std::string format_access_line(const AccessEntry& entry);

/// Writes `line` to stderr in one write(2) call.
void write_log_line(const std::string& line);

} // namespace algreg::web
