// Tests for indexer/vocabulary.cpp: one table of cases per function, then checks against the
// real register files in fixtures/ (register-model.md §1.2, §1.4, §2, §4, §6).
#include "indexer/vocabulary.h"
#include "search/schema.h"
#include "tests/support/fixtures.h"

#include <doctest/doctest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

using namespace algreg::indexer;
using algreg::testing::fixture;
using nlohmann::json;

namespace {

json read_json(const std::string& name) {
    return json::parse(algreg::testing::read_file(fixture(name)));
}

struct OptionalCase {
    std::string input;
    std::optional<std::string> expected;
};

struct StringCase {
    std::string input;
    std::string expected;
};

struct ListCase {
    std::string input;
    std::vector<std::string> expected;
};

struct FlagCase {
    std::string input;
    bool expected;
};

const std::vector<std::string> v10_themes{"Organisatie en bedrijfsvoering",
                                          "Cultuur en recreatie",
                                          "Economie",
                                          "Overheidsfinanciën",
                                          "Wonen",
                                          "Internationaal",
                                          "Migratie en integratie",
                                          "Natuur en milieu",
                                          "Onderwijs en wetenschap",
                                          "Openbare orde en veiligheid",
                                          "Recht",
                                          "Ruimte en infrastructuur",
                                          "Sociale zekerheid",
                                          "Verkeer",
                                          "Werk",
                                          "Zorg en gezondheid"};

const std::vector<std::string> organisation_type_keys{
    "adviescollege",
    "agentschap",
    "brandweer",
    "caribisch_openbaar_lichaam",
    "gemeente",
    "grensoverschrijdend_regionaal_samenwerkingsorgaan",
    "hoog_college_van_staat",
    "interdepartementale_commissie",
    "kabinet_van_de_koning",
    "koepelorganisatie",
    "ministerie",
    "omgevingsdienst",
    "openbaar_lichaam_voor_beroep_en_bedrijf",
    "organisatie_met_overheidsbemoeienis",
    "organisatieonderdeel",
    "politie",
    "provincie",
    "regionaal_samenwerkingsverband",
    "rechtspraak",
    "regionaal_samenwerkingsorgaan",
    "waterschap",
    "zelfstandig_bestuursorgaan",
    "overig",
    "veiligheidsregio",
    "inspectie"};

} // namespace

// ---------------------------------------------------------------------------------------------
// collapse_whitespace

