#include "indexer/run_index.h"

#include "indexer/abbreviations.h"
#include "indexer/assessment_source.h"
#include "indexer/normalise.h"
#include "indexer/progress_bar.h"
#include "indexer/read_source.h"
#include "search/schema.h"

#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

namespace algreg::indexer {

using search::AlgorithmRecord;

namespace {

/// Xapian flushes its posting buffers every N changed documents (default 10,000). Measured on
/// two cores, a small threshold is faster for large builds; the user's own setting wins.
void set_flush_threshold() {
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0);
}

void write_rejects(const std::string& path, const std::vector<const SourceRecord*>& records,
                   const std::vector<Problem>& problems) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) {
            throw std::runtime_error("cannot write the rejects file " + path);
        }
        for (const SourceRecord* record : records) {
            nlohmann::json line;
            line["file"] = record->position.file;
            line["line"] = record->position.line;
            line["column"] = record->position.column;
            line["record"] = record->position.index + 1;
            nlohmann::json reasons = nlohmann::json::array();
            for (const auto& p : problems) {
                if (p.severity == Severity::rejected && p.position.file == record->position.file &&
                    p.position.index == record->position.index) {
                    reasons.push_back(p.field.empty() ? p.message : p.field + ": " + p.message);
                    line["id"] = p.record_id;
                }
            }
            line["problems"] = reasons;
            line["raw"] = record->raw;
            out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        }
    }
    std::rename(tmp.c_str(), path.c_str());
}

} // namespace

IndexSummary run_index(const IndexOptions& options, std::ostream& log) {
    IndexSummary summary;
    set_flush_threshold();

    // 1. Read everything first: a malformed file stops the run before the index is touched.
    std::vector<SourceFile> files;
    for (const auto& input : options.inputs) {
        files.push_back(read_source(input, options.format));
        summary.bytes += files.back().bytes;
        if (!files.back().fetched_at.empty()) {
            summary.snapshot = files.back().fetched_at;
        }
    }
    std::vector<AssessmentFile> assessment_files;
    for (const auto& path : options.assessment_files) {
        assessment_files.push_back(read_assessments_csv(path));
    }
    std::vector<std::pair<std::string, std::string>> synonyms;
    if (!options.abbreviations_path.empty()) {
        synonyms = synonym_pairs(read_abbreviations(options.abbreviations_path));
    }

    // 2. Normalise; duplicates within one input are rejected, across inputs merged.
    std::vector<AlgorithmRecord> records;
    std::unordered_map<std::string, std::size_t> index_of;
    std::vector<const SourceRecord*> rejected_records;
    std::size_t total = 0;
    for (const auto& file : files) {
        total += file.records.size();
    }
    ProgressBar reading(log, "normaliseren", options.progress);
    std::size_t done = 0;
    for (const auto& file : files) {
        std::unordered_map<std::string, SourcePosition> seen_here;
        for (const auto& source : file.records) {
            reading.update(++done, total);
            ++summary.read;
            Normalised n = normalise(source, file.format);
            if (n.header_row) {
                ++summary.header_rows;
                --summary.read;
                continue;
            }
            if (n.record) {
                const std::string& id = n.record->id;
                if (const auto first = seen_here.find(id); first != seen_here.end()) {
                    n.problems.push_back(Problem{source.position, id, "id", Severity::rejected,
                                                 "duplicate id in this input; the first is at " +
                                                     describe(first->second)});
                    n.record.reset();
                } else {
                    seen_here.emplace(id, source.position);
                }
            }
            bool repaired = false;
            for (auto& p : n.problems) {
                repaired = repaired || p.severity == Severity::repaired;
                summary.problems.push_back(std::move(p));
            }
            if (!n.record) {
                ++summary.rejected;
                rejected_records.push_back(&source);
                continue;
            }
            summary.repaired += repaired ? 1 : 0;
            if (const auto it = index_of.find(n.record->id); it != index_of.end()) {
                merge_into(records[it->second], *n.record);
            } else {
                index_of.emplace(n.record->id, records.size());
                records.push_back(std::move(*n.record));
            }
        }
    }
    reading.finish();

    // 3. External assessment statements, by lars.
    std::map<std::size_t, std::vector<ExternalAssessment>> by_record;
    for (auto& file : assessment_files) {
        for (auto& p : file.problems) {
            summary.problems.push_back(std::move(p));
        }
        for (auto& external : file.statements) {
            const auto it = index_of.find(external.lars);
            if (it == index_of.end()) {
                ++summary.unmatched_assessments;
                continue;
            }
            by_record[it->second].push_back(std::move(external));
        }
    }
    for (const auto& [i, statements] : by_record) {
        merge_assessments(records[i], statements);
    }

    for (const auto& p : summary.problems) {
        if (!options.quiet || p.severity == Severity::rejected) {
            log << describe(p) << '\n';
        }
    }

    // 4. Write, atomically.
    std::map<std::string, std::string> metadata{
        {std::string(search::metadata_layout), std::string(search::layout_version)}};
    if (!summary.snapshot.empty()) {
        metadata.emplace(std::string(search::metadata_snapshot), summary.snapshot);
    }
    IndexWriter writer(options.db_path);
    ProgressBar writing(log, "indexeren   ", options.progress);
    summary.changes =
        writer.apply(records, options.upsert ? UpdateMode::upsert : UpdateMode::snapshot, synonyms,
                     metadata, [&](std::size_t d, std::size_t t) { writing.update(d, t); });
    writing.finish();

    if (!rejected_records.empty()) {
        summary.rejects_path = options.rejects_path.empty() ? options.db_path + ".rejects.jsonl"
                                                            : options.rejects_path;
        write_rejects(summary.rejects_path, rejected_records, summary.problems);
    }
    return summary;
}

