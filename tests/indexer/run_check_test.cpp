// `algreg check` on the real fixtures: the official score of every template against the raw
// JSON, what reading adds (unreadable records, records without id, repeated ids, invalid UTF-8),
// the argument parser, and the command's outputs and exit codes through the built binary.
#include "indexer/run_check.h"
#include "search/errors.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/wait.h>

using namespace algreg::indexer;
using algreg::search::FindingSeverity;
using algreg::testing::fixture;
using algreg::testing::read_file;
using algreg::testing::TempDir;
using algreg::testing::write_file;
using nlohmann::json;

namespace {

CheckReport check_files(const std::vector<std::string>& inputs, const char* today = "2026-08-08") {
    CheckCommandOptions options;
    options.inputs = inputs;
    options.today = algreg::search::parse_iso_date(today);
    return run_check(options);
}

const CheckedEntry& entry(const CheckReport& report, const std::string& id) {
    for (const auto& e : report.entries) {
        if (e.id == id) {
            return e;
        }
    }
    FAIL("no entry " << id);
    return report.entries.front();
}

struct CliResult {
    int status;
    std::string out;
    std::string err;
};

/// Runs the built algreg binary with `args`, capturing stdout and stderr.
CliResult run_cli(const std::string& args) {
    TempDir dir;
    const std::string command =
        // The language comes from the locale unless --lang: pin it, whatever the machine's LANG.
        "LC_ALL=C " + std::string(ALGREG_BINARY) + " " + args + " >" + dir.file("out") + " 2>" +
        dir.file("err");
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir.file("out")),
            read_file(dir.file("err"))};
}

std::size_t count_lines(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

} // namespace

TEST_CASE("every template's score equals the official formula over its raw JSON") {
    // Weights written out from register-model.md §3, independent of the code's tables.
    const std::vector<std::string> eight{"name",
                                         "description_short",
                                         "organization",
                                         "category",
                                         "status",
                                         "begin_date",
                                         "contact_email",
                                         "publication_category",
                                         "goal",
                                         "proportionality",
                                         "human_intervention",
                                         "risks",
                                         "impacttoetsen",
                                         "source_data",
                                         "provider"};
    const std::vector<std::string> two{"website",
                                       "url",
                                       "lawful_basis",
                                       "lawful_basis_grouping",
                                       "process_index_url",
                                       "impacttoetsen_grouping",
                                       "source_data_grouping",
                                       "methods_and_models",
                                       "lang",
                                       "tags"};
    const json raw = json::parse(read_file(fixture("register-v1.0-templates.json")));
    const auto report = check_files({fixture("register-v1.0-templates.json")});
    REQUIRE(report.entries.size() == raw.size());
    auto filled = [](const json& record, const std::string& key) {
        const auto v = record.find(key);
        return v != record.end() && !v->is_null() &&
               !(v->is_string() && v->get<std::string>().empty()) && !(v->is_array() && v->empty());
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        int score = 0;
        for (const auto& k : eight) {
            score += filled(raw[i], k) ? 8 : 0;
        }
        for (const auto& k : two) {
            score += filled(raw[i], k) ? 2 : 0;
        }
        const auto& c = report.entries[i].completeness;
        INFO(raw[i]["id"]);
        CHECK(report.entries[i].id == raw[i]["id"]);
        CHECK(c.score == score);
        CHECK(c.progress == static_cast<int>(std::ceil(score / 140.0 * 100.0)));
    }
}

TEST_CASE("nelen-schuurmans: a grouping of one empty reference counts, as in the form") {
    // 8: every 8-point field but organization, contact_email, impacttoetsen = 12 x 8 = 96.
    // 2: website, lawful_basis_grouping ([{"title": "", "link": ""}] is a non-empty list),
    // source_data_grouping, lang, tags = 5 x 2 = 10 (url, lawful_basis, process_index_url,
    // impacttoetsen_grouping, methods_and_models empty). 96 + 10 = 106 -> ceil(75.71) = 76.
    const auto report = check_files({fixture("register-v1.0-templates.json")});
    const auto& c = entry(report, "nelen-schuurmans-3di-watermanagement").completeness;
    CHECK(c.score == 106);
    CHECK(c.progress == 76);
    CHECK(c.band == algreg::search::CompletenessBand::geel);
}

TEST_CASE("a report over several files and formats") {
    const auto report =
        check_files({fixture("register-v1.0-templates.json"), fixture("register-csv-sample.csv"),
                     fixture("register-2022-12-08-v0.2.json")});
    REQUIRE(report.files.size() == 3);
    CHECK(report.files[0].format == InputFormat::official);
    CHECK(report.files[1].format == InputFormat::csv);
    CHECK(report.files[2].header_rows == 3);
    CHECK(report.files[2].entries == 96);
    CHECK(report.entries.size() == 27 + 1 + 96);
    // The CSV row has no id column: checked under its position, without an input finding.
    const auto& csv = report.entries[27];
    CHECK(csv.name == "Waarderen WOZ-objecten Amsterdam");
    CHECK_FALSE(csv.completeness.has("input.repaired"));
    CHECK(csv.completeness.has("enum.variant")); // standard_version 1.0.0
    CHECK(check_exit_status(report, FindingSeverity::error) == check_exit_code::findings);
}

