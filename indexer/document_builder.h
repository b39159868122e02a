// AlgorithmRecord -> Xapian::Document by the layout in search/schema.h: positional text terms
// (one posting per word, under its field's prefix), boolean facet terms, sort values, and the
// normalised record as data.
#pragma once

#include "search/analysis.h"
#include "search/record.h"

#include <string>
#include <unordered_map>
#include <xapian.h>

namespace algreg::indexer {

/// Folded word -> number of entries that contain it; the spelling dictionary.
using WordCounts = std::unordered_map<std::string, int>;

/// Gap in word positions between two fields, so a phrase never spans a field boundary.
inline constexpr std::uint32_t field_position_gap = 100;

/// Builds documents. Not thread-safe (it owns an Analyzer cache): one per thread.
class DocumentBuilder {
  public:
    /// The document for `record`; `data` is its serialised JSON (stored as document data).
    [[nodiscard]] Xapian::Document build(const search::AlgorithmRecord& record,
                                         const std::string& data);

    /// Adds `delta` for each distinct folded word of the record's text to `counts`.
    void count_words(const search::AlgorithmRecord& record, int delta, WordCounts& counts);

    /// The boolean filter terms of a record (prefix + value), also used by tests.
    [[nodiscard]] static std::vector<std::string> filter_terms(const search::AlgorithmRecord& r);

    /// Calls f(prefix, plain_text) for every full-text field of the record, in a fixed order.
    template <class F> static void for_each_text(const search::AlgorithmRecord& r, F&& f);

  private:
    search::Analyzer analyzer_;
};

} // namespace algreg::indexer
