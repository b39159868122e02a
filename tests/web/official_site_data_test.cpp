// GET /api/downloads/site-data/json (official-api.md §8.3) on an index of the full records we
// have (the June 2023 export and the 1.0 templates): valid JSON in the official shape, every
// entry, each record equal to its source, and read back by `algreg index` without a change.
#include "indexer/run_index.h"
#include "indexer/vocabulary.h"
#include "search/analysis.h"
#include "search/html_text.h"
#include "search/searcher.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/web/test_server.h"
#include "web/official_format.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using namespace algreg;
using namespace algreg::testing;
using nlohmann::json;

namespace {

/// The keys of standard 1.0 (register-model.md §1.1): the official CSV columns without the two
/// the download adds (algorithm_id, publication_dt).
std::vector<std::string> standard_keys() {
    const auto& columns = web::official_csv_columns();
    return {columns.begin(), columns.end() - 2};
}

/// The index of the full records, built once per test process.
const std::string& full_index() {
    static TempDir dir;
    static const std::string path = [] {
        const std::string p = dir.file("index");
        build_full_record_index(p);
        return p;
    }();
    return path;
}

/// Every source record by its id as the index knows it (lars, or the template's id).
std::map<std::string, json> source_records() {
    std::map<std::string, json> out;
    for (const auto& name : full_fixtures) {
        for (const auto& r : json::parse(read_file(fixture(name)))) {
            const std::string id = r.contains("lars") && r["lars"].is_string()
                                       ? r["lars"].get<std::string>()
                                       : r["id"].get<std::string>();
            out.emplace(id, r);
        }
    }
    return out;
}

/// A value as text content, for comparing ours with the source's: the index keeps long texts
/// as HTML (line breaks as <br>, '<' escaped), trims and collapses white space, reads "" as
/// not given, array literals ("{a,\"b c\"}") as lists, and drops empty references. Both
/// sides are read as plain text twice (entities decoded, then tags removed), white space
/// collapsed, "" as null.
json content(const json& v) {
    if (v.is_string()) {
        const std::string s = indexer::collapse_whitespace(v.get<std::string>());
        if (s.size() >= 2 && s.front() == '{' && s.back() == '}') {
            return content(json(indexer::split_theme_string(s)));
        }
        const std::string text =
            indexer::collapse_whitespace(search::strip_html(search::strip_html(s)));
        return text.empty() ? json() : json(text);
    }
    if (v.is_array()) {
        json out = json::array();
        for (const auto& item : v) {
            if (item.is_object()) {
                const json title = content(item.value("title", json()));
                const json link = content(item.value("link", json()));
                if (!title.is_null() || !link.is_null()) {
                    out.push_back({{"title", title}, {"link", link}});
                }
            } else if (const json c = content(item); !c.is_null()) {
                out.push_back(c);
            }
        }
        return out.empty() ? json() : out;
    }
    return v;
}

struct Download {
    int status = 0;
    std::string content_type;
    std::string disposition;
    std::string body;
};

Download site_data(const std::string& index) {
    web::ServerConfig config;
    config.index_path = index;
    TestServer server(config);
    auto client = server.client();
    const auto res = client.Get("/api/downloads/site-data/json");
    REQUIRE(res);
    return {res->status, res->get_header_value("Content-Type"),
            res->get_header_value("Content-Disposition"), res->body};
}

} // namespace

