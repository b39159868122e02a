#include "indexer/normalise.h"

#include "indexer/assessment_source.h"
#include "indexer/vocabulary.h"
#include "search/analysis.h"
#include "search/html_text.h"
#include "search/schema.h"

#include <algorithm>
#include <array>
#include <map>

namespace algreg::indexer {

using nlohmann::json;
using search::AlgorithmRecord;
using search::AssessmentState;
using search::AssessmentStatement;

namespace {

const std::string register_entry_url = "https://algoritmes.overheid.nl/nl/algoritme/";

/// Number of code points in UTF-8 text.
std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// The first `n` code points of `s`.
std::string first_code_points(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    std::size_t seen = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (seen == n) {
                break;
            }
            ++seen;
        }
    }
    return std::string(s.substr(0, i));
}

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

bool is_date_prefix(std::string_view s) {
    if (s.size() < 10) {
        return false;
    }
    for (std::size_t i = 0; i < 10; ++i) {
        const bool digit = s[i] >= '0' && s[i] <= '9';
        if ((i == 4 || i == 7) ? s[i] != '-' : !digit) {
            return false;
        }
    }
    return true;
}

bool is_url(std::string_view s) {
    return s.starts_with("http://") || s.starts_with("https://");
}

class Normaliser {
  public:
    Normaliser(const SourceRecord& source, InputFormat format, Normalised& out)
        : source_(source), format_(format), out_(out) {
        for (const auto& [key, value] : source.value.items()) {
            std::string lower = key;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            fields_.emplace(std::move(lower), &value);
        }
    }

    void run() {
        if (is_header_row()) {
            out_.header_row = true;
            return;
        }
        AlgorithmRecord r;
        const bool listing = has("organisatie") || has("doel") || has("juridische_basis");
        if (listing) {
            read_listing(r);
        } else {
            read_full(r);
        }
        if (!resolve_id(r)) {
            return;
        }
        for (const auto& field : source_.invalid_utf8_fields) {
            report(
                r.id, field, Severity::repaired,
                "invalid UTF-8 replaced by U+FFFD (\xEF\xBF\xBD); fix the encoding at the source");
        }
        r.organization_type = organisation_type(r);
        if (!r.lars.empty()) {
            r.register_url = register_entry_url + r.lars;
        }
        for (auto& p : out_.problems) {
            if (p.record_id.empty()) {
                p.record_id = r.id;
            }
        }
        derive_assessments(r);
        out_.record = std::move(r);
    }

  private:
    [[nodiscard]] bool has(const std::string& key) const {
        const auto it = fields_.find(key);
        return it != fields_.end() && !it->second->is_null();
    }

    [[nodiscard]] const json* get(const std::string& key) const {
        const auto it = fields_.find(key);
        return it == fields_.end() ? nullptr : it->second;
    }

    void report(const std::string& id, std::string field, Severity severity, std::string message) {
        out_.problems.push_back(
            Problem{source_.position, id, std::move(field), severity, std::move(message)});
    }

    bool is_header_row() const {
        // The 0.2 launch file starts with three rows: required flags, Dutch labels, descriptions.
        const json* name = get("name");
        const json* schema = get("schema");
        if (name == nullptr || !name->is_string() || schema == nullptr || !schema->is_string()) {
            return false;
        }
        const auto& n = name->get_ref<const std::string&>();
        const auto& s = schema->get_ref<const std::string&>();
        const bool versioned = s.find_first_of("0123456789") != std::string::npos;
        return n == "required" || n == "Naam" || (!versioned && source_.position.index < 3);
    }

    /// The value of `key` as text, repairing wrong types.
    std::string text(const std::string& key) {
        const json* v = get(key);
        if (v == nullptr || v->is_null()) {
            return {};
        }
        if (v->is_string()) {
            return v->get<std::string>();
        }
        if (v->is_number() || v->is_boolean()) {
            report({}, key, Severity::repaired,
                   std::string("a ") + v->type_name() +
                       " where text was expected; converted to text");
            return v->dump();
        }
        if (v->is_array()) {
            std::string joined;
            for (const auto& item : *v) {
                if (item.is_string()) {
                    joined += (joined.empty() ? "" : ", ") + item.get<std::string>();
                }
            }
            report({}, key, Severity::repaired,
                   "a list where text was expected; joined with \", \"");
            return joined;
        }
        report({}, key, Severity::repaired, "an object where text was expected; left out");
        return {};
    }

