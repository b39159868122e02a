#include "indexer/index_writer.h"

#include "indexer/document_builder.h"
#include "search/errors.h"
#include "search/history.h"
#include "search/schema.h"
#include "search/synonyms.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace algreg::indexer {

using search::AlgorithmRecord;
namespace fs = std::filesystem;

std::string serialise(const AlgorithmRecord& record) {
    return search::to_data(record);
}

IndexWriter::IndexWriter(const std::string& path) : path_(path) {
    open();
}

void IndexWriter::open() {
    // Xapian creates the index folder but not its parents: `--db data/index` in a fresh clone
    // (no data/ yet) must work as the README says.
    if (const auto parent = fs::path(path_).parent_path(); !parent.empty()) {
        std::error_code error;
        fs::create_directories(parent, error);
        if (error) {
            throw search::IndexUnavailableError("cannot create the folder " + parent.string() +
                                                " for the index at " + path_ + ": " +
                                                error.message());
        }
    }
    try {
        db_ = Xapian::WritableDatabase(path_, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw search::IndexBusyError("the index at " + path_ +
                                     " is being written by another process; wait until it has "
                                     "finished and run again");
    } catch (const Xapian::Error& e) {
        throw search::IndexUnavailableError("cannot open the index at " + path_ + ": " +
                                            e.get_description());
    }
    reopen_ = false;
}

namespace {

/// Fresh builds of at least this many documents are built as parallel runs and merged
/// (bench/README.md has the measurements behind these two numbers).
constexpr std::size_t parallel_min_documents = 1'000;
/// Documents per run: one run is one small temporary database, so its B-trees stay small...
constexpr std::size_t run_documents = 1'000;
/// ... committed every this many documents: each commit empties Xapian's in-memory posting
/// maps, whose lookups are the largest part of add_document, while fewer, larger runs keep the
/// final merge cheap (bench/README.md: 500 per run with one commit, or 250 per run, cost more).
constexpr std::size_t run_commit_documents = 250;
/// ... and never more runs than this: the merge opens every run at once, three files each, and
/// 200 runs stay well under the usual limit of 1,024 open files.
constexpr std::size_t max_runs = 200;

/// Threads that build documents: ALGREG_INDEX_WORKERS when set (1 turns parallel runs off),
/// else the number of cores; between 1 and 16.
unsigned index_workers() {
    unsigned workers = std::thread::hardware_concurrency();
    if (const char* env = std::getenv("ALGREG_INDEX_WORKERS"); env != nullptr && *env != '\0') {
        workers = static_cast<unsigned>(std::strtoul(env, nullptr, 10));
    }
    return std::clamp(workers, 1U, 16U);
}

/// Runs f(i) for i in [0, n) on `workers` threads (this one included), in strides.
/// Rethrows the first exception after every thread has finished.
template <class F> void parallel_for(std::size_t n, unsigned workers, const F& f) {
    workers = static_cast<unsigned>(std::min<std::size_t>(workers, std::max<std::size_t>(n, 1)));
    std::vector<std::exception_ptr> errors(workers);
    auto work = [&](unsigned w) {
        try {
            for (std::size_t i = w; i < n; i += workers) {
                f(i);
            }
        } catch (...) {
            errors[w] = std::current_exception();
        }
    };
    {
        std::vector<std::jthread> threads;
        for (unsigned w = 1; w < workers; ++w) {
            threads.emplace_back(work, w);
        }
        work(0);
    }
    for (const auto& e : errors) {
        if (e) {
            std::rethrow_exception(e);
        }
    }
}

struct Existing {
    Xapian::docid docid;
    std::string data;
};

std::unordered_map<std::string, Existing> existing_documents(const Xapian::Database& db) {
    std::unordered_map<std::string, Existing> out;
    const std::string q(search::prefix::id);
    for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) {
        const std::string term = *t;
        const auto p = db.postlist_begin(term);
        if (p != db.postlist_end(term)) {
            out.emplace(term.substr(q.size()), Existing{*p, db.get_document(*p).get_data()});
        }
    }
    return out;
}

std::set<std::pair<std::string, std::string>> existing_synonyms(const Xapian::Database& db) {
    const auto pairs = search::synonym_pairs(db);
    return {pairs.begin(), pairs.end()};
}

/// A record to write. `data` is its serialised JSON; for a new record it is left empty by the
/// plan and filled in by the thread that builds the document.
struct Pending {
    const AlgorithmRecord* record;
    std::string data;
    Xapian::docid replace = 0; ///< 0: add
};

const std::string& data_of(Pending& p) {
    if (p.data.empty()) {
        p.data = serialise(*p.record);
    }
    return p.data;
}

/// Frees a written record's serialised data (the document holds its own copy): otherwise
/// every record's data stayed in memory until the end of the run.
void release_data(Pending& p) {
    std::string().swap(p.data);
}

void add_counts(const WordCounts& from, WordCounts& to) {
    for (const auto& [word, delta] : from) {
        to[word] += delta;
    }
}

/// Writes the spelling deltas: one call per distinct word.
void write_spelling(Xapian::WritableDatabase& db, const WordCounts& spelling) {
    for (const auto& [word, delta] : spelling) {
        if (delta > 0) {
            db.add_spelling(word, static_cast<Xapian::termcount>(delta));
        } else if (delta < 0) {
            db.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
        }
    }
}

/// The serial path: one transaction on `db`. Documents (with their data and spelling words)
/// are built on a second thread one batch ahead of this one, which spends its time inside
/// Xapian's posting buffers.
void write_in_transaction(Xapian::WritableDatabase& db, std::vector<Pending>& pending,
                          const std::vector<Xapian::docid>& to_delete, WordCounts& spelling,
                          bool synonyms_differ,
                          const std::set<std::pair<std::string, std::string>>& wanted_synonyms,
                          const std::map<std::string, std::string>& metadata,
                          const std::function<void(std::size_t)>& progress) {
    db.begin_transaction();
    try {
        constexpr std::size_t batch_size = 512;
        DocumentBuilder builder; // used by one batch at a time, in order
        auto build_batch = [&](std::size_t begin) {
            std::vector<Xapian::Document> docs;
            const std::size_t end = std::min(begin + batch_size, pending.size());
            docs.reserve(end - begin);
            for (std::size_t i = begin; i < end; ++i) {
                docs.push_back(builder.build_counted(*pending[i].record, data_of(pending[i])));
            }
            return docs;
        };
        std::future<std::vector<Xapian::Document>> next;
        if (!pending.empty()) {
            next = std::async(std::launch::async, build_batch, 0);
        }
        for (std::size_t begin = 0; begin < pending.size(); begin += batch_size) {
            auto docs = next.get();
            if (begin + batch_size < pending.size()) {
                next = std::async(std::launch::async, build_batch, begin + batch_size);
            }
            for (std::size_t k = 0; k < docs.size(); ++k) {
                const Pending& p = pending[begin + k];
                if (p.replace != 0) {
                    db.replace_document(p.replace, docs[k]);
                } else {
                    db.add_document(docs[k]);
                }
                release_data(pending[begin + k]);
            }
            progress(begin + docs.size());
        }
        for (const auto docid : to_delete) {
            db.delete_document(docid);
        }
        builder.take_spelling(spelling); // the last batch is done
        write_spelling(db, spelling);
        if (synonyms_differ) {
            std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
            for (const auto& key : old_keys) {
                db.clear_synonyms(key);
            }
            for (const auto& [key, value] : wanted_synonyms) {
                db.add_synonym(key, value);
            }
        }
        for (const auto& [key, value] : metadata) {
            db.set_metadata(key, value);
        }
        db.commit_transaction();
    } catch (...) {
        try {
            db.cancel_transaction();
        } catch (const Xapian::Error&) {
            // the original error is the one to report
        }
        throw;
    }
}

/// Removes a directory tree when it goes out of scope. Errors are ignored: a leftover is
/// removed by the next parallel build of the same index.
class TreeRemover {
  public:
    explicit TreeRemover(fs::path dir) : dir_(std::move(dir)) {}
    TreeRemover(const TreeRemover&) = delete;
    TreeRemover& operator=(const TreeRemover&) = delete;
    ~TreeRemover() {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

  private:
    fs::path dir_;
};

/// fsync()s every file in `dir` and the directory itself; throws on failure.
void sync_directory(const fs::path& dir) {
    auto sync = [](const fs::path& p, int flags) {
        const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
        if (fd < 0 || ::fsync(fd) != 0) {
            const int error = errno;
            if (fd >= 0) {
                ::close(fd);
            }
            throw std::system_error(error, std::generic_category(), "fsync " + p.string());
        }
        ::close(fd);
    };
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.is_regular_file()) {
            sync(entry.path(), O_RDONLY);
        }
    }
    sync(dir, O_RDONLY | O_DIRECTORY);
}

