// The web pages' interface text: one table of every UI string in Dutch and English, and the
// English display labels of the register's fixed vocabularies (status, publication category,
// organisation type, themes, assessment states). Data (names, descriptions) is never
// translated; only the words around it are.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace algreg::web {

/// Interface language. Dutch is the default; English lives under the /en path prefix.
enum class Lang { nl, en };

/// "nl" or "en": the value of <html lang>.
[[nodiscard]] std::string_view lang_code(Lang lang);

/// Every interface string. The table in page_text.cpp has exactly one row per key, in this
/// order, with both languages filled in (page_text_test.cpp checks it).
enum class Ui : std::size_t {
    site_name,
    site_tagline,
    skip_to_content,
    nav_label,
    nav_search,
    nav_statistics,
    nav_api,
    switch_language,
    switch_language_hint,
    footer_source,
    footer_unofficial,
    footer_api,
    search_title,
    search_heading,
    search_intro,
    search_label,
    search_hint,
    search_button,
    suggestions_label,
    suggest_titles,
    suggest_organisations,
    suggest_terms,
    suggest_entries_count,
    filters_heading,
    filters_apply,
    filters_clear,
    filters_active,
    filter_remove,
    filters_to_results,
    filters_more,
    org_search_label,
    org_search_button,
    org_search_none,
    org_search_more,
    results_heading,
    results_count_one,
    results_count,
    results_range,
    results_none,
    results_none_tips,
    did_you_mean,
    corrected,
    syntax_fallback,
    counts_partial,
    query_truncated,
    sort_label,
    sort_button,
    sort_relevance,
    sort_newest_registered,
    sort_last_changed,
    sort_name,
    sort_organisation,
    export_label,
    export_csv,
    export_json,
    pagination_label,
    page_previous,
    page_next,
    page_number,
    page_current,
    card_changed,
    state_uitgevoerd,
    state_niet_uitgevoerd,
    state_onbekend,
    entry_title,
    entry_back,
    entry_id,
    entry_added,
    entry_changed,
    entry_standard,
    entry_contents,
    entry_on_register,
    entry_listing_only,
    section_algemeen,
    section_verantwoord_gebruik,
    section_werking,
    section_legacy,
    field_empty,
    field_unknown,
    field_themes,
    field_lawful_basis_grouping,
    field_impacttoetsen_grouping,
    field_source_data_grouping,
    field_no_link,
    assessments_heading,
    assessments_intro,
    assessments_none,
    assessment_type,
    assessment_state,
    assessment_link,
    assessment_sources,
    assessment_source_register,
    assessment_date,
    assessment_text,
    similar_heading,
    similar_none,
    organisation_title,
    organisation_heading_type,
    organisation_entries,
    organisation_search_label,
    organisation_in_search,
    organisation_not_found,
    stats_title,
    stats_heading,
    stats_intro,
    stats_contents,
    chart_org_type,
    chart_org_type_desc,
    chart_status,
    chart_status_desc,
    chart_dpia_org_type,
    chart_iama_org_type,
    chart_dpia_category,
    chart_iama_category,
    chart_assessment_desc,
    chart_listing_org_type,
    chart_listing_org_type_desc,
    chart_table,
    chart_total,
    chart_entries,
    chart_no_category,
    value_unknown,
    value_yes,
    value_no,
    not_found_title,
    not_found_text,
    entry_not_found,
    error_title,
    error_text,
    bad_request_text,
    back_home,
    count_
};

/// The text of `key` in `lang`.
[[nodiscard]] std::string_view ui(Lang lang, Ui key);

/// ui() with "{0}", "{1}", ... replaced by `args` (inserted as given: escape them first when
/// they go into HTML).
[[nodiscard]] std::string ui(Lang lang, Ui key, std::initializer_list<std::string_view> args);

/// One row of the table, for tests.
struct UiRow {
    Ui key;
    std::string_view nl;
    std::string_view en;
};
[[nodiscard]] const UiRow* ui_table_begin();
[[nodiscard]] const UiRow* ui_table_end();

/// Display label of a facet (schema facet name) in `lang`.
[[nodiscard]] std::string facet_label(Lang lang, std::string_view facet);

/// Display label of a facet value. Dutch: `dutch_label` as given (it comes from the data or the
/// facet code). English: the translation of the register's fixed vocabularies (status,
/// publication category, organisation type, theme, yes/no/unknown, assessment states), and
/// `dutch_label` for anything else (organisation names, free-text themes).
[[nodiscard]] std::string value_label(Lang lang, std::string_view facet, std::string_view value,
                                      std::string_view dutch_label);

/// Translation of a Dutch vocabulary value as stored in records ("In gebruik", "Overige
/// algoritmes", "Gemeente", "Onbekend" ...) for English pages; `dutch` unchanged when unknown or
/// when lang is nl.
[[nodiscard]] std::string vocabulary_label(Lang lang, std::string_view dutch);

} // namespace algreg::web
