// Normalisation tables for the register's vocabularies (register-model.md §1.2, §1.4, §2, §4).
// Every vocabulary is one constexpr table; the lookup tables are sorted by their key (checked by
// static_assert) and searched by binary search. Keys are match keys: fold()ed (lower case, no
// accents), whitespace collapsed, and for status and publication category also '-' and '_' read
// as spaces.
#include "indexer/vocabulary.h"

#include "search/analysis.h"
#include "search/facet_labels.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace algreg::indexer {

namespace {

// ---------------------------------------------------------------------------------------------
// Text helpers

constexpr bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// A byte that may belong to a word: ASCII letters and digits and every byte of a non-ASCII
/// code point (folded keys are lower-case ASCII except for letters without a decomposition).
constexpr bool is_word_byte(char c) {
    return is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
}

/// Byte length of the whitespace code point starting at `s[i]`, or 0 if there is none there.
/// ASCII whitespace, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F and
/// U+3000 (the Unicode White_Space set).
constexpr std::size_t whitespace_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) {
        return k < s.size() ? static_cast<unsigned char>(s[k]) : 0U;
    };
    const unsigned b0 = byte(i);
    if (b0 == ' ' || (b0 >= '\t' && b0 <= '\r')) {
        return 1;
    }
    if (b0 == 0xC2) {
        return byte(i + 1) == 0xA0 || byte(i + 1) == 0x85 ? 2 : 0;
    }
    const unsigned b1 = byte(i + 1);
    const unsigned b2 = byte(i + 2);
    if (b0 == 0xE1) {
        return b1 == 0x9A && b2 == 0x80 ? 3 : 0;
    }
    if (b0 == 0xE2 && b1 == 0x80) {
        return (b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0;
    }
    if (b0 == 0xE2) {
        return b1 == 0x81 && b2 == 0x9F ? 3 : 0;
    }
    if (b0 == 0xE3) {
        return b1 == 0x80 && b2 == 0x80 ? 3 : 0;
    }
    return 0;
}