TEST_CASE("collapse_whitespace collapses every whitespace run to one space and trims") {
    const std::vector<StringCase> cases{
        {"", ""},
        {"   ", ""},
        {"Gemeente Delft", "Gemeente Delft"},
        {"  Gemeente \t\n Delft  ", "Gemeente Delft"},
        {"Wegenverkeerswet 1994 ", "Wegenverkeerswet 1994"},
        {"\xC2\xA0In\xC2\xA0gebruik\xC2\xA0", "In gebruik"}, // U+00A0 no-break space
        {"a\xE2\x80\xAF"
         "b\xE2\x80\x89"
         "c",
         "a b c"},                                            // U+202F, U+2009
        {"co\xC3\xB6rdinaten", "co\xC3\xB6rdinaten"},         // other UTF-8 untouched
        {"be\xEF\xBF\xBDindiging", "be\xEF\xBF\xBDindiging"}, // U+FFFD is no whitespace
        {"line\r\nbreak", "line break"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(collapse_whitespace(c.input) == c.expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Status

TEST_CASE("normalise_status maps every spelling of the three statuses") {
    const std::vector<OptionalCase> cases{
        // the stored values and the listing codes
        {"In gebruik", "In gebruik"},
        {"In ontwikkeling", "In ontwikkeling"},
        {"Buiten gebruik", "Buiten gebruik"},
        {"in_gebruik", "In gebruik"},
        {"ontwikkeling", "In ontwikkeling"},
        {"buiten_gebruik", "Buiten gebruik"},
        // case and spacing
        {"in gebruik", "In gebruik"},
        {"IN GEBRUIK", "In gebruik"},
        {"  In   gebruik ", "In gebruik"},
        {"In\xC2\xA0gebruik", "In gebruik"},
        {"In-gebruik", "In gebruik"},
        {"Ingebruik", "In gebruik"},
        {"Buitengebruik", "Buiten gebruik"},
        {"In gebruik.", "In gebruik"},
        // English labels
        {"In use", "In gebruik"},
        {"In development", "In ontwikkeling"},
        {"Out of use", "Buiten gebruik"},
        // 2023 variants
        {"Actief", "In gebruik"},
        {"In werking", "In gebruik"},
        {"In productie", "In gebruik"},
        {"In gebruik sinds 18-12-2020", "In gebruik"},
        {"Gestopt", "Buiten gebruik"},
        {"pilot", "In ontwikkeling"},
        {"Beëindigd", "Buiten gebruik"},
        {"Niet meer in gebruik", "Buiten gebruik"},
        {"Nog niet in gebruik", "In ontwikkeling"},
        // opening-phrase rule for sentences about the algorithm
        {"Het algoritme is in productie sinds 2021.", "In gebruik"},
        {"Status: buiten gebruik", "Buiten gebruik"},
        {"In ontwikkeling, nog niet in gebruik", "In ontwikkeling"},
        // two statuses named, or no status at the start: unknown
        {"Het algoritme is in productie en het gebruik zit in een pilotfase. Het gebruik is "
         "enkel intern.",
         std::nullopt},
        {"In gebruik (pilot)", std::nullopt},
        {"Actief, maar wordt uitgefaseerd", std::nullopt},
        {"Twee natuurgebieden zijn in gebruik (pilot). Het algoritme bestaat, maar wordt nog "
         "niet in gebruik genomen door ecologen.",
         std::nullopt},
        {"Op dit moment worden de laatste kinderziektes uit de tool gehaald (nov, 2022)",
         std::nullopt},
        {"Niet in gebruik", std::nullopt}, // never used or no longer used: cannot tell
        {"Onbekend", std::nullopt},
        {"gebruiker", std::nullopt},
        {"Actiefonds", std::nullopt}, // "actief" must be a whole word
        {"", std::nullopt},
        {"  ", std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(normalise_status(c.input) == c.expected);
    }
}

TEST_CASE("status_code gives the listing code of a status") {
    const std::vector<StringCase> cases{
        {"In gebruik", "in_gebruik"},
        {"In ontwikkeling", "ontwikkeling"},
        {"Buiten gebruik", "buiten_gebruik"},
        {"Actief", "in_gebruik"}, // any spelling is normalised first
        {"in_gebruik", "in_gebruik"},
        {"Onbekend", ""},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(status_code(c.input) == c.expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Publication category

TEST_CASE("normalise_publication_category accepts labels, schema forms, English and letters") {
    const std::vector<OptionalCase> cases{
        {"Hoog-risico AI-systeem", "Hoog-risico AI-systeem"},
        {"Impactvolle algoritmes", "Impactvolle algoritmes"},
        {"Overige algoritmes", "Overige algoritmes"},
        {"hoog risico ai systeem", "Hoog-risico AI-systeem"},
        {"IMPACTVOLLE  ALGORITMES", "Impactvolle algoritmes"},
        {"Impactvolle algoritmen", "Impactvolle algoritmes"},
        {"Hoog-risico AI-systeem (Categorie A)", "Hoog-risico AI-systeem"},
        {"Impactvolle algoritmes (Categorie B)", "Impactvolle algoritmes"},
        {"Overige algoritmes (Categorie C)", "Overige algoritmes"},
        {"High-Risk AI-system", "Hoog-risico AI-systeem"},
        {"Impactful algorithms", "Impactvolle algoritmes"},
        {"Other algorithms", "Overige algoritmes"},
        {"A", "Hoog-risico AI-systeem"},
        {"b", "Impactvolle algoritmes"},
        {"C", "Overige algoritmes"},
        {"Categorie B", "Impactvolle algoritmes"},
        {"(Categorie C)", "Overige algoritmes"},
        {"Impactvolle algoritmes (Categorie A)", std::nullopt}, // name and letter disagree
        {"D", std::nullopt},
        {"Hoog", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(normalise_publication_category(c.input) == c.expected);
    }
}

// ---------------------------------------------------------------------------------------------
// Themes

TEST_CASE("split_theme_string splits array literals, JSON arrays and comma lists") {
    const std::vector<ListCase> cases{
        {"{Financiën}", {"Financiën"}},
        {"{\"Ruimte en infrastructuur\"}", {"Ruimte en infrastructuur"}},
        {"{Werk,Huisvesting,\"Ruimte en infrastructuur\"}",
         {"Werk", "Huisvesting", "Ruimte en infrastructuur"}},
        {"{\"Data Protection Impact Asssesment (DPIA)\"}",
         {"Data Protection Impact Asssesment (DPIA)"}},
        {"{\"a, b\",c}", {"a, b", "c"}},                 // a quoted comma does not split
        {"{\"say \\\"hi\\\"\",x}", {"say \"hi\"", "x"}}, // backslash escapes in quotes
        {"{Werk,NULL}", {"Werk"}},                       // unquoted NULL is no item
        {"{\"NULL\"}", {"NULL"}},                        // quoted NULL is text
        {"{}", {}},
        {"{ Werk , Wonen }", {"Werk", "Wonen"}},
        {"[\"Werk\", \"Wonen\"]", {"Werk", "Wonen"}},
        {"Economie, Wonen", {"Economie", "Wonen"}},
        {"WW, uitkering", {"WW", "uitkering"}},
        {"Verkeer en vaarwegen, Brug monitoringsysteem (BMS), API",
         {"Verkeer en vaarwegen", "Brug monitoringsysteem (BMS)", "API"}},
        {"Systeem (BMS, API), Data", {"Systeem (BMS, API)", "Data"}},
        {"wonen, werken en leefomgeving", {"wonen, werken en leefomgeving"}}, // one name
        {"landbouw, natuur en voedsel", {"landbouw, natuur en voedsel"}},
        {"Basisregistratie", {"Basisregistratie"}},
        {" , ,", {}},
        {"", {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(split_theme_string(c.input) == c.expected);
    }
}

TEST_CASE("normalise_themes maps to the 1.0 vocabulary and keeps what has no equivalent") {
    const std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> cases{
        // v0.4 -> v1.0
        {{"Financiën"}, {"Overheidsfinanciën"}},
        {{"Huisvesting"}, {"Wonen"}},
        {{"{Werk,Huisvesting,\"Ruimte en infrastructuur\"}"},
         {"Werk", "Wonen", "Ruimte en infrastructuur"}},
        {{"{Financiën}"}, {"Overheidsfinanciën"}},
        // v0.4-only values have no 1.0 equivalent: kept (spelled as in v0.4)
        {{"Dienstverlening", "Bestuur", "Landbouw"}, {"Dienstverlening", "Bestuur", "Landbouw"}},
        {{"landbouw"}, {"Landbouw"}},
        // free text with a clear 1.0 theme
        {{"Veiligheid en handhaving"}, {"Openbare orde en veiligheid"}},
        {{"Infrastructuur"}, {"Ruimte en infrastructuur"}},
        {{"Bedrijfsvoering"}, {"Organisatie en bedrijfsvoering"}},
        {{"Erfbelasting"}, {"Overheidsfinanciën"}},
        {{"WW, uitkering"}, {"Sociale zekerheid"}}, // both map there: one item
        {{"Verkeersveiligheid"}, {"Verkeer"}},
        {{"Natuur"}, {"Natuur en milieu"}},
        // free text without one clear theme: kept as given, trimmed
        {{"Basisregistratie"}, {"Basisregistratie"}},
        {{" Fysiek domein "}, {"Fysiek domein"}},
        {{"wonen, werken en leefomgeving"}, {"wonen, werken en leefomgeving"}},
        {{"landbouw, natuur en voedsel"}, {"landbouw, natuur en voedsel"}},
        {{"Basisregistratie, identiteitsgegevens"}, {"Basisregistratie", "identiteitsgegevens"}},
        // accent- and case-insensitive; duplicates removed, first position kept
        {{"overheidsfinancien"}, {"Overheidsfinanciën"}},
        {{"WERK", "Werk", "werk"}, {"Werk"}},
        {{"Financiën", "Overheidsfinanciën"}, {"Overheidsfinanciën"}},
        {{"Wonen", "Economie", "Huisvesting"}, {"Wonen", "Economie"}},
        {{"Foo", "foo"}, {"Foo"}},
        {{"", "  "}, {}},
        {{}, {}},
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(json(input).dump());
        CHECK(normalise_themes(input) == expected);
    }
}

TEST_CASE("normalise_themes keeps each of the 16 v1.0 themes as it is") {
    for (const auto& theme : v10_themes) {
        CAPTURE(theme);
        CHECK(normalise_themes({theme}) == std::vector<std::string>{theme});
    }
    CHECK(normalise_themes(v10_themes) == v10_themes);
}

// ---------------------------------------------------------------------------------------------
// Impact assessments

TEST_CASE("canonical_assessment_type maps labels, misspellings and abbreviations") {
    const std::vector<OptionalCase> cases{
        // the 12 official NL labels
        {"Data Protection Impact Assessment (DPIA)", "DPIA"},
        {"Impact Assessment Mensenrechten en Algoritmes (IAMA)", "IAMA"},
        {"Fundamental Rights Impact Assessment (FRIA)", "FRIA"},
        {"AI Impact Assessment (AIIA)", "AIIA"},
        {"Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)", "FRAIA"},
        {"De Ethische Data Assistant (DEDA)", "DEDA"},
        {"Utrecht Uthiek Assessment", "Uthiek"},
        {"Toetsingskader Algemene Rekenkamer", "Toetsingskader Algemene Rekenkamer"},
        {"Z-Inspection", "Z-Inspection"},
        {"De Ethische Bijsluiter", "De Ethische Bijsluiter"},
        {"Privacy Quickscan", "Privacy Quickscan"},
        {"Pre-scan DPIA", "Pre-scan DPIA"},
        // the EN labels
        {"Human Rights and Algorithms Impact Assessment (IAMA)", "IAMA"},
        {"Fundamental Rights and Impact Assessment (FRIA)", "FRIA"},
        {"Fundamental Rights and Algorithm Impact Assessment (FRAIA)", "FRAIA"},
        {"Data Ethics Decision Aid (DEDA)", "DEDA"},
        {"Assessment framework of the Court of Audit", "Toetsingskader Algemene Rekenkamer"},
        {"The Ethical Guide", "De Ethische Bijsluiter"},
        // the known misspellings (register-model.md §2.2)
        {"AI Impact Assesment (AIIA)", "AIIA"},
        {"Utrechts Uthiek Assessment", "Uthiek"},
        {"De Ethische Data Assistent (DEDA)", "DEDA"},
        {"Data Protection Impact Asssesment (DPIA)", "DPIA"},
        // case and whitespace
        {"data protection impact assessment (dpia)", "DPIA"},
        {"  Data  Protection\xC2\xA0Impact Assessment ", "DPIA"},
        {"DPIA", "DPIA"},
        {"dpia", "DPIA"},
        {"IAMA.", "IAMA"},
        // the pre-scan before the DPIA, in any order or spelling
        {"pre-scan dpia", "Pre-scan DPIA"},
        {"Prescan DPIA", "Pre-scan DPIA"},
        {"DPIA pre-scan", "Pre-scan DPIA"},
        {"Pre-scan DPIA (versie 2023)", "Pre-scan DPIA"},
        {"Quickscan DPIA", "Pre-scan DPIA"},
        {"DPIA-voortoets", "Pre-scan DPIA"},
        {"Privacy Quickscan (voorloper van een DPIA)", "Privacy Quickscan"},
        // abbreviations in parentheses or as words, names inside longer titles
        {"Uitgevoerde toets (DPIA)", "DPIA"},
        {"DPIA 2023 parkeren", "DPIA"},
        {"DPIA's van de gemeente", "DPIA"},
        {"AVG-DPIA", "DPIA"},
        {"Rapport FRAIA", "FRAIA"},
        {"FRIA", "FRIA"},
        {"Toetsing AIIA", "AIIA"},
        {"Data Protection Impact Assessment Parkeerbeheer", "DPIA"},
        {"Gegevensbeschermingseffectbeoordeling", "DPIA"},
        {"Mensenrechtentoets", "IAMA"},
        {"Toetsingskader algoritmes van de Algemene Rekenkamer",
         "Toetsingskader Algemene Rekenkamer"},
        {"Z-Inspection® assessment", "Z-Inspection"},
        {"Ethische bijsluiter parkeren", "De Ethische Bijsluiter"},
        {"Uthiek-sessie", "Uthiek"},
        // the instrument named first wins
        {"IAMA en DPIA", "IAMA"},
        {"DPIA en IAMA", "DPIA"},
        // unknown titles (counted as Overig)
        {"Overig", std::nullopt},
        {"Geen", std::nullopt},
        {"Risicoanalyse informatiebeveiliging", std::nullopt},
        {"Sofria-toets", std::nullopt}, // no abbreviation inside a word
        {"DPIAA", std::nullopt},        // no abbreviation inside a word
        {"Friandises", std::nullopt},
        {"", std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(canonical_assessment_type(c.input) == c.expected);
    }
}

TEST_CASE("assessment_label gives the official label of every canonical type") {
    const std::vector<StringCase> cases{
        {"DPIA", "Data Protection Impact Assessment (DPIA)"},
        {"IAMA", "Impact Assessment Mensenrechten en Algoritmes (IAMA)"},
        {"FRIA", "Fundamental Rights Impact Assessment (FRIA)"},
        {"AIIA", "AI Impact Assessment (AIIA)"},
        {"FRAIA", "Fundamentele Rechten en Algoritme Impact Assessment (FRAIA)"},
        {"DEDA", "De Ethische Data Assistant (DEDA)"},
        {"Uthiek", "Utrecht Uthiek Assessment"},
        {"Toetsingskader Algemene Rekenkamer", "Toetsingskader Algemene Rekenkamer"},
        {"Z-Inspection", "Z-Inspection"},
        {"De Ethische Bijsluiter", "De Ethische Bijsluiter"},
        {"Privacy Quickscan", "Privacy Quickscan"},
        {"Pre-scan DPIA", "Pre-scan DPIA"},
        {"Overig", "Overig"}, // unknown: the type itself
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(assessment_label(c.input) == c.expected);
    }
}

TEST_CASE("every canonical type of the search schema round-trips through its label") {
    for (const auto type : algreg::search::assessment_types) {
        CAPTURE(type);
        CHECK(canonical_assessment_type(assessment_label(type)) == std::string(type));
        CHECK(canonical_assessment_type(type) == std::string(type));
    }
}

// ---------------------------------------------------------------------------------------------
// Denials and affirmations

TEST_CASE("is_denial and is_affirmation read 0.x free-text assessment values") {
    struct Case {
        std::string input;
        bool denial;
        bool affirmation;
    };
    const std::vector<Case> cases{
        {"Nee", true, false},
        {"nee", true, false},
        {"  Nee", true, false},
        {"-", true, false},
        {"--", true, false},
        {"\xE2\x80\x93", true, false}, // en dash
        {"niet aanwezig", true, false},
        {"n.v.t.", true, false},
        {"N.v.t", true, false},
        {"nvt", true, false},
        {"geen", true, false},
        {"Geen persoonsgegevens, ook niks bekend over de voertuigen of kentekens.", true, false},
        {"Er is geen eigen DPIA. Wel is Akte AI onderdeel van de DPIA voor akteverwerking.", true,
         false},
        {"Er zijn geen persoonsgegevens bij dit algoritme betrokken.", true, false},
        {"Nee, want er is geen sprake van persoonsgegevens.", true, false},
        {"nog niet", true, false},
        {"Nog geen DPIA", true, false},
        {"Niet van toepassing", true, false},
        {"Ja", false, true},
        {"ja", false, true},
        {"JA", false, true},
        {"Ja, zie de link", false, true},
        {"Er is een DPIA uitgevoerd", false, true},
        {"uitgevoerd", false, true},
        {"DPIA is in 2021 uitgevoerd", false, true},
        {"Afgerond", false, true},
        // neither
        {"", false, false},
        {"Onbekend", false, false},
        {"Niet bekend", false, false},
        {"De DPIA wordt nog uitgevoerd", false, false},
        {"Er wordt een DPIA uitgevoerd", false, false},
        {"Jaarlijks", false, false},  // "ja" must be a whole word
        {"Neemt deel", false, false}, // "nee" must be a whole word
        {"Zie toelichting", false, false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(is_denial(c.input) == c.denial);
        CHECK(is_affirmation(c.input) == c.affirmation);
    }
}

// ---------------------------------------------------------------------------------------------
// Organisation types

TEST_CASE("organisation_type_from_name_rules applies register-model.md §4.2 exactly") {
    const std::vector<StringCase> cases{
        {"Gemeente Delft", "gemeente"},
        {"Gemeente 's-Hertogenbosch", "gemeente"},
        {"  Gemeente  Delft ", "gemeente"}, // trimmed and collapsed first
        {"Gemeentelijke Belastingen Amstelland", ""},
        {"Gemeenschappelijke regeling BEL Combinatie", ""},
        {"gemeente Delft", ""}, // the rules are case-sensitive
        {"Provincie Utrecht", "provincie"},
        {"Waterschap Limburg", "waterschap"},
        {"Hoogheemraadschap van Rijnland", "waterschap"},
        {"Wetterskip Fryslân", "waterschap"},
        {"Hollands Noorderkwartier Hoogheemraadschap", "waterschap"},
        {"Ministerie van Financiën", "ministerie"},
        {"Ministerie BZK", "ministerie"},
        {"Veiligheidsregio Utrecht", "veiligheidsregio"},
        {"Veiligheids- en Gezondheidsregio Gelderland-Midden", "veiligheidsregio"},
        {"Omgevingsdienst Haaglanden", "omgevingsdienst"},
        {"Regionale uitvoeringsdienst Drenthe", "omgevingsdienst"},
        {"RUD Zeeland", "omgevingsdienst"},
        {"DCMR Milieudienst Rijnmond", "omgevingsdienst"},
        {"Inspectie van het Onderwijs", "inspectie"},
        {"Rijksinspectie Digitale Infrastructuur", "inspectie"},
        {"Nederlandse Arbeidsinspectie", "inspectie"},
        {"Politie", "politie"},
        {"Politieacademie", ""},
        {"Belastingdienst", ""}, // curated, not a rule
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(organisation_type_from_name_rules(c.input) == c.expected);
    }
}

TEST_CASE("organisation_type_from_curated_table types national bodies whose type is certain") {
    const std::vector<StringCase> cases{
        {"Belastingdienst", "organisatieonderdeel"},
        {"Douane", "organisatieonderdeel"},
        {"Dienst Toeslagen", "organisatieonderdeel"},
        {"Rijksdienst voor Identiteitsgegevens", "agentschap"},
        {"Rijksdienst Voor Identiteitsgegevens", "agentschap"}, // the 2023 spelling
        {"Rijkswaterstaat", "agentschap"},
        {"Dienst Uitvoering Onderwijs", "agentschap"},
        {"DUO", "agentschap"},
        {"Centraal Justitieel Incassobureau", "agentschap"},
        {"CJIB", "agentschap"},
        {"Dienst Justitiële Inrichtingen", "agentschap"},
        {"Dienst Justitiele Inrichtingen", "agentschap"}, // accents do not matter
        {"IND", "agentschap"},
        {"Rijksinstituut voor Volksgezondheid en Milieu", "agentschap"},
        {"Uitvoeringsinstituut Werknemersverzekeringen", "zelfstandig_bestuursorgaan"},
        {"UWV", "zelfstandig_bestuursorgaan"},
        {"Sociale Verzekeringsbank", "zelfstandig_bestuursorgaan"},
        {"Sociale Verzekeringsbank (SVB)", "zelfstandig_bestuursorgaan"},
        {"SVB", "zelfstandig_bestuursorgaan"},
        {"Centraal Bureau voor de Statistiek", "zelfstandig_bestuursorgaan"},
        {"Kadaster", "zelfstandig_bestuursorgaan"},
        {"RDW", "zelfstandig_bestuursorgaan"},
        {"Nederlandse Zorgautoriteit (NZa)", "zelfstandig_bestuursorgaan"},
        {"CIZ Centrum Indicatiestelling Zorg", "zelfstandig_bestuursorgaan"},
        {"autoriteit persoonsgegevens", "zelfstandig_bestuursorgaan"},
        // uncertain or not one key: left untyped, never guessed
        {"Nederlandse Voedsel- en Warenautoriteit (NVWA)", ""},
        {"Koninklijk Nederlands Meteorologisch Instituut", ""},
        {"Stichting Inlichtingenbureau", ""},
        {"Stichting Bureau Informatiediensten Nederland", ""},
        {"Asiel en Migratie", ""},
        {"Liander N.V.", ""},
        {"Gemeenschappelijke regeling Regionale ICT-dienst Utrecht", ""},
        {"Belastingdienst Amsterdam-West", ""}, // only whole names
        {"Gemeente Delft", ""},                 // rules, not the table
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(organisation_type_from_curated_table(c.input) == c.expected);
    }
}

TEST_CASE("organisation_type_from_name applies the rules, then the curated table") {
    const std::vector<StringCase> cases{
        {"Gemeente Amsterdam", "gemeente"},
        {"Politie", "politie"},
        {"Belastingdienst", "organisatieonderdeel"},
        {"Sociale Verzekeringsbank (SVB)", "zelfstandig_bestuursorgaan"},
        {"Stichting Halt", ""},
        {"ABG-organisatie", ""},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(organisation_type_from_name(c.input) == c.expected);
    }
}

TEST_CASE("the 25 organisation type keys have labels, and only they are keys") {
    REQUIRE(organisation_type_keys.size() == 25);
    std::set<std::string> labels;
    for (const auto& key : organisation_type_keys) {
        CAPTURE(key);
        CHECK(is_organisation_type(key));
        const std::string label = organisation_type_label(key);
        CHECK(label != key);
        labels.insert(label);
    }
    // distinct labels, so two facet rows never read the same (veiligheidsregio's official
    // label repeats "Regionaal samenwerkingsorgaan"; ours does not)
    CHECK(labels.size() == 25);

    const std::vector<StringCase> cases{
        {"gemeente", "Gemeente"},
        {"zelfstandig_bestuursorgaan", "Zelfstandig bestuursorgaan"},
        {"hoog_college_van_staat", "Hoog College van Staat"},
        {"regionaal_samenwerkingsorgaan", "Regionaal samenwerkingsorgaan"},
        {"veiligheidsregio", "Veiligheidsregio"},
        {"omgevingsdienst", "Omgevingsdienst"}, // the three suggested labels
        {"inspectie", "Inspectie"},
        {"regionaal_samenwerkingsverband", "Regionaal samenwerkingsverband"},
        {"onbekend", "onbekend"}, // not a key: itself
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(organisation_type_label(c.input) == c.expected);
    }
    for (const std::string not_a_key : {"", "Gemeente", "gemeenten", "onbekend", "stichting"}) {
        CAPTURE(not_a_key);
        CHECK_FALSE(is_organisation_type(not_a_key));
    }
}

// ---------------------------------------------------------------------------------------------
// Standard versions

TEST_CASE("normalise_standard_version drops a final .0 of three components") {
    const std::vector<StringCase> cases{
        {"1.0.0", "1.0"},
        {"0.4.0", "0.4"},
        {"0.1.0", "0.1"},
        {"1.0", "1.0"},
        {"0.4", "0.4"},
        {"0.2.3", "0.2.3"},
        {"0.3.1", "0.3.1"},
        {"Metadatstandaard 0.2.1", "0.2.1"},
        {"Metadatstandaard 0.2", "0.2"},
        {" 1.0.0 ", "1.0"},
        {"v1.0", "1.0"},
        {"onbekend", "onbekend"}, // no version inside: kept as given
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.input);
        CHECK(normalise_standard_version(c.input) == c.expected);
    }
}

// ---------------------------------------------------------------------------------------------
// The real register files

TEST_CASE("every status in the 2026 listing maps back to its own listing code") {
    const json listing = read_json("register-2026-08-08.json");
    std::map<std::string, int> counts;
    for (const auto& record : listing.at("algoritmes")) {
        const auto code = record.at("status").get<std::string>();
        const auto status = normalise_status(code);
        CAPTURE(code);
        REQUIRE(status.has_value());
        CHECK(status_code(*status) == code);
        ++counts[*status];
    }
    CHECK(counts == std::map<std::string, int>{
                        {"In gebruik", 1392}, {"In ontwikkeling", 73}, {"Buiten gebruik", 65}});
}

TEST_CASE("the 2023 export's status values: all but the three unclear sentences map") {
    const json records = read_json("register-2023-06-19-full.json");
    std::set<std::string> distinct;
    int null_count = 0;
    for (const auto& record : records) {
        if (record.at("status").is_null()) {
            ++null_count;
        } else {
            distinct.insert(record.at("status").get<std::string>());
        }
    }
    CHECK(null_count == 47);
    REQUIRE(distinct.size() == 13); // 14 distinct values counting null

    std::vector<std::string> unmapped;
    for (const auto& value : distinct) {
        if (!normalise_status(value)) {
            unmapped.push_back(value.substr(0, 30));
        }
    }
    CHECK(unmapped == std::vector<std::string>{"Het algoritme is in productie ",
                                               "Op dit moment worden de laatst",
                                               "Twee natuurgebieden zijn in ge"});
}

TEST_CASE("every non-empty status of the 2022 launch content maps to itself") {
    const json records = read_json("register-2022-12-08-v0.2.json");
    int mapped = 0;
    for (std::size_t i = 3; i < records.size(); ++i) { // rows 0-2 are header rows
        const auto value = records[i].at("status").get<std::string>();
        if (!value.empty()) {
            CAPTURE(value);
            CHECK(normalise_status(value) == value);
            ++mapped;
        }
    }
    CHECK(mapped == 58);
}

TEST_CASE("the §4.2 rules type 265 organisations (1151 entries), the curated table 32 (270)") {
    const json listing = read_json("register-2026-08-08.json");
    std::map<std::string, int> entries_per_organisation;
    for (const auto& record : listing.at("algoritmes")) {
        ++entries_per_organisation[record.at("organisatie").get<std::string>()];
    }
    REQUIRE(entries_per_organisation.size() == 336);

    std::map<std::string, std::pair<int, int>> by_rule_type;
    int rule_orgs = 0, rule_entries = 0, curated_orgs = 0, curated_entries = 0;
    for (const auto& [name, entries] : entries_per_organisation) {
        CAPTURE(name);
        const std::string by_rules = organisation_type_from_name_rules(name);
        const std::string curated = organisation_type_from_curated_table(name);
        const std::string combined = organisation_type_from_name(name);
        // rules and table never both claim a name, and the combination is their union
        CHECK((by_rules.empty() || curated.empty()));
        CHECK(combined == (by_rules.empty() ? curated : by_rules));
        if (!combined.empty()) {
            CHECK(is_organisation_type(combined));
        }
        if (!by_rules.empty()) {
            ++rule_orgs;
            rule_entries += entries;
            by_rule_type[by_rules].first += 1;
            by_rule_type[by_rules].second += entries;
        }
        if (!curated.empty()) {
            ++curated_orgs;
            curated_entries += entries;
        }
    }
    CHECK(rule_orgs == 265);
    CHECK(rule_entries == 1151);
    // the per-rule counts of register-model.md §4.2
    CHECK(by_rule_type == std::map<std::string, std::pair<int, int>>{
                              {"gemeente", {204, 949}},
                              {"provincie", {11, 62}},
                              {"waterschap", {11, 24}},
                              {"ministerie", {13, 44}},
                              {"veiligheidsregio", {6, 9}},
                              {"omgevingsdienst", {14, 28}},
                              {"inspectie", {5, 15}},
                              {"politie", {1, 20}},
                          });
    CHECK(curated_orgs == 32);
    CHECK(curated_entries == 270);
}

TEST_CASE("every impacttoetsen_grouping title in the 1.0 templates maps to a type") {
    const json templates = read_json("register-v1.0-templates.json");
    int titles = 0;
    for (const auto& record : templates) {
        if (!record.contains("impacttoetsen_grouping") ||
            !record.at("impacttoetsen_grouping").is_array()) {
            continue;
        }
        for (const auto& item : record.at("impacttoetsen_grouping")) {
            const auto title = item.at("title").get<std::string>();
            CAPTURE(title);
            CHECK(canonical_assessment_type(title) == "DPIA");
            ++titles;
        }
    }
    CHECK(titles == 2);
}

TEST_CASE("every title the 1.0 editor suggests maps to its own type") {
    const json fields = read_json("publicatiestandaard-1.0.fields.json");
    const auto& suggested = fields.at("properties")
                                .at("impacttoetsen_grouping")
                                .at("items")
                                .at("title")
                                .at("recommended_items");
    REQUIRE(suggested.size() == 11);
    std::set<std::string> types;
    for (const auto& item : suggested) {
        const auto title = item.get<std::string>();
        CAPTURE(title);
        const auto type = canonical_assessment_type(title);
        REQUIRE(type.has_value());
        types.insert(*type);
    }
    // all 12 canonical types except FRIA, which the editor does not suggest
    std::set<std::string> expected(algreg::search::assessment_types.begin(),
                                   algreg::search::assessment_types.end());
    expected.erase("FRIA");
    CHECK(types == expected);
}

TEST_CASE("the 2023 export's v0.4 assessment list maps to DPIA despite its misspelling") {
    const json records = read_json("register-2023-06-19-full.json");
    std::vector<std::string> types;
    for (const auto& record : records) {
        if (record.at("impacttoetsen").is_string()) {
            for (const auto& title :
                 split_theme_string(record.at("impacttoetsen").get<std::string>())) {
                types.push_back(canonical_assessment_type(title).value_or("Overig"));
            }
        }
    }
    CHECK(types == std::vector<std::string>{"DPIA"});
}

TEST_CASE("every 0.x dpia/iama value in the data is a denial or an affirmation, never both") {
    std::map<std::string, int> counts; // "denial" / "affirmation"
    const auto classify = [&](const std::string& value) {
        CAPTURE(value);
        const bool denial = is_denial(value);
        const bool affirmation = is_affirmation(value);
        CHECK(denial != affirmation);
        ++counts[denial ? "denial" : "affirmation"];
    };
    for (const auto& record : read_json("register-2023-06-19-full.json")) {
        for (const char* key : {"dpia", "iama"}) {
            if (record.at(key).is_string()) {
                classify(record.at(key).get<std::string>());
            }
        }
    }
    // 2023: dpia Nee 19, -, niet aanwezig, four "no" sentences; Ja 7, ja, "Er is een DPIA
    // uitgevoerd"; iama Nee 14, Ja 1
    CHECK(counts == std::map<std::string, int>{{"affirmation", 10}, {"denial", 40}});
    counts.clear();
    const json launch = read_json("register-2022-12-08-v0.2.json");
    for (std::size_t i = 3; i < launch.size(); ++i) {
        for (const char* key : {"DPIA", "IAMA"}) {
            if (const auto value = launch[i].at(key).get<std::string>(); !value.empty()) {
                classify(value);
            }
        }
    }
    CHECK(counts == std::map<std::string, int>{{"affirmation", 5}, {"denial", 10}});
}

TEST_CASE("the 2023 export's v0.4 theme literals map entirely into the 1.0 vocabulary") {
    const std::set<std::string> v10(v10_themes.begin(), v10_themes.end());
    int literals = 0;
    for (const auto& record : read_json("register-2023-06-19-full.json")) {
        if (!record.at("category").is_string()) {
            continue;
        }
        const auto value = record.at("category").get<std::string>();
        const auto themes = normalise_themes({value});
        CAPTURE(value);
        CHECK_FALSE(themes.empty());
        if (value.starts_with("{")) {
            ++literals;
            for (const auto& theme : themes) {
                CHECK(v10.count(theme) == 1);
            }
        }
    }
    CHECK(literals == 9);
}

TEST_CASE("the standard versions in the data normalise to the configured versions") {
    std::map<std::string, int> versions;
    for (const auto& record : read_json("register-2023-06-19-full.json")) {
        ++versions[normalise_standard_version(record.at("standard_version").get<std::string>())];
    }
    const json launch = read_json("register-2022-12-08-v0.2.json");
    for (std::size_t i = 3; i < launch.size(); ++i) {
        ++versions[normalise_standard_version(launch[i].at("schema").get<std::string>())];
    }
    for (const auto& record : read_json("register-v1.0-templates.json")) {
        ++versions[normalise_standard_version(record.at("standard_version").get<std::string>())];
    }
    CHECK(versions ==
          std::map<std::string, int>{
              {"0.1", 102}, {"0.2", 78}, {"0.2.1", 18}, {"0.3.1", 16}, {"0.4", 12}, {"1.0", 27}});
}

TEST_CASE("the publication categories and statuses of the 1.0 templates are canonical") {
    for (const auto& record : read_json("register-v1.0-templates.json")) {
        const auto category = record.at("publication_category").get<std::string>();
        const auto status = record.at("status").get<std::string>();
        CAPTURE(category);
        CAPTURE(status);
        CHECK(normalise_publication_category(category) == category);
        CHECK(normalise_status(status) == status);
    }
}
