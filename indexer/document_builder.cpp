#include "indexer/document_builder.h"

#include "indexer/vocabulary.h"
#include "search/facet_terms.h"
#include "search/html_text.h"
#include "search/schema.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace algreg::indexer {

using search::AlgorithmRecord;

template <class F> void DocumentBuilder::for_each_text(const AlgorithmRecord& r, F&& f) {
    for (const auto& field : search::string_fields()) {
        if (field.text_prefix.empty()) {
            continue;
        }
        const std::string& value = r.*field.member;
        if (value.empty()) {
            continue;
        }
        if (field.html) {
            f(field.text_prefix, search::strip_html(value));
        } else {
            f(field.text_prefix, value); // no copy of plain fields
        }
    }
    for (const auto& ref : r.lawful_basis_grouping) {
        f(search::prefix::legal, ref.title);
    }
    for (const auto& theme : r.category) {
        f(search::prefix::rest, theme);
    }
    for (const auto& ref : r.impacttoetsen_grouping) {
        f(search::prefix::rest, ref.title);
    }
    for (const auto& ref : r.source_data_grouping) {
        f(search::prefix::rest, ref.title);
    }
    for (const auto& [key, value] : r.legacy) {
        if (key != "uuid" && key != "application_url" && key != "lawful_basis_link" &&
            key != "source_data_link" && key != "revision_date") {
            f(search::prefix::rest, value);
        }
    }
}

std::vector<std::string> DocumentBuilder::filter_terms(const AlgorithmRecord& r) {
    return search::facet_terms(r);
}

namespace {

/// True when a folded word goes into the spelling dictionary: single letters, two-letter words
/// and anything with a digit make poor corrections.
bool spelling_word(const std::string& folded) {
    if (folded.size() < 3) {
        return false;
    }
    for (const char c : folded) {
        if (c >= '0' && c <= '9') {
            return false;
        }
    }
    return true;
}

} // namespace

const DocumentBuilder::CachedWord& DocumentBuilder::lookup(std::string_view raw) {
    const std::size_t hash = std::hash<std::string_view>{}(raw);
    std::size_t mask = slots_.size() - 1;
    if (!slots_.empty()) {
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const std::uint32_t slot = slots_[i];
            if (slot == 0) {
                break;
            }
            if (words_[slot - 1].raw == raw) {
                return words_[slot - 1];
            }
        }
    }
    // A new word: ask the Analyzer, the one place that decides what a term is.
    const auto& forms = analyzer_.analyse(raw);
    std::uint32_t id = no_spelling;
    if (spelling_word(forms.folded)) {
        const auto [it, added] = spelling_ids_.try_emplace(
            forms.folded, static_cast<std::uint32_t>(spelling_words_.size()));
        if (added) {
            spelling_words_.push_back(forms.folded);
            last_record_.push_back(0);
            tally_.push_back(0);
        }
        id = it->second;
    }
    words_.push_back(CachedWord{std::string(raw), forms.stem, id});
    // Keep the table at most half full.
    if (2 * words_.size() > slots_.size()) {
        slots_.assign(std::max<std::size_t>(slots_.size() * 2, 1 << 14), 0);
        mask = slots_.size() - 1;
        for (std::size_t w = 0; w < words_.size(); ++w) {
            std::size_t i = std::hash<std::string_view>{}(words_[w].raw) & mask;
            while (slots_[i] != 0) {
                i = (i + 1) & mask;
            }
            slots_[i] = static_cast<std::uint32_t>(w + 1);
        }
    } else {
        std::size_t i = hash & mask;
        while (slots_[i] != 0) {
            i = (i + 1) & mask;
        }
        slots_[i] = static_cast<std::uint32_t>(words_.size());
    }
    return words_.back();
}

bool DocumentBuilder::first_in_record(std::uint32_t id) {
    if (last_record_[id] == record_stamp_) {
        return false;
    }
    last_record_[id] = record_stamp_;
    return true;
}

