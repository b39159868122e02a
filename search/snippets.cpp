#include "search/snippets.h"

#include "search/html_text.h"

#include <algorithm>
#include <map>

namespace algreg::search {

namespace {

constexpr std::string_view ellipsis = "\xE2\x80\xA6"; // …
/// Most matches looked at when choosing a window; later ones still get marked.
constexpr std::size_t max_window_anchors = 256;

/// Escapes `text` for HTML, with line breaks and tabs as spaces.
void append_escaped(std::string& out, std::string_view text) {
    std::string flat(text);
    for (char& c : flat) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    out += escape_html(flat);
}

struct Token {
    std::size_t begin;
    std::size_t end;
    int match; ///< distinct stem id, or -1
};

} // namespace

namespace {

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t start_key(char a, char b) {
    return static_cast<std::size_t>(static_cast<unsigned char>(a)) * 128U +
           static_cast<unsigned char>(b);
}

} // namespace

Highlighter::Highlighter(const HighlightTerms& terms, Analyzer& analyzer)
    : terms_(terms), analyzer_(analyzer), starts_(128U * 128U, false) {
    auto note = [&](const std::string& s) {
        if (s.size() < 2 || static_cast<unsigned char>(s[0]) >= 0x80 ||
            static_cast<unsigned char>(s[1]) >= 0x80) {
            prefilter_ = false;
            return;
        }
        starts_[start_key(s[0], s[1])] = true;
    };
    for (const auto& [stem, fields] : terms_.stems) {
        note(stem);
    }
    for (const auto& [prefix, fields] : terms_.prefixes) {
        note(prefix);
    }
}

const std::string* Highlighter::match(std::string_view raw_word, FieldMask field) {
    if (terms_.empty()) {
        return nullptr;
    }
    // Folding and stemming keep the first two ASCII letters (lower-cased), so a word that
    // starts otherwise cannot match: skip the analyser for it.
    if (prefilter_ && raw_word.size() >= 2 && static_cast<unsigned char>(raw_word[0]) < 0x80 &&
        static_cast<unsigned char>(raw_word[1]) < 0x80 &&
        !starts_[start_key(ascii_lower(raw_word[0]), ascii_lower(raw_word[1]))]) {
        return nullptr;
    }
    const auto& forms = analyzer_.analyse(raw_word);
    if (forms.stem.empty()) {
        return nullptr;
    }
    if (const auto it = terms_.stems.find(forms.stem);
        it != terms_.stems.end() && (it->second & field) != 0) {
        return &forms.stem;
    }
    for (const auto& [prefix, fields] : terms_.prefixes) {
        if ((fields & field) != 0 && forms.folded.starts_with(prefix)) {
            return &forms.stem;
        }
    }
    return nullptr;
}

bool Highlighter::contains_match(std::string_view text, FieldMask field) {
    bool found = false;
    // for_each_word has no early exit; skipping the analyser after the first match keeps the
    // rest a plain scan.
    for_each_word(text, 0, [&](const Word& w) {
        if (!found && match(w.raw, field) != nullptr) {
            found = true;
        }
    });
    return found;
}

std::string Highlighter::mark_all(std::string_view text, FieldMask field) {
    std::string out;
    out.reserve(text.size() + 32);
    std::size_t done = 0;
    for_each_word(text, 0, [&](const Word& w) {
        if (match(w.raw, field) == nullptr) {
            return;
        }
        const auto begin = static_cast<std::size_t>(w.raw.data() - text.data());
        append_escaped(out, text.substr(done, begin - done));
        out += "<mark>";
        append_escaped(out, w.raw);
        out += "</mark>";
        done = begin + w.raw.size();
    });
    append_escaped(out, text.substr(done));
    return out;
}

Highlighter::Excerpt Highlighter::excerpt(std::string_view text, FieldMask field,
                                          std::size_t length) {
    Excerpt result;
    if (terms_.empty() || text.empty()) {
        return result;
    }
    std::vector<Token> tokens;
    std::map<std::string, int> ids;
    for_each_word(text, 0, [&](const Word& w) {
        const auto begin = static_cast<std::size_t>(w.raw.data() - text.data());
        int id = -1;
        if (const std::string* stem = match(w.raw, field)) {
            id = ids.emplace(*stem, static_cast<int>(ids.size())).first->second;
        }
        tokens.push_back({begin, begin + w.raw.size(), id});
    });
    std::vector<std::size_t> matched; // token indices
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].match >= 0) {
            matched.push_back(i);
        }
    }
    if (matched.empty()) {
        return result;
    }
    // Best window: anchored at a match, as many distinct stems (then matches) as fit.
    std::size_t best_anchor = 0;
    std::size_t best_last = 0;
    std::size_t best_distinct = 0;
    std::size_t best_count = 0;
    const std::size_t anchors = std::min(matched.size(), max_window_anchors);
    for (std::size_t a = 0; a < anchors; ++a) {
        const std::size_t start = tokens[matched[a]].begin;
        std::vector<bool> seen(ids.size(), false);
        std::size_t distinct = 0;
        std::size_t count = 0;
        std::size_t last = a;
        for (std::size_t b = a; b < matched.size() && tokens[matched[b]].end <= start + length;
             ++b) {
            const auto id = static_cast<std::size_t>(tokens[matched[b]].match);
            if (!seen[id]) {
                seen[id] = true;
                ++distinct;
            }
            ++count;
            last = b;
        }
        if (distinct > best_distinct || (distinct == best_distinct && count > best_count)) {
            best_anchor = a;
            best_last = last;
            best_distinct = distinct;
            best_count = count;
        }
    }
    // Context: spread the unused length, at most a third of it before the first match.
    const std::size_t first = tokens[matched[best_anchor]].begin;
    const std::size_t span = tokens[matched[best_last]].end - first;
    const std::size_t slack = length > span ? length - span : 0;
    const std::size_t wanted_start = first - std::min(slack / 3, first);
    // Start at a word start (or the text start), end at a word end (or the text end).
    std::size_t t0 = matched[best_anchor];
    while (t0 > 0 && tokens[t0 - 1].begin >= wanted_start) {
        --t0;
    }
    const std::size_t start = t0 == 0 ? 0 : tokens[t0].begin;
    std::size_t t1 = matched[best_last];
    while (t1 + 1 < tokens.size() && tokens[t1 + 1].end <= start + length) {
        ++t1;
    }
    const std::size_t end = t1 + 1 == tokens.size() ? text.size() : tokens[t1].end;

    std::string& html = result.html;
    if (start > 0) {
        html += ellipsis;
        html += ' ';
    }
    std::size_t done = start;
    std::vector<bool> seen(ids.size(), false);
    for (std::size_t i = t0; i <= t1; ++i) {
        if (tokens[i].match < 0) {
            continue;
        }
        append_escaped(html, text.substr(done, tokens[i].begin - done));
        html += "<mark>";
        append_escaped(html, text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
        html += "</mark>";
        done = tokens[i].end;
        ++result.matches;
        const auto id = static_cast<std::size_t>(tokens[i].match);
        if (!seen[id]) {
            seen[id] = true;
            ++result.distinct;
        }
    }
    append_escaped(html, text.substr(done, end - done));
    if (end < text.size()) {
        html += ' ';
        html += ellipsis;
    }
    return result;
}

std::string Highlighter::lead(std::string_view text, std::size_t length) {
    std::string out;
    if (text.size() <= length) {
        append_escaped(out, text);
        return out;
    }
    std::size_t end = 0;
    for_each_word(text, 0, [&](const Word& w) {
        const auto word_end = static_cast<std::size_t>(w.raw.data() - text.data()) + w.raw.size();
        if (word_end <= length) {
            end = word_end;
        }
    });
    if (end == 0) {
        // One very long word: cut at a character boundary.
        end = length;
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            --end;
        }
    }
    append_escaped(out, text.substr(0, end));
    out += ' ';
    out += ellipsis;
    return out;
}

} // namespace algreg::search
