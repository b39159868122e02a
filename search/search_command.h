// `algreg search`: argument parsing, help and the readable text form of a SearchResult. The
// subcommand in main.cpp only wires these to a Searcher.
#pragma once

#include "search/language.h"
#include "search/query.h"
#include "search/result.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace algreg::search {

struct SearchCommandOptions {
    std::string db_path = "data/index";
    SearchRequest request;
    bool json = false;
    bool color = false;               ///< mark matches with ANSI bold (use_color())
    Language language = Language::nl; ///< of the text output: --lang, else locale_language()
};

/// Colour (ANSI bold for matches) only on a terminal, and never when NO_COLOR is set to a
/// non-empty value (https://no-color.org).
[[nodiscard]] bool use_color(bool terminal, const Environment& env);

/// Parses `algreg search QUERY... [--db DIR] [--filter facet=value]... [--sort KEY] [--page N]
/// [--size N] [--json] [--lang nl|en]`. Several QUERY words are joined with spaces. Throws
/// std::invalid_argument with a message for bad arguments.
[[nodiscard]] SearchCommandOptions parse_search_arguments(const std::vector<std::string>& args,
                                                          SearchCommandOptions defaults = {});

/// The --help text.
[[nodiscard]] std::string search_help();

/// Writes a result for people in `language`: the count and flags, numbered hits with snippet,
/// then the facets with their top values. HTML in snippets becomes plain text; matches become
/// *word* (or bold with `color`).
void print_result(std::ostream& out, const SearchResult& result, bool color,
                  Language language = Language::nl);

} // namespace algreg::search
