// `algreg search`: arguments, help, text output, and the real binary on the fixture index.
#include "search/schema.h"
#include "search/search_command.h"
#include "tests/support/fixture_index.h"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>

using algreg::search::parse_search_arguments;
using algreg::search::Sort;

namespace {

struct Run {
    int status;
    std::string out;
};

/// Runs the algreg binary with a shell command line (arguments already quoted).
Run run(const std::string& arguments) {
    // The language comes from the locale unless --lang: pin it, whatever the machine's LANG.
    const std::string command =
        "LC_ALL=C " + std::string(ALGREG_BINARY) + " " + arguments + " 2>/dev/null";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
        out.append(buffer.data(), n);
    }
    const int status = ::pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

} // namespace

TEST_CASE("arguments: query words, filters, sort, paging, json") {
    const auto o = parse_search_arguments(
        {"BRP", "fraude", "--db", "/tmp/x", "--filter", "status=in_gebruik", "--filter",
         "status=ontwikkeling", "--filter", "organisatietype=gemeente", "--sort",
         "newest_registered", "--page", "2", "--size", "50", "--json"});
    CHECK(o.request.text == "BRP fraude");
    CHECK(o.db_path == "/tmp/x");
    CHECK(o.request.filters.at("status") == std::set<std::string>{"in_gebruik", "ontwikkeling"});
    CHECK(o.request.filters.at("organisatietype") == std::set<std::string>{"gemeente"});
    CHECK(o.request.sort == Sort::newest_registered);
    CHECK(o.request.page == 2);
    CHECK(o.request.page_size == 50);
    CHECK(o.json);
    CHECK(parse_search_arguments({"--", "-fraude", "--json"}).request.text == "-fraude --json");
    CHECK(parse_search_arguments({}).db_path == "data/index");
}

TEST_CASE("bad arguments are usage errors with a message") {
    CHECK_THROWS_AS(parse_search_arguments({"--sort", "random"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_search_arguments({"--page", "0"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_search_arguments({"--size", "x"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_search_arguments({"--filter", "status"}), std::invalid_argument);
    CHECK_THROWS_AS(parse_search_arguments({"--db"}), std::invalid_argument);
    CHECK_THROWS_WITH_AS(parse_search_arguments({"--bogus"}), "unknown option --bogus",
                         std::invalid_argument);
}

TEST_CASE("the text output shows corrections, hits and facets") {
    algreg::search::SearchResult r;
    r.total = 1;
    r.corrected = true;
    r.original_query = "gezichtsherkening";
    r.did_you_mean = "gezichtsherkenning";
    algreg::search::Hit h;
    h.rank = 1;
    h.id = "57398440";
    h.name_html = "Drone &amp; <mark>gezichtsherkenning</mark>";
    h.organisation = "Politie";
    h.status = "In ontwikkeling";
    r.hits = {h};
    std::ostringstream out;
    algreg::search::print_result(out, r, false);
    CHECK(out.str().find("Geen resultaten voor \"gezichtsherkening\"") != std::string::npos);
    CHECK(out.str().find("1. Drone & *gezichtsherkenning*") != std::string::npos);
    CHECK(out.str().find("Politie · In ontwikkeling · 57398440") != std::string::npos);

    r.warnings = {{"Onbekende filterwaarde: status=x", "Unknown filter value: status=x"}};
    r.syntax_fallback = true;
    r.syntax_error = {"haakje niet gesloten", "parenthesis not closed"};
    std::ostringstream en;
    algreg::search::print_result(en, r, false, algreg::search::Language::en);
    CHECK(en.str().find("No results for \"gezichtsherkening\"") != std::string::npos);
    CHECK(en.str().find("Note: Unknown filter value: status=x") != std::string::npos);
    CHECK(en.str().find("(parenthesis not closed)") != std::string::npos);
    CHECK(en.str().find("1 result, 1-1 shown") != std::string::npos);
    CHECK(en.str().find("Geen") == std::string::npos);
    CHECK(en.str().find("Let op") == std::string::npos);
}

TEST_CASE("the command line's language: --lang, else LC_ALL, LC_MESSAGES, LANG; NO_COLOR") {
    using algreg::search::Language;
    using algreg::search::locale_language;
    auto env = [](std::map<std::string, std::string> vars) {
        return [vars](std::string_view name) -> std::optional<std::string> {
            const auto it = vars.find(std::string(name));
            return it == vars.end() ? std::nullopt : std::optional(it->second);
        };
    };
    CHECK(locale_language(env({})) == Language::nl);
    CHECK(locale_language(env({{"LANG", "en_GB.UTF-8"}})) == Language::en);
    CHECK(locale_language(env({{"LANG", "nl_NL.UTF-8"}})) == Language::nl);
    CHECK(locale_language(env({{"LANG", "C.UTF-8"}})) == Language::nl);
    CHECK(locale_language(env({{"LANG", "en_US"}, {"LC_MESSAGES", "nl_NL"}})) == Language::nl);
    CHECK(locale_language(env({{"LC_MESSAGES", "nl_NL"}, {"LC_ALL", "en_US"}})) == Language::en);
    CHECK(locale_language(env({{"LC_ALL", ""}, {"LANG", "en_US"}})) == Language::en);
    CHECK(parse_search_arguments({"x", "--lang", "en"}).language == Language::en);
    CHECK_THROWS_AS((void)parse_search_arguments({"x", "--lang", "de"}), std::invalid_argument);

    using algreg::search::use_color;
    CHECK(use_color(true, env({})));
    CHECK_FALSE(use_color(false, env({})));
    CHECK_FALSE(use_color(true, env({{"NO_COLOR", "1"}})));
    CHECK(use_color(true, env({{"NO_COLOR", ""}}))); // set but empty: no effect (no-color.org)
}

TEST_CASE("algreg search runs against an index") {
    const std::string db = " --db '" + algreg::testing::fixture_index().path() + "'";
    const auto found = run("search BRP fraude --size 3" + db);
    CHECK(found.status == 0);
    CHECK(found.out.find("resultaten") != std::string::npos);
    CHECK(found.out.find("1. ") != std::string::npos);
    const auto english = run("search BRP fraude --size 3 --lang en" + db);
    CHECK(english.out.find(" results, 1-3 shown") != std::string::npos);
    const auto by_locale =
        run("search BRP fraude --size 3" + db + "; LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 " +
            std::string(ALGREG_BINARY) + " search BRP fraude --size 3" + db);
    CHECK(by_locale.out.find(" results, 1-3 shown") != std::string::npos);
    CHECK(by_locale.out.find(" resultaten, 1-3 getoond") != std::string::npos);

    const auto json = run("search gezichtsherkening --json" + db);
    CHECK(json.status == 0);
    const auto j = nlohmann::json::parse(json.out);
    CHECK(j["corrected"] == true);
    CHECK(j["did_you_mean"] == "gezichtsherkenning");

    CHECK(run("search qqxyzzy" + db).status == 1);
    CHECK(run("search --sort random" + db).status == 64);
    CHECK(run("search --filter geen=x" + db).status == 64);
    CHECK(run("search x --db /nonexistent/index").status == 4);
    const auto help = run("search --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Usage: algreg search") != std::string::npos);
}

TEST_CASE("the help names every facet --filter accepts, within 96 columns") {
    const std::string help = algreg::search::search_help();
    for (const auto& facet : algreg::search::facets) {
        CHECK_MESSAGE(help.find(std::string(facet.name)) != std::string::npos, facet.name);
    }
    std::istringstream lines(help);
    for (std::string line; std::getline(lines, line);) {
        CHECK_MESSAGE(line.size() <= 96, line);
    }
}
