#include "search/completeness_report.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/csv_writer.h"
#include "search/schema.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace algreg::search {

namespace {

constexpr std::string_view unknown_key = "onbekend";

std::size_t count_severity(const Completeness& c, FindingSeverity severity) {
    return static_cast<std::size_t>(
        std::count_if(c.findings.begin(), c.findings.end(),
                      [severity](const Finding& f) { return f.severity == severity; }));
}

bool lacks_legal_basis(const Completeness& c) {
    return c.has("legal_basis.missing") || c.has("legal_basis.not_in_listing");
}

bool lacks_expected_assessment(const Completeness& c) {
    return c.has("assessment.dpia_expected") || c.has("assessment.iama_expected");
}

void check_sizes(std::span<const AlgorithmRecord> records, std::span<const Completeness> results) {
    if (records.size() != results.size()) {
        throw std::invalid_argument("completeness report: one result per record is needed");
    }
}

double median_of(std::vector<int> values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
}

std::string one_decimal(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value);
    return buffer;
}

/// Every cell quoted (names hold commas), CRLF, formula-like cells neutralised: the cells
/// include entry and organisation names as the register has them.
std::string join_csv(std::initializer_list<std::string_view> fields) {
    return csv_line(fields, CsvStyle{.quoting = CsvQuoting::all});
}

int assessment_type_rank(std::string_view type) {
    const auto it = std::find(assessment_types.begin(), assessment_types.end(), type);
    return static_cast<int>(it - assessment_types.begin());
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Per organisation

std::optional<OrganisationReport> organisation_report(std::span<const AlgorithmRecord> records,
                                                      std::span<const Completeness> results,
                                                      std::string_view wanted) {
    check_sizes(records, results);
    if (wanted.empty()) {
        return std::nullopt;
    }
    OrganisationReport report;
    report.slug = std::string(wanted);
    std::vector<Completeness> mine;
    std::map<std::string, std::string, std::less<>> names; // id -> name
    std::vector<int> progress;
    double score_total = 0;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const AlgorithmRecord& r = records[i];
        if (r.organization.empty() || slug(r.organization) != wanted) {
            continue;
        }
        const Completeness& c = results[i];
        if (report.entries == 0) {
            report.name = r.organization;
            report.type = r.organization_type;
        }
        ++report.entries;
        mine.push_back(c);
        names[r.id] = r.name;
        if (c.computable) {
            progress.push_back(c.progress);
            score_total += c.score;
        }
        report.scores.push_back({{r.id, r.name},
                                 c.computable,
                                 c.score,
                                 c.max_score,
                                 c.progress,
                                 c.band,
                                 count_severity(c, FindingSeverity::error),
                                 count_severity(c, FindingSeverity::warning)});
    }
    if (report.entries == 0) {
        return std::nullopt;
    }
    const CompletenessSummary summary = summarise(mine);
    report.computable = summary.computable;
    report.bands = summary.bands;
    report.findings = summary.findings;
    report.mean_progress = summary.mean_progress;
    report.median_progress = median_of(progress);
    report.mean_score = progress.empty() ? 0 : score_total / static_cast<double>(progress.size());
    const auto fields = scored_fields();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& count = summary.fields[i];
        report.fields.push_back(
            {&fields[i], count.filled, count.known - count.filled, report.entries - count.known});
    }
    for (const Rule& rule : rules()) {
        const auto it = summary.rules.find(rule.id);
        if (it == summary.rules.end()) {
            continue;
        }
        RuleBreach breach{&rule, {}};
        for (const auto& id : it->second) {
            const auto name = names.find(id);
            breach.entries.push_back({id, name == names.end() ? std::string() : name->second});
        }
        report.rules.push_back(std::move(breach));
    }
    return report;
}

// ---------------------------------------------------------------------------------------------
// Register-wide rows

