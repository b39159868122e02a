// The one route table: method, path pattern, documented path, handler. The server registers
// it (plus 405 answers for the other methods and CORS preflight on every known path), the
// OpenAPI document is generated from it, and metrics are labelled by its paths.
#pragma once

#include "web/app.h"

#include <httplib.h>
#include <span>
#include <string_view>

namespace algreg::web {

using Handler = void (*)(App&, const httplib::Request&, httplib::Response&);

enum class Api { ours, official, operations };

struct Route {
    std::string_view method;  ///< "GET" or "POST"
    std::string_view pattern; ///< httplib regular expression over the decoded path
    std::string_view path;    ///< OpenAPI path template; also the metrics route label
    std::string_view summary;
    Api api;
    Handler handler;
};

/// Every route, in registration order (specific patterns before general ones).
[[nodiscard]] std::span<const Route> routes();

/// Registers routes() on `server`; handlers get `app`, which must outlive the server.
/// Adds, per distinct pattern: 405 (with Allow) for the methods it lacks, and an OPTIONS
/// preflight answer (204 with the CORS headers).
void register_routes(httplib::Server& server, App& app);

} // namespace algreg::web