template <class F> void DocumentBuilder::for_each_word(const AlgorithmRecord& record, F&& f) {
    if (++record_stamp_ == 0) { // wrapped: forget every stamp
        std::fill(last_record_.begin(), last_record_.end(), 0);
        record_stamp_ = 1;
    }
    std::uint32_t position = 1;
    for_each_text(record, [&](std::string_view prefix, const std::string& text) {
        position = search::for_each_word(text, position,
                                         [&](const search::Word& word) {
                                             f(prefix, lookup(word.raw), word.position);
                                         }) +
                   field_position_gap;
    });
}

Xapian::Document DocumentBuilder::build_counted(const AlgorithmRecord& r, const std::string& data) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string(search::prefix::id) + r.id);
    for (const auto& term : filter_terms(r)) {
        doc.add_boolean_term(term);
    }
    occurrences_.clear();
    for_each_word(r, [&](std::string_view prefix, const CachedWord& word, std::uint32_t position) {
        if (word.spelling_id != no_spelling && first_in_record(word.spelling_id)) {
            ++tally_[word.spelling_id];
        }
        if (!word.stem.empty()) {
            occurrences_.push_back(
                {prefix, static_cast<std::uint32_t>(&word - words_.data()), position});
        }
    });
    // Term by term in byte order (no prefix is a prefix of another, so prefix then stem is
    // byte order), each term's positions ascending: one add_term with the count as wdf, as
    // many add_posting calls would give, and the stem's entry in its prefix's positions value.
    auto stem_of = [&](const Occurrence& o) -> const std::string& { return words_[o.word].stem; };
    std::sort(occurrences_.begin(), occurrences_.end(),
              [&](const Occurrence& a, const Occurrence& b) {
                  if (a.prefix != b.prefix) {
                      return a.prefix < b.prefix;
                  }
                  if (a.word != b.word) {
                      if (const int c = stem_of(a).compare(stem_of(b)); c != 0) {
                          return c < 0;
                      }
                  }
                  return a.position < b.position;
              });
    std::string term;
    std::vector<std::uint32_t>& positions = term_positions_;
    for (std::size_t i = 0; i < occurrences_.size();) {
        const Occurrence& first = occurrences_[i];
        if (i == 0 || first.prefix != occurrences_[i - 1].prefix) {
            positions_.clear();
        }
        positions.clear();
        std::size_t j = i;
        while (j < occurrences_.size() && occurrences_[j].prefix == first.prefix &&
               (occurrences_[j].word == first.word || stem_of(occurrences_[j]) == stem_of(first))) {
            positions.push_back(occurrences_[j].position);
            ++j;
        }
        term.assign(first.prefix);
        term += stem_of(first);
        doc.add_term(term, static_cast<Xapian::termcount>(positions.size()));
        positions_.add(stem_of(first), positions);
        if (j == occurrences_.size() || occurrences_[j].prefix != first.prefix) {
            // The prefix's last stem: its positions value is complete.
            doc.add_value(*search::positions_slot(first.prefix), positions_.value());
        }
        i = j;
    }
    doc.add_value(search::slot::added, r.added.empty() ? r.changed : r.added);
    doc.add_value(search::slot::changed, r.changed);
    doc.add_value(search::slot::name, search::fold(r.name));
    doc.add_value(search::slot::organization, search::fold(r.organization));
    doc.set_data(data);
    return doc;
}

void DocumentBuilder::take_spelling(WordCounts& counts) {
    for (std::size_t id = 0; id < tally_.size(); ++id) {
        if (tally_[id] != 0) {
            counts[spelling_words_[id]] += tally_[id];
            tally_[id] = 0;
        }
    }
}

void DocumentBuilder::count_words(const AlgorithmRecord& record, int delta, WordCounts& counts) {
    for_each_word(record, [&](std::string_view, const CachedWord& word, std::uint32_t) {
        if (word.spelling_id != no_spelling && first_in_record(word.spelling_id)) {
            counts[spelling_words_[word.spelling_id]] += delta;
        }
    });
}

} // namespace algreg::indexer