    /// Caps `value` far over the field's maximum, reporting it.
    std::string capped(const std::string& key, std::string value, std::size_t max_length) {
        const std::size_t cap =
            std::min(std::max(max_length * field_cap_factor, field_cap_floor), field_cap_bytes / 4);
        if (code_points(value) > cap || value.size() > field_cap_bytes) {
            const std::size_t keep = cap;
            report({}, key, Severity::repaired,
                   "value of " + std::to_string(code_points(value)) +
                       " characters is far over the maximum" +
                       (max_length ? " of " + std::to_string(max_length) : std::string()) +
                       "; truncated to " + std::to_string(keep) + " characters");
            value = first_code_points(value, keep);
        }
        return value;
    }

    std::string plain(const std::string& key, std::size_t max_length, bool single_line) {
        std::string value = capped(key, text(key), max_length);
        if (search::looks_like_html(value)) {
            value = search::strip_html(value);
        }
        return single_line ? collapse_whitespace(value) : trim(value);
    }

    void read_listing(AlgorithmRecord& r) {
        r.source_format = "listing";
        r.listing_only = true;
        r.id = trim(text("id"));
        if (r.id.size() == 8 && is_valid_lars(r.id)) {
            r.lars = r.id;
        }
        r.name = plain("title", 100, true);
        r.organization = plain("organisatie", 100, true);
        r.goal = search::sanitise_html(capped("doel", text("doel"), 2500));
        r.lawful_basis =
            search::sanitise_html(capped("juridische_basis", text("juridische_basis"), 2500));
        set_status(r, text("status"));
        const std::string ia = collapse_whitespace(text("impactassessment"));
        if (ia == "Ja" || ia == "Nee" || ia == "Onbekend") {
            r.impactassessment = ia;
        } else if (!ia.empty()) {
            report({}, "impactassessment", Severity::repaired,
                   "'" + ia + "' is not Ja, Nee or Onbekend; left out");
        }
        for (const char* key : {"geregistreerd", "laatst_gewijzigd"}) {
            const std::string date = trim(text(key));
            if (is_date_prefix(date)) {
                r.changed = date.substr(0, 10);
                break;
            }
        }
        const std::string added = trim(text("toegevoegd"));
        if (is_date_prefix(added)) {
            r.added = added.substr(0, 10);
        }
    }

    void set_status(AlgorithmRecord& r, const std::string& raw) {
        const std::string value = collapse_whitespace(raw);
        if (value.empty()) {
            return;
        }
        if (const auto status = normalise_status(value)) {
            r.status = *status;
            if (*status != value && status_code(*status) != value) {
                r.original["status"] = value;
            }
        } else {
            r.original["status"] = value;
            report({}, "status", Severity::repaired,
                   "status '" + first_code_points(value, 60) +
                       "' is not one of In gebruik, In ontwikkeling, Buiten gebruik; kept as "
                       "original text, status unknown");
        }
    }

