#include "indexer/run_check.h"

#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/csv_writer.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

namespace algreg::indexer {

using search::Completeness;
using search::Finding;
using search::FindingSeverity;
using search::Language;

namespace {

/// The words of the text report, one table per language.
struct Texts {
    std::string_view header;         ///< "algreg check: ..."
    std::string_view reference_date; ///< "peildatum"
    std::string_view entry;          ///< "registratie"
    std::string_view entries;        ///< "registraties"
    std::string_view header_rows;    ///< "kopregels overgeslagen"
    std::string_view completeness;
    std::string_view points;
    std::string_view not_computable; ///< the listing-only score line
    std::string_view known_fields;
    std::string_view scored_as; ///< "gescoord volgens standaard 1.0; ..."
    std::string_view missing;
    std::string_view organisation;
    std::string_view no_findings;
    std::string_view rule;  ///< "regel"
    std::string_view rules; ///< "regels"
    std::string_view summary;
    std::string_view findings_at_or_above; ///< result line
    std::string_view none_at_or_above;
    std::string_view unreadable;
};

constexpr Texts texts_nl{
    .header = "algreg check: volledigheid volgens publicatiestandaard 1.0",
    .reference_date = "peildatum",
    .entry = "registratie",
    .entries = "registraties",
    .header_rows = "kopregels overgeslagen",
    .completeness = "volledigheid",
    .points = "punten",
    .not_computable = "volledigheid niet te berekenen (alleen lijstgegevens)",
    .known_fields = "bekende velden",
    .scored_as = "gescoord volgens standaard 1.0; het record volgt",
    .missing = "ontbreekt",
    .organisation = "organisatie",
    .no_findings = "geen bevindingen",
    .rule = "regel",
    .rules = "regels",
    .summary = "Samenvatting",
    .findings_at_or_above = "Resultaat: bevindingen op of boven",
    .none_at_or_above = "Resultaat: geen bevindingen op of boven",
    .unreadable = "onleesbaar record",
};

constexpr Texts texts_en{
    .header = "algreg check: completeness by publication standard 1.0",
    .reference_date = "reference date",
    .entry = "entry",
    .entries = "entries",
    .header_rows = "header rows skipped",
    .completeness = "completeness",
    .points = "points",
    .not_computable = "completeness not computable (listing fields only)",
    .known_fields = "known fields",
    .scored_as = "scored by standard 1.0; the record follows",
    .missing = "missing",
    .organisation = "organisation",
    .no_findings = "no findings",
    .rule = "rule",
    .rules = "rules",
    .summary = "Summary",
    .findings_at_or_above = "Result: findings at or above",
    .none_at_or_above = "Result: no findings at or above",
    .unreadable = "unreadable record",
};

const Texts& texts(Language language) {
    return language == Language::nl ? texts_nl : texts_en;
}

/// Repairs that the completeness rules already report precisely from AlgorithmRecord::original
/// (enum.*, date.format), and ids the register assigns itself: not repeated as input.repaired.
bool reported_by_rules(const Problem& p) {
    static constexpr std::array<std::string_view, 7> fields{
        "status", "publication_category", "standard_version", "lang", "begin_date", "end_date",
        "id"};
    return std::find(fields.begin(), fields.end(), p.field) != fields.end();
}

/// True when the official form counts `value` as filled: not null, not "", not [].
bool officially_filled(const nlohmann::json& value) {
    return !value.is_null() &&
           !(value.is_string() && value.get_ref<const std::string&>().empty()) &&
           !(value.is_array() && value.empty());
}

/// Where normalisation emptied a value the source had filled (a lone space, a grouping of one
/// empty reference), keeps the source value in `original` so that the score counts it as the
/// official form does (search::ScoredField::filled). A 0.4 `impacttoetsen` list is not such a
/// value: normalisation moves it to impacttoetsen_grouping.
void keep_filled_source_values(const SourceRecord& source, search::AlgorithmRecord& record) {
    if (!source.value.is_object() || record.listing_only) {
        return;
    }
    for (const auto& [raw_key, value] : source.value.items()) {
        std::string key = raw_key;
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto* field = search::find_scored_field(key);
        if (field == nullptr || field->filled(record) || !officially_filled(value)) {
            continue;
        }
        const bool list_literal =
            value.is_array() ||
            (value.is_string() && value.get_ref<const std::string&>().starts_with("{"));
        if (key == "impacttoetsen" && list_literal) {
            continue;
        }
        record.original[key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
}

std::string base_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

/// Adds `extra` findings to an entry and restores the order.
void add_findings(CheckedEntry& entry, std::vector<Finding> extra) {
    auto& findings = entry.completeness.findings;
    findings.insert(findings.end(), std::make_move_iterator(extra.begin()),
                    std::make_move_iterator(extra.end()));
    search::sort_findings(findings);
}

/// The findings CSV: RFC 4180 minimal quoting, LF line ends (as before), formula-like cells
/// (names and ids come from the checked files) neutralised.
constexpr search::CsvStyle check_csv{.line_end = "\n"};

std::string csv_cell(std::string_view value) {
    return search::csv_cell(value, check_csv);
}

std::size_t count_severity(const CheckReport& report, FindingSeverity severity) {
    std::size_t n = 0;
    for (const auto& e : report.entries) {
        for (const auto& f : e.completeness.findings) {
            n += f.severity == severity ? 1 : 0;
        }
    }
    return n;
}

std::vector<Completeness> results_of(const CheckReport& report) {
    std::vector<Completeness> out;
    out.reserve(report.entries.size());
    for (const auto& e : report.entries) {
        out.push_back(e.completeness);
    }
    return out;
}

void write_text(const CheckReport& report, const CheckCommandOptions& options, std::ostream& out) {
    const Language lang = options.language;
    const Texts& t = texts(lang);
    out << t.header;
    if (report.today) {
        out << ", " << t.reference_date << ' ' << search::format_iso_date(*report.today);
    }
    out << "\n";
    for (const auto& f : report.files) {
        out << f.path << " (" << to_string(f.format) << ", " << f.entries << ' '
            << (f.entries == 1 ? t.entry : t.entries);
        if (f.header_rows > 0) {
            out << ", " << f.header_rows << ' ' << t.header_rows;
        }
        out << ")\n";
    }
    for (const auto& e : report.entries) {
        const Completeness& c = e.completeness;
        out << "\n" << (e.id.empty() ? "-" : e.id);
        if (!e.name.empty()) {
            out << " \xE2\x80\x94 " << e.name;
        }
        out << "\n  " << describe(e.position);
        if (!e.organization.empty()) {
            out << " \xC2\xB7 " << t.organisation << ": " << e.organization;
        }
        out << "\n";
        if (!e.readable) {
            out << "  " << t.unreadable << "\n";
        } else if (c.computable) {
            out << "  " << t.completeness << ' ' << c.progress << " % (" << c.score << '/'
                << c.max_score << ' ' << t.points << "), " << to_string(c.band) << ": "
                << search::band_label(c.band, lang);
            if (c.record_standard != search::scored_standard && !c.record_standard.empty()) {
                out << " [" << t.scored_as << ' ' << c.record_standard << ']';
            }
            out << "\n";
        } else {
            out << "  " << t.not_computable << "; " << t.known_fields << ' ' << c.score << '/'
                << c.max_score << ' ' << t.points << "\n";
        }
        if (!c.missing.empty()) {
            out << "  " << t.missing << ':';
            for (std::size_t i = 0; i < c.missing.size(); ++i) {
                const auto* f = search::find_scored_field(c.missing[i]);
                out << (i == 0 ? " " : ", ") << (lang == Language::nl ? f->title_nl : f->title_en)
                    << " (" << f->weight << ')';
            }
            out << "\n";
        }
        for (const auto& f : c.findings) {
            std::string severity(search::severity_label(f.severity, lang));
            std::string rule = f.rule;
            severity.resize(std::max<std::size_t>(severity.size(), 13), ' ');
            rule.resize(std::max<std::size_t>(rule.size(), 31), ' ');
            out << "  " << severity << rule << f.message(lang) << "\n";
        }
        if (c.findings.empty() && e.readable) {
            out << "  " << t.no_findings << "\n";
        }
        // One line per reason: the rules not run for it.
        for (const auto reason :
             {search::NotCheckedReason::listing_only, search::NotCheckedReason::date_unknown,
              search::NotCheckedReason::no_reference_date}) {
            const auto n = static_cast<std::size_t>(
                std::count_if(c.not_checked.begin(), c.not_checked.end(),
                              [&](const auto& item) { return item.reason == reason; }));
            if (n > 0) {
                out << "  " << search::reason_label(reason, lang) << " (" << n << ' '
                    << (n == 1 ? t.rule : t.rules) << ")\n";
            }
        }
    }
    const auto results = results_of(report);
    const auto summary = search::summarise(results);
    out << "\n"
        << t.summary << ": " << summary.entries << ' '
        << (summary.entries == 1 ? t.entry : t.entries);
    for (const auto band : {search::CompletenessBand::groen, search::CompletenessBand::geel,
                            search::CompletenessBand::oranje, search::CompletenessBand::onbekend}) {
        const std::size_t n = summary.bands[static_cast<std::size_t>(band)];
        if (n > 0) {
            out << "; " << to_string(band) << ' ' << n;
        }
    }
    out << "; " << search::severity_label(FindingSeverity::error, lang) << ' '
        << count_severity(report, FindingSeverity::error) << ", "
        << search::severity_label(FindingSeverity::warning, lang) << ' '
        << count_severity(report, FindingSeverity::warning) << ", "
        << search::severity_label(FindingSeverity::info, lang) << ' '
        << count_severity(report, FindingSeverity::info) << "\n";
    const int status = check_exit_status(report, options.fail_on);
    out << (status == check_exit_code::ok ? t.none_at_or_above : t.findings_at_or_above) << ' '
        << search::severity_label(options.fail_on, lang) << " (exit " << status << ")\n";
}

void write_csv(const CheckReport& report, const CheckCommandOptions& options, std::ostream& out) {
    out << "file,line,record,id,name,organization,computable,score,max,progress,band,severity,"
           "rule,field,message\n";
    for (const auto& e : report.entries) {
        const Completeness& c = e.completeness;
        std::string prefix;
        for (const std::string& cell :
             {e.position.file, std::to_string(e.position.line),
              std::to_string(e.position.index + 1), e.id, e.name, e.organization}) {
            prefix += csv_cell(cell) + ",";
        }
        prefix += c.computable ? "true," : "false,";
        if (c.computable && e.readable) {
            prefix += std::to_string(c.score) + "," + std::to_string(c.max_score) + "," +
                      std::to_string(c.progress) + ",";
        } else {
            prefix += ",,,";
        }
        prefix += std::string(to_string(c.band)) + ",";
        if (c.findings.empty()) {
            out << prefix << ",,,\n";
        }
        for (const auto& f : c.findings) {
            out << prefix << to_string(f.severity) << ',' << csv_cell(f.rule) << ','
                << csv_cell(f.field) << ',' << csv_cell(f.message(options.language)) << "\n";
        }
    }
}

} // namespace

std::string_view to_string(CheckOutput output) {
    switch (output) {
    case CheckOutput::text:
        return "text";
    case CheckOutput::json:
        return "json";
    case CheckOutput::csv:
        break;
    }
    return "csv";
}

CheckOutput parse_check_output(std::string_view name) {
    for (const auto o : {CheckOutput::text, CheckOutput::json, CheckOutput::csv}) {
        if (to_string(o) == name) {
            return o;
        }
    }
    throw std::invalid_argument("--output must be text, json or csv, not '" + std::string(name) +
                                "'");
}

CheckReport run_check(const CheckCommandOptions& options) {
    CheckReport report;
    report.today = options.today;

    // 1. Read everything first: a malformed file stops the run before anything is checked.
    std::vector<SourceFile> files;
    for (const auto& input : options.inputs) {
        files.push_back(read_source(input, options.format));
    }

    // 2. Normalise each record as the indexer would; collect input findings per entry.
    std::vector<search::AlgorithmRecord> records;
    std::vector<std::size_t> entry_of_record;
    std::vector<std::vector<Finding>> input_findings;
    for (const auto& file : files) {
        CheckedFile checked{file.path, file.format, 0, 0};
        std::unordered_map<std::string, SourcePosition> first_seen;
        for (const auto& source : file.records) {
            Normalised n = normalise(source, file.format);
            if (n.header_row) {
                ++checked.header_rows;
                continue;
            }
            if (!n.record && source.value.is_object()) {
                // No usable id: entries that are not yet published have none. Check it under
                // its position instead of rejecting it.
                SourceRecord named = source;
                named.value["id"] =
                    base_name(file.path) + "#" + std::to_string(source.position.index + 1);
                n = normalise(named, file.format);
            }
            ++checked.entries;
            CheckedEntry entry;
            entry.position = source.position;
            std::vector<Finding> extra;
            if (!n.record) {
                entry.readable = false;
                entry.completeness.computable = false;
                entry.completeness.band = search::CompletenessBand::onbekend;
                std::string why;
                for (const auto& p : n.problems) {
                    why += (why.empty() ? "" : "; ") + p.message;
                }
                extra.push_back(
                    search::make_finding("input.unreadable", {.detail_nl = why, .detail_en = why}));
                entry.completeness.findings = std::move(extra);
                report.entries.push_back(std::move(entry));
                continue;
            }
            keep_filled_source_values(source, *n.record);
            const search::AlgorithmRecord& r = *n.record;
            entry.id = r.id;
            entry.name = r.name;
            entry.organization = r.organization;
            for (const auto& field : source.invalid_utf8_fields) {
                extra.push_back(search::make_finding("input.invalid_utf8", {.field = field}));
            }
            for (const auto& p : n.problems) {
                const bool utf8 =
                    std::find(source.invalid_utf8_fields.begin(), source.invalid_utf8_fields.end(),
                              p.field) != source.invalid_utf8_fields.end() &&
                    p.message.find("UTF-8") != std::string::npos;
                if (utf8 || reported_by_rules(p)) {
                    continue;
                }
                extra.push_back(search::make_finding(
                    "input.repaired",
                    {.field = p.field,
                     .detail_nl = (p.field.empty() ? "" : p.field + ": ") + p.message,
                     .detail_en = (p.field.empty() ? "" : p.field + ": ") + p.message}));
            }
            if (const auto [it, fresh] = first_seen.emplace(r.id, source.position); !fresh) {
                extra.push_back(search::make_finding(
                    "input.duplicate_id",
                    {.field = "id", .value = r.id, .other = describe(it->second)}));
            }
            entry_of_record.push_back(report.entries.size());
            input_findings.push_back(std::move(extra));
            records.push_back(std::move(*n.record));
            report.entries.push_back(std::move(entry));
        }
        report.files.push_back(std::move(checked));
    }

    // 3. Check all records as one set.
    search::CheckOptions check_options;
    check_options.today = options.today;
    auto results = search::check_all(records, check_options);
    for (std::size_t i = 0; i < results.size(); ++i) {
        CheckedEntry& entry = report.entries[entry_of_record[i]];
        entry.completeness = std::move(results[i]);
        add_findings(entry, std::move(input_findings[i]));
    }
    return report;
}

int check_exit_status(const CheckReport& report, FindingSeverity fail_on) {
    for (const auto& e : report.entries) {
        if (const auto worst = e.completeness.worst(); worst && *worst >= fail_on) {
            return check_exit_code::findings;
        }
    }
    return check_exit_code::ok;
}

nlohmann::json check_report_json(const CheckReport& report, const CheckCommandOptions& options) {
    using nlohmann::json;
    json j = json::object();
    j["scored_against"] = search::scored_standard;
    j["today"] = report.today ? json(search::format_iso_date(*report.today)) : json(nullptr);
    j["fail_on"] = to_string(options.fail_on);
    j["exit_code"] = check_exit_status(report, options.fail_on);
    json files = json::array();
    for (const auto& f : report.files) {
        files.push_back({{"path", f.path},
                         {"format", to_string(f.format)},
                         {"entries", f.entries},
                         {"header_rows", f.header_rows}});
    }
    j["files"] = std::move(files);
    const auto results = results_of(report);
    j["summary"] = search::summarise(results);
    json entries = json::array();
    for (const auto& e : report.entries) {
        entries.push_back({{"file", e.position.file},
                           {"line", e.position.line},
                           {"column", e.position.column},
                           {"record", e.position.index + 1},
                           {"id", e.id},
                           {"name", e.name},
                           {"organization", e.organization},
                           {"readable", e.readable},
                           {"completeness", e.completeness}});
    }
    j["entries"] = std::move(entries);
    return j;
}

void write_check_report(const CheckReport& report, const CheckCommandOptions& options,
                        std::ostream& out) {
    switch (options.output) {
    case CheckOutput::text:
        write_text(report, options, out);
        return;
    case CheckOutput::json:
        out << check_report_json(report, options)
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
        return;
    case CheckOutput::csv:
        write_csv(report, options, out);
        return;
    }
}

CheckCommandOptions parse_check_arguments(const std::vector<std::string>& args,
                                          CheckCommandOptions defaults) {
    CheckCommandOptions options = std::move(defaults);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(arg + " needs a value");
            }
            return args[++i];
        };
        if (arg == "--format") {
            options.format = parse_input_format(value());
        } else if (arg == "--output") {
            options.output = parse_check_output(value());
        } else if (arg == "--fail-on") {
            const std::string& name = value();
            const auto severity = search::parse_severity(name);
            if (!severity) {
                throw std::invalid_argument("--fail-on must be error, warning or info, not '" +
                                            name + "'");
            }
            options.fail_on = *severity;
        } else if (arg == "--today") {
            const std::string& date = value();
            options.today = search::parse_iso_date(date);
            if (!options.today) {
                throw std::invalid_argument("--today must be a date YYYY-MM-DD, not '" + date +
                                            "'");
            }
        } else if (arg == "--lang") {
            options.language = search::parse_language(value());
        } else if (arg.starts_with("--")) {
            throw std::invalid_argument("unknown option " + arg);
        } else {
            options.inputs.push_back(arg);
        }
    }
    if (options.inputs.empty()) {
        throw std::invalid_argument("no input files given");
    }
    return options;
}