std::optional<OrganisationSort> parse_organisation_sort(std::string_view text) {
    OrganisationSort sort;
    if (text.starts_with('-')) {
        sort.descending = true;
        text.remove_prefix(1);
    }
    for (std::size_t i = 0; i < organisation_column_names.size(); ++i) {
        if (organisation_column_names[i] == text) {
            sort.column = static_cast<OrganisationColumn>(i);
            return sort;
        }
    }
    return std::nullopt;
}

std::string to_string(OrganisationSort sort) {
    return (sort.descending ? "-" : "") +
           std::string(organisation_column_names[static_cast<std::size_t>(sort.column)]);
}

void sort_rows(std::vector<OrganisationRow>& rows, OrganisationSort sort) {
    // Numeric key of a row for the column; names and types compare as folded text.
    auto number = [&](const OrganisationRow& r) -> double {
        switch (sort.column) {
        case OrganisationColumn::entries:
            return static_cast<double>(r.entries);
        case OrganisationColumn::progress:
            return r.mean_progress.value_or(0);
        case OrganisationColumn::oranje:
        case OrganisationColumn::geel:
        case OrganisationColumn::groen:
        case OrganisationColumn::onbekend:
            return static_cast<double>(
                r.bands[static_cast<std::size_t>(sort.column) -
                        static_cast<std::size_t>(OrganisationColumn::oranje)]);
        case OrganisationColumn::errors:
            return static_cast<double>(r.with_errors);
        case OrganisationColumn::warnings:
            return static_cast<double>(r.with_warnings);
        case OrganisationColumn::legal_basis:
            return static_cast<double>(r.missing_legal_basis);
        case OrganisationColumn::assessments:
            return static_cast<double>(r.assessment_expected);
        case OrganisationColumn::name:
        case OrganisationColumn::type:
            break;
        }
        return 0;
    };
    std::vector<std::pair<std::string, std::string>> folded; // (fold(name), fold(type))
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        order[i] = i;
        folded.emplace_back(fold(rows[i].name), fold(rows[i].type));
    }
    auto by_name = [&](std::size_t a, std::size_t b) {
        if (folded[a].first != folded[b].first) {
            return folded[a].first < folded[b].first;
        }
        return rows[a].slug < rows[b].slug;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const OrganisationRow& ra = rows[a];
        const OrganisationRow& rb = rows[b];
        if (sort.column == OrganisationColumn::progress &&
            ra.mean_progress.has_value() != rb.mean_progress.has_value()) {
            return ra.mean_progress.has_value(); // rows without a figure last, either way
        }
        if (sort.column == OrganisationColumn::name) {
            return sort.descending ? by_name(b, a) : by_name(a, b);
        }
        if (sort.column == OrganisationColumn::type) {
            if (folded[a].second != folded[b].second) {
                return sort.descending ? folded[a].second > folded[b].second
                                       : folded[a].second < folded[b].second;
            }
            return by_name(a, b);
        }
        const double na = number(ra);
        const double nb = number(rb);
        if (na != nb) {
            return sort.descending ? na > nb : na < nb;
        }
        return by_name(a, b);
    });
    std::vector<OrganisationRow> sorted;
    sorted.reserve(rows.size());
    for (const auto i : order) {
        sorted.push_back(std::move(rows[i]));
    }
    rows = std::move(sorted);
}

