#include "indexer/timestamp.h"

#include <chrono>
#include <cstdio>

namespace algreg::indexer {

namespace {

/// Reads exactly `digits` decimal digits at `pos`; nullopt otherwise.
std::optional<int> number(std::string_view text, std::size_t pos, std::size_t digits) {
    if (pos + digits > text.size()) {
        return std::nullopt;
    }
    int value = 0;
    for (std::size_t i = pos; i < pos + digits; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::string format(std::chrono::sys_seconds time) {
    using namespace std::chrono;
    const auto day = floor<days>(time);
    const year_month_day ymd(day);
    const hh_mm_ss hms(time - day);
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return out;
}

} // namespace

std::optional<std::string> utc_timestamp(std::string_view text) {
    using namespace std::chrono;
    const auto y = number(text, 0, 4);
    const auto m = number(text, 5, 2);
    const auto d = number(text, 8, 2);
    if (!y || !m || !d || text.size() < 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    const year_month_day ymd{year(*y), month(static_cast<unsigned>(*m)),
                             day(static_cast<unsigned>(*d))};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    sys_seconds time = sys_days(ymd);
    if (text.size() == 10) {
        return format(time);
    }
    if (text[10] != 'T' && text[10] != ' ') {
        return std::nullopt;
    }
    const auto hour = number(text, 11, 2);
    const auto minute = number(text, 14, 2);
    if (!hour || !minute || text.size() < 16 || text[13] != ':' || *hour > 23 || *minute > 59) {
        return std::nullopt;
    }
    time += hours(*hour) + minutes(*minute);
    std::size_t pos = 16;
    if (pos < text.size() && text[pos] == ':') {
        const auto second = number(text, pos + 1, 2);
        if (!second || *second > 59) {
            return std::nullopt;
        }
        time += seconds(*second);
        pos += 3;
        if (pos < text.size() && text[pos] == '.') {
            ++pos;
            const std::size_t digits = pos;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                ++pos;
            }
            if (pos == digits) {
                return std::nullopt;
            }
        }
    }
    if (pos == text.size() || (text[pos] == 'Z' && pos + 1 == text.size())) {
        return format(time);
    }
    if ((text[pos] == '+' || text[pos] == '-') && pos + 6 == text.size() && text[pos + 3] == ':') {
        const auto offset_hours = number(text, pos + 1, 2);
        const auto offset_minutes = number(text, pos + 4, 2);
        if (!offset_hours || !offset_minutes || *offset_hours > 23 || *offset_minutes > 59) {
            return std::nullopt;
        }
        const minutes offset = hours(*offset_hours) + minutes(*offset_minutes);
        time += text[pos] == '+' ? -offset : offset;
        return format(time);
    }
    return std::nullopt;
}

std::string current_utc_timestamp() {
    return format(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

} // namespace algreg::indexer
