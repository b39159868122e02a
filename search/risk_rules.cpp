#include "search/risk_rules.h"

#include "search/analysis.h"
#include "search/facet_labels.h"
#include "search/schema.h"

#include <algorithm>
#include <set>

namespace algreg::search {

namespace {

/// Fields besides the 1.0 string fields that rules may name.
constexpr std::array<std::string_view, 3> extra_fields{"source_data_grouping", "legacy", "*"};

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find(separator, start);
        parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) {
            return parts;
        }
        start = end + 1;
    }
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) {
        s.remove_suffix(1);
    }
    return s;
}

/// "a b*;c" -> {{"a", "b*"}, {"c"}}: words folded, '*' kept at the end; "-" = no patterns.
std::vector<RiskPattern> parse_patterns(std::string_view text) {
    std::vector<RiskPattern> patterns;
    if (trim(text) == "-") {
        return patterns;
    }
    for (const auto part : split(text, ';')) {
        RiskPattern pattern;
        for (const auto raw : split(trim(part), ' ')) {
            std::string_view word = trim(raw);
            if (word.empty()) {
                continue;
            }
            const bool prefix = word.back() == '*';
            if (prefix) {
                word.remove_suffix(1);
            }
            // The text side splits "risico-inschatting" into two words; so does the pattern.
            std::vector<std::string> pieces;
            (void)for_each_word(word, 0, [&](const Word& w) { pieces.push_back(fold(w.raw)); });
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                pattern.push_back(pieces[i] + (prefix && i + 1 == pieces.size() ? "*" : ""));
            }
        }
        if (!pattern.empty()) {
            patterns.push_back(std::move(pattern));
        }
    }
    return patterns;
}

bool known_field(std::string_view key) {
    return find_string_field(key) != nullptr ||
           std::find(extra_fields.begin(), extra_fields.end(), key) != extra_fields.end();
}

bool known_class(std::string_view name) {
    if (name == risk_profile_class) {
        return true;
    }
    const auto characteristic = characteristic_of(name);
    return std::find(characteristics.begin(), characteristics.end(), characteristic) !=
           characteristics.end();
}

} // namespace

std::string_view characteristic_of(std::string_view class_name) {
    return class_name.starts_with(characteristic_class_prefix)
               ? class_name.substr(characteristic_class_prefix.size())
               : std::string_view();
}

std::vector<RiskRule> parse_risk_rules(std::string_view text, std::string_view source) {
    std::vector<RiskRule> rules;
    std::set<std::string, std::less<>> ids;
    std::size_t line_number = 0;
    bool header_seen = false;
    for (const auto raw_line : split(text, '\n')) {
        ++line_number;
        const std::string_view line = trim(raw_line);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto where = std::string(source) + ":" + std::to_string(line_number) + ": ";
        const auto columns = split(line, '\t');
        if (columns.size() != 8) {
            throw RiskRulesError(where + "expected 8 tab-separated columns, found " +
                                 std::to_string(columns.size()));
        }
        if (!header_seen) { // the first non-comment line names the columns
            header_seen = true;
            if (trim(columns[0]) != "id") {
                throw RiskRulesError(where + "expected the header line starting with 'id'");
            }
            continue;
        }
        RiskRule rule;
        rule.id = std::string(trim(columns[0]));
        rule.class_name = std::string(trim(columns[1]));
        if (rule.id.empty() || !ids.insert(rule.id).second) {
            throw RiskRulesError(where + "rule id '" + rule.id + "' is empty or repeated");
        }
        if (!known_class(rule.class_name)) {
            throw RiskRulesError(where + "unknown class '" + rule.class_name + "'");
        }
        for (const auto field : split(columns[2], ',')) {
            if (!known_field(trim(field))) {
                throw RiskRulesError(where + "unknown field '" + std::string(trim(field)) + "'");
            }
            rule.fields.emplace_back(trim(field));
        }
        rule.patterns_text = std::string(trim(columns[3]));
        rule.not_in_sentence_text = std::string(trim(columns[4]));
        rule.requires_text = std::string(trim(columns[5]));
        rule.not_in_title_text = std::string(trim(columns[6]));
        rule.patterns = parse_patterns(columns[3]);
        rule.not_in_sentence = parse_patterns(columns[4]);
        rule.requires_any = parse_patterns(columns[5]);
        rule.not_in_title = parse_patterns(columns[6]);
        rule.reason = std::string(trim(columns[7]));
        if (rule.patterns.empty()) {
            throw RiskRulesError(where + "rule '" + rule.id + "' has no patterns");
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

const std::vector<RiskRule>& bundled_risk_rules() {
    static const std::vector<RiskRule> rules =
        parse_risk_rules(bundled_risk_rules_text(), "fixtures/risk-profile-rules.tsv");
    return rules;
}

std::string characteristic_label(std::string_view characteristic, bool english) {
    struct Label {
        std::string_view key, nl, en;
    };
    static constexpr std::array<Label, 12> labels{{
        {"nationaliteit", "Nationaliteit", "Nationality"},
        {"geboorteland", "Geboorteland", "Country of birth"},
        {"afkomst", "Afkomst/etniciteit", "Origin/ethnicity"},
        {"migratieachtergrond", "Migratieachtergrond", "Migration background"},
        {"taal", "Taal", "Language"},
        {"naam", "Naam", "Name"},
        {"postcode_wijk", "Postcode/wijk", "Postcode/neighbourhood"},
        {"religie", "Religie", "Religion"},
        {"leeftijd", "Leeftijd", "Age"},
        {"geslacht", "Geslacht", "Sex/gender"},
        {"gezondheid", "Gezondheid", "Health"},
        {"inkomen", "Inkomen", "Income"},
    }};
    for (const auto& l : labels) {
        if (l.key == characteristic) {
            return std::string(english ? l.en : l.nl);
        }
    }
    return generic_label(characteristic);
}

} // namespace algreg::search
