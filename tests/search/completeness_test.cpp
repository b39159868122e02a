// The completeness checks on real records: the official score computed by hand for 1.0 template
// records and the two reference points of register-model.md §3, every rule with a passing and a
// failing record, the listing-only policy, counts over the real 2026 listing computed from the
// JSON itself, and the rule table.
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/completeness.h"
#include "search/schema.h"
#include "tests/support/fixtures.h"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

using namespace algreg::search;
using algreg::testing::fixture;
using algreg::testing::read_file;
using nlohmann::json;

namespace {

/// Every record of a fixture, normalised as the indexer does (header rows skipped).
std::vector<AlgorithmRecord> records_of(const std::string& name) {
    const auto file = algreg::indexer::read_source(fixture(name));
    std::vector<AlgorithmRecord> out;
    for (const auto& source : file.records) {
        auto n = algreg::indexer::normalise(source, file.format);
        if (n.record) {
            out.push_back(std::move(*n.record));
        }
    }
    return out;
}

const std::vector<AlgorithmRecord>& templates() {
    static const auto records = records_of("register-v1.0-templates.json");
    return records;
}
const std::vector<AlgorithmRecord>& export_2023() {
    static const auto records = records_of("register-2023-06-19-full.json");
    return records;
}
const std::vector<AlgorithmRecord>& listing() {
    static const auto records = records_of("register-2026-08-08.json");
    return records;
}

AlgorithmRecord find(const std::vector<AlgorithmRecord>& records, const std::string& id) {
    for (const auto& r : records) {
        if (r.id == id) {
            return r;
        }
    }
    FAIL("no record " << id);
    return {};
}

CheckOptions on(const char* date) {
    CheckOptions o;
    o.today = parse_iso_date(date);
    return o;
}

/// The rules a record breaks, in result order.
std::vector<std::string> rules_of(const Completeness& c) {
    std::vector<std::string> out;
    for (const auto& f : c.findings) {
        out.push_back(f.rule);
    }
    return out;
}

const Finding* finding(const Completeness& c, const std::string& rule) {
    for (const auto& f : c.findings) {
        if (f.rule == rule) {
            return &f;
        }
    }
    return nullptr;
}

bool not_checked(const Completeness& c, const std::string& rule, NotCheckedReason reason) {
    return std::any_of(c.not_checked.begin(), c.not_checked.end(),
                       [&](const NotChecked& n) { return n.rule == rule && n.reason == reason; });
}

/// A complete, valid 1.0 record built by hand: every field filled (score 140), no finding.
AlgorithmRecord complete_record() {
    AlgorithmRecord r;
    r.id = "test-1";
    r.name = "Parkeercontrole met scanauto";
    r.description_short = "Een scanauto leest kentekens om parkeerrechten te controleren.";
    r.organization = "Gemeente Voorbeeld";
    r.category = {"Verkeer"};
    r.status = "In gebruik";
    r.begin_date = "2021-03";
    r.contact_email = "algoritmes@voorbeeld.nl";
    r.website = "https://www.voorbeeld.nl/parkeren";
    r.publication_category = "Impactvolle algoritmes";
    r.url = "https://www.voorbeeld.nl/register/parkeren";
    r.goal = "<p>Handhaving van betaald parkeren.</p>";
    r.proportionality = "<p>Afgewogen.</p>";
    r.human_intervention = "<p>Een handhaver beoordeelt elke melding.</p>";
    r.risks = "<p>Foutieve herkenning; steekproeven.</p>";
    r.lawful_basis = "<p>Gemeentewet art. 234.</p>";
    r.lawful_basis_grouping = {{"Gemeentewet", "https://wetten.overheid.nl/BWBR0005416"}};
    r.process_index_url = "https://www.voorbeeld.nl/verwerkingsregister";
    r.impacttoetsen_grouping = {{"Data Protection Impact Assessment (DPIA)", ""}};
    r.impacttoetsen = "<p>Er is een DPIA uitgevoerd.</p>";
    r.source_data = "<p>Kentekens en parkeerrechten.</p>";
    r.source_data_grouping = {{"RDW kentekenregister", "https://www.rdw.nl"}};
    r.methods_and_models = "<p>Kentekenherkenning.</p>";
    r.provider = "Intern ontwikkeld";
    r.publiccode = "https://github.com/voorbeeld/parkeren";
    r.lang = "nld";
    r.standard_version = "1.0";
    r.source_id = "PARK-1";
    r.tags = "parkeren, scanauto";
    r.changed = "2026-01-15";
    return r;
}

std::set<std::string> placeholders(std::string_view text) {
    std::set<std::string> out;
    static const std::regex pattern(R"(\{([a-z_]+)\})");
    const std::string s(text);
    for (auto it = std::sregex_iterator(s.begin(), s.end(), pattern); it != std::sregex_iterator();
         ++it) {
        out.insert((*it)[1]);
    }
    return out;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The tables

TEST_CASE("the scored fields are the 29 content fields of 1.0 with the official weights") {
    const auto fields = scored_fields();
    REQUIRE(fields.size() == 29);
    int total = 0;
    std::map<int, int> by_weight;
    for (const auto& f : fields) {
        total += f.weight;
        ++by_weight[f.weight];
        // Exactly one place in the record.
        CHECK((f.text != nullptr) + (f.list != nullptr) + (f.references != nullptr) == 1);
    }
    CHECK(total == 140);
    CHECK(total == official_max_score);
    CHECK(by_weight[8] == 15);
    CHECK(by_weight[2] == 10);
    CHECK(by_weight[0] == 4);
    // The standard's order (register-model.md §1.1), with the list fields in their places.
    const std::vector<std::string_view> first{"name", "description_short", "organization",
                                              "category", "status"};
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(fields[i].key == first[i]);
    }
    CHECK(find_scored_field("impacttoetsen_grouping")->weight == 2);
    CHECK(find_scored_field("impacttoetsen")->weight == 8);
    CHECK(find_scored_field("lars") == nullptr);
    std::size_t required = 0;
    for (const auto& f : fields) {
        required += f.required ? 1 : 0;
    }
    CHECK(required == 7);
}

TEST_CASE("the rule table: unique ids, both languages, known placeholders, every field covered") {
    std::set<std::string_view> ids;
    const std::regex id_pattern("^[a-z_]+\\.[a-z_0-9]+$");
    const std::set<std::string> known{"field", "value", "other", "length", "max", "detail"};
    for (const auto& rule : rules()) {
        INFO(rule.id);
        CHECK(ids.insert(rule.id).second);
        CHECK(std::regex_match(std::string(rule.id), id_pattern));
        CHECK_FALSE(rule.title_nl.empty());
        CHECK_FALSE(rule.title_en.empty());
        CHECK_FALSE(rule.message_nl.empty());
        CHECK_FALSE(rule.message_en.empty());
        CHECK(rule.message_nl != rule.message_en);
        for (const auto message : {rule.message_nl, rule.message_en}) {
            CHECK(std::count(message.begin(), message.end(), '{') ==
                  std::count(message.begin(), message.end(), '}'));
        }
        const auto nl = placeholders(rule.message_nl);
        CHECK(nl == placeholders(rule.message_en));
        for (const auto& p : nl) {
            CHECK(known.count(p) == 1);
        }
        CHECK(find_rule(rule.id) == &rule);
        if (!rule.field.empty()) {
            CHECK((find_scored_field(rule.field) != nullptr || rule.field == "changed"));
        }
    }
    CHECK(find_rule("no.such_rule") == nullptr);
    // Every required field has its rule; every limited field (dates aside) its length rule.
    for (const auto& f : scored_fields()) {
        if (f.required) {
            CHECK(find_rule("required." + std::string(f.key)) != nullptr);
        }
    }
    for (const auto& s : string_fields()) {
        if (s.max_length > 0 && s.key != "begin_date" && s.key != "end_date") {
            CHECK(find_rule("length." + std::string(s.key)) != nullptr);
        }
    }
    for (const char* g :
         {"lawful_basis_grouping", "impacttoetsen_grouping", "source_data_grouping"}) {
        CHECK(find_rule(std::string("length.") + g) != nullptr);
    }
    CHECK_THROWS_AS((void)make_finding("no.such_rule", {}), std::out_of_range);
}

TEST_CASE("docs/completeness.md names every rule") {
    const std::string doc = read_file(std::string(ALGREG_SOURCE_DIR) + "/docs/completeness.md");
    REQUIRE_FALSE(doc.empty());
    for (const auto& rule : rules()) {
        std::string id(rule.id);
        if (id.starts_with("length.") && id.find("grouping") == std::string::npos) {
            // Listed together as length.<field> with the field names.
            id = id.substr(7);
        }
        INFO(rule.id);
        CHECK(doc.find(id) != std::string::npos);
    }
}

TEST_CASE("severities, bands, languages and dates parse and print") {
    CHECK(parse_severity("error") == FindingSeverity::error);
    CHECK(parse_severity("warning") == FindingSeverity::warning);
    CHECK(parse_severity("info") == FindingSeverity::info);
    CHECK_FALSE(parse_severity("fatal").has_value());
    CHECK(FindingSeverity::error > FindingSeverity::warning);
    CHECK(severity_label(FindingSeverity::warning, Language::nl) == "waarschuwing");
    CHECK(to_string(CompletenessBand::oranje) == "oranje");
    CHECK(band_label(CompletenessBand::groen, Language::en) == "good");
    CHECK(parse_language("en") == Language::en);
    CHECK_THROWS_AS((void)parse_language("de"), std::invalid_argument);
    CHECK(format_iso_date(*parse_iso_date("2026-08-08")) == "2026-08-08");
    CHECK_FALSE(parse_iso_date("2026-02-30").has_value());
    CHECK_FALSE(parse_iso_date("08-08-2026").has_value());
}

// ---------------------------------------------------------------------------------------------
// The official score, computed by hand

TEST_CASE("official score: contec-veilig-mailen, 122 of 140 = 88 %, green") {
    // 8-point fields filled: name, description_short, category, status, begin_date,
    // contact_email, publication_category, goal, proportionality, human_intervention, risks,
    // impacttoetsen, source_data, provider = 14 x 8 = 112 (organization is null).
    // 2-point fields filled: website, impacttoetsen_grouping, methods_and_models, lang, tags
    // = 5 x 2 = 10 (url, lawful_basis, lawful_basis_grouping, process_index_url,
    // source_data_grouping empty). 112 + 10 = 122; 122 / 140 * 100 = 87.14 -> ceil 88 -> green.
    const auto c = check(find(templates(), "contec-veilig-mailen"));
    CHECK(c.computable);
    CHECK(c.score == 122);
    CHECK(c.max_score == 140);
    CHECK(c.progress == 88);
    CHECK(c.band == CompletenessBand::groen);
    CHECK(c.missing == std::vector<std::string_view>{"organization", "url", "lawful_basis",
                                                     "lawful_basis_grouping", "process_index_url",
                                                     "source_data_grouping"});
}

TEST_CASE("official score: bm-dataprotector, 92 of 140 = 66 %, yellow") {
    // 8: name, description_short, status, publication_category, goal, proportionality,
    // human_intervention, risks, source_data, provider = 10 x 8 = 80 (organization, category,
    // begin_date, contact_email, impacttoetsen empty).
    // 2: url, lawful_basis, lawful_basis_grouping, methods_and_models, lang, tags = 6 x 2 = 12.
    // 80 + 12 = 92; 92 / 140 * 100 = 65.71 -> 66 -> yellow.
    const auto c = check(find(templates(), "bm-dataprotector"));
    CHECK(c.score == 92);
    CHECK(c.progress == 66);
    CHECK(c.band == CompletenessBand::geel);
}

TEST_CASE("official score: centric-burgerzaken-ediensten, 72 of 140 = 52 %, orange") {
    // 8: name, description_short, status, publication_category, goal, proportionality,
    // human_intervention, provider = 8 x 8 = 64.
    // 2: lawful_basis, lawful_basis_grouping, methods_and_models, lang = 4 x 2 = 8.
    // 64 + 8 = 72; 72 / 140 * 100 = 51.43 -> 52 -> orange.
    const auto c = check(find(templates(), "centric-burgerzaken-ediensten"));
    CHECK(c.score == 72);
    CHECK(c.progress == 52);
    CHECK(c.band == CompletenessBand::oranje);
}

TEST_CASE("official score: tygron-modelleringssoftware-hittestress, 84 = exactly 60 %, yellow") {
    // 8: name, description_short, category, status, contact_email, publication_category, goal,
    // source_data, provider = 9 x 8 = 72 (organization, begin_date, proportionality,
    // human_intervention, risks, impacttoetsen empty).
    // 2: website, lawful_basis, lawful_basis_grouping, source_data_grouping,
    // methods_and_models, lang = 6 x 2 = 12. 72 + 12 = 84; 84 / 140 * 100 = 60 -> 60 -> yellow,
    // the lowest yellow score.
    const auto c = check(find(templates(), "tygron-modelleringssoftware-hittestress"));
    CHECK(c.score == 84);
    CHECK(c.progress == 60);
    CHECK(c.band == CompletenessBand::geel);
}

TEST_CASE("official score: the two reference points of register-model §3") {
    SUBCASE("only the 7 required fields: 6 x 8 + 2 = 50 -> ceil(35.71) = 36 %, orange") {
        AlgorithmRecord r;
        r.id = "x";
        r.name = "Naam";
        r.description_short = "Omschrijving";
        r.organization = "Gemeente Voorbeeld";
        r.status = "In gebruik";
        r.contact_email = "info@voorbeeld.nl";
        r.publication_category = "Overige algoritmes";
        r.lang = "nld";
        const auto c = check(r);
        CHECK(c.score == 50);
        CHECK(c.progress == 36);
        CHECK(c.band == CompletenessBand::oranje);
        CHECK(c.missing.size() == 29 - 4 - 7); // every weighted field but the 7
    }
    SUBCASE("every 8-point field and no 2-point field: 15 x 8 = 120 -> ceil(85.71) = 86 %, "
            "green") {
        AlgorithmRecord r = complete_record();
        r.website.clear();
        r.url.clear();
        r.lawful_basis.clear();
        r.lawful_basis_grouping.clear();
        r.process_index_url.clear();
        r.impacttoetsen_grouping.clear();
        r.source_data_grouping.clear();
        r.methods_and_models.clear();
        r.lang.clear();
        r.tags.clear();
        const auto c = check(r);
        CHECK(c.score == 120);
        CHECK(c.progress == 86);
        CHECK(c.band == CompletenessBand::groen);
    }
    SUBCASE("everything: 140 -> 100 %") {
        const auto c = check(complete_record(), on("2026-08-08"));
        CHECK(c.score == 140);
        CHECK(c.progress == 100);
        CHECK(c.findings.empty());
        CHECK(c.not_checked.empty());
        CHECK(c.missing.empty());
    }
}

TEST_CASE("the rounding and the band thresholds match the form for every possible score") {
    for (int score = 0; score <= 140; score += 2) {
        // Integer ceiling, independent of the code's floating-point formula.
        const int expected = (score * 100 + 139) / 140;
        CHECK(progress_of(score, 140) == expected);
    }
    CHECK(band_of(progress_of(82, 140)) == CompletenessBand::oranje); // 59 %
    CHECK(band_of(progress_of(84, 140)) == CompletenessBand::geel);   // 60 %
    CHECK(band_of(progress_of(116, 140)) == CompletenessBand::geel);  // 83 %
    CHECK(band_of(progress_of(118, 140)) == CompletenessBand::groen); // 85 %
    CHECK(progress_of(5, 0) == 0);
}

TEST_CASE("filled is syntactic: '<p></p>' counts; a source value normalisation emptied counts") {
    AlgorithmRecord r = complete_record();
    r.goal = "<p></p>";
    CHECK(check(r).score == 140);
    r.lawful_basis_grouping.clear();
    CHECK(check(r).score == 138);
    // The form counts [{"title": "", "link": ""}] as a filled list (nelen-schuurmans template).
    r.original["lawful_basis_grouping"] = R"([{"title":"","link":""}])";
    CHECK(check(r).score == 140);
    r.original["lawful_basis_grouping"] = "[]";
    CHECK(check(r).score == 138);
}

TEST_CASE("a record of an older standard is scored by the 1.0 weights and says so") {
    const auto r = find(export_2023(), "75856898"); // 0.1.0 "Top 400/600"
    const auto c = check(r);
    CHECK(c.record_standard == "0.1");
    CHECK(c.computable);
    CHECK(c.max_score == 140);
    CHECK(c.has("standard.outdated"));
    const json j = c;
    CHECK(j["scored_against"] == "1.0");
    CHECK(j["record_standard"] == "0.1");
}

// ---------------------------------------------------------------------------------------------
// Listing-only records

TEST_CASE("listing-only: score not computable, unknown fields not failed but listed") {
    const auto c = check(find(listing(), "11234933"), on("2026-08-08"));
    CHECK_FALSE(c.computable);
    CHECK(c.band == CompletenessBand::onbekend);
    // Known: name 8, organization 8, status 8, goal 8, lawful_basis 2 = 34, all filled.
    CHECK(c.max_score == 34);
    CHECK(c.score == 34);
    CHECK(c.missing.empty());
    for (const char* rule :
         {"required.description_short", "required.contact_email", "required.publication_category",
          "required.lang", "date.format", "contact.format", "link.format", "legal_basis.missing",
          "assessment.dpia_expected", "assessment.iama_expected", "standard.outdated",
          "length.description_short"}) {
        INFO(rule);
        CHECK(not_checked(c, rule, NotCheckedReason::listing_only));
        CHECK_FALSE(c.has(rule));
    }
    // Rules over known fields do run.
    for (const char* rule : {"required.name", "required.organization", "length.goal"}) {
        INFO(rule);
        CHECK_FALSE(not_checked(c, rule, NotCheckedReason::listing_only));
    }
    const auto state = c.fields[static_cast<std::size_t>(find_scored_field("description_short") -
                                                         scored_fields().data())];
    CHECK(state == FieldState::unknown);
    const json j = c;
    CHECK(j["score"].is_null());
    CHECK(j["progress"].is_null());
    CHECK(j["known"]["score"] == 34);
    CHECK(j["band"] == "onbekend");
    CHECK(j["fields"]["description_short"] == "unknown");
    CHECK(j["not_checked"][0]["reason"] == "listing_only");
}

TEST_CASE("counts over the real 2026 listing match the JSON itself") {
    const json raw = json::parse(read_file(fixture("register-2026-08-08.json")));
    std::size_t in_use_without_basis = 0;
    std::size_t older_than_24_months = 0;
    std::size_t goal_empty = 0;
    std::map<std::pair<std::string, std::string>, int> names;
    for (const auto& a : raw["algoritmes"]) {
        const std::string basis = a["juridische_basis"];
        const bool blank = basis.find_first_not_of(" \t\n") == std::string::npos;
        in_use_without_basis += a["status"] == "in_gebruik" && blank ? 1 : 0;
        older_than_24_months += a["geregistreerd"].get<std::string>() < "2024-08-08" ? 1 : 0;
        goal_empty += a["doel"].get<std::string>().empty() ? 1 : 0;
        ++names[{a["organisatie"], a["title"]}];
    }
    std::size_t repeated_names = 0;
    for (const auto& [key, n] : names) {
        repeated_names += n > 1 ? static_cast<std::size_t>(n) : 0;
    }
    const auto results = check_all(listing(), on("2026-08-08"));
    REQUIRE(results.size() == raw["algoritmes"].size());
    const auto summary = summarise(results);
    CHECK(summary.entries == 1530);
    CHECK(summary.computable == 0);
    CHECK(summary.bands[static_cast<std::size_t>(CompletenessBand::onbekend)] == 1530);
    CHECK(summary.rules.at("legal_basis.not_in_listing").size() == in_use_without_basis);
    CHECK(summary.rules.at("changed.stale").size() == older_than_24_months);
    CHECK(summary.rules.at("duplicate.name").size() == repeated_names);
    CHECK(summary.not_checked.at("legal_basis.missing") == 1530);
    CHECK(summary.findings[static_cast<std::size_t>(FindingSeverity::error)] == 0);
    const auto goal = std::find_if(summary.fields.begin(), summary.fields.end(),
                                   [](const auto& f) { return f.key == "goal"; });
    CHECK(goal->known == 1530);
    CHECK(goal->filled == 1530 - goal_empty);
    // The figures as measured on 2026-08-08 (documented in docs/completeness.md).
    CHECK(in_use_without_basis == 300);
    CHECK(older_than_24_months == 262);
    CHECK(repeated_names == 4);
}

// ---------------------------------------------------------------------------------------------
// Every rule: a failing and a passing record

TEST_CASE("required fields") {
    const auto bm = check(find(templates(), "bm-dataprotector"));
    CHECK(bm.has("required.organization")); // null in every template
    CHECK(bm.has("required.contact_email"));
    const auto contec = check(find(templates(), "contec-veilig-mailen"));
    CHECK_FALSE(contec.has("required.contact_email")); // privacy@contec.nl
    const auto top = check(find(export_2023(), "75856898"));
    CHECK_FALSE(top.has("required.organization")); // Gemeente Amsterdam
    CHECK(top.has("required.status"));             // null in the 2023 export
    CHECK(top.has("required.publication_category"));
    CHECK_FALSE(contec.has("required.status"));
    CHECK_FALSE(contec.has("required.publication_category"));
    CHECK_FALSE(contec.has("required.lang"));
    const auto no_lang = check(find(export_2023(), "31453237")); // lang null
    CHECK(no_lang.has("required.lang"));
    const auto launch = records_of("register-2022-12-08-v0.2.json");
    const auto empty_description = std::find_if(
        launch.begin(), launch.end(), [](const auto& r) { return r.description_short.empty(); });
    REQUIRE(empty_description != launch.end());
    CHECK(check(*empty_description).has("required.description_short"));
    CHECK_FALSE(contec.has("required.description_short"));
    AlgorithmRecord nameless = find(templates(), "contec-veilig-mailen");
    nameless.name.clear();
    const auto c = check(nameless);
    CHECK(c.has("required.name"));
    CHECK(finding(c, "required.name")->message_nl == "Het verplichte veld Naam is niet ingevuld.");
    CHECK(finding(c, "required.name")->message_en == "The required field Name is empty.");
    CHECK(finding(c, "required.name")->severity == FindingSeverity::error);
    CHECK_FALSE(contec.has("required.name"));
}

TEST_CASE("lengths are counted after removing HTML") {
    const auto long_description = check(find(export_2023(), "41525861"));
    REQUIRE(long_description.has("length.description_short"));
    CHECK(finding(long_description, "length.description_short")->message_en ==
          "Short description is 450 characters long (without HTML markup); the maximum is 400.");
    CHECK(check(find(export_2023(), "31453237")).has("length.name")); // 102 characters
    CHECK_FALSE(check(find(templates(), "contec-veilig-mailen")).has("length.name"));

    AlgorithmRecord r = complete_record();
    r.goal = "<p>" + std::string(1250, 'a') + "</p><p>" + std::string(1250, 'b') + "</p>";
    CHECK_FALSE(check(r).has("length.goal")); // 2500 letters; tags and breaks do not count
    r.goal = "<p>" + std::string(2501, 'a') + "</p>";
    const auto c = check(r);
    CHECK(c.has("length.goal"));
    CHECK(finding(c, "length.goal")->message_nl ==
          "Doel en impact is 2501 tekens lang (zonder HTML-opmaak); het maximum is 2500.");
    r = complete_record();
    r.name = std::string(99, 'x') + "\xC3\xAB"; // 100 characters, 101 bytes
    CHECK_FALSE(check(r).has("length.name"));
    r.lawful_basis_grouping = {{std::string(101, 't'), "https://wetten.overheid.nl/x"}};
    const auto g = check(r);
    REQUIRE(g.has("length.lawful_basis_grouping"));
    CHECK(finding(g, "length.lawful_basis_grouping")->message_en ==
          "Legal basis references, reference 1, title: 101 characters; the maximum is 100.");
    r.lawful_basis_grouping = {{std::string(100, 't'), "https://wetten.overheid.nl/x"}};
    CHECK_FALSE(check(r).has("length.lawful_basis_grouping"));
}

TEST_CASE("every required field and every length limit, one by one") {
    for (const auto& f : scored_fields()) {
        if (!f.required) {
            continue;
        }
        INFO(f.key);
        AlgorithmRecord r = complete_record();
        r.*f.text = "";
        const auto c = check(r);
        CHECK(c.has("required." + std::string(f.key)));
        CHECK(c.findings.size() == 1);
    }
    for (const auto& s : string_fields()) {
        if (s.max_length == 0 || s.key == "begin_date" || s.key == "end_date") {
            continue;
        }
        INFO(s.key);
        const std::string rule = "length." + std::string(s.key);
        AlgorithmRecord r = complete_record();
        r.*s.member = std::string(s.max_length, 'x');
        CHECK_FALSE(check(r).has(rule));
        r.*s.member = std::string(s.max_length + 1, 'x');
        CHECK(check(r).has(rule));
    }
    // Grouping limits: lawful_basis title 100 / link 500, impacttoetsen title none / link 500,
    // source_data title 500 / link 500.
    const std::string link = "https://x.nl/";
    AlgorithmRecord r = complete_record();
    r.impacttoetsen_grouping = {{std::string(3000, 't'), link + std::string(487, 'a')}};
    r.source_data_grouping = {{std::string(500, 't'), link + std::string(487, 'a')}};
    CHECK_FALSE(check(r).has("length.impacttoetsen_grouping"));
    CHECK_FALSE(check(r).has("length.source_data_grouping"));
    r.impacttoetsen_grouping[0].link += "a";
    r.source_data_grouping[0].title += "t";
    CHECK(check(r).has("length.impacttoetsen_grouping"));
    CHECK(check(r).has("length.source_data_grouping"));
}

TEST_CASE("enumerations: unknown values are errors, other spellings warnings") {
    // A status sentence from the 2023 export.
    const auto pilot = check(find(export_2023(), "96895333"));
    CHECK(pilot.has("enum.status"));
    CHECK_FALSE(pilot.has("required.status"));
    const auto contec = check(find(templates(), "contec-veilig-mailen"));
    CHECK_FALSE(contec.has("enum.status"));
    // "NLD" in every template: read as nld, but the standard wants exactly nld.
    const auto* variant = finding(contec, "enum.variant");
    REQUIRE(variant != nullptr);
    CHECK(variant->field == "lang");
    CHECK(variant->severity == FindingSeverity::warning);
    CHECK(variant->message_nl == "Taal 'NLD' is gelezen als 'nld'; schrijf precies 'nld'.");
    CHECK_FALSE(check(complete_record()).has("enum.variant"));

    AlgorithmRecord r = complete_record();
    r.lang = "eng";
    CHECK(check(r).has("enum.lang"));
    CHECK_FALSE(check(complete_record()).has("enum.lang"));
    r = complete_record();
    r.standard_version = "2.0";
    CHECK(check(r).has("enum.standard_version"));
    CHECK_FALSE(check(complete_record()).has("enum.standard_version"));
    r = complete_record();
    r.publication_category.clear();
    r.original["publication_category"] = "Categorie D";
    const auto category = check(r);
    CHECK(category.has("enum.publication_category"));
    CHECK_FALSE(category.has("required.publication_category"));
    CHECK_FALSE(check(complete_record()).has("enum.publication_category"));
}

TEST_CASE("dates: YYYY-MM, the end after the begin") {
    const auto reversed = check(find(export_2023(), "62316183")); // begin_date "03-2022"
    REQUIRE(reversed.has("date.format"));
    CHECK(finding(reversed, "date.format")->message_nl ==
          "Begindatum '03-2022' is geen maand in de vorm JJJJ-MM (bijvoorbeeld 2023-01).");
    CHECK_FALSE(check(find(templates(), "contec-veilig-mailen")).has("date.format")); // 2023-08
    AlgorithmRecord r = complete_record();
    r.begin_date = "2023-13";
    CHECK(check(r).has("date.format"));
    r = complete_record();
    r.status = "Buiten gebruik";
    r.end_date = "2020-12";
    const auto order = check(r);
    CHECK(order.has("date.order"));
    CHECK(finding(order, "date.order")->message_en ==
          "End date 2020-12 is before start date 2021-03.");
    r.end_date = "2021-03";
    CHECK_FALSE(check(r).has("date.order")); // the same month is allowed
}

TEST_CASE("contact: an e-mail address or an https link; personal addresses warned") {
    CHECK(check(find(export_2023(), "36585638")).has("contact.format")); // "14 010"
    // A sentence around an address is not an address.
    CHECK(check(find(export_2023(), "96895333")).has("contact.format"));
    const auto contec = check(find(templates(), "contec-veilig-mailen"));
    CHECK_FALSE(contec.has("contact.format"));
    CHECK_FALSE(contec.has("contact.personal"));
    AlgorithmRecord r = complete_record();
    for (const char* ok :
         {"https://www.eindhoven.nl/bestuur-en-beleid/contact/contact-met-de-gemeente",
          "CIO-office@amsterdam.nl", "algoritmeregister.fez@minjenv.nl", "info@rvig.nl",
          "secretariaatcvz@amsterdam.nl", "jjansen@gemeente.nl"}) {
        INFO(ok);
        r.contact_email = ok;
        CHECK_FALSE(check(r).has("contact.format"));
        CHECK_FALSE(check(r).has("contact.personal"));
    }
    for (const char* bad : {"http://www.voorbeeld.nl/contact", "Nog niet beschikbaar",
                            "mailto:info@voorbeeld.nl", "info@voorbeeld", "https://"}) {
        INFO(bad);
        r.contact_email = bad;
        CHECK(check(r).has("contact.format"));
    }
    for (const char* personal :
         {"jan.jansen@gemeente.nl", "j.de.vries@voorbeeld.nl", "Piet_Jansen@voorbeeld.nl"}) {
        INFO(personal);
        r.contact_email = personal;
        const auto c = check(r);
        CHECK(c.has("contact.personal"));
        CHECK(finding(c, "contact.personal")->severity == FindingSeverity::warning);
    }
}

TEST_CASE("links: http(s), a dotted host, no spaces") {
    const auto tilburg =
        check(find(templates(), "gemeente-tilburg-virtuele-gemeente-assistent-gem"));
    REQUIRE(tilburg.has("link.format")); // website holds a team name
    CHECK(finding(tilburg, "link.format")->field == "website");
    const auto oribi = check(find(templates(), "oribi-gezichtsvergelijking"));
    REQUIRE(oribi.has("link.format")); // a grouping "link" that is a sentence
    CHECK(finding(oribi, "link.format")->field == "lawful_basis_grouping");
    CHECK(finding(oribi, "link.format")
              ->message_en.starts_with("Legal basis references (reference 1): 'Wet BRP"));
    CHECK_FALSE(check(find(templates(), "contec-veilig-mailen")).has("link.format"));
    AlgorithmRecord r = complete_record();
    for (const char* bad : {"www.voorbeeld.nl", "https://www.voorbeeld.nl/a b", "ftp://x.nl",
                            "https://localhost/x"}) {
        INFO(bad);
        r.publiccode = bad;
        CHECK(check(r).has("link.format"));
    }
    r.publiccode = "http://x.nl:8080/a?b=c#d";
    CHECK_FALSE(check(r).has("link.format"));
}

TEST_CASE("grouping items: title and link where the standard requires them") {
    AlgorithmRecord r = complete_record();
    r.lawful_basis_grouping = {{"Gemeentewet", ""}};
    r.source_data_grouping = {{"", "https://www.rdw.nl"}};
    r.impacttoetsen_grouping = {{"DPIA", ""}}; // link optional here
    const auto c = check(r);
    std::vector<std::string> details;
    for (const auto& f : c.findings) {
        if (f.rule == "grouping.incomplete") {
            details.push_back(f.message_en);
        }
    }
    CHECK(details == std::vector<std::string>{"Legal basis references: reference 1 has no link.",
                                              "Data source references: reference 1 has no title."});
    CHECK_FALSE(check(complete_record()).has("grouping.incomplete"));
    CHECK_FALSE(check(find(templates(), "contec-veilig-mailen")).has("grouping.incomplete"));
}

TEST_CASE("legal basis for entries in use") {
    CHECK(check(find(templates(), "contec-veilig-mailen")).has("legal_basis.missing"));
    CHECK_FALSE(check(find(templates(), "bm-dataprotector")).has("legal_basis.missing"));
    // References only, no text: a legal basis all the same.
    const auto nelen = find(templates(), "nelen-schuurmans-3di-watermanagement");
    REQUIRE(nelen.lawful_basis.empty());
    CHECK_FALSE(check(nelen).has("legal_basis.missing"));
    AlgorithmRecord r = complete_record();
    r.lawful_basis = "<p></p>";
    r.lawful_basis_grouping.clear();
    CHECK(check(r).has("legal_basis.missing")); // empty markup is no legal basis
    r.status = "In ontwikkeling";
    CHECK_FALSE(check(r).has("legal_basis.missing"));
    // Listing: only the text is known.
    const auto without = std::find_if(listing().begin(), listing().end(), [](const auto& x) {
        return x.status == "In gebruik" && x.lawful_basis.empty();
    });
    REQUIRE(without != listing().end());
    const auto listed = check(*without);
    CHECK(listed.has("legal_basis.not_in_listing"));
    CHECK(finding(listed, "legal_basis.not_in_listing")->severity == FindingSeverity::info);
    CHECK_FALSE(check(find(listing(), "11234933")).has("legal_basis.not_in_listing"));
}

TEST_CASE("DPIA expected for high-risk and impactful entries, IAMA for high-risk AI") {
    const auto centric = check(find(templates(), "centric-burgerzaken-ediensten"));
    REQUIRE(centric.has("assessment.dpia_expected"));
    CHECK(finding(centric, "assessment.dpia_expected")
              ->message_nl.starts_with(
                  "Publicatiecategorie 'Impactvolle algoritmes': een DPIA wordt verwacht"));
    // Named in the list.
    CHECK_FALSE(check(find(templates(), "pinkroccade-civision-samenlevingszaken"))
                    .has("assessment.dpia_expected"));
    // Only named in the explanation ("De gemeente voert een DPIA uit ...").
    CHECK_FALSE(
        check(find(templates(), "brickyard-zero-emissie-zone")).has("assessment.dpia_expected"));
    // "Overige algoritmes": nothing expected.
    CHECK_FALSE(check(find(templates(), "bm-dataprotector")).has("assessment.dpia_expected"));

    // contec lists a DPIA and explains "IAMA is niet van toepassing": both mentioned.
    AlgorithmRecord contec = find(templates(), "contec-veilig-mailen");
    contec.publication_category = "Hoog-risico AI-systeem";
    const auto high = check(contec);
    CHECK_FALSE(high.has("assessment.dpia_expected"));
    CHECK_FALSE(high.has("assessment.iama_expected"));
    AlgorithmRecord pink = find(templates(), "pinkroccade-civision-samenlevingszaken");
    pink.publication_category = "Hoog-risico AI-systeem";
    const auto no_iama = check(pink);
    CHECK(no_iama.has("assessment.iama_expected"));
    CHECK_FALSE(no_iama.has("assessment.dpia_expected"));
    pink.impacttoetsen = "<p>Een FRIA volgt in 2027.</p>";
    CHECK_FALSE(check(pink).has("assessment.iama_expected"));
    // An impactful entry with an explicit "niet uitgevoerd" statement mentions the DPIA.
    AlgorithmRecord denied = find(templates(), "centric-burgerzaken-ediensten");
    Assessment dpia;
    dpia.type = "DPIA";
    dpia.state = AssessmentState::niet_uitgevoerd;
    dpia.statements.push_back({"DPIA", AssessmentState::niet_uitgevoerd, "", "", "register", ""});
    denied.assessments = {dpia};
    CHECK_FALSE(check(denied).has("assessment.dpia_expected"));
    // A statement from an external list is not a mention in the register.
    denied.assessments[0].statements[0].source = "algoritmeregister-export-2023-06-19";
    CHECK(check(denied).has("assessment.dpia_expected"));
}

TEST_CASE("end dates and status") {
    const auto stopped = check(find(export_2023(), "36585638")); // Buiten gebruik, no end date
    CHECK(stopped.has("status.end_date_missing"));
    AlgorithmRecord r = complete_record();
    r.status = "Buiten gebruik";
    r.end_date = "2024-06";
    CHECK_FALSE(check(r).has("status.end_date_missing"));
    CHECK_FALSE(check(r).has("status.end_date_in_use"));
    r.status = "In gebruik";
    const auto in_use = check(r);
    CHECK(in_use.has("status.end_date_in_use"));
    CHECK(finding(in_use, "status.end_date_in_use")->message_en ==
          "The algorithm is in use but has end date 2024-06; it stays empty while in use.");
    CHECK_FALSE(check(complete_record()).has("status.end_date_in_use"));
}

TEST_CASE("standard version older than 1.0") {
    const auto old = check(find(export_2023(), "62316183"));
    REQUIRE(old.has("standard.outdated"));
    CHECK(finding(old, "standard.outdated")->message_nl ==
          "Beschreven volgens publicatiestandaard 0.4; het register vraagt nu om 1.0.");
    CHECK_FALSE(check(find(templates(), "contec-veilig-mailen")).has("standard.outdated"));
}

TEST_CASE("no change for more than 24 months, against a given reference date") {
    const auto old_entry = std::find_if(listing().begin(), listing().end(),
                                        [](const auto& x) { return x.changed < "2024-01-01"; });
    REQUIRE(old_entry != listing().end());
    const auto stale = check(*old_entry, on("2026-08-08"));
    REQUIRE(stale.has("changed.stale"));
    CHECK(finding(stale, "changed.stale")->message_en ==
          "Last changed on " + old_entry->changed + ", more than 24 months before 2026-08-08.");
    CHECK_FALSE(check(*old_entry, on("2025-06-01")).has("changed.stale"));
    AlgorithmRecord r = complete_record();
    r.changed = "2024-08-08";
    CHECK_FALSE(check(r, on("2026-08-08")).has("changed.stale")); // exactly 24 months
    r.changed = "2024-08-07";
    CHECK(check(r, on("2026-08-08")).has("changed.stale"));
    // No clock inside: without a reference date the rule is not run.
    CHECK(not_checked(check(r), "changed.stale", NotCheckedReason::no_reference_date));
    // Templates have no date.
    CHECK(not_checked(check(find(templates(), "bm-dataprotector"), on("2026-08-08")),
                      "changed.stale", NotCheckedReason::date_unknown));
}

TEST_CASE("duplicate names within one organisation need the whole set") {
    const auto results = check_all(listing(), on("2026-08-08"));
    std::vector<std::string> flagged;
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (results[i].has("duplicate.name")) {
            flagged.push_back(listing()[i].organization + " / " + listing()[i].name);
        }
    }
    std::sort(flagged.begin(), flagged.end());
    CHECK(flagged == std::vector<std::string>{
                         "Douane / Detecteren risico's in douaneaangiften voor naleving "
                         "vergunningsplicht van chemicali\xC3\xAB"
                         "n",
                         "Douane / Detecteren risico's in douaneaangiften voor naleving "
                         "vergunningsplicht van chemicali\xC3\xAB"
                         "n",
                         "Gemeente Dalfsen / Anonimiseren", "Gemeente Dalfsen / Anonimiseren"});
    // The single-record check cannot see it; the set check names the other entry.
    const auto dalfsen = std::find_if(listing().begin(), listing().end(), [](const auto& x) {
        return x.organization == "Gemeente Dalfsen" && x.name == "Anonimiseren";
    });
    CHECK_FALSE(check(*dalfsen).has("duplicate.name"));
    // Templates share names ("Anonimiseren") but have no organisation: not compared.
    for (const auto& findings : check_set(templates())) {
        CHECK(findings.empty());
    }
    // Case, accents and spacing do not make a name different.
    AlgorithmRecord a = complete_record();
    AlgorithmRecord b = complete_record();
    b.id = "test-2";
    b.name = "  PARKEERCONTROLE met  scanauto ";
    AlgorithmRecord other = complete_record();
    other.id = "test-3";
    other.organization = "Gemeente Elders";
    const std::vector<AlgorithmRecord> set{a, b, other};
    const auto found = check_set(set);
    REQUIRE(found[0].size() == 1);
    CHECK(found[0][0].message_en ==
          "The organisation has another entry named 'Parkeercontrole met scanauto': test-2.");
    CHECK(found[1].size() == 1);
    CHECK(found[2].empty());
}

