// Reading external assessment statements from CSV and deriving one status per assessment type.
#include "indexer/assessment_source.h"

#include "indexer/csv.h"
#include "indexer/vocabulary.h"
#include "search/assessment_vocabulary.h"
#include "search/errors.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>

namespace algreg::indexer {
namespace {

using search::AssessmentState;

constexpr std::size_t lars_length = 8;
constexpr std::string_view expected_header = "lars,assessment,status,date,link,source";

/// Header names matched case-insensitively after trimming.
struct Columns {
    std::optional<std::size_t> lars;
    std::optional<std::size_t> assessment;
    std::optional<std::size_t> status;
    std::optional<std::size_t> date;
    std::optional<std::size_t> link;
    std::optional<std::size_t> source;
};

[[nodiscard]] bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

[[nodiscard]] bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

[[nodiscard]] std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && is_space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

/// ASCII lower case with inner whitespace runs collapsed to one space; for keyword matching.
[[nodiscard]] std::string keyword(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (const char c : trim(s)) {
        if (is_space(c)) {
            pending_space = true;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

[[nodiscard]] std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw search::InputError(path, 0, 0,
                                 "cannot open the assessments file: check that the path exists "
                                 "and is readable");
    }
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) {
        throw search::InputError(path, 0, 0, "cannot read the assessments file: read error");
    }
    return std::move(content).str();
}

[[nodiscard]] Columns find_columns(const CsvRow& header, const std::string& path) {
    Columns columns;
    const std::array<std::pair<std::string_view, std::optional<std::size_t>*>, 6> names{{
        {"lars", &columns.lars},
        {"assessment", &columns.assessment},
        {"status", &columns.status},
        {"date", &columns.date},
        {"link", &columns.link},
        {"source", &columns.source},
    }};
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string name = keyword(header.cells[i]);
        for (const auto& [known, slot] : names) {
            if (name != known) {
                continue;
            }
            if (slot->has_value()) {
                throw search::InputError(path, header.line, 1,
                                         "column '" + name +
                                             "' appears twice in the header: keep one of them");
            }
            *slot = i;
        }
    }
    for (const auto& [known, slot] : names) {
        const bool required = known == "lars" || known == "assessment" || known == "status";
        if (required && !slot->has_value()) {
            throw search::InputError(path, header.line, 1,
                                     "missing required column '" + std::string(known) +
                                         "': the header must name lars, assessment and status "
                                         "(date, link, source optional), e.g. " +
                                         std::string(expected_header));
        }
    }
    return columns;
}

[[nodiscard]] std::optional<AssessmentState> parse_status(std::string_view value) {
    const std::string key = keyword(value);
    if (key == "uitgevoerd" || key == "ja" || key == "yes" || key == "done") {
        return AssessmentState::uitgevoerd;
    }
    if (key == "niet uitgevoerd" || key == "niet-uitgevoerd" || key == "nee" || key == "no") {
        return AssessmentState::niet_uitgevoerd;
    }
    if (key == "onbekend" || key == "gepland") {
        return AssessmentState::onbekend;
    }
    return std::nullopt;
}

[[nodiscard]] bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

[[nodiscard]] int two_digits(std::string_view s, std::size_t at) {
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

/// YYYY-MM or YYYY-MM-DD naming a real month (and day).
[[nodiscard]] bool is_valid_date(std::string_view date) {
    if (date.size() != 7 && date.size() != 10) {
        return false;
    }
    for (std::size_t i = 0; i < date.size(); ++i) {
        const bool dash_position = i == 4 || i == 7;
        if (dash_position ? date[i] != '-' : !is_digit(date[i])) {
            return false;
        }
    }
    const int month = two_digits(date, 5);
    if (month < 1 || month > 12) {
        return false;
    }
    if (date.size() == 7) {
        return true;
    }
    const int year = two_digits(date, 0) * 100 + two_digits(date, 2);
    constexpr std::array<int, 12> month_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int days = month_days[static_cast<std::size_t>(month - 1)] +
                     (month == 2 && is_leap_year(year) ? 1 : 0);
    const int day = two_digits(date, 8);
    return day >= 1 && day <= days;
}

[[nodiscard]] std::string quoted(std::string_view value) {
    return "'" + std::string(value) + "'";
}

/// Reads one data row into `out`, or appends one problem per bad field to `problems`.
[[nodiscard]] bool read_line(const CsvRow& row, const Columns& columns, std::size_t header_cells,
                             const SourcePosition& position, const std::string& default_source,
                             ExternalAssessment& out, std::vector<Problem>& problems) {
    const auto reject = [&](std::string record_id, std::string field, std::string message) {
        problems.push_back(Problem{position, std::move(record_id), std::move(field),
                                   Severity::rejected, std::move(message)});
    };
    if (row.cells.size() != header_cells) {
        reject("", "",
               "line has " + std::to_string(row.cells.size()) + " cells but the header has " +
                   std::to_string(header_cells) +
                   ": give every line one cell per header column and quote cells that contain "
                   "commas");
        return false;
    }
    const auto cell = [&](const std::optional<std::size_t>& column) {
        return column ? trim(row.cells[*column]) : std::string_view();
    };

    const std::string_view lars = cell(columns.lars);
    const std::string_view assessment = cell(columns.assessment);
    const std::string_view status = cell(columns.status);
    const std::string_view date = cell(columns.date);
    const std::size_t before = problems.size();

    const bool lars_ok = is_valid_lars(lars);
    if (!lars_ok) {
        const bool shape_ok =
            lars.size() == lars_length && std::all_of(lars.begin(), lars.end(), is_digit);
        reject("", "lars",
               "lars " + quoted(lars) +
                   (shape_ok ? " has a wrong check digit: copy the Algoritme-ID from the register"
                             : " is not an Algoritme-ID: expected 8 digits as shown in the "
                               "register"));
    }
    const std::string record_id = lars_ok ? std::string(lars) : std::string();

    const std::optional<std::string> type =
        assessment.empty() ? std::nullopt : canonical_assessment_type(assessment);
    if (!type) {
        reject(record_id, "assessment",
               "unknown assessment " + quoted(assessment) +
                   ": use an abbreviation such as DPIA, IAMA, FRIA or AIIA, or the full title");
    }
    const std::optional<AssessmentState> state = parse_status(status);
    if (!state) {
        reject(record_id, "status",
               "unknown status " + quoted(status) +
                   ": use uitgevoerd, niet uitgevoerd or onbekend (or ja, nee, yes, no, done, "
                   "gepland)");
    }
    if (!date.empty() && !is_valid_date(date)) {
        reject(record_id, "date",
               "date " + quoted(date) + " is not a date: write YYYY-MM-DD or YYYY-MM");
    }
    if (problems.size() != before) {
        return false;
    }

    out.lars = std::string(lars);
    out.position = position;
    auto& statement = out.statement;
    statement.type = *type;
    statement.state = *state;
    statement.date = std::string(date);
    statement.link = std::string(cell(columns.link));
    const std::string_view source = cell(columns.source);
    statement.source = source.empty() ? default_source : std::string(source);
    statement.text = std::string(assessment) + ": " + std::string(status);
    return true;
}

/// Newest first; statements without a date last. YYYY-MM sorts before the days of its month.
[[nodiscard]] bool newer(const search::AssessmentStatement& a,
                         const search::AssessmentStatement& b) {
    if (a.date.empty() != b.date.empty()) {
        return !a.date.empty();
    }
    return a.date > b.date;
}

/// Strongest first, as in search::assessment_states: uitgevoerd, niet uitgevoerd, onbekend,
/// niet vermeld.
[[nodiscard]] int strength(AssessmentState state) {
    switch (state) {
    case AssessmentState::uitgevoerd:
        return 0;
    case AssessmentState::niet_uitgevoerd:
        return 1;
    case AssessmentState::onbekend:
        return 2;
    case AssessmentState::niet_vermeld:
        break;
    }
    return 3;
}

void derive_one(search::Assessment& assessment) {
    auto& statements = assessment.statements;
    std::stable_sort(statements.begin(), statements.end(), newer);
    AssessmentState derived = AssessmentState::niet_vermeld;
    for (const auto& statement : statements) {
        if (strength(statement.state) < strength(derived)) {
            derived = statement.state;
        }
    }
    assessment.state = derived;
    assessment.link.clear();
    assessment.text.clear();
    bool text_taken = false;
    for (const auto& statement : statements) {
        if (statement.state != derived) {
            continue;
        }
        if (!text_taken) {
            assessment.text = statement.text;
            text_taken = true;
        }
        if (assessment.link.empty()) {
            assessment.link = statement.link;
        }
    }
}

[[nodiscard]] search::Assessment& row_of(std::vector<search::Assessment>& rows,
                                         std::string_view type) {
    for (auto& row : rows) {
        if (row.type == type) {
            return row;
        }
    }
    search::Assessment added;
    added.type = std::string(type);
    rows.push_back(std::move(added));
    return rows.back();
}

/// The listing's summary as statements (docs/assessments.md §3), for listing-only records: the
/// listing says whether some assessment of any kind is mentioned and not denied, never which.
void add_listing_statements(search::AlgorithmRecord& record) {
    const std::string& summary = record.impactassessment;
    if (!record.listing_only || summary.empty()) {
        return;
    }
    const auto statement = [&](AssessmentState state, std::string_view type) {
        search::AssessmentStatement s;
        s.type = std::string(type);
        s.state = state;
        s.link = record.register_url;
        // Undated: the summary describes the version shown, whose date the record carries; a
        // new publication date alone must not read as a change of the assessments.
        s.source = std::string(search::listing_source);
        s.text = "Impactassessment: " + summary;
        return s;
    };
    const auto named_kinds = [&] {
        std::vector<search::Assessment*> out;
        for (auto& row : record.assessments) {
            if (row.type != search::kind_unknown_type) {
                out.push_back(&row);
            }
        }
        return out;
    };
    const auto add = [&](search::Assessment& row, AssessmentState state) {
        row.statements.push_back(statement(state, row.type));
        derive_one(row);
    };
    search::Assessment& kind_unknown = row_of(record.assessments, search::kind_unknown_type);
    if (summary == "Ja") {
        std::vector<search::Assessment*> done;
        for (auto* row : named_kinds()) {
            if (row->state == AssessmentState::uitgevoerd) {
                done.push_back(row);
            }
        }
        for (auto* row : done) {
            add(*row, AssessmentState::uitgevoerd); // the listing's Ja is this kind
        }
        if (done.empty()) {
            for (auto* row : named_kinds()) {
                if (row->state == AssessmentState::niet_vermeld) {
                    add(*row, AssessmentState::onbekend); // perhaps this kind
                }
            }
            add(kind_unknown, AssessmentState::uitgevoerd);
        }
        return;
    }
    const AssessmentState named_state =
        summary == "Nee" ? AssessmentState::onbekend : AssessmentState::niet_vermeld;
    for (auto* row : named_kinds()) {
        if (row->state == AssessmentState::niet_vermeld) {
            add(*row, named_state);
        }
    }
    add(kind_unknown,
        summary == "Nee" ? AssessmentState::niet_uitgevoerd : AssessmentState::niet_vermeld);
}

} // namespace

bool is_valid_lars(std::string_view lars) {
    if (lars.size() != lars_length || !std::all_of(lars.begin(), lars.end(), is_digit)) {
        return false;
    }
    std::array<int, lars_length> d{};
    for (std::size_t i = 0; i < lars_length; ++i) {
        d[i] = lars[i] - '0';
    }
    if (std::any_of(d.begin(), d.end() - 1, [](int digit) { return digit == 0; })) {
        return false;
    }
    const int check = (3 * (d[0] + d[2] + d[4] + d[6]) + (d[1] + d[3] + d[5])) % 10;
    return d[7] == check;
}

AssessmentFile read_assessments_csv(const std::string& path) {
    const std::string text = read_whole_file(path);
    const std::vector<CsvRow> rows = parse_csv(text, path);
    if (rows.empty()) {
        throw search::InputError(path, 1, 1,
                                 "the assessments file is empty: start it with the header " +
                                     std::string(expected_header));
    }
    const Columns columns = find_columns(rows.front(), path);
    const std::string default_source = std::filesystem::path(path).filename().string();

    AssessmentFile file;
    file.statements.reserve(rows.size() - 1);
    for (std::size_t i = 1; i < rows.size(); ++i) {
        const SourcePosition position{path, rows[i].line, 1, i - 1};
        ExternalAssessment statement;
        if (read_line(rows[i], columns, rows.front().cells.size(), position, default_source,
                      statement, file.problems)) {
            file.statements.push_back(std::move(statement));
        }
    }
    return file;
}

void derive_assessments(search::AlgorithmRecord& record) {
    std::map<std::string, search::Assessment> by_type;
    for (auto& assessment : record.assessments) {
        by_type.try_emplace(assessment.type).first->second.type = assessment.type;
        for (auto& statement : assessment.statements) {
            if (statement.source == search::listing_source) {
                continue; // derived again below from the record's listing summary
            }
            if (statement.type.empty()) {
                statement.type = assessment.type;
            }
            auto& group = by_type[statement.type];
            group.type = statement.type;
            if (std::find(group.statements.begin(), group.statements.end(), statement) ==
                group.statements.end()) {
                group.statements.push_back(std::move(statement));
            }
        }
    }
    // Every entry has these rows, so that each kind's counts add up to the number of entries.
    for (const std::string_view type :
         {std::string_view("DPIA"), std::string_view("IAMA"), search::kind_unknown_type}) {
        by_type.try_emplace(std::string(type)).first->second.type = std::string(type);
    }
    record.assessments.clear();
    record.assessments.reserve(by_type.size());
    for (auto& [type, assessment] : by_type) {
        derive_one(assessment);
        record.assessments.push_back(std::move(assessment));
    }
    add_listing_statements(record);
    std::sort(record.assessments.begin(), record.assessments.end(),
              [](const auto& a, const auto& b) { return a.type < b.type; });
}

void merge_assessments(search::AlgorithmRecord& record,
                       const std::vector<ExternalAssessment>& external) {
    if (!record.lars.empty()) {
        for (const auto& item : external) {
            if (item.lars != record.lars) {
                continue;
            }
            auto found = std::find_if(
                record.assessments.begin(), record.assessments.end(),
                [&](const search::Assessment& a) { return a.type == item.statement.type; });
            if (found == record.assessments.end()) {
                search::Assessment added;
                added.type = item.statement.type;
                record.assessments.push_back(std::move(added));
                found = std::prev(record.assessments.end());
            }
            auto& statements = found->statements;
            if (std::find(statements.begin(), statements.end(), item.statement) ==
                statements.end()) {
                statements.push_back(item.statement);
            }
        }
    }
    derive_assessments(record);
}

} // namespace algreg::indexer
