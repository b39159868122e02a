#include "search/completeness.h"

#include "search/analysis.h"
#include "search/html_text.h"
#include "search/schema.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

namespace algreg::search {

using nlohmann::json;

namespace {

using R = AlgorithmRecord;
constexpr FindingSeverity error = FindingSeverity::error;
constexpr FindingSeverity warning = FindingSeverity::warning;
constexpr FindingSeverity info = FindingSeverity::info;

constexpr std::string_view length_nl =
    "{field} is {length} tekens lang (zonder HTML-opmaak); het maximum is {max}.";
constexpr std::string_view length_en =
    "{field} is {length} characters long (without HTML markup); the maximum is {max}.";
constexpr std::string_view grouping_length_nl =
    "{field}, {detail}: {length} tekens; het maximum is {max}.";
constexpr std::string_view grouping_length_en =
    "{field}, {detail}: {length} characters; the maximum is {max}.";

constexpr Rule length_rule(std::string_view id, std::string_view field, std::string_view title_nl,
                           std::string_view title_en) {
    return Rule{id, error, field, title_nl, title_en, length_nl, length_en};
}
constexpr Rule grouping_length_rule(std::string_view id, std::string_view field,
                                    std::string_view title_nl, std::string_view title_en) {
    return Rule{id, error, field, title_nl, title_en, grouping_length_nl, grouping_length_en};
}

/// The rule table: id, severity, field, title nl/en, message nl/en. docs/completeness.md lists
/// it; tests check ids are unique, both languages present and placeholders known.
constexpr auto rule_table = std::to_array<Rule>({
    // The 7 required fields.
    {"required.name", error, "name", "Verplicht veld leeg: Naam", "Required field empty: Name",
     "Het verplichte veld {field} is niet ingevuld.", "The required field {field} is empty."},
    {"required.description_short", error, "description_short",
     "Verplicht veld leeg: Korte omschrijving", "Required field empty: Short description",
     "Het verplichte veld {field} is niet ingevuld.", "The required field {field} is empty."},
    {"required.organization", error, "organization", "Verplicht veld leeg: Organisatienaam",
     "Required field empty: Organisation", "Het verplichte veld {field} is niet ingevuld.",
     "The required field {field} is empty."},
    {"required.status", error, "status", "Verplicht veld leeg: Status",
     "Required field empty: Status", "Het verplichte veld {field} is niet ingevuld.",
     "The required field {field} is empty."},
    {"required.contact_email", error, "contact_email", "Verplicht veld leeg: Contactgegevens",
     "Required field empty: Contact", "Het verplichte veld {field} is niet ingevuld.",
     "The required field {field} is empty."},
    {"required.publication_category", error, "publication_category",
     "Verplicht veld leeg: Publicatiecategorie", "Required field empty: Publication category",
     "Het verplichte veld {field} is niet ingevuld.", "The required field {field} is empty."},
    {"required.lang", error, "lang", "Verplicht veld leeg: Taal", "Required field empty: Language",
     "Het verplichte veld {field} is niet ingevuld.", "The required field {field} is empty."},

    // Maximum lengths, counted after removing HTML (begin_date/end_date: see date.format).
    length_rule("length.name", "name", "Te lang: Naam", "Too long: Name"),
    length_rule("length.description_short", "description_short", "Te lang: Korte omschrijving",
                "Too long: Short description"),
    length_rule("length.organization", "organization", "Te lang: Organisatienaam",
                "Too long: Organisation"),
    length_rule("length.contact_email", "contact_email", "Te lang: Contactgegevens",
                "Too long: Contact"),
    length_rule("length.website", "website", "Te lang: Link naar publiekspagina",
                "Too long: Public page"),
    length_rule("length.url", "url", "Te lang: Link naar bronregistratie",
                "Too long: Source registration"),
    length_rule("length.goal", "goal", "Te lang: Doel en impact", "Too long: Goal and impact"),
    length_rule("length.proportionality", "proportionality", "Te lang: Afwegingen",
                "Too long: Considerations"),
    length_rule("length.human_intervention", "human_intervention",
                "Te lang: Menselijke tussenkomst", "Too long: Human intervention"),
    length_rule("length.risks", "risks", "Te lang: Risicobeheer", "Too long: Risk management"),
    length_rule("length.lawful_basis", "lawful_basis", "Te lang: Wettelijke basis",
                "Too long: Legal basis"),
    grouping_length_rule("length.lawful_basis_grouping", "lawful_basis_grouping",
                         "Te lang: Verwijzingen wettelijke basis",
                         "Too long: Legal basis references"),
    length_rule("length.process_index_url", "process_index_url",
                "Te lang: Link naar verwerkingsregister", "Too long: Processing register"),
    grouping_length_rule("length.impacttoetsen_grouping", "impacttoetsen_grouping",
                         "Te lang: Impacttoetsen", "Too long: Impact assessments"),
    length_rule("length.impacttoetsen", "impacttoetsen", "Te lang: Toelichting op impacttoetsen",
                "Too long: Impact assessments explained"),
    length_rule("length.source_data", "source_data", "Te lang: Gegevens", "Too long: Data"),
    grouping_length_rule("length.source_data_grouping", "source_data_grouping",
                         "Te lang: Verwijzingen gegevensbronnen",
                         "Too long: Data source references"),
    length_rule("length.methods_and_models", "methods_and_models", "Te lang: Technische werking",
                "Too long: Technical operation"),
    length_rule("length.provider", "provider", "Te lang: Leverancier", "Too long: Supplier"),
    length_rule("length.publiccode", "publiccode", "Te lang: Link naar broncode",
                "Too long: Source code"),
    length_rule("length.source_id", "source_id", "Te lang: Bron-ID", "Too long: Source id"),
    length_rule("length.tags", "tags", "Te lang: Zoektermen", "Too long: Search terms"),

    // Enumerations.
    {"enum.status", error, "status", "Status niet toegestaan", "Status not permitted",
     "Status '{value}' is geen toegestane waarde (In gebruik, In ontwikkeling, Buiten gebruik).",
     "Status '{value}' is not a permitted value (In gebruik, In ontwikkeling, Buiten gebruik)."},
    {"enum.publication_category", error, "publication_category",
     "Publicatiecategorie niet toegestaan", "Publication category not permitted",
     "Publicatiecategorie '{value}' is geen toegestane waarde (Hoog-risico AI-systeem, "
     "Impactvolle algoritmes, Overige algoritmes).",
     "Publication category '{value}' is not a permitted value (Hoog-risico AI-systeem, "
     "Impactvolle algoritmes, Overige algoritmes)."},
    {"enum.lang", error, "lang", "Taal niet toegestaan", "Language not permitted",
     "Taal '{value}' is niet toegestaan; de standaard kent alleen 'nld'.",
     "Language '{value}' is not permitted; the standard only allows 'nld'."},
    {"enum.standard_version", error, "standard_version", "Onbekende versie van de standaard",
     "Unknown standard version",
     "Versie publicatiestandaard '{value}' bestaat niet (wel: 0.1, 0.2, 0.2.1, 0.2.3, 0.3.1, 0.4, "
     "1.0).",
     "Standard version '{value}' does not exist (known: 0.1, 0.2, 0.2.1, 0.2.3, 0.3.1, 0.4, 1.0)."},
    {"enum.variant", warning, "", "Waarde niet precies gespeld", "Value not spelled exactly",
     "{field} '{value}' is gelezen als '{other}'; schrijf precies '{other}'.",
     "{field} '{value}' was read as '{other}'; write exactly '{other}'."},

    // Dates.
    {"date.format", error, "", "Datum niet als JJJJ-MM", "Date not YYYY-MM",
     "{field} '{value}' is geen maand in de vorm JJJJ-MM (bijvoorbeeld 2023-01).",
     "{field} '{value}' is not a month in the form YYYY-MM (for example 2023-01)."},
    {"date.order", error, "end_date", "Einddatum vóór begindatum", "End date before start date",
     "Einddatum {value} ligt vóór begindatum {other}.",
     "End date {value} is before start date {other}."},

    // Contact.
    {"contact.format", error, "contact_email", "Contact geen e-mailadres of https-link",
     "Contact not an e-mail address or https link",
     "Contactgegevens '{value}' zijn geen e-mailadres en geen https-link.",
     "Contact '{value}' is neither an e-mail address nor an https link."},
    {"contact.personal", warning, "contact_email", "Persoonlijk e-mailadres als contact",
     "Personal e-mail address as contact",
     "Contactgegevens '{value}' lijken een persoonlijk e-mailadres (voornaam.achternaam@); "
     "gebruik een algemeen adres of contactformulier.",
     "Contact '{value}' looks like a personal e-mail address (firstname.lastname@); use a "
     "generic address or contact form."},

    // Links and references.
    {"link.format", error, "", "Ongeldige link", "Malformed link",
     "{field}{detail}: '{value}' is geen geldige link (http:// of https://, zonder spaties).",
     "{field}{detail}: '{value}' is not a well-formed link (http:// or https://, no spaces)."},
    {"grouping.incomplete", error, "", "Verwijzing onvolledig", "Reference incomplete",
     "{field}: bij verwijzing {other} ontbreekt de {detail}.",
     "{field}: reference {other} has no {detail}."},

    // Legal basis.
    {"legal_basis.missing", warning, "lawful_basis", "In gebruik zonder wettelijke basis",
     "In use without legal basis",
     "Het algoritme is in gebruik, maar er is geen wettelijke basis vermeld (geen tekst en geen "
     "verwijzingen).",
     "The algorithm is in use, but no legal basis is given (neither text nor references)."},
    {"legal_basis.not_in_listing", info, "lawful_basis",
     "In gebruik, geen wettelijke basis in de lijst", "In use, no legal basis in the listing",
     "Het algoritme is in gebruik en de lijstgegevens noemen geen wettelijke basis; of er "
     "verwijzingen zijn, staat niet in de lijst.",
     "The algorithm is in use and the listing gives no legal basis; whether there are "
     "references is not in the listing."},

    // Impact assessments.
    {"assessment.dpia_expected", warning, "impacttoetsen_grouping",
     "DPIA verwacht maar niet vermeld", "DPIA expected but not mentioned",
     "Publicatiecategorie '{value}': een DPIA wordt verwacht, maar de registratie vermeldt geen "
     "DPIA (niet als uitgevoerd en niet als niet uitgevoerd).",
     "Publication category '{value}': a DPIA is expected, but the entry does not mention one "
     "(neither as done nor as not done)."},
    {"assessment.iama_expected", warning, "impacttoetsen_grouping",
     "IAMA verwacht maar niet vermeld", "IAMA expected but not mentioned",
     "Hoog-risico AI-systeem: een IAMA (of FRIA) wordt verwacht, maar de registratie vermeldt "
     "geen van beide.",
     "High-risk AI system: an IAMA (or FRIA) is expected, but the entry mentions neither."},

    // Status and dates together.
    {"status.end_date_missing", warning, "end_date", "Buiten gebruik zonder einddatum",
     "Out of use without end date", "Het algoritme is buiten gebruik, maar er is geen einddatum.",
     "The algorithm is out of use, but there is no end date."},
    {"status.end_date_in_use", warning, "end_date", "In gebruik met einddatum",
     "In use with end date",
     "Het algoritme is in gebruik, maar heeft einddatum {value}; die blijft leeg zolang het in "
     "gebruik is.",
     "The algorithm is in use but has end date {value}; it stays empty while in use."},

    // Age of the description.
    {"standard.outdated", warning, "standard_version", "Oude publicatiestandaard",
     "Outdated publication standard",
     "Beschreven volgens publicatiestandaard {value}; het register vraagt nu om 1.0.",
     "Described in publication standard {value}; the register now asks for 1.0."},
    {"changed.stale", warning, "", "Meer dan 24 maanden niet gewijzigd",
     "Not changed for more than 24 months",
     "Laatst gewijzigd op {value}, meer dan {max} maanden vóór {other}.",
     "Last changed on {value}, more than {max} months before {other}."},

    // Across records.
    {"duplicate.name", warning, "name", "Naam dubbel binnen de organisatie",
     "Name repeated within the organisation",
     "De organisatie heeft nog een registratie met de naam '{value}': {other}.",
     "The organisation has another entry named '{value}': {other}."},

    // Reading input (algreg check only).
    {"input.unreadable", error, "", "Record onleesbaar", "Record unreadable",
     "Het record kan niet worden gelezen: {detail}", "The record cannot be read: {detail}"},
    {"input.invalid_utf8", error, "", "Ongeldige UTF-8", "Invalid UTF-8",
     "{field} bevat ongeldige UTF-8; die tekens zijn vervangen door \xEF\xBF\xBD. Sla het "
     "bestand op als UTF-8.",
     "{field} contains invalid UTF-8; those characters were replaced by \xEF\xBF\xBD. Save the "
     "file as UTF-8."},
    {"input.duplicate_id", error, "", "Id dubbel in het bestand", "Id repeated in the file",
     "Id '{value}' komt in dit bestand vaker voor (ook {other}).",
     "Id '{value}' occurs more than once in this file (also {other})."},
    {"input.repaired", info, "", "Bij het inlezen aangepast", "Adjusted while reading",
     "Bij het inlezen aangepast: {detail}", "Adjusted while reading: {detail}"},
});

/// Fields a listing-only record knows (register-model.md §6.1).
constexpr std::array<std::string_view, 5> listing_known{"name", "organization", "status", "goal",
                                                        "lawful_basis"};

/// Standard versions that exist (normalised, register-model.md §1.4).
constexpr std::array<std::string_view, 7> known_versions{"0.1",   "0.2", "0.2.1", "0.2.3",
                                                         "0.3.1", "0.4", "1.0"};

/// Maximum lengths of grouping items (register-model.md §1.1): {key, title max, link max};
/// 0 = no limit.
struct GroupingLimits {
    std::string_view key;
    std::vector<Reference> AlgorithmRecord::*member;
    std::size_t title_max;
    std::size_t link_max;
    bool link_required;
};
constexpr std::array<GroupingLimits, 3> groupings{{
    {"lawful_basis_grouping", &R::lawful_basis_grouping, 100, 500, true},
    {"impacttoetsen_grouping", &R::impacttoetsen_grouping, 0, 500, false},
    {"source_data_grouping", &R::source_data_grouping, 500, 500, true},
}};

/// Plain link fields checked by link.format.
constexpr std::array<std::string_view, 4> link_fields{"website", "url", "process_index_url",
                                                      "publiccode"};

/// Parts of an e-mail local part that make it generic, not personal: matched as a substring
/// for the long ones, as a whole part for the short ones.
constexpr auto generic_stems = std::to_array<std::string_view>(
    {"algoritm",  "privacy",      "info",      "contact",   "office",  "team",         "service",
     "support",   "helpdesk",     "secretari", "register",  "data",    "innovati",     "toezicht",
     "postbus",   "mail",         "reply",     "afdeling",  "loket",   "klant",        "beheer",
     "juridisch", "communicatie", "media",     "gemeente",  "bureau",  "functionaris", "gegevens",
     "digitaal",  "vragen",       "meld",      "webmaster", "bestuur", "directie"});
constexpr auto generic_short_parts = std::to_array<std::string_view>(
    {"cio", "dg", "fg", "ict", "avg", "pers", "pr", "it", "bi", "kcc", "fez", "ciso"});

/// How to recognise a mention of an assessment type: canonical types of register statements,
/// abbreviations as whole words and names as substrings of the (lower-cased) texts.
struct Mention {
    std::span<const std::string_view> types;
    std::span<const std::string_view> words;
    std::span<const std::string_view> phrases;
};
constexpr auto dpia_types = std::to_array<std::string_view>({"DPIA"});
constexpr auto dpia_words = std::to_array<std::string_view>({"dpia"});
constexpr auto dpia_phrases = std::to_array<std::string_view>(
    {"data protection impact assessment", "gegevensbeschermingseffectbeoordeling"});
constexpr auto iama_types = std::to_array<std::string_view>({"IAMA", "FRIA", "FRAIA"});
constexpr auto iama_words = std::to_array<std::string_view>({"iama", "fria", "fraia"});
constexpr auto iama_phrases = std::to_array<std::string_view>(
    {"impact assessment mensenrechten", "mensenrechtentoets",
     "fundamental rights impact assessment", "fundamental rights and algorithm impact assessment",
     "fundamentele rechten en algoritme impact assessment"});
constexpr Mention dpia_mention{dpia_types, dpia_words, dpia_phrases};
constexpr Mention iama_mention{iama_types, iama_words, iama_phrases};

std::vector<ScoredField> build_scored_fields() {
    std::vector<ScoredField> out;
    auto list_field = [&](std::string_view key, std::string_view nl, std::string_view en,
                          int weight) {
        ScoredField f{key, nl, en, weight, false};
        if (key == "category") {
            f.list = &R::category;
        } else {
            for (const auto& g : groupings) {
                if (g.key == key) {
                    f.references = g.member;
                }
            }
        }
        out.push_back(f);
    };
    for (const auto& s : string_fields()) {
        if (s.key == "lars" || s.key == "publication_dt") {
            continue;
        }
        if (s.key == "status") {
            list_field("category", "Thema", "Theme", 8);
        }
        if (s.key == "impacttoetsen") {
            list_field("impacttoetsen_grouping", "Impacttoetsen", "Impact assessments", 2);
        }
        ScoredField f{s.key, s.title_nl, s.title_en, s.weight, s.required};
        f.text = s.member;
        out.push_back(f);
        if (s.key == "lawful_basis") {
            list_field("lawful_basis_grouping", "Verwijzingen wettelijke basis",
                       "Legal basis references", 2);
        }
        if (s.key == "source_data") {
            list_field("source_data_grouping", "Verwijzingen gegevensbronnen",
                       "Data source references", 2);
        }
    }
    return out;
}

const std::vector<ScoredField>& scored_field_table() {
    static const std::vector<ScoredField> table = build_scored_fields();
    return table;
}

/// Number of code points in UTF-8 text, optionally not counting line breaks.
std::size_t count_chars(std::string_view s, bool count_line_breaks = true) {
    std::size_t n = 0;
    for (const char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && (count_line_breaks || c != '\n')) {
            ++n;
        }
    }
    return n;
}

/// `s` on one line, at most `limit` code points ("…" appended when cut).
std::string shorten(std::string_view s, std::size_t limit = 80) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (chars == limit) {
                out += "\xE2\x80\xA6";
                return out;
            }
            ++chars;
        }
        out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : s[i]);
    }
    return out;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool is_alnum_ascii(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// True when lower-case `text` contains lower-case `word` delimited by non-alphanumerics.
bool contains_word(std::string_view text, std::string_view word) {
    for (std::size_t pos = text.find(word); pos != std::string_view::npos;
         pos = text.find(word, pos + 1)) {
        const bool start = pos == 0 || !is_alnum_ascii(text[pos - 1]);
        const std::size_t end = pos + word.size();
        const bool stop = end == text.size() || !is_alnum_ascii(text[end]);
        if (start && stop) {
            return true;
        }
    }
    return false;
}

bool has_space_or_control(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u <= 0x20 || u == 0x7F;
    });
}

