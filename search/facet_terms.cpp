#include "search/facet_terms.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/completeness.h"
#include "search/risk_profile.h"
#include "search/schema.h"

#include <array>
#include <utility>

namespace algreg::search {

std::string_view status_value(std::string_view normalised_status) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 3> codes{{
        {"In gebruik", "in_gebruik"},
        {"In ontwikkeling", "ontwikkeling"},
        {"Buiten gebruik", "buiten_gebruik"},
    }};
    for (const auto& [label, code] : codes) {
        if (label == normalised_status) {
            return code;
        }
    }
    return {};
}

std::vector<std::string> facet_terms(const AlgorithmRecord& r) {
    std::vector<std::string> terms;
    auto add = [&](const Facet& f, std::string_view value) {
        if (!value.empty()) {
            terms.push_back(std::string(f.prefix).append(value));
        }
    };
    add(facet::organisation, slug(r.organization));
    add(facet::organisation_type, r.organization_type.empty() ? "onbekend" : r.organization_type);
    add(facet::ministry, slug(r.ministry));
    add(facet::status, r.status.empty() ? std::string_view("onbekend") : status_value(r.status));
    add(facet::category, slug(r.publication_category));
    for (const auto& theme : r.category) {
        add(facet::theme, slug(theme));
    }
    for (const auto& a : r.assessments) {
        add(facet::assessment, assessment_value(a.type, a.state));
    }
    add(facet::impactassessment, slug(r.impactassessment));
    const bool legal = !r.lawful_basis.empty() || !r.lawful_basis_grouping.empty();
    add(facet::legal_basis, legal ? "ja" : "nee");
    if (r.changed.size() >= 4) {
        add(facet::year, r.changed.substr(0, 4));
    }
    add(facet::standard, slug(r.standard_version));
    // Only the per-record parts of check() (band and missing fields); they do not depend on
    // CheckOptions::today or on other records, so the terms are a function of the record alone.
    const Completeness completeness = check(r);
    add(facet::completeness_band, to_string(completeness.band));
    for (const auto key : completeness.missing) {
        add(facet::missing_field, key);
    }
    // From the evidence the indexer stored (classify_risk), not from the rules now: a record
    // read back from an index filters as it was indexed.
    add(facet::risk_profile, is_risk_profile(r) ? "ja" : "nee");
    for (const auto& c : characteristics_of(r)) {
        add(facet::characteristic, c);
    }
    add(facet::human_intervention, r.listing_only                 ? "onbekend"
                                   : r.human_intervention.empty() ? "niet_beschreven"
                                                                  : "beschreven");
    return terms;
}

} // namespace algreg::search
