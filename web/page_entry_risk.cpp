#include "web/page_entry_risk.h"

#include "search/risk_profile.h"
#include "search/risk_rules.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_url.h"

namespace algreg::web {

namespace {

/// The title of a rule field ("goal" -> "Doel en impact").
std::string field_title(std::string_view key, Lang lang) {
    if (const auto* f = search::find_string_field(key)) {
        return std::string(lang == Lang::en ? f->title_en : f->title_nl);
    }
    if (key == "source_data_grouping") {
        return std::string(in_language(lang, "Gegevens (lijst)", "Data (list)"));
    }
    return std::string(
        in_language(lang, "Velden van een oudere standaard", "Fields of an older standard"));
}

std::string class_label(std::string_view class_name, Lang lang) {
    const auto c = search::characteristic_of(class_name);
    if (c.empty()) {
        return std::string(in_language(lang, "Risicoprofiel", "Risk profile"));
    }
    return std::string(in_language(lang, "Kenmerk: ", "Characteristic: ")) +
           search::characteristic_label(c, lang == Lang::en);
}

} // namespace

std::string entry_risk_heading(Lang lang) {
    return std::string(
        in_language(lang, "Risicoprofiel en kenmerken", "Risk profile and characteristics"));
}

std::string render_entry_risk(const search::AlgorithmRecord& r, Lang lang) {
    std::string h =
        "<section class=\"entry-section\" aria-labelledby=\"risico\"><h2 id=\"risico\">" +
        esc(entry_risk_heading(lang)) + "</h2>";
    const bool profile = search::is_risk_profile(r);
    h +=
        "<p>" +
        esc(profile ? in_language(
                          lang,
                          "Volgens de regels selecteert, scoort of markeert dit algoritme personen "
                          "of huishoudens op risico.",
                          "By the rules, this algorithm selects, scores or flags persons or "
                          "households by risk.")
                    : in_language(lang, "De regels vonden geen risicoprofiel van personen.",
                                  "The rules found no risk profile of persons.")) +
        "</p>";
    const auto found = search::characteristics_of(r);
    if (!found.empty()) {
        h += "<p>" + esc(in_language(lang, "Genoemde kenmerken: ", "Characteristics mentioned: "));
        for (std::size_t i = 0; i < found.size(); ++i) {
            h += (i == 0 ? "" : ", ") +
                 esc(search::characteristic_label(found[i], lang == Lang::en));
        }
        h += ". " +
             esc(in_language(lang, "Een kenmerk noemen is geen bewijs van discriminatie.",
                             "Mentioning a characteristic is not proof of discrimination.")) +
             "</p>";
    }
    if (r.listing_only) {
        h += "<p class=\"notice\">" +
             esc(in_language(
                 lang,
                 "Alleen op titel en doel beoordeeld: van dit algoritme is alleen de lijst "
                 "van het register bekend.",
                 "Judged on title and goal only: only the register's listing is known for "
                 "this algorithm.")) +
             "</p>";
    }
    if (!r.risk_evidence.empty()) {
        const std::string caption(
            in_language(lang, "Welke regel vond welke woorden", "Which rule found which words"));
        // Scrolls sideways inside its own focusable region on a phone, as the other tables.
        h += "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
             esc(caption) + "\"><table class=\"evidence\"><caption>" + esc(caption) +
             "</caption><thead><tr><th scope=\"col\">" + esc(in_language(lang, "Regel", "Rule")) +
             "</th><th scope=\"col\">" + esc(in_language(lang, "Klasse", "Class")) +
             "</th><th scope=\"col\">" + esc(in_language(lang, "Veld", "Field")) +
             "</th><th scope=\"col\">" + esc(in_language(lang, "Woorden", "Words")) +
             "</th></tr></thead><tbody>";
        for (const auto& e : r.risk_evidence) {
            h += "<tr><td><a href=\"" +
                 esc(localised_path(lang, "/risicoprofielen/regels") + "#regel-" + e.rule) + "\">" +
                 esc(e.rule) + "</a></td><td>" + esc(class_label(e.class_name, lang)) +
                 "</td><td>" + esc(field_title(e.field, lang)) + "</td><td><q>" + esc(e.words) +
                 "</q></td></tr>";
        }
        h += "</tbody></table></div>";
    }
    h += "<p><a href=\"" + esc(localised_path(lang, "/risicoprofielen")) + "\">" +
         esc(in_language(lang, "Over risicoprofielen en de regels",
                         "About risk profiles and the rules")) +
         "</a></p></section>";
    return h;
}

} // namespace algreg::web
