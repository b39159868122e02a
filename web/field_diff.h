// How one recorded change of an entry looks on a page: the kind badge ("toegevoegd",
// "gewijzigd", "verwijderd": words, not only a colour) and the per-field difference table
// (field title, old value, new value). Shared by the "Wijzigingen" page and the history on the
// entry page, so both say the same thing in the same words.
#pragma once

#include "search/history.h"
#include "web/page_text.h"

#include <string>
#include <string_view>
#include <vector>

namespace algreg::web {

/// "toegevoegd" / "added", "gewijzigd" / "changed", "verwijderd" / "removed".
[[nodiscard]] std::string change_kind_label(Lang lang, search::ChangeKind kind);

/// `<span class="badge kind kind-…">label</span>` (escaped).
[[nodiscard]] std::string change_kind_badge(Lang lang, search::ChangeKind kind);

/// The display title of a changed field (a JSON key of AlgorithmRecord): the standard's title
/// from search/schema.h for string fields, our own words for lists and derived keys, and
/// search::generic_label for anything else.
[[nodiscard]] std::string field_title(Lang lang, std::string_view key);

/// A field value as plain text, one item a line: HTML fields without their tags (the register
/// allows a few), vocabularies translated on English pages, dates formatted, lists of
/// references as "title — link", assessments as "DPIA: uitgevoerd". "" for null and empty.
[[nodiscard]] std::string field_value_text(Lang lang, std::string_view key,
                                           const nlohmann::json& value);

/// Texts longer than this many bytes are shortened in tables, the whole text behind <details>.
inline constexpr std::size_t diff_text_preview_bytes = 240;

/// A table of `fields` (field, before, after), every value escaped; `caption` (plain text)
/// names it for screen readers. Long values show a preview and the whole text in <details>.
[[nodiscard]] std::string render_field_changes(const std::vector<search::FieldChange>& fields,
                                               Lang lang, std::string_view caption);

} // namespace algreg::web
