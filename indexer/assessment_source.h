// DPIA/IAMA (and other assessment) statements from outside the register: a CSV with the
// header `lars,assessment,status,date,link,source`, merged into entries by lars.
#pragma once

#include "indexer/problem.h"
#include "search/record.h"

#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

/// One statement about one entry's assessment, as read from an assessments CSV.
struct ExternalAssessment {
    std::string lars;
    search::AssessmentStatement statement; ///< type canonical, state parsed, source filled in
    SourcePosition position;
};

struct AssessmentFile {
    std::vector<ExternalAssessment> statements;
    std::vector<Problem> problems; ///< bad lines: reported and skipped (rejected)
};

/// Reads an assessments CSV. Columns by header name (any order; `date`, `link`, `source`
/// optional). `assessment`: any title or abbreviation canonical_assessment_type() knows, else
/// the line is rejected. `status`: uitgevoerd / niet uitgevoerd / onbekend, also ja/nee/yes/no/
/// done/gepland (-> onbekend); else rejected. `lars`: 8 digits with a valid check digit, else
/// rejected. An empty `source` becomes the file's base name.
/// Throws search::InputError for an unreadable or malformed file or a missing required column.
[[nodiscard]] AssessmentFile read_assessments_csv(const std::string& path);

/// The one model of an entry's impact assessments (docs/assessments.md), computed at index
/// time: statements are grouped by their own type (an empty type takes the assessment's),
/// exact duplicates dropped, every entry gets the rows DPIA, IAMA and search::kind_unknown_type,
/// and each row's state is the strongest of its statements (uitgevoerd, niet uitgevoerd,
/// onbekend, niet vermeld; niet vermeld without statements); its link and text come from the
/// newest statements with that state. Then, for listing-only records, the listing's summary
/// (impactassessment) is added as statements of source search::listing_source (§3 of the doc).
/// Every statement stays visible in Assessment::statements, newest date first; the rows are
/// sorted by type. Idempotent: listing statements are derived afresh each time.
void derive_assessments(search::AlgorithmRecord& record);

/// Adds to `record` every statement of `external` whose lars equals record.lars (none when the
/// record has no lars; a statement already present is not added twice), then
/// derive_assessments(record).
void merge_assessments(search::AlgorithmRecord& record,
                       const std::vector<ExternalAssessment>& external);

/// True when `lars` is 8 digits, d1..d7 in 1..9 and d8 = (3(d1+d3+d5+d7) + (d2+d4+d6)) mod 10.
[[nodiscard]] bool is_valid_lars(std::string_view lars);

} // namespace algreg::indexer
