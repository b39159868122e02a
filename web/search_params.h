// Our API's query-string parameters -> SearchRequest, with the HTTP-level bounds. Every field
// of SearchRequest has a parameter, so a URL is a complete, shareable, cacheable search:
//   q            query text (query.h syntax), at most search::max_query_bytes bytes
//   page         1-based page; page * size may not pass search::max_offset + size
//   size         results per page, 1 to search::max_page_size (page_size works too)
//   sort         relevance | newest_registered | last_changed | name | organisation (or Dutch)
//   facets       on/off (true/false, 1/0): compute facet counts (default on)
//   facet_limit  values per facet, 0 = all (at most 1000)
//   snippets     on/off;  spelling  on/off
//   <facet>=v    a filter, repeatable, for every facet of search::facets (schema.h)
// Parameters starting with '_' are ignored (cache busters); any other unknown name, a value
// that is not valid UTF-8, and an out-of-range number are a BadRequest naming the parameter.
#pragma once

#include "search/query.h"

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace algreg::web {

/// Query parameters in arrival order (name, value), already percent-decoded.
using Params = std::vector<std::pair<std::string, std::string>>;

/// Which parameters a route accepts beyond the filters.
enum class ParamSet {
    search, ///< all of the above
    export_ ///< all but page, size, facets, facet_limit, snippets (an export has every match)
};

/// Builds the request. Throws search::BadRequest(parameter, why).
[[nodiscard]] search::SearchRequest parse_search_params(const Params& params,
                                                        ParamSet set = ParamSet::search);

/// Throws search::BadRequest(name, ...) unless every name and value is valid UTF-8 without NUL
/// and every name is in `allowed` (or starts with '_').
void check_params(const Params& params, const std::set<std::string_view>& allowed);

/// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
[[nodiscard]] bool valid_utf8(std::string_view text);

/// A whole number parameter in [lo, hi]; throws BadRequest(name, why).
[[nodiscard]] std::size_t parse_count(const std::string& name, const std::string& value,
                                      std::size_t lo, std::size_t hi);

/// on/off, true/false, yes/no, 1/0; throws BadRequest(name, why).
[[nodiscard]] bool parse_switch(const std::string& name, const std::string& value);

} // namespace algreg::web
