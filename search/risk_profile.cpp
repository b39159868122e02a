#include "search/risk_profile.h"

#include "search/analysis.h"
#include "search/html_text.h"
#include "search/schema.h"

#include <algorithm>

namespace algreg::search {

namespace {

/// One word of a field: folded, where it stands in the field's plain text, its sentence.
struct Token {
    std::string folded;
    std::size_t begin;
    std::size_t end;
    std::size_t sentence;
};

/// One text of the entry under a rule field key.
struct FieldText {
    std::string key;
    std::string text;
    std::vector<Token> tokens;
};

/// The fields "*" stands for (organisation, provider and legal basis are left out: names of
/// departments and laws would match as if the entry used the characteristic).
constexpr std::array<std::string_view, 12> all_fields{"name",
                                                      "description_short",
                                                      "goal",
                                                      "proportionality",
                                                      "human_intervention",
                                                      "risks",
                                                      "impacttoetsen",
                                                      "source_data",
                                                      "methods_and_models",
                                                      "tags",
                                                      "source_data_grouping",
                                                      "legacy"};

/// True when the character at `i` of `text`, between two words (the next starts at
/// `next_word`), ends a sentence. A full stop does not when the next word follows it without a
/// space ("o.a.", "1.0") or, after spaces on the same line, starts with a lower-case letter: an
/// abbreviation ("bijv. nationaliteit", "o.a. leeftijd") whose sentence goes on, so that a
/// negation before it still counts.
bool sentence_end(const std::string& text, std::size_t i, std::size_t next_word) {
    const char c = text[i];
    if (c != '.') {
        return c == '!' || c == '?' || c == ';' || c == '\n';
    }
    if (i + 1 == next_word) {
        return false;
    }
    for (std::size_t k = i + 1; k < next_word; ++k) {
        if (text[k] != ' ' && text[k] != '\t') {
            return true;
        }
    }
    return next_word >= text.size() || !(text[next_word] >= 'a' && text[next_word] <= 'z');
}

std::vector<Token> tokenise(const std::string& text) {
    std::vector<Token> tokens;
    std::size_t sentence = 0;
    std::size_t previous_end = 0;
    (void)for_each_word(text, 0, [&](const Word& w) {
        const auto begin = static_cast<std::size_t>(w.raw.data() - text.data());
        for (std::size_t i = previous_end; i < begin; ++i) {
            if (sentence_end(text, i, begin)) {
                ++sentence;
                break;
            }
        }
        previous_end = begin + w.raw.size();
        tokens.push_back({fold(w.raw), begin, previous_end, sentence});
    });
    return tokens;
}

std::vector<FieldText> field_texts(const AlgorithmRecord& r) {
    std::vector<FieldText> out;
    auto add = [&](std::string_view key, std::string text) {
        if (!text.empty()) {
            out.push_back({std::string(key), std::move(text), {}});
        }
    };
    for (const auto key : all_fields) {
        if (const StringField* f = find_string_field(key)) {
            const std::string& value = r.*f->member;
            add(key, f->html ? strip_html(value) : value);
        }
    }
    for (const auto& ref : r.source_data_grouping) {
        add("source_data_grouping", ref.title);
    }
    for (const auto& [key, value] : r.legacy) {
        // Department and competent authority are names ("Directie Inkomen"), left out for the
        // reason organisation and provider are.
        if (key != "uuid" && key != "application_url" && key != "lawful_basis_link" &&
            key != "source_data_link" && key != "revision_date" && key != "url" &&
            key != "department" && key != "competent_authority") {
            add("legacy", value);
        }
    }
    return out;
}

bool word_matches(std::string_view pattern_word, std::string_view word) {
    if (!pattern_word.empty() && pattern_word.back() == '*') {
        return word.starts_with(pattern_word.substr(0, pattern_word.size() - 1));
    }
    return word == pattern_word;
}

/// True when `pattern` matches the tokens starting at `at`, within one sentence.
bool matches_at(const RiskPattern& pattern, const std::vector<Token>& tokens, std::size_t at) {
    if (at + pattern.size() > tokens.size()) {
        return false;
    }
    for (std::size_t k = 0; k < pattern.size(); ++k) {
        if (tokens[at + k].sentence != tokens[at].sentence ||
            !word_matches(pattern[k], tokens[at + k].folded)) {
            return false;
        }
    }
    return true;
}

bool occurs(const std::vector<RiskPattern>& patterns, const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        for (const auto& p : patterns) {
            if (matches_at(p, tokens, i)) {
                return true;
            }
        }
    }
    return false;
}

bool applies_to(const RiskRule& rule, std::string_view field) {
    return std::any_of(rule.fields.begin(), rule.fields.end(),
                       [&](const std::string& f) { return f == "*" || f == field; });
}

/// True when a not_in_sentence pattern starts in the match's sentence at or before its last
/// word (`last`).
bool negated(const RiskRule& rule, const std::vector<Token>& tokens, std::size_t first,
             std::size_t last) {
    std::size_t start = first;
    while (start > 0 && tokens[start - 1].sentence == tokens[first].sentence) {
        --start;
    }
    for (std::size_t i = start; i <= last; ++i) {
        for (const auto& p : rule.not_in_sentence) {
            if (matches_at(p, tokens, i)) {
                return true;
            }
        }
    }
    return false;
}

} // namespace

