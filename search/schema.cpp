#include "search/schema.h"

namespace algreg::search {

namespace {

using R = AlgorithmRecord;
constexpr Section A = Section::algemeen;
constexpr Section V = Section::verantwoord_gebruik;
constexpr Section W = Section::werking;
constexpr Section M = Section::metadata;

// key, title nl, title en, member, prefix, html, max, required, show_always, weight, section
const std::array<StringField, 27> fields{{
    {"name", "Naam", "Name", &R::name, prefix::title, false, 100, true, true, 8, A},
    {"description_short", "Korte omschrijving", "Short description", &R::description_short,
     prefix::description, false, 400, true, true, 8, A},
    {"organization", "Organisatienaam", "Organisation", &R::organization, prefix::organization,
     false, 100, true, true, 8, A},
    {"status", "Status", "Status", &R::status, "", false, 0, true, true, 8, A},
    {"begin_date", "Begindatum", "Start date", &R::begin_date, "", false, 7, false, true, 8, A},
    {"end_date", "Einddatum", "End date", &R::end_date, "", false, 7, false, false, 0, A},
    {"contact_email", "Contactgegevens", "Contact", &R::contact_email, "", false, 500, true, true,
     8, A},
    {"website", "Link naar publiekspagina", "Public page", &R::website, "", false, 500, false,
     false, 2, A},
    {"publication_category", "Publicatiecategorie", "Publication category",
     &R::publication_category, "", false, 0, true, true, 8, A},
    {"url", "Link naar bronregistratie", "Source registration", &R::url, "", false, 500, false,
     false, 2, A},
    {"goal", "Doel en impact", "Goal and impact", &R::goal, prefix::goal, true, 2500, false, true,
     8, V},
    {"proportionality", "Afwegingen", "Considerations", &R::proportionality, prefix::rest, true,
     2500, false, true, 8, V},
    {"human_intervention", "Menselijke tussenkomst", "Human intervention", &R::human_intervention,
     prefix::rest, true, 2500, false, true, 8, V},
    {"risks", "Risicobeheer", "Risk management", &R::risks, prefix::rest, true, 2500, false, true,
     8, V},
    {"lawful_basis", "Wettelijke basis", "Legal basis", &R::lawful_basis, prefix::legal, true, 2500,
     false, false, 2, V},
    {"process_index_url", "Link naar verwerkingsregister", "Processing register",
     &R::process_index_url, "", false, 500, false, false, 2, V},
    {"impacttoetsen", "Toelichting op impacttoetsen", "Impact assessments explained",
     &R::impacttoetsen, prefix::rest, true, 2500, false, false, 8, V},
    {"source_data", "Gegevens", "Data", &R::source_data, prefix::rest, true, 2500, false, true, 8,
     W},
    {"methods_and_models", "Technische werking", "Technical operation", &R::methods_and_models,
     prefix::rest, true, 5000, false, false, 2, W},
    {"provider", "Leverancier", "Supplier", &R::provider, prefix::rest, false, 200, false, false, 8,
     W},
    {"publiccode", "Link naar broncode", "Source code", &R::publiccode, "", false, 500, false,
     false, 0, W},
    {"lang", "Taal", "Language", &R::lang, "", false, 0, true, false, 2, M},
    {"standard_version", "Versie publicatiestandaard", "Standard version", &R::standard_version, "",
     false, 0, false, false, 0, M},
    {"source_id", "Bron-ID", "Source id", &R::source_id, "", false, 100, false, false, 0, M},
    {"tags", "Zoektermen", "Search terms", &R::tags, prefix::rest, true, 2500, false, false, 2, M},
    {"lars", "Algoritme-ID", "Algorithm id", &R::lars, "", false, 0, false, false, 0, M},
    {"publication_dt", "Publicatiedatum", "Publication date", &R::publication_dt, "", false, 0,
     false, false, 0, M},
}};

} // namespace

std::span<const StringField> string_fields() {
    return fields;
}

const StringField* find_string_field(std::string_view key) {
    for (const auto& f : fields) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace algreg::search
