#include "web/field_diff.h"

#include "search/assessment_vocabulary.h"
#include "search/facet_labels.h"
#include "search/html_text.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_search.h"

#include <array>

namespace algreg::web {

namespace {

using nlohmann::json;

/// Titles of the keys that are not string fields of the standard (lists, derived values).
struct ListTitle {
    std::string_view key;
    Ui title;
};
constexpr std::array<ListTitle, 10> list_titles{{
    {"category", Ui::field_themes},
    {"lawful_basis_grouping", Ui::field_lawful_basis_grouping},
    {"impacttoetsen_grouping", Ui::field_impacttoetsen_grouping},
    {"source_data_grouping", Ui::field_source_data_grouping},
    {"assessments", Ui::diff_field_assessments},
    {"impactassessment", Ui::diff_field_impactassessment},
    {"changed", Ui::diff_field_changed},
    {"organization_type", Ui::organisation_heading_type},
    {"legacy", Ui::section_legacy},
    {"lars", Ui::entry_id},
}};

std::string string_of(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_null()) {
        return {};
    }
    return value.dump();
}

void add_line(std::string& out, std::string_view line) {
    if (line.empty()) {
        return;
    }
    if (!out.empty()) {
        out += '\n';
    }
    out += line;
}

std::string reference_text(const json& ref) {
    if (!ref.is_object()) {
        return string_of(ref);
    }
    const std::string title = ref.contains("title") ? string_of(ref["title"]) : "";
    const std::string link = ref.contains("link") ? string_of(ref["link"]) : "";
    if (title.empty() || link.empty() || title == link) {
        return title.empty() ? link : title;
    }
    return title + " — " + link;
}

std::string assessment_text(Lang lang, const json& a) {
    if (!a.is_object()) {
        return string_of(a);
    }
    std::string out =
        search::assessment_type_label(string_of(a.value("type", json())), text_language(lang)) +
        ": " + state_label(lang, string_of(a.value("state", json())));
    if (const auto link = string_of(a.value("link", json())); !link.empty()) {
        out += " — " + link;
    }
    if (const auto it = a.find("statements"); it != a.end() && it->is_array()) {
        for (const auto& s : *it) {
            if (!s.is_object()) {
                continue;
            }
            std::string line = "  · " +
                               search::assessment_source_label(string_of(s.value("source", json())),
                                                               text_language(lang)) +
                               ": " + state_label(lang, string_of(s.value("state", json())));
            if (const auto date = string_of(s.value("date", json())); !date.empty()) {
                line += " (" + format_date(date, lang) + ")";
            }
            out += "\n" + line;
        }
    }
    return out;
}

/// `text` cut to at most `bytes` bytes at a UTF-8 character boundary, preferably after a space.
std::string_view preview_of(std::string_view text, std::size_t bytes) {
    if (text.size() <= bytes) {
        return text;
    }
    std::size_t end = bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    const auto space = text.rfind(' ', end);
    if (space != std::string_view::npos && space > bytes / 2) {
        end = space;
    }
    return text.substr(0, end);
}

std::string value_cell(Lang lang, std::string_view key, const json& value) {
    const std::string text = field_value_text(lang, key, value);
    if (text.empty()) {
        return "<td class=\"diff-value blank\"><span class=\"empty-field\">" +
               esc(ui(lang, Ui::diff_empty)) + "</span></td>";
    }
    std::string h = "<td class=\"diff-value\"" + data_lang(lang) + ">";
    if (text.size() <= diff_text_preview_bytes) {
        return h + "<span class=\"diff-text\">" + esc(text) + "</span></td>";
    }
    h += "<span class=\"diff-text\">" + esc(preview_of(text, diff_text_preview_bytes)) + "…</span>";
    h += "<details class=\"diff-full\"><summary>" + esc(ui(lang, Ui::diff_show_all)) +
         "</summary><span class=\"diff-text\">" + esc(text) + "</span></details>";
    return h + "</td>";
}

} // namespace

std::string change_kind_label(Lang lang, search::ChangeKind kind) {
    switch (kind) {
    case search::ChangeKind::added:
        return std::string(ui(lang, Ui::kind_added));
    case search::ChangeKind::removed:
        return std::string(ui(lang, Ui::kind_removed));
    case search::ChangeKind::changed:
        break;
    }
    return std::string(ui(lang, Ui::kind_changed));
}

std::string change_kind_badge(Lang lang, search::ChangeKind kind) {
    const std::string_view cls = kind == search::ChangeKind::added     ? "kind-added"
                                 : kind == search::ChangeKind::removed ? "kind-removed"
                                                                       : "kind-changed";
    return "<span class=\"badge kind " + std::string(cls) + "\">" +
           esc(change_kind_label(lang, kind)) + "</span>";
}

std::string field_title(Lang lang, std::string_view key) {
    if (const auto* f = search::find_string_field(key)) {
        return std::string(lang == Lang::en ? f->title_en : f->title_nl);
    }
    for (const auto& t : list_titles) {
        if (t.key == key) {
            return std::string(ui(lang, t.title));
        }
    }
    return search::generic_label(key);
}

std::string field_value_text(Lang lang, std::string_view key, const json& value) {
    if (value.is_null()) {
        return {};
    }
    std::string out;
    if (const auto* f = search::find_string_field(key); f != nullptr && value.is_string()) {
        const std::string text = value.get<std::string>();
        if (f->html) {
            return search::strip_html(text);
        }
        if (key == "status" || key == "publication_category") {
            return vocabulary_label(lang, text);
        }
        if (key == "begin_date" || key == "end_date") {
            return format_date(text, lang);
        }
        return text;
    }
    if (key == "changed" || key == "added") {
        return format_date(string_of(value), lang);
    }
    if (key == "organization_type") {
        return vocabulary_label(lang, search::organisation_type_label(string_of(value)));
    }
    if (key == "impactassessment") {
        return vocabulary_label(lang, string_of(value));
    }
    if (value.is_array()) {
        for (const auto& item : value) {
            if (key == "assessments") {
                add_line(out, assessment_text(lang, item));
            } else if (key == "category") {
                add_line(out, vocabulary_label(lang, string_of(item)));
            } else {
                add_line(out, reference_text(item));
            }
        }
        return out;
    }
    if (value.is_object()) {
        for (const auto& [name, item] : value.items()) {
            const std::string text = string_of(item);
            if (!text.empty()) {
                add_line(out, search::generic_label(name) + ": " + text);
            }
        }
        return out;
    }
    return string_of(value);
}

std::string render_field_changes(const std::vector<search::FieldChange>& fields, Lang lang,
                                 std::string_view caption) {
    std::string h = "<table class=\"data-table diff\"><caption class=\"visually-hidden\">" +
                    esc(caption) + "</caption><thead><tr><th scope=\"col\">" +
                    esc(ui(lang, Ui::diff_field)) + "</th><th scope=\"col\">" +
                    esc(ui(lang, Ui::diff_before)) + "</th><th scope=\"col\">" +
                    esc(ui(lang, Ui::diff_after)) + "</th></tr></thead><tbody>";
    for (const auto& f : fields) {
        h += "<tr><th scope=\"row\">" + esc(field_title(lang, f.field)) + "</th>";
        h += value_cell(lang, f.field, f.before);
        h += value_cell(lang, f.field, f.after);
        h += "</tr>";
    }
    h += "</tbody></table>";
    return h;
}

} // namespace algreg::web
