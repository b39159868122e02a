#include "search/search_command.h"

#include "search/schema.h"

#include <charconv>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::search {

namespace {

std::size_t parse_count(const std::string& option, const std::string& value) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || n == 0) {
        throw std::invalid_argument(option + " needs a positive number, not '" + value + "'");
    }
    return n;
}

/// HTML of a snippet as terminal text: tags out, the five escapes decoded.
std::string html_to_text(const std::string& html, bool color) {
    std::string out;
    std::size_t i = 0;
    while (i < html.size()) {
        if (html.compare(i, 6, "<mark>") == 0) {
            out += color ? "\x1b[1m" : "*";
            i += 6;
        } else if (html.compare(i, 7, "</mark>") == 0) {
            out += color ? "\x1b[0m" : "*";
            i += 7;
        } else if (html[i] == '&') {
            static constexpr std::pair<std::string_view, char> entities[] = {
                {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
            bool decoded = false;
            for (const auto& [entity, c] : entities) {
                if (html.compare(i, entity.size(), entity) == 0) {
                    out += c;
                    i += entity.size();
                    decoded = true;
                    break;
                }
            }
            if (!decoded) {
                out += html[i++];
            }
        } else {
            out += html[i++];
        }
    }
    return out;
}

} // namespace

SearchCommandOptions parse_search_arguments(const std::vector<std::string>& args,
                                            SearchCommandOptions options) {
    std::string text;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(a + " needs a value");
            }
            return args[++i];
        };
        if (a == "--db") {
            options.db_path = value();
        } else if (a == "--filter") {
            const std::string& f = value();
            const auto eq = f.find('=');
            if (eq == std::string::npos || eq == 0 || eq + 1 == f.size()) {
                throw std::invalid_argument("--filter needs facet=value, not '" + f + "'");
            }
            options.request.filters[f.substr(0, eq)].insert(f.substr(eq + 1));
        } else if (a == "--sort") {
            const std::string& s = value();
            const auto sort = parse_sort(s);
            if (!sort) {
                throw std::invalid_argument("unknown --sort '" + s +
                                            "' (relevance, newest_registered, last_changed, "
                                            "name, organisation)");
            }
            options.request.sort = *sort;
        } else if (a == "--page") {
            options.request.page = parse_count(a, value());
        } else if (a == "--size") {
            options.request.page_size = parse_count(a, value());
        } else if (a == "--json") {
            options.json = true;
        } else if (a == "--lang") {
            options.language = parse_language(value());
        } else if (a == "--") {
            for (++i; i < args.size(); ++i) {
                text += (text.empty() ? "" : " ") + args[i];
            }
        } else if (a.size() > 2 && a.starts_with("--")) {
            throw std::invalid_argument("unknown option " + a);
        } else {
            text += (text.empty() ? "" : " ") + a;
        }
    }
    options.request.text = text;
    return options;
}

namespace {

/// The --filter text after "Facets: ": the names of schema.h's facets, comma-separated, then
/// where the values are, wrapped to the help's option column (24 spaces, lines up to 96
/// characters). The help lists exactly the facets --filter accepts.
std::string facet_names_wrapped() {
    constexpr std::size_t indent = 24;
    constexpr std::size_t width = 96;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < facets.size(); ++i) {
        words.push_back(std::string(facets[i].name) + (i + 1 < facets.size() ? "," : ""));
    }
    for (const char* w : {"(values", "as", "listed", "under", "the", "results)"}) {
        words.emplace_back(w);
    }
    std::string out;
    std::size_t column =
        indent + std::string_view("combine with OR, facets with AND. Facets:").size();
    for (const auto& w : words) {
        if (column + 1 + w.size() > width) {
            out += "\n" + std::string(indent, ' ');
            column = indent;
        } else {
            out += ' ';
            ++column;
        }
        out += w;
        column += w.size();
    }
    return out;
}

} // namespace

