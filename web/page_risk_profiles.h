// The page "Risicoprofielen" (/risicoprofielen, docs/risk-profiles.md): the entries whose text
// says they select, score or flag persons by risk, per organisation type and per organisation:
// how many, how many with a DPIA done, with an IAMA done, without a known IAMA, with human
// intervention described, judged on title and goal only, and which characteristics they
// mention. Every number is the total of a search, and links to that search. Also the rules
// page (/risicoprofielen/regels): the bundled rules as a table.
#pragma once

#include "search/query.h"
#include "web/html_chart.h"
#include "web/page_layout.h"
#include "web/page_statistics.h"

#include <string>
#include <vector>

namespace algreg::web {

/// A number on the page and the search that produces it.
struct RiskCell {
    std::size_t count = 0;
    search::SearchRequest request;
};

/// One line of a table: all profiles, one organisation type, or one organisation.
struct RiskRow {
    std::string label;
    RiskCell profiles;
    RiskCell with_dpia;
    RiskCell with_iama;
    RiskCell without_iama;
    RiskCell human_intervention;
    RiskCell title_and_goal_only;
    std::vector<std::pair<std::string, RiskCell>> characteristics; ///< count > 0 only
};

struct RiskProfiles {
    std::size_t total_entries = 0;
    RiskRow all;
    /// The profiles judged on a full record (not listing-only): all.profiles minus
    /// all.title_and_goal_only, linked to their own search.
    RiskCell full_record;
    std::vector<RiskRow> by_type;
    std::vector<RiskRow> by_organisation;
    Chart chart; ///< IAMA done / not known per organisation type
};

/// The search of all risk profiles without an IAMA done (IAMA not done or unknown).
[[nodiscard]] search::SearchRequest risk_profiles_without_iama();

/// Builds the page's numbers with 5 + 12 counting searches (no hits).
[[nodiscard]] RiskProfiles build_risk_profiles(const SearchFunction& search, Lang lang);

/// Every cell of `profiles` (for tests: each count equals its request's total).
[[nodiscard]] std::vector<const RiskCell*> risk_cells(const RiskProfiles& profiles);

[[nodiscard]] std::string render_risk_profiles_page(const RiskProfiles& profiles,
                                                    const PageOptions& options);

/// The rules page: every bundled rule with its patterns, exclusions and reason.
[[nodiscard]] std::string render_risk_rules_page(const PageOptions& options);

} // namespace algreg::web