// ---------------------------------------------------------------------------------------------
// Results as data

TEST_CASE("findings are ordered by severity, then by the rule table") {
    const auto c = check(find(templates(), "centric-burgerzaken-ediensten"));
    CHECK(rules_of(c) == std::vector<std::string>{"required.organization", "required.contact_email",
                                                  "enum.variant", "assessment.dpia_expected"});
    CHECK(c.worst() == FindingSeverity::error);
    CHECK_FALSE(check(complete_record()).worst().has_value());
}

TEST_CASE("summaries count fields and rules per set of entries") {
    std::vector<Completeness> results;
    for (const auto& r : templates()) {
        results.push_back(check(r));
    }
    const auto s = summarise(results);
    CHECK(s.entries == 27);
    CHECK(s.computable == 27);
    const auto field = [&](std::string_view key) {
        return *std::find_if(s.fields.begin(), s.fields.end(),
                             [&](const auto& f) { return f.key == key; });
    };
    CHECK(field("organization").filled == 0);      // null in all 27
    CHECK(field("contact_email").filled == 2);     // missing or null in 25
    CHECK(field("process_index_url").filled == 0); // absent from all 27
    CHECK(field("name").filled == 27);
    CHECK(field("name").known == 27);
    CHECK(s.rules.at("required.organization").size() == 27);
    CHECK(s.rules.at("link.format") ==
          std::vector<std::string>{"gemeente-tilburg-virtuele-gemeente-assistent-gem",
                                   "oribi-gezichtsvergelijking", "zylab-tekstanalyse"});
    const json j = s;
    CHECK(j["entries"] == 27);
    CHECK(j["fields"][0]["field"] == "name");
    CHECK(j["rules"]["required.organization"].size() == 27);
    CHECK(j["bands"]["groen"] == 1);
}

TEST_CASE("to_json carries both languages and the rule table is serialisable") {
    const auto c = check(find(templates(), "contec-veilig-mailen"));
    const json j = c;
    CHECK(j["score"] == 122);
    CHECK(j["progress"] == 88);
    CHECK(j["band"] == "groen");
    CHECK(j["computable"] == true);
    CHECK(j["fields"]["organization"] == "empty");
    CHECK(j["missing"][0] == "organization");
    CHECK(j["findings"][0]["rule"] == "required.organization");
    CHECK(j["findings"][0]["severity"] == "error");
    CHECK(j["findings"][0]["message"]["en"] == "The required field Organisation is empty.");
    CHECK(j["findings"][0]["message"]["nl"] ==
          "Het verplichte veld Organisatienaam is niet ingevuld.");
    const json rule = *find_rule("assessment.dpia_expected");
    CHECK(rule["title"]["nl"] == "DPIA verwacht maar niet vermeld");
    CHECK(rule["severity"] == "warning");
}
