// The entry page: every field of one register entry, grouped as the register groups them
// (Algemene informatie, Verantwoord gebruik, Werking), "Veld niet ingevuld" for a field the
// register always shows, the impact assessments with their sources, similar entries and a link
// to the entry on algoritmes.overheid.nl.
#pragma once

#include "search/completeness.h"
#include "search/history.h"
#include "search/record.h"
#include "search/result.h"
#include "web/page_layout.h"

#include <string>
#include <vector>

namespace algreg::web {

/// The complete entry page. Record text is escaped; HTML fields are sanitised again (only div,
/// br, p, ul, ol, li survive), so the page is safe whatever the index holds.
/// `history`: the entry's events (Searcher::history), shown as its "Geschiedenis" section
/// (page_entry_history.h); empty when unknown. `completeness`: the entry's result from the
/// per-revision data, shown as its "Volledigheid" section (page_entry_completeness.h); nullptr:
/// checked here without a reference date.
[[nodiscard]] std::string render_entry_page(const search::AlgorithmRecord& record,
                                            const std::vector<search::Hit>& similar,
                                            const PageOptions& options,
                                            const std::vector<search::EntryEvent>& history = {},
                                            const search::Completeness* completeness = nullptr);

/// The entry's URL on the official register ("" when unknown).
[[nodiscard]] std::string register_link(const search::AlgorithmRecord& record);

} // namespace algreg::web
