// The entry page: every field of one register entry, grouped as the register groups them
// (Algemene informatie, Verantwoord gebruik, Werking), "Veld niet ingevuld" for a field the
// register always shows, the impact assessments with their sources, similar entries and a link
// to the entry on algoritmes.overheid.nl.
#pragma once

#include "search/record.h"
#include "search/result.h"
#include "web/page_layout.h"

#include <string>
#include <vector>

namespace algreg::web {

/// The complete entry page. Record text is escaped; HTML fields are sanitised again (only div,
/// br, p, ul, ol, li survive), so the page is safe whatever the index holds.
[[nodiscard]] std::string render_entry_page(const search::AlgorithmRecord& record,
                                            const std::vector<search::Hit>& similar,
                                            const PageOptions& options);

/// The entry's URL on the official register ("" when unknown).
[[nodiscard]] std::string register_link(const search::AlgorithmRecord& record);

} // namespace algreg::web
