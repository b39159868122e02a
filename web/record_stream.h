// RecordStream: every entry matching a search, a page at a time, as full records, for the
// streamed exports. Each page borrows a searcher only while it is read, so a slow client never
// holds one. Pages follow the index as it is when each page is read: a reindex during an
// export may shift entries between pages (documented).
#pragma once

#include "search/query.h"
#include "search/record.h"

#include <cstddef>
#include <vector>

namespace algreg::web {

class SearcherPool;

/// Rows per page read from the index.
inline constexpr std::size_t stream_page_size = search::max_page_size;
/// The most rows an export can hold: the searcher pages no deeper than search::max_offset.
inline constexpr std::size_t max_export_rows = search::max_offset + stream_page_size;

class RecordStream {
  public:
    /// `request`'s page, page size, facets and snippets are replaced.
    RecordStream(SearcherPool& pool, search::SearchRequest request);

    /// The next page of records (empty at the end). The first call also sets total().
    [[nodiscard]] std::vector<search::AlgorithmRecord> next();

    /// Entries matching, known after the first next().
    [[nodiscard]] std::size_t total() const { return total_; }
    /// True when total() is above max_export_rows and the stream stops early.
    [[nodiscard]] bool truncated() const { return total_ > max_export_rows; }

  private:
    SearcherPool& pool_;
    search::SearchRequest request_;
    std::size_t total_ = 0;
    std::size_t delivered_ = 0;
    bool done_ = false;
};

} // namespace algreg::web
