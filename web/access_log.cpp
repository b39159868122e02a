#include "web/access_log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace algreg::web {

namespace {

void append_escaped(std::string& out, std::string_view text, std::size_t max) {
    if (text.empty()) {
        out += '-';
        return;
    }
    for (std::size_t i = 0; i < text.size() && i < max; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == ' ') {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (text.size() > max) {
        out += "...";
    }
}

} // namespace

std::string format_access_line(const AccessEntry& e) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    std::string line = stamp;
    line += ' ';
    append_escaped(line, e.method, 200);
    line += ' ';
    append_escaped(line, e.path, 200);
    line += ' ' + std::to_string(e.status) + ' ' + std::to_string(e.bytes) + "B " +
            std::to_string(e.micros) + "us ";
    append_escaped(line, e.remote, 64);
    line += '\n';
    return line;
}

void write_log_line(const std::string& line) {
    std::size_t done = 0;
    while (done < line.size()) {
        const auto n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n <= 0) {
            return; // stderr closed or full: logging must never fail a request
        }
        done += static_cast<std::size_t>(n);
    }
}

} // namespace algreg::web
