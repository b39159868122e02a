#include "search/record.h"

#include "search/schema.h"

#include <nlohmann/json.hpp>

namespace algreg::search {

using nlohmann::json;

std::string_view to_label(AssessmentState state) {
    switch (state) {
    case AssessmentState::uitgevoerd:
        return "uitgevoerd";
    case AssessmentState::niet_uitgevoerd:
        return "niet uitgevoerd";
    case AssessmentState::onbekend:
        break;
    }
    return "onbekend";
}

std::string_view to_slug(AssessmentState state) {
    return state == AssessmentState::niet_uitgevoerd ? "niet-uitgevoerd" : to_label(state);
}

namespace {

AssessmentState state_from_label(const std::string& label) {
    if (label == "uitgevoerd") {
        return AssessmentState::uitgevoerd;
    }
    if (label == "niet uitgevoerd") {
        return AssessmentState::niet_uitgevoerd;
    }
    return AssessmentState::onbekend;
}

void put_if(json& j, const char* key, const std::string& value) {
    if (!value.empty()) {
        j[key] = value;
    }
}

std::string get_or_empty(const json& j, const char* key) {
    const auto found = j.find(key);
    return found != j.end() && found->is_string() ? found->get<std::string>() : std::string();
}

} // namespace

void to_json(json& j, const Reference& r) {
    j = json{{"title", r.title}, {"link", r.link}};
}

void from_json(const json& j, Reference& r) {
    r.title = get_or_empty(j, "title");
    r.link = get_or_empty(j, "link");
}

void to_json(json& j, const AssessmentStatement& s) {
    j = json::object();
    j["type"] = s.type;
    j["state"] = to_label(s.state);
    put_if(j, "link", s.link);
    put_if(j, "date", s.date);
    j["source"] = s.source;
    put_if(j, "text", s.text);
}

void from_json(const json& j, AssessmentStatement& s) {
    s.type = get_or_empty(j, "type");
    s.state = state_from_label(get_or_empty(j, "state"));
    s.link = get_or_empty(j, "link");
    s.date = get_or_empty(j, "date");
    s.source = get_or_empty(j, "source");
    s.text = get_or_empty(j, "text");
}

void to_json(json& j, const Assessment& a) {
    j = json::object();
    j["type"] = a.type;
    j["state"] = to_label(a.state);
    put_if(j, "link", a.link);
    put_if(j, "text", a.text);
    j["statements"] = a.statements;
}

void from_json(const json& j, Assessment& a) {
    a.type = get_or_empty(j, "type");
    a.state = state_from_label(get_or_empty(j, "state"));
    a.link = get_or_empty(j, "link");
    a.text = get_or_empty(j, "text");
    a.statements.clear();
    if (const auto s = j.find("statements"); s != j.end() && s->is_array()) {
        a.statements = s->get<std::vector<AssessmentStatement>>();
    }
}

void to_json(json& j, const AlgorithmRecord& r) {
    j = json::object();
    put_if(j, "id", r.id);
    for (const auto& field : string_fields()) {
        put_if(j, field.key.data(), r.*field.member);
    }
    if (!r.category.empty()) {
        j["category"] = r.category;
    }
    if (!r.lawful_basis_grouping.empty()) {
        j["lawful_basis_grouping"] = r.lawful_basis_grouping;
    }
    if (!r.impacttoetsen_grouping.empty()) {
        j["impacttoetsen_grouping"] = r.impacttoetsen_grouping;
    }
    if (!r.source_data_grouping.empty()) {
        j["source_data_grouping"] = r.source_data_grouping;
    }
    if (!r.legacy.empty()) {
        j["legacy"] = r.legacy;
    }
    put_if(j, "impactassessment", r.impactassessment);
    put_if(j, "changed", r.changed);
    put_if(j, "added", r.added);
    put_if(j, "register_url", r.register_url);
    put_if(j, "organization_type", r.organization_type);
    if (!r.assessments.empty()) {
        j["assessments"] = r.assessments;
    }
    put_if(j, "source_format", r.source_format);
    if (r.listing_only) {
        j["listing_only"] = true;
    }
    if (!r.original.empty()) {
        j["original"] = r.original;
    }
}

void from_json(const json& j, AlgorithmRecord& r) {
    r = AlgorithmRecord{};
    r.id = get_or_empty(j, "id");
    for (const auto& field : string_fields()) {
        r.*field.member = get_or_empty(j, field.key.data());
    }
    auto list = [&](const char* key, auto& out) {
        if (const auto v = j.find(key); v != j.end() && v->is_array()) {
            v->get_to(out);
        }
    };
    list("category", r.category);
    list("lawful_basis_grouping", r.lawful_basis_grouping);
    list("impacttoetsen_grouping", r.impacttoetsen_grouping);
    list("source_data_grouping", r.source_data_grouping);
    list("assessments", r.assessments);
    if (const auto v = j.find("legacy"); v != j.end() && v->is_object()) {
        v->get_to(r.legacy);
    }
    if (const auto v = j.find("original"); v != j.end() && v->is_object()) {
        v->get_to(r.original);
    }
    r.impactassessment = get_or_empty(j, "impactassessment");
    r.changed = get_or_empty(j, "changed");
    r.added = get_or_empty(j, "added");
    r.register_url = get_or_empty(j, "register_url");
    r.organization_type = get_or_empty(j, "organization_type");
    r.source_format = get_or_empty(j, "source_format");
    r.listing_only = j.value("listing_only", false);
}

const Assessment* find_assessment(const AlgorithmRecord& r, std::string_view type) {
    for (const auto& a : r.assessments) {
        if (a.type == type) {
            return &a;
        }
    }
    return nullptr;
}

} // namespace algreg::search
