// `algreg search`: arguments, help, text output, and the real binary on the fixture index.
#include "search/search_command.h"
#include "tests/support/fixture_index.h"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
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
    const std::string command = std::string(ALGREG_BINARY) + " " + arguments + " 2>/dev/null";
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
}

TEST_CASE("algreg search runs against an index") {
    const std::string db = " --db '" + algreg::testing::fixture_index().path() + "'";
    const auto found = run("search BRP fraude --size 3" + db);
    CHECK(found.status == 0);
    CHECK(found.out.find("resultaten") != std::string::npos);
    CHECK(found.out.find("1. ") != std::string::npos);

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
