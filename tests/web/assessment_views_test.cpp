// One truth about DPIA and IAMA (docs/assessments.md): every view of a real server on the real
// index (the 1.0 templates, the 2023 full export, the 2026 listing and the outside statements
// of 2023) says the same about an entry's assessments as the model stored with it. Whole index:
// the filter's counts, /api/v1/impact-assessments (and the /impacttoetsen page) and the records
// of the export agree per kind and state. Sample entries (fraud entries whose listing says
// "Ja", full records with their own or outside statements, entries with nothing): the entry
// API, the entry page in both languages, the CSV export row, the filter and the official API's
// impact_assessment selection agree with the model.
#include "indexer/run_index.h"
#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/schema.h"
#include "tests/support/shared_index.h"
#include "tests/web/test_server.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using algreg::testing::TestServer;
using nlohmann::json;
namespace search = algreg::search;

namespace {

/// The fixture register with everything we have about assessments.
const std::string& full_index() {
    static const std::string path =
        algreg::testing::shared_index("assessment-views", [](const std::string& db) {
            algreg::indexer::IndexOptions options;
            options.inputs = {algreg::testing::fixture("register-v1.0-templates.json"),
                              algreg::testing::fixture("register-2023-06-19-full.json"),
                              algreg::testing::fixture("register-2026-08-08.json")};
            options.assessment_files = {algreg::testing::fixture("assessments-2023-06-19.csv")};
            options.abbreviations_path = algreg::testing::fixture("abbreviations-nl.tsv");
            options.db_path = db;
            options.quiet = true;
            std::ostringstream log;
            (void)algreg::indexer::run_index(options, log);
        });
    return path;
}

TestServer& server() {
    static TestServer s([] {
        algreg::web::ServerConfig config;
        config.index_path = full_index();
        return config;
    }());
    return s;
}

std::string get(const std::string& path) {
    auto cli = server().client();
    const auto r = cli.Get(path);
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, path);
    return r->body;
}

json get_json(const std::string& path) {
    return json::parse(get(path));
}

json post_json(const std::string& path, const json& body) {
    auto cli = server().client();
    const auto r = cli.Post(path, body.dump(), "application/json");
    REQUIRE(r);
    REQUIRE_MESSAGE(r->status == 200, body.dump());
    return json::parse(r->body);
}

/// kind -> state slug of one record as the API writes it.
std::map<std::string, std::string> model_of(const json& record) {
    std::map<std::string, std::string> out;
    for (const auto& a : record["assessments"]) {
        const auto state = search::parse_assessment_state(a["state"].get<std::string>());
        REQUIRE(state);
        out[a["type"].get<std::string>()] = std::string(search::to_slug(*state));
    }
    return out;
}

json export_records(const std::string& query) {
    return get_json("/api/v1/export.json" + query)["records"];
}

std::set<std::string> ids_of(const json& records) {
    std::set<std::string> out;
    for (const auto& r : records) {
        out.insert(r["id"].get<std::string>());
    }
    return out;
}

bool has_done(const std::map<std::string, std::string>& model, bool standard) {
    for (const auto& [type, state] : model) {
        const bool is_standard =
            std::find(search::assessment_types.begin(), search::assessment_types.end(), type) !=
            search::assessment_types.end();
        if (state == "uitgevoerd" && is_standard == standard) {
            return true;
        }
    }
    return false;
}

/// 1657 -> "1.657", as the Dutch pages write counts.
std::string dutch_count(std::size_t n) {
    if (n < 1000) {
        return std::to_string(n);
    }
    const std::string rest = std::to_string(n % 1000);
    return dutch_count(n / 1000) + "." + std::string(3 - rest.size(), '0') + rest;
}

/// The ids of the entries matching each impacttoets filter value, fetched once per value.
const std::set<std::string>& filter_ids(const std::string& value) {
    static std::map<std::string, std::set<std::string>> cache;
    if (!cache.contains(value)) {
        cache[value] = ids_of(export_records("?impacttoets=" + value));
    }
    return cache[value];
}