/// "YYYY-MM" with a month 01..12.
bool is_year_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') {
        return false;
    }
    for (std::size_t i : {0, 1, 2, 3, 5, 6}) {
        if (s[i] < '0' || s[i] > '9') {
            return false;
        }
    }
    const int month = (s[5] - '0') * 10 + (s[6] - '0');
    return month >= 1 && month <= 12;
}

/// http(s)://host[:port][/path...] with a dotted host and no spaces or control characters.
bool is_link(std::string_view s) {
    std::string_view rest;
    if (s.starts_with("https://")) {
        rest = s.substr(8);
    } else if (s.starts_with("http://")) {
        rest = s.substr(7);
    } else {
        return false;
    }
    if (has_space_or_control(s)) {
        return false;
    }
    const std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    const std::string_view name = host.substr(0, host.find(':'));
    if (name.empty() || name.find('.') == std::string_view::npos || name.front() == '.' ||
        name.back() == '.' || name.find("..") != std::string_view::npos ||
        name.find('@') != std::string_view::npos) {
        return false;
    }
    return true;
}

/// local@domain.tld with ASCII characters an address may have and no spaces.
bool is_email(std::string_view s) {
    const std::size_t at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    const std::string_view local = s.substr(0, at);
    const std::string_view domain = s.substr(at + 1);
    constexpr std::string_view local_extra = ".!#$%&'*+/=?^_`{|}~-";
    for (const char c : local) {
        if (!is_alnum_ascii(c) && local_extra.find(c) == std::string_view::npos) {
            return false;
        }
    }
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
        return false;
    }
    const std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) {
        return false;
    }
    for (const char c : domain) {
        if (!is_alnum_ascii(c) && c != '.' && c != '-') {
            return false;
        }
    }
    return domain.front() != '.' && domain.find("..") == std::string_view::npos;
}

