// Facet counts against the data: the listing's own values, and the facet terms of every stored
// record (as the indexer defines them, DocumentBuilder::filter_terms); disjunctive counts;
// impact-assessment groups; facet value search; labels.
#include "indexer/document_builder.h"
#include "indexer/vocabulary.h"
#include "search/errors.h"
#include "search/facet_labels.h"
#include "search/schema.h"
#include "search/searcher.h"
#include "tests/search/listing_data.h"

#include <doctest/doctest.h>
#include <functional>
#include <map>
#include <set>

using algreg::search::AlgorithmRecord;
using algreg::search::Searcher;
using algreg::search::SearchRequest;
using algreg::search::SearchResult;
using algreg::testing::fixture_index;
using algreg::testing::listing_data;

namespace {

using Counts = std::map<std::string, std::map<std::string, unsigned>>; // facet -> value -> n
using TermSet = std::set<std::string>;

Searcher searcher() {
    algreg::search::SearcherOptions options;
    options.cache = fixture_index().cache();
    return Searcher(fixture_index().path(), options);
}

/// The facet terms of every stored record, read with Xapian directly.
const std::vector<TermSet>& record_terms() {
    static const std::vector<TermSet> all = [] {
        std::vector<TermSet> out;
        Xapian::Database db(fixture_index().path());
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            const auto record =
                nlohmann::json::parse(db.get_document(*it).get_data()).get<AlgorithmRecord>();
            const auto terms = algreg::indexer::DocumentBuilder::filter_terms(record);
            out.emplace_back(terms.begin(), terms.end());
        }
        return out;
    }();
    return all;
}

/// facet name and value of a facet term ("XSin_gebruik" -> status, in_gebruik).
std::pair<std::string, std::string> split_term(const std::string& term) {
    std::string_view best;
    std::string name;
    for (const auto& f : algreg::search::facets) {
        if (term.starts_with(f.prefix) && f.prefix.size() > best.size() &&
            !(term[f.prefix.size()] >= 'A' && term[f.prefix.size()] <= 'Z')) {
            best = f.prefix;
            name = std::string(f.name);
        }
    }
    return {name, term.substr(best.size())};
}

/// Expected counts over the records for which `keep` holds.
Counts expected(const std::function<bool(const TermSet&)>& keep) {
    Counts out;
    for (const auto& terms : record_terms()) {
        if (keep(terms)) {
            for (const auto& t : terms) {
                const auto [name, value] = split_term(t);
                ++out[name][value];
            }
        }
    }
    return out;
}

std::size_t expected_total(const std::function<bool(const TermSet&)>& keep) {
    std::size_t n = 0;
    for (const auto& terms : record_terms()) {
        n += keep(terms) ? 1 : 0;
    }
    return n;
}

Counts counts_of(const SearchResult& r) {
    Counts out;
    for (const auto& f : r.facets) {
        for (const auto& v : f.values) {
            if (v.count > 0) {
                out[f.name][v.value] = v.count;
            }
        }
    }
    return out;
}

SearchRequest all_values(SearchRequest r = {}) {
    r.facet_limit = 0;
    r.page_size = 1;
    return r;
}

bool has(const TermSet& t, const std::string& term) {
    return t.contains(term);
}

} // namespace

TEST_CASE("status and listing impact-assessment counts equal the listing's own values") {
    // Expected: the listing's statuses, plus the entries only the templates and the 2023 export
    // have, with their statuses normalised.
    std::map<std::string, unsigned> status;
    std::map<std::string, unsigned> impact;
    std::set<std::string> listing_ids;
    for (const auto& e : listing_data().entries()) {
        ++status[e.status];
        ++impact[algreg::search::slug(e.impactassessment)];
        listing_ids.insert(e.id);
    }
    CHECK(status["in_gebruik"] == 1392);
    CHECK(status["ontwikkeling"] == 73);
    CHECK(status["buiten_gebruik"] == 65);
    auto add_extra = [&](const nlohmann::json& r, const std::string& id) {
        if (listing_ids.contains(id)) {
            return;
        }
        const auto s = r.contains("status") && r["status"].is_string()
                           ? algreg::indexer::normalise_status(r["status"].get<std::string>())
                           : std::nullopt;
        ++status[s ? algreg::indexer::status_code(*s) : "onbekend"];
    };
    using algreg::testing::fixture;
    using algreg::testing::read_file;
    for (const auto& r :
         nlohmann::json::parse(read_file(fixture("register-v1.0-templates.json")))) {
        add_extra(r, r.value("id", ""));
    }
    for (const auto& r :
         nlohmann::json::parse(read_file(fixture("register-2023-06-19-full.json")))) {
        add_extra(r, r.contains("lars") && r["lars"].is_string() ? r["lars"].get<std::string>()
                                                                 : r.value("id", ""));
    }

    auto s = searcher();
    const auto result = s.search(all_values());
    const auto counts = counts_of(result);
    CHECK(result.total == fixture_index().summary().changes.document_count);
    CHECK(counts.at("status") == status);
    CHECK(counts.at("impactassessment") == impact);
}