TEST_CASE("site data: the official shape, every entry, records equal to their source") {
    const Download d = site_data(full_index());
    CHECK(d.status == 200);
    CHECK(d.content_type == "json");
    CHECK(d.disposition == "attachment; filename=pub_data.json");
    CHECK(d.body.find('\n') == std::string::npos); // one line, as the official file
    const json dump = json::parse(d.body);
    REQUIRE(dump.is_object());
    CHECK(dump.size() == 2);
    const json& versions = dump.at("algoritme_versions");
    const auto sources = source_records();
    REQUIRE(versions.size() == sources.size());

    std::set<std::string> seen;
    std::size_t compared = 0;
    std::size_t identical = 0;
    std::map<std::string, std::size_t> differing; // key -> records whose content differs
    for (const auto& v : versions) {
        CHECK(v.size() == 56); // 51 content keys + language, owner, lars, create_dt, state
        CHECK(v.at("language") == "NLD");
        CHECK(v.at("state") == "PUBLISHED");
        const std::string id = v.at("lars").get<std::string>();
        CHECK(seen.insert(id).second);
        const auto source = sources.find(id);
        REQUIRE(source != sources.end());
        const json& s = source->second;
        // Our organisation code: the slug of its name (the register's own codes, as the 2023
        // export's `owner` has them, are not in the index; docs/api.md).
        if (v.at("organization").is_string()) {
            CHECK(v.at("owner") == search::slug(v.at("organization").get<std::string>()));
        } else {
            CHECK(v.at("owner").is_null());
        }
        if (s.contains("create_dt")) {
            CHECK(v.at("create_dt").get<std::string>().substr(0, 10) ==
                  s.at("create_dt").get<std::string>().substr(0, 10));
        }
        for (const auto& key : standard_keys()) {
            const json expected = s.contains(key) ? s.at(key) : json();
            ++compared;
            if (v.at(key) == expected) {
                ++identical;
            } else if (content(v.at(key)) != content(expected)) {
                ++differing[key];
                MESSAGE(id << " " << key << ": " << v.at(key).dump() << " != " << expected.dump());
            }
        }
    }
    CHECK(compared == sources.size() * standard_keys().size());
    CHECK(differing.empty());
    // Most values are byte for byte the source's; the rest differ only as content() says.
    MESSAGE(identical << " of " << compared << " values identical to the source");

    // One organisation row per organisation with entries, in the official shape.
    const json& organisations = dump.at("organisation_details");
    std::set<std::string> codes;
    for (const auto& v : versions) {
        if (!v.at("owner").is_null()) {
            codes.insert(v.at("owner").get<std::string>());
        }
    }
    CHECK(organisations.size() == codes.size());
    for (const auto& o : organisations) {
        CHECK(o.size() == 8);
        for (const char* key :
             {"name", "about", "contact_info", "language", "code", "org_id", "type", "show_page"}) {
            CHECK(o.contains(key));
        }
        CHECK(codes.contains(o.at("code").get<std::string>()));
        CHECK(o.at("show_page") == false);
    }
}

TEST_CASE("site data: read back by algreg index, nothing changes") {
    const Download d = site_data(full_index());
    REQUIRE(d.status == 200);
    TempDir dir;
    const std::string copy = dir.file("index");
    std::filesystem::copy(full_index(), copy, std::filesystem::copy_options::recursive);
    const std::string dump_path = dir.file("pub_data.json");
    write_file(dump_path, d.body);

    indexer::IndexOptions options;
    options.inputs = {dump_path};
    options.db_path = copy;
    options.quiet = true;
    std::ostringstream log;
    const auto summary = indexer::run_index(options, log);
    CHECK(summary.rejected == 0);
    CHECK(summary.changes.added.empty());
    CHECK(summary.changes.changed.empty());
    CHECK(summary.changes.removed.empty());
    CHECK(summary.revisions_recorded == 0);

    // Every record equal, field for field (the stored records, `original` included).
    search::Searcher before(full_index());
    search::Searcher after(copy);
    const auto ids = before.ids();
    REQUIRE(ids == after.ids());
    for (const auto& id : ids) {
        const auto a = before.find(id);
        const auto b = after.find(id);
        CHECK_MESSAGE(json(a) == json(b), id);
    }
}

TEST_CASE("site data: an empty register is an empty dump") {
    TempDir dir;
    const std::string empty = dir.file("index");
    const std::string file = dir.file("empty.json");
    write_file(file, "[]");
    indexer::IndexOptions options;
    options.inputs = {file};
    options.db_path = empty;
    options.quiet = true;
    // An upsert: a full snapshot without records is refused (the empty-snapshot guard), an
    // upsert of nothing just creates the index.
    options.upsert = true;
    std::ostringstream log;
    (void)indexer::run_index(options, log);
    const Download d = site_data(empty);
    CHECK(d.status == 200);
    CHECK(json::parse(d.body) ==
          json{{"algoritme_versions", json::array()}, {"organisation_details", json::array()}});
}