/// The key every table is searched with: whitespace collapsed, then fold()ed. With
/// `separators_as_space`, '-' and '_' count as spaces too ("in_gebruik", "Hoog-risico").
std::string match_key(std::string_view value, bool separators_as_space) {
    std::string key = search::fold(collapse_whitespace(value));
    if (!separators_as_space) {
        return key;
    }
    std::string out;
    out.reserve(key.size());
    for (const char c : key) {
        const bool space = c == ' ' || c == '-' || c == '_';
        if (!space) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
    if (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out;
}

/// `text` without trailing characters from `chars`.
constexpr std::string_view trim_right(std::string_view text, std::string_view chars) {
    while (!text.empty() && chars.find(text.back()) != std::string_view::npos) {
        text.remove_suffix(1);
    }
    return text;
}

/// True when `text` contains `needle` at `pos` and no word continues right after it.
constexpr bool phrase_at(std::string_view text, std::size_t pos, std::string_view needle) {
    if (text.substr(pos, needle.size()) != needle) {
        return false;
    }
    const std::size_t end = pos + needle.size();
    return end == text.size() || !is_word_byte(text[end]) || !is_word_byte(needle.back());
}

/// True when `text` starts with `phrase` as whole words ("nee" in "nee, want", not in "neemt").
constexpr bool starts_with_phrase(std::string_view text, std::string_view phrase) {
    return phrase_at(text, 0, phrase);
}

/// Position of the first occurrence of `needle` that starts a word (and, with `whole_word`,
/// also ends one), or npos.
constexpr std::size_t find_word(std::string_view text, std::string_view needle, bool whole_word) {
    for (std::size_t pos = text.find(needle); pos != std::string_view::npos;
         pos = text.find(needle, pos + 1)) {
        const bool starts = pos == 0 || !is_word_byte(text[pos - 1]);
        if (starts && (!whole_word || phrase_at(text, pos, needle))) {
            return pos;
        }
    }
    return std::string_view::npos;
}

template <class Entry, std::size_t N>
constexpr bool strictly_sorted(const std::array<Entry, N>& table) {
    for (std::size_t i = 1; i < N; ++i) {
        if (!(table[i - 1].key < table[i].key)) {
            return false;
        }
    }
    return true;
}

/// The entry with exactly `key` in a table sorted by key, or nullptr.
template <class Entry, std::size_t N>
constexpr const Entry* find_key(const std::array<Entry, N>& table, std::string_view key) {
    const auto it = std::lower_bound(
        table.begin(), table.end(), key,
        [](const Entry& entry, std::string_view wanted) { return entry.key < wanted; });
    return it != table.end() && it->key == key ? &*it : nullptr;
}

// ---------------------------------------------------------------------------------------------
// Status (register-model.md §1.2)

enum class Status : std::uint8_t { in_gebruik, ontwikkeling, buiten_gebruik };

struct StatusName {
    std::string_view label;
    std::string_view code;
};

/// Indexed by Status.
constexpr std::array<StatusName, 3> status_names{{
    {"In gebruik", "in_gebruik"},
    {"In ontwikkeling", "ontwikkeling"},
    {"Buiten gebruik", "buiten_gebruik"},
}};

constexpr std::string_view label_of(Status status) {
    return status_names[static_cast<std::size_t>(status)].label;
}

struct StatusPhrase {
    std::string_view key;
    Status status;
};

/// Every spelling of a status seen in the data or plausible in it: the labels, the listing
/// codes (with '_' read as a space), English labels and the 2023 variants.
constexpr auto status_phrases = std::to_array<StatusPhrase>({
    {"actief", Status::in_gebruik},
    {"active", Status::in_gebruik},
    {"beeindigd", Status::buiten_gebruik},
    {"buiten gebruik", Status::buiten_gebruik},
    {"buiten gebruik gesteld", Status::buiten_gebruik},
    {"buiten werking", Status::buiten_gebruik},
    {"buitengebruik", Status::buiten_gebruik},
    {"discontinued", Status::buiten_gebruik},
    {"gestopt", Status::buiten_gebruik},
    {"in development", Status::ontwikkeling},
    {"in gebruik", Status::in_gebruik},
    {"in gebruik genomen", Status::in_gebruik},
    {"in ontwikkeling", Status::ontwikkeling},
    {"in operation", Status::in_gebruik},
    {"in pilot", Status::ontwikkeling},
    {"in pilotfase", Status::ontwikkeling},
    {"in productie", Status::in_gebruik},
    {"in production", Status::in_gebruik},
    {"in test", Status::ontwikkeling},
    {"in testfase", Status::ontwikkeling},
    {"in use", Status::in_gebruik},
    {"in voorbereiding", Status::ontwikkeling},
    {"in werking", Status::in_gebruik},
    {"ingebruik", Status::in_gebruik},
    {"live", Status::in_gebruik},
    {"niet meer in gebruik", Status::buiten_gebruik},
    {"no longer in use", Status::buiten_gebruik},
    {"nog niet in gebruik", Status::ontwikkeling},
    {"ontwikkeling", Status::ontwikkeling},
    {"operational", Status::in_gebruik},
    {"operationeel", Status::in_gebruik},
    {"out of use", Status::buiten_gebruik},
    {"pilot", Status::ontwikkeling},
    {"pilotfase", Status::ontwikkeling},
    {"proef", Status::ontwikkeling},
    {"proefperiode", Status::ontwikkeling},
    {"retired", Status::buiten_gebruik},
    {"test", Status::ontwikkeling},
    {"testfase", Status::ontwikkeling},
    {"uit gebruik", Status::buiten_gebruik},
    {"uitgefaseerd", Status::buiten_gebruik},
    {"under development", Status::ontwikkeling},
});
static_assert(strictly_sorted(status_phrases));

/// Openers that name the algorithm as the subject of a status sentence.
constexpr std::array<std::string_view, 4> status_subjects{
    "het algoritme is ", "het algoritme wordt ", "dit algoritme is ", "dit algoritme wordt "};

struct PhraseMatch {
    Status status;
    std::size_t length;
};

/// The longest status phrase at `pos` of `key` that ends at a word boundary.
std::optional<PhraseMatch> status_phrase_at(std::string_view key, std::size_t pos) {
    std::optional<PhraseMatch> best;
    for (const auto& phrase : status_phrases) {
        if (phrase_at(key, pos, phrase.key) && (!best || phrase.key.size() > best->length)) {
            best = PhraseMatch{phrase.status, phrase.key.size()};
        }
    }
    return best;
}

/// The status a free sentence states, under the opening-phrase rule: after an optional
/// "Status:" or "Het/Dit algoritme is/wordt", the text must begin with a status phrase
/// ("In gebruik sinds 18-12-2020", "Het algoritme is in productie ..."), and no other status
/// phrase of a different status may occur anywhere after it ("In gebruik (pilot)", "in
/// productie en het gebruik zit in een pilotfase" say two things and stay unknown). Phrases are
/// whole words and the longest phrase wins, so "nog niet in gebruik" reads as In ontwikkeling,
/// not as In gebruik. A sentence whose subject is something else ("Twee natuurgebieden zijn in
/// gebruik ...") is not read.
std::optional<Status> status_of_sentence(std::string_view key) {
    if (key.starts_with("status:")) {
        key.remove_prefix(7);
        while (key.starts_with(' ')) {
            key.remove_prefix(1);
        }
    }
    for (const std::string_view subject : status_subjects) {
        if (key.starts_with(subject)) {
            key.remove_prefix(subject.size());
            break;
        }
    }
    const auto opening = status_phrase_at(key, 0);
    if (!opening) {
        return std::nullopt;
    }
    std::size_t pos = opening->length;
    while (pos < key.size()) {
        if (!is_word_byte(key[pos])) {
            ++pos;
            continue;
        }
        if (const auto later = status_phrase_at(key, pos)) {
            if (later->status != opening->status) {
                return std::nullopt;
            }
            pos += later->length;
            continue;
        }
        while (pos < key.size() && is_word_byte(key[pos])) {
            ++pos;
        }
    }
    return opening->status;
}

// ---------------------------------------------------------------------------------------------
// Publication category (register-model.md §1.2)

/// Indexed by category letter: A, B, C.
constexpr std::array<std::string_view, 3> category_labels{
    "Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes"};

struct CategoryPhrase {
    std::string_view key;
    std::uint8_t category; ///< 0 = A, 1 = B, 2 = C
};

constexpr auto category_phrases = std::to_array<CategoryPhrase>({
    {"a", 0},
    {"b", 1},
    {"c", 2},
    {"categorie a", 0},
    {"categorie b", 1},
    {"categorie c", 2},
    {"category a", 0},
    {"category b", 1},
    {"category c", 2},
    {"high risk ai system", 0},
    {"high risk ai systems", 0},
    {"hoog risico ai systeem", 0},
    {"hoog risico ai systemen", 0},
    {"hoogrisico ai systeem", 0},
    {"hoogrisico ai systemen", 0},
    {"impactful", 1},
    {"impactful algorithm", 1},
    {"impactful algorithms", 1},
    {"impactvol", 1},
    {"impactvol algoritme", 1},
    {"impactvolle", 1},
    {"impactvolle algoritmen", 1},
    {"impactvolle algoritmes", 1},
    {"other", 2},
    {"other algorithm", 2},
    {"other algorithms", 2},
    {"overig", 2},
    {"overig algoritme", 2},
    {"overige", 2},
    {"overige algoritmen", 2},
    {"overige algoritmes", 2},
});
static_assert(strictly_sorted(category_phrases));

std::optional<std::uint8_t> category_of(std::string_view key) {
    if (const auto* found = find_key(category_phrases, key)) {
        return found->category;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Themes (register-model.md §1.2)

struct ThemeEntry {
    std::string_view key;
    std::string_view theme;
};

/// The 16 v1.0 themes (to themselves); the v0.4-only themes Dienstverlening, Bestuur and
/// Landbouw (to their own spelling: they have no 1.0 equivalent); Financiën and Huisvesting (to
/// their 1.0 successors); and free-text themes whose 1.0 theme is clear: one half of a 1.0
/// theme name ("Natuur", "Zorg"), and the 0.x values "Veiligheid en handhaving",
/// "Infrastructuur", "Bedrijfsvoering", "Erfbelasting" (a tax), "WW" and "uitkering" (social
/// security), "Verkeersveiligheid" and the like. Free text without one clear theme
/// ("Basisregistratie", "Fysiek domein", "Corona steunmaatregel") is not listed and is kept.
constexpr auto theme_table = std::to_array<ThemeEntry>({
    {"bedrijfsvoering", "Organisatie en bedrijfsvoering"},
    {"belastingen", "Overheidsfinanciën"},
    {"bestuur", "Bestuur"},
    {"cultuur", "Cultuur en recreatie"},
    {"cultuur en recreatie", "Cultuur en recreatie"},
    {"dienstverlening", "Dienstverlening"},
    {"economie", "Economie"},
    {"erfbelasting", "Overheidsfinanciën"},
    {"financien", "Overheidsfinanciën"},
    {"gezondheid", "Zorg en gezondheid"},
    {"gezondheidszorg", "Zorg en gezondheid"},
    {"huisvesting", "Wonen"},
    {"infrastructuur", "Ruimte en infrastructuur"},
    {"integratie", "Migratie en integratie"},
    {"internationaal", "Internationaal"},
    {"landbouw", "Landbouw"},
    {"migratie", "Migratie en integratie"},
    {"migratie en integratie", "Migratie en integratie"},
    {"milieu", "Natuur en milieu"},
    {"natuur", "Natuur en milieu"},
    {"natuur en milieu", "Natuur en milieu"},
    {"onderwijs", "Onderwijs en wetenschap"},
    {"onderwijs en wetenschap", "Onderwijs en wetenschap"},
    {"openbare orde", "Openbare orde en veiligheid"},
    {"openbare orde en veiligheid", "Openbare orde en veiligheid"},
    {"organisatie en bedrijfsvoering", "Organisatie en bedrijfsvoering"},
    {"overheidsfinancien", "Overheidsfinanciën"},
    {"recht", "Recht"},
    {"recreatie", "Cultuur en recreatie"},
    {"ruimte", "Ruimte en infrastructuur"},
    {"ruimte en infrastructuur", "Ruimte en infrastructuur"},
    {"ruimtelijke ordening", "Ruimte en infrastructuur"},
    {"sociale zekerheid", "Sociale zekerheid"},
    {"uitkering", "Sociale zekerheid"},
    {"uitkeringen", "Sociale zekerheid"},
    {"veiligheid", "Openbare orde en veiligheid"},
    {"veiligheid en handhaving", "Openbare orde en veiligheid"},
    {"verkeer", "Verkeer"},
    {"verkeer en vaarwegen", "Verkeer"},
    {"verkeer en vervoer", "Verkeer"},
    {"verkeersveiligheid", "Verkeer"},
    {"wegwerkzaamheden en verkeer", "Verkeer"},
    {"werk", "Werk"},
    {"wetenschap", "Onderwijs en wetenschap"},
    {"wonen", "Wonen"},
    {"ww", "Sociale zekerheid"},
    {"zorg", "Zorg en gezondheid"},
    {"zorg en gezondheid", "Zorg en gezondheid"},
});
static_assert(strictly_sorted(theme_table));

/// Free-text themes that contain a comma but are one name (kept whole by split_theme_string).
constexpr std::array<std::string_view, 2> comma_themes{"landbouw, natuur en voedsel",
                                                       "wonen, werken en leefomgeving"};

/// Items of a PostgreSQL array literal without its braces: `Werk,"Ruimte en infrastructuur"`.
/// Quoted items may hold commas and backslash escapes; an unquoted NULL is no item.
std::vector<std::string> split_array_literal(std::string_view inner) {
    std::vector<std::string> items;
    std::size_t i = 0;
    while (i <= inner.size()) {
        while (i < inner.size() && whitespace_length(inner, i) > 0) {
            i += whitespace_length(inner, i);
        }
        std::string item;
        bool quoted = false;
        if (i < inner.size() && inner[i] == '"') {
            quoted = true;
            for (++i; i < inner.size() && inner[i] != '"'; ++i) {
                if (inner[i] == '\\' && i + 1 < inner.size()) {
                    ++i;
                }
                item.push_back(inner[i]);
            }
            i = std::min(inner.size(), i + 1); // past the closing quote
        }
        const std::size_t comma = std::min(inner.find(',', i), inner.size());
        if (!quoted) {
            item.assign(inner.substr(i, comma - i));
        }
        std::string trimmed = collapse_whitespace(item);
        const bool null = !quoted && match_key(trimmed, false) == "null";
        if (!trimmed.empty() && !null) {
            items.push_back(std::move(trimmed));
        }
        i = comma + 1;
    }
    return items;
}

/// Items of a comma-separated list; commas inside parentheses do not split
/// ("Brug monitoringsysteem (BMS, API)").
std::vector<std::string> split_comma_list(std::string_view value) {
    std::vector<std::string> items;
    int depth = 0;
    std::size_t begin = 0;
    for (std::size_t i = 0; i <= value.size(); ++i) {
        const char c = i < value.size() ? value[i] : ',';
        if (c == '(') {
            ++depth;
        } else if (c == ')' && depth > 0) {
            --depth;
        } else if (c == ',' && (depth == 0 || i == value.size())) {
            if (std::string item = collapse_whitespace(value.substr(begin, i - begin));
                !item.empty()) {
                items.push_back(std::move(item));
            }
            begin = i + 1;
        }
    }
    return items;
}

// ---------------------------------------------------------------------------------------------
// Impact assessments (register-model.md §2.1, §2.2)

struct AssessmentEntry {
    std::string_view key;
    std::string_view type;
};

/// Whole titles: the NL and EN labels with and without the abbreviation, the editor's
/// suggestions, and the misspellings of §2.2.
constexpr auto assessment_titles = std::to_array<AssessmentEntry>({
    {"ai impact assesment", "AIIA"},
    {"ai impact assesment (aiia)", "AIIA"},
    {"ai impact assessment", "AIIA"},
    {"ai impact assessment (aiia)", "AIIA"},
    {"aiia", "AIIA"},
    {"assessment framework of the court of audit", "Toetsingskader Algemene Rekenkamer"},
    {"data ethics decision aid", "DEDA"},
    {"data ethics decision aid (deda)", "DEDA"},
    {"data protection impact assesment (dpia)", "DPIA"},
    {"data protection impact assessment", "DPIA"},
    {"data protection impact assessment (dpia)", "DPIA"},
    {"data protection impact asssesment (dpia)", "DPIA"},
    {"de ethische bijsluiter", "De Ethische Bijsluiter"},
    {"de ethische data assistant", "DEDA"},
    {"de ethische data assistant (deda)", "DEDA"},
    {"de ethische data assistent", "DEDA"},
    {"de ethische data assistent (deda)", "DEDA"},
    {"deda", "DEDA"},
    {"dpia", "DPIA"},
    {"ethische bijsluiter", "De Ethische Bijsluiter"},
    {"fraia", "FRAIA"},
    {"fria", "FRIA"},
    {"fundamental rights and algorithm impact assessment (fraia)", "FRAIA"},
    {"fundamental rights and impact assessment (fria)", "FRIA"},
    {"fundamental rights impact assessment", "FRIA"},
    {"fundamental rights impact assessment (fria)", "FRIA"},
    {"fundamentele rechten en algoritme impact assessment", "FRAIA"},
    {"fundamentele rechten en algoritme impact assessment (fraia)", "FRAIA"},
    {"gegevensbeschermingseffectbeoordeling", "DPIA"},
    {"human rights and algorithms impact assessment (iama)", "IAMA"},
    {"iama", "IAMA"},
    {"impact assessment mensenrechten en algoritmes", "IAMA"},
    {"impact assessment mensenrechten en algoritmes (iama)", "IAMA"},
    {"mensenrechtentoets", "IAMA"},
    {"pre scan dpia", "Pre-scan DPIA"},
    {"pre-scan dpia", "Pre-scan DPIA"},
    {"prescan dpia", "Pre-scan DPIA"},
    {"privacy quick scan", "Privacy Quickscan"},
    {"privacy quickscan", "Privacy Quickscan"},
    {"privacy-quickscan", "Privacy Quickscan"},
    {"the ethical guide", "De Ethische Bijsluiter"},
    {"toetsingskader algemene rekenkamer", "Toetsingskader Algemene Rekenkamer"},
    {"uthiek", "Uthiek"},
    {"utrecht uthiek assessment", "Uthiek"},
    {"utrechts uthiek assessment", "Uthiek"},
    {"z inspection", "Z-Inspection"},
    {"z-inspection", "Z-Inspection"},
});
static_assert(strictly_sorted(assessment_titles));

struct AssessmentNeedle {
    std::string_view text;
    std::string_view type;
    bool whole_word; ///< abbreviations must be a whole word; names need only start one
};

/// What a title may mention: the distinctive part of each instrument's name (stems such as
/// "ai impact asses" cover assessment/assesment/asssesment) and the abbreviations.
constexpr auto assessment_needles = std::to_array<AssessmentNeedle>({
    {"ai impact asses", "AIIA", false},
    {"algemene rekenkamer", "Toetsingskader Algemene Rekenkamer", false},
    {"data ethics decision aid", "DEDA", false},
    {"data protection impact", "DPIA", false},
    {"ethische bijsluiter", "De Ethische Bijsluiter", false},
    {"ethische data assist", "DEDA", false},
    {"fundamental rights and algorithm", "FRAIA", false},
    {"fundamental rights and impact", "FRIA", false},
    {"fundamental rights impact", "FRIA", false},
    {"fundamentele rechten en algoritme", "FRAIA", false},
    {"gegevensbeschermingseffectbeoordeling", "DPIA", false},
    {"human rights and algorithms", "IAMA", false},
    {"mensenrechten en algoritme", "IAMA", false},
    {"mensenrechtentoets", "IAMA", false},
    {"privacy quick scan", "Privacy Quickscan", false},
    {"privacy quickscan", "Privacy Quickscan", false},
    {"privacy-quickscan", "Privacy Quickscan", false},
    {"uthiek", "Uthiek", false},
    {"z inspection", "Z-Inspection", false},
    {"z-inspection", "Z-Inspection", false},
    {"aiia", "AIIA", true},
    {"deda", "DEDA", true},
    {"dpia", "DPIA", true},
    {"fraia", "FRAIA", true},
    {"fria", "FRIA", true},
    {"iama", "IAMA", true},
});

/// Words that make a title naming DPIA the pre-scan rather than the DPIA itself.
constexpr std::array<std::string_view, 6> prescan_markers{"pre-scan",  "prescan",   "pre scan",
                                                          "voortoets", "quickscan", "quick scan"};

/// True when a title names the DPIA pre-scan: it contains the word DPIA and a pre-scan marker
/// ("Pre-scan DPIA", "DPIA pre-scan", "Quickscan DPIA"). "Privacy Quickscan" is its own
/// instrument, so "quickscan" right after "privacy" is no marker.
bool is_prescan_dpia(std::string_view key) {
    if (find_word(key, "dpia", true) == std::string_view::npos) {
        return false;
    }
    return std::any_of(prescan_markers.begin(), prescan_markers.end(), [&](std::string_view m) {
        for (std::size_t pos = key.find(m); pos != std::string_view::npos;
             pos = key.find(m, pos + 1)) {
            const bool after_privacy = key.substr(0, pos).ends_with("privacy ") ||
                                       key.substr(0, pos).ends_with("privacy-");
            if (!after_privacy) {
                return true;
            }
        }
        return false;
    });
}

struct AssessmentLabel {
    std::string_view type;
    std::string_view label;
};

/// In search::assessment_types order; the official NL labels (the API keys) of §2.1.
constexpr auto assessment_labels = std::to_array<AssessmentLabel>({
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
});

// ---------------------------------------------------------------------------------------------
// Denials and affirmations in 0.x free text (register-model.md §2.2, §6.1)

/// Openings that deny, as whole words: the listing scraper's list ("geen", "nee", "nvt",
/// "n.v.t", "niet", "nog geen", "nog niet", "er is geen", "er zijn geen") plus close variants.
constexpr auto denial_openers = std::to_array<std::string_view>({
    "er heeft geen",
    "er hoeft geen",
    "er is geen",
    "er is nog geen",
    "er wordt geen",
    "er worden geen",
    "er zijn geen",
    "er zijn nog geen",
    "geen",
    "n.v.t",
    "n/a",
    "nee",
    "neen",
    "niet",
    "no",
    "none",
    "nog geen",
    "nog niet",
    "not applicable",
    "nvt",
});

/// Openings that say "not known" rather than "not done"; they are no denial.
constexpr std::array<std::string_view, 3> unknown_openers{"niet bekend", "nog niet bekend",
                                                          "nog onbekend"};

constexpr std::array<std::string_view, 6> affirmation_openers{
    "aanwezig", "afgerond", "is uitgevoerd", "ja", "uitgevoerd", "yes"};

/// Words that turn "... uitgevoerd" into a negation or a plan ("wordt nog uitgevoerd").
constexpr std::array<std::string_view, 9> not_done_words{
    "niet", "geen", "nog", "zal", "zullen", "wordt", "worden", "gaat", "gepland"};

/// True for a value made only of dashes (ASCII '-', U+2013, U+2014) and spaces.
constexpr bool only_dashes(std::string_view key) {
    bool dash = false;
    for (std::size_t i = 0; i < key.size();) {
        if (key[i] == '-') {
            dash = true;
            ++i;
        } else if (key[i] == ' ') {
            ++i;
        } else if (key.substr(i, 3) == "\u2013" || key.substr(i, 3) == "\u2014") {
            dash = true;
            i += 3;
        } else {
            return false;
        }
    }
    return dash;
}

// ---------------------------------------------------------------------------------------------
// Organisation types (register-model.md §4)

enum class NameMatch : std::uint8_t { prefix, contains, suffix, exact };

struct NameRule {
    NameMatch match;
    std::string_view pattern;
    std::string_view type;
};

/// register-model.md §4.2, in order, case-sensitive. The prefixes end in a space so that
/// "Gemeentelijke ..." and "Gemeenschappelijke regeling ..." are no gemeente.
constexpr auto name_rules = std::to_array<NameRule>({
    {NameMatch::prefix, "Gemeente ", "gemeente"},
    {NameMatch::prefix, "Provincie ", "provincie"},
    {NameMatch::prefix, "Waterschap ", "waterschap"},
    {NameMatch::prefix, "Hoogheemraadschap ", "waterschap"},
    {NameMatch::prefix, "Wetterskip ", "waterschap"},
    {NameMatch::contains, "Hoogheemraadschap", "waterschap"},
    {NameMatch::prefix, "Ministerie ", "ministerie"},
    {NameMatch::prefix, "Veiligheidsregio ", "veiligheidsregio"},
    {NameMatch::prefix, "Veiligheids- en Gezondheidsregio ", "veiligheidsregio"},
    {NameMatch::prefix, "Omgevingsdienst ", "omgevingsdienst"},
    {NameMatch::prefix, "Regionale uitvoeringsdienst ", "omgevingsdienst"},
    {NameMatch::prefix, "RUD ", "omgevingsdienst"},
    {NameMatch::contains, "Milieudienst", "omgevingsdienst"},
    {NameMatch::prefix, "Inspectie ", "inspectie"},
    {NameMatch::prefix, "Rijksinspectie ", "inspectie"},
    {NameMatch::suffix, "Arbeidsinspectie", "inspectie"},
    {NameMatch::exact, "Politie", "politie"},
});

struct OrganisationEntry {
    std::string_view key;
    std::string_view type;
};

/// National bodies whose type is certain from their official status (match keys: folded
/// names, aliases and abbreviations). Sources of certainty:
/// - organisatieonderdeel: Belastingdienst and Dienst Toeslagen are parts (dienstonderdelen)
///   of the Ministerie van Financiën; the Douane is part of the Belastingdienst.
/// - agentschap: the baten-lastendiensten of the Rijksoverheid's list of agentschappen: RvIG,
///   Logius, Rijksvastgoedbedrijf (BZK); RVO (EZK); Rijkswaterstaat (IenW); DUO (OCW); CJIB,
///   DJI, IND, NFI (JenV); CIBG, RIVM (VWS).
/// - zelfstandig_bestuursorgaan: bodies in the Register van zelfstandige bestuursorganen: UWV,
///   SVB, CBS, Kadaster, RDW (Dienst Wegverkeer), KVK, ACM, AP, COA, CIZ, CBR, NZa,
///   Commissariaat voor de Media, Staatsbosbeheer, College van Toezicht Auteursrechten, Raad
///   voor Rechtsbijstand, Instituut Mijnbouwschade Groningen.
/// Left out on purpose (type not certain or not one key): NVWA (agentschap and inspectorate),
/// KNMI, Nationaal Archief, Justis, Justid, DT&V, Raad voor de Kinderbescherming, NCG, NIPV,
/// TNO, foundations (Stichting ...), joint arrangements (Gemeenschappelijke regeling ...),
/// companies (Liander N.V.).
constexpr auto curated_organisations = std::to_array<OrganisationEntry>({
    {"acm", "zelfstandig_bestuursorgaan"},
    {"autoriteit consument en markt", "zelfstandig_bestuursorgaan"},
    {"autoriteit persoonsgegevens", "zelfstandig_bestuursorgaan"},
    {"belastingdienst", "organisatieonderdeel"},
    {"belastingdienst toeslagen", "organisatieonderdeel"},
    {"belastingdienst/toeslagen", "organisatieonderdeel"},
    {"cbr", "zelfstandig_bestuursorgaan"},
    {"cbs", "zelfstandig_bestuursorgaan"},
    {"centraal bureau rijvaardigheidsbewijzen", "zelfstandig_bestuursorgaan"},
    {"centraal bureau voor de statistiek", "zelfstandig_bestuursorgaan"},
    {"centraal justitieel incassobureau", "agentschap"},
    {"centraal orgaan opvang asielzoekers", "zelfstandig_bestuursorgaan"},
    {"centrum indicatiestelling zorg", "zelfstandig_bestuursorgaan"},
    {"cibg", "agentschap"},
    {"ciz", "zelfstandig_bestuursorgaan"},
    {"ciz centrum indicatiestelling zorg", "zelfstandig_bestuursorgaan"},
    {"cjib", "agentschap"},
    {"coa", "zelfstandig_bestuursorgaan"},
    {"college van toezicht auteursrechten", "zelfstandig_bestuursorgaan"},
    {"commissariaat voor de media", "zelfstandig_bestuursorgaan"},
    {"cvdm", "zelfstandig_bestuursorgaan"},
    {"cvta", "zelfstandig_bestuursorgaan"},
    {"dienst justitiele inrichtingen", "agentschap"},
    {"dienst toeslagen", "organisatieonderdeel"},
    {"dienst uitvoering onderwijs", "agentschap"},
    {"dienst voor het kadaster en de openbare registers", "zelfstandig_bestuursorgaan"},
    {"dienst wegverkeer", "zelfstandig_bestuursorgaan"},
    {"dji", "agentschap"},
    {"douane", "organisatieonderdeel"},
    {"douane nederland", "organisatieonderdeel"},
    {"duo", "agentschap"},
    {"img", "zelfstandig_bestuursorgaan"},
    {"immigratie- en naturalisatiedienst", "agentschap"},
    {"ind", "agentschap"},
    {"instituut mijnbouwschade groningen", "zelfstandig_bestuursorgaan"},
    {"kadaster", "zelfstandig_bestuursorgaan"},
    {"kamer van koophandel", "zelfstandig_bestuursorgaan"},
    {"kvk", "zelfstandig_bestuursorgaan"},
    {"logius", "agentschap"},
    {"nederlands forensisch instituut", "agentschap"},
    {"nederlandse zorgautoriteit", "zelfstandig_bestuursorgaan"},
    {"nfi", "agentschap"},
    {"nza", "zelfstandig_bestuursorgaan"},
    {"raad voor rechtsbijstand", "zelfstandig_bestuursorgaan"},
    {"rdw", "zelfstandig_bestuursorgaan"},
    {"rijksdienst voor identiteitsgegevens", "agentschap"},
    {"rijksdienst voor ondernemend nederland", "agentschap"},
    {"rijksinstituut voor volksgezondheid en milieu", "agentschap"},
    {"rijksvastgoedbedrijf", "agentschap"},
    {"rijkswaterstaat", "agentschap"},
    {"rivm", "agentschap"},
    {"rvig", "agentschap"},
    {"rvo", "agentschap"},
    {"rws", "agentschap"},
    {"sociale verzekeringsbank", "zelfstandig_bestuursorgaan"},
    {"staatsbosbeheer", "zelfstandig_bestuursorgaan"},
    {"svb", "zelfstandig_bestuursorgaan"},
    {"toeslagen", "organisatieonderdeel"},
    {"uitvoeringsinstituut werknemersverzekeringen", "zelfstandig_bestuursorgaan"},
    {"uwv", "zelfstandig_bestuursorgaan"},
});
static_assert(strictly_sorted(curated_organisations));

} // namespace

// =============================================================================================

std::string collapse_whitespace(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < value.size();) {
        if (const std::size_t length = whitespace_length(value, i); length > 0) {
            pending_space = !out.empty();
            i += length;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.push_back(value[i]);
        ++i;
    }
    return out;
}

std::optional<std::string> normalise_status(std::string_view value) {
    const std::string full_key = match_key(value, true);
    const std::string_view key = trim_right(full_key, " .!;:");
    if (key.empty()) {
        return std::nullopt;
    }
    if (const auto* found = find_key(status_phrases, key)) {
        return std::string(label_of(found->status));
    }
    if (const auto status = status_of_sentence(key)) {
        return std::string(label_of(*status));
    }
    return std::nullopt;
}

std::string status_code(std::string_view normalised_status) {
    for (const auto& name : status_names) {
        if (name.label == normalised_status) {
            return std::string(name.code);
        }
    }
    if (const auto status = normalise_status(normalised_status)) {
        return status_code(*status);
    }
    return {};
}

std::optional<std::string> normalise_publication_category(std::string_view value) {
    const std::string full_key = match_key(value, true);
    const std::string_view key = trim_right(full_key, " .");
    if (key.empty()) {
        return std::nullopt;
    }
    std::optional<std::uint8_t> category = category_of(key);
    // "Impactvolle algoritmes (Categorie B)": the name and the letter must agree.
    if (!category && key.back() == ')') {
        const std::size_t open = key.rfind('(');
        if (open != std::string_view::npos) {
            const auto letter = category_of(key.substr(open + 1, key.size() - open - 2));
            const std::string_view name = trim_right(key.substr(0, open), " ");
            const auto named = name.empty() ? letter : category_of(name);
            if (letter && named && *letter == *named) {
                category = letter;
            }
        }
    }
    if (!category) {
        return std::nullopt;
    }
    return std::string(category_labels[*category]);
}

std::vector<std::string> split_theme_string(std::string_view value) {
    const std::string text = collapse_whitespace(value);
    if (text.empty()) {
        return {};
    }
    if (text.front() == '{' && text.back() == '}') {
        return split_array_literal(std::string_view(text).substr(1, text.size() - 2));
    }
    if (text.front() == '[' && text.back() == ']') {
        const auto parsed = nlohmann::json::parse(text, nullptr, false);
        if (parsed.is_array() && std::all_of(parsed.begin(), parsed.end(),
                                             [](const auto& item) { return item.is_string(); })) {
            std::vector<std::string> items;
            for (const auto& item : parsed) {
                if (std::string t = collapse_whitespace(item.template get<std::string>());
                    !t.empty()) {
                    items.push_back(std::move(t));
                }
            }
            return items;
        }
    }
    const std::string key = match_key(text, false);
    if (std::find(comma_themes.begin(), comma_themes.end(), key) != comma_themes.end()) {
        return {text};
    }
    return split_comma_list(text);
}

std::vector<std::string> normalise_themes(const std::vector<std::string>& items) {
    std::vector<std::string> themes;
    std::vector<std::string> seen; // match keys of `themes`
    for (const auto& item : items) {
        for (auto& piece : split_theme_string(item)) {
            const std::string key = match_key(piece, false);
            const auto* found = find_key(theme_table, key);
            std::string theme = found ? std::string(found->theme) : std::move(piece);
            std::string theme_key = found ? match_key(theme, false) : key;
            if (std::find(seen.begin(), seen.end(), theme_key) == seen.end()) {
                seen.push_back(std::move(theme_key));
                themes.push_back(std::move(theme));
            }
        }
    }
    return themes;
}

std::optional<std::string> canonical_assessment_type(std::string_view title) {
    const std::string full_key = match_key(title, false);
    const std::string_view key = trim_right(full_key, " .:;,");
    if (key.empty()) {
        return std::nullopt;
    }
    if (const auto* found = find_key(assessment_titles, key)) {
        return std::string(found->type);
    }
    if (is_prescan_dpia(key)) {
        return std::string("Pre-scan DPIA");
    }
    // The instrument named first wins ("IAMA en DPIA" -> IAMA; "Data Protection Impact
    // Assessment (DPIA)" -> DPIA at the name); at one position the longer needle wins.
    const AssessmentNeedle* best = nullptr;
    std::size_t best_pos = std::string_view::npos;
    for (const auto& needle : assessment_needles) {
        const std::size_t pos = find_word(key, needle.text, needle.whole_word);
        if (pos < best_pos || (pos != std::string_view::npos && pos == best_pos &&
                               needle.text.size() > best->text.size())) {
            best = &needle;
            best_pos = pos;
        }
    }
    if (best == nullptr) {
        return std::nullopt;
    }
    return std::string(best->type);
}

std::string assessment_label(std::string_view type) {
    for (const auto& entry : assessment_labels) {
        if (entry.type == type) {
            return std::string(entry.label);
        }
    }
    return std::string(type);
}

bool is_denial(std::string_view value) {
    const std::string key = match_key(value, false);
    if (key.empty()) {
        return false;
    }
    if (only_dashes(key)) {
        return true;
    }
    const auto opens_with = [&](std::string_view phrase) {
        return starts_with_phrase(key, phrase);
    };
    if (std::any_of(unknown_openers.begin(), unknown_openers.end(), opens_with)) {
        return false;
    }
    return std::any_of(denial_openers.begin(), denial_openers.end(), opens_with);
}

bool is_affirmation(std::string_view value) {
    const std::string key = match_key(value, false);
    if (key.empty() || is_denial(value)) {
        return false;
    }
    const auto opens_with = [&](std::string_view phrase) {
        return starts_with_phrase(key, phrase);
    };
    if (std::any_of(affirmation_openers.begin(), affirmation_openers.end(), opens_with)) {
        return true;
    }
    // "Er is een DPIA uitgevoerd": a completed assessment, unless negated or only planned.
    const auto has_word = [&](std::string_view word) {
        return find_word(key, word, true) != std::string_view::npos;
    };
    return (has_word("uitgevoerd") || has_word("afgerond")) &&
           std::none_of(not_done_words.begin(), not_done_words.end(), has_word);
}

std::string organisation_type_from_name_rules(std::string_view name) {
    const std::string trimmed = collapse_whitespace(name);
    const std::string_view n = trimmed;
    for (const auto& rule : name_rules) {
        bool applies = false;
        switch (rule.match) {
        case NameMatch::prefix:
            applies = n.starts_with(rule.pattern);
            break;
        case NameMatch::contains:
            applies = n.find(rule.pattern) != std::string_view::npos;
            break;
        case NameMatch::suffix:
            applies = n.ends_with(rule.pattern);
            break;
        case NameMatch::exact:
            applies = n == rule.pattern;
            break;
        }
        if (applies) {
            return std::string(rule.type);
        }
    }
    return {};
}

std::string organisation_type_from_curated_table(std::string_view name) {
    const std::string key = match_key(name, false);
    if (const auto* found = find_key(curated_organisations, key)) {
        return std::string(found->type);
    }
    // "Sociale Verzekeringsbank (SVB)": the name without its abbreviation.
    if (const std::size_t open = key.rfind(" ("); open != std::string::npos && key.ends_with(')')) {
        if (const auto* found = find_key(curated_organisations, key.substr(0, open))) {
            return std::string(found->type);
        }
    }
    return {};
}

std::string organisation_type_from_name(std::string_view name) {
    if (std::string type = organisation_type_from_name_rules(name); !type.empty()) {
        return type;
    }
    return organisation_type_from_curated_table(name);
}

std::string organisation_type_label(std::string_view key) {
    // One table of type labels, in search/ (the facets label types too).
    return search::is_organisation_type(key) ? search::organisation_type_label(key)
                                             : std::string(key);
}

bool is_organisation_type(std::string_view key) {
    return search::is_organisation_type(key);
}

std::string normalise_standard_version(std::string_view value) {
    const std::string text = collapse_whitespace(value);
    const std::size_t begin = text.find_first_of("0123456789");
    if (begin == std::string::npos) {
        return text; // nothing that looks like a version: kept as given
    }
    std::size_t end = begin;
    while (end < text.size() && (text[end] == '.' || (text[end] >= '0' && text[end] <= '9'))) {
        ++end;
    }
    std::string version(trim_right(std::string_view(text).substr(begin, end - begin), "."));
    // Three components with a final 0 lose it: 1.0.0 -> 1.0; 0.2.3 and 0.3.1 stay.
    if (std::count(version.begin(), version.end(), '.') == 2 && version.ends_with(".0")) {
        version.resize(version.size() - 2);
    }
    return version;
}

} // namespace algreg::indexer
