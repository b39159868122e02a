#include "indexer/index_writer.h"

#include "indexer/document_builder.h"
#include "search/errors.h"
#include "search/schema.h"

#include <future>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace algreg::indexer {

using search::AlgorithmRecord;

std::string serialise(const AlgorithmRecord& record) {
    return nlohmann::json(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

IndexWriter::IndexWriter(const std::string& path) {
    try {
        db_ = Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw search::IndexBusyError("the index at " + path +
                                     " is being written by another process; wait until it has "
                                     "finished and run again");
    } catch (const Xapian::Error& e) {
        throw search::IndexUnavailableError("cannot open the index at " + path + ": " +
                                            e.get_description());
    }
}

namespace {

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
    std::set<std::pair<std::string, std::string>> out;
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k) {
        for (auto s = db.synonyms_begin(*k); s != db.synonyms_end(*k); ++s) {
            out.emplace(*k, *s);
        }
    }
    return out;
}

/// A record to write, with its serialised data and built document.
struct Pending {
    const AlgorithmRecord* record;
    std::string data;
    Xapian::docid replace = 0; ///< 0: add
};

} // namespace

IndexChanges IndexWriter::apply(const std::vector<AlgorithmRecord>& records, UpdateMode mode,
                                const std::vector<std::pair<std::string, std::string>>& synonyms,
                                const std::map<std::string, std::string>& metadata,
                                const ProgressFn& progress) {
    IndexChanges changes;
    auto existing = existing_documents(db_);
    DocumentBuilder counter; // spelling counts, on this thread
    WordCounts spelling;

    // Plan: which records are new or changed, which existing ones go.
    std::vector<Pending> pending;
    pending.reserve(records.size());
    std::set<std::string> seen;
    for (const auto& record : records) {
        seen.insert(record.id);
        std::string data = serialise(record);
        const auto it = existing.find(record.id);
        if (it == existing.end()) {
            changes.added.push_back(record.id);
            pending.push_back({&record, std::move(data), 0});
        } else if (it->second.data != data) {
            changes.changed.push_back(record.id);
            try {
                counter.count_words(nlohmann::json::parse(it->second.data).get<AlgorithmRecord>(),
                                    -1, spelling);
            } catch (const nlohmann::json::exception&) {
                // unreadable old data: nothing to subtract
            }
            pending.push_back({&record, std::move(data), it->second.docid});
        } else {
            ++changes.unchanged;
        }
    }
    std::vector<Xapian::docid> to_delete;
    if (mode == UpdateMode::snapshot) {
        for (const auto& [id, old] : existing) {
            if (!seen.contains(id)) {
                changes.removed.push_back(id);
                to_delete.push_back(old.docid);
                try {
                    counter.count_words(nlohmann::json::parse(old.data).get<AlgorithmRecord>(), -1,
                                        spelling);
                } catch (const nlohmann::json::exception&) {
                }
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
            progress(records.size(), records.size());
        }
        return changes;
    }

    db_.begin_transaction();
    try {
        // Documents are built on a second thread one batch ahead of the writer, which is busy
        // inside Xapian's posting buffers most of the time.
        constexpr std::size_t batch_size = 512;
        DocumentBuilder builder;
        auto build_batch = [&](std::size_t begin) {
            std::vector<Xapian::Document> docs;
            const std::size_t end = std::min(begin + batch_size, pending.size());
            docs.reserve(end - begin);
            for (std::size_t i = begin; i < end; ++i) {
                docs.push_back(builder.build(*pending[i].record, pending[i].data));
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
                counter.count_words(*p.record, +1, spelling);
                if (p.replace != 0) {
                    db_.replace_document(p.replace, docs[k]);
                } else {
                    db_.add_document(docs[k]);
                }
            }
            if (progress) {
                progress(changes.unchanged + begin + docs.size(), records.size());
            }
        }
        for (const auto docid : to_delete) {
            db_.delete_document(docid);
        }
        // Spelling is written once, at the end: one call per distinct word.
        for (const auto& [word, delta] : spelling) {
            if (delta > 0) {
                db_.add_spelling(word, static_cast<Xapian::termcount>(delta));
            } else if (delta < 0) {
                db_.remove_spelling(word, static_cast<Xapian::termcount>(-delta));
            }
        }
        if (synonyms_differ) {
            std::vector<std::string> old_keys(db_.synonym_keys_begin(), db_.synonym_keys_end());
            for (const auto& key : old_keys) {
                db_.clear_synonyms(key);
            }
            for (const auto& [key, value] : wanted_synonyms) {
                db_.add_synonym(key, value);
            }
        }
        for (const auto& [key, value] : metadata) {
            db_.set_metadata(key, value);
        }
        db_.commit_transaction();
    } catch (...) {
        try {
            db_.cancel_transaction();
        } catch (const Xapian::Error&) {
            // the original error is the one to report
        }
        throw;
    }
    changes.committed = true;
    changes.revision = db_.get_revision();
    changes.document_count = db_.get_doccount();
    if (progress) {
        progress(records.size(), records.size());
    }
    return changes;
}

} // namespace algreg::indexer