/// The personal-address heuristic (docs/completeness.md): the local part is 2 to 4 parts of
/// letters only, joined by '.', '_' or '-' (j.jansen, jan.de.vries, piet_jansen), and no part is
/// a generic word (info, privacy, algoritme..., cio, fg, ...). A single word (jjansen) cannot
/// be told from a team name and is not flagged.
bool looks_personal(std::string_view email) {
    const std::string local = lower_ascii(email.substr(0, email.find('@')));
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= local.size(); ++i) {
        if (i == local.size() || local[i] == '.' || local[i] == '_' || local[i] == '-') {
            parts.emplace_back(std::string_view(local).substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() < 2 || parts.size() > 4) {
        return false;
    }
    for (const auto part : parts) {
        if (part.empty() ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
            return false;
        }
        if (std::find(generic_short_parts.begin(), generic_short_parts.end(), part) !=
            generic_short_parts.end()) {
            return false;
        }
        for (const auto stem : generic_stems) {
            if (part.find(stem) != std::string_view::npos) {
                return false;
            }
        }
    }
    return true;
}

/// Rule id -> position in the table; built once, read-only afterwards.
const std::unordered_map<std::string_view, std::size_t>& rule_positions() {
    static const auto positions = [] {
        std::unordered_map<std::string_view, std::size_t> out;
        for (std::size_t i = 0; i < rule_table.size(); ++i) {
            out.emplace(rule_table[i].id, i);
        }
        return out;
    }();
    return positions;
}

/// The position of rule `id` in the table; rule_table.size() when there is none.
std::size_t rule_index(std::string_view id) {
    const auto& positions = rule_positions();
    const auto it = positions.find(id);
    return it == positions.end() ? rule_table.size() : it->second;
}

/// The table's id "<family>.<key>" (e.g. "length.goal"), without allocating; "" when none.
std::string_view rule_id(std::string_view family, std::string_view key) {
    std::array<char, 64> buffer{};
    if (family.size() + 1 + key.size() > buffer.size()) {
        return {};
    }
    auto end = std::copy(family.begin(), family.end(), buffer.begin());
    *end++ = '.';
    end = std::copy(key.begin(), key.end(), end);
    const std::size_t i =
        rule_index(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.begin())));
    return i < rule_table.size() ? rule_table[i].id : std::string_view();
}