std::vector<OrganisationRow> organisation_rows(std::span<const AlgorithmRecord> records,
                                               std::span<const Completeness> results,
                                               OrganisationSort sort) {
    check_sizes(records, results);
    std::map<std::string, OrganisationRow> by_slug;
    std::map<std::string, std::pair<double, std::size_t>> progress; // slug -> (sum, count)
    for (std::size_t i = 0; i < records.size(); ++i) {
        const AlgorithmRecord& r = records[i];
        if (r.organization.empty()) {
            continue;
        }
        const Completeness& c = results[i];
        const std::string key = slug(r.organization);
        auto [it, inserted] = by_slug.try_emplace(key);
        OrganisationRow& row = it->second;
        if (inserted) {
            row.slug = key;
            row.name = r.organization;
            row.type = r.organization_type;
        }
        ++row.entries;
        ++row.bands[static_cast<std::size_t>(c.band)];
        if (c.computable) {
            ++row.computable;
            auto& [sum, count] = progress[key];
            sum += c.progress;
            ++count;
        }
        const auto worst = c.worst();
        row.with_errors += worst == FindingSeverity::error ? 1 : 0;
        row.with_warnings += count_severity(c, FindingSeverity::warning) > 0 ? 1 : 0;
        row.missing_legal_basis += lacks_legal_basis(c) ? 1 : 0;
        row.assessment_expected += lacks_expected_assessment(c) ? 1 : 0;
    }
    std::vector<OrganisationRow> rows;
    rows.reserve(by_slug.size());
    for (auto& [key, row] : by_slug) {
        if (const auto it = progress.find(key); it != progress.end()) {
            row.mean_progress = it->second.first / static_cast<double>(it->second.second);
        }
        rows.push_back(std::move(row));
    }
    sort_rows(rows, sort);
    return rows;
}

// ---------------------------------------------------------------------------------------------
// DPIA/IAMA

void AssessmentCounts::add(const Assessment* assessment) {
    // The model's state as stored (docs/assessments.md); the same value the filter counts.
    switch (assessment == nullptr ? AssessmentState::niet_vermeld : assessment->state) {
    case AssessmentState::uitgevoerd:
        ++uitgevoerd;
        break;
    case AssessmentState::niet_uitgevoerd:
        ++niet_uitgevoerd;
        break;
    case AssessmentState::onbekend:
        ++onbekend;
        break;
    case AssessmentState::niet_vermeld:
        ++niet_vermeld;
        break;
    }
}

std::size_t AssessmentCounts::of(AssessmentState state) const {
    switch (state) {
    case AssessmentState::uitgevoerd:
        return uitgevoerd;
    case AssessmentState::niet_uitgevoerd:
        return niet_uitgevoerd;
    case AssessmentState::onbekend:
        return onbekend;
    case AssessmentState::niet_vermeld:
        break;
    }
    return niet_vermeld;
}

AssessmentView assessment_view(std::span<const AlgorithmRecord> records,
                               std::span<const Completeness> results) {
    check_sizes(records, results);
    AssessmentView view;
    view.entries = records.size();
    std::set<std::string> types;
    for (const auto& r : records) {
        for (const auto& a : r.assessments) {
            types.insert(a.type);
        }
    }
    std::vector<std::string> ordered(types.begin(), types.end());
    std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
        return assessment_type_rank(a) < assessment_type_rank(b);
    });
    for (const auto& type : ordered) {
        AssessmentTypeCounts counts;
        counts.type = type;
        std::map<std::string, AssessmentCounts> by_type;
        std::map<std::string, AssessmentCounts> by_category;
        for (const auto& r : records) {
            const Assessment* a = find_assessment(r, type);
            counts.total.add(a);
            by_type[r.organization_type.empty() ? std::string(unknown_key) : r.organization_type]
                .add(a);
            by_category[r.publication_category.empty() ? std::string(unknown_key)
                                                       : r.publication_category]
                .add(a);
        }
        for (auto& [key, c] : by_type) {
            counts.by_organisation_type.push_back({key, c});
        }
        for (auto& [key, c] : by_category) {
            counts.by_category.push_back({key, c});
        }
        view.types.push_back(std::move(counts));
    }
    for (std::size_t i = 0; i < records.size(); ++i) {
        const Completeness& c = results[i];
        if (!lacks_expected_assessment(c)) {
            continue;
        }
        const AlgorithmRecord& r = records[i];
        ExpectedAssessment item;
        item.entry = {r.id, r.name};
        item.organisation = r.organization;
        item.organisation_slug = r.organization.empty() ? std::string() : slug(r.organization);
        item.organisation_type = r.organization_type;
        item.publication_category = r.publication_category;
        item.status = r.status;
        if (c.has("assessment.dpia_expected")) {
            item.expected.emplace_back("DPIA");
        }
        if (c.has("assessment.iama_expected")) {
            item.expected.emplace_back("IAMA");
        }
        view.expected.push_back(std::move(item));
    }
    return view;
}

