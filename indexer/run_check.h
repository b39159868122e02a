// `algreg check`: read register entries in any supported input format, normalise them as the
// indexer does, run the completeness checks (search/completeness.h) and report per entry in
// text, JSON or CSV, with an exit code for CI. The function behind the subcommand; main() only
// parses arguments into CheckCommandOptions and supplies today's date.
#pragma once

#include "indexer/source_record.h"
#include "search/completeness.h"
#include "search/record.h"

#include <chrono>
#include <iosfwd>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace algreg::indexer {

/// Exit codes of `algreg check` (also in --help, the README and docs/completeness.md).
namespace check_exit_code {
inline constexpr int ok = 0;        ///< no finding at or above --fail-on
inline constexpr int findings = 1;  ///< some finding at or above --fail-on
inline constexpr int bad_input = 2; ///< a file is unreadable or malformed
inline constexpr int usage = 64;    ///< bad command line
} // namespace check_exit_code

enum class CheckOutput { text, json, csv };
[[nodiscard]] std::string_view to_string(CheckOutput output);
/// "text", "json", "csv"; throws std::invalid_argument otherwise.
[[nodiscard]] CheckOutput parse_check_output(std::string_view name);

struct CheckCommandOptions {
    std::vector<std::string> inputs;
    InputFormat format = InputFormat::automatic;
    CheckOutput output = CheckOutput::text;
    search::FindingSeverity fail_on = search::FindingSeverity::error;
    /// Reference date for changed.stale; main() fills in the current date unless --today.
    std::optional<std::chrono::year_month_day> today;
    search::Language language = search::Language::nl;
};

/// One checked entry with where it came from.
struct CheckedEntry {
    SourcePosition position;
    std::string id;
    std::string name;
    std::string organization;
    bool readable = true; ///< false: the record could not be read (only input.unreadable)
    search::Completeness completeness;
};

struct CheckedFile {
    std::string path;
    InputFormat format = InputFormat::automatic;
    std::size_t entries = 0;
    std::size_t header_rows = 0; ///< 0.2 header rows skipped
};

struct CheckReport {
    std::vector<CheckedFile> files;
    std::vector<CheckedEntry> entries; ///< in input order
    std::optional<std::chrono::year_month_day> today;
};

/// Reads every input (all before checking anything), normalises each record and checks all
/// records as one set (duplicate names across files count). Normalisation repairs become
/// input.repaired findings, invalid UTF-8 input.invalid_utf8, a repeated id within one file
/// input.duplicate_id, a record that cannot be read at all (not a JSON object) an entry with
/// input.unreadable. A record without any id is checked under "FILE#N" (N = 1-based record
/// number). Throws search::InputError when a file is unreadable or malformed (exit 2); nothing
/// is checked then.
[[nodiscard]] CheckReport run_check(const CheckCommandOptions& options);

/// check_exit_code::findings when some finding of `report` has severity >= fail_on, else ok.
[[nodiscard]] int check_exit_status(const CheckReport& report, search::FindingSeverity fail_on);

/// Writes the report in options.output (text for people in options.language; JSON or CSV for
/// pipelines, both languages in JSON, options.language in CSV).
void write_check_report(const CheckReport& report, const CheckCommandOptions& options,
                        std::ostream& out);

/// The report as JSON: {scored_against, today, fail_on, exit_code, files, summary, entries}.
[[nodiscard]] nlohmann::json check_report_json(const CheckReport& report,
                                               const CheckCommandOptions& options);

/// Parses `algreg check` arguments over `defaults`; throws std::invalid_argument with a message
/// for the usage error.
[[nodiscard]] CheckCommandOptions parse_check_arguments(const std::vector<std::string>& args,
                                                        CheckCommandOptions defaults = {});

/// The --help text of `algreg check`.
[[nodiscard]] std::string check_help();

} // namespace algreg::indexer
