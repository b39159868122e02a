#include "web/access_log.h"

#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <unistd.h>

namespace algreg::web {

namespace {

constexpr std::size_t max_target = 2000;
constexpr std::size_t max_field = 500;

std::string_view cut(std::string_view text, std::size_t max, bool& cut_off) {
    cut_off = text.size() > max;
    return cut_off ? text.substr(0, max) : text;
}

/// A quoted or bare field of the Combined Log Format; "-" when empty.
void append_clf(std::string& out, std::string_view text, std::size_t max) {
    if (text.empty()) {
        out += '-';
        return;
    }
    bool cut_off = false;
    for (const char ch : cut(text, max, cut_off)) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c >= 0x7f) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        } else {
            out += ch;
        }
    }
    if (cut_off) {
        out += "...";
    }
}

std::string json_field(std::string_view text, std::size_t max) {
    bool cut_off = false;
    std::string out(cut(text, max, cut_off));
    if (cut_off) {
        out += "...";
    }
    return out;
}

std::tm utc(std::chrono::system_clock::time_point time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

std::string combined_line(const AccessEntry& e) {
    const std::tm tm = utc(e.time);
    char stamp[40];
    // %b in the C locale: English month abbreviations, as the format requires.
    std::strftime(stamp, sizeof stamp, "[%d/%b/%Y:%H:%M:%S +0000]", &tm);
    std::string line;
    append_clf(line, e.remote, 64);
    line += " - - ";
    line += stamp;
    line += " \"";
    append_clf(line, e.method, 32);
    line += ' ';
    append_clf(line, e.target, max_target);
    line += ' ';
    append_clf(line, e.protocol, 32);
    line += "\" " + std::to_string(e.status) + ' ' +
            (e.bytes == 0 ? std::string("-") : std::to_string(e.bytes)) + " \"";
    append_clf(line, e.referer, max_field);
    line += "\" \"";
    append_clf(line, e.user_agent, max_field);
    line += "\"\n";
    return line;
}

std::string json_line(const AccessEntry& e) {
    const std::tm tm = utc(e.time);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    nlohmann::ordered_json j{{"time", stamp},
                             {"remote", json_field(e.remote, 64)},
                             {"method", json_field(e.method, 32)},
                             {"target", json_field(e.target, max_target)},
                             {"protocol", json_field(e.protocol, 32)},
                             {"status", e.status},
                             {"bytes", e.bytes},
                             {"duration_us", e.micros},
                             {"referer", json_field(e.referer, max_field)},
                             {"user_agent", json_field(e.user_agent, max_field)}};
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

} // namespace

std::optional<LogFormat> parse_log_format(std::string_view name) {
    if (name == "combined") {
        return LogFormat::combined;
    }
    if (name == "json") {
        return LogFormat::json;
    }
    return std::nullopt;
}

std::string format_access_line(const AccessEntry& e, LogFormat format) {
    return format == LogFormat::json ? json_line(e) : combined_line(e);
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
