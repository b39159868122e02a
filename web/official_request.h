// The official search body (POST /api/algoritme/{lang}, official-api.md §3.1), validated the
// way the official FastAPI/Pydantic v2 server does in lax mode: numeric strings and integral
// floats are accepted for integers, unknown keys are ignored, and every violation is reported
// at once as a 422 in FastAPI's shape {"detail":[{type, loc, msg, input[, ctx]}]}.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace algreg::web {

struct OfficialSearch {
    std::size_t page = 1;   ///< >= 1
    std::size_t limit = 10; ///< 1..100
    std::string searchtext;
    std::string organisation;        ///< "" = no filter
    std::string publicationcategory; ///< "" = no filter
    std::string organisationtype;    ///< a type key or ""
    std::string impact_assessment;   ///< a Dutch label of official_impact_assessments() or ""
    bool sort_by_count = false;      ///< sort_option "sort_number" (organisation facet only)
    bool operator==(const OfficialSearch&) const = default;
};

/// Parses and validates `body`. Throws ValidationError (422) with every problem found.
[[nodiscard]] OfficialSearch parse_official_search(std::string_view body);

/// Throws ValidationError unless `lang` is NLD, ENG or FRY (loc ["path", "lang"]).
void check_official_language(std::string_view lang);

/// One FastAPI error item.
[[nodiscard]] nlohmann::json validation_item(std::string_view type, nlohmann::json loc,
                                             std::string_view msg, nlohmann::json input,
                                             nlohmann::json ctx = nullptr);

} // namespace algreg::web
