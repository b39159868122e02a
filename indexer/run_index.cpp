#include "indexer/run_index.h"

#include "indexer/abbreviations.h"
#include "indexer/assessment_source.h"
#include "indexer/ministries.h"
#include "indexer/normalise.h"
#include "indexer/progress_bar.h"
#include "indexer/read_source.h"
#include "indexer/related_words.h"
#include "indexer/sync_source.h"
#include "indexer/timestamp.h"
#include "search/errors.h"
#include "search/risk_profile.h"
#include "search/schema.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>
#include <unordered_map>
#include <utility>

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

namespace {

/// Normalises source records into one register: duplicates within one input are rejected,
/// across inputs merged. Every problem goes to `summary`.
class RegisterBuilder {
  public:
    explicit RegisterBuilder(IndexSummary& summary) : summary_(summary) {}

    /// Starts a new input (duplicate ids are looked for within one input).
    void next_input() { seen_here_.clear(); }

    /// Room for `records` more records at once: the register is one vector, and growing it by
    /// doubling held the old and the new buffer together (1.5 times the records at the peak).
    void reserve(std::size_t records) { records_.reserve(records_.size() + records); }

    /// Normalises one source record and adds or merges it; returns its id, "" when rejected
    /// (or a header row). An accepted record's source is released (its JSON tree and raw
    /// text): it is not needed again, and keeping every source beside every normalised record
    /// doubled the memory of a run. A rejected one is kept whole for the rejects file.
    std::string add(SourceRecord& source, InputFormat format) {
        ++summary_.read;
        Normalised n = normalise(source, format);
        if (n.header_row) {
            ++summary_.header_rows;
            --summary_.read;
            release(source);
            return {};
        }
        if (n.record) {
            const std::string& id = n.record->id;
            if (const auto first = seen_here_.find(id); first != seen_here_.end()) {
                n.problems.push_back(Problem{source.position, id, "id", Severity::rejected,
                                             "duplicate id in this input; the first is at " +
                                                 describe(first->second)});
                n.record.reset();
            } else {
                seen_here_.emplace(id, source.position);
            }
        }
        bool repaired = false;
        for (auto& p : n.problems) {
            repaired = repaired || p.severity == Severity::repaired;
            summary_.problems.push_back(std::move(p));
        }
        if (!n.record) {
            ++summary_.rejected;
            rejected_.push_back(&source);
            return {};
        }
        summary_.repaired += repaired ? 1 : 0;
        release(source);
        std::string id = n.record->id;
        if (const auto it = index_of_.find(id); it != index_of_.end()) {
            merge_into(records_[it->second], *n.record);
        } else {
            index_of_.emplace(id, records_.size());
            records_.push_back(std::move(*n.record));
        }
        return id;
    }

    [[nodiscard]] std::vector<AlgorithmRecord>& records() { return records_; }
    /// Hands over the records so far and starts an empty register (a history line stands
    /// alone: nothing merges across lines).
    [[nodiscard]] std::vector<AlgorithmRecord> take_records() {
        index_of_.clear();
        return std::exchange(records_, {});
    }
    [[nodiscard]] const std::vector<const SourceRecord*>& rejected() const { return rejected_; }

  private:
    static void release(SourceRecord& source) {
        source.value = nullptr;
        std::string().swap(source.raw);
    }

    IndexSummary& summary_;
    std::vector<AlgorithmRecord> records_;
    std::unordered_map<std::string, std::size_t> index_of_;
    std::unordered_map<std::string, SourcePosition> seen_here_;
    std::vector<const SourceRecord*> rejected_;
};

/// Merges external assessment statements into `records` by lars; returns how many statements
/// name a lars that is not among them.
std::size_t merge_external(std::vector<AlgorithmRecord>& records,
                           const std::vector<AssessmentFile>& files) {
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < records.size(); ++i) {
        index_of.emplace(records[i].id, i);
    }
    std::size_t unmatched = 0;
    std::map<std::size_t, std::vector<ExternalAssessment>> by_record;
    for (const auto& file : files) {
        for (const auto& external : file.statements) {
            const auto it = index_of.find(external.lars);
            if (it == index_of.end()) {
                ++unmatched;
                continue;
            }
            by_record[it->second].push_back(external);
        }
    }
    for (const auto& [i, statements] : by_record) {
        merge_assessments(records[i], statements);
    }
    return unmatched;
}