    void read_full(AlgorithmRecord& r) {
        for (const auto& field : search::string_fields()) {
            const std::string key(field.key);
            if (key == "status" || key == "publication_category" || key == "standard_version" ||
                key == "lang" || key == "lars") {
                continue;
            }
            std::string value;
            if (field.html) {
                value = search::sanitise_html(capped(key, text(key), field.max_length));
            } else {
                value = plain(key, field.max_length, field.max_length <= 500);
            }
            r.*field.member = std::move(value);
        }
        set_status(r, text("status"));
        const std::string category = collapse_whitespace(text("publication_category"));
        if (!category.empty()) {
            if (const auto c = normalise_publication_category(category)) {
                r.publication_category = *c;
                if (*c != category) {
                    r.original["publication_category"] = category;
                }
            } else {
                r.original["publication_category"] = category;
                report({}, "publication_category", Severity::repaired,
                       "'" + category + "' is not a publication category; kept as original text");
            }
        }
        std::string version = trim(text("standard_version"));
        if (version.empty()) {
            version = trim(text("schema"));
        }
        r.standard_version = normalise_standard_version(version);
        if (!version.empty() && r.standard_version != version) {
            r.original["standard_version"] = version;
        }
        read_lang(r);
        read_dates(r);
        read_themes(r);
        r.lawful_basis_grouping = references("lawful_basis_grouping");
        r.source_data_grouping = references("source_data_grouping");
        read_impact_assessments(r);
        for (const auto key : search::legacy_keys) {
            std::string value = plain(std::string(key), 5000, false);
            if (!value.empty() && value != "\xEF\xBF\xBD") {
                r.legacy.emplace(key, std::move(value));
            }
        }
        // Identity and times.
        std::string lars = trim(text("lars"));
        if (lars.empty()) {
            lars = trim(text("algorithm_id"));
        }
        if (!lars.empty()) {
            if (is_valid_lars(lars)) {
                r.lars = lars;
            } else {
                report({}, "lars", Severity::repaired,
                       "'" + first_code_points(lars, 20) +
                           "' is not a valid Algoritme-ID (8 digits with check digit); used as "
                           "id only");
                r.id = lars;
            }
        }
        for (const char* key : {"create_dt", "publication_dt", "revision_date"}) {
            const std::string date = trim(text(key));
            if (is_date_prefix(date)) {
                r.changed = date.substr(0, 10);
                break;
            }
        }
        if (r.publication_dt.empty() && has("publication_dt")) {
            r.publication_dt = trim(text("publication_dt"));
        }
        r.source_format = format_ == InputFormat::csv ? "csv" : "official";
        if (!r.standard_version.empty()) {
            r.source_format += "-" + r.standard_version;
        }
    }

    void read_lang(AlgorithmRecord& r) {
        const std::string lang = collapse_whitespace(text("lang"));
        if (lang.empty()) {
            return;
        }
        const std::string folded = search::fold(lang);
        r.lang = (folded == "nld" || folded == "nederlands" || folded == "nl") ? "nld" : folded;
        if (r.lang != lang) {
            r.original["lang"] = lang;
        }
    }

    void read_dates(AlgorithmRecord& r) {
        for (auto [key, member] : {std::pair{"begin_date", &AlgorithmRecord::begin_date},
                                   std::pair{"end_date", &AlgorithmRecord::end_date}}) {
            std::string& value = r.*member;
            // "03-2022" -> "2022-03": the month and year reversed, as seen in the 2023 export.
            if (value.size() == 7 && value[2] == '-' &&
                std::all_of(value.begin(), value.begin() + 2, ::isdigit) &&
                std::all_of(value.begin() + 3, value.end(), ::isdigit)) {
                r.original[key] = value;
                report({}, key, Severity::repaired,
                       "'" + value + "' read as MM-YYYY; stored as " + value.substr(3) + "-" +
                           value.substr(0, 2));
                value = value.substr(3) + "-" + value.substr(0, 2);
            }
        }
    }

    void read_themes(AlgorithmRecord& r) {
        const json* v = get("category");
        if (v == nullptr || v->is_null()) {
            return;
        }
        std::vector<std::string> items;
        std::string original;
        if (v->is_array()) {
            for (const auto& item : *v) {
                if (item.is_string()) {
                    items.push_back(item.get<std::string>());
                }
            }
            original = v->dump();
        } else if (v->is_string()) {
            original = v->get<std::string>();
            items = split_theme_string(original);
        } else {
            report({}, "category", Severity::repaired, "themes must be a list or text; left out");
            return;
        }
        // Themes are facet values and plain text everywhere (JSON, exports, pages): markup
        // is removed here, once, rather than escaped by each output.
        bool had_markup = false;
        for (auto& item : items) {
            if (item.find_first_of("<&") != std::string::npos) {
                std::string plain = collapse_whitespace(search::strip_html(item));
                had_markup = had_markup || plain != collapse_whitespace(item);
                item = std::move(plain);
            }
        }
        if (had_markup) {
            report({}, "category", Severity::repaired, "markup removed from the themes");
        }
        r.category = normalise_themes(items);
        std::vector<std::string> trimmed;
        for (const auto& item : items) {
            if (auto t = collapse_whitespace(item); !t.empty()) {
                trimmed.push_back(std::move(t));
            }
        }
        if (trimmed != r.category) {
            r.original["category"] = original;
        }
    }