TEST_CASE("every facet's counts equal the facet terms of the stored records") {
    auto s = searcher();
    const auto result = s.search(all_values());
    CHECK(counts_of(result) == expected([](const TermSet&) { return true; }));
    // Organisations: 300+ values, so the list is long; facet_limit keeps it short by default.
    CHECK(counts_of(result).at("organisatie").size() > 300);
    SearchRequest limited;
    const auto short_list = s.search(limited);
    for (const auto& f : short_list.facets) {
        if (f.name == "organisatie") {
            CHECK(f.values.size() == limited.facet_limit);
            CHECK(f.value_count > 300);
            CHECK(f.values.front().count >= f.values.back().count);
        }
    }
}

TEST_CASE("counts of a text query equal the data of its matches") {
    auto s = searcher();
    SearchRequest r = all_values();
    r.text = "parkeren";
    r.page_size = 100;
    const auto result = s.search(r);
    REQUIRE(result.total > 20);
    REQUIRE(result.total <= 100);
    std::set<std::string> ids;
    for (const auto& h : result.hits) {
        ids.insert("Q" + h.id);
    }
    // Recount from the stored records of exactly the hits.
    Counts mine;
    Xapian::Database db(fixture_index().path());
    for (const auto& id : ids) {
        const auto p = db.postlist_begin(id);
        const auto rec =
            nlohmann::json::parse(db.get_document(*p).get_data()).get<AlgorithmRecord>();
        for (const auto& t : algreg::indexer::DocumentBuilder::filter_terms(rec)) {
            const auto [name, value] = split_term(t);
            ++mine[name][value];
        }
    }
    CHECK(counts_of(result) == mine);
}

TEST_CASE("disjunctive counts: a facet's counts ignore its own selection") {
    auto s = searcher();
    const auto unfiltered = counts_of(s.search(all_values()));

    SearchRequest r = all_values();
    r.filters["status"] = {"ontwikkeling"};
    const auto result = s.search(r);
    const auto counts = counts_of(result);
    const auto in_development = [](const TermSet& t) { return has(t, "XSontwikkeling"); };
    CHECK(result.total == expected_total(in_development));
    CHECK(result.total == 74);
    // Status keeps the unfiltered counts (so the user sees what else they could add) ...
    CHECK(counts.at("status") == unfiltered.at("status"));
    // ... every other facet counts only the selected entries.
    const auto want = expected(in_development);
    for (const auto& [facet, values] : counts) {
        if (facet != "status") {
            CAPTURE(facet);
            CHECK(values == want.at(facet));
        }
    }
    // The selected value is flagged.
    for (const auto& f : result.facets) {
        for (const auto& v : f.values) {
            CHECK(v.selected == (f.name == "status" && v.value == "ontwikkeling"));
        }
    }
}

TEST_CASE("values of one facet combine with OR, facets with AND") {
    auto s = searcher();
    SearchRequest r = all_values();
    r.filters["status"] = {"ontwikkeling", "buiten_gebruik"};
    CHECK(s.search(r).total == expected_total([](const TermSet& t) {
              return has(t, "XSontwikkeling") || has(t, "XSbuiten_gebruik");
          }));

    r.filters["organisatietype"] = {"gemeente"};
    const auto result = s.search(r);
    const auto both = [](const TermSet& t) {
        return (has(t, "XSontwikkeling") || has(t, "XSbuiten_gebruik")) && has(t, "XOTgemeente");
    };
    CHECK(result.total == expected_total(both));
    CHECK(result.total > 0);
    const auto counts = counts_of(result);
    // Status counts: every gemeente entry by status; type counts: every selected-status entry.
    CHECK(counts.at("status") ==
          expected([](const TermSet& t) { return has(t, "XOTgemeente"); }).at("status"));
    CHECK(counts.at("organisatietype") == expected([](const TermSet& t) {
                                              return has(t, "XSontwikkeling") ||
                                                     has(t, "XSbuiten_gebruik");
                                          }).at("organisatietype"));
    CHECK(counts.at("thema") == expected(both).at("thema"));
}