/// Every lars the official search returns for `body`, page by page.
std::set<std::string> official_lars(json body) {
    std::set<std::string> out;
    body["limit"] = 100;
    for (int page = 1;; ++page) {
        body["page"] = page;
        const json r = post_json("/api/algoritme/NLD", body);
        for (const auto& record : r["results"]) {
            out.insert(record["lars"].get<std::string>());
        }
        if (r["results"].empty() || out.size() >= r["total_count"].get<std::size_t>()) {
            return out;
        }
    }
}

} // namespace

TEST_CASE("impact assessments: the filter, /impacttoetsen and the records agree on every count") {
    const json all = export_records("");
    REQUIRE(all.size() > 1500);
    const json view = get_json("/api/v1/impact-assessments");
    CHECK(view["entries"] == all.size());
    const json stats = get_json("/api/v1/stats");
    std::map<std::string, std::size_t> facet;
    for (const auto& f : stats["facets"]) {
        if (f["name"] == "impacttoets") {
            for (const auto& v : f["values"]) {
                facet[v["value"].get<std::string>()] = v["count"].get<std::size_t>();
            }
        }
    }
    std::map<std::string, std::size_t> records;
    for (const auto& r : all) {
        for (const auto& [type, state] : model_of(r)) {
            ++records[search::slug(type) + "-" + state];
        }
    }
    std::set<std::string> kinds;
    for (const auto& t : view["types"]) {
        const std::string type = t["type"];
        kinds.insert(type);
        std::size_t sum = 0;
        for (const auto& s : search::assessment_states) {
            const std::string value = search::assessment_value(type, s.state);
            std::string key(s.slug);
            std::replace(key.begin(), key.end(), '-', '_');
            const std::size_t shown = t["total"][key].get<std::size_t>();
            CAPTURE(value);
            CHECK(shown == records[value]);
            CHECK(shown == (facet.contains(value) ? facet[value] : 0));
            sum += shown;
        }
        CHECK(sum == all.size());
    }
    // Every entry has DPIA, IAMA and the kind-unknown row.
    CHECK(kinds.contains("DPIA"));
    CHECK(kinds.contains("IAMA"));
    CHECK(kinds.contains(std::string(search::kind_unknown_type)));

    // The page shows the same totals in the words of the same table.
    const std::string page = get("/impacttoetsen");
    for (const auto& t : view["types"]) {
        std::string sentence =
            search::assessment_type_label(t["type"].get<std::string>(), search::Language::nl) +
            ": alle " + dutch_count(all.size()) + " algoritmes: ";
        for (const auto& s : search::assessment_states) {
            std::string key(s.slug);
            std::replace(key.begin(), key.end(), '-', '_');
            sentence += (s.state == search::AssessmentState::uitgevoerd ? "" : ", ") +
                        dutch_count(t["total"][key].get<std::size_t>()) + " " +
                        std::string(s.label_nl);
        }
        CHECK_MESSAGE(page.find(sentence + ".") != std::string::npos, sentence);
    }
}