std::string_view field_title(std::string_view key, Language language) {
    if (const auto* f = find_scored_field(key)) {
        return language == Language::nl ? f->title_nl : f->title_en;
    }
    if (const auto* s = find_string_field(key)) {
        return language == Language::nl ? s->title_nl : s->title_en;
    }
    return key;
}

std::string render(std::string_view tmpl, const MessageParams& p, Language language) {
    std::string out;
    out.reserve(tmpl.size() + 40);
    std::size_t i = 0;
    while (i < tmpl.size()) {
        if (tmpl[i] != '{') {
            out.push_back(tmpl[i++]);
            continue;
        }
        const std::size_t close = tmpl.find('}', i);
        if (close == std::string_view::npos) {
            out += tmpl.substr(i); // not a placeholder (the table test forbids this)
            break;
        }
        const std::string_view name = tmpl.substr(i + 1, close - i - 1);
        if (name == "field") {
            out += field_title(p.field, language);
        } else if (name == "value") {
            out += shorten(p.value);
        } else if (name == "other") {
            out += shorten(p.other, 200);
        } else if (name == "length") {
            out += std::to_string(p.length);
        } else if (name == "max") {
            out += std::to_string(p.max);
        } else if (name == "detail") {
            out += language == Language::nl ? p.detail_nl : p.detail_en;
        }
        i = close + 1;
    }
    return out;
}

/// Runs the single-record rules for one record into one result.
class Checker {
  public:
    Checker(const AlgorithmRecord& record, const CheckOptions& options, Completeness& out)
        : r_(record), options_(options), out_(out) {}

