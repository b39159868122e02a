#include "search/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

namespace algreg::search {

namespace {

constexpr std::array<std::string_view, 6> allowed_tags{"div", "br", "p", "ul", "ol", "li"};
constexpr std::array<std::string_view, 13> block_tags{"p",  "div", "br", "li", "ul", "ol", "h1",
                                                      "h2", "h3",  "h4", "h5", "h6", "tr"};

bool is_allowed(std::string_view name) {
    return std::find(allowed_tags.begin(), allowed_tags.end(), name) != allowed_tags.end();
}
bool is_block(std::string_view name) {
    return std::find(block_tags.begin(), block_tags.end(), name) != block_tags.end();
}

} // namespace

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        cp = 0xFFFD;
    }
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::size_t decode_character_reference(std::string_view text, std::size_t i, std::string& out) {
    const std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
        return 0;
    }
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    if (name.size() >= 2 && name[0] == '#') {
        std::uint32_t cp = 0;
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty()) {
            return 0;
        }
        for (const char c : digits) {
            std::uint32_t d = 0;
            if (c >= '0' && c <= '9') {
                d = static_cast<std::uint32_t>(c - '0');
            } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
                d = static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
            } else {
                return 0;
            }
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF) {
                cp = 0xFFFD;
            }
        }
        append_utf8(out, cp);
        return semi - i + 1;
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> named{{
        {"amp", "&"},
        {"lt", "<"},
        {"gt", ">"},
        {"quot", "\""},
        {"apos", "'"},
        {"nbsp", "\xC2\xA0"},
        {"euro", "\xE2\x82\xAC"},
        {"ndash", "\xE2\x80\x93"},
        {"mdash", "\xE2\x80\x94"},
    }};
    for (const auto& [key, value] : named) {
        if (name == key) {
            out.append(value);
            return semi - i + 1;
        }
    }
    return 0;
}

namespace {

/// A tag found at text[i] == '<'.
struct Tag {
    std::size_t length = 0; ///< 0: not a tag, '<' is literal
    std::string name;       ///< lower-case
    bool closing = false;
};

Tag read_tag(std::string_view text, std::size_t i) {
    Tag tag;
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '!') { // comment or doctype
        const bool comment = text.substr(i).starts_with("<!--");
        const std::size_t end = comment ? text.find("-->", i + 4) : text.find('>', j);
        tag.length = end == std::string_view::npos ? text.size() - i : end - i + (comment ? 3 : 1);
        return tag;
    }
    if (j < text.size() && text[j] == '/') {
        tag.closing = true;
        ++j;
    }
    const std::size_t name_begin = j;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) {
        tag.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[j]))));
        ++j;
    }
    if (j == name_begin || !std::isalpha(static_cast<unsigned char>(text[name_begin]))) {
        return Tag{}; // "<" followed by a space, digit...: literal text
    }
    // Skip attributes, honouring quotes.
    char quote = 0;
    for (; j < text.size(); ++j) {
        if (quote) {
            if (text[j] == quote) {
                quote = 0;
            }
        } else if (text[j] == '"' || text[j] == '\'') {
            quote = text[j];
        } else if (text[j] == '>') {
            tag.length = j - i + 1;
            return tag;
        }
    }
    return Tag{}; // unterminated: literal
}

/// Walks html, calling on_text(decoded text) and on_tag(tag); skips script/style content.
template <class OnText, class OnTag>
void walk(std::string_view html, OnText&& on_text, OnTag&& on_tag) {
    std::string text;
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            const Tag tag = read_tag(html, i);
            if (tag.length > 0) {
                if (!text.empty()) {
                    on_text(text);
                    text.clear();
                }
                i += tag.length;
                if (!tag.closing && (tag.name == "script" || tag.name == "style")) {
                    const std::string close = "</" + tag.name;
                    std::size_t end = i;
                    for (;;) { // case-insensitive search for the closing tag
                        end = html.find("</", end);
                        if (end == std::string_view::npos) {
                            break;
                        }
                        std::string candidate(html.substr(end, close.size()));
                        std::transform(candidate.begin(), candidate.end(), candidate.begin(),
                                       [](unsigned char ch) { return std::tolower(ch); });
                        if (candidate == close) {
                            break;
                        }
                        end += 2;
                    }
                    if (end == std::string_view::npos) {
                        i = html.size();
                    } else {
                        const std::size_t gt = html.find('>', end);
                        i = gt == std::string_view::npos ? html.size() : gt + 1;
                    }
                    continue;
                }
                if (!tag.name.empty()) {
                    on_tag(tag);
                }
                continue;
            }
        }
        if (c == '&') {
            const std::size_t used = decode_character_reference(html, i, text);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        text.push_back(c);
        ++i;
    }
    if (!text.empty()) {
        on_text(text);
    }
}

/// Collapses spaces within lines, trims lines, keeps at most one empty line between paragraphs.
std::string tidy_lines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    int newlines = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool nbsp =
            c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
        if (c == '\n') {
            ++newlines;
            space = false;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            space = true;
            if (nbsp) {
                ++i;
            }
            continue;
        }
        if (!out.empty()) {
            if (newlines > 0) {
                out.append(newlines > 1 ? "\n\n" : "\n");
            } else if (space) {
                out.push_back(' ');
            }
        }
        newlines = 0;
        space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

} // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out.push_back(c);
        }
    }
    return out;
}

bool looks_like_html(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '<' && read_tag(text, i).length > 0) {
            return true;
        }
        if (text[i] == '&') {
            std::string ignored;
            if (decode_character_reference(text, i, ignored) > 0) {
                return true;
            }
        }
    }
    return false;
}

std::string strip_html(std::string_view html) {
    std::string plain;
    plain.reserve(html.size());
    walk(
        html, [&](const std::string& text) { plain += text; },
        [&](const Tag& tag) {
            if (is_block(tag.name)) {
                plain += tag.name == "br" ? "\n" : "\n\n";
            } else {
                plain += "";
            }
        });
    return tidy_lines(plain);
}

std::string sanitise_html(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::vector<std::string> open;
    walk(
        html,
        [&](const std::string& text) {
            // Keep the source's line breaks visible in plain-text values.
            std::size_t start = 0;
            for (std::size_t nl = text.find('\n'); nl != std::string::npos;
                 nl = text.find('\n', start)) {
                out += escape_html(text.substr(start, nl - start));
                out += open.empty() ? "<br>" : " ";
                start = nl + 1;
            }
            out += escape_html(text.substr(start));
        },
        [&](const Tag& tag) {
            if (!is_allowed(tag.name)) {
                return;
            }
            if (tag.name == "br") {
                out += "<br>";
                return;
            }
            if (!tag.closing) {
                out += "<" + tag.name + ">";
                open.push_back(tag.name);
                return;
            }
            const auto it = std::find(open.rbegin(), open.rend(), tag.name);
            if (it == open.rend()) {
                return; // stray closing tag
            }
            while (!open.empty()) { // close everything opened inside it too
                const std::string name = open.back();
                open.pop_back();
                out += "</" + name + ">";
                if (name == tag.name) {
                    break;
                }
            }
        });
    while (!open.empty()) {
        out += "</" + open.back() + ">";
        open.pop_back();
    }
    // Trim leading/trailing whitespace and line breaks produced by the source's padding.
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = out.find_last_not_of(" \t\r\n");
    return out.substr(first, last - first + 1);
}

} // namespace algreg::search