/// Stores the risk classifications with their evidence in every record (docs/risk-profiles.md),
/// last, so that they see the merged text.
void store_risk_classification(std::vector<AlgorithmRecord>& records,
                               search::RiskClassifier& classify) {
    for (auto& r : records) {
        r.risk_evidence = classify(r);
    }
}

std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

void add_changes(IndexChanges& total, IndexChanges&& run) {
    auto append = [](std::vector<std::string>& to, std::vector<std::string>& from) {
        to.insert(to.end(), std::make_move_iterator(from.begin()),
                  std::make_move_iterator(from.end()));
    };
    append(total.added, run.added);
    append(total.changed, run.changed);
    append(total.removed, run.removed);
    append(total.rewritten, run.rewritten);
    total.unchanged = run.unchanged;
    total.committed = total.committed || run.committed;
    total.revision = run.revision;
    total.document_count = run.document_count;
    if (run.history_revision != 0) {
        total.history_revision = run.history_revision;
    }
}

/// One snapshot of a replayed history file: the records after its line, normalised.
struct ReplayStep {
    const ChangeSet* change_set;
    std::string timestamp;                ///< utc_timestamp(fetched_at)
    std::vector<AlgorithmRecord> upserts; ///< accepted ones
    std::vector<std::string> rejected;    ///< ids whose upsert was rejected: gone from the line on
};

} // namespace