std::vector<ExpectedAssessment> expected_of_type(const AssessmentView& view,
                                                 std::string_view type) {
    std::vector<ExpectedAssessment> out;
    for (const auto& item : view.expected) {
        if (type.empty() || item.organisation_type == type ||
            (type == unknown_key && item.organisation_type.empty())) {
            out.push_back(item);
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// JSON

void to_json(nlohmann::json& j, const EntryRef& entry) {
    j = {{"id", entry.id}, {"name", entry.name}};
}

namespace {

nlohmann::json bands_json(const std::array<std::size_t, 4>& bands) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto band : {CompletenessBand::oranje, CompletenessBand::geel,
                            CompletenessBand::groen, CompletenessBand::onbekend}) {
        j[std::string(to_string(band))] = bands[static_cast<std::size_t>(band)];
    }
    return j;
}

nlohmann::json groups_json(const std::vector<AssessmentGroup>& groups) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& g : groups) {
        j[g.key] = g.counts;
    }
    return j;
}

} // namespace

void to_json(nlohmann::json& j, const OrganisationReport& report) {
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : report.fields) {
        fields.push_back({{"field", f.field->key},
                          {"title", {{"nl", f.field->title_nl}, {"en", f.field->title_en}}},
                          {"weight", f.field->weight},
                          {"filled", f.filled},
                          {"empty", f.empty},
                          {"unknown", f.unknown}});
    }
    nlohmann::json rule_list = nlohmann::json::array();
    for (const auto& b : report.rules) {
        rule_list.push_back({{"rule", b.rule->id},
                             {"severity", to_string(b.rule->severity)},
                             {"title", {{"nl", b.rule->title_nl}, {"en", b.rule->title_en}}},
                             {"count", b.entries.size()},
                             {"entries", b.entries}});
    }
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& s : report.scores) {
        entries.push_back(
            {{"id", s.entry.id},
             {"name", s.entry.name},
             {"computable", s.computable},
             {"score", s.computable ? nlohmann::json(s.score) : nlohmann::json()},
             {"max", s.max_score},
             {"progress", s.computable ? nlohmann::json(s.progress) : nlohmann::json()},
             {"band", to_string(s.band)},
             {"errors", s.errors},
             {"warnings", s.warnings}});
    }
    const bool any = report.computable > 0;
    j = {{"organisation", {{"slug", report.slug}, {"name", report.name}, {"type", report.type}}},
         {"scored_against", scored_standard},
         {"entries", report.entries},
         {"computable", report.computable},
         {"mean_score", any ? nlohmann::json(report.mean_score) : nlohmann::json()},
         {"mean_progress", any ? nlohmann::json(report.mean_progress) : nlohmann::json()},
         {"median_progress", any ? nlohmann::json(report.median_progress) : nlohmann::json()},
         {"bands", bands_json(report.bands)},
         {"findings",
          {{"error", report.findings[2]},
           {"warning", report.findings[1]},
           {"info", report.findings[0]}}},
         {"fields", std::move(fields)},
         {"rules", std::move(rule_list)},
         {"scores", std::move(entries)}};
}

void to_json(nlohmann::json& j, const OrganisationRow& row) {
    j = {{"slug", row.slug},
         {"name", row.name},
         {"type", row.type},
         {"entries", row.entries},
         {"computable", row.computable},
         {"mean_progress",
          row.mean_progress ? nlohmann::json(*row.mean_progress) : nlohmann::json()},
         {"bands", bands_json(row.bands)},
         {"with_errors", row.with_errors},
         {"with_warnings", row.with_warnings},
         {"missing_legal_basis", row.missing_legal_basis},
         {"assessment_expected", row.assessment_expected}};
}

void to_json(nlohmann::json& j, const AssessmentCounts& counts) {
    j = {{"uitgevoerd", counts.uitgevoerd},
         {"niet_uitgevoerd", counts.niet_uitgevoerd},
         {"onbekend", counts.onbekend},
         {"niet_vermeld", counts.niet_vermeld}};
}

