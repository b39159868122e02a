#include "web/page_risk_profiles.h"

#include "search/facet_labels.h"
#include "search/risk_rules.h"
#include "search/schema.h"
#include "web/html_builder.h"
#include "web/page_url.h"

#include <algorithm>
#include <map>

namespace algreg::web {

namespace {

using search::SearchRequest;
using search::SearchResult;

SearchRequest profiles_request() {
    SearchRequest r = counting_request();
    r.filters[std::string(search::facet::risk_profile.name)] = {"ja"};
    return r;
}

SearchRequest with(SearchRequest r, std::string_view facet, std::set<std::string> values) {
    r.filters[std::string(facet)] = std::move(values);
    return r;
}

/// The search a link opens: the counting request as a normal first page.
SearchRequest linked(SearchRequest r) {
    const SearchRequest defaults;
    r.page_size = defaults.page_size;
    r.snippets = defaults.snippets;
    r.spelling = defaults.spelling;
    r.facet_limit = defaults.facet_limit;
    return r;
}

/// One counting search and its facet counts by facet name and value.
struct Counted {
    SearchRequest request;
    std::size_t total = 0;
    std::map<std::string, std::map<std::string, std::size_t>, std::less<>> counts;
};

Counted run(const SearchFunction& search, const SearchRequest& request) {
    const SearchResult result = search(request);
    Counted c{request, result.total, {}};
    for (const auto& f : result.facets) {
        for (const auto& v : f.values) {
            c.counts[f.name][v.value] = v.count;
        }
    }
    return c;
}

/// The cell of `counted` restricted to facet value (facet, value); the whole search without.
RiskCell cell(const Counted& counted, std::string_view facet, const std::string& value) {
    if (facet.empty()) {
        return {counted.total, linked(counted.request)};
    }
    std::size_t n = 0;
    if (const auto f = counted.counts.find(facet); f != counted.counts.end()) {
        if (const auto v = f->second.find(value); v != f->second.end()) {
            n = v->second;
        }
    }
    return {n, linked(with(counted.request, facet, {value}))};
}

struct Searches {
    Counted profiles, dpia, iama, no_iama, human, listing;
    std::vector<std::pair<std::string, Counted>> by_characteristic;
};

RiskRow row(const Searches& s, std::string label, std::string_view facet,
            const std::string& value) {
    RiskRow r;
    r.label = std::move(label);
    r.profiles = cell(s.profiles, facet, value);
    r.with_dpia = cell(s.dpia, facet, value);
    r.with_iama = cell(s.iama, facet, value);
    r.without_iama = cell(s.no_iama, facet, value);
    r.human_intervention = cell(s.human, facet, value);
    r.title_and_goal_only = cell(s.listing, facet, value);
    for (const auto& [c, counted] : s.by_characteristic) {
        RiskCell k = cell(counted, facet, value);
        if (k.count > 0) {
            r.characteristics.emplace_back(c, std::move(k));
        }
    }
    return r;
}

/// Rows for each value of `facet` among the profiles, most profiles first.
std::vector<RiskRow> rows_of(const Searches& s, std::string_view facet, Lang lang) {
    std::vector<std::pair<std::string, std::size_t>> values;
    if (const auto f = s.profiles.counts.find(facet); f != s.profiles.counts.end()) {
        values.assign(f->second.begin(), f->second.end());
    }
    std::stable_sort(values.begin(), values.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<RiskRow> rows;
    for (const auto& [value, count] : values) {
        if (count == 0) {
            continue;
        }
        std::string label = value;
        if (facet == search::facet::organisation_type.name) {
            label = value == "onbekend" ? std::string(in_language(lang, "Onbekend", "Unknown"))
                                        : search::organisation_type_label(value);
        }
        rows.push_back(row(s, std::move(label), facet, value));
    }
    return rows;
}

std::string number_link(const RiskCell& c, Lang lang) {
    return "<a href=\"" + esc(page_url(lang, "/", c.request)) + "\">" +
           esc(format_count(c.count, lang)) + "</a>";
}

std::string table_html(const std::vector<RiskRow>& rows, const RiskRow* total, std::string_view id,
                       std::string_view caption, std::string_view first, Lang lang) {
    std::string h = "<div class=\"table-scroll\"><table class=\"risk-table\" id=\"" +
                    std::string(id) + "\"><caption>" + esc(caption) + "</caption><thead><tr>";
    for (const auto head :
         {first, in_language(lang, "Risicoprofielen", "Risk profiles"),
          in_language(lang, "met DPIA", "with a DPIA"),
          in_language(lang, "met IAMA", "with an IAMA"),
          in_language(lang, "zonder IAMA", "without an IAMA"),
          in_language(lang, "menselijke tussenkomst beschreven", "human intervention described"),
          in_language(lang, "alleen op titel en doel beoordeeld", "judged on title and goal only"),
          in_language(lang, "genoemde kenmerken", "characteristics mentioned")}) {
        h += "<th scope=\"col\">" + esc(head) + "</th>";
    }
    h += "</tr></thead><tbody>";
    auto line = [&](const RiskRow& r, bool strong) {
        h += strong ? "<tr class=\"total\">" : "<tr>";
        h += "<th scope=\"row\">" + esc(r.label) + "</th>";
        for (const auto* c : {&r.profiles, &r.with_dpia, &r.with_iama, &r.without_iama,
                              &r.human_intervention, &r.title_and_goal_only}) {
            h += "<td>" + number_link(*c, lang) + "</td>";
        }
        h += "<td>";
        for (std::size_t i = 0; i < r.characteristics.size(); ++i) {
            const auto& [name, c] = r.characteristics[i];
            h += (i == 0 ? "" : ", ") + esc(search::characteristic_label(name, lang == Lang::en)) +
                 " " + number_link(c, lang);
        }
        h += "</td></tr>";
    };
    if (total != nullptr) {
        line(*total, true);
    }
    for (const auto& r : rows) {
        line(r, false);
    }
    h += "</tbody></table></div>";
    return h;
}

} // namespace

SearchRequest risk_profiles_without_iama() {
    return linked(with(profiles_request(), search::facet::assessment.name,
                       {"iama-niet-uitgevoerd", "iama-onbekend", "iama-niet-vermeld"}));
}

RiskProfiles build_risk_profiles(const SearchFunction& search, Lang lang) {
    namespace f = search::facet;
    const SearchRequest base = profiles_request();
    Searches s;
    s.profiles = run(search, base);
    s.dpia = run(search, with(base, f::assessment.name, {"dpia-uitgevoerd"}));
    s.iama = run(search, with(base, f::assessment.name, {"iama-uitgevoerd"}));
    s.no_iama = run(search, with(base, f::assessment.name,
                                 {"iama-niet-uitgevoerd", "iama-onbekend", "iama-niet-vermeld"}));
    s.human = run(search, with(base, f::human_intervention.name, {"beschreven"}));
    s.listing = run(search, with(base, f::human_intervention.name, {"onbekend"}));
    for (const auto c : search::characteristics) {
        s.by_characteristic.emplace_back(
            std::string(c), run(search, with(base, f::characteristic.name, {std::string(c)})));
    }
    SearchRequest everything = base;
    everything.filters.clear();
    everything.facets = false;

    RiskProfiles p;
    p.total_entries = search(everything).total;
    p.all =
        row(s, std::string(in_language(lang, "Alle risicoprofielen", "All risk profiles")), "", "");
    p.full_record = {
        p.all.profiles.count - p.all.title_and_goal_only.count,
        linked(with(base, f::human_intervention.name, {"beschreven", "niet_beschreven"}))};
    p.by_type = rows_of(s, f::organisation_type.name, lang);
    p.by_organisation = rows_of(s, f::organisation.name, lang);
    if (const auto o = s.profiles.counts.find(f::organisation.name); o != s.profiles.counts.end()) {
        // Organisation rows carry the value as label so far: use the display names.
        const SearchResult named = search(base);
        for (auto& r : p.by_organisation) {
            for (const auto& facet : named.facets) {
                if (facet.name != f::organisation.name) {
                    continue;
                }
                for (const auto& v : facet.values) {
                    if (v.value == r.label) {
                        r.label = v.label;
                    }
                }
            }
        }
    }

    p.chart.id = "iama-per-type";
    p.chart.title =
        std::string(in_language(lang, "Risicoprofielen per type organisatie, met en zonder IAMA",
                                "Risk profiles per organisation type, with and without an IAMA"));
    p.chart.description = std::string(
        in_language(lang,
                    "Per type organisatie het aantal risicoprofielen waarvoor een IAMA is "
                    "uitgevoerd en waarvoor dat niet of niet bekend is.",
                    "Per organisation type, the number of risk profiles with an IAMA done and "
                    "with an IAMA not done or not known."));
    p.chart.series = {std::string(in_language(lang, "IAMA uitgevoerd", "IAMA done")),
                      std::string(in_language(lang, "geen IAMA bekend", "no IAMA known"))};
    p.chart.series_classes = {"done", "not-done"};
    p.chart.row_header = std::string(in_language(lang, "Type organisatie", "Organisation type"));
    for (const auto& r : p.by_type) {
        p.chart.rows.push_back({r.label, {r.with_iama.count, r.without_iama.count}});
    }
    return p;
}

std::vector<const RiskCell*> risk_cells(const RiskProfiles& p) {
    std::vector<const RiskCell*> out;
    auto add = [&](const RiskRow& r) {
        for (const auto* c : {&r.profiles, &r.with_dpia, &r.with_iama, &r.without_iama,
                              &r.human_intervention, &r.title_and_goal_only}) {
            out.push_back(c);
        }
        for (const auto& [name, c] : r.characteristics) {
            out.push_back(&c);
        }
    };
    add(p.all);
    out.push_back(&p.full_record);
    for (const auto& r : p.by_type) {
        add(r);
    }
    for (const auto& r : p.by_organisation) {
        add(r);
    }
    return out;
}

std::string render_risk_profiles_page(const RiskProfiles& p, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    Document d;
    d.title = std::string(in_language(lang, "Risicoprofielen", "Risk profiles"));
    d.nav_current = "risk-profiles";
    d.alternate_href = localised_path(other, "/risicoprofielen");
    d.description = std::string(in_language(
        lang, "Algoritmen die personen selecteren of scoren op risico, per organisatie.",
        "Algorithms that select or score persons by risk, per organisation."));
    std::string h = "<div class=\"page-intro\"><h1>" + esc(d.title) + "</h1><p class=\"lead\">";
    const std::string all_entries = "<a href=\"" + esc(localised_path(lang, "/")) + "\">" +
                                    esc(format_count(p.total_entries, lang)) + "</a>";
    h += lang == Lang::en
             ? "Of the " + all_entries + " entries in the register, " +
                   number_link(p.all.profiles, lang) +
                   " say in their own text that they select, score or flag persons or "
                   "households by risk."
             : "Van de " + all_entries + " algoritmen in het register zeggen er " +
                   number_link(p.all.profiles, lang) +
                   " in hun eigen tekst dat ze personen of huishoudens selecteren, scoren of "
                   "markeren op risico.";
    h += "</p><p><a class=\"button\" href=\"" + esc(page_url(lang, "/", p.all.profiles.request)) +
         "\">" + esc(in_language(lang, "Alle risicoprofielen", "All risk profiles")) +
         "</a> <a class=\"button\" href=\"" +
         esc(page_url(lang, "/", risk_profiles_without_iama())) + "\">" +
         esc(in_language(lang, "Risicoprofielen zonder IAMA", "Risk profiles without an IAMA")) +
         " (" + esc(format_count(p.all.without_iama.count, lang)) + ")</a></p></div>";

    h += "<section aria-labelledby=\"wat-zegt-dit\"><h2 id=\"wat-zegt-dit\">" +
         esc(in_language(lang, "Wat deze indeling wel en niet zegt",
                         "What this classification can and "
                         "cannot tell")) +
         "</h2>";
    if (lang == Lang::en) {
        h += "<p>The classification comes from rules over the text organisations publish in the "
             "register themselves (name, goal, description, data, risks and so on). An algorithm "
             "is listed here when that text says it selects, scores or flags persons or "
             "households by risk: risk models, selection models, fraud and misuse detection "
             "aimed at people, recidivism risk. Algorithms about objects (bridges, cables, "
             "traffic lights, parking spaces), about companies, or about risks to "
             "infrastructure do not count.</p>"
             "<p>Rules miss algorithms whose text is vague, and sometimes include one that only "
             "talks about risk; their precision and recall were measured on hand-labelled "
             "entries and are published with the criteria. <strong>Mentioning a characteristic "
             "such as age, postcode or nationality is not proof of discrimination</strong>: many "
             "are required by law, and a text may say that a characteristic is <em>not</em> used "
             "(the rules skip such negations, not always without error). Conversely, a "
             "characteristic that is not mentioned may still weigh through other data.</p>"
             "<p id=\"alleen-titel-en-doel\">" +
             number_link(p.all.title_and_goal_only, lang) +
             " of these risk profiles are known only from the register's listing: they were "
             "judged on their title and goal only (the number opens the list of them). The "
             "other " +
             number_link(p.full_record, lang) +
             " were judged on their full record. Full records from a sync give more to judge. "
             "A DPIA or IAMA counts as done when the register or an attached list says so.</p>";
    } else {
        h += "<p>De indeling komt uit regels over de tekst die organisaties zelf in het register "
             "zetten (naam, doel, beschrijving, gegevens, risico's enzovoort). Een algoritme "
             "staat hier als die tekst zegt dat het personen of huishoudens selecteert, scoort "
             "of markeert op risico: risicomodellen, selectiemodellen, fraude- en "
             "misbruikopsporing gericht op mensen, recidiverisico. Algoritmen over objecten "
             "(bruggen, kabels, verkeerslichten, parkeerplaatsen), over bedrijven of over "
             "risico's voor infrastructuur tellen niet mee.</p>"
             "<p>De regels missen algoritmen met een vage tekst en nemen soms een algoritme op "
             "dat alleen over risico's praat; hun precisie en recall zijn gemeten op met de hand "
             "beoordeelde algoritmen en staan bij de criteria. <strong>Een kenmerk als "
             "leeftijd, postcode of nationaliteit noemen is geen bewijs van "
             "discriminatie</strong>: veel kenmerken zijn wettelijk nodig, en een tekst kan ook "
             "zeggen dat een kenmerk juist <em>niet</em> wordt gebruikt (zulke ontkenningen "
             "slaan de regels over, niet altijd foutloos). Omgekeerd kan een kenmerk dat niet "
             "genoemd wordt via andere gegevens toch meewegen.</p>"
             "<p id=\"alleen-titel-en-doel\">Van deze risicoprofielen kent algreg er " +
             number_link(p.all.title_and_goal_only, lang) +
             " alleen uit de lijst van het register: die zijn alleen op titel en doel "
             "beoordeeld (het getal opent de lijst ervan). De andere " +
             number_link(p.full_record, lang) +
             " zijn op hun volledige beschrijving beoordeeld. Volledige beschrijvingen uit een "
             "sync geven meer om te beoordelen. Een DPIA of IAMA telt als uitgevoerd als het "
             "register of een bijgevoegde lijst dat zegt.</p>";
    }
    h += "<p><a href=\"" + esc(localised_path(lang, "/risicoprofielen/regels")) + "\">" +
         esc(in_language(lang, "De regels en criteria", "The rules and criteria")) +
         "</a></p></section>";

    h += render_chart(p.chart, lang);
    h += "<section aria-labelledby=\"per-type\"><h2 id=\"per-type\">" +
         esc(in_language(lang, "Per type organisatie", "Per organisation type")) + "</h2>";
    h += table_html(
        p.by_type, &p.all, "tabel-type",
        in_language(lang, "Risicoprofielen per type organisatie; elk getal opent de zoekopdracht",
                    "Risk profiles per organisation type; every number opens the search"),
        in_language(lang, "Type organisatie", "Organisation type"), lang);
    h += "</section><section aria-labelledby=\"per-organisatie\"><h2 id=\"per-organisatie\">" +
         esc(in_language(lang, "Per organisatie", "Per organisation")) + "</h2>";
    h += table_html(p.by_organisation, nullptr, "tabel-organisatie",
                    in_language(lang,
                                "Risicoprofielen per organisatie; elk getal opent de zoekopdracht",
                                "Risk profiles per organisation; every number opens the search"),
                    in_language(lang, "Organisatie", "Organisation"), lang);
    h += "</section>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

std::string render_risk_rules_page(const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    Document d;
    d.title =
        std::string(in_language(lang, "Regels voor risicoprofielen", "Rules for risk profiles"));
    d.nav_current = "risk-profiles";
    d.alternate_href = localised_path(other, "/risicoprofielen/regels");
    std::string h =
        "<div class=\"page-intro\"><h1>" + esc(d.title) + "</h1><p class=\"lead\">" +
        esc(in_language(lang,
                        "Een regel vuurt als een van zijn patronen in een van zijn velden "
                        "staat, zonder een uitsluiting eerder in dezelfde zin, met een van de "
                        "vereiste woorden ergens in die velden, en zonder uitgesloten woord in "
                        "de naam. Een woord met * is een begin van een woord. De criteria en "
                        "de gemeten kwaliteit staan in docs/risk-profiles.md.",
                        "A rule fires when one of its patterns is in one of its fields, with "
                        "no exclusion earlier in the same sentence, one of the required words "
                        "somewhere in those fields, and no excluded word in the name. A word "
                        "with * is the start of a word. The criteria and the measured quality "
                        "are in docs/risk-profiles.md.")) +
        "</p></div>";
    h += "<div class=\"table-scroll\"><table class=\"risk-rules\"><caption>" +
         esc(in_language(lang, "Alle regels", "All rules")) + "</caption><thead><tr>";
    for (const auto head :
         {in_language(lang, "Regel", "Rule"), in_language(lang, "Klasse", "Class"),
          in_language(lang, "Velden", "Fields"), in_language(lang, "Patronen", "Patterns"),
          in_language(lang, "Niet na (in de zin)", "Not after (in the sentence)"),
          in_language(lang, "Vereist", "Requires"),
          in_language(lang, "Niet in de naam", "Not in the name"),
          in_language(lang, "Reden", "Reason")}) {
        h += "<th scope=\"col\">" + esc(head) + "</th>";
    }
    h += "</tr></thead><tbody>";
    for (const auto& r : search::bundled_risk_rules()) {
        std::string fields;
        for (const auto& f : r.fields) {
            fields += (fields.empty() ? "" : ", ") + f;
        }
        h += "<tr id=\"regel-" + esc(r.id) + "\"><th scope=\"row\">" + esc(r.id) + "</th><td>" +
             esc(r.class_name) + "</td><td>" + esc(fields) + "</td>";
        for (const auto* text :
             {&r.patterns_text, &r.not_in_sentence_text, &r.requires_text, &r.not_in_title_text}) {
            h += "<td>" + esc(*text) + "</td>";
        }
        h += "<td>" + esc(r.reason) + "</td></tr>";
    }
    h += "</tbody></table></div><p><a href=\"" + esc(localised_path(lang, "/risicoprofielen")) +
         "\">" + esc(in_language(lang, "Terug naar risicoprofielen", "Back to risk profiles")) +
         "</a></p>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
