#include "web/html_builder.h"

#include "search/html_text.h"

#include <array>

namespace algreg::web {

std::string esc(std::string_view text) {
    return search::escape_html(text);
}

std::string url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size() * 3 / 2);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string safe_http_url(std::string_view url) {
    while (!url.empty() && (url.front() == ' ' || url.front() == '\t' || url.front() == '\n' ||
                            url.front() == '\r')) {
        url.remove_prefix(1);
    }
    while (!url.empty() &&
           (url.back() == ' ' || url.back() == '\t' || url.back() == '\n' || url.back() == '\r')) {
        url.remove_suffix(1);
    }
    auto starts_with_ci = [&](std::string_view prefix) {
        if (url.size() < prefix.size()) {
            return false;
        }
        for (std::size_t i = 0; i < prefix.size(); ++i) {
            char c = url[i];
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
            if (c != prefix[i]) {
                return false;
            }
        }
        return true;
    };
    const std::size_t scheme = starts_with_ci("https://") ? 8 : starts_with_ci("http://") ? 7 : 0;
    if (scheme == 0 || url.size() <= scheme) {
        return {};
    }
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') {
            return {};
        }
    }
    return std::string(url);
}

bool looks_like_email(std::string_view text) {
    const auto at = text.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= text.size() ||
        text.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    if (text.find('.', at) == std::string_view::npos) {
        return false;
    }
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == ',' || c == ';' ||
            c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '/' || c == '?' ||
            c == '&' || c == '#' || c == '=') {
            return false;
        }
    }
    return true;
}

std::string external_link(std::string_view url, std::string_view text) {
    const std::string safe = safe_http_url(url);
    if (safe.empty()) {
        return esc(text);
    }
    return "<a class=\"external\" href=\"" + esc(safe) + "\" rel=\"noopener noreferrer\">" +
           esc(text) + "</a>";
}

std::string format_count(std::size_t n, Lang lang) {
    std::string digits = std::to_string(n);
    std::string out;
    const char sep = lang == Lang::en ? ',' : '.';
    const std::size_t first = digits.size() % 3 == 0 ? 3 : digits.size() % 3;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (i - first) % 3 == 0 && i >= first) {
            out += sep;
        }
        out += digits[i];
    }
    return out;
}

std::string format_date(std::string_view date, Lang lang) {
    static constexpr std::array<std::string_view, 12> nl{
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    static constexpr std::array<std::string_view, 12> en{
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    auto digits = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (date[i] < '0' || date[i] > '9') {
                return -1;
            }
            value = value * 10 + (date[i] - '0');
        }
        return value;
    };
    if (date.size() != 7 && date.size() != 10) {
        return std::string(date);
    }
    const int year = digits(0, 4);
    const int month = date[4] == '-' ? digits(5, 2) : -1;
    if (year < 0 || month < 1 || month > 12) {
        return std::string(date);
    }
    const auto& names = lang == Lang::en ? en : nl;
    const std::string month_name(names[static_cast<std::size_t>(month - 1)]);
    if (date.size() == 7) {
        return month_name + ' ' + std::to_string(year);
    }
    const int day = date[7] == '-' ? digits(8, 2) : -1;
    if (day < 1 || day > 31) {
        return std::string(date);
    }
    return std::to_string(day) + ' ' + month_name + ' ' + std::to_string(year);
}

} // namespace algreg::web
