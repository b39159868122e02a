// The UI strings table (web/page_text.h): one row per key, in order, both languages filled in
// with the same placeholders; the fixed vocabularies translated for English pages.
#include "web/page_text.h"

#include <doctest/doctest.h>
#include <set>
#include <string>

using namespace algreg::web;

namespace {
std::multiset<std::string> placeholders(std::string_view text) {
    std::multiset<std::string> out;
    for (std::size_t i = 0; i + 2 < text.size(); ++i) {
        if (text[i] == '{' && text[i + 2] == '}') {
            out.insert(std::string(text.substr(i, 3)));
        }
    }
    return out;
}
} // namespace

TEST_CASE("page text: every key has one row, in order, with Dutch and English") {
    const auto count = static_cast<std::size_t>(Ui::count_);
    REQUIRE(static_cast<std::size_t>(ui_table_end() - ui_table_begin()) == count);
    std::size_t index = 0;
    for (const UiRow* row = ui_table_begin(); row != ui_table_end(); ++row, ++index) {
        CAPTURE(index);
        CHECK(static_cast<std::size_t>(row->key) == index);
        CHECK_FALSE(row->nl.empty());
        CHECK_FALSE(row->en.empty());
        CHECK(placeholders(row->nl) == placeholders(row->en));
    }
}

TEST_CASE("page text: languages, placeholders") {
    CHECK(lang_code(Lang::nl) == "nl");
    CHECK(lang_code(Lang::en) == "en");
    CHECK(ui(Lang::nl, Ui::filters_clear) == "Wis alle filters");
    CHECK(ui(Lang::en, Ui::filters_clear) == "Clear all filters");
    CHECK(ui(Lang::nl, Ui::did_you_mean) == "Bedoelde u");
    CHECK(ui(Lang::nl, Ui::field_empty) == "Veld niet ingevuld");
    CHECK(ui(Lang::nl, Ui::results_count, {"1.557"}) == "1.557 algoritmes gevonden");
    CHECK(ui(Lang::en, Ui::results_range, {"1", "20", "37"}) == "1–20 of 37");
    // A missing argument leaves nothing behind.
    CHECK(ui(Lang::en, Ui::results_count, {}) == " algorithms found");
}

TEST_CASE("page text: facet and value labels") {
    CHECK(facet_label(Lang::nl, "categorie") == "Publicatiecategorie");
    CHECK(facet_label(Lang::en, "categorie") == "Publication category");
    CHECK(value_label(Lang::nl, "status", "in_gebruik", "In gebruik") == "In gebruik");
    CHECK(value_label(Lang::en, "status", "in_gebruik", "In gebruik") == "In use");
    CHECK(value_label(Lang::en, "organisatietype", "gemeente", "Gemeente") == "Municipality");
    CHECK(value_label(Lang::en, "thema", "verkeer", "Verkeer") == "Traffic");
    CHECK(value_label(Lang::en, "impacttoets", "dpia-niet-uitgevoerd", "DPIA niet uitgevoerd") ==
          "DPIA not done");
    CHECK(value_label(Lang::en, "impacttoets", "iama-onbekend", "IAMA onbekend") == "IAMA unknown");
    // Names are data: never translated.
    CHECK(value_label(Lang::en, "organisatie", "politie", "Politie") == "Politie");
    CHECK(vocabulary_label(Lang::en, "Overige algoritmes") == "Other algorithms");
    CHECK(vocabulary_label(Lang::en, "iets anders") == "iets anders");
    CHECK(vocabulary_label(Lang::nl, "In gebruik") == "In gebruik");
}
