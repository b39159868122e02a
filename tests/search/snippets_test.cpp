// The highlighter: escaping, marking by stem and prefix, window choice, cutting.
#include "search/snippets.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <string>

using algreg::search::Analyzer;
using algreg::search::Highlighter;
using algreg::search::HighlightTerms;

namespace {

HighlightTerms stems_of(std::initializer_list<const char*> words) {
    Analyzer analyzer;
    HighlightTerms terms;
    for (const char* w : words) {
        terms.add_stem(analyzer.analyse(w).stem, algreg::search::all_fields_mask);
    }
    return terms;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

bool valid_utf8(const std::string& s) {
    try {
        (void)nlohmann::json(s).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

} // namespace

TEST_CASE("marking is by stem, case- and accent-insensitive, and escapes everything else") {
    Analyzer analyzer;
    const auto terms = stems_of({"fraude", "financiele"});
    Highlighter h(terms, analyzer);
    CHECK(h.mark_all("Fraude & <script> bij Financiële zaken") ==
          "<mark>Fraude</mark> &amp; &lt;script&gt; bij <mark>Financiële</mark> zaken");
    CHECK(h.mark_all("fraudes\nvervolgd") == "<mark>fraudes</mark> vervolgd");
    CHECK(h.mark_all("geen treffer") == "geen treffer");
}

TEST_CASE("prefixes mark every word that starts with them") {
    Analyzer analyzer;
    HighlightTerms terms;
    terms.add_prefix("financ", algreg::search::all_fields_mask);
    Highlighter h(terms, analyzer);
    CHECK(h.mark_all("Financiën en financiering, niet finale") ==
          "<mark>Financiën</mark> en <mark>financiering</mark>, niet finale");
}

TEST_CASE("the excerpt is the window with the most distinct matches, cut at words") {
    Analyzer analyzer;
    const auto terms = stems_of({"parkeren", "vergunning"});
    Highlighter h(terms, analyzer);
    std::string text;
    for (int i = 0; i < 30; ++i) {
        text += "Vulwoorden zonder betekenis staan hier. ";
    }
    text += "Alleen parkeren hier. ";
    for (int i = 0; i < 10; ++i) {
        text += "Nog meer vulling in deze tekst. ";
    }
    text += "Wie wil parkeren heeft een vergunning nodig voor de wijk. ";
    for (int i = 0; i < 30; ++i) {
        text += "Slot zonder inhoud. ";
    }
    const auto excerpt = h.excerpt(text);
    CHECK(excerpt.distinct == 2);
    CHECK(excerpt.html.find("<mark>parkeren</mark> heeft een <mark>vergunning</mark>") !=
          std::string::npos);
    CHECK(excerpt.html.starts_with("\xE2\x80\xA6 "));
    CHECK(excerpt.html.ends_with(" \xE2\x80\xA6"));
    const auto plain_length = excerpt.html.size() - 2 * count(excerpt.html, "<mark>") * 6;
    CHECK(plain_length <= algreg::search::snippet_length + 20);
    CHECK(valid_utf8(excerpt.html));
}

TEST_CASE("no match: no excerpt; the lead is the start, cut after a word") {
    Analyzer analyzer;
    const auto terms = stems_of({"fraude"});
    Highlighter h(terms, analyzer);
    CHECK(h.excerpt("Een tekst over iets anders.").html.empty());
    CHECK(Highlighter::lead("Kort.") == "Kort.");
    std::string text;
    for (int i = 0; i < 60; ++i) {
        text += "woord€ ";
    }
    const auto lead = Highlighter::lead(text, 50);
    CHECK(lead.ends_with("\xE2\x82\xAC woord \xE2\x80\xA6")); // cut after a word, not inside €
    CHECK(lead.size() <= 50 + 4);
    CHECK(valid_utf8(lead));
    CHECK(Highlighter::lead("<b>&") == "&lt;b&gt;&amp;");
}

TEST_CASE("a short text comes back whole, marked") {
    Analyzer analyzer;
    const auto terms = stems_of({"camera"});
    Highlighter h(terms, analyzer);
    const auto excerpt = h.excerpt("Slimme camera's op straat.");
    CHECK(excerpt.html == "Slimme <mark>camera</mark>&#39;s op straat.");
    CHECK(excerpt.matches == 1);
}

TEST_CASE("a word is marked only in the fields it was searched in") {
    Analyzer analyzer;
    HighlightTerms terms;
    const algreg::search::FieldMask title = 1;
    const algreg::search::FieldMask goal = 4;
    terms.add_stem(analyzer.analyse("parkeren").stem, title);
    Highlighter h(terms, analyzer);
    CHECK(h.mark_all("Parkeren", title) == "<mark>Parkeren</mark>");
    CHECK(h.mark_all("Parkeren", goal) == "Parkeren");
    CHECK(h.contains_match("Wie mag hier parkeren?", title));
    CHECK_FALSE(h.contains_match("Wie mag hier parkeren?", goal));
    CHECK(h.excerpt("Wie mag hier parkeren?", goal).html.empty());
}

TEST_CASE("the quick pre-check never hides a match: capitals, accents, short words") {
    Analyzer analyzer;
    const auto terms = stems_of({"élan", "fraude", "ai"});
    Highlighter h(terms, analyzer);
    CHECK(h.mark_all("ÉLAN en Élan") == "<mark>ÉLAN</mark> en <mark>Élan</mark>");
    CHECK(h.mark_all("FRAUDE, Fraude") == "<mark>FRAUDE</mark>, <mark>Fraude</mark>");
    CHECK(h.mark_all("AI of ai") == "<mark>AI</mark> of <mark>ai</mark>");
}