std::string search_help() {
    return R"(Usage: algreg search [QUERY...] [options]

Searches the index and prints the best entries with highlighted excerpts and facet counts.
Without a query, lists every entry, most recently changed first.

Query syntax (see docs/search.md):
  fraude toeslag          both words          wmo OR jeugdzorg, wmo of jeugdzorg   either
  fraude -toeslag         without             "slimme camera"                      phrase
  financ*                 prefix              titel:parkeren  organisatie:utrecht  one field
  status:in_gebruik  thema:"openbare orde"  categorie:impactvol                   filters
  ( ... )                 grouping
Accents and case do not matter; BRP also finds Basisregistratie Personen; toeslag also finds
kinderopvangtoeslag; a misspelt word gets a "Bedoelde u" suggestion.

Options:
  --db DIR              the index (default: data/index)
  --filter FACET=VALUE  keep entries with this facet value; repeat it. Values of one facet
                        combine with OR, facets with AND. Facets:)" +
           facet_names_wrapped() + R"(
  --sort KEY            relevance (default), newest_registered, last_changed, name, organisation
  --page N              page number, from 1 (default 1)
  --size N              hits per page, at most 100 (default 20)
  --json                print the result as JSON (the web API's form)
  --lang LANG           nl or en: language of the text output (default: from LC_ALL,
                        LC_MESSAGES or LANG, English when it starts with "en", else Dutch;
                        facet and value names are the register's). Colour only on a terminal
                        and not when NO_COLOR is set (https://no-color.org).
  -h, --help            this text

Exit codes: 0 entries found, 1 nothing found, 3 index busy, 4 index missing or unreadable,
64 bad command line.
)";
}

bool use_color(bool terminal, const Environment& env) {
    const auto no_color = env ? env("NO_COLOR") : std::nullopt;
    return terminal && !(no_color && !no_color->empty());
}

void print_result(std::ostream& out, const SearchResult& r, bool color, Language language) {
    const bool nl = language == Language::nl;
    if (r.corrected) {
        out << (nl ? "Geen resultaten voor \"" : "No results for \"") << r.original_query
            << (nl ? "\"; resultaten voor \"" : "\"; results for \"") << r.did_you_mean << "\":\n";
    } else if (!r.did_you_mean.empty()) {
        out << (nl ? "Bedoelde u: " : "Did you mean: ") << r.did_you_mean << "\n";
    }
    const std::string_view note = nl ? "Let op: " : "Note: ";
    if (r.syntax_fallback) {
        out << note
            << (nl ? "de zoekvraag is als losse woorden gelezen ("
                   : "the query was read as separate words (")
            << r.syntax_error.in(language) << ").\n";
    }
    if (r.query_truncated) {
        out << note << (nl ? "de zoekvraag is ingekort.\n" : "the query was shortened.\n");
    }
    for (const auto& w : r.warnings) {
        out << note << w.in(language) << "\n";
    }
    out << r.total
        << (nl ? (r.total == 1 ? " resultaat" : " resultaten")
               : (r.total == 1 ? " result" : " results"))
        << (r.counts_partial ? (nl ? " (minstens)" : " (at least)") : "");
    if (!r.hits.empty()) {
        out << ", " << r.hits.front().rank << "-" << r.hits.back().rank
            << (nl ? " getoond" : " shown");
    }
    out << " (" << r.timing.total_us / 1000.0 << " ms)\n\n";
    for (const auto& h : r.hits) {
        out << h.rank << ". " << html_to_text(h.name_html, color) << "\n";
        out << "   "
            << (h.organisation.empty() ? (nl ? "(geen organisatie)" : "(no organisation)")
                                       : h.organisation);
        if (!h.status.empty()) {
            out << " · " << h.status;
        }
        out << " · " << h.id << "\n";
        if (!h.snippet_html.empty()) {
            out << "   " << html_to_text(h.snippet_html, color) << "\n";
        }
        out << "\n";
    }
    for (const auto& f : r.facets) {
        if (f.values.empty()) {
            continue;
        }
        out << f.label << ":";
        std::size_t shown = 0;
        for (const auto& v : f.values) {
            if (shown++ == 6) {
                out << " …";
                break;
            }
            out << (shown == 1 ? " " : ", ") << (v.selected ? "[x] " : "") << v.label << " ("
                << v.count << ")";
        }
        out << "\n";
    }
}

} // namespace algreg::search
