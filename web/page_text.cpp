#include "web/page_text.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/facet_labels.h"
#include "search/risk_rules.h"
#include "search/schema.h"

#include <array>

namespace algreg::web {

namespace {

// key, Dutch, English. "{0}" etc. are filled in by ui(lang, key, args).
constexpr std::array<UiRow, static_cast<std::size_t>(Ui::count_)> table{{
    {Ui::site_name, "Algoritmeregister doorzocht", "Algorithm Register Search"},
    {Ui::site_tagline, "Alle algoritmes van de Nederlandse overheid, snel doorzoekbaar",
     "Every algorithm of the Dutch government, quickly searchable"},
    {Ui::skip_to_content, "Naar de inhoud", "Skip to content"},
    {Ui::nav_label, "Hoofdmenu", "Main menu"},
    {Ui::nav_search, "Zoeken", "Search"},
    {Ui::nav_statistics, "Statistieken", "Statistics"},
    {Ui::nav_api, "API", "API"},
    // The history of the register: the "Wijzigingen" page, entry histories, feed links.
    {Ui::nav_changes, "Wijzigingen", "Changes"},
    {Ui::changes_title, "Wijzigingen", "Changes"},
    {Ui::changes_heading, "Wijzigingen in het register", "Changes in the register"},
    {Ui::changes_intro,
     "Welke algoritmes er per dag in het register bijkwamen, veranderden of verdwenen, en wat er "
     "precies veranderde.",
     "Which algorithms were added to the register, changed or removed each day, and what exactly "
     "changed."},
    {Ui::changes_explain,
     "Een wijziging is elk verschil in wat het register over een algoritme zegt tussen twee "
     "opeenvolgende opnames van het register; hoe en waar wij de gegevens inlazen telt niet mee.",
     "A change is any difference in what the register says about an algorithm between two "
     "consecutive snapshots of the register; how and where we read the data does not count."},
    {Ui::changes_search_label, "Zoek in de gewijzigde algoritmes", "Search the changed algorithms"},
    {Ui::changes_period, "Periode", "Period"},
    {Ui::changes_since, "Vanaf", "From"},
    {Ui::changes_until, "Tot en met", "Up to and including"},
    {Ui::changes_kind, "Soort wijziging", "Kind of change"},
    {Ui::changes_apply, "Toon wijzigingen", "Show changes"},
    {Ui::changes_count_one, "1 wijziging", "1 change"},
    {Ui::changes_count, "{0} wijzigingen", "{0} changes"},
    {Ui::changes_totals, "In deze periode", "In this period"},
    {Ui::changes_total_added, "{0} nieuw", "{0} added"},
    {Ui::changes_total_changed, "{0} gewijzigd", "{0} changed"},
    {Ui::changes_total_removed, "{0} verwijderd", "{0} removed"},
    {Ui::changes_day_counts, "{0} op deze pagina", "{0} on this page"},
    {Ui::changes_register_day,
     "In het hele register: {0} toegevoegd, {1} gewijzigd, {2} verwijderd.",
     "In the whole register: {0} added, {1} changed, {2} removed."},
    {Ui::changes_none, "Geen wijzigingen in deze periode", "No changes in this period"},
    {Ui::changes_none_hint,
     "Kies een langere periode, een andere soort wijziging of minder filters. De laatste opname "
     "van het register is van {0}.",
     "Choose a longer period, another kind of change or fewer filters. The latest snapshot of the "
     "register is of {0}."},
    {Ui::changes_no_history,
     "Deze index heeft nog geen geschiedenis: die ontstaat zodra het register opnieuw wordt "
     "ingelezen.",
     "This index has no history yet: it starts when the register is read in again."},
    {Ui::changes_baseline,
     "Eerste inlezing op {0}: {1} algoritmes. Dat is het begin van de geschiedenis in algreg, "
     "geen wijziging: die algoritmes staan hier niet als toegevoegd.",
     "First load on {0}: {1} algorithms. That is where algreg's history starts, not a change: "
     "those algorithms are not listed here as added."},
    {Ui::changes_bad_date, "‘{0}’ is geen datum voor ‘{1}’ (gebruik JJJJ-MM-DD) en is genegeerd.",
     "‘{0}’ is not a date for ‘{1}’ (use YYYY-MM-DD) and was ignored."},
    {Ui::changes_bad_range,
     "De periode begint na het einde ({0} is later dan {1}); de datums zijn omgewisseld.",
     "The period starts after it ends ({0} is later than {1}); the dates were swapped."},
    {Ui::changes_page_of, "Pagina {0} van {1}", "Page {0} of {1}"},
    {Ui::changes_fields_one, "1 veld gewijzigd", "1 field changed"},
    {Ui::changes_fields, "{0} velden gewijzigd", "{0} fields changed"},
    {Ui::feed_changes, "Volg deze wijzigingen (Atom-feed)", "Follow these changes (Atom feed)"},
    {Ui::feed_search, "Volg deze zoekopdracht (Atom-feed)", "Follow this search (Atom feed)"},
    {Ui::feed_title, "Wijzigingen bij deze zoekopdracht (Atom-feed)",
     "Changes matching this search (Atom feed)"},
    {Ui::kind_added, "toegevoegd", "added"},
    {Ui::kind_changed, "gewijzigd", "changed"},
    {Ui::kind_removed, "verwijderd", "removed"},
    {Ui::diff_field, "Veld", "Field"},
    {Ui::diff_before, "Was", "Before"},
    {Ui::diff_after, "Wordt", "After"},
    {Ui::diff_caption, "Gewijzigde velden van {0} op {1}", "Changed fields of {0} on {1}"},
    {Ui::diff_empty, "(leeg)", "(empty)"},
    {Ui::diff_show_all, "Toon de hele tekst", "Show the whole text"},
    {Ui::diff_field_assessments, "Stand van de impacttoetsen", "State of the impact assessments"},
    {Ui::diff_field_impactassessment, "Impactassessment (volgens de lijst)",
     "Impact assessment (according to the listing)"},
    {Ui::diff_field_changed, "Datum van de gepubliceerde versie", "Date of the published version"},
    {Ui::history_heading, "Geschiedenis", "History"},
    {Ui::history_intro,
     "Wat er in het register aan dit algoritme veranderde, nieuwste eerst, sinds wij het volgen "
     "({0}).",
     "What changed about this algorithm in the register, newest first, since we follow it "
     "({0})."},
    {Ui::history_unchanged, "Staat sinds de eerste opname in het register ongewijzigd.",
     "Unchanged since it was first recorded in the register."},
    {Ui::removed_banner, "Verwijderd uit het register op {0}.",
     "Removed from the register on {0}."},
    {Ui::removed_explain,
     "Dit algoritme staat niet meer in het register. Hieronder staat wat er het laatst over "
     "bekend was en de geschiedenis.",
     "This algorithm is no longer in the register. Below is what was last known about it and its "
     "history."},
    {Ui::as_of_notice, "Het register zoals het was op {0}.", "The register as it was on {0}."},
    {Ui::as_of_now, "Naar het register van nu", "To the register now"},
    {Ui::as_of_label, "Het register op datum", "The register on a date"},
    {Ui::as_of_hint, "Leeg: het register van nu. De geschiedenis loopt van {0} tot {1}.",
     "Empty: the register now. The history runs from {0} to {1}."},
    {Ui::as_of_before, "De geschiedenis begint op {0}.", "The history begins on {0}."},
    {Ui::as_of_before_detail, "Van {0} is niet bekend wat er in het register stond.",
     "What the register held on {0} is not known."},
    {Ui::as_of_first_day, "Het register op {0}", "The register on {0}"},
    {Ui::as_of_day_link, "Het register op deze dag", "The register on this day"},
    {Ui::card_removed_on, "verwijderd op {0}", "removed on {0}"},
    {Ui::switch_language, "English", "Nederlands"},
    {Ui::switch_language_hint, "Deze pagina in het Engels", "This page in Dutch"},
    {Ui::footer_source,
     "Gegevens: het Algoritmeregister van de Nederlandse overheid (algoritmes.overheid.nl).",
     "Data: the Algorithm Register of the Dutch government (algoritmes.overheid.nl)."},
    {Ui::footer_unofficial,
     "Dit is geen officiële website van de overheid. Beschrijvingen staan er zoals de "
     "organisaties ze publiceerden.",
     "This is not an official government website. Descriptions appear as the organisations "
     "published them."},
    {Ui::footer_api, "API-documentatie (OpenAPI)", "API reference (OpenAPI)"},
    {Ui::search_title, "Zoeken", "Search"},
    {Ui::search_heading, "Zoek in het Algoritmeregister", "Search the Algorithm Register"},
    {Ui::search_intro,
     "Welke algoritmes gebruikt de overheid, waarvoor, en is er een DPIA of IAMA gedaan?",
     "Which algorithms does the government use, what for, and was a DPIA or IAMA done?"},
    {Ui::search_label, "Zoekterm", "Search term"},
    {Ui::search_hint,
     "Bijvoorbeeld: parkeren, fraude -toeslag, \"slimme camera\", financ*, organisatie:utrecht",
     "For example: parkeren, fraude -toeslag, \"slimme camera\", financ*, organisatie:utrecht"},
    {Ui::search_button, "Zoeken", "Search"},
    {Ui::suggestions_label, "Suggesties", "Suggestions"},
    {Ui::suggest_titles, "Algoritmes", "Algorithms"},
    {Ui::suggest_organisations, "Organisaties", "Organisations"},
    {Ui::suggest_terms, "Zoektermen", "Search terms"},
    {Ui::suggest_entries_count, "{0} algoritmes", "{0} algorithms"},
    {Ui::filters_heading, "Filters", "Filters"},
    {Ui::filters_apply, "Filters toepassen", "Apply filters"},
    {Ui::filters_clear, "Wis alle filters", "Clear all filters"},
    {Ui::filters_active, "Actieve filters", "Active filters"},
    {Ui::filter_remove, "Verwijder filter", "Remove filter"},
    {Ui::filters_to_results, "Direct naar de resultaten", "Skip to the results"},
    {Ui::filters_more, "Meer filters", "More filters"},
    {Ui::org_search_label, "Zoek een organisatie", "Find an organisation"},
    {Ui::org_search_button, "Zoek", "Find"},
    {Ui::org_search_none, "Geen organisatie gevonden voor ‘{0}’.",
     "No organisation found for ‘{0}’."},
    {Ui::org_search_more, "En nog {0}: zoek hierboven op naam.",
     "And {0} more: search by name above."},
    {Ui::results_heading, "Resultaten", "Results"},
    {Ui::results_count_one, "1 algoritme gevonden", "1 algorithm found"},
    {Ui::results_count, "{0} algoritmes gevonden", "{0} algorithms found"},
    {Ui::results_range, "{0}–{1} van {2}", "{0}–{1} of {2}"},
    {Ui::results_none, "Geen algoritmes gevonden.", "No algorithms found."},
    {Ui::results_none_tips,
     "Probeer minder of andere woorden, een woorddeel met * (bijvoorbeeld financ*), of wis "
     "filters.",
     "Try fewer or other words (the descriptions are in Dutch), part of a word with * (for "
     "example financ*), or clear filters."},
    {Ui::did_you_mean, "Bedoelde u", "Did you mean"},
    {Ui::corrected, "Niets gevonden voor ‘{0}’. Hieronder de resultaten voor ‘{1}’.",
     "Nothing found for ‘{0}’. Showing results for ‘{1}’."},
    {Ui::syntax_fallback, "De zoekvraag klopte niet ({0}); we zochten op de losse woorden.",
     "The query was not valid ({0}); we searched for the separate words."},
    {Ui::counts_partial, "Het tellen duurde te lang: de aantallen zijn ondergrenzen.",
     "Counting took too long: the numbers are lower bounds."},
    {Ui::query_truncated, "De zoekvraag was te lang en is ingekort.",
     "The query was too long and has been shortened."},
    {Ui::sort_label, "Sorteer op", "Sort by"},
    {Ui::sort_button, "Sorteer", "Sort"},
    {Ui::sort_relevance, "Relevantie", "Relevance"},
    {Ui::sort_newest_registered, "Nieuwst geregistreerd", "Newest registered"},
    {Ui::sort_last_changed, "Laatst gewijzigd", "Last changed"},
    {Ui::sort_name, "Naam (A–Z)", "Name (A–Z)"},
    {Ui::sort_organisation, "Organisatie (A–Z)", "Organisation (A–Z)"},
    {Ui::export_label, "Download alle resultaten", "Download all results"},
    {Ui::export_csv, "CSV (spreadsheet)", "CSV (spreadsheet)"},
    {Ui::export_csv_nl, "CSV (Excel NL)", "CSV (Excel, Dutch settings)"},
    {Ui::export_xlsx, "Excel", "Excel"},
    {Ui::export_json, "JSON", "JSON"},
    {Ui::pagination_label, "Paginering", "Pagination"},
    {Ui::page_previous, "Vorige", "Previous"},
    {Ui::page_next, "Volgende", "Next"},
    {Ui::page_number, "Pagina {0}", "Page {0}"},
    {Ui::page_current, "Pagina {0}, huidige pagina", "Page {0}, current page"},
    {Ui::card_changed, "Gewijzigd", "Changed"},
    {Ui::entry_title, "Algoritme", "Algorithm"},
    {Ui::entry_back, "Terug naar zoeken", "Back to search"},
    {Ui::entry_id, "Algoritme-ID", "Algorithm ID"},
    {Ui::entry_added, "Eerst gezien (dagelijkse lijst)", "First seen (daily listing)"},
    {Ui::entry_changed, "Laatst gewijzigd in het register", "Last changed in the register"},
    {Ui::entry_published, "Gepubliceerd in het register", "Published in the register"},
    {Ui::entry_standard, "Publicatiestandaard", "Publication standard"},
    {Ui::entry_contents, "Op deze pagina", "On this page"},
    {Ui::entry_on_register, "Bekijk dit algoritme op algoritmes.overheid.nl",
     "View this algorithm on algoritmes.overheid.nl"},
    {Ui::entry_listing_only,
     "Van dit algoritme kennen we alleen de gegevens uit de openbare lijst van het register. De "
     "volledige beschrijving staat op algoritmes.overheid.nl.",
     "Of this algorithm we only know the data in the register's public listing. The full "
     "description is on algoritmes.overheid.nl."},
    {Ui::section_algemeen, "Algemene informatie", "General information"},
    {Ui::section_verantwoord_gebruik, "Verantwoord gebruik", "Responsible use"},
    {Ui::section_werking, "Werking", "Operation"},
    {Ui::section_legacy, "Velden uit een oudere publicatiestandaard",
     "Fields of an older publication standard"},
    {Ui::field_empty, "Veld niet ingevuld", "Field not filled in"},
    {Ui::field_unknown, "Niet bekend (alleen lijstgegevens)", "Not known (listing data only)"},
    {Ui::field_themes, "Thema", "Theme"},
    {Ui::field_lawful_basis_grouping, "Verwijzingen wettelijke basis", "Legal basis references"},
    {Ui::field_impacttoetsen_grouping, "Impacttoetsen", "Impact assessments"},
    {Ui::field_source_data_grouping, "Verwijzingen gegevensbronnen", "Data source references"},
    {Ui::field_no_link, "geen link", "no link"},
    {Ui::assessments_heading, "Impacttoetsen: stand en bronnen",
     "Impact assessments: state and sources"},
    {Ui::assessments_intro,
     "Per soort toets wat er bekend is, en uit welke bron elke uitspraak komt.",
     "For each kind of assessment what is known, and which source each statement comes from."},
    {Ui::assessments_none, "Er is niets bekend over impacttoetsen.",
     "Nothing is known about impact assessments."},
    {Ui::assessment_type, "Toets", "Assessment"},
    {Ui::assessment_state, "Stand", "State"},
    {Ui::assessment_link, "Link", "Link"},
    {Ui::assessment_sources, "Bronnen", "Sources"},
    {Ui::assessment_date, "datum", "date"},
    {Ui::assessment_text, "tekst", "text"},
    {Ui::similar_heading, "Vergelijkbare algoritmes", "Similar algorithms"},
    {Ui::similar_none, "Geen vergelijkbare algoritmes gevonden.", "No similar algorithms found."},
    {Ui::organisation_title, "Organisatie", "Organisation"},
    {Ui::organisation_heading_type, "Type organisatie", "Organisation type"},
    {Ui::organisation_ministry, "Valt onder", "Falls under"},
    {Ui::organisation_entries, "Algoritmes van deze organisatie",
     "Algorithms of this organisation"},
    {Ui::organisation_search_label, "Zoek binnen deze organisatie",
     "Search within this organisation"},
    {Ui::organisation_in_search, "Open in het zoekscherm, met alle filters",
     "Open in the search page, with every filter"},
    {Ui::organisation_not_found, "Er is geen organisatie ‘{0}’ in het register.",
     "There is no organisation ‘{0}’ in the register."},
    {Ui::stats_title, "Statistieken", "Statistics"},
    {Ui::stats_heading, "Het register in cijfers", "The register in numbers"},
    {Ui::stats_intro,
     "Over alle {0} algoritmes in de index. Elke grafiek heeft een tabel met dezelfde cijfers.",
     "About all {0} algorithms in the index. Every chart has a table with the same numbers."},
    {Ui::stats_contents, "Grafieken", "Charts"},
    {Ui::chart_org_type, "Algoritmes per type organisatie", "Algorithms per organisation type"},
    {Ui::chart_org_type_desc,
     "Staafdiagram: het aantal geregistreerde algoritmes per type organisatie, van meest naar "
     "minst.",
     "Bar chart: the number of registered algorithms per organisation type, most first."},
    {Ui::chart_ministry, "Algoritmes per ministerie", "Algorithms per ministry"},
    {Ui::chart_ministry_desc,
     "Staafdiagram: het aantal algoritmes van elk ministerie en de organisaties die eronder "
     "vallen (diensten, agentschappen, zbo's), van meest naar minst. Gemeenten, provincies en "
     "waterschappen vallen onder geen ministerie en tellen hier niet mee.",
     "Bar chart: the number of algorithms of each ministry and the organisations under it "
     "(services, agencies, independent bodies), most first. Municipalities, provinces and water "
     "boards fall under no ministry and are not counted here."},
    {Ui::chart_per_year, "Algoritmes per jaar van registratie, naar status",
     "Algorithms per year of registration, by status"},
    {Ui::chart_per_year_desc,
     "Gestapeld staafdiagram: per jaar waarin de huidige versie in het register is gepubliceerd "
     "(de eigen datum van het register) het aantal algoritmes, verdeeld naar status: in gebruik, "
     "in ontwikkeling, buiten gebruik, onbekend.",
     "Stacked bar chart: per year in which the current version was published in the register "
     "(the register's own date) the number of algorithms, split by status: in use, in "
     "development, out of use, unknown."},
    {Ui::chart_register_per_month, "Algoritmes in het register per maand",
     "Algorithms in the register per month"},
    {Ui::chart_register_per_month_desc,
     "Staafdiagram uit de geschiedenis: het aantal algoritmes in het register op de laatste "
     "dag van elke maand waarvan algreg het register kent.",
     "Bar chart from the history: the number of algorithms in the register on the last day of "
     "each month for which algreg knows the register."},
    {Ui::chart_changes_per_month, "Nieuw, gewijzigd en verwijderd per maand",
     "Added, changed and removed per month"},
    {Ui::chart_changes_per_month_desc,
     "Gestapeld staafdiagram uit de geschiedenis: per maand het aantal algoritmes dat nieuw in "
     "het register kwam, dat gewijzigd werd en dat eruit verdween. De eerste inlezing telt niet "
     "als nieuw.",
     "Stacked bar chart from the history: per month the number of algorithms that were added to "
     "the register, changed, and removed. The first load does not count as added."},
    {Ui::chart_month, "Maand", "Month"},
    {Ui::chart_status, "Algoritmes per status", "Algorithms per status"},
    {Ui::chart_status_desc, "Staafdiagram: het aantal algoritmes per status.",
     "Bar chart: the number of algorithms per status."},
    {Ui::chart_dpia_org_type, "DPIA per type organisatie", "DPIA per organisation type"},
    {Ui::chart_iama_org_type, "IAMA per type organisatie", "IAMA per organisation type"},
    {Ui::chart_dpia_category, "DPIA per publicatiecategorie", "DPIA per publication category"},
    {Ui::chart_iama_category, "IAMA per publicatiecategorie", "IAMA per publication category"},
    {Ui::chart_assessment_desc,
     "Gestapeld staafdiagram: per groep het aantal algoritmes waarvoor de toets is uitgevoerd, "
     "niet is uitgevoerd, vermeld zonder uitkomst (onbekend), of niet vermeld.",
     "Stacked bar chart: per group the number of algorithms for which the assessment was done, "
     "was not done, is mentioned without an outcome (unknown), or is not mentioned."},
    {Ui::chart_listing_org_type, "Impactassessment volgens de lijst, per type organisatie",
     "Impact assessment according to the listing, per organisation type"},
    {Ui::chart_listing_org_type_desc,
     "Gestapeld staafdiagram: per type organisatie het aantal algoritmes waarvoor de openbare "
     "lijst van het register ‘Ja’, ‘Nee’ of ‘Onbekend’ zegt over een impactassessment.",
     "Stacked bar chart: per organisation type the number of algorithms for which the "
     "register's public listing says ‘Yes’, ‘No’ or ‘Unknown’ about an impact assessment."},
    {Ui::chart_table, "De cijfers als tabel", "The numbers as a table"},
    {Ui::chart_single_row,
     "Alle {0} tellen hier in één groep: {1}. Een grafiek met één balk zegt "
     "niets meer; de tabel heeft de cijfers.",
     "All {0} count in one group here: {1}. A chart with one bar would say nothing more; the "
     "table has the numbers."},
    {Ui::chart_no_data, "Hiervoor zijn geen gegevens.", "There are no data for this."},
    {Ui::chart_total, "Totaal", "Total"},
    {Ui::chart_entries, "Algoritmes", "Algorithms"},
    {Ui::chart_no_category, "Geen categorie", "No category"},
    {Ui::nav_completeness, "Volledigheid", "Completeness"},
    {Ui::nav_assessments, "Impacttoetsen", "Impact assessments"},
    {Ui::nav_risk_profiles, "Risicoprofielen", "Risk profiles"},
    {Ui::completeness_heading, "Volledigheid", "Completeness"},
    {Ui::completeness_score, "{0} van {1} punten ({2}%)", "{0} of {1} points ({2}%)"},
    {Ui::completeness_score_label, "Score", "Score"},
    {Ui::completeness_band_label, "Beoordeling", "Rating"},
    {Ui::completeness_scored_against,
     "Volgens de officiële weging van publicatiestandaard 1.0: elk ingevuld veld telt met zijn "
     "gewicht, samen maximaal 140 punten. Onder 60% is onvoldoende, vanaf 85% goed.",
     "By the official weights of publication standard 1.0: every filled field counts with its "
     "weight, 140 points in all. Below 60% is insufficient, from 85% good."},
    {Ui::completeness_not_computable,
     "Niet te controleren: van dit algoritme zijn alleen de lijstgegevens bekend (naam, "
     "organisatie, status, doel en wettelijke basis), dus de officiële score is niet te berekenen. "
     "Over die velden: {0} van {1} punten.",
     "Cannot be checked: only the listing data of this algorithm is known (name, organisation, "
     "status, goal and legal basis), so the official score cannot be computed. Over those fields: "
     "{0} of {1} points."},
    {Ui::completeness_missing, "Ontbreekt", "Missing"},
    {Ui::completeness_findings, "Bevindingen", "Findings"},
    {Ui::completeness_findings_none, "Geen bevindingen.", "No findings."},
    {Ui::completeness_errors, "Fouten", "Errors"},
    {Ui::completeness_warnings, "Waarschuwingen", "Warnings"},
    {Ui::completeness_infos, "Opmerkingen", "Remarks"},
    {Ui::completeness_not_checked, "Niet gecontroleerd", "Not checked"},
    {Ui::completeness_more, "Volledigheid van alle algoritmes van deze organisatie",
     "Completeness of all algorithms of this organisation"},
    {Ui::completeness_title, "Volledigheid per organisatie", "Completeness by organisation"},
    {Ui::completeness_intro,
     "Hoe volledig zijn de registraties? Per organisatie het aantal algoritmes, de gemiddelde "
     "score volgens de officiële weging en hoeveel registraties fouten of waarschuwingen hebben. "
     "Klik op een kolomkop om te sorteren.",
     "How complete are the entries? Per organisation the number of algorithms, the mean score by "
     "the official weights, and how many entries have errors or warnings. Select a column heading "
     "to sort."},
    {Ui::completeness_listing_note,
     "Van algoritmes die alleen uit de openbare lijst bekend zijn, is de score niet te berekenen: "
     "die tellen als ‘onbekend’.",
     "For algorithms known only from the public listing the score cannot be computed: they count "
     "as ‘unknown’."},
    {Ui::completeness_table_caption, "Organisaties, gesorteerd op {0}",
     "Organisations, sorted by {0}"},
    {Ui::completeness_sort_ascending, "oplopend", "ascending"},
    {Ui::completeness_sort_descending, "aflopend", "descending"},
    {Ui::completeness_sort_hint, "Sorteer op {0}", "Sort by {0}"},
    {Ui::col_organisation, "Organisatie", "Organisation"},
    {Ui::col_type, "Type", "Type"},
    {Ui::col_entries, "Algoritmes", "Algorithms"},
    {Ui::col_progress, "Gemiddelde score", "Mean score"},
    {Ui::col_errors, "Met fouten", "With errors"},
    {Ui::col_warnings, "Met waarschuwingen", "With warnings"},
    {Ui::col_legal_basis, "Zonder wettelijke basis", "Without legal basis"},
    {Ui::col_assessments, "Toets verwacht, niet vermeld", "Assessment expected, not mentioned"},
    {Ui::downloads_label, "Downloaden", "Download"},
    {Ui::download_json, "JSON", "JSON"},
    {Ui::download_csv, "CSV", "CSV"},
    {Ui::org_completeness_title, "Volledigheid van {0}", "Completeness of {0}"},
    {Ui::org_completeness_summary, "{0} algoritmes; gemiddelde score {1}, mediaan {2}.",
     "{0} algorithms; mean score {1}, median {2}."},
    {Ui::org_completeness_summary_unknown,
     "{0} algoritmes; alleen lijstgegevens bekend, geen score te berekenen.",
     "{0} algorithms; only listing data known, no score can be computed."},
    {Ui::org_completeness_back, "Alle algoritmes van {0}", "All algorithms of {0}"},
    {Ui::org_completeness_all, "Alle organisaties", "All organisations"},
    {Ui::fields_heading, "Ingevulde velden", "Fields filled"},
    {Ui::fields_intro,
     "Per veld van publicatiestandaard 1.0: hoeveel van de {0} algoritmes het invullen.",
     "Per field of publication standard 1.0: how many of the {0} algorithms fill it."},
    {Ui::col_field, "Veld", "Field"},
    {Ui::col_weight, "Gewicht", "Weight"},
    {Ui::col_filled, "Ingevuld", "Filled"},
    {Ui::col_empty, "Leeg", "Empty"},
    {Ui::col_unknown, "Onbekend", "Unknown"},
    {Ui::col_share, "Aandeel ingevuld", "Share filled"},
    {Ui::rules_heading, "Bevindingen per regel", "Findings by rule"},
    {Ui::col_rule, "Regel", "Rule"},
    {Ui::col_severity, "Ernst", "Severity"},
    {Ui::entries_heading, "Score per algoritme", "Score per algorithm"},
    {Ui::col_name, "Naam", "Name"},
    {Ui::col_score, "Score", "Score"},
    {Ui::col_band, "Beoordeling", "Rating"},
    {Ui::assess_title, "Impacttoetsen: DPIA, IAMA en andere",
     "Impact assessments: DPIA, IAMA and others"},
    {Ui::assess_intro,
     "Per soort impacttoets: bij hoeveel algoritmes die is uitgevoerd, niet uitgevoerd, met "
     "onbekende uitkomst vermeld, of helemaal niet vermeld. Daaronder de algoritmes waarvoor de "
     "regels een DPIA of IAMA verwachten die de registratie niet noemt.",
     "Per kind of impact assessment: for how many algorithms it was done, not done, mentioned with "
     "an unknown outcome, or not mentioned at all. Below, the algorithms for which the rules "
     "expect a DPIA or IAMA that the entry does not mention."},
    {Ui::assess_total, "{0}: alle {1} algoritmes", "{0}: all {1} algorithms"},
    {Ui::assess_by_org_type, "{0} per type organisatie", "{0} by organisation type"},
    {Ui::assess_by_category, "{0} per publicatiecategorie", "{0} by publication category"},
    {Ui::assess_expected_heading, "Verwacht maar niet vermeld", "Expected but not mentioned"},
    {Ui::assess_expected_intro,
     "Een DPIA wordt verwacht bij impactvolle algoritmes en hoog-risico AI-systemen, een IAMA (of "
     "FRIA) bij hoog-risico AI-systemen. Deze registraties vermelden de verwachte toets niet, ook "
     "niet als ‘niet uitgevoerd’.",
     "A DPIA is expected for impactful algorithms and high-risk AI systems, an IAMA (or FRIA) for "
     "high-risk AI systems. These entries do not mention the expected assessment, not even as ‘not "
     "done’."},
    {Ui::assess_expected_count, "{0} algoritmes", "{0} algorithms"},
    {Ui::assess_expected_none, "Geen algoritmes in deze lijst.", "No algorithms in this list."},
    {Ui::assess_filter_all, "Alle typen", "All types"},
    {Ui::assess_filter_button, "Toon", "Show"},
    {Ui::col_expected, "Verwacht", "Expected"},
    {Ui::col_category, "Publicatiecategorie", "Publication category"},
    {Ui::col_status, "Status", "Status"},
    {Ui::value_unknown, "Onbekend", "Unknown"},
    {Ui::value_yes, "Ja", "Yes"},
    {Ui::value_no, "Nee", "No"},
    {Ui::not_found_title, "Niet gevonden", "Not found"},
    {Ui::not_found_text, "Deze pagina bestaat niet.", "This page does not exist."},
    {Ui::entry_not_found, "Er is geen algoritme met ID ‘{0}’.",
     "There is no algorithm with ID ‘{0}’."},
    {Ui::error_title, "Er ging iets mis", "Something went wrong"},
    {Ui::error_text, "De pagina kon niet worden gemaakt. Probeer het later opnieuw.",
     "The page could not be made. Please try again later."},
    {Ui::bad_request_text, "Deze zoekvraag kunnen we niet uitvoeren: {0}",
     "We cannot run this search: {0}"},
    {Ui::back_home, "Naar de zoekpagina", "To the search page"},
    {Ui::request_error_text, "Dit verzoek kunnen we niet beantwoorden (HTTP {0}).",
     "We cannot answer this request (HTTP {0})."},
    {Ui::unavailable_text,
     "Het register is nog niet beschikbaar: de index wordt opgebouwd. Probeer het over een paar "
     "minuten opnieuw.",
     "The register is not available yet: the index is being built. Please try again in a few "
     "minutes."},
    {Ui::busy_text,
     "Het register op eerdere datums wordt nu voor andere bezoekers opgebouwd. Probeer het over "
     "{0} seconden opnieuw.",
     "The register at past dates is being prepared for other visitors right now. Please try "
     "again in {0} seconds."},
    {Ui::error_search_label, "Zoek in het algoritmeregister", "Search the algorithm register"},
    {Ui::error_other_language, "In het Engels", "In Dutch"},
    {Ui::api_docs_title, "API-documentatie", "API reference"},
    {Ui::api_docs_intro,
     "Alle paden van de API, gemaakt uit de OpenAPI-beschrijving die de server zelf publiceert. "
     "De API onder /api/v1 is die van algreg; de paden onder /api daarbuiten zijn compatibel met "
     "de API van het officiële register.",
     "Every path of the API, made from the OpenAPI description the server publishes itself. "
     "/api/v1 is algreg's own API; the paths under /api outside it are compatible with the "
     "official register's API."},
    {Ui::api_docs_openapi, "De OpenAPI-beschrijving (JSON), om clients mee te genereren",
     "The OpenAPI description (JSON), to generate clients from"},
    {Ui::api_docs_contents, "Paden", "Paths"},
    {Ui::api_docs_group_ours, "algreg-API (/api/v1)", "algreg API (/api/v1)"},
    {Ui::api_docs_group_official, "Compatibel met de officiële API",
     "Compatible with the official API"},
    {Ui::api_docs_group_operations, "Beheer", "Operations"},
    {Ui::api_docs_parameters, "Parameters", "Parameters"},
    {Ui::api_docs_request_body, "Inhoud van het verzoek", "Request body"},
    {Ui::api_docs_responses, "Antwoorden", "Responses"},
    {Ui::api_docs_try, "Voorbeeld", "Example"},
    {Ui::api_docs_schemas, "Schema’s", "Schemas"},
    {Ui::api_docs_col_name, "Naam", "Name"},
    {Ui::api_docs_col_in, "Waar", "In"},
    {Ui::api_docs_col_type, "Type", "Type"},
    {Ui::api_docs_col_required, "Verplicht", "Required"},
    {Ui::api_docs_col_description, "Beschrijving", "Description"},
    {Ui::api_docs_col_status, "Status", "Status"},
    {Ui::api_docs_col_content, "Inhoud", "Content"},
    {Ui::api_docs_english_note, "De beschrijvingen van de API zijn in het Engels.",
     "The API's descriptions are in English."},
    {Ui::filters_show, "Filters", "Filters"},
    {Ui::filters_count, "{0} gekozen", "{0} chosen"},
    {Ui::opensearch_description, "Zoek in het Nederlandse algoritmeregister",
     "Search the Dutch algorithm register"},
}};

struct Translation {
    std::string_view nl;
    std::string_view en;
};

// Fixed vocabularies of the register (register-model.md §1.2, §4.1). Keys are folded Dutch.
constexpr std::array<Translation, 60> vocabulary{{
    {"In gebruik", "In use"},
    {"In ontwikkeling", "In development"},
    {"Buiten gebruik", "Out of use"},
    {"Hoog-risico AI-systeem", "High-risk AI system"},
    {"Impactvolle algoritmes", "Impactful algorithms"},
    {"Overige algoritmes", "Other algorithms"},
    {"Ja", "Yes"},
    {"Nee", "No"},
    {"Onbekend", "Unknown"},
    {"Overig", "Other"},
    {"Geen", "None"},
    {"uitgevoerd", "done"},
    {"niet uitgevoerd", "not done"},
    {"onbekend", "unknown"},
    // Organisation types
    {"Adviescollege", "Advisory board"},
    {"Agentschap", "Agency"},
    {"Brandweer", "Fire brigade"},
    {"Caribisch openbaar lichaam", "Caribbean public body"},
    {"Gemeente", "Municipality"},
    {"Grensoverschrijdend regionaal samenwerkingsorgaan", "Cross-border regional cooperation body"},
    {"Hoog College van Staat", "High Council of State"},
    {"Interdepartementale commissie", "Interdepartmental committee"},
    {"Kabinet van de Koning", "King's Cabinet"},
    {"Koepelorganisatie", "Umbrella organisation"},
    {"Ministerie", "Ministry"},
    {"Omgevingsdienst", "Environmental service"},
    {"Openbaar lichaam voor beroep en bedrijf", "Public body for professions and businesses"},
    {"Organisatie met overheidsbemoeienis", "Organisation with government involvement"},
    {"Organisatieonderdeel", "Organisational unit"},
    {"Politie", "Police"},
    {"Provincie", "Province"},
    {"Regionaal samenwerkingsverband", "Regional partnership"},
    {"Rechtspraak", "Judiciary"},
    {"Regionaal samenwerkingsorgaan", "Regional cooperation body"},
    {"Waterschap", "Water authority"},
    {"Zelfstandig bestuursorgaan", "Independent administrative body"},
    {"Veiligheidsregio", "Safety region"},
    {"Inspectie", "Inspectorate"},
    // Themes (standard 1.0 and 0.4)
    {"Organisatie en bedrijfsvoering", "Organisation and operations"},
    {"Cultuur en recreatie", "Culture and recreation"},
    {"Economie", "Economy"},
    {"Internationaal", "International"},
    {"Migratie en integratie", "Migration and integration"},
    {"Natuur en milieu", "Nature and environment"},
    {"Onderwijs en wetenschap", "Education and science"},
    {"Openbare orde en veiligheid", "Public order and safety"},
    {"Recht", "Law"},
    {"Ruimte en infrastructuur", "Spatial planning and infrastructure"},
    {"Sociale zekerheid", "Social security"},
    {"Verkeer", "Traffic"},
    {"Werk", "Work"},
    {"Zorg en gezondheid", "Care and health"},
    {"Overheidsfinanciën", "Public finances"},
    {"Wonen", "Housing"},
    {"Financiën", "Finance"},
    {"Huisvesting", "Housing"},
    {"Dienstverlening", "Services"},
    {"Bestuur", "Governance"},
    {"Landbouw", "Agriculture"},
    {"Geen categorie", "No category"},
}};

std::string_view lookup_vocabulary(std::string_view dutch) {
    const std::string folded = search::fold(dutch);
    for (const auto& t : vocabulary) {
        if (search::fold(t.nl) == folded) {
            return t.en;
        }
    }
    return {};
}

} // namespace

search::Language text_language(Lang lang) {
    return lang == Lang::nl ? search::Language::nl : search::Language::en;
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::en ? "en" : "nl";
}

std::string_view ui(Lang lang, Ui key) {
    const auto& row = table[static_cast<std::size_t>(key)];
    return lang == Lang::en ? row.en : row.nl;
}

std::string ui(Lang lang, Ui key, std::initializer_list<std::string_view> args) {
    const std::string_view text = ui(lang, key);
    std::string out;
    out.reserve(text.size() + 32);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '0' &&
            text[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(text[i + 1] - '0');
            if (n < args.size()) {
                out += *(args.begin() + n);
            }
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

const UiRow* ui_table_begin() {
    return table.data();
}

const UiRow* ui_table_end() {
    return table.data() + table.size();
}

std::string facet_label(Lang lang, std::string_view facet) {
    for (const auto& f : search::facets) {
        if (f.name == facet) {
            return std::string(lang == Lang::en ? f.label_en : f.label_nl);
        }
    }
    return search::generic_label(facet);
}

std::string vocabulary_label(Lang lang, std::string_view dutch) {
    if (lang == Lang::nl) {
        return std::string(dutch);
    }
    const auto en = lookup_vocabulary(dutch);
    return en.empty() ? std::string(dutch) : std::string(en);
}

std::string value_label(Lang lang, std::string_view facet, std::string_view value,
                        std::string_view dutch_label) {
    if (facet == search::facet::human_intervention.name && value == "onbekend") {
        // Listing-only entries: the chip of the Risicoprofielen page's "judged on title and
        // goal only" link says so (docs/risk-profiles.md §1.3).
        return lang == Lang::nl ? "Onbekend (alleen titel en doel bekend)"
                                : "Unknown (only title and goal known)";
    }
    if (lang == Lang::nl || facet == search::facet::organisation.name) {
        return std::string(dutch_label);
    }
    if (facet == search::facet::completeness_band.name) {
        return search::completeness_band_label(value, true);
    }
    if (facet == search::facet::missing_field.name) {
        return search::missing_field_label(value, true);
    }
    if (facet == search::facet::characteristic.name) {
        return search::characteristic_label(value, true);
    }
    if (facet == search::facet::human_intervention.name) {
        return value == "beschreven" ? "Described" : "Not described";
    }
    if (facet == search::facet::assessment.name) {
        return search::assessment_value_label(value, dutch_label, text_language(lang));
    }
    return vocabulary_label(lang, dutch_label);
}

} // namespace algreg::web
