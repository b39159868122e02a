// The access log: one line per request, written whole to stderr (a single write, so lines
// from different threads never interleave), in a format log tools read without configuration:
// the Combined Log Format of Apache and nginx (the default) or JSON lines.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace algreg::web {

enum class LogFormat {
    combined, ///< 127.0.0.1 - - [04/Dec/2026:15:32:05 +0000] "GET /x HTTP/1.1" 200 1234 "ref" "ua"
    json      ///< {"time":…,"remote":…,"method":…,"target":…,…,"duration_us":…}
};

/// "combined" / "json"; nullopt for anything else.
[[nodiscard]] std::optional<LogFormat> parse_log_format(std::string_view name);

struct AccessEntry {
    std::string_view method;
    std::string_view target;   ///< the request target as sent: path and query, undecoded
    std::string_view protocol; ///< "HTTP/1.1"
    int status = 0;
    std::uint64_t bytes = 0; ///< response body bytes
    std::uint64_t micros = 0;
    std::string_view remote;
    std::string_view referer;
    std::string_view user_agent;
    /// When the request arrived (as the Combined Log Format's %t).
    std::chrono::system_clock::time_point time = std::chrono::system_clock::now();
};

/// One line ending in '\n'. Fields come from the client, so neither form lets them forge a
/// line or a field: combined escapes '"' and '\' with a backslash and every byte outside
/// printable ASCII as \xNN (as Apache does); JSON escapes as JSON does (invalid UTF-8 becomes
/// U+FFFD). The target is cut at 2,000 bytes, other fields at 500, with "..." appended.
[[nodiscard]] std::string format_access_line(const AccessEntry& entry,
                                             LogFormat format = LogFormat::combined);

/// Writes `line` to stderr in one write(2) call.
void write_log_line(const std::string& line);

} // namespace algreg::web
