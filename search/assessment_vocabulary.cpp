#include "search/assessment_vocabulary.h"

#include "search/analysis.h"

namespace algreg::search {

const AssessmentStateWords& words(AssessmentState state) {
    for (const auto& row : assessment_states) {
        if (row.state == state) {
            return row;
        }
    }
    return assessment_states.back();
}

std::string_view to_label(AssessmentState state) {
    return words(state).label_nl;
}

std::string_view to_slug(AssessmentState state) {
    return words(state).slug;
}

std::string_view state_label(AssessmentState state, Language language) {
    const auto& row = words(state);
    return language == Language::nl ? row.label_nl : row.label_en;
}

std::optional<AssessmentState> parse_assessment_state(std::string_view text) {
    for (const auto& row : assessment_states) {
        if (text == row.slug || text == row.label_nl) {
            return row.state;
        }
    }
    return std::nullopt;
}

std::string assessment_type_label(std::string_view type, Language language) {
    if (type == kind_unknown_type) {
        return language == Language::nl ? "Impacttoets, soort onbekend"
                                        : "Impact assessment, kind unknown";
    }
    return std::string(type);
}

std::string assessment_source_label(std::string_view source, Language language) {
    if (source == register_source) {
        return language == Language::nl ? "het register" : "the register";
    }
    if (source == listing_source) {
        return language == Language::nl ? "de lijst (Impactassessment)"
                                        : "the listing (Impact assessment)";
    }
    return std::string(source);
}

std::string assessment_value(std::string_view type, AssessmentState state) {
    return slug(type) + "-" + std::string(to_slug(state));
}

AssessmentValue split_assessment_value(std::string_view value) {
    // Longest suffix first: "-niet-uitgevoerd" before "-uitgevoerd".
    const AssessmentState by_length[] = {AssessmentState::niet_uitgevoerd,
                                         AssessmentState::niet_vermeld, AssessmentState::uitgevoerd,
                                         AssessmentState::onbekend};
    for (const auto state : by_length) {
        const std::string suffix = "-" + std::string(to_slug(state));
        if (value.size() > suffix.size() && value.ends_with(suffix)) {
            return {std::string(value.substr(0, value.size() - suffix.size())), state};
        }
    }
    return {std::string(value), std::nullopt};
}

std::string assessment_value_label_nl(std::string_view type, AssessmentState state) {
    return assessment_type_label(type, Language::nl) + " " + std::string(to_label(state));
}

std::string assessment_value_type_label(std::string_view value, std::string_view dutch_label,
                                        Language language) {
    const AssessmentValue split = split_assessment_value(value);
    if (split.type_slug == slug(kind_unknown_type)) {
        return assessment_type_label(kind_unknown_type, language);
    }
    if (split.state) {
        const std::string suffix = " " + std::string(to_label(*split.state));
        if (dutch_label.size() > suffix.size() && dutch_label.ends_with(suffix)) {
            return std::string(dutch_label.substr(0, dutch_label.size() - suffix.size()));
        }
    }
    return split.type_slug;
}

std::string assessment_value_label(std::string_view value, std::string_view dutch_label,
                                   Language language) {
    const AssessmentValue split = split_assessment_value(value);
    if (!split.state) {
        return std::string(dutch_label);
    }
    return assessment_value_type_label(value, dutch_label, language) + " " +
           std::string(state_label(*split.state, language));
}

} // namespace algreg::search
