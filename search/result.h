// What a search returns: SearchResult with its Hits and facet counts, the suggestions for a
// prefix, and their JSON form (the server of the web API serialises exactly these).
// Plain values: no Xapian types, no references into the searcher.
#pragma once

#include "search/query.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace algreg::search {

/// One value of a facet with its count under the current request.
struct FacetCount {
    std::string value; ///< the filter value to send back (SearchRequest::filters)
    std::string label; ///< display text, with accents
    std::uint32_t count = 0;
    bool selected = false;
    std::string group; ///< impacttoets: the assessment type slug ("dpia"); else ""
    bool operator==(const FacetCount&) const = default;
};

/// The counts of one facet. Counts are disjunctive: they apply every selected filter except the
/// facet's own (for impacttoets: except the same assessment type's), so they say how many
/// entries a click on the value would add or keep.
struct FacetResult {
    std::string name;               ///< schema facet name ("status", "organisatie", ...)
    std::string label;              ///< Dutch facet label
    std::vector<FacetCount> values; ///< see SearchRequest::facet_limit; selected values always
    std::size_t value_count = 0;    ///< values with a count above zero, before the limit
    bool operator==(const FacetResult&) const = default;
};

struct HitAssessment {
    std::string type;  ///< "DPIA", "IAMA", ...
    std::string state; ///< "uitgevoerd", "niet-uitgevoerd", "onbekend"
    bool operator==(const HitAssessment&) const = default;
};

/// What a result card needs. `*_html` fields are HTML-escaped, with matches in <mark>.
struct Hit {
    std::size_t rank = 0; ///< 1-based position in the whole result
    std::string id;
    std::string lars;
    std::string name;
    std::string name_html;
    std::string organisation;
    std::string organisation_slug; ///< the organisatie facet value
    std::string organisation_type; ///< type key, "" when unknown
    std::string status;            ///< "In gebruik", ...; "" when unknown
    std::string publication_category;
    std::vector<std::string> themes;
    std::vector<HitAssessment> assessments;
    std::string snippet_html;  ///< about 200 characters around the best match, or the start
    std::string snippet_field; ///< JSON key of the field the snippet comes from
    std::vector<std::string>
        matched_fields; ///< titel, omschrijving, doel, organisatie, wet, overig
    double score = 0;
    std::string added;   ///< YYYY-MM-DD
    std::string changed; ///< YYYY-MM-DD
    std::string register_url;
    bool listing_only = false;
    /// Searching the register as it was on a date (as_of): YYYY-MM-DD the entry was removed
    /// from the register afterwards; "" for an entry still in it (and on the live register).
    std::string removed_on;
    bool operator==(const Hit&) const = default;
};

/// Microseconds spent, per stage.
struct Timing {
    std::uint64_t parse_us = 0;  ///< parse + build the query
    std::uint64_t match_us = 0;  ///< the one matching pass: ranked page, total, facet counts
    std::uint64_t facets_us = 0; ///< facet lists from the counts
    std::uint64_t hits_us = 0;   ///< documents, snippets
    std::uint64_t total_us = 0;
    bool operator==(const Timing&) const = default;
};

struct SearchResult {
    std::string query;       ///< the text searched (sanitised; the correction when `corrected`)
    std::string interpreted; ///< how the query was read (describe()), for debugging
    std::size_t total = 0;   ///< entries matching, exact unless counts_partial
    std::size_t page = 1;
    std::size_t page_size = default_page_size;
    std::size_t offset = 0;
    Sort sort = Sort::relevance;
    std::vector<Hit> hits;
    std::vector<FacetResult> facets;

    std::string did_you_mean;   ///< "Bedoelde u: …": the query with unknown words corrected
    bool corrected = false;     ///< the query found nothing, so hits are for did_you_mean
    std::string original_query; ///< when corrected: the query as typed

    bool syntax_fallback = false; ///< the syntax was invalid: searched as plain words
    Text syntax_error;
    bool query_truncated = false; ///< longer than max_query_bytes
    bool too_many_terms = false;  ///< more than max_query_atoms
    bool page_clamped = false;    ///< page size or depth was beyond the bounds
    bool counts_partial = false;  ///< time limit reached: total and facets are lower bounds
    std::vector<Text> warnings;   ///< for display (unknown filter values, ...)
    std::uint64_t revision = 0;   ///< index revision searched
    Timing timing;
    bool operator==(const SearchResult&) const = default;
};

/// Completions for a search box.
struct Suggestion {
    std::string text;        ///< display text
    std::string value;       ///< entry id (titles), facet value (organisations), word (terms)
    std::uint32_t count = 0; ///< entries (organisations, terms); 0 for titles
    bool operator==(const Suggestion&) const = default;
};

struct Suggestions {
    std::string prefix;
    std::vector<Suggestion> titles;
    std::vector<Suggestion> organisations;
    std::vector<Suggestion> terms;
    bool operator==(const Suggestions&) const = default;
};

void to_json(nlohmann::json& j, const FacetCount& c);
void to_json(nlohmann::json& j, const FacetResult& f);
void to_json(nlohmann::json& j, const HitAssessment& a);
void to_json(nlohmann::json& j, const Hit& h);
void to_json(nlohmann::json& j, const Timing& t);
/// Flags and optional texts appear only when set, so a plain result stays small.
void to_json(nlohmann::json& j, const SearchResult& r);
void to_json(nlohmann::json& j, const Suggestion& s);
void to_json(nlohmann::json& j, const Suggestions& s);

} // namespace algreg::search