    void run() {
        score();
        required();
        lengths();
        enumerations();
        dates();
        contact();
        links();
        legal_basis();
        assessments();
        status_dates();
        standard();
        stale();
        sort_findings(out_.findings);
        // Rules not run, in table order.
        for (std::size_t i = 0; i < skipped_.size(); ++i) {
            if (skipped_[i]) {
                out_.not_checked.push_back(NotChecked{rule_table[i].id, *skipped_[i]});
            }
        }
    }

  private:
    [[nodiscard]] bool known(std::string_view key) const { return is_known(r_, key); }

    /// True when every input of `rule` is known; otherwise records it as not checked.
    bool runnable(std::string_view rule, std::initializer_list<std::string_view> inputs) {
        for (const auto key : inputs) {
            if (!known(key)) {
                not_checked(rule, NotCheckedReason::listing_only);
                return false;
            }
        }
        return true;
    }

    /// Records that `rule` was not run (the first reason given wins).
    void not_checked(std::string_view rule, NotCheckedReason reason) {
        auto& slot = skipped_.at(rule_index(rule));
        if (!slot) {
            slot = reason;
        }
    }

    void add(std::string_view rule, MessageParams params) {
        out_.findings.push_back(make_finding(rule, params));
    }

    [[nodiscard]] std::string original(const std::string& key) const {
        const auto it = r_.original.find(key);
        return it == r_.original.end() ? std::string() : it->second;
    }

    void score() {
        const auto& table = scored_field_table();
        out_.fields.reserve(table.size());
        out_.computable = !r_.listing_only;
        out_.score = 0;
        out_.max_score = 0;
        for (const auto& f : table) {
            FieldState state = FieldState::unknown;
            if (known(f.key)) {
                state = f.filled(r_) ? FieldState::filled : FieldState::empty;
                out_.max_score += f.weight;
            }
            if (state == FieldState::filled) {
                out_.score += f.weight;
            }
            if (state == FieldState::empty && f.weight > 0) {
                out_.missing.push_back(f.key);
            }
            out_.fields.push_back(state);
        }
        out_.progress = progress_of(out_.score, out_.max_score);
        out_.band = out_.computable ? band_of(out_.progress) : CompletenessBand::onbekend;
    }

    void required() {
        for (const auto& f : scored_field_table()) {
            if (!f.required) {
                continue;
            }
            const std::string_view rule = rule_id("required", f.key);
            // A value given but not understood is kept in `original`: filled() counts it, and
            // enumerations() reports it as enum.*, not as missing.
            if (runnable(rule, {f.key}) && !f.filled(r_)) {
                add(rule, {.field = std::string(f.key)});
            }
        }
    }

