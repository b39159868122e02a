// Searcher: the read side of one index. Owns one Xapian::Database and answers searches,
// look-ups by id, "more like this" and suggestions, as plain values (result.h).
//
// Concurrency contract: a Searcher is NOT thread-safe (Xapian handles are not, and copies share
// their internals). Use one Searcher per thread, e.g. a thread_local one or a small pool handed
// out per request. Searchers of the same index may share one RevisionCache (SearcherOptions::
// cache) so that the in-memory data of a revision (vocabulary, facet arrays) is built once;
// RevisionCache is thread-safe and the data it hands out is immutable.
//
// New index revisions are picked up without a restart: every public call first reopens the
// database (cheap when nothing changed) and, on Xapian::DatabaseModifiedError in the middle of a
// request (the writer committed twice meanwhile), reopens and retries once. A replica kept by
// xapian-replicate that switched to a full copy (open_index.h, index_stub) is opened anew, also
// when the copy it had open was deleted in the middle of a request.
#pragma once

#include "search/analysis.h"
#include "search/changes.h"
#include "search/history.h"
#include "search/query.h"
#include "search/query_builder.h"
#include "search/record.h"
#include "search/record_cache.h"
#include "search/result.h"
#include "search/revision.h"
#include "search/snippets.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// Up to this many estimated text matches a search makes one ranked pass that also counts;
/// above it, a cheaper boolean counting pass plus a top-k ranked pass that Xapian can cut short.
inline constexpr Xapian::doccount single_pass_max_matches = 5'000;

struct SearcherOptions {
    /// Xapian time limit per matching pass, in seconds; 0 = none (the default). When a pass
    /// runs out of time the result says counts_partial (totals and facet counts are then lower
    /// bounds). Off by default: under load, Xapian 1.4.22's time limit (a timer thread) crashed
    /// the server (docs/api.md).
    double time_limit = 0;
    /// Shared per-revision data; null: the searcher makes its own cache.
    std::shared_ptr<RevisionCache> cache;
    /// Parsed records kept per searcher (record_cache.h); 0 disables it.
    std::size_t record_cache_size = 4'096;
};

class Searcher {
  public:
    /// Opens the index at `db_path`. Throws IndexUnavailableError when it does not exist, cannot
    /// be opened, or has another layout version (rebuild it with `algreg index`).
    explicit Searcher(const std::string& db_path, SearcherOptions options = {});
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;
    Searcher(Searcher&&) = default;
    Searcher& operator=(Searcher&&) = default;
    ~Searcher() = default;

    /// Runs a search: exact total, the requested page of hits with snippets, disjunctive facet
    /// counts, spelling suggestion. Out-of-bounds paging is clamped and flagged; bad query
    /// syntax falls back to plain words and is flagged. Throws BadRequest for an unknown facet
    /// name in request.filters; Xapian errors other than a modified database propagate.
    [[nodiscard]] SearchResult search(const SearchRequest& request);

    /// The record with id `id` (lars or template id). Throws NotFound.
    [[nodiscard]] AlgorithmRecord find(std::string_view id);

    /// Up to `count` entries most like entry `id` (by its most significant text terms), without
    /// the entry itself, best first. Throws NotFound.
    [[nodiscard]] std::vector<Hit> more_like_this(std::string_view id, std::size_t count = 10);

    /// Titles, organisations and index words starting with `prefix` (at a word start;
    /// accent- and case-insensitive), at most `limit` of each.
    [[nodiscard]] Suggestions suggest(std::string_view prefix, std::size_t limit = 8);

    /// The values of facet `facet` whose label contains `contains` (accent-insensitive), with
    /// their disjunctive counts under `request`, most frequent first. For long lists
    /// (organisations). Throws BadRequest for an unknown facet.
    [[nodiscard]] std::vector<FacetCount> facet_values(const SearchRequest& request,
                                                       std::string_view facet,
                                                       std::string_view contains,
                                                       std::size_t limit = 50);

    /// The events of the history (history.h) matching `request`, newest first, one page.
    /// Throws BadRequest for an invalid date or unknown facet name.
    [[nodiscard]] ChangesPage changes(const ChangesRequest& request);

    /// Every event of entry `id`, oldest first, also for an entry no longer in the register.
    /// Throws NotFound when the id never occurs in the index or its history.
    [[nodiscard]] std::vector<EntryEvent> history(std::string_view id);

    /// The last record of an entry that is no longer in the register (as it was when it was
    /// removed), or nullopt.
    [[nodiscard]] std::optional<AlgorithmRecord> removed_record(std::string_view id);

    /// The revision currently open (after picking up a newer one).
    [[nodiscard]] Xapian::rev revision();

    /// Every id in the register now, sorted (byte order): for dumps of every entry, which
    /// then read the records a batch at a time with find() (an id removed meanwhile throws
    /// NotFound there). About 30 bytes per entry.
    [[nodiscard]] std::vector<std::string> ids();

    /// The history of the revision open now (never null; empty without history). Immutable,
    /// so it may be used after the searcher is returned to its pool.
    [[nodiscard]] std::shared_ptr<const HistoryLog> history_log();

  private:
    /// One matching pass: the ranked page and the counts (see run_pass).
    struct Pass {
        std::vector<std::pair<Xapian::docid, double>> page; ///< docid, weight

        std::vector<std::uint32_t> counts;
        std::size_t total = 0;
        bool partial = false;
    };

    template <class F> auto with_retry(F&& f);
    void refresh();
    SearchResult search_once(const SearchRequest& request, bool allow_correction);
    Pass run_pass(const BuiltQuery& built, const FacetSelection& selection, Sort sort,
                  std::size_t offset, std::size_t size);
    std::string correction(const ParsedQuery& parsed, const BuiltQuery& built, bool all_words);
    Hit make_hit(Xapian::docid docid, Highlighter& highlighter);
    /// changes() on the revision open now (changes.cpp).
    ChangesPage changes_once(const ChangesRequest& request);
    std::shared_ptr<const AlgorithmRecord> record(Xapian::docid docid);
    /// The record with its plain texts, from the record cache or parsed (and cached).
    std::shared_ptr<const ParsedRecord> parsed_record(Xapian::docid docid);
    Xapian::docid docid_of(std::string_view id);

    std::string path_;
    SearcherOptions options_;
    std::string stub_; ///< index_stub(path_) when db_ was opened
    Xapian::Database db_;
    std::shared_ptr<const RevisionData> data_;
    Analyzer analyzer_;
    RecordCache records_;
};

} // namespace algreg::search
