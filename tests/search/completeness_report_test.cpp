// Completeness over many entries, on the real data: per-organisation field and rule counts
// checked against direct counts over the fixture records, band counts that add up, the
// register-wide rows and their sorting, the DPIA/IAMA view's totals and its list "verwacht maar
// niet vermeld", the CSV writers, the per-revision cache, and the volledigheid / ontbreekt
// facets of the index against check() of the records themselves.
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/analysis.h"
#include "search/completeness.h"
#include "search/completeness_cache.h"
#include "search/completeness_report.h"
#include "search/errors.h"
#include "search/schema.h"
#include "search/searcher.h"
#include "tests/support/fixture_index.h"
#include "tests/support/fixtures.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

using namespace algreg::search;
using algreg::testing::fixture;
using algreg::testing::fixture_index;

namespace {

constexpr auto reference_date = std::chrono::year_month_day{
    std::chrono::year{2026}, std::chrono::month{8}, std::chrono::day{8}};

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

struct Checked {
    std::vector<AlgorithmRecord> records;
    std::vector<Completeness> results;
};

Checked checked(const std::string& name) {
    Checked c{records_of(name), {}};
    CheckOptions options;
    options.today = reference_date;
    c.results = check_all(c.records, options);
    return c;
}

const Checked& export_2023() {
    static const Checked c = checked("register-2023-06-19-full.json");
    return c;
}
const Checked& listing() {
    static const Checked c = checked("register-2026-08-08.json");
    return c;
}

/// Every record of the fixture index with its results, through the cache.
const CompletenessData& index_data() {
    static CompletenessCache cache(fixture_index().path());
    static const auto data = cache.get(reference_date);
    return *data;
}

/// The organisation with the most records (ties: the first), as slug.
std::string largest_organisation(const std::vector<AlgorithmRecord>& records) {
    std::map<std::string, std::size_t> count;
    for (const auto& r : records) {
        if (!r.organization.empty()) {
            ++count[slug(r.organization)];
        }
    }
    const auto it = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
    });
    REQUIRE(it != count.end());
    return it->first;
}

/// Ids of every hit of `request`, page by page.
std::set<std::string> all_ids(Searcher& searcher, SearchRequest request) {
    std::set<std::string> ids;
    request.page_size = max_page_size;
    request.snippets = false;
    request.spelling = false;
    for (std::size_t page = 1;; ++page) {
        request.page = page;
        const auto result = searcher.search(request);
        for (const auto& hit : result.hits) {
            ids.insert(hit.id);
        }
        if (result.hits.empty() || ids.size() >= result.total) {
            break;
        }
    }
    return ids;
}

Searcher make_searcher() {
    SearcherOptions options;
    options.cache = fixture_index().cache();
    return Searcher(fixture_index().path(), options);
}

} // namespace

TEST_CASE("organisation report: field fill counts equal a direct count over the 2023 records") {
    const auto& c = export_2023();
    const std::string org = largest_organisation(c.records);
    const auto report = organisation_report(c.records, c.results, org);
    REQUIRE(report.has_value());

    std::size_t entries = 0;
    std::size_t goal = 0;
    std::size_t short_description = 0;
    std::size_t themes = 0;
    std::size_t legal_references = 0;
    for (const auto& r : c.records) {
        if (slug(r.organization) != org) {
            continue;
        }
        ++entries;
        goal += r.goal.empty() ? 0 : 1;
        short_description += r.description_short.empty() ? 0 : 1;
        themes += r.category.empty() ? 0 : 1;
        legal_references += r.lawful_basis_grouping.empty() ? 0 : 1;
    }
    CHECK(report->entries == entries);
    CHECK(entries > 5);
    std::map<std::string_view, const FieldFill*> by_key;
    for (const auto& f : report->fields) {
        by_key[f.field->key] = &f;
        CHECK(f.filled + f.empty + f.unknown == entries);
        CHECK(f.unknown == 0); // full records: every field is known
    }
    CHECK(report->fields.size() == scored_fields().size());
    CHECK(by_key["goal"]->filled == goal);
    CHECK(by_key["description_short"]->filled == short_description);
    CHECK(by_key["category"]->filled == themes);
    CHECK(by_key["lawful_basis_grouping"]->filled == legal_references);

    std::size_t in_bands = 0;
    for (const auto n : report->bands) {
        in_bands += n;
    }
    CHECK(in_bands == entries);
    CHECK(report->computable == entries);
    CHECK(report->median_progress > 0);
}