    void lengths() {
        for (const auto& s : string_fields()) {
            if (s.max_length == 0 || s.key == "begin_date" || s.key == "end_date") {
                continue;
            }
            const std::string_view rule = rule_id("length", s.key);
            if (!runnable(rule, {s.key})) {
                continue;
            }
            const std::string& value = r_.*s.member;
            std::size_t length = count_chars(value);
            if (length <= s.max_length) {
                continue; // removing markup never makes a text longer
            }
            // The register counts characters after removing tags; a tag boundary (<p>, <br>)
            // is not a character, so the line breaks strip_html puts there are not counted.
            if (s.html) {
                length = count_chars(strip_html(value), false);
            }
            if (length > s.max_length) {
                add(rule, {.field = std::string(s.key), .length = length, .max = s.max_length});
            }
        }
        for (const auto& g : groupings) {
            const std::string_view rule = rule_id("length", g.key);
            if (!runnable(rule, {g.key})) {
                continue;
            }
            const auto& items = r_.*g.member;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string n = std::to_string(i + 1);
                const std::size_t title = count_chars(items[i].title);
                const std::size_t link = count_chars(items[i].link);
                if (g.title_max > 0 && title > g.title_max) {
                    add(rule, {.field = std::string(g.key),
                               .length = title,
                               .max = g.title_max,
                               .detail_nl = "verwijzing " + n + ", titel",
                               .detail_en = "reference " + n + ", title"});
                }
                if (g.link_max > 0 && link > g.link_max) {
                    add(rule, {.field = std::string(g.key),
                               .length = link,
                               .max = g.link_max,
                               .detail_nl = "verwijzing " + n + ", link",
                               .detail_en = "reference " + n + ", link"});
                }
            }
        }
    }

    /// enum.<key> when the value is unknown; enum.variant when it was read from another
    /// spelling (normalisation keeps the source value in `original`).
    void enumeration(const std::string& key, const std::string& value, bool permitted) {
        const std::string_view rule = rule_id("enum", key);
        if (!runnable(rule, {key}) || !runnable("enum.variant", {key})) {
            return;
        }
        const std::string source = original(key);
        if (!permitted) {
            add(rule, {.field = key, .value = source.empty() ? value : source});
        } else if (!source.empty() && source != value) {
            add("enum.variant", {.field = key, .value = source, .other = value});
        }
    }

    void enumerations() {
        // status and publication_category are empty when the source value was not understood.
        const std::string status_source = original("status");
        enumeration("status", r_.status, !r_.status.empty() || status_source.empty());
        const std::string category_source = original("publication_category");
        enumeration("publication_category", r_.publication_category,
                    !r_.publication_category.empty() || category_source.empty());
        enumeration("lang", r_.lang, r_.lang.empty() || r_.lang == "nld");
        enumeration("standard_version", r_.standard_version,
                    r_.standard_version.empty() ||
                        std::find(known_versions.begin(), known_versions.end(),
                                  r_.standard_version) != known_versions.end());
    }

    void dates() {
        if (!runnable("date.format", {"begin_date", "end_date"}) ||
            !runnable("date.order", {"begin_date", "end_date"})) {
            return;
        }
        for (const char* key : {"begin_date", "end_date"}) {
            const std::string& value = r_.*(find_string_field(key)->member);
            const std::string source = original(key);
            if (!source.empty() && source != value) {
                add("date.format", {.field = key, .value = source});
            } else if (!value.empty() && !is_year_month(value)) {
                add("date.format", {.field = key, .value = value});
            }
        }
        if (is_year_month(r_.begin_date) && is_year_month(r_.end_date) &&
            r_.end_date < r_.begin_date) {
            add("date.order", {.field = "end_date", .value = r_.end_date, .other = r_.begin_date});
        }
    }

    void contact() {
        if (!runnable("contact.format", {"contact_email"}) ||
            !runnable("contact.personal", {"contact_email"})) {
            return;
        }
        const std::string& value = r_.contact_email;
        if (value.empty()) {
            return;
        }
        if (is_email(value)) {
            if (looks_personal(value)) {
                add("contact.personal", {.field = "contact_email", .value = value});
            }
        } else if (!(value.starts_with("https://") && is_link(value))) {
            add("contact.format", {.field = "contact_email", .value = value});
        }
    }

    void links() {
        const bool check_links =
            runnable("link.format",
                     {"website", "url", "process_index_url", "publiccode", "lawful_basis_grouping",
                      "impacttoetsen_grouping", "source_data_grouping"});
        const bool check_groupings =
            runnable("grouping.incomplete",
                     {"lawful_basis_grouping", "impacttoetsen_grouping", "source_data_grouping"});
        if (check_links) {
            for (const auto key : link_fields) {
                const std::string& value = r_.*(find_string_field(key)->member);
                if (!value.empty() && !is_link(value)) {
                    add("link.format", {.field = std::string(key), .value = value});
                }
            }
        }
        for (const auto& g : groupings) {
            const auto& items = r_.*g.member;
            for (std::size_t i = 0; i < items.size(); ++i) {
                const std::string n = std::to_string(i + 1);
                const Reference& ref = items[i];
                if (check_links && !ref.link.empty() && !is_link(ref.link)) {
                    add("link.format", {.field = std::string(g.key),
                                        .value = ref.link,
                                        .detail_nl = " (verwijzing " + n + ")",
                                        .detail_en = " (reference " + n + ")"});
                }
                if (!check_groupings) {
                    continue;
                }
                if (ref.title.empty()) {
                    add("grouping.incomplete", {.field = std::string(g.key),
                                                .other = n,
                                                .detail_nl = "titel",
                                                .detail_en = "title"});
                }
                if (g.link_required && ref.link.empty()) {
                    add("grouping.incomplete", {.field = std::string(g.key),
                                                .other = n,
                                                .detail_nl = "link",
                                                .detail_en = "link"});
                }
            }
        }
    }

    void legal_basis() {
        if (r_.status != "In gebruik") {
            if (r_.listing_only) {
                not_checked("legal_basis.missing", NotCheckedReason::listing_only);
            }
            return;
        }
        // "<p></p>" fills the field for the score but is no legal basis.
        const bool no_text = strip_html(r_.lawful_basis).empty();
        if (r_.listing_only) {
            not_checked("legal_basis.missing", NotCheckedReason::listing_only);
            if (no_text) {
                add("legal_basis.not_in_listing", {.field = "lawful_basis"});
            }
        } else if (no_text && r_.lawful_basis_grouping.empty()) {
            add("legal_basis.missing", {.field = "lawful_basis"});
        }
    }

    /// True when the register entry itself mentions an assessment of one of `m.types`: a
    /// statement from the register (list item, 0.x flag, explanation sentence, in any state),
    /// or the abbreviation or name in the explanation, the list titles or the 0.x fields.
    [[nodiscard]] bool mentions(const Mention& m) const {
        for (const auto& a : r_.assessments) {
            if (std::find(m.types.begin(), m.types.end(), a.type) == m.types.end()) {
                continue;
            }
            for (const auto& s : a.statements) {
                if (s.source == register_source || s.source.empty()) {
                    return true;
                }
            }
        }
        std::string text = lower_ascii(strip_html(r_.impacttoetsen));
        for (const auto& ref : r_.impacttoetsen_grouping) {
            text += '\n' + lower_ascii(ref.title);
        }
        for (const char* key : {"dpia", "dpia_description", "iama", "iama_description"}) {
            if (const auto it = r_.legacy.find(key); it != r_.legacy.end()) {
                text += '\n' + lower_ascii(it->second);
            }
        }
        for (const auto word : m.words) {
            if (contains_word(text, word)) {
                return true;
            }
        }
        for (const auto phrase : m.phrases) {
            if (text.find(phrase) != std::string::npos) {
                return true;
            }
        }
        return false;
    }

    void assessments() {
        const bool dpia_ok =
            runnable("assessment.dpia_expected",
                     {"publication_category", "impacttoetsen", "impacttoetsen_grouping"});
        const bool iama_ok =
            runnable("assessment.iama_expected",
                     {"publication_category", "impacttoetsen", "impacttoetsen_grouping"});
        const bool high_risk = r_.publication_category == "Hoog-risico AI-systeem";
        const bool impactful = high_risk || r_.publication_category == "Impactvolle algoritmes";
        if (dpia_ok && impactful && !mentions(dpia_mention)) {
            add("assessment.dpia_expected",
                {.field = "impacttoetsen_grouping", .value = r_.publication_category});
        }
        if (iama_ok && high_risk && !mentions(iama_mention)) {
            add("assessment.iama_expected",
                {.field = "impacttoetsen_grouping", .value = r_.publication_category});
        }
    }

    void status_dates() {
        const bool missing_ok = runnable("status.end_date_missing", {"status", "end_date"});
        const bool in_use_ok = runnable("status.end_date_in_use", {"status", "end_date"});
        if (missing_ok && r_.status == "Buiten gebruik" && r_.end_date.empty()) {
            add("status.end_date_missing", {.field = "end_date"});
        }
        if (in_use_ok && r_.status == "In gebruik" && !r_.end_date.empty()) {
            add("status.end_date_in_use", {.field = "end_date", .value = r_.end_date});
        }
    }

    void standard() {
        if (!runnable("standard.outdated", {"standard_version"})) {
            return;
        }
        if (r_.standard_version.starts_with("0.")) {
            add("standard.outdated", {.field = "standard_version", .value = r_.standard_version});
        }
    }

    void stale() {
        if (!options_.today) {
            not_checked("changed.stale", NotCheckedReason::no_reference_date);
            return;
        }
        const auto changed = parse_iso_date(r_.changed);
        if (!changed) {
            not_checked("changed.stale", NotCheckedReason::date_unknown);
            return;
        }
        using namespace std::chrono;
        const year_month_day limit = *options_.today - months(options_.stale_months);
        // A limit that is no calendar date (2026-02-29 from 2028-02-29) still compares correctly:
        // year_month_day compares year, month, day in that order.
        if (*changed < limit) {
            add("changed.stale", {.field = "changed",
                                  .value = r_.changed,
                                  .other = format_iso_date(*options_.today),
                                  .max = static_cast<std::size_t>(options_.stale_months)});
        }
    }

    const AlgorithmRecord& r_;
    const CheckOptions& options_;
    Completeness& out_;
    std::array<std::optional<NotCheckedReason>, rule_table.size()> skipped_{};
};

} // namespace

