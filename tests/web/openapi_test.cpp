// The OpenAPI document matches the routes: every route is documented, every documented path
// exists, and calling every documented operation (with example values) never gets 404 for the
// route itself or 405.
#include "tests/web/test_server.h"
#include "web/openapi.h"
#include "web/routes.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using algreg::testing::TestServer;
using nlohmann::json;

TEST_CASE("OpenAPI document: valid skeleton, one operation per route") {
    const json& doc = algreg::web::openapi_document();
    CHECK(doc["openapi"] == "3.0.3");
    std::set<std::string> documented;
    for (const auto& [path, item] : doc["paths"].items()) {
        for (const auto& [method, op] : item.items()) {
            documented.insert(method + " " + path);
            CHECK(op.contains("responses"));
            CHECK(op["responses"].contains("200"));
            CHECK_FALSE(op["operationId"].get<std::string>().empty());
            for (const auto& p : op["parameters"]) {
                if (p["in"] == "path") {
                    CHECK_MESSAGE(path.find("{" + p["name"].get<std::string>() + "}") !=
                                      std::string::npos,
                                  path);
                }
            }
        }
    }
    std::set<std::string> routed;
    for (const auto& route : algreg::web::routes()) {
        std::string method(route.method);
        for (char& c : method) {
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        routed.insert(method + " " + std::string(route.path));
    }
    CHECK(documented == routed);
}

TEST_CASE("OpenAPI document: every documented operation answers on a real server") {
    TestServer server;
    auto cli = server.client();
    cli.set_read_timeout(120, 0); // export.xlsx is sent once whole, after every row is read
    const auto served = cli.Get("/api/v1/openapi.json");
    REQUIRE(served);
    const json doc = json::parse(served->body);
    CHECK(doc == algreg::web::openapi_document());
    const std::map<std::string, std::string> examples{{"id", "11234933"},
                                                      {"lars", "11234933"},
                                                      {"lang", "NLD"},
                                                      {"facet", "status"},
                                                      {"search", "parkeren"},
                                                      {"slug", "gemeente-utrecht"},
                                                      {"org_id", "gemeente-utrecht"}};
    std::size_t called = 0;
    for (const auto& [path, item] : doc["paths"].items()) {
        std::string target = path;
        for (const auto& [name, value] : examples) {
            const std::string placeholder = "{" + name + "}";
            if (const auto at = target.find(placeholder); at != std::string::npos) {
                target.replace(at, placeholder.size(), value);
            }
        }
        REQUIRE_MESSAGE(target.find('{') == std::string::npos, path);
        for (const auto& [method, op] : item.items()) {
            std::string query;
            for (const auto& p : op["parameters"]) {
                if (p["in"] == "query" && p.value("required", false)) {
                    query += (query.empty() ? "?" : "&") + p["name"].get<std::string>() + "=" +
                             p["schema"]["enum"][0].get<std::string>();
                }
            }
            const auto response = method == "get"
                                      ? cli.Get(target + query)
                                      : cli.Post(target + query, "{}", "application/json");
            REQUIRE_MESSAGE(response, target);
            const std::string what = std::string(method) + " " + target + query;
            CHECK_MESSAGE(response->status == 200, what);
            ++called;
        }
    }
    CHECK(called == algreg::web::routes().size());
}