std::string check_help() {
    return R"(Usage: algreg check FILE... [options]

Checks register entries before (or after) they are published: the official completeness score
of the register's editor (every entry scored by publication standard 1.0, maximum 140 points,
bands oranje < 60 % <= geel < 85 % <= groen) and algreg's rules (required fields, lengths,
permitted values, dates, contact, links, legal basis, DPIA/IAMA, end dates, standard version,
age, duplicate names). Rules and messages: docs/completeness.md.

Inputs: any format `algreg index` reads (detected from the content; --format to force):
listing, official (JSON array or {algoritme_versions}), csv, ndjson, history.
Entries that carry only listing fields are checked where possible; the rest is reported as
"niet te controleren: alleen lijstgegevens" and their score as not computable.

Options:
  --format NAME     auto, listing, official, csv, ndjson, history (default: auto)
  --output NAME     text (default, for people), json or csv (for pipelines)
  --fail-on LEVEL   error (default) or warning (or info): exit 1 when a finding of that
                    severity or higher exists
  --today DATE      reference date YYYY-MM-DD for "not changed for 24 months"
                    (default: today, UTC)
  --lang LANG       nl or en: language of the text and CSV messages (JSON always carries
                    both); default from LC_ALL, LC_MESSAGES or LANG: English when it starts
                    with "en", else Dutch
  --help            this text

Exit codes:
  0  no finding at or above --fail-on
  1  some finding at or above --fail-on
  2  an input file is unreadable or malformed (nothing checked)
  64 bad command line

Examples:
  algreg check entries.json
  algreg check export.csv --output csv --lang en > findings.csv
  algreg check entries.json --output json --fail-on warning --today 2026-08-08
)";
}

} // namespace algreg::indexer
