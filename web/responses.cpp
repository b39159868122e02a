#include "web/responses.h"

namespace algreg::web {

Params params_of(const httplib::Request& req) {
    Params out;
    out.reserve(req.params.size());
    for (const auto& [name, value] : req.params) {
        out.emplace_back(name, value);
    }
    return out;
}

std::string param(const Params& params, std::string_view name) {
    for (const auto& [n, v] : params) {
        if (n == name) {
            return v;
        }
    }
    return {};
}

void send_json(httplib::Response& res, const nlohmann::json& body, int status) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json");
}

std::string request_key(const httplib::Request& req) {
    std::string key = req.method + ' ' + req.path;
    for (const auto& [name, value] : req.params) {
        key += '\n' + std::to_string(name.size()) + ':' + name + std::to_string(value.size()) +
               ':' + value;
    }
    return key;
}

std::string revision_etag(std::uint64_t revision) {
    return "W/\"r" + std::to_string(revision) + "\"";
}

bool cache_by_revision(const httplib::Request& req, httplib::Response& res,
                       std::uint64_t revision) {
    const std::string etag = revision_etag(revision);
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", "public, max-age=0, must-revalidate");
    const std::string wanted = req.get_header_value("If-None-Match");
    if (!wanted.empty() && (wanted == "*" || wanted.find(etag) != std::string::npos ||
                            wanted.find(etag.substr(2)) != std::string::npos)) {
        res.status = 304;
        return true;
    }
    return false;
}

} // namespace algreg::web
