// SourceRecord (any format, any standard) -> AlgorithmRecord, with every repair and rejection
// reported as a Problem value. The rules are documented in docs/indexing.md.
#pragma once

#include "indexer/problem.h"
#include "indexer/source_record.h"
#include "search/record.h"

#include <optional>
#include <vector>

namespace algreg::indexer {

struct Normalised {
    std::optional<search::AlgorithmRecord> record; ///< empty when rejected (or a header row)
    std::vector<Problem> problems;
    bool header_row = false; ///< a 0.2 header row (labels, descriptions): skipped, not an error
};

/// Hard cap on any one text field: field_cap_factor times the field's 1.0 maximum, but never
/// below field_cap_floor characters (older standards allowed longer texts, which are real
/// content), and never above field_cap_bytes. Longer values are truncated and reported; values
/// between the maximum and the cap are kept whole (the completeness check reports them).
inline constexpr std::size_t field_cap_factor = 10;
inline constexpr std::size_t field_cap_floor = 5000;
inline constexpr std::size_t field_cap_bytes = 64 * 1024;

/// Normalises one record read from a file of format `format`.
[[nodiscard]] Normalised normalise(const SourceRecord& source, InputFormat format);

/// Merges `later` into `earlier` for the same id coming from different inputs: non-empty fields
/// of `later` replace those of `earlier`; listing-only facts (added, impactassessment) are kept
/// when `later` lacks them; assessment statements are combined.
void merge_into(search::AlgorithmRecord& earlier, const search::AlgorithmRecord& later);

} // namespace algreg::indexer
