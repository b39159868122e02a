#include "search/facet_labels.h"

#include "search/completeness.h"

#include <array>

namespace algreg::search {

namespace {

struct TypeLabel {
    std::string_view key;
    std::string_view label;
};

constexpr std::array<TypeLabel, 25> type_labels{{
    {"adviescollege", "Adviescollege"},
    {"agentschap", "Agentschap"},
    {"brandweer", "Brandweer"},
    {"caribisch_openbaar_lichaam", "Caribisch openbaar lichaam"},
    {"gemeente", "Gemeente"},
    {"grensoverschrijdend_regionaal_samenwerkingsorgaan",
     "Grensoverschrijdend regionaal samenwerkingsorgaan"},
    {"hoog_college_van_staat", "Hoog College van Staat"},
    {"interdepartementale_commissie", "Interdepartementale commissie"},
    {"kabinet_van_de_koning", "Kabinet van de Koning"},
    {"koepelorganisatie", "Koepelorganisatie"},
    {"ministerie", "Ministerie"},
    {"omgevingsdienst", "Omgevingsdienst"},
    {"openbaar_lichaam_voor_beroep_en_bedrijf", "Openbaar lichaam voor beroep en bedrijf"},
    {"organisatie_met_overheidsbemoeienis", "Organisatie met overheidsbemoeienis"},
    {"organisatieonderdeel", "Organisatieonderdeel"},
    {"politie", "Politie"},
    {"provincie", "Provincie"},
    {"regionaal_samenwerkingsverband", "Regionaal samenwerkingsverband"},
    {"rechtspraak", "Rechtspraak"},
    {"regionaal_samenwerkingsorgaan", "Regionaal samenwerkingsorgaan"},
    {"waterschap", "Waterschap"},
    {"zelfstandig_bestuursorgaan", "Zelfstandig bestuursorgaan"},
    {"overig", "Overig"},
    {"veiligheidsregio", "Veiligheidsregio"},
    {"inspectie", "Inspectie"},
}};

} // namespace

std::string organisation_type_label(std::string_view key) {
    for (const auto& t : type_labels) {
        if (t.key == key) {
            return std::string(t.label);
        }
    }
    return generic_label(key);
}

bool is_organisation_type(std::string_view key) {
    for (const auto& t : type_labels) {
        if (t.key == key) {
            return true;
        }
    }
    return false;
}

std::string completeness_band_label(std::string_view value, bool english) {
    for (const auto band : {CompletenessBand::oranje, CompletenessBand::geel,
                            CompletenessBand::groen, CompletenessBand::onbekend}) {
        if (to_string(band) == value) {
            return generic_label(band_label(band, english ? Language::en : Language::nl));
        }
    }
    return generic_label(value);
}

std::string missing_field_label(std::string_view key, bool english) {
    if (const ScoredField* field = find_scored_field(key)) {
        return std::string(english ? field->title_en : field->title_nl);
    }
    return generic_label(key);
}

std::string generic_label(std::string_view value) {
    std::string out(value);
    for (char& c : out) {
        if (c == '_' || c == '-') {
            c = ' ';
        }
    }
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
        out[0] = static_cast<char>(out[0] - 'a' + 'A');
    }
    return out;
}

} // namespace algreg::search