namespace {

std::vector<RiskEvidence> classify_fields(const AlgorithmRecord& record,
                                          std::vector<FieldText> fields,
                                          const std::vector<RiskRule>& rules) {
    for (auto& f : fields) {
        f.tokens = tokenise(f.text);
    }
    const std::vector<Token> title = tokenise(record.name);
    std::vector<RiskEvidence> evidence;
    for (const auto& rule : rules) {
        if (!rule.not_in_title.empty() && occurs(rule.not_in_title, title)) {
            continue;
        }
        if (!rule.requires_any.empty() &&
            std::none_of(fields.begin(), fields.end(), [&](const FieldText& f) {
                return applies_to(rule, f.key) && occurs(rule.requires_any, f.tokens);
            })) {
            continue;
        }
        bool fired = false;
        for (const auto& f : fields) {
            if (fired || !applies_to(rule, f.key)) {
                continue;
            }
            for (std::size_t i = 0; i < f.tokens.size() && !fired; ++i) {
                for (const auto& p : rule.patterns) {
                    if (matches_at(p, f.tokens, i) &&
                        !negated(rule, f.tokens, i, i + p.size() - 1)) {
                        const std::size_t begin = f.tokens[i].begin;
                        const std::size_t end = f.tokens[i + p.size() - 1].end;
                        evidence.push_back(
                            {rule.id, rule.class_name, f.key, f.text.substr(begin, end - begin)});
                        fired = true;
                        break;
                    }
                }
            }
        }
    }
    return evidence;
}

} // namespace

std::vector<RiskEvidence> classify_risk(const AlgorithmRecord& record,
                                        const std::vector<RiskRule>& rules) {
    return classify_fields(record, field_texts(record), rules);
}

std::vector<RiskEvidence> classify_risk(const AlgorithmRecord& record) {
    return classify_risk(record, bundled_risk_rules());
}

std::vector<RiskEvidence> RiskClassifier::operator()(const AlgorithmRecord& record) {
    auto fields = field_texts(record);
    std::string key = record.name;
    for (const auto& f : fields) {
        key += '\0' + f.key + '\0' + f.text;
    }
    if (const auto it = answers_.find(key); it != answers_.end()) {
        return it->second;
    }
    auto evidence = classify_fields(record, std::move(fields), bundled_risk_rules());
    answers_.emplace(std::move(key), evidence);
    return evidence;
}

bool is_risk_profile(const AlgorithmRecord& record) {
    return std::any_of(record.risk_evidence.begin(), record.risk_evidence.end(),
                       [](const RiskEvidence& e) { return e.class_name == risk_profile_class; });
}

std::vector<std::string> characteristics_of(const AlgorithmRecord& record) {
    std::vector<std::string> out;
    for (const auto c : characteristics) {
        if (std::any_of(
                record.risk_evidence.begin(), record.risk_evidence.end(),
                [&](const RiskEvidence& e) { return characteristic_of(e.class_name) == c; })) {
            out.emplace_back(c);
        }
    }
    return out;
}

} // namespace algreg::search