TEST_CASE("impact assessments: OR within one type, AND across types; counts per type") {
    auto s = searcher();
    SearchRequest r = all_values();
    r.filters["impacttoets"] = {"dpia-uitgevoerd"};
    const auto dpia_done = [](const TermSet& t) { return has(t, "XAdpia-uitgevoerd"); };
    const auto result = s.search(r);
    CHECK(result.total == expected_total(dpia_done));
    CHECK(result.total > 0);
    const auto counts = counts_of(result);
    const auto all = expected([](const TermSet&) { return true; }).at("impacttoets");
    const auto within = expected(dpia_done).at("impacttoets");
    for (const auto& [value, n] : counts.at("impacttoets")) {
        CAPTURE(value);
        // DPIA's own values ignore the DPIA selection; IAMA's count the selected entries.
        CHECK(n == (value.starts_with("dpia-") ? all.at(value) : within.at(value)));
    }

    r.filters["impacttoets"] = {"dpia-uitgevoerd", "dpia-niet-uitgevoerd"};
    CHECK(s.search(r).total == expected_total([](const TermSet& t) {
              return has(t, "XAdpia-uitgevoerd") || has(t, "XAdpia-niet-uitgevoerd");
          }));
    r.filters["impacttoets"] = {"dpia-niet-uitgevoerd", "iama-niet-uitgevoerd"};
    const auto both = expected_total([](const TermSet& t) {
        return has(t, "XAdpia-niet-uitgevoerd") && has(t, "XAiama-niet-uitgevoerd");
    });
    CHECK(both > 0);
    CHECK(s.search(r).total == both);
}

TEST_CASE("filter values may be given as labels; unknown ones match nothing and are named") {
    auto s = searcher();
    SearchRequest r = all_values();
    r.filters["status"] = {"In ontwikkeling"};
    CHECK(s.search(r).total == 74);
    r.filters["status"] = {"bestaat-niet"};
    const auto none = s.search(r);
    CHECK(none.total == 0);
    REQUIRE(none.warnings.size() == 1);
    CHECK(none.warnings[0].nl == "Onbekende filterwaarde: status=bestaat-niet");
    CHECK(none.warnings[0].en == "Unknown filter value: status=bestaat-niet");
    r.filters.clear();
    r.filters["geen-facet"] = {"x"};
    CHECK_THROWS_AS((void)s.search(r), algreg::search::BadRequest);
}

TEST_CASE("labels come from the records: names with accents, types and statuses in Dutch") {
    auto s = searcher();
    const auto result = s.search(all_values());
    std::map<std::string, std::string> org_labels;
    for (const auto& f : result.facets) {
        for (const auto& v : f.values) {
            if (f.name == "organisatie") {
                org_labels[v.value] = v.label;
            }
            if (f.name == "organisatietype" && v.value == "gemeente") {
                CHECK(v.label == "Gemeente");
            }
            if (f.name == "status" && v.value == "in_gebruik") {
                CHECK(v.label == "In gebruik");
            }
            if (f.name == "impacttoets" && v.value == "dpia-niet-uitgevoerd") {
                CHECK(v.label == "DPIA niet uitgevoerd");
                CHECK(v.group == "dpia");
            }
        }
    }
    for (const auto& e : listing_data().entries()) {
        CAPTURE(e.organisation);
        CHECK(org_labels.at(algreg::search::slug(e.organisation)) == e.organisation);
    }
}