/// The parallel path for a fresh index (revision 0, so empty and never read as anything but
/// empty). Builds `pending` as runs of about run_documents documents, each its own temporary
/// database, on `workers` threads (this one included); writes spelling, synonyms and metadata
/// into one more temporary database; merges them all with Xapian's compactor (docids in
/// pending order, as the serial path gives); then swaps the merged directory with the one at
/// `path` in one rename(2) (RENAME_EXCHANGE). A reader opening the index sees the empty
/// revision 0 or the whole new index, never a mix. Everything happens under `work`, which the
/// caller removes. Returns false, with the index untouched, when the directories cannot be
/// swapped (file system or kernel without RENAME_EXCHANGE, `path` a mount point); throws, with
/// the index untouched, on any other failure.
bool build_fresh_in_parallel(const std::string& path, const fs::path& work,
                             std::vector<Pending>& pending, unsigned workers,
                             const std::set<std::pair<std::string, std::string>>& synonyms,
                             const std::map<std::string, std::string>& metadata,
                             const std::function<void(std::size_t)>& progress) {
    fs::create_directories(work);
    const std::size_t runs =
        std::min(max_runs, (pending.size() + run_documents - 1) / run_documents);
    const std::size_t per_run = (pending.size() + runs - 1) / runs;
    auto run_dir = [&](std::size_t k) { return (work / ("run-" + std::to_string(k))).string(); };
    std::atomic<std::size_t> next_run{0};
    std::atomic<std::size_t> done{0};
    std::atomic<bool> failed{false};
    std::vector<WordCounts> counts(workers);
    std::vector<std::exception_ptr> errors(workers);
    auto worker = [&](unsigned w) {
        try {
            DocumentBuilder builder;
            for (std::size_t k = next_run++; k < runs && !failed; k = next_run++) {
                Xapian::WritableDatabase run(run_dir(k), Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
                const std::size_t begin = std::min(pending.size(), k * per_run);
                const std::size_t end = std::min(pending.size(), begin + per_run);
                for (std::size_t i = begin; i < end; ++i) {
                    run.add_document(
                        builder.build_counted(*pending[i].record, data_of(pending[i])));
                    release_data(pending[i]);
                    if ((i - begin) % run_commit_documents == run_commit_documents - 1) {
                        run.commit();
                    }
                }
                run.commit();
                run.close();
                done += end - begin;
                if (w == 0) {
                    progress(done);
                }
            }
            builder.take_spelling(counts[w]);
        } catch (...) {
            errors[w] = std::current_exception();
            failed = true;
        }
    };
    {
        std::vector<std::jthread> threads;
        for (unsigned w = 1; w < workers; ++w) {
            threads.emplace_back(worker, w);
        }
        worker(0);
    }
    for (const auto& e : errors) {
        if (e) {
            std::rethrow_exception(e);
        }
    }
    progress(pending.size());

    // Spelling (all entries are new, so only additions), synonyms and metadata.
    const std::string extras = (work / "extras").string();
    {
        Xapian::WritableDatabase db(extras, Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
        WordCounts spelling;
        for (const auto& c : counts) {
            add_counts(c, spelling);
        }
        write_spelling(db, spelling);
        for (const auto& [key, value] : synonyms) {
            db.add_synonym(key, value);
        }
        for (const auto& [key, value] : metadata) {
            db.set_metadata(key, value);
        }
        db.commit();
    }

    const fs::path merged = work / "merged";
    {
        Xapian::Database sources;
        for (std::size_t k = 0; k < runs; ++k) {
            sources.add_database(Xapian::Database(run_dir(k)));
        }
        sources.add_database(Xapian::Database(extras));
        sources.compact(merged.string());
    }
    sync_directory(merged);

    if (::renameat2(AT_FDCWD, path.c_str(), AT_FDCWD, merged.c_str(), RENAME_EXCHANGE) != 0) {
        // Not supported here (file system, kernel), or `path` is a mount point: nothing has
        // changed, so the serial path can still do the work.
        return false;
    }
    // Make the switch durable.
    const fs::path parent = fs::absolute(path).parent_path();
    if (const int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return true;
}

/// The newest history revision: its sequence (0: none) and timestamp.
struct LastRevision {
    std::uint32_t sequence = 0;
    std::string timestamp;
};

LastRevision last_revision(const Xapian::Database& db) {
    LastRevision last;
    const std::string key(search::metadata_last_revision);
    const std::string text = db.get_metadata(key);
    if (text.empty()) {
        return last;
    }
    auto damaged = [&](const std::string& which, const std::string& why) {
        return search::IndexUnavailableError(
            "the index's history is damaged: metadata " + which + " " + why +
            "; index the register again into a new index directory");
    };
    const auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), last.sequence);
    if (error != std::errc() || end != text.data() + text.size() || last.sequence == 0) {
        throw damaged(key, "is '" + text + "', not a revision number");
    }
    const std::string revision_key = search::revision_metadata_key(last.sequence);
    try {
        last.timestamp =
            nlohmann::json::parse(db.get_metadata(revision_key)).at("timestamp").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        throw damaged(revision_key, std::string("cannot be read (") + e.what() + ")");
    }
    return last;
}

/// A record that knows only its id: stands in for stored data that cannot be read.
AlgorithmRecord id_only(const std::string& id) {
    AlgorithmRecord r;
    r.id = id;
    return r;
}

/// The record stored as a document's data; nullopt when it cannot be read.
std::optional<AlgorithmRecord> stored_record(const std::string& data) {
    try {
        return nlohmann::json::parse(data).get<AlgorithmRecord>();
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

/// The guards of a full snapshot (IndexWriter::apply): never empty the index, never remove
/// more than mass_removal_percent of it unless allowed.
void check_snapshot_guards(std::size_t records, std::size_t existing,
                           const std::vector<std::string>& removed, const RevisionStamp& stamp) {
    if (records == 0) {
        throw EmptySnapshotError(
            "the snapshot holds no records (an empty or unreadable input, or every record "
            "rejected); applying it would remove all " +
            std::to_string(existing) + " entries; nothing was written");
    }
    if (!stamp.mass_removal_allowed && removed.size() * 100 > existing * mass_removal_percent) {
        std::string examples;
        for (std::size_t i = 0; i < removed.size() && i < 5; ++i) {
            examples += (i == 0 ? "" : ", ") + removed[i];
        }
        throw MassRemovalError(
            "the snapshot would remove " + std::to_string(removed.size()) + " of " +
            std::to_string(existing) + " entries (more than " +
            std::to_string(mass_removal_percent) + " %; e.g. " + examples +
            (removed.size() > 5 ? ", …" : "") +
            "); a register does not lose that much at once, a broken source does. Nothing was "
            "written. If the removals are real, run again with --allow-mass-removal");
    }
}

} // namespace

std::string IndexWriter::last_revision_timestamp() {
    if (reopen_) {
        open();
    }
    return last_revision(db_).timestamp;
}

IndexChanges IndexWriter::apply(const std::vector<AlgorithmRecord>& records, UpdateMode mode,
                                const std::vector<std::pair<std::string, std::string>>& synonyms,
                                const std::map<std::string, std::string>& given_metadata,
                                const ProgressFn& progress,
                                const std::optional<RevisionStamp>& stamp) {
    return apply_all({StepRef{&records, mode, stamp ? &*stamp : nullptr, nullptr}}, synonyms,
                     given_metadata, progress);
}

IndexChanges
IndexWriter::apply_steps(const std::vector<RevisionStep>& steps,
                         const std::vector<std::pair<std::string, std::string>>& synonyms,
                         const std::map<std::string, std::string>& given_metadata,
                         const ProgressFn& progress) {
    if (steps.empty()) {
        throw std::invalid_argument("IndexWriter::apply_steps: no steps");
    }
    std::vector<StepRef> refs;
    refs.reserve(steps.size());
    for (const auto& step : steps) {
        refs.push_back(StepRef{&step.records, step.mode, &step.stamp, &step.same_form});
    }
    return apply_all(refs, synonyms, given_metadata, progress);
}

IndexChanges
IndexWriter::apply_all(const std::vector<StepRef>& steps,
                       const std::vector<std::pair<std::string, std::string>>& synonyms,
                       const std::map<std::string, std::string>& given_metadata,
                       const ProgressFn& progress) {
    if (reopen_) {
        open();
    }
    IndexChanges changes;
    auto existing = existing_documents(db_);
    const unsigned workers = index_workers();
    DocumentBuilder counter; // spelling subtractions, on this thread
    WordCounts spelling;
    const bool history = steps.front().stamp != nullptr;

    // Every record serialised (in parallel): the comparison that decides "changed", and the
    // document data of those that are written.
    std::vector<std::vector<std::string>> data(steps.size());
    {
        std::vector<std::pair<std::size_t, std::size_t>> all;
        for (std::size_t s = 0; s < steps.size(); ++s) {
            data[s].resize(steps[s].records->size());
            for (std::size_t i = 0; i < data[s].size(); ++i) {
                all.emplace_back(s, i);
            }
        }
        parallel_for(all.size(), workers, [&](std::size_t k) {
            const auto [s, i] = all[k];
            data[s][i] = serialise((*steps[s].records)[i]);
        });
    }

    // The register step by step: id -> its version now (record nullptr: the stored document).
    // Each step is judged against the register the steps before it left, and recorded as its
    // own history revision in the same transaction as the documents.
    struct Current {
        const AlgorithmRecord* record = nullptr;
        const std::string* data = nullptr;
    };
    std::unordered_map<std::string, Current> current;
    current.reserve(existing.size());
    for (const auto& [id, e] : existing) {
        current.emplace(id, Current{nullptr, &e.data});
    }
    auto version_of = [](const std::string& id, const Current& c) {
        if (c.record != nullptr) {
            return *c.record;
        }
        auto stored = stored_record(*c.data);
        return stored ? std::move(*stored) : id_only(id); // unreadable: every field changed
    };
    std::map<std::string, std::string> metadata = given_metadata;
    LastRevision last = history ? last_revision(db_) : LastRevision{};
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const StepRef& step = steps[s];
        const auto& records = *step.records;
        std::vector<std::string> added;
        std::vector<search::EntryChange> content_changes;
        std::unordered_set<std::string> seen;
        seen.reserve(records.size());
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto& record = records[i];
            seen.insert(record.id);
            const auto it = current.find(record.id);
            if (it == current.end()) {
                added.push_back(record.id);
                current.emplace(record.id, Current{&record, &data[s][i]});
                continue;
            }
            if (history && *it->second.data != data[s][i]) {
                const auto before = version_of(record.id, it->second);
                auto fields = search::diff_records(before, record);
                if (step.same_form != nullptr) {
                    if (const auto form = step.same_form->find(record.id);
                        form != step.same_form->end()) {
                        const auto real = search::diff_records(before, form->second);
                        std::erase_if(fields, [&](const search::FieldChange& f) {
                            return std::none_of(real.begin(), real.end(),
                                                [&](const auto& r) { return r.field == f.field; });
                        });
                    }
                }
                if (!fields.empty()) {
                    content_changes.push_back(search::EntryChange{record.id, std::move(fields)});
                }
            }
            it->second = Current{&record, &data[s][i]};
        }
        std::vector<std::string> removed;
        std::vector<AlgorithmRecord> removed_records;
        if (step.mode == UpdateMode::snapshot) {
            for (auto it = current.begin(); it != current.end();) {
                if (seen.contains(it->first)) {
                    ++it;
                    continue;
                }
                removed.push_back(it->first);
                if (history) {
                    removed_records.push_back(version_of(it->first, it->second));
                }
                it = current.erase(it);
            }
        }
        if (!history) {
            continue;
        }
        std::sort(removed.begin(), removed.end());
        if (step.mode == UpdateMode::snapshot) {
            std::vector<std::string> removed_from_index;
            std::copy_if(removed.begin(), removed.end(), std::back_inserter(removed_from_index),
                         [&](const std::string& id) { return existing.contains(id); });
            check_snapshot_guards(records.size(), existing.size(), removed_from_index, *step.stamp);
        }
        const RevisionStamp& stamp = *step.stamp;
        const bool content = !added.empty() || !content_changes.empty() || !removed.empty();
        const bool new_time = stamp.timestamp > last.timestamp ||
                              (stamp.older_allowed && stamp.timestamp != last.timestamp);
        if (!content && !(stamp.snapshot_time && new_time)) {
            continue;
        }
        search::Revision revision;
        revision.sequence = last.sequence + 1;
        revision.timestamp = stamp.timestamp;
        revision.date = stamp.timestamp.substr(0, 10);
        revision.inputs = stamp.inputs;
        revision.entries = current.size();
        revision.added = std::move(added);
        std::sort(revision.added.begin(), revision.added.end());
        revision.changed = std::move(content_changes);
        std::sort(revision.changed.begin(), revision.changed.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        revision.removed = std::move(removed_records);
        std::sort(revision.removed.begin(), revision.removed.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        metadata[search::revision_metadata_key(revision.sequence)] =
            nlohmann::json(revision).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        metadata[std::string(search::metadata_last_revision)] = std::to_string(revision.sequence);
        last = LastRevision{revision.sequence, revision.timestamp};
        changes.history_revision = revision.sequence;
        changes.history_date = revision.date;
        ++changes.revisions_recorded;
    }

    // The documents: the register after the last step against the index. An index written in
    // another layout (search::layout_version) lacks terms this program searches by: every entry
    // given is rewritten, not only those whose data differ.
    const bool relayout =
        !existing.empty() &&
        db_.get_metadata(std::string(search::metadata_layout)) != search::layout_version;
    std::vector<Pending> pending;
    std::size_t given = 0; // the last version of each entry given by a step
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const auto& records = *steps[s].records;
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto& record = records[i];
            const auto now = current.find(record.id);
            if (now == current.end() || now->second.record != &record) {
                continue; // a later step gave a newer version, or removed the entry
            }
            ++given;
            const auto it = existing.find(record.id);
            if (it == existing.end()) {
                changes.added.push_back(record.id);
                pending.push_back({&record, std::move(data[s][i]), 0});
            } else if (relayout || it->second.data != data[s][i]) {
                const auto old = stored_record(it->second.data);
                if (old) {
                    counter.count_words(*old, -1, spelling);
                } // unreadable old data: nothing to subtract, and every field counts as changed
                if (search::diff_records(old ? *old : id_only(record.id), record).empty()) {
                    changes.rewritten.push_back(record.id);
                } else {
                    changes.changed.push_back(record.id);
                }
                pending.push_back({&record, std::move(data[s][i]), it->second.docid});
            } else {
                ++changes.unchanged;
            }
        }
    }
    data = {};
    std::vector<Xapian::docid> to_delete;
    for (const auto& [id, old] : existing) {
        if (!current.contains(id)) {
            changes.removed.push_back(id);
            to_delete.push_back(old.docid);
            if (const auto record = stored_record(old.data)) {
                counter.count_words(*record, -1, spelling);
            }
        }
    }
    std::sort(changes.removed.begin(), changes.removed.end());
    const std::set<std::pair<std::string, std::string>> wanted_synonyms(synonyms.begin(),
                                                                        synonyms.end());
    const bool synonyms_differ = wanted_synonyms != existing_synonyms(db_);
    bool metadata_differs = false;
    for (const auto& [key, value] : metadata) {
        metadata_differs = metadata_differs || db_.get_metadata(key) != value;
    }
    if (pending.empty() && to_delete.empty() && !synonyms_differ && !metadata_differs) {
        changes.revision = db_.get_revision();
        changes.document_count = db_.get_doccount();
        if (progress) {
            progress(given, given);
        }
        return changes;
    }

    auto report = [&](std::size_t written) {
        if (progress) {
            progress(changes.unchanged + written, given);
        }
    };
    bool done = false;
    if (db_.get_revision() == 0 && pending.size() >= parallel_min_documents && workers > 1) {
        // A fresh index: build in parallel runs, merge, switch. The work directory sits beside
        // the index (same file system, so the switch is one rename); a leftover of a crashed
        // run is ours to remove, since we hold the index's lock.
        const fs::path work = path_ + ".parallel-build";
        std::error_code ignored;
        fs::remove_all(work, ignored);
        const TreeRemover remove_work(work);
        done = build_fresh_in_parallel(path_, work, pending, workers, wanted_synonyms, metadata,
                                       report);
        if (done) {
            // db_ still holds the lock on the old, empty directory (now under `work`): take the
            // new one. A writer that starts in the instant between the switch and this open
            // may get the lock first; it then writes after our complete commit, and we open
            // again on the next apply().
            db_.close();
            try {
                open();
            } catch (const search::IndexBusyError&) {
                reopen_ = true;
            }
        }
    }
    if (!done) {
        write_in_transaction(db_, pending, to_delete, spelling, synonyms_differ, wanted_synonyms,
                             metadata, report);
    }
    changes.committed = true;
    if (reopen_) {
        const Xapian::Database now(path_);
        changes.revision = now.get_revision();
        changes.document_count = now.get_doccount();
    } else {
        changes.revision = db_.get_revision();
        changes.document_count = db_.get_doccount();
    }
    if (progress) {
        progress(given, given);
    }
    return changes;
}

} // namespace algreg::indexer
