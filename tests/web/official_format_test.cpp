// The official shapes: the 56-key record, the 31 CSV columns, cell cleaning and quoting.
#include "search/record.h"
#include "web/official_format.h"

#include <doctest/doctest.h>
#include <set>

using namespace algreg::web;
using algreg::search::AlgorithmRecord;
using nlohmann::json;

namespace {

const std::set<std::string> official_keys{
    // v1.0
    "name", "organization", "description_short", "category", "website", "status", "goal",
    "proportionality", "lawful_basis", "standard_version", "url", "contact_email", "lang",
    "publiccode", "source_data", "methods_and_models", "human_intervention", "risks", "provider",
    "process_index_url", "tags", "source_id", "begin_date", "end_date", "impacttoetsen",
    "publication_category", "lawful_basis_grouping", "impacttoetsen_grouping",
    "source_data_grouping",
    // legacy 0.x
    "preferred_name", "department", "type", "impact", "decision_making_process", "documentation",
    "competent_authority", "iama", "iama_description", "dpia", "dpia_description",
    "objection_procedure", "uuid", "area", "revision_date", "description", "application_url",
    "mprd", "monitoring", "performance_standard", "lawful_basis_link", "source_data_link",
    // identity
    "lars", "language", "create_dt", "code", "org_id"};

AlgorithmRecord sample() {
    AlgorithmRecord r;
    r.id = "11234933";
    r.lars = "11234933";
    r.name = "Advisering datalekmelding";
    r.organization = "Gemeente Delft";
    r.description_short = "Regel 1\r\nRegel 2";
    r.category = {"Openbare orde en veiligheid", "Zorg"};
    r.status = "In gebruik";
    r.goal = "<p>Doel &amp; middel</p><p>twee</p>";
    r.standard_version = "1.0";
    r.changed = "2024-02-06";
    r.impacttoetsen_grouping = {{"DPIA", "https://example.org/dpia"}, {"IAMA", ""}};
    r.legacy["iama"] = "Ja";
    return r;
}

} // namespace

TEST_CASE("official record: exactly the 56 keys, null when unknown") {
    const json record = official_record(sample(), "ENG");
    CHECK(record.size() == 56);
    std::set<std::string> keys;
    for (const auto& [key, value] : record.items()) {
        keys.insert(key);
    }
    CHECK(keys == official_keys);
    CHECK(record["lars"] == "11234933");
    CHECK(record["language"] == "ENG");
    CHECK(record["create_dt"] == "2024-02-06T00:00:00Z");
    CHECK(record["code"] == "gemeente-delft");
    CHECK(record["org_id"].is_null());
    CHECK(record["category"] == json::array({"Openbare orde en veiligheid", "Zorg"}));
    CHECK(record["impacttoetsen_grouping"] ==
          json::array({{{"title", "DPIA"}, {"link", "https://example.org/dpia"}},
                       {{"title", "IAMA"}, {"link", nullptr}}}));
    CHECK(record["source_data_grouping"].is_null());
    CHECK(record["iama"] == "Ja");
    CHECK(record["dpia"].is_null());
    CHECK(record["website"].is_null());
    CHECK(official_record(AlgorithmRecord{}).size() == 56);
    // a template without lars keeps its own id as the lars key (clients need one)
    AlgorithmRecord t;
    t.id = "template-parkeren";
    CHECK(official_record(t)["lars"] == "template-parkeren");
}

TEST_CASE("official CSV: 31 columns in the official order") {
    const auto& columns = official_csv_columns();
    REQUIRE(columns.size() == 31);
    CHECK(columns.front() == "name");
    CHECK(columns[28] == "source_data_grouping");
    CHECK(columns[29] == "algorithm_id");
    CHECK(columns[30] == "publication_dt");
    CHECK(std::set<std::string>(columns.begin(), columns.end()).size() == 31);
}

TEST_CASE("official CSV cells: lists, groupings, line breaks, tags, entities") {
    const AlgorithmRecord r = sample();
    CHECK(official_csv_cell(r, "category") == "Openbare orde en veiligheid, Zorg");
    CHECK(official_csv_cell(r, "impacttoetsen_grouping") ==
          "1: DPIA, https://example.org/dpia. 2: IAMA");
    CHECK(official_csv_cell(r, "description_short") == "Regel 1 Regel 2");
    CHECK(official_csv_cell(r, "goal") == "Doel & middeltwee"); // tags removed without a space
    CHECK(official_csv_cell(r, "algorithm_id") == "11234933");
    CHECK(official_csv_cell(r, "website").empty());
    CHECK(official_csv_cell(r, "no_such_column").empty());
    AlgorithmRecord odd;
    // like the official re.sub("<[^<]+?>", "", ...): "< b en c >" counts as a tag
    odd.goal = "a < b en c > d &#233;&#xE9;&nbsp;&bogus; <br/>";
    CHECK(official_csv_cell(odd, "goal") == "a  d \xC3\xA9\xC3\xA9\xC2\xA0&bogus; ");
    odd.goal = "1 < 2";
    CHECK(official_csv_cell(odd, "goal") == "1 < 2");
}

TEST_CASE("official CSV quoting: every cell, quotes doubled, formulas passed unchanged") {
    const auto quote = [](std::string_view cell) {
        return algreg::search::csv_cell(cell, official_csv_style);
    };
    CHECK(quote("") == "\"\"");
    CHECK(quote("a,b") == "\"a,b\"");
    CHECK(quote("zei \"ja\"") == "\"zei \"\"ja\"\"\"");
    CHECK(quote("=HYPERLINK(\"x\")") == "\"=HYPERLINK(\"\"x\"\")\"");
    CHECK(utf8_bom == "\xEF\xBB\xBF");
}
