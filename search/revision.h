// Everything the searcher derives from one index revision and keeps in memory: the vocabulary
// (spelling words, stems per field), the abbreviation table, the facet arrays and the folded
// titles for suggestions. RevisionData is immutable once loaded, so the searchers of all
// threads can share one through RevisionCache; each searcher still reads through its own
// Xapian::Database (Xapian handles are not thread-safe).
#pragma once

#include "search/facets.h"
#include "search/history.h"
#include "search/synonyms.h"
#include "search/vocabulary.h"

#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// The identity of the revision a database handle has open: "<uuid>@<revision>".
[[nodiscard]] std::string revision_key(const Xapian::Database& db);

/// The sort key of "newest registered" (Sort::newest_registered), ascending: the earliest date
/// the entry is known to exist (its register date `changed` or the day the listing first saw
/// it, `added`, whichever is earlier; the listing's first-seen day alone would tie 1,430
/// entries of its first day), newest first; then `changed`, newest first; then the folded
/// name. Missing dates sort last. From the value slots added, changed and name.
[[nodiscard]] std::string newest_sort_key(std::string_view added, std::string_view changed,
                                          std::string_view folded_name);

struct TitleEntry {
    std::string folded; ///< fold(name), from the name value slot
    Xapian::docid docid;
};

struct RevisionData {
    std::string key;
    Xapian::rev revision = 0;
    Xapian::doccount doc_count = 0;
    Vocabulary vocabulary;
    SynonymTable synonyms;
    FacetIndex facets;
    std::vector<TitleEntry> titles; ///< by docid
    /// Every docid in the order of each sort, as Xapian would sort an empty query (ties by
    /// docid): pages of queries without text come from these, without a matching pass.
    std::vector<Xapian::docid> by_changed;      ///< last changed, newest first
    std::vector<Xapian::docid> by_added;        ///< newest_sort_key() ascending
    std::vector<Xapian::docid> by_name;         ///< folded name
    std::vector<Xapian::docid> by_organisation; ///< folded organisation, then folded name
    /// The register's history (history.h), read once per revision; never null (empty for an
    /// index without history).
    std::shared_ptr<const HistoryLog> history;
    /// Only in an as-of index (as_of.h): id -> YYYY-MM-DD removal date of its entries that are
    /// not in the register now (metadata_as_of_removed); empty for the live index.
    std::map<std::string, std::string, std::less<>> as_of_removed;

    /// Reads it all from `db` (about 20 ms for the real register). May throw
    /// Xapian::DatabaseModifiedError when the revision goes away meanwhile.
    [[nodiscard]] static std::shared_ptr<const RevisionData> load(const Xapian::Database& db);
};

/// Shares RevisionData between searchers (and threads). Thread-safe. Keeps the two newest
/// revisions; a revision is loaded once even when several threads ask for it at the same time.
class RevisionCache {
  public:
    /// The data for the revision `db` has open, loading it (with `db`) when needed.
    [[nodiscard]] std::shared_ptr<const RevisionData> get(const Xapian::Database& db);

  private:
    using Future = std::shared_future<std::shared_ptr<const RevisionData>>;
    std::mutex mutex_;
    std::vector<std::pair<std::string, Future>> entries_; ///< oldest first
};

} // namespace algreg::search
