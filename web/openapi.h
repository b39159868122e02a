// The OpenAPI 3.0 document of every route, generated from the route table (routes.h) so that
// the two cannot drift; parameters and responses per path come from a table beside it, and a
// test checks that every route has one and that every documented path answers.
#pragma once

#include <nlohmann/json.hpp>

namespace algreg::web {

/// The document served at /api/v1/openapi.json. Throws std::logic_error when a route has no
/// description (a programming error the tests catch).
[[nodiscard]] const nlohmann::json& openapi_document();

} // namespace algreg::web
