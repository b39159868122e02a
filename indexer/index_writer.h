// IndexWriter: the only WritableDatabase. Applies a set of normalised records to the index as
// one atomic transaction: readers see the old revision or the new one, never a mix.
#pragma once

#include "search/record.h"

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace algreg::indexer {

enum class UpdateMode {
    snapshot, ///< the records are the whole register: ids not among them are removed
    upsert,   ///< only add and change; nothing is removed
};

struct IndexChanges {
    std::vector<std::string> added;
    std::vector<std::string> changed;
    std::vector<std::string> removed;
    std::size_t unchanged = 0;
    bool committed = false;   ///< false when nothing changed (no new revision)
    Xapian::rev revision = 0; ///< the index revision after the run
    std::size_t document_count = 0;
};

/// Progress: (records done, records total).
using ProgressFn = std::function<void(std::size_t, std::size_t)>;

class IndexWriter {
  public:
    /// Opens the database at `path`, creating it if needed. Throws search::IndexBusyError when
    /// another process is writing it, search::IndexUnavailableError when it cannot be opened.
    explicit IndexWriter(const std::string& path);

    /// Applies `records` (ids unique) in one transaction together with the synonym pairs and
    /// metadata. Unchanged records (same serialised data) are not rewritten; when nothing at all
    /// changes, no transaction is committed and the revision stays the same. On any error the
    /// transaction is cancelled and the index is left as it was.
    IndexChanges apply(const std::vector<search::AlgorithmRecord>& records, UpdateMode mode,
                       const std::vector<std::pair<std::string, std::string>>& synonyms,
                       const std::map<std::string, std::string>& metadata,
                       const ProgressFn& progress = {});

  private:
    /// Opens db_ at path_ (the constructor's errors).
    void open();

    std::string path_;
    Xapian::WritableDatabase db_;
    bool reopen_ = false; ///< db_ was closed after a parallel build and must be opened again
};

/// Serialises a record as stored in the index (compact JSON, keys sorted): the comparison
/// that decides "changed".
[[nodiscard]] std::string serialise(const search::AlgorithmRecord& record);

} // namespace algreg::indexer