std::string format_summary(const IndexSummary& s) {
    std::string out =
        "read " + std::to_string(s.read) + ", added " + std::to_string(s.changes.added.size()) +
        ", changed " + std::to_string(s.changes.changed.size()) + ", unchanged " +
        std::to_string(s.changes.unchanged) + ", removed " +
        std::to_string(s.changes.removed.size()) + ", rejected " + std::to_string(s.rejected) +
        " (repaired " + std::to_string(s.repaired) + "); index revision " +
        std::to_string(s.changes.revision) + ", " + std::to_string(s.changes.document_count) +
        " entries" + (s.changes.committed ? "" : " (nothing changed, no new revision)");
    return out;
}

std::string index_help() {
    return R"(Usage: algreg index INPUT... [options]

Reads register entries and writes them to the search index in one atomic commit.

Inputs (format detected from the content; --format to force):
  listing   {algoritmes:[...], count, fetched_at}  (the daily listing scrape)
  official  full records in any standard: a JSON array or {algoritme_versions:[...]}
  csv       the official CSV download (UTF-8, BOM, quoted multi-line cells)
  ndjson    one record of any shape per line
  history   change sets {fetched_at, upserts, removed} per line, replayed to a snapshot

Options:
  --db DIR              index directory (default: data/index)
  --assessments CSV     DPIA/IAMA statements lars,assessment,status,date,link,source
                        (repeatable)
  --abbreviations TSV   abbreviation list for synonyms (default: the bundled list)
  --no-abbreviations    write no synonyms
  --upsert              only add and change entries; by default the inputs are the whole
                        register and entries missing from them are removed
  --format NAME         auto, listing, official, csv, ndjson, history
  --rejects FILE        where rejected raw records go (default: DIR.rejects.jsonl)
  --quiet               print rejections and the summary only
  --help                this text

Exit codes:
  0  indexed (records may have been repaired; see the messages)
  1  indexed, but some records were rejected (see the rejects file)
  2  an input file is unreadable or malformed: nothing was written
  3  another process is writing the index: nothing was written
  4  the index cannot be opened or written: nothing was written
  64 bad command line
)";
}

IndexOptions parse_index_arguments(const std::vector<std::string>& args, IndexOptions defaults) {
    IndexOptions options = std::move(defaults);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        auto value = [&]() -> const std::string& {
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(arg + " needs a value");
            }
            return args[++i];
        };
        if (arg == "--db") {
            options.db_path = value();
        } else if (arg == "--assessments") {
            options.assessment_files.push_back(value());
        } else if (arg == "--abbreviations") {
            options.abbreviations_path = value();
        } else if (arg == "--no-abbreviations") {
            options.abbreviations_path.clear();
        } else if (arg == "--upsert") {
            options.upsert = true;
        } else if (arg == "--format") {
            options.format = parse_input_format(value());
        } else if (arg == "--rejects") {
            options.rejects_path = value();
        } else if (arg == "--quiet") {
            options.quiet = true;
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

} // namespace algreg::indexer
