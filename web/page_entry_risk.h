// The entry page's risk section (docs/risk-profiles.md): whether the rules found a risk profile
// and which characteristics, with the words each rule fired on, so that a reader can check
// the classification against the text; entries known only from the listing are marked as
// judged on title and goal only.
#pragma once

#include "search/record.h"
#include "web/page_text.h"

#include <string>

namespace algreg::web {

/// The <section id="risico"> of `record`'s stored classification. All text is escaped.
[[nodiscard]] std::string render_entry_risk(const search::AlgorithmRecord& record, Lang lang);

/// The heading of that section, for the page's table of contents.
[[nodiscard]] std::string entry_risk_heading(Lang lang);

} // namespace algreg::web