TEST_CASE("what reading adds: unreadable lines, no id, repeated ids, invalid UTF-8") {
    TempDir dir;
    const std::string path = dir.file("entries.ndjson");
    write_file(path, "{\"name\": \"Zonder id\", \"status\": \"In gebruik\"}\n"
                     "not json\n"
                     "{\"id\": \"a-1\", \"name\": \"Eerste\", \"organization\": \"Gemeente X\"}\n"
                     "{\"id\": \"a-1\", \"name\": \"Caf\xE9\", \"organization\": \"Gemeente X\"}\n"
                     "{\"id\": \"b-1\", \"name\": \"Getal\", \"provider\": 12}\n");
    const auto report = check_files({path});
    REQUIRE(report.entries.size() == 5);
    const auto& no_id = report.entries[0];
    CHECK(no_id.id == "entries.ndjson#1");
    CHECK(no_id.completeness.has("required.organization"));
    CHECK(no_id.completeness.has("required.contact_email"));
    const auto& unreadable = report.entries[1];
    CHECK_FALSE(unreadable.readable);
    CHECK(unreadable.completeness.has("input.unreadable"));
    CHECK_FALSE(unreadable.completeness.computable);
    CHECK_FALSE(report.entries[2].completeness.has("input.duplicate_id"));
    const auto& repeated = report.entries[3].completeness;
    CHECK(repeated.has("input.duplicate_id"));
    CHECK(repeated.has("input.invalid_utf8"));
    CHECK_FALSE(repeated.has("input.repaired")); // the UTF-8 repair is reported once
    // duplicate.name is not raised: the names differ.
    CHECK_FALSE(repeated.has("duplicate.name"));
    // Other repairs are passed on as information, with the indexer's message.
    const auto& number = report.entries[4].completeness;
    REQUIRE(number.has("input.repaired"));
    CHECK(number.findings.back().rule == "input.repaired");
    CHECK(number.findings.back().severity == FindingSeverity::info);
    CHECK(number.findings.back().message_en ==
          "Adjusted while reading: provider: a number where text was expected; converted to "
          "text");
    CHECK_FALSE(report.entries[2].completeness.has("input.repaired"));
}

TEST_CASE("a malformed or missing file is an InputError and nothing is checked") {
    TempDir dir;
    write_file(dir.file("broken.json"), "[{\"name\": ");
    CHECK_THROWS_AS((void)check_files({dir.file("broken.json")}), algreg::search::InputError);
    CHECK_THROWS_AS(
        (void)check_files({fixture("register-v1.0-templates.json"), dir.file("missing.json")}),
        algreg::search::InputError);
}

TEST_CASE("argument parsing") {
    const auto o =
        parse_check_arguments({"a.json", "--output", "csv", "--fail-on", "warning", "--today",
                               "2026-08-08", "--lang", "en", "--format", "listing", "b.json"});
    CHECK(o.inputs == std::vector<std::string>{"a.json", "b.json"});
    CHECK(o.output == CheckOutput::csv);
    CHECK(o.fail_on == FindingSeverity::warning);
    CHECK(algreg::search::format_iso_date(*o.today) == "2026-08-08");
    CHECK(o.language == algreg::search::Language::en);
    CHECK(o.format == InputFormat::listing);
    for (const auto& bad :
         std::vector<std::vector<std::string>>{{},
                                               {"a.json", "--output", "xml"},
                                               {"a.json", "--fail-on", "fatal"},
                                               {"a.json", "--today", "2026-13-01"},
                                               {"a.json", "--lang", "de"},
                                               {"a.json", "--format", "xml"},
                                               {"a.json", "--bogus"},
                                               {"a.json", "--today"}}) {
        CHECK_THROWS_AS((void)parse_check_arguments(bad), std::invalid_argument);
    }
}

