// Where algreg finds its run-time files (search/data_dir.h), on real folder layouts built in a
// temporary directory: installed under a prefix, a build inside a source checkout, the
// environment overrides, and nothing found.
#include "search/data_dir.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <map>

using algreg::search::DataDirs;
using algreg::search::EnvLookup;
using algreg::search::find_data_dirs;
using algreg::testing::TempDir;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& file) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "x\n";
}

EnvLookup env(std::map<std::string, std::string, std::less<>> values) {
    return [values = std::move(values)](std::string_view name) -> std::optional<std::string> {
        const auto it = values.find(name);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

} // namespace

TEST_CASE("installed: <prefix>/bin/algreg finds <prefix>/share/algreg") {
    TempDir dir;
    const fs::path prefix = dir.path() / "usr";
    touch(prefix / "share/algreg/register/abbreviations-nl.tsv");
    const auto d = find_data_dirs(prefix / "bin/algreg", env({}));
    CHECK(d.register_dir == prefix / "share/algreg/register");
    CHECK(d.static_dir == prefix / "share/algreg/static");
}

TEST_CASE("a build in a source checkout finds fixtures/ and web/static/ above it") {
    TempDir dir;
    const fs::path repo = dir.path() / "algreg";
    touch(repo / "fixtures/abbreviations-nl.tsv");
    fs::create_directories(repo / "web/static");
    const auto d = find_data_dirs(repo / "build/release/algreg", env({}));
    CHECK(d.register_dir == repo / "fixtures");
    CHECK(d.static_dir == repo / "web/static");
    // the installed layout wins over an enclosing checkout
    touch(repo / "build/share/algreg/register/abbreviations-nl.tsv");
    CHECK(find_data_dirs(repo / "build/release/algreg", env({})).register_dir ==
          repo / "build/share/algreg/register");
}

TEST_CASE("this test's own build tree finds this checkout") {
    const std::string binary = ALGREG_BINARY;
    if (!binary.starts_with(std::string(ALGREG_SOURCE_DIR) + "/")) {
        return; // built outside the checkout: case 3 does not apply
    }
    const auto d = find_data_dirs(fs::path(ALGREG_BINARY), env({}));
    CHECK(fs::equivalent(d.register_dir, ALGREG_FIXTURES_DIR));
    CHECK(fs::equivalent(d.static_dir, fs::path(ALGREG_SOURCE_DIR) / "web/static"));
}

TEST_CASE("the environment overrides: ALGREG_DATA_DIR, then ALGREG_FIXTURES, ALGREG_STATIC_DIR") {
    TempDir dir;
    const fs::path prefix = dir.path() / "usr";
    touch(prefix / "share/algreg/register/abbreviations-nl.tsv");
    const fs::path exe = prefix / "bin/algreg";
    CHECK(find_data_dirs(exe, env({{"ALGREG_DATA_DIR", "/srv/d"}})) ==
          DataDirs{"/srv/d/register", "/srv/d/static"});
    CHECK(find_data_dirs(exe, env({{"ALGREG_DATA_DIR", "/srv/d"}, {"ALGREG_STATIC_DIR", "/s"}})) ==
          DataDirs{"/srv/d/register", "/s"});
    CHECK(find_data_dirs(exe, env({{"ALGREG_FIXTURES", "/f"}})) ==
          DataDirs{"/f", prefix / "share/algreg/static"});
    // empty values count as unset
    CHECK(find_data_dirs(exe, env({{"ALGREG_DATA_DIR", ""}, {"ALGREG_FIXTURES", ""}})) ==
          find_data_dirs(exe, env({})));
}

TEST_CASE("nothing found: the installed location, so that messages name where files belong") {
    TempDir dir;
    const auto d = find_data_dirs(dir.path() / "opt/bin/algreg", env({}));
    CHECK(d.register_dir == dir.path() / "opt/share/algreg/register");
    CHECK(d.static_dir == dir.path() / "opt/share/algreg/static");
}

TEST_CASE("executable_path is this test program") {
    const auto self = algreg::search::executable_path();
    REQUIRE_FALSE(self.empty());
    CHECK(self.filename() == "search_tests");
}