bool ScoredField::filled(const AlgorithmRecord& record) const {
    if (text != nullptr && !(record.*text).empty()) {
        return true;
    }
    if (list != nullptr && !(record.*list).empty()) {
        return true;
    }
    if (references != nullptr && !(record.*references).empty()) {
        return true;
    }
    const auto source = record.original.find(std::string(key));
    return source != record.original.end() && !source->second.empty() && source->second != "[]" &&
           source->second != "null";
}

std::span<const ScoredField> scored_fields() {
    return scored_field_table();
}

const ScoredField* find_scored_field(std::string_view key) {
    for (const auto& f : scored_field_table()) {
        if (f.key == key) {
            return &f;
        }
    }
    return nullptr;
}

std::span<const std::string_view> listing_fields() {
    return listing_known;
}

bool is_known(const AlgorithmRecord& record, std::string_view key) {
    return !record.listing_only ||
           std::find(listing_known.begin(), listing_known.end(), key) != listing_known.end();
}

std::string_view to_string(FieldState state) {
    switch (state) {
    case FieldState::filled:
        return "filled";
    case FieldState::empty:
        return "empty";
    case FieldState::unknown:
        break;
    }
    return "unknown";
}

std::string_view to_string(CompletenessBand band) {
    switch (band) {
    case CompletenessBand::oranje:
        return "oranje";
    case CompletenessBand::geel:
        return "geel";
    case CompletenessBand::groen:
        return "groen";
    case CompletenessBand::onbekend:
        break;
    }
    return "onbekend";
}

std::string_view band_label(CompletenessBand band, Language language) {
    const bool nl = language == Language::nl;
    switch (band) {
    case CompletenessBand::oranje:
        return nl ? "onvoldoende" : "insufficient";
    case CompletenessBand::geel:
        return nl ? "redelijk" : "fair";
    case CompletenessBand::groen:
        return nl ? "goed" : "good";
    case CompletenessBand::onbekend:
        break;
    }
    return nl ? "onbekend" : "unknown";
}

CompletenessBand band_of(int progress) {
    if (progress < yellow_from_progress) {
        return CompletenessBand::oranje;
    }
    return progress < green_from_progress ? CompletenessBand::geel : CompletenessBand::groen;
}

int progress_of(int score, int max_score) {
    if (max_score <= 0) {
        return 0;
    }
    // The form computes Math.ceil(score / max * 100) in doubles; so do we, in the same order.
    return static_cast<int>(
        std::ceil(static_cast<double>(score) / static_cast<double>(max_score) * 100.0));
}

std::string_view to_string(FindingSeverity severity) {
    switch (severity) {
    case FindingSeverity::info:
        return "info";
    case FindingSeverity::warning:
        return "warning";
    case FindingSeverity::error:
        break;
    }
    return "error";
}

std::optional<FindingSeverity> parse_severity(std::string_view name) {
    for (const auto s : {FindingSeverity::info, FindingSeverity::warning, FindingSeverity::error}) {
        if (to_string(s) == name) {
            return s;
        }
    }
    return std::nullopt;
}

std::string_view severity_label(FindingSeverity severity, Language language) {
    if (language == Language::en) {
        return to_string(severity);
    }
    switch (severity) {
    case FindingSeverity::info:
        return "info";
    case FindingSeverity::warning:
        return "waarschuwing";
    case FindingSeverity::error:
        break;
    }
    return "fout";
}

std::span<const Rule> rules() {
    return rule_table;
}

const Rule* find_rule(std::string_view id) {
    const std::size_t i = rule_index(id);
    return i < rule_table.size() ? &rule_table[i] : nullptr;
}

void sort_findings(std::vector<Finding>& findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        if (a.severity != b.severity) {
            return a.severity > b.severity;
        }
        const std::size_t ia = rule_index(a.rule);
        const std::size_t ib = rule_index(b.rule);
        if (ia != ib) {
            return ia < ib;
        }
        return a.field < b.field;
    });
}

Finding make_finding(std::string_view rule_id, const MessageParams& params) {
    const Rule* rule = find_rule(rule_id);
    if (rule == nullptr) {
        throw std::out_of_range("no completeness rule '" + std::string(rule_id) + "'");
    }
    return Finding{std::string(rule->id), rule->severity,
                   params.field.empty() ? std::string(rule->field) : params.field,
                   render(rule->message_nl, params, Language::nl),
                   render(rule->message_en, params, Language::en)};
}

std::string_view to_string(NotCheckedReason reason) {
    switch (reason) {
    case NotCheckedReason::listing_only:
        return "listing_only";
    case NotCheckedReason::date_unknown:
        return "date_unknown";
    case NotCheckedReason::no_reference_date:
        break;
    }
    return "no_reference_date";
}

std::string_view reason_label(NotCheckedReason reason, Language language) {
    const bool nl = language == Language::nl;
    switch (reason) {
    case NotCheckedReason::listing_only:
        return nl ? "niet te controleren: alleen lijstgegevens"
                  : "cannot be checked: listing fields only";
    case NotCheckedReason::date_unknown:
        return nl ? "niet te controleren: datum van laatste wijziging onbekend"
                  : "cannot be checked: date of last change unknown";
    case NotCheckedReason::no_reference_date:
        break;
    }
    return nl ? "niet gecontroleerd: geen peildatum" : "not checked: no reference date";
}

bool Completeness::has(std::string_view rule_id) const {
    return std::any_of(findings.begin(), findings.end(),
                       [&](const Finding& f) { return f.rule == rule_id; });
}

std::optional<FindingSeverity> Completeness::worst() const {
    std::optional<FindingSeverity> out;
    for (const auto& f : findings) {
        if (!out || f.severity > *out) {
            out = f.severity;
        }
    }
    return out;
}

std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    }
    const std::chrono::year_month_day date{std::chrono::year(parts[0]),
                                           std::chrono::month(static_cast<unsigned>(parts[1])),
                                           std::chrono::day(static_cast<unsigned>(parts[2]))};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::string format_iso_date(std::chrono::year_month_day date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buffer;
}

