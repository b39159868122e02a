#include "search/analysis.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace algreg::search {

namespace detail {

std::int32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int32_t>(s.size());
    auto offset = static_cast<std::int32_t>(i);
    UChar32 cp = 0;
    U8_NEXT(bytes, offset, length, cp);
    i = static_cast<std::size_t>(offset);
    return cp;
}

bool is_word_code_point(std::int32_t cp) {
    if (u_isalnum(cp)) {
        return true;
    }
    const auto type = u_charType(cp);
    return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK;
}

} // namespace detail

std::string fold(std::string_view utf8) {
    // ASCII fast path: lower-casing is all folding does to ASCII.
    bool ascii = true;
    for (const char c : utf8) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        std::string out(utf8);
        for (char& c : out) {
            if (c >= 'A' && c <= 'Z') {
                c = static_cast<char>(c - 'A' + 'a');
            }
        }
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
    const auto input = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    icu::UnicodeString decomposed = U_SUCCESS(status) ? nfkd->normalize(input, status) : input;
    if (U_FAILURE(status)) {
        decomposed = input;
    }
    icu::UnicodeString kept;
    for (std::int32_t i = 0; i < decomposed.length();) {
        const UChar32 cp = decomposed.char32At(i);
        i += U16_LENGTH(cp);
        if (u_charType(cp) == U_NON_SPACING_MARK || cp == 0xFFFD) {
            continue;
        }
        kept.append(cp);
    }
    kept.foldCase();
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::string slug(std::string_view utf8) {
    constexpr std::size_t max_slug_bytes = 120;
    const std::string folded = fold(utf8);
    std::string out;
    out.reserve(folded.size());
    bool dash = false;
    for (const char ch : folded) {
        const auto c = static_cast<unsigned char>(ch);
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) {
            if (dash && !out.empty()) {
                out.push_back('-');
            }
            dash = false;
            out.push_back(static_cast<char>(c));
        } else {
            dash = true;
        }
        if (out.size() >= max_slug_bytes) {
            break;
        }
    }
    return out;
}

Analyzer::Analyzer() : stemmer_("dutch") {}

std::string Analyzer::stem_folded(const std::string& folded) const {
    for (const char c : folded) {
        if (c >= '0' && c <= '9') {
            return folded;
        }
    }
    std::string stem = stemmer_(folded);
    if (stem == folded && folded.size() > 5 && folded.ends_with("es")) {
        stem = stemmer_(folded.substr(0, folded.size() - 1));
    }
    return stem;
}

const Analyzer::Forms& Analyzer::analyse(std::string_view raw_word) {
    // Heterogeneous lookup needs C++20 transparent hashing; a temporary key is cheap enough
    // next to the stemmer it saves.
    std::string key(raw_word);
    if (const auto found = cache_.find(key); found != cache_.end()) {
        return found->second;
    }
    Forms forms;
    forms.folded = fold(raw_word);
    if (!forms.folded.empty()) {
        forms.stem = stem_folded(forms.folded);
    }
    return cache_.emplace(std::move(key), std::move(forms)).first->second;
}

} // namespace algreg::search