    /// A grouping: a JSON array of {title, link}, or the CSV text "1: title, link. 2: …".
    std::vector<search::Reference> references(const std::string& key) {
        std::vector<search::Reference> out;
        const json* v = get(key);
        if (v == nullptr || v->is_null()) {
            return out;
        }
        if (v->is_array()) {
            for (const auto& item : *v) {
                search::Reference ref;
                if (item.is_object()) {
                    if (const auto t = item.find("title"); t != item.end() && t->is_string()) {
                        ref.title = collapse_whitespace(search::strip_html(t->get<std::string>()));
                    }
                    if (const auto l = item.find("link"); l != item.end() && l->is_string()) {
                        ref.link = collapse_whitespace(l->get<std::string>());
                    }
                } else if (item.is_string()) {
                    ref.title = collapse_whitespace(item.get<std::string>());
                }
                if (!ref.title.empty() || !ref.link.empty()) {
                    out.push_back(std::move(ref));
                }
            }
            return out;
        }
        if (v->is_string()) {
            return parse_reference_text(v->get<std::string>());
        }
        report({}, key, Severity::repaired, "must be a list of {title, link}; left out");
        return out;
    }

    /// "1: AVG, https://…. 2: Woo, https://…" (the official CSV form) or a plain list.
    static std::vector<search::Reference> parse_reference_text(const std::string& text) {
        std::vector<search::Reference> out;
        std::string value = collapse_whitespace(text);
        if (value.empty()) {
            return out;
        }
        if (value.front() == '[') {
            try {
                for (const auto& item : json::parse(value)) {
                    if (item.is_object()) {
                        out.push_back({item.value("title", ""), item.value("link", "")});
                    }
                }
                return out;
            } catch (const json::exception&) {
                // fall through: treat as text
            }
        }
        std::vector<std::string> items;
        std::size_t number = 1;
        std::size_t pos = 0;
        const std::string first = "1: ";
        if (!value.starts_with(first)) {
            items.push_back(value);
        } else {
            pos = first.size();
            for (;;) {
                const std::string marker = ". " + std::to_string(number + 1) + ": ";
                const std::size_t next = value.find(marker, pos);
                items.push_back(
                    value.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
                if (next == std::string::npos) {
                    break;
                }
                pos = next + marker.size();
                ++number;
            }
        }
        for (auto& item : items) {
            search::Reference ref;
            const std::size_t comma = item.rfind(", http");
            if (comma != std::string::npos) {
                ref.title = trim(item.substr(0, comma));
                ref.link = trim(item.substr(comma + 2));
            } else if (is_url(item)) {
                ref.link = item;
            } else {
                ref.title = trim(item);
            }
            if (!ref.link.empty() && ref.link.back() == '.') {
                ref.link.pop_back();
            }
            out.push_back(std::move(ref));
        }
        return out;
    }

    void add_statement(AlgorithmRecord& r, AssessmentStatement statement) {
        statement.source = std::string(search::register_source);
        statement.date = r.changed;
        for (auto& a : r.assessments) {
            if (a.type == statement.type) {
                a.statements.push_back(std::move(statement));
                return;
            }
        }
        search::Assessment a;
        a.type = statement.type;
        a.statements.push_back(std::move(statement));
        r.assessments.push_back(std::move(a));
    }

    void read_impact_assessments(AlgorithmRecord& r) {
        // 0.4 stores a list of names in `impacttoetsen` (a JSON array or an array literal);
        // 1.0 stores the explanation text there and the list in `impacttoetsen_grouping`.
        const json* list = get("impacttoetsen");
        const bool is_list =
            list != nullptr &&
            (list->is_array() ||
             (list->is_string() && list->get_ref<const std::string&>().starts_with("{") &&
              list->get_ref<const std::string&>().ends_with("}")));
        if (is_list) {
            std::vector<std::string> titles;
            if (list->is_array()) {
                for (const auto& t : *list) {
                    if (t.is_string()) {
                        titles.push_back(t.get<std::string>());
                    }
                }
            } else {
                titles = split_theme_string(list->get<std::string>());
            }
            for (auto& t : titles) {
                if (auto title = collapse_whitespace(t); !title.empty()) {
                    r.impacttoetsen_grouping.push_back({std::move(title), ""});
                }
            }
            r.impacttoetsen.clear();
        }
        auto grouping = references("impacttoetsen_grouping");
        r.impacttoetsen_grouping.insert(r.impacttoetsen_grouping.end(), grouping.begin(),
                                        grouping.end());
        for (const auto& ref : r.impacttoetsen_grouping) {
            const auto type = canonical_assessment_type(ref.title.empty() ? ref.link : ref.title);
            add_statement(r,
                          AssessmentStatement{type.value_or("Overig"), AssessmentState::uitgevoerd,
                                              ref.link, "", "", ref.title});
        }
        // 0.x flags: iama / dpia (Ja/Nee or free text) with their description or link.
        for (const auto& [flag, type] : {std::pair{"dpia", "DPIA"}, std::pair{"iama", "IAMA"}}) {
            const std::string value = plain(flag, 5000, true);
            if (value.empty() || value == "\xEF\xBF\xBD") {
                continue;
            }
            const std::string description = plain(std::string(flag) + "_description", 5000, true);
            AssessmentStatement s;
            s.type = type;
            s.text = value;
            if (is_affirmation(value)) {
                s.state = AssessmentState::uitgevoerd;
            } else if (is_denial(value)) {
                s.state = AssessmentState::niet_uitgevoerd;
            }
            if (is_url(description)) {
                s.link = description;
            } else if (!description.empty()) {
                s.text += " — " + first_code_points(description, 300);
            }
            add_statement(r, std::move(s));
        }
        read_explanation(r);
    }

    /// In 1.0 the explanation often says why an assessment was not done ("Een IAMA is niet
    /// uitgevoerd omdat …"). A sentence naming a type together with a negation ("niet", "geen")
    /// is a "niet uitgevoerd" statement for that type, unless the list names the type.
    void read_explanation(AlgorithmRecord& r) {
        const std::string plain_text = search::strip_html(r.impacttoetsen);
        if (plain_text.empty()) {
            return;
        }
        std::size_t begin = 0;
        while (begin < plain_text.size()) {
            std::size_t end = plain_text.find_first_of(".!?\n", begin);
            if (end == std::string::npos) {
                end = plain_text.size();
            }
            const std::string sentence = trim(plain_text.substr(begin, end - begin));
            begin = end + 1;
            if (sentence.empty()) {
                continue;
            }
            const std::string folded = " " + search::fold(sentence) + " ";
            auto has_word = [&](std::string_view w) {
                for (std::size_t pos = folded.find(w); pos != std::string::npos;
                     pos = folded.find(w, pos + 1)) {
                    const auto before = static_cast<unsigned char>(folded[pos - 1]);
                    const auto after = static_cast<unsigned char>(folded[pos + w.size()]);
                    if (!std::isalnum(before) && !std::isalnum(after)) {
                        return true;
                    }
                }
                return false;
            };
            const bool negated = has_word("niet") || has_word("geen");
            if (!negated) {
                continue;
            }
            for (const std::string_view type : {"DPIA", "IAMA", "FRIA", "AIIA", "FRAIA", "DEDA"}) {
                std::string lower(type);
                std::transform(lower.begin(), lower.end(), lower.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                if (!has_word(lower) || listed(r, type)) {
                    continue;
                }
                add_statement(r, AssessmentStatement{std::string(type),
                                                     AssessmentState::niet_uitgevoerd, "", "", "",
                                                     first_code_points(sentence, 300)});
            }
        }
    }

    static bool listed(const AlgorithmRecord& r, std::string_view type) {
        const auto* a = search::find_assessment(r, type);
        return a != nullptr &&
               std::any_of(a->statements.begin(), a->statements.end(),
                           [](const auto& s) { return s.state == AssessmentState::uitgevoerd; });
    }

    bool resolve_id(AlgorithmRecord& r) {
        if (!r.lars.empty()) {
            r.id = r.lars;
            return true;
        }
        if (!r.id.empty()) {
            return true;
        }
        for (const char* key : {"id", "uuid", "source_id"}) {
            std::string candidate = trim(text(key));
            if (!candidate.empty() && candidate.find("\xEF\xBF\xBD") == std::string::npos &&
                candidate.size() <= 100) {
                r.id = std::move(candidate);
                return true;
            }
        }
        if (!r.name.empty() && !r.organization.empty()) {
            r.id = search::slug(r.organization) + "--" + search::slug(r.name);
            report(r.id, "id", Severity::repaired,
                   "no Algoritme-ID or id; derived '" + r.id + "' from organisation and name");
            return true;
        }
        report({}, "id", Severity::rejected,
               "no id (lars, id, uuid) and no name and organisation to derive one from");
        return false;
    }

    std::string organisation_type(const AlgorithmRecord& r) {
        for (const char* key : {"organisation_type", "organisatietype", "organization_type"}) {
            std::string given = search::slug(text(key));
            std::replace(given.begin(), given.end(), '-', '_');
            if (is_organisation_type(given)) {
                return given;
            }
        }
        return organisation_type_from_name(r.organization);
    }

    const SourceRecord& source_;
    InputFormat format_;
    Normalised& out_;
    std::map<std::string, const json*> fields_;
};

} // namespace

Normalised normalise(const SourceRecord& source, InputFormat format) {
    Normalised out;
    if (!source.value.is_object()) {
        out.problems.push_back(Problem{source.position,
                                       {},
                                       {},
                                       Severity::rejected,
                                       source.value.is_null()
                                           ? "not valid JSON; fix the line and index again"
                                           : std::string("a JSON ") + source.value.type_name() +
                                                 " where a record object was expected"});
        return out;
    }
    if (source.value.contains("__column_count")) {
        out.problems.push_back(Problem{source.position,
                                       {},
                                       {},
                                       Severity::repaired,
                                       "row has " + source.value["__column_count"].dump() +
                                           " cells, the header " +
                                           source.value["__header_count"].dump() +
                                           "; missing cells read as empty, extra "
                                           "cells ignored"});
    }
    Normaliser(source, format, out).run();
    return out;
}

void merge_into(AlgorithmRecord& earlier, const AlgorithmRecord& later) {
    for (const auto& field : search::string_fields()) {
        if (!(later.*field.member).empty()) {
            earlier.*field.member = later.*field.member;
        }
    }
    auto take = [](auto& into, const auto& from) {
        if (!from.empty()) {
            into = from;
        }
    };
    take(earlier.category, later.category);
    take(earlier.lawful_basis_grouping, later.lawful_basis_grouping);
    take(earlier.impacttoetsen_grouping, later.impacttoetsen_grouping);
    take(earlier.source_data_grouping, later.source_data_grouping);
    take(earlier.impactassessment, later.impactassessment);
    take(earlier.changed, later.changed);
    take(earlier.added, later.added);
    take(earlier.register_url, later.register_url);
    take(earlier.organization_type, later.organization_type);
    for (const auto& [key, value] : later.legacy) {
        earlier.legacy[key] = value;
    }
    for (const auto& [key, value] : later.original) {
        earlier.original[key] = value;
    }
    if (!later.listing_only) {
        earlier.listing_only = false;
        earlier.source_format = later.source_format;
    }
    for (const auto& a : later.assessments) {
        search::Assessment* target = nullptr;
        for (auto& mine : earlier.assessments) {
            if (mine.type == a.type) {
                target = &mine;
            }
        }
        if (target == nullptr) {
            earlier.assessments.push_back(a);
            continue;
        }
        for (const auto& s : a.statements) {
            if (std::find(target->statements.begin(), target->statements.end(), s) ==
                target->statements.end()) {
                target->statements.push_back(s);
            }
        }
    }
    derive_assessments(earlier);
}

} // namespace algreg::indexer
