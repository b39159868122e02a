// The API reference page (/api-docs, /en/api-docs): a readable HTML view of the OpenAPI
// document the server publishes (web/openapi.h), made from that document at run time so that
// the page cannot drift from the API: every path and method with its summary, parameters
// (name, place, type, required, description), request body, responses with their schemas,
// an example request link for GETs, and every schema in components with its properties. The
// raw document stays at /api/v1/openapi.json and is linked.
#pragma once

#include "web/page_layout.h"

#include <nlohmann/json.hpp>
#include <string>

namespace algreg::web {

/// The whole page for `openapi` (an OpenAPI 3.0 document as openapi_document() builds it).
[[nodiscard]] std::string render_api_docs_page(const nlohmann::json& openapi,
                                               const PageOptions& options);

} // namespace algreg::web