TEST_CASE("organisation report: every rule lists exactly the entries that break it") {
    const auto& c = export_2023();
    const std::string org = largest_organisation(c.records);
    const auto report = organisation_report(c.records, c.results, org);
    REQUIRE(report.has_value());
    std::map<std::string, std::set<std::string>> expected;
    for (std::size_t i = 0; i < c.records.size(); ++i) {
        if (slug(c.records[i].organization) != org) {
            continue;
        }
        for (const auto& f : c.results[i].findings) {
            expected[f.rule].insert(c.records[i].id);
        }
    }
    REQUIRE(!report->rules.empty());
    CHECK(report->rules.size() == expected.size());
    for (const auto& breach : report->rules) {
        std::set<std::string> ids;
        for (const auto& e : breach.entries) {
            ids.insert(e.id);
            CHECK(!e.name.empty());
        }
        CHECK_MESSAGE(ids == expected[std::string(breach.rule->id)], breach.rule->id);
    }
    CHECK_FALSE(organisation_report(c.records, c.results, "no-such-organisation").has_value());
}

TEST_CASE("organisation report of a listing organisation: fields beyond the listing are unknown") {
    const auto& c = listing();
    const std::string org = largest_organisation(c.records);
    const auto report = organisation_report(c.records, c.results, org);
    REQUIRE(report.has_value());
    CHECK(report->computable == 0);
    CHECK(report->bands[static_cast<std::size_t>(CompletenessBand::onbekend)] == report->entries);
    for (const auto& f : report->fields) {
        const bool listed = std::find(listing_fields().begin(), listing_fields().end(),
                                      f.field->key) != listing_fields().end();
        CHECK_MESSAGE((f.unknown == 0) == listed, f.field->key);
    }
    const nlohmann::json j = *report;
    CHECK(j["mean_progress"].is_null());
    CHECK(j["entries"] == report->entries);
}

TEST_CASE("organisation rows over the real listing: one per organisation, counts add up") {
    const auto& c = listing();
    const auto rows = organisation_rows(c.records, c.results);
    std::set<std::string> organisations;
    std::size_t with_org = 0;
    std::size_t not_in_listing = 0;
    for (std::size_t i = 0; i < c.records.size(); ++i) {
        if (!c.records[i].organization.empty()) {
            organisations.insert(slug(c.records[i].organization));
            ++with_org;
            not_in_listing += c.results[i].has("legal_basis.not_in_listing") ? 1 : 0;
        }
    }
    CHECK(rows.size() == organisations.size());
    CHECK(rows.size() == 336); // fixtures/README.md: 336 organisations
    std::size_t entries = 0;
    std::size_t legal = 0;
    for (const auto& row : rows) {
        entries += row.entries;
        legal += row.missing_legal_basis;
        std::size_t bands = 0;
        for (const auto n : row.bands) {
            bands += n;
        }
        CHECK(bands == row.entries);
        CHECK_FALSE(row.mean_progress.has_value()); // listing only
    }
    CHECK(entries == with_org);
    CHECK(legal == not_in_listing);
    CHECK(legal == 300); // docs/completeness.md §6

    // Sorted by name by default, by entries descending on request.
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CHECK(fold(rows[i - 1].name) <= fold(rows[i].name));
    }
    const auto by_size =
        organisation_rows(c.records, c.results, *parse_organisation_sort("-entries"));
    for (std::size_t i = 1; i < by_size.size(); ++i) {
        CHECK(by_size[i - 1].entries >= by_size[i].entries);
    }
    const auto by_legal =
        organisation_rows(c.records, c.results, *parse_organisation_sort("legal_basis"));
    for (std::size_t i = 1; i < by_legal.size(); ++i) {
        CHECK(by_legal[i - 1].missing_legal_basis <= by_legal[i].missing_legal_basis);
    }
}

TEST_CASE("organisation rows sort by mean progress with listing-only organisations last") {
    std::vector<AlgorithmRecord> records = export_2023().records;
    const auto& more = listing().records;
    records.insert(records.end(), more.begin(), more.begin() + 20);
    CheckOptions options;
    options.today = reference_date;
    const auto results = check_all(records, options);
    for (const bool descending : {false, true}) {
        const auto rows = organisation_rows(
            records, results, OrganisationSort{OrganisationColumn::progress, descending});
        bool seen_none = false;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (!rows[i].mean_progress) {
                seen_none = true;
                continue;
            }
            CHECK_FALSE(seen_none); // no figure after a row without one
            if (i > 0 && rows[i - 1].mean_progress) {
                CHECK((descending ? *rows[i - 1].mean_progress >= *rows[i].mean_progress
                                  : *rows[i - 1].mean_progress <= *rows[i].mean_progress));
            }
        }
        CHECK(seen_none);
    }
}

