#include "search/result.h"

#include <nlohmann/json.hpp>

namespace algreg::search {

using nlohmann::json;

namespace {
void put_if(json& j, const char* key, const std::string& value) {
    if (!value.empty()) {
        j[key] = value;
    }
}
void put_if(json& j, const char* key, bool value) {
    if (value) {
        j[key] = true;
    }
}
} // namespace

void to_json(json& j, const FacetCount& c) {
    j = json{{"value", c.value}, {"label", c.label}, {"count", c.count}};
    put_if(j, "selected", c.selected);
    put_if(j, "group", c.group);
}

void to_json(json& j, const FacetResult& f) {
    j = json{
        {"name", f.name}, {"label", f.label}, {"values", f.values}, {"value_count", f.value_count}};
}

void to_json(json& j, const HitAssessment& a) {
    j = json{{"type", a.type}, {"state", a.state}};
}

void to_json(json& j, const Hit& h) {
    j = json{{"rank", h.rank},
             {"id", h.id},
             {"name", h.name},
             {"name_html", h.name_html},
             {"organisation", h.organisation},
             {"organisation_slug", h.organisation_slug},
             {"snippet_html", h.snippet_html},
             {"matched_fields", h.matched_fields},
             {"score", h.score},
             {"themes", h.themes},
             {"assessments", h.assessments}};
    put_if(j, "lars", h.lars);
    put_if(j, "organisation_type", h.organisation_type);
    put_if(j, "status", h.status);
    put_if(j, "publication_category", h.publication_category);
    put_if(j, "snippet_field", h.snippet_field);
    put_if(j, "added", h.added);
    put_if(j, "changed", h.changed);
    put_if(j, "register_url", h.register_url);
    put_if(j, "listing_only", h.listing_only);
    put_if(j, "removed_on", h.removed_on);
}

void to_json(json& j, const Timing& t) {
    j = json{{"parse_us", t.parse_us},
             {"match_us", t.match_us},
             {"facets_us", t.facets_us},
             {"hits_us", t.hits_us},
             {"total_us", t.total_us}};
}

void to_json(json& j, const SearchResult& r) {
    j = json{{"query", r.query},
             {"interpreted", r.interpreted},
             {"total", r.total},
             {"page", r.page},
             {"page_size", r.page_size},
             {"offset", r.offset},
             {"sort", std::string(to_string(r.sort))},
             {"hits", r.hits},
             {"facets", r.facets},
             {"revision", r.revision},
             {"timing", r.timing}};
    put_if(j, "did_you_mean", r.did_you_mean);
    put_if(j, "corrected", r.corrected);
    put_if(j, "original_query", r.original_query);
    put_if(j, "syntax_fallback", r.syntax_fallback);
    put_if(j, "syntax_error", r.syntax_error.en); // the API is English
    put_if(j, "query_truncated", r.query_truncated);
    put_if(j, "too_many_terms", r.too_many_terms);
    put_if(j, "page_clamped", r.page_clamped);
    put_if(j, "counts_partial", r.counts_partial);
    if (!r.warnings.empty()) {
        j["warnings"] = r.warnings;
    }
}

void to_json(json& j, const Suggestion& s) {
    j = json{{"text", s.text}, {"value", s.value}};
    if (s.count > 0) {
        j["count"] = s.count;
    }
}

void to_json(json& j, const Suggestions& s) {
    j = json{{"prefix", s.prefix},
             {"titles", s.titles},
             {"organisations", s.organisations},
             {"terms", s.terms}};
}

} // namespace algreg::search
