#include "search/vocabulary.h"

#include "search/compound_split.h"
#include "search/schema.h"

#include <algorithm>
#include <array>

namespace algreg::search {

namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}
bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
}

void add_form(std::vector<std::string>& forms, std::string form) {
    if (form.size() >= min_compound_part &&
        std::find(forms.begin(), forms.end(), form) == forms.end()) {
        forms.push_back(std::move(form));
    }
}

/// v -> f and z -> s at the end of a base (beleven -> beleef, reizen -> reis).
std::string devoice(std::string base) {
    if (!base.empty() && base.back() == 'v') {
        base.back() = 'f';
    } else if (!base.empty() && base.back() == 'z') {
        base.back() = 's';
    }
    return base;
}

} // namespace

std::vector<std::string> modifier_forms(std::string_view folded) {
    std::vector<std::string> forms;
    add_form(forms, std::string(folded));
    if (folded.size() < 6 || !folded.ends_with("en")) {
        return forms;
    }
    const std::string base(folded.substr(0, folded.size() - 2));
    if (!std::all_of(base.begin(), base.end(), is_letter)) {
        return forms;
    }
    add_form(forms, base);
    const std::size_t n = base.size();
    if (n >= 2 && base[n - 1] == base[n - 2] && !is_vowel(base[n - 1])) {
        add_form(forms, base.substr(0, n - 1)); // bestellen -> bestel
    } else if (n >= 3 && !is_vowel(base[n - 1]) && is_vowel(base[n - 2]) && base[n - 2] != 'i' &&
               !is_vowel(base[n - 3])) {
        // An open syllable: the long vowel was written single (parkeren -> parkeer).
        std::string doubled = base.substr(0, n - 1);
        doubled.push_back(base[n - 2]);
        doubled.push_back(base[n - 1]);
        add_form(forms, devoice(doubled));
    } else {
        add_form(forms, devoice(base)); // reizen -> reis
    }
    return forms;
}

std::vector<std::string> head_endings(std::string_view stem) {
    std::vector<std::string> endings;
    if (stem.size() < min_compound_part) {
        return endings;
    }
    for (const std::string_view inflection : {"", "e", "en", "es", "s", "n"}) {
        add_form(endings, std::string(stem) + std::string(inflection));
    }
    return endings;
}

Vocabulary Vocabulary::load(const Xapian::Database& db) {
    Vocabulary v;
    v.document_count_ = db.get_doccount();
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
        v.words_.push_back(*it);
        v.frequency_.push_back(it.get_termfreq());
    }
    // The spelling table is in byte order already; sort anyway in case a backend differs.
    if (!std::is_sorted(v.words_.begin(), v.words_.end())) {
        std::vector<std::uint32_t> order(v.words_.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) {
            order[i] = i;
        }
        std::sort(order.begin(), order.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return v.words_[a] < v.words_[b]; });
        std::vector<std::string> words;
        std::vector<std::uint32_t> frequency;
        for (const auto i : order) {
            words.push_back(std::move(v.words_[i]));
            frequency.push_back(v.frequency_[i]);
        }
        v.words_ = std::move(words);
        v.frequency_ = std::move(frequency);
    }
    std::vector<std::pair<std::string, std::uint32_t>> reversed;
    reversed.reserve(v.words_.size());
    for (std::uint32_t i = 0; i < v.words_.size(); ++i) {
        reversed.emplace_back(std::string(v.words_[i].rbegin(), v.words_[i].rend()), i);
    }
    std::sort(reversed.begin(), reversed.end());
    v.reversed_.reserve(reversed.size());
    v.reversed_index_.reserve(reversed.size());
    for (auto& [word, index] : reversed) {
        v.reversed_.push_back(std::move(word));
        v.reversed_index_.push_back(index);
    }
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        const std::string prefix(text_prefixes[i].prefix);
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            const std::string& term = *t;
            // "XO" also lists the facet terms "XORG…": a term's own text never starts upper case.
            if (term.size() == prefix.size() || term_prefix_length(term) != prefix.size()) {
                continue;
            }
            auto& info = v.stems_[term.substr(prefix.size())];
            info.fields |= static_cast<std::uint8_t>(1U << i);
            info.frequency = std::max(info.frequency, t.get_termfreq());
        }
    }
    return v;
}

