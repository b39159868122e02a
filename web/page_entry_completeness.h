// The entry page's "Volledigheid" block: the official score and its band (in words, not only
// in colour), the fields the score misses, and the findings grouped by severity. For a
// listing-only entry it says "niet te controleren" with the reason instead of a score.
#pragma once

#include "search/completeness.h"
#include "search/record.h"
#include "web/page_text.h"

#include <string>

namespace algreg::web {

/// The block as a <section id="volledigheid">. `result` is the entry's completeness (from the
/// per-revision data, so cross-record findings are in); nullptr: check(record) without a
/// reference date. Every text is escaped.
[[nodiscard]] std::string render_entry_completeness(const search::AlgorithmRecord& record,
                                                    const search::Completeness* result, Lang lang);

/// The band in words with its colour class: <span class="band band-groen">Goed</span>.
[[nodiscard]] std::string band_badge(search::CompletenessBand band, Lang lang);

} // namespace algreg::web