TEST_CASE("impact assessments: sample entries read the same in every view") {
    const json fraud = export_records("?q=fraude");
    REQUIRE(!fraud.empty());
    const json all = export_records("");

    // The samples, chosen from the data: fraud entries whose listing says Ja, full records with
    // statements, listing entries with nothing.
    std::vector<json> samples;
    std::size_t listing_ja = 0;
    for (const auto& r : fraud) {
        if (r.value("listing_only", false) && r.value("impactassessment", "") == "Ja" &&
            listing_ja < 5) {
            samples.push_back(r);
            ++listing_ja;
        }
    }
    CHECK(listing_ja > 0);
    std::size_t templates = 0;
    std::size_t full = 0;
    std::size_t nothing = 0;
    for (const auto& r : all) {
        const auto model = model_of(r);
        const bool full_record =
            !r.value("listing_only", false) && model.at("DPIA") != "niet-vermeld";
        std::size_t& taken = r.contains("lars") ? full : templates;
        if (full_record && taken < 3) {
            samples.push_back(r);
            ++taken;
        } else if (r.value("impactassessment", "") == "Onbekend" && nothing < 3) {
            samples.push_back(r);
            ++nothing;
        }
    }
    CHECK(templates >= 1); // the templates with a DPIA statement: two in the fixtures
    CHECK(full == 3);
    CHECK(nothing == 3);

    const std::string csv = get("/api/v1/export.csv");
    for (const auto& record : samples) {
        const std::string id = record["id"];
        CAPTURE(id);
        const auto model = model_of(record);

        // The listing's Ja is never "nothing done".
        if (record.value("listing_only", false) && record.value("impactassessment", "") == "Ja") {
            CHECK(has_done(model, true) != (model.at("Soort onbekend") == "uitgevoerd"));
        }

        // The entry API: the same model.
        CHECK(model_of(get_json("/api/v1/entries/" + id)) == model);

        // The entry page, both languages: one badge per kind with the table's words.
        for (const auto language : {search::Language::nl, search::Language::en}) {
            const std::string page = get(
                std::string(language == search::Language::nl ? "" : "/en") + "/algoritme/" + id);
            for (const auto& [type, state] : model) {
                const auto s = *search::parse_assessment_state(state);
                const std::string badge = "<li class=\"badge assessment " +
                                          std::string(search::words(s).css) + "\">" +
                                          search::assessment_type_label(type, language) + ": " +
                                          std::string(search::state_label(s, language)) + "</li>";
                CHECK_MESSAGE(page.find(badge) != std::string::npos, badge);
            }
        }

        // The CSV export: the assessments cell lists every kind with its Dutch state.
        std::string cell;
        for (const auto& [type, state] : model) {
            cell += (cell.empty() ? "" : "; ") +
                    search::assessment_type_label(type, search::Language::nl) + ": " +
                    std::string(search::to_label(*search::parse_assessment_state(state)));
        }
        const auto row = csv.find("\n" + id + ",");
        const auto row_by_lars = csv.find("," + id + ",");
        CHECK((row != std::string::npos || row_by_lars != std::string::npos));
        const auto at = row != std::string::npos ? row : row_by_lars;
        const auto line_end = csv.find("\r\n", at + 1);
        CHECK(csv.substr(at, line_end - at).find(cell) != std::string::npos);

        // The filter: the entry is among the matches of each of its kind-state values.
        for (const auto& [type, state] : model) {
            const std::string value = search::slug(type) + "-" + state;
            CHECK_MESSAGE(filter_ids(value).contains(id), value);
        }
    }

    // The official API on "fraude": Geen is exactly the entries with nothing done, Overig those
    // with a done assessment of another kind (among them the listing's Ja), DPIA those with a
    // done DPIA.
    std::set<std::string> geen;
    std::set<std::string> overig;
    std::set<std::string> dpia;
    for (const auto& r : fraud) {
        const auto model = model_of(r);
        const std::string lars = r.value("lars", r["id"].get<std::string>());
        if (!has_done(model, true) && !has_done(model, false)) {
            geen.insert(lars);
        }
        if (has_done(model, false)) {
            overig.insert(lars);
        }
        if (model.at("DPIA") == "uitgevoerd") {
            dpia.insert(lars);
        }
    }
    CHECK(!overig.empty());
    CHECK(official_lars({{"searchtext", "fraude"}, {"impact_assessment", "Geen"}}) == geen);
    CHECK(official_lars({{"searchtext", "fraude"}, {"impact_assessment", "Overig"}}) == overig);
    const json counts = post_json("/api/algoritme/NLD", {{"searchtext", "fraude"}});
    std::map<std::string, std::size_t> by_key;
    for (const auto& row : counts["filter_data"]["impact_assessment"]) {
        by_key[row["key"].get<std::string>()] = row["count"].get<std::size_t>();
    }
    CHECK(by_key["Geen"] == geen.size());
    CHECK(by_key["Overig"] == overig.size());
    CHECK(by_key["Data Protection Impact Assessment (DPIA)"] == dpia.size());
}