std::uint8_t Vocabulary::fields_of(const std::string& stem) const {
    const auto it = stems_.find(stem);
    return it == stems_.end() ? 0 : it->second.fields;
}

std::uint32_t Vocabulary::stem_frequency(const std::string& stem) const {
    const auto it = stems_.find(stem);
    return it == stems_.end() ? 0 : it->second.frequency;
}

std::uint32_t Vocabulary::frequency(std::string_view folded) const {
    const auto it = std::lower_bound(words_.begin(), words_.end(), folded);
    if (it == words_.end() || *it != folded) {
        return 0;
    }
    return frequency_[static_cast<std::size_t>(it - words_.begin())];
}

void Vocabulary::add_range_starting(std::string_view prefix, std::size_t min_rest,
                                    std::vector<std::uint32_t>& out) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), prefix);
    for (std::size_t scanned = 0;
         it != words_.end() && it->starts_with(prefix) && scanned < max_prefix_scan;
         ++it, ++scanned) {
        if (it->size() >= prefix.size() + min_rest) {
            out.push_back(static_cast<std::uint32_t>(it - words_.begin()));
        }
    }
}

void Vocabulary::add_range_ending(std::string_view suffix, std::size_t min_rest,
                                  std::vector<std::uint32_t>& out) const {
    const std::string reversed(suffix.rbegin(), suffix.rend());
    auto it = std::lower_bound(reversed_.begin(), reversed_.end(), reversed);
    for (std::size_t scanned = 0;
         it != reversed_.end() && it->starts_with(reversed) && scanned < max_prefix_scan;
         ++it, ++scanned) {
        if (it->size() >= suffix.size() + min_rest) {
            out.push_back(reversed_index_[static_cast<std::size_t>(it - reversed_.begin())]);
        }
    }
}

std::vector<Vocabulary::Entry> Vocabulary::top(std::vector<std::uint32_t> indices,
                                               std::size_t limit) const {
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    auto better = [&](std::uint32_t a, std::uint32_t b) {
        if (frequency_[a] != frequency_[b]) {
            return frequency_[a] > frequency_[b];
        }
        return a < b; // alphabetical
    };
    const std::size_t n = std::min(limit, indices.size());
    std::partial_sort(indices.begin(), indices.begin() + static_cast<std::ptrdiff_t>(n),
                      indices.end(), better);
    std::vector<Entry> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back({words_[indices[i]], frequency_[indices[i]]});
    }
    return out;
}

std::vector<Vocabulary::Entry> Vocabulary::completions(std::string_view folded_prefix,
                                                       std::size_t limit) const {
    std::vector<std::uint32_t> indices;
    if (!folded_prefix.empty()) {
        add_range_starting(folded_prefix, 0, indices);
    }
    return top(std::move(indices), limit);
}

std::vector<Vocabulary::Entry> Vocabulary::compounds(std::string_view folded, std::string_view stem,
                                                     std::size_t limit) const {
    std::vector<std::uint32_t> indices;
    if (!may_be_compound_part(*this, folded, stem)) {
        return {};
    }
    const auto modifiers = modifier_forms(folded);
    for (const auto& form : modifiers) {
        add_range_starting(form, min_rest_after_modifier, indices);
    }
    if (stem.size() >= min_compound_part &&
        std::find(modifiers.begin(), modifiers.end(), stem) == modifiers.end()) {
        add_range_starting(stem, min_rest_after_modifier + 1, indices);
    }
    for (const auto& ending : head_endings(stem)) {
        add_range_ending(ending, min_rest_before_head, indices);
    }
    return top(std::move(indices), limit);
}

} // namespace algreg::search
