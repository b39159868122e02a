#include "search/compound_split.h"

#include "search/schema.h"

#include <algorithm>
#include <array>

namespace algreg::search {

namespace {

/// Function words of compound length that are also the end or start of unrelated words
/// (bijzonder, tussenkomst, onderzoek, verder, ...).
constexpr std::array<std::string_view, 34> no_compound_words{
    "aangezien", "achter",  "alleen",  "andere", "binnen", "boven",   "buiten",
    "daarbij",   "daarom",  "doordat", "eerder", "hebben", "hierbij", "kunnen",
    "langs",     "middels", "moeten",  "omdat",  "onder",  "sinds",   "tegen",
    "tijdens",   "totdat",  "tussen",  "vanaf",  "verder", "volgens", "waarbij",
    "wanneer",   "welke",   "worden",  "zodat",  "zonder", "zullen"};

/// text_prefixes' organisation field: a word the index has there is (part of) a name.
constexpr std::uint8_t organisation_field_bit = 1U << 3;
static_assert(text_prefixes[3].prefix == prefix::organization);

bool is_function_word(std::string_view folded) {
    return std::find(no_compound_words.begin(), no_compound_words.end(), folded) !=
           no_compound_words.end();
}

} // namespace

bool may_be_compound_part(const Vocabulary& vocabulary, std::string_view folded,
                          std::string_view stem) {
    return folded.size() >= min_compound_part &&
           std::all_of(folded.begin(), folded.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           !is_function_word(folded) &&
           std::size_t{vocabulary.stem_frequency(std::string(stem))} * max_compound_share_inverse <=
               vocabulary.document_count();
}

std::optional<std::pair<std::string, std::string>>
split_compound(const Vocabulary& vocabulary, std::string_view folded, std::string_view stem) {
    if (folded.size() < 2 * min_compound_part || !may_be_compound_part(vocabulary, folded, stem) ||
        vocabulary.frequency(folded) >= min_split_part_frequency ||
        (vocabulary.fields_of(std::string(stem)) & organisation_field_bit) != 0) {
        return std::nullopt;
    }
    auto is_part = [&](std::string_view part) {
        return part.size() >= min_compound_part && !is_function_word(part) &&
               vocabulary.frequency(part) >= min_split_part_frequency;
    };
    std::optional<std::pair<std::string, std::string>> best;
    std::uint32_t best_frequency = 0;
    auto consider = [&](std::string_view first, std::string_view second) {
        if (!is_part(first) || !is_part(second)) {
            return;
        }
        const std::uint32_t rarer =
            std::min(vocabulary.frequency(first), vocabulary.frequency(second));
        if (rarer > best_frequency) {
            best_frequency = rarer;
            best.emplace(std::string(first), std::string(second));
        }
    };
    for (std::size_t cut = min_compound_part; cut + min_compound_part <= folded.size(); ++cut) {
        const std::string_view first = folded.substr(0, cut);
        const std::string_view rest = folded.substr(cut);
        consider(first, rest);
        if (rest.starts_with('s') || rest.starts_with('e')) { // a linking -s- or -e-
            consider(first, rest.substr(1));
        }
    }
    return best;
}

} // namespace algreg::search
