// The dependency rule: indexer/ and web/ both depend on search/, never on each other; search/
// depends on neither; only web/ may use httplib, and indexer/http_fetch.cpp its client (the
// sync); only indexer/ may open a WritableDatabase.
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> violations(const std::string& folder,
                                    const std::vector<std::string>& forbidden,
                                    const std::string& allowed_file = {}) {
    std::vector<std::string> found;
    const auto root = std::filesystem::path(ALGREG_SOURCE_DIR) / folder;
    if (!std::filesystem::exists(root)) {
        return found;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const auto ext = entry.path().extension();
        if ((ext != ".h" && ext != ".cpp") || entry.path().filename() == allowed_file) {
            continue;
        }
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        for (const auto& needle : forbidden) {
            if (text.str().find(needle) != std::string::npos) {
                found.push_back(entry.path().string() + " contains " + needle);
            }
        }
    }
    return found;
}

} // namespace

TEST_CASE("search/ depends on neither indexer/ nor web/ nor httplib") {
    CHECK(violations("search", {"#include \"indexer/", "#include \"web/", "httplib"}).empty());
}

TEST_CASE("indexer/ never uses web/, nor httplib outside its HTTP client") {
    CHECK(violations("indexer", {"#include \"web/", "httplib"}, "http_fetch.cpp").empty());
    CHECK(violations("indexer", {"#include \"web/", "httplib::Server"}).empty());
}

TEST_CASE("web/ never uses indexer/ and never writes the index") {
    CHECK(violations("web", {"#include \"indexer/", "WritableDatabase"}).empty());
}

TEST_CASE("search/ never writes the index") {
    CHECK(violations("search", {"WritableDatabase"}).empty());
}