void to_json(nlohmann::json& j, const ExpectedAssessment& item) {
    j = {{"id", item.entry.id},
         {"name", item.entry.name},
         {"organisation", item.organisation},
         {"organisation_slug", item.organisation_slug},
         {"organisation_type", item.organisation_type},
         {"publication_category", item.publication_category},
         {"status", item.status},
         {"expected", item.expected}};
}

void to_json(nlohmann::json& j, const AssessmentView& view) {
    nlohmann::json types = nlohmann::json::array();
    for (const auto& t : view.types) {
        types.push_back({{"type", t.type},
                         {"total", t.total},
                         {"by_organisation_type", groups_json(t.by_organisation_type)},
                         {"by_publication_category", groups_json(t.by_category)}});
    }
    j = {{"entries", view.entries}, {"types", std::move(types)}, {"expected", view.expected}};
}

// ---------------------------------------------------------------------------------------------
// CSV

std::string organisation_rows_csv(std::span<const OrganisationRow> rows) {
    std::string out =
        join_csv({"slug", "name", "organisation_type", "entries", "computable", "mean_progress",
                  "oranje", "geel", "groen", "onbekend", "with_errors", "with_warnings",
                  "missing_legal_basis", "assessment_expected"});
    for (const auto& r : rows) {
        auto n = [](std::size_t v) { return std::to_string(v); };
        out +=
            join_csv({r.slug, r.name, r.type, n(r.entries), n(r.computable),
                      r.mean_progress ? one_decimal(*r.mean_progress) : std::string(),
                      n(r.bands[0]), n(r.bands[1]), n(r.bands[2]), n(r.bands[3]), n(r.with_errors),
                      n(r.with_warnings), n(r.missing_legal_basis), n(r.assessment_expected)});
    }
    return out;
}

std::string organisation_report_csv(const OrganisationReport& report) {
    std::string out = join_csv({"kind", "key", "title", "count", "empty", "unknown", "entries"});
    for (const auto& f : report.fields) {
        out += join_csv({"field", f.field->key, f.field->title_nl, std::to_string(f.filled),
                         std::to_string(f.empty), std::to_string(f.unknown), ""});
    }
    for (const auto& b : report.rules) {
        std::string ids;
        for (const auto& e : b.entries) {
            ids += (ids.empty() ? "" : " ") + e.id;
        }
        out += join_csv(
            {"rule", b.rule->id, b.rule->title_nl, std::to_string(b.entries.size()), "", "", ids});
    }
    return out;
}

std::string assessment_counts_csv(const AssessmentView& view) {
    std::string out = join_csv({"type", "dimension", "group", "uitgevoerd", "niet_uitgevoerd",
                                "onbekend", "niet_vermeld"});
    auto row = [&](const std::string& type, std::string_view dimension, const std::string& group,
                   const AssessmentCounts& c) {
        out += join_csv({type, dimension, group, std::to_string(c.uitgevoerd),
                         std::to_string(c.niet_uitgevoerd), std::to_string(c.onbekend),
                         std::to_string(c.niet_vermeld)});
    };
    for (const auto& t : view.types) {
        row(t.type, "total", "", t.total);
        for (const auto& g : t.by_organisation_type) {
            row(t.type, "organisation_type", g.key, g.counts);
        }
        for (const auto& g : t.by_category) {
            row(t.type, "publication_category", g.key, g.counts);
        }
    }
    return out;
}

std::string expected_assessments_csv(std::span<const ExpectedAssessment> items) {
    std::string out = join_csv({"id", "name", "organisation", "organisation_type",
                                "publication_category", "status", "expected"});
    for (const auto& item : items) {
        std::string expected;
        for (const auto& e : item.expected) {
            expected += (expected.empty() ? "" : " ") + e;
        }
        out += join_csv({item.entry.id, item.entry.name, item.organisation, item.organisation_type,
                         item.publication_category, item.status, expected});
    }
    return out;
}

} // namespace algreg::search