Completeness check(const AlgorithmRecord& record, const CheckOptions& options) {
    Completeness out;
    out.record_id = record.id;
    out.record_standard = record.standard_version;
    Checker(record, options, out).run();
    return out;
}

std::vector<std::vector<Finding>> check_set(std::span<const AlgorithmRecord> records) {
    std::vector<std::vector<Finding>> out(records.size());
    std::unordered_map<std::string, std::vector<std::size_t>> by_name;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        if (!is_known(r, "organization") || !is_known(r, "name")) {
            continue;
        }
        const std::string organisation = slug(r.organization);
        const std::string name = slug(r.name);
        if (organisation.empty() || name.empty()) {
            continue;
        }
        by_name[organisation + '\x1F' + name].push_back(i);
    }
    constexpr std::size_t max_listed = 5;
    for (const auto& [key, indexes] : by_name) {
        if (indexes.size() < 2) {
            continue;
        }
        for (const std::size_t i : indexes) {
            std::string others;
            std::size_t listed = 0;
            for (const std::size_t j : indexes) {
                if (j == i) {
                    continue;
                }
                if (listed == max_listed) {
                    others += ", \xE2\x80\xA6";
                    break;
                }
                others += (listed++ == 0 ? "" : ", ") + records[j].id;
            }
            out[i].push_back(make_finding(
                "duplicate.name", {.field = "name", .value = records[i].name, .other = others}));
        }
    }
    return out;
}

std::vector<Completeness> check_all(std::span<const AlgorithmRecord> records,
                                    const CheckOptions& options) {
    std::vector<Completeness> out;
    out.reserve(records.size());
    for (const auto& r : records) {
        out.push_back(check(r, options));
    }
    auto set = check_set(records);
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (set[i].empty()) {
            continue;
        }
        for (auto& f : set[i]) {
            out[i].findings.push_back(std::move(f));
        }
        sort_findings(out[i].findings);
    }
    return out;
}

CompletenessSummary summarise(std::span<const Completeness> results) {
    CompletenessSummary s;
    const auto& table = scored_field_table();
    s.fields.reserve(table.size());
    for (const auto& f : table) {
        s.fields.push_back({f.key, 0, 0});
    }
    double progress_total = 0;
    for (const auto& c : results) {
        ++s.entries;
        ++s.bands[static_cast<std::size_t>(c.band)];
        if (c.computable) {
            ++s.computable;
            progress_total += c.progress;
        }
        for (std::size_t i = 0; i < c.fields.size() && i < s.fields.size(); ++i) {
            s.fields[i].known += c.fields[i] != FieldState::unknown ? 1 : 0;
            s.fields[i].filled += c.fields[i] == FieldState::filled ? 1 : 0;
        }
        for (const auto& f : c.findings) {
            ++s.findings[static_cast<std::size_t>(f.severity)];
            auto& ids = s.rules[f.rule];
            if (ids.empty() || ids.back() != c.record_id) {
                ids.push_back(c.record_id);
            }
        }
        for (const auto& n : c.not_checked) {
            ++s.not_checked[std::string(n.rule)];
        }
    }
    s.mean_progress = s.computable > 0 ? progress_total / static_cast<double>(s.computable) : 0;
    return s;
}

void to_json(json& j, const Rule& rule) {
    j = json{{"id", rule.id},
             {"severity", to_string(rule.severity)},
             {"field", rule.field},
             {"title", {{"nl", rule.title_nl}, {"en", rule.title_en}}},
             {"message", {{"nl", rule.message_nl}, {"en", rule.message_en}}}};
}

void to_json(json& j, const Finding& finding) {
    j = json{{"rule", finding.rule},
             {"severity", to_string(finding.severity)},
             {"field", finding.field},
             {"message", {{"nl", finding.message_nl}, {"en", finding.message_en}}}};
}

void to_json(json& j, const NotChecked& item) {
    j = json{{"rule", item.rule}, {"reason", to_string(item.reason)}};
}

void to_json(json& j, const Completeness& c) {
    j = json::object();
    j["record_id"] = c.record_id;
    j["computable"] = c.computable;
    j["scored_against"] = scored_standard;
    j["record_standard"] = c.record_standard;
    if (c.computable) {
        j["score"] = c.score;
        j["max"] = c.max_score;
        j["progress"] = c.progress;
    } else {
        j["score"] = nullptr;
        j["max"] = official_max_score;
        j["progress"] = nullptr;
        j["known"] = {{"score", c.score}, {"max", c.max_score}, {"progress", c.progress}};
    }
    j["band"] = to_string(c.band);
    json fields = json::object();
    const auto& table = scored_field_table();
    for (std::size_t i = 0; i < c.fields.size() && i < table.size(); ++i) {
        fields[std::string(table[i].key)] = to_string(c.fields[i]);
    }
    j["fields"] = std::move(fields);
    j["missing"] = c.missing;
    j["findings"] = c.findings;
    j["not_checked"] = c.not_checked;
}

void to_json(json& j, const CompletenessSummary& s) {
    j = json::object();
    j["entries"] = s.entries;
    j["computable"] = s.computable;
    j["mean_progress"] = s.mean_progress;
    json bands = json::object();
    for (const auto b : {CompletenessBand::oranje, CompletenessBand::geel, CompletenessBand::groen,
                         CompletenessBand::onbekend}) {
        bands[std::string(to_string(b))] = s.bands[static_cast<std::size_t>(b)];
    }
    j["bands"] = std::move(bands);
    json findings = json::object();
    for (const auto sev :
         {FindingSeverity::error, FindingSeverity::warning, FindingSeverity::info}) {
        findings[std::string(to_string(sev))] = s.findings[static_cast<std::size_t>(sev)];
    }
    j["findings"] = std::move(findings);
    json fields = json::array();
    for (const auto& f : s.fields) {
        fields.push_back({{"field", f.key}, {"filled", f.filled}, {"known", f.known}});
    }
    j["fields"] = std::move(fields);
    json rules_json = json::object();
    for (const auto& [id, ids] : s.rules) {
        rules_json[id] = ids;
    }
    j["rules"] = std::move(rules_json);
    j["not_checked"] = s.not_checked;
}

} // namespace algreg::search
