// The DPIA/IAMA page /impacttoetsen: per assessment type a table of uitgevoerd / niet
// uitgevoerd / onbekend / niet vermeld by organisation type and by publication category, and
// the list "verwacht maar niet vermeld" (entries where the rules expect a DPIA or IAMA/FRIA
// that is not mentioned), filterable by organisation type with a plain GET form.
#pragma once

#include "search/completeness_report.h"
#include "web/page_layout.h"

#include <string>

namespace algreg::web {

/// `view.expected` is the whole list; `type` ("" = all, "onbekend" = without a type) filters it
/// on the page; the filter offers the types that occur in the whole list.
[[nodiscard]] std::string render_assessments_page(const search::AssessmentView& view,
                                                  const std::string& type,
                                                  const PageOptions& options);

} // namespace algreg::web