TEST_CASE("facet value search finds organisations by any part of the name, without accents") {
    auto s = searcher();
    std::set<std::string> want;
    for (const auto& e : listing_data().entries()) {
        if (algreg::search::fold(e.organisation).find("utrecht") != std::string::npos) {
            want.insert(e.organisation);
        }
    }
    REQUIRE(want.size() >= 4);
    std::set<std::string> got;
    for (const auto& v : s.facet_values({}, "organisatie", "Utrecht", 0)) {
        got.insert(v.label);
        CHECK(v.count > 0);
    }
    CHECK(got == want);

    const auto fryslan = s.facet_values({}, "organisatie", "fryslan", 0);
    std::set<std::string> labels;
    for (const auto& v : fryslan) {
        labels.insert(v.label);
    }
    CHECK(labels.contains("Provincie Fryslân"));
    CHECK(labels.contains("Gemeente Súdwest-Fryslân"));
    // Counts follow the request: within "parkeren", Utrecht's count is its parking entries.
    SearchRequest parking;
    parking.text = "parkeren";
    const auto in_parking = s.facet_values(parking, "organisatie", "gemeente utrecht", 10);
    REQUIRE(in_parking.size() == 1);
    CHECK(in_parking[0].count < s.facet_values({}, "organisatie", "gemeente utrecht", 10)[0].count);
    CHECK_THROWS_AS((void)s.facet_values({}, "geen-facet", "x"), algreg::search::BadRequest);
}

TEST_CASE("organisation type labels equal the indexer's vocabulary") {
    const char* keys[] = {"adviescollege",
                          "agentschap",
                          "brandweer",
                          "caribisch_openbaar_lichaam",
                          "gemeente",
                          "grensoverschrijdend_regionaal_samenwerkingsorgaan",
                          "hoog_college_van_staat",
                          "interdepartementale_commissie",
                          "kabinet_van_de_koning",
                          "koepelorganisatie",
                          "ministerie",
                          "omgevingsdienst",
                          "openbaar_lichaam_voor_beroep_en_bedrijf",
                          "organisatie_met_overheidsbemoeienis",
                          "organisatieonderdeel",
                          "politie",
                          "provincie",
                          "regionaal_samenwerkingsverband",
                          "rechtspraak",
                          "regionaal_samenwerkingsorgaan",
                          "waterschap",
                          "zelfstandig_bestuursorgaan",
                          "overig",
                          "veiligheidsregio",
                          "inspectie"};
    for (const char* key : keys) {
        CAPTURE(key);
        CHECK(algreg::indexer::is_organisation_type(key));
        CHECK(algreg::search::organisation_type_label(key) ==
              algreg::indexer::organisation_type_label(key));
    }
    CHECK(algreg::search::organisation_type_label("onbekend") == "Onbekend");
}

TEST_CASE("ministerie: the ministry behind an organisation, a ministry included, none for others") {
    auto s = searcher();
    SearchRequest r = all_values();
    r.text = "fraude";
    r.filters["ministerie"] = {"ministerie-van-financien"};
    r.page_size = 100;
    const auto fraud = s.search(r);
    std::set<std::string> organisations;
    for (const auto& hit : fraud.hits) {
        organisations.insert(hit.organisation);
    }
    CAPTURE(fraud.total);
    CHECK(organisations.count("Belastingdienst") == 1);
    CHECK(organisations.count("Douane") == 1);
    for (const auto& name : organisations) {
        CAPTURE(name);
        CHECK(std::set<std::string>{"Belastingdienst", "Douane", "Dienst Toeslagen",
                                    "Ministerie van Financiën"}
                  .count(name) == 1);
    }

    // The label is the ministry's name; a ministry counts under itself; municipalities under none.
    r = all_values();
    const auto all = s.search(r);
    std::map<std::string, std::string> labels;
    for (const auto& f : all.facets) {
        if (f.name == "ministerie") {
            for (const auto& v : f.values) {
                labels[v.value] = v.label;
            }
        }
    }
    CHECK(labels.at("ministerie-van-financien") == "Ministerie van Financiën");
    CHECK(labels.count("ministerie-van-sociale-zaken-en-werkgelegenheid") == 1);
    r.filters["organisatie"] = {"ministerie-van-defensie"};
    r.filters["ministerie"] = {"ministerie-van-defensie"};
    const auto defensie = s.search(r);
    CHECK(defensie.total > 0);
    r.filters.clear();
    r.filters["organisatietype"] = {"gemeente"};
    r.filters["ministerie"] = {"ministerie-van-financien"};
    CHECK(s.search(r).total == 0);
}