namespace {

/// The organisation hierarchy for the ministries: the one this run brings (a sync), else the
/// one a sync stored in the index earlier, else "".
std::string organisation_hierarchy(const IndexOptions& options,
                                   const std::map<std::string, std::string>& extra_metadata) {
    const std::string key(metadata_organisations);
    if (const auto it = extra_metadata.find(key); it != extra_metadata.end()) {
        return it->second;
    }
    try {
        return Xapian::Database(options.db_path).get_metadata(key);
    } catch (const Xapian::Error&) {
        return {}; // no index yet
    }
}

/// True when the index at `path` holds no entries (the writer has just created or opened it).
bool empty_index(const std::string& path) {
    return Xapian::Database(path).get_doccount() == 0;
}

/// Steps 2 and 3 of indexing, shared by `algreg index` (files) and `algreg sync` (a snapshot
/// fetched into memory): normalise, merge, write atomically with the history revision.
IndexSummary index_read(std::vector<SourceFile> files, std::vector<ChangeSet> change_sets,
                        const std::vector<std::string>& inputs, const IndexOptions& options,
                        const std::map<std::string, std::string>& extra_metadata,
                        HistoryImport history, std::ostream& log) {
    IndexSummary summary;
    set_flush_threshold();
    for (const auto& file : files) {
        summary.bytes += file.bytes;
        if (!file.fetched_at.empty()) {
            // Stored in the index and dating the revision: never kept verbatim when garbage.
            if (!utc_timestamp(file.fetched_at)) {
                throw search::InputError(
                    file.path, 0, 0,
                    "field fetched_at: '" + file.fetched_at.substr(0, 64) +
                        "' is not a date-time (YYYY-MM-DDTHH:MM:SSZ, or with an offset); fix it "
                        "or leave it out (nothing was indexed)");
            }
            summary.snapshot = file.fetched_at;
        }
    }
    const bool replay = !change_sets.empty();
    if (replay) {
        // The change sets are what is replayed; the file's final snapshot (the same records
        // once more) is not needed.
        for (auto& file : files) {
            std::vector<SourceRecord>().swap(file.records);
        }
    }
    if (replay && !options.as_of.empty()) {
        throw std::invalid_argument(
            "--as-of cannot be used when replaying a history file: each of its lines is a "
            "snapshot with its own fetched_at; leave out --as-of");
    }
    std::vector<AssessmentFile> assessment_files;
    for (const auto& path : options.assessment_files) {
        assessment_files.push_back(read_assessments_csv(path));
    }
    std::vector<std::pair<std::string, std::string>> synonyms;
    if (!options.abbreviations_path.empty()) {
        synonyms = synonym_pairs(read_abbreviations(options.abbreviations_path));
        if (const auto related = related_words_beside(options.abbreviations_path);
            !related.empty()) {
            const auto pairs = synonym_pairs(read_related_words(related));
            synonyms.insert(synonyms.end(), pairs.begin(), pairs.end());
        }
    }
    search::RiskClassifier classify_risk; // one for all snapshots of this run
    const MinistryTable ministries = options.ministries_path.empty()
                                         ? MinistryTable()
                                         : read_ministries(options.ministries_path);
    const auto hierarchy =
        ministries_from_hierarchy(organisation_hierarchy(options, extra_metadata));

    // 2. Normalise.
    RegisterBuilder builder(summary);
    std::vector<ReplayStep> steps;
    ProgressBar reading(log, "normaliseren", options.progress);
    if (replay) {
        std::size_t total = 0;
        for (const auto& set : change_sets) {
            total += set.upserts.size();
        }
        std::size_t done = 0;
        for (auto& set : change_sets) {
            ReplayStep step{&set, {}, {}, {}};
            const auto timestamp = utc_timestamp(set.fetched_at);
            if (!timestamp) {
                throw search::InputError(set.position.file, set.position.line, set.position.column,
                                         "fetched_at '" + set.fetched_at +
                                             "' is not a date-time (YYYY-MM-DDTHH:MM:SSZ); every "
                                             "line of a history file needs one to be replayed");
            }
            step.timestamp = *timestamp;
            builder.next_input();
            builder.reserve(set.upserts.size());
            for (auto& source : set.upserts) {
                reading.update(++done, total);
                if (builder.add(source, InputFormat::listing).empty()) {
                    if (const auto id = source.value.find("id");
                        source.value.is_object() && id != source.value.end() && id->is_string()) {
                        step.rejected.push_back(id->get<std::string>());
                    }
                }
            }
            step.upserts = builder.take_records();
            steps.push_back(std::move(step));
        }
    } else {
        std::size_t total = 0;
        for (const auto& file : files) {
            total += file.records.size();
        }
        builder.reserve(total); // an upper bound: merged records take no room of their own
        std::size_t done = 0;
        for (auto& file : files) {
            builder.next_input();
            for (auto& source : file.records) {
                reading.update(++done, total);
                (void)builder.add(source, file.format);
            }
        }
    }
    reading.finish();
    for (auto& file : assessment_files) {
        for (auto& p : file.problems) {
            summary.problems.push_back(std::move(p));
        }
        file.problems.clear();
    }
    for (const auto& p : summary.problems) {
        if (!options.quiet || p.severity == Severity::rejected) {
            log << describe(p) << '\n';
        }
    }

    if (options.refuse_rejected && !builder.rejected().empty()) {
        throw RejectedRecordsError(std::to_string(builder.rejected().size()) +
                                   " of the snapshot's records were rejected (see the messages "
                                   "above); nothing was written");
    }

    // 3. Write, atomically: one transaction per snapshot, its history revision included.
    std::map<std::string, std::string> metadata = extra_metadata;
    metadata[std::string(search::metadata_layout)] = std::string(search::layout_version);
    IndexWriter writer(options.db_path);
    const UpdateMode mode = options.upsert ? UpdateMode::upsert : UpdateMode::snapshot;
    auto record = [&](const IndexChanges& changes) {
        if (changes.history_revision != 0) {
            summary.revisions_recorded += changes.revisions_recorded;
            summary.revision_date = changes.history_date;
        }
    };
    if (replay) {
        std::string newest = writer.last_revision_timestamp();
        std::map<std::string, AlgorithmRecord> state;
        ProgressBar writing(log, "indexeren   ", options.progress);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            auto& step = steps[i];
            // As read_source replays a history: upserts replace whole records, then removals.
            for (const auto& id : step.rejected) {
                state.erase(id);
            }
            for (auto& r : step.upserts) {
                std::string id = r.id;
                state.insert_or_assign(std::move(id), std::move(r));
            }
            for (const auto& id : step.change_set->removed) {
                state.erase(id);
            }
            if (step.timestamp <= newest) {
                ++summary.snapshots_skipped;
                continue;
            }
            std::vector<AlgorithmRecord> records;
            records.reserve(state.size());
            for (const auto& [id, r] : state) {
                records.push_back(r);
            }
            summary.unmatched_assessments = merge_external(records, assessment_files);
            assign_ministries(records, ministries, hierarchy);
            store_risk_classification(records, classify_risk);
            metadata[std::string(search::metadata_snapshot)] = step.change_set->fetched_at;
            auto changes = writer.apply(
                records, mode, synonyms, metadata, {},
                RevisionStamp{step.timestamp, true, inputs, false, options.allow_mass_removal});
            record(changes);
            add_changes(summary.changes, std::move(changes));
            newest = step.timestamp;
            writing.update(i + 1, steps.size());
        }
        writing.finish();
        if (summary.changes.revision == 0) { // every line was on record already
            const Xapian::Database now(options.db_path);
            summary.changes.revision = now.get_revision();
            summary.changes.document_count = now.get_doccount();
            summary.changes.unchanged = now.get_doccount();
        }
    } else {
        auto& records = builder.records();
        summary.unmatched_assessments = merge_external(records, assessment_files);
        assign_ministries(records, ministries, hierarchy);
        store_risk_classification(records, classify_risk);
        RevisionStamp stamp{options.as_of, true, inputs, options.allow_older,
                            options.allow_mass_removal};
        if (stamp.timestamp.empty() && !summary.snapshot.empty()) {
            stamp.timestamp = *utc_timestamp(summary.snapshot); // checked when read
        }
        if (stamp.timestamp.empty()) {
            stamp.timestamp = current_utc_timestamp();
            stamp.snapshot_time = false;
        }
        const std::string newest = writer.last_revision_timestamp();
        if (stamp.snapshot_time && !options.allow_older && !newest.empty() &&
            stamp.timestamp.substr(0, 10) < newest.substr(0, 10)) {
            throw OlderSnapshotError(
                "the input is a snapshot of " + stamp.timestamp.substr(0, 10) +
                (options.as_of.empty() ? " (its fetched_at)" : " (--as-of)") +
                ", older than the newest revision in the index's history, " + newest.substr(0, 10) +
                "; nothing was written. To record it anyway as the newest revision, run again "
                "with --allow-older");
        }
        if (!summary.snapshot.empty()) {
            metadata.emplace(std::string(search::metadata_snapshot), summary.snapshot);
        }
        ProgressBar writing(log, "indexeren   ", options.progress);
        const auto progress = [&](std::size_t d, std::size_t t) { writing.update(d, t); };
        if (!history.days.empty() && newest.empty() && empty_index(options.db_path)) {
            // The publication history first, one upsert revision per day, then the snapshot:
            // one commit, so there is never a history without the register it leads to.
            for (auto& day : history.days) {
                (void)merge_external(day.records, assessment_files);
                assign_ministries(day.records, ministries, hierarchy);
                store_risk_classification(day.records, classify_risk);
            }
            (void)take_newest_from_snapshot(history.days, records);
            std::vector<RevisionStep> dated;
            dated.reserve(history.days.size() + 1);
            for (auto& day : history.days) {
                dated.push_back(
                    RevisionStep{std::move(day.records), UpdateMode::upsert,
                                 RevisionStamp{day.timestamp, true, {history.input}, false, false},
                                 std::move(day.same_form)});
            }
            summary.history_days = history.days.size();
            dated.push_back(RevisionStep{std::move(records), mode, stamp, {}});
            summary.changes = writer.apply_steps(dated, synonyms, metadata, progress);
        } else {
            summary.changes = writer.apply(records, mode, synonyms, metadata, progress, stamp);
        }
        writing.finish();
        record(summary.changes);
    }

