// A problem with one record (or one line of an assessments file): reported, then either
// repaired by a documented rule or the record is rejected. Never an exception.
#pragma once

#include "indexer/source_record.h"

#include <string>

namespace algreg::indexer {

enum class Severity {
    repaired, ///< the value was fixed by a documented rule; the record is indexed
    rejected, ///< the record is skipped and written to the rejects file
};

struct Problem {
    SourcePosition position;
    std::string record_id; ///< empty when the record has no usable id
    std::string field;     ///< empty for whole-record problems
    Severity severity = Severity::repaired;
    std::string message;
};

/// "file:line:col (record N, id X, field F): rejected: message".
[[nodiscard]] std::string describe(const Problem& problem);

} // namespace algreg::indexer
