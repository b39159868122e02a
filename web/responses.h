// Small helpers every handler uses to read a request and write a response: parameters in
// arrival order, JSON bodies that survive invalid UTF-8, and revision-based caching (ETag on
// the index revision, so a shared URL is cacheable and revalidates in one cheap round trip).
#pragma once

#include "web/response_cache.h"
#include "web/search_params.h"

#include <cstdint>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <string>

namespace algreg::web {

/// The query parameters of `req` (decoded).
[[nodiscard]] Params params_of(const httplib::Request& req);

/// The first value of parameter `name`, or "".
[[nodiscard]] std::string param(const Params& params, std::string_view name);

/// Serialises `body` (invalid UTF-8 replaced by U+FFFD) as application/json.
void send_json(httplib::Response& res, const nlohmann::json& body, int status = 200);

/// The ETag of everything derived from index revision `revision`: W/"r<revision>".
[[nodiscard]] std::string revision_etag(std::uint64_t revision);

/// Sets ETag and Cache-Control (shared caches may keep it, but must revalidate). Returns true
/// when the client's If-None-Match already has this revision: the response is then a bodiless
/// 304 and the handler is done.
[[nodiscard]] bool cache_by_revision(const httplib::Request& req, httplib::Response& res,
                                     std::uint64_t revision);

/// A cache key for a GET: path and every parameter (length-prefixed, so no two requests share
/// one).
[[nodiscard]] std::string request_key(const httplib::Request& req);

/// Sends the JSON cached for `key` at `revision`, or computes it with `compute()` (returning
/// nlohmann::json), sends and caches it.
template <class F>
void send_cached_json(ResponseCache& cache, httplib::Response& res, std::uint64_t revision,
                      const std::string& key, F&& compute) {
    auto body = cache.get(revision, key);
    if (!body) {
        body = std::make_shared<const std::string>(
            compute().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        cache.put(revision, key, body);
    }
    res.status = 200;
    res.set_content(*body, "application/json");
}

} // namespace algreg::web
