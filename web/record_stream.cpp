#include "web/record_stream.h"

#include "search/errors.h"
#include "web/searcher_pool.h"

namespace algreg::web {

RecordStream::RecordStream(SearcherPool& pool, search::SearchRequest request)
    : pool_(pool), request_(std::move(request)) {
    request_.page = 1;
    request_.page_size = stream_page_size;
    request_.facets = false;
    request_.snippets = false;
    request_.spelling = false; // an export holds what was asked for, not a correction
}

std::vector<search::AlgorithmRecord> RecordStream::next() {
    std::vector<search::AlgorithmRecord> out;
    if (done_) {
        return out;
    }
    pool_.with([&](search::Searcher& searcher) {
        const auto result = searcher.search(request_);
        total_ = result.total;
        if (result.page != request_.page) {
            return; // clamped: deeper than the searcher pages
        }
        out.reserve(result.hits.size());
        for (const auto& hit : result.hits) {
            try {
                out.push_back(searcher.find(hit.id));
            } catch (const search::NotFound&) {
                // removed by a reindex between the page and the look-up: skip it
            }
        }
        done_ = result.hits.size() < request_.page_size;
    });
    delivered_ += out.size();
    ++request_.page;
    if (out.empty() || delivered_ >= max_export_rows) {
        done_ = true;
    }
    return out;
}

} // namespace algreg::web
