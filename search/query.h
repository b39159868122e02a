// SearchRequest (what a client asks) and our own query language: the syntax below is parsed into
// a small tree (QueryNode) that query_builder turns into a Xapian::Query. We do not use
// Xapian::QueryParser: it leaves capitalised words unstemmed, misreads "-a -b", throws on
// half-typed input and cannot fold accents in prefixes (architecture.md §4).
//
// Accepted syntax
// ---------------
//   fraude toeslag         both words: AND is the default
//   wmo OR jeugdzorg       either word; the Dutch "of" works the same (any case) when it stands
//   wmo of jeugdzorg         between two operands; "of" at the start or end is a plain word
//   a AND b                both (explicit; upper case only, as OR and NOT)
//   fraude -toeslag        without; also "NOT toeslag". A query of only negations means
//   NOT toeslag              "every entry except"
//   "automatische kentekenherkenning"
//                          phrase: the words adjacent and in order within one field. “…” and
//                          „…” work too. Words in phrases are stemmed and folded like any other.
//   financ*                every word that starts with "financ" (accent-insensitive; at least two
//                          characters before the *; a lone * is ignored)
//   titel:parkeren  titel:"slimme camera"  titel:(parkeren OR handhaving)
//                          text in one field: titel, omschrijving, doel, organisatie, wet
//   status:in_gebruik  thema:"openbare orde"  categorie:impactvol
//                          filters on a facet (status, thema, categorie, and every other facet
//                          name: organisatietype, impacttoets, jaar, standaard, wettelijke_basis,
//                          impactassessment). The value is matched accent- and case-insensitively
//                          against the facet's values and labels, exactly first, else as a part
//                          ("status:ontwikkeling", "status:\"In gebruik\"", "thema:zorg").
//   ( … )                  grouping, nested at most 16 deep
//
// Words are split like the indexer splits text (analysis.h for_each_word): "WOZ-waarde" is the
// phrase "woz waarde". Field names are recognised in any case; an unknown "name:" stays text
// ("10:30", "http://…").
//
// Input that is not valid syntax (an unclosed quote or parenthesis, a dangling AND/OR/NOT, a
// field without a value, nesting too deep) never fails: the whole query is read again as plain
// words joined by AND, without the operator words, and ParsedQuery::fallback says so. Control
// characters (NUL included) become spaces, invalid UTF-8 becomes U+FFFD, and text beyond
// max_query_bytes is cut at a character boundary (ParsedQuery::truncated).
#pragma once

#include "search/language.h"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::search {

/// Bounds of one request. Larger requests are clamped, never refused.
inline constexpr std::size_t max_page_size = 100;
inline constexpr std::size_t default_page_size = 20;
/// Deepest first result a page may start at: page * page_size is clamped to this.
inline constexpr std::size_t max_offset = 10'000;
/// Longest query text searched, in bytes; longer text is cut.
inline constexpr std::size_t max_query_bytes = 1'000;
/// Most words, phrases and filters in one query; later ones are ignored (and flagged).
inline constexpr std::size_t max_query_atoms = 64;
/// Deepest nesting of parentheses.
inline constexpr std::size_t max_query_depth = 16;

/// Result order. `relevance` with an empty (or only negative) text query orders by last change,
/// newest first, as the official register does.
enum class Sort { relevance, newest_registered, last_changed, name, organisation };

/// "relevance", "newest_registered", "last_changed", "name", "organisation".
[[nodiscard]] std::string_view to_string(Sort sort);
/// The inverse of to_string, plus the Dutch words ("relevantie", "nieuwste", "gewijzigd",
/// "naam", "organisatie"); nullopt for anything else.
[[nodiscard]] std::optional<Sort> parse_sort(std::string_view text);

/// One search as a client asks it. A value type: the server builds it from URL parameters, the
/// command line from its arguments.
struct SearchRequest {
    std::string text; ///< query in the syntax above; empty = every entry
    /// facet name (schema.h facet::*.name) -> selected values. Values of one facet combine with
    /// OR, facets with AND. Values are the facet's values as returned in FacetCount::value;
    /// a value given in another spelling that slugs the same ("In gebruik") is accepted.
    std::map<std::string, std::set<std::string>> filters;
    Sort sort = Sort::relevance;
    std::size_t page = 1; ///< 1-based
    std::size_t page_size = default_page_size;
    bool facets = true;           ///< compute facet counts
    std::size_t facet_limit = 20; ///< values returned per facet, most frequent first; 0 = all
    bool snippets = true;
    bool spelling = true; ///< suggest corrections and search them when nothing matches
    bool operator==(const SearchRequest&) const = default;
};

/// A node of the parsed query.
struct QueryNode {
    enum class Kind {
        word,    ///< text: the raw token; prefix: ended in '*'; field: text field name or ""
        phrase,  ///< text: the raw words between the quotes; field as for word
        all,     ///< children, all required (negated children exclude)
        any,     ///< children, at least one
        exclude, ///< one child, negated
        filter,  ///< field: facet name; text: the raw value
    };
    Kind kind = Kind::word;
    std::string text;
    std::string field;
    bool prefix = false;
    std::size_t offset = 0; ///< byte offset of `text` in ParsedQuery::text (word, phrase)
    std::vector<QueryNode> children;
    bool operator==(const QueryNode&) const = default;
};

struct ParsedQuery {
    std::string text;              ///< the query as read: sanitised and possibly cut
    std::optional<QueryNode> root; ///< nullopt: nothing to search for (every entry)
    bool fallback = false;         ///< the syntax was invalid; read as plain words
    Text error;                    ///< why, when fallback
    bool truncated = false;        ///< text was longer than max_query_bytes
    bool too_many_terms = false;   ///< atoms beyond max_query_atoms were dropped
};

/// Parses `input` by the syntax above. Never throws on any input.
[[nodiscard]] ParsedQuery parse_query(std::string_view input);

/// A compact, stable description of a tree for tests and debugging:
/// `(fraude AND NOT toeslag)`, `(wmo OR jeugdzorg)`, `"slimme camera"`, `titel:parkeren`,
/// `financ*`, `status=in_gebruik`.
[[nodiscard]] std::string describe(const QueryNode& node);

/// True for the text field names of the syntax (titel, omschrijving, doel, organisatie, wet).
[[nodiscard]] bool is_text_field(std::string_view name);

/// Control characters as spaces, invalid UTF-8 as U+FFFD, cut to at most `max_bytes` at a
/// character boundary. Sets *truncated when it cut.
[[nodiscard]] std::string sanitise_query_text(std::string_view input, std::size_t max_bytes,
                                              bool* truncated = nullptr);

} // namespace algreg::search