TEST_CASE("sort parameter: every column both ways, anything else refused") {
    for (const auto name : organisation_column_names) {
        const auto up = parse_organisation_sort(name);
        REQUIRE(up.has_value());
        CHECK_FALSE(up->descending);
        CHECK(to_string(*up) == name);
        const auto down = parse_organisation_sort("-" + std::string(name));
        REQUIRE(down.has_value());
        CHECK(down->descending);
        CHECK(down->column == up->column);
    }
    CHECK_FALSE(parse_organisation_sort("").has_value());
    CHECK_FALSE(parse_organisation_sort("--name").has_value());
    CHECK_FALSE(parse_organisation_sort("Name").has_value());
    CHECK_FALSE(parse_organisation_sort("score;drop").has_value());
}

TEST_CASE("DPIA/IAMA view over the real index: totals add up, counts equal the records") {
    const auto& data = index_data();
    const auto view = assessment_view(data.records, data.results);
    CHECK(view.entries == data.records.size());
    REQUIRE(view.types.size() >= 2);
    CHECK(view.types[0].type == "DPIA");
    CHECK(view.types[1].type == "IAMA");
    for (const auto& t : view.types) {
        CHECK(t.total.total() == view.entries);
        AssessmentCounts direct;
        for (const auto& r : data.records) {
            const auto it = std::find_if(r.assessments.begin(), r.assessments.end(),
                                         [&](const Assessment& a) { return a.type == t.type; });
            if (it == r.assessments.end() || it->state == AssessmentState::niet_vermeld) {
                ++direct.niet_vermeld;
            } else if (it->state == AssessmentState::uitgevoerd) {
                ++direct.uitgevoerd;
            } else if (it->state == AssessmentState::niet_uitgevoerd) {
                ++direct.niet_uitgevoerd;
            } else {
                ++direct.onbekend;
            }
        }
        CHECK(direct == t.total);
        AssessmentCounts by_type;
        for (const auto& g : t.by_organisation_type) {
            by_type.uitgevoerd += g.counts.uitgevoerd;
            by_type.niet_uitgevoerd += g.counts.niet_uitgevoerd;
            by_type.onbekend += g.counts.onbekend;
            by_type.niet_vermeld += g.counts.niet_vermeld;
        }
        CHECK(by_type == t.total);
        std::size_t by_category = 0;
        for (const auto& g : t.by_category) {
            by_category += g.counts.total();
        }
        CHECK(by_category == view.entries);
    }
    // The 2023 export's DPIA statements were merged in: some DPIA was done, some not.
    CHECK(view.types[0].total.uitgevoerd > 0);
    CHECK(view.types[0].total.niet_uitgevoerd > 0);
    CHECK(view.types[0].total.niet_vermeld > 0); // the listing says nothing per type
}

TEST_CASE("verwacht maar niet vermeld: exactly the high-impact entries without the assessment") {
    const auto& c = export_2023();
    CheckOptions options;
    options.today = reference_date;
    std::vector<AlgorithmRecord> records = c.records;
    const auto templates = records_of("register-v1.0-templates.json");
    records.insert(records.end(), templates.begin(), templates.end());
    const auto results = check_all(records, options);
    const auto view = assessment_view(records, results);
    REQUIRE(!view.expected.empty());
    std::set<std::string> listed;
    for (const auto& item : view.expected) {
        listed.insert(item.entry.id);
        CHECK((item.publication_category == "Impactvolle algoritmes" ||
               item.publication_category == "Hoog-risico AI-systeem"));
        const auto it = std::find_if(records.begin(), records.end(),
                                     [&](const auto& r) { return r.id == item.entry.id; });
        REQUIRE(it != records.end());
        for (const auto& type : item.expected) {
            // No statement of the register about it, and its text does not name it.
            const Assessment* a = find_assessment(*it, type);
            if (a != nullptr) {
                for (const auto& s : a->statements) {
                    CHECK(s.source != "register");
                }
            }
            CHECK(fold(it->impacttoetsen).find(fold(type)) == std::string::npos);
        }
        if (item.publication_category == "Impactvolle algoritmes") {
            CHECK(item.expected == std::vector<std::string>{"DPIA"}); // IAMA: high-risk only
        }
    }
    // And every high-impact entry that says nothing at all about a DPIA is listed.
    for (const auto& r : records) {
        const bool impactful = r.publication_category == "Impactvolle algoritmes" ||
                               r.publication_category == "Hoog-risico AI-systeem";
        const bool silent = r.assessments.empty() && r.impacttoetsen.empty() &&
                            r.impacttoetsen_grouping.empty() && !r.legacy.contains("dpia") &&
                            !r.legacy.contains("dpia_description");
        if (impactful && silent) {
            CHECK_MESSAGE(listed.contains(r.id), r.id);
        }
    }
    const auto gemeenten = expected_of_type(view, "gemeente");
    for (const auto& item : gemeenten) {
        CHECK(item.organisation_type == "gemeente");
    }
    CHECK(expected_of_type(view, "").size() == view.expected.size());
}

