#include "web/official_vocabulary.h"

#include "search/analysis.h"
#include "search/schema.h"

#include <array>

namespace algreg::web {

namespace {

constexpr std::array<OfficialLabel, 25> organisation_types{{
    {"adviescollege", "Adviescollege", "Advisory board"},
    {"agentschap", "Agentschap", "Agency"},
    {"brandweer", "Brandweer", "Fire brigade"},
    {"caribisch_openbaar_lichaam", "Caribisch openbaar lichaam", "Caribbean public body"},
    {"gemeente", "Gemeente", "Municipality"},
    {"grensoverschrijdend_regionaal_samenwerkingsorgaan",
     "Grensoverschrijdend regionaal samenwerkingsorgaan", "Cross-border regional cooperation body"},
    {"hoog_college_van_staat", "Hoog College van Staat", "High Council of State"},
    {"interdepartementale_commissie", "Interdepartementale commissie",
     "Interdepartmental committee"},
    {"kabinet_van_de_koning", "Kabinet van de Koning", "King's Cabinet"},
    {"koepelorganisatie", "Koepelorganisatie", "Umbrella organization"},
    {"ministerie", "Ministerie", "Ministry"},
    {"omgevingsdienst", "Omgevingsdienst", "Environmental service"},
    {"openbaar_lichaam_voor_beroep_en_bedrijf", "Openbaar lichaam voor beroep en bedrijf",
     "Public body for professions and businesses"},
    {"organisatie_met_overheidsbemoeienis", "Organisatie met overheidsbemoeienis",
     "Organization with government interference"},
    {"organisatieonderdeel", "Organisatieonderdeel", "Organizational unit"},
    {"politie", "Politie", "Police"},
    {"provincie", "Provincie", "Province"},
    {"regionaal_samenwerkingsverband", "Regionaal samenwerkingsverband", "Regional partnership"},
    {"rechtspraak", "Rechtspraak", "Jurisdiction"},
    {"regionaal_samenwerkingsorgaan", "Regionaal samenwerkingsorgaan", "Regional cooperation body"},
    {"waterschap", "Waterschap", "Water Authority"},
    {"zelfstandig_bestuursorgaan", "Zelfstandig bestuursorgaan", "Independent administrative body"},
    {"overig", "Overig", "Other"},
    {"veiligheidsregio", "Regionaal samenwerkingsorgaan", "Regional cooperation body"},
    {"inspectie", "Inspectie", "Inspectorate"},
}};

constexpr std::array<OfficialLabel, 14> impact_assessments{{
    {"Data Protection Impact Assessment (DPIA)", "Data Protection Impact Assessment (DPIA)",
     "Data Protection Impact Assessment (DPIA)"},
    {"Impact Assessment Mensenrechten en Algoritmes (IAMA)",
     "Impact Assessment Mensenrechten en Algoritmes (IAMA)",
     "Human Rights and Algorithms Impact Assessment (IAMA)"},
    {"Fundamental Rights Impact Assessment (FRIA)", "Fundamental Rights Impact Assessment (FRIA)",
     "Fundamental Rights and Impact Assessment (FRIA)"},
    {"AI Impact Assessment (AIIA)", "AI Impact Assessment (AIIA)", "AI Impact Assessment (AIIA)"},
    {"Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)",
     "Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)",
     "Fundamental Rights and Algorithm Impact Assessment (FRAIA)"},
    {"De Ethische Data Assistant (DEDA)", "De Ethische Data Assistant (DEDA)",
     "Data Ethics Decision Aid (DEDA)"},
    {"Utrecht Uthiek Assessment", "Utrecht Uthiek Assessment", "Utrecht Uthiek Assessment"},
    {"Toetsingskader Algemene Rekenkamer", "Toetsingskader Algemene Rekenkamer",
     "Assessment framework of the Court of Audit"},
    {"Z-Inspection", "Z-Inspection", "Z-Inspection"},
    {"De Ethische Bijsluiter", "De Ethische Bijsluiter", "The Ethical Guide"},
    {"Privacy Quickscan", "Privacy Quickscan", "Privacy Quickscan"},
    {"Pre-scan DPIA", "Pre-scan DPIA", "Pre-scan DPIA"},
    {"Overig", "Overig", "Other"},
    {"Geen", "Geen", "None"},
}};

} // namespace

bool is_official_language(std::string_view lang) {
    return lang == "NLD" || lang == "ENG" || lang == "FRY";
}

std::span<const OfficialLabel> official_organisation_types() {
    return organisation_types;
}

std::span<const OfficialLabel> official_impact_assessments() {
    return impact_assessments;
}

std::string assessment_slug_for(std::string_view official_key) {
    // The 12 standard labels are in the order of schema.h assessment_types.
    for (std::size_t i = 0; i < search::assessment_types.size(); ++i) {
        if (impact_assessments[i].key == official_key) {
            return search::slug(search::assessment_types[i]);
        }
    }
    return {};
}

std::string_view localised(const OfficialLabel& label, std::string_view lang) {
    return lang == "ENG" ? label.en : label.nl;
}

const OfficialLabel* find_label(std::span<const OfficialLabel> table, std::string_view key) {
    for (const auto& row : table) {
        if (row.key == key) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace algreg::web
