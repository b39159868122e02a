// The completeness pages (docs/completeness.md):
//   /volledigheid                      every organisation in one table, sortable by any column
//                                      through links (?sort=, server-side, no script needed)
//   /organisatie/{slug}/volledigheid   one organisation: per field how many entries fill it
//                                      (with bars), per rule the entries that break it, and
//                                      the score of every entry
// Both link to their JSON and CSV under /api/v1. Every text is escaped.
#pragma once

#include "search/completeness_report.h"
#include "web/page_layout.h"

#include <string>
#include <vector>

namespace algreg::web {

/// The register-wide table; `rows` sorted by `sort` (organisation_rows()).
[[nodiscard]] std::string render_completeness_page(const std::vector<search::OrganisationRow>& rows,
                                                   search::OrganisationSort sort,
                                                   const PageOptions& options);

/// One organisation's page.
[[nodiscard]] std::string
render_organisation_completeness_page(const search::OrganisationReport& report,
                                      const PageOptions& options);

/// "66,0%" (nl) / "66.0%" (en); "–" for nullopt.
[[nodiscard]] std::string format_percent(std::optional<double> value, Lang lang);

/// The Dutch label of an organisation type key in `lang` ("" or "onbekend": "Onbekend").
[[nodiscard]] std::string organisation_type_text(std::string_view key, Lang lang);

} // namespace algreg::web