TEST_CASE("CSV writers: quoted fields, a header and one line per row") {
    const auto& c = listing();
    const auto rows = organisation_rows(c.records, c.results);
    const std::string csv = organisation_rows_csv(rows);
    CHECK(csv.starts_with("\"slug\",\"name\",\"organisation_type\",\"entries\""));
    std::size_t lines = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos;
         at = csv.find("\r\n", at + 2)) {
        ++lines;
    }
    CHECK(lines == rows.size() + 1);

    const auto report = organisation_report(export_2023().records, export_2023().results,
                                            largest_organisation(export_2023().records));
    REQUIRE(report.has_value());
    const std::string per_org = organisation_report_csv(*report);
    CHECK(per_org.find("\"field\",\"goal\",\"Doel en impact\"") != std::string::npos);
    CHECK(per_org.find("\"rule\",\"") != std::string::npos);

    const auto& data = index_data();
    const auto view = assessment_view(data.records, data.results);
    const std::string counts = assessment_counts_csv(view);
    CHECK(counts.find("\"DPIA\",\"total\",\"\"") != std::string::npos);
    const std::string expected = expected_assessments_csv(view.expected);
    CHECK(expected.starts_with("\"id\",\"name\",\"organisation\""));
}

TEST_CASE("completeness cache: one load per revision and date") {
    CompletenessCache cache(fixture_index().path());
    const auto a = cache.get(reference_date);
    const auto b = cache.get(reference_date);
    CHECK(a.get() == b.get());
    CHECK(a->records.size() == fixture_index().summary().changes.document_count);
    CHECK(a->records.size() == a->results.size());
    const auto later = cache.get(std::chrono::year_month_day{
        std::chrono::year{2026}, std::chrono::month{8}, std::chrono::day{9}});
    CHECK(later.get() != a.get());
    for (const auto& r : a->records) {
        const Completeness* result = a->find(r.id);
        REQUIRE(result != nullptr);
        CHECK(result->record_id == r.id);
    }
    CompletenessCache missing("/nonexistent/algreg-index");
    CHECK_THROWS_AS((void)missing.get(reference_date), IndexUnavailableError);
}

TEST_CASE("facet volledigheid: a band filter returns exactly the entries check() puts in it") {
    Searcher searcher = make_searcher();
    const auto& data = index_data();
    std::size_t bands_seen = 0;
    for (const auto band : {CompletenessBand::oranje, CompletenessBand::geel,
                            CompletenessBand::groen, CompletenessBand::onbekend}) {
        std::set<std::string> expected;
        for (const auto& r : data.records) {
            if (check(r).band == band) {
                expected.insert(r.id);
            }
        }
        SearchRequest request;
        request.filters[std::string(facet::completeness_band.name)] = {
            std::string(to_string(band))};
        CHECK_MESSAGE(all_ids(searcher, request) == expected, to_string(band));
        bands_seen += expected.empty() ? 0 : 1;
    }
    CHECK(bands_seen == 4);

    // The facet lists the bands worst first, with Dutch labels.
    SearchRequest all;
    all.page_size = 1;
    const auto result = searcher.search(all);
    const auto f = std::find_if(result.facets.begin(), result.facets.end(), [](const auto& x) {
        return x.name == facet::completeness_band.name;
    });
    REQUIRE(f != result.facets.end());
    std::vector<std::string> order;
    for (const auto& v : f->values) {
        order.push_back(v.value);
    }
    CHECK(order == std::vector<std::string>{"oranje", "geel", "groen", "onbekend"});
    CHECK(f->values[2].label == "Goed");
}

TEST_CASE("facet ontbreekt: a field filter returns exactly the entries that miss it") {
    Searcher searcher = make_searcher();
    const auto& data = index_data();
    for (const std::string key : {"goal", "contact_email", "lawful_basis_grouping"}) {
        std::set<std::string> expected;
        for (const auto& r : data.records) {
            const auto missing = check(r).missing;
            if (std::find(missing.begin(), missing.end(), key) != missing.end()) {
                expected.insert(r.id);
            }
        }
        SearchRequest request;
        request.filters[std::string(facet::missing_field.name)] = {key};
        CHECK_MESSAGE(all_ids(searcher, request) == expected, key);
        CHECK_MESSAGE(!expected.empty(), key);
    }
    // Listing-only entries are not "missing" fields the listing does not have.
    SearchRequest unknown_and_missing;
    unknown_and_missing.filters[std::string(facet::completeness_band.name)] = {"onbekend"};
    unknown_and_missing.filters[std::string(facet::missing_field.name)] = {"contact_email"};
    CHECK(all_ids(searcher, unknown_and_missing).empty());
}