TEST_CASE("algreg check: exit codes") {
    TempDir dir;
    const std::string templates = fixture("register-v1.0-templates.json");
    const std::string csv = fixture("register-csv-sample.csv");
    CHECK(run_cli("check " + templates).status == 1); // required fields are empty
    CHECK(run_cli("check " + csv).status == 0);       // warnings only
    CHECK(run_cli("check " + csv + " --fail-on warning").status == 1);
    // One rule for the language: --lang, else the locale (LANG here), else Dutch.
    const auto dutch = run_cli("check " + templates);
    const auto english = run_cli("check " + templates + " --lang en");
    CHECK(dutch.out != english.out);
    CHECK(run_cli("check " + templates + " --lang nl").out == dutch.out);
    TempDir env_dir;
    const std::string by_locale = env_dir.file("out");
    (void)std::system(("LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8 " + std::string(ALGREG_BINARY) +
                       " check " + templates + " >" + by_locale)
                          .c_str());
    CHECK(read_file(by_locale) == english.out);
    // The listing: no errors; entries unchanged for 24 months are warnings.
    const std::string listing = fixture("register-2026-08-08.json");
    CHECK(run_cli("check " + listing + " --today 2026-08-08").status == 0);
    CHECK(run_cli("check " + listing + " --today 2026-08-08 --fail-on warning").status == 1);
    write_file(dir.file("broken.json"), "[{");
    const auto broken = run_cli("check " + dir.file("broken.json"));
    CHECK(broken.status == 2);
    CHECK(broken.err.find("algreg check: ") == 0);
    CHECK(broken.out.empty());
    CHECK(run_cli("check").status == 64);
    CHECK(run_cli("check " + csv + " --output xml").status == 64);
    CHECK(run_cli("check " + csv + " --today yesterday").status == 64);
    const auto help = run_cli("check --help");
    CHECK(help.status == 0);
    CHECK(help.out.find("Usage: algreg check FILE...") == 0);
    CHECK(run_cli("help").out.find("check ") != std::string::npos);
}

TEST_CASE("algreg check: text output for a register coordinator") {
    const auto r =
        run_cli("check " + fixture("register-v1.0-templates.json") + " --today 2026-08-08");
    CHECK(r.out.find("peildatum 2026-08-08") != std::string::npos);
    CHECK(r.out.find("contec-veilig-mailen \xE2\x80\x94 Veilig mailen aan de hand van business "
                     "rules, DLP algoritme\n") != std::string::npos);
    CHECK(r.out.find("  volledigheid 88 % (122/140 punten), groen: goed\n") != std::string::npos);
    CHECK(r.out.find("  ontbreekt: Organisatienaam (8), Link naar bronregistratie (2)") !=
          std::string::npos);
    CHECK(r.out.find("  fout         required.organization          Het verplichte veld "
                     "Organisatienaam is niet ingevuld.\n") != std::string::npos);
    CHECK(r.out.find("Samenvatting: 27 registraties; groen 1; geel 18; oranje 8;") !=
          std::string::npos);
    CHECK(r.out.find("Resultaat: bevindingen op of boven fout (exit 1)") != std::string::npos);
    const auto en =
        run_cli("check " + fixture("register-2026-08-08.json") + " --today 2026-08-08 --lang en");
    CHECK(en.out.find("  completeness not computable (listing fields only); known fields") !=
          std::string::npos);
    CHECK(en.out.find("  cannot be checked: listing fields only (") != std::string::npos);
    CHECK(en.out.find("Summary: 1530 entries; onbekend 1530;") != std::string::npos);
}

TEST_CASE("algreg check: JSON and CSV outputs for pipelines") {
    const std::string templates = fixture("register-v1.0-templates.json");
    const auto j =
        json::parse(run_cli("check " + templates + " --output json --today 2026-08-08").out);
    CHECK(j["scored_against"] == "1.0");
    CHECK(j["today"] == "2026-08-08");
    CHECK(j["fail_on"] == "error");
    CHECK(j["exit_code"] == 1);
    CHECK(j["files"][0]["entries"] == 27);
    REQUIRE(j["entries"].size() == 27);
    CHECK(j["summary"]["bands"]["groen"] == 1);
    const auto& contec = j["entries"][12];
    CHECK(contec["id"] == "contec-veilig-mailen");
    CHECK(contec["completeness"]["score"] == 122);
    CHECK(contec["completeness"]["findings"][0]["message"]["en"] ==
          "The required field Organisation is empty.");

    const auto csv = run_cli("check " + templates + " --output csv --lang en").out;
    CHECK(csv.starts_with("file,line,record,id,name,organization,computable,score,max,progress,"
                          "band,severity,rule,field,message\n"));
    // One line per finding: 97 findings over the 27 templates (55 errors, 42 warnings).
    CHECK(count_lines(csv) == 1 + 97);
    CHECK(csv.find(",contec-veilig-mailen,Veilig mailen aan de hand van business rules, DLP "
                   "algoritme,") == std::string::npos); // the comma is quoted
    CHECK(csv.find(",contec-veilig-mailen,\"Veilig mailen aan de hand van business rules, DLP "
                   "algoritme\",,true,122,140,88,groen,error,required.organization,organization,"
                   "The required field Organisation is empty.\n") != std::string::npos);
    // An entry without findings still has its row.
    const auto one =
        run_cli("check " + fixture("register-csv-sample.csv") + " --output csv --today 2026-08-08");
    CHECK(count_lines(one.out) == 1 + 3);
}