    if (!builder.rejected().empty()) {
        summary.rejects_path = options.rejects_path.empty() ? options.db_path + ".rejects.jsonl"
                                                            : options.rejects_path;
        write_rejects(summary.rejects_path, builder.rejected(), summary.problems);
    }
    return summary;
}

} // namespace

IndexSummary run_index(const IndexOptions& options, std::ostream& log) {
    // 1. Read everything first: a malformed file stops the run before the index is touched.
    std::vector<SourceFile> files;
    std::vector<ChangeSet> change_sets;
    std::vector<std::string> inputs;
    for (const auto& input : options.inputs) {
        auto read = read_source_with_history(input, options.format);
        if (options.inputs.size() == 1 && !options.upsert && !read.change_sets.empty()) {
            change_sets = std::move(read.change_sets);
        }
        files.push_back(std::move(read.file));
        inputs.push_back(file_name(input));
    }
    return index_read(std::move(files), std::move(change_sets), inputs, options, {}, {}, log);
}

IndexSummary index_sources(std::vector<SourceFile> sources, const std::vector<std::string>& inputs,
                           const IndexOptions& options,
                           const std::map<std::string, std::string>& metadata, std::ostream& log,
                           HistoryImport history) {
    return index_read(std::move(sources), {}, inputs, options, metadata, std::move(history), log);
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
    if (!s.changes.rewritten.empty()) {
        out +=
            "; rewritten " + std::to_string(s.changes.rewritten.size()) + " without content change";
    }
    if (s.revisions_recorded > 0) {
        out += "; history: " + std::to_string(s.revisions_recorded) +
               (s.revisions_recorded == 1 ? " revision" : " revisions") + " recorded, newest " +
               std::to_string(s.changes.history_revision) + " of " + s.revision_date;
    }
    if (s.snapshots_skipped > 0) {
        out += "; " + std::to_string(s.snapshots_skipped) +
               " snapshots skipped (not newer than the history)";
    }
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
  history   change sets {fetched_at, upserts, removed} per line; as the only input it is
            replayed line by line, one history revision per line (lines not newer than
            the index's newest revision are skipped); otherwise read as its last snapshot

Options:
  --db DIR              index directory (default: data/index)
  --assessments CSV     DPIA/IAMA statements lars,assessment,status,date,link,source
                        (repeatable)
  --abbreviations TSV   abbreviation list for synonyms (default: the bundled list);
                        related-words-nl.tsv in the same folder is read too
  --no-abbreviations    write no synonyms
  --ministries TSV      the ministry of each organisation (default: the bundled table;
                        a synced organisation hierarchy wins over it)
  --no-ministries       ministries only from a synced hierarchy
  --upsert              only add and change entries; by default the inputs are the whole
                        register and entries missing from them are removed
  --format NAME         auto, listing, official, csv, ndjson, history
  --rejects FILE        where rejected raw records go (default: DIR.rejects.jsonl)
  --as-of DATE          the date (YYYY-MM-DD) or UTC date-time (YYYY-MM-DDTHH:MM:SSZ) of
                        the snapshot for the history (default: the input's fetched_at,
                        else the current time)
  --allow-older         record a snapshot dated before the index's newest revision
  --allow-mass-removal  apply a full snapshot that removes more than 10 % of the entries
  --quiet               print rejections and the summary only
  --help                this text

Exit codes:
  0  indexed (records may have been repaired; see the messages)
  1  indexed, but some records were rejected (see the rejects file)
  2  an input file is unreadable or malformed: nothing was written
  3  another process is writing the index: nothing was written
  4  the index cannot be opened or written: nothing was written
  5  the snapshot is older than the index's newest revision (see --allow-older):
     nothing was written
  6  the snapshot would remove more than 10 % of the entries (see
     --allow-mass-removal): nothing was written
  7  the snapshot holds no records (empty, unreadable or all rejected): nothing was
     written
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
        } else if (arg == "--ministries") {
            options.ministries_path = value();
        } else if (arg == "--no-ministries") {
            options.ministries_path.clear();
        } else if (arg == "--upsert") {
            options.upsert = true;
        } else if (arg == "--format") {
            options.format = parse_input_format(value());
        } else if (arg == "--rejects") {
            options.rejects_path = value();
        } else if (arg == "--quiet") {
            options.quiet = true;
        } else if (arg == "--as-of") {
            const std::string& given = value();
            const auto timestamp = utc_timestamp(given);
            if (!timestamp) {
                throw std::invalid_argument(
                    "--as-of '" + given +
                    "' is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ, or with an "
                    "offset such as +02:00); for example --as-of 2026-08-08");
            }
            options.as_of = *timestamp;
        } else if (arg == "--allow-older") {
            options.allow_older = true;
        } else if (arg == "--allow-mass-removal") {
            options.allow_mass_removal = true;
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
