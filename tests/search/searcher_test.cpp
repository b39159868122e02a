// Searcher behaviour on the real register: every language feature of issue 3 with real queries
// and the entries they must and must not return, computed from the listing's JSON.
#include "indexer/related_words.h"
#include "search/errors.h"
#include "search/searcher.h"
#include "tests/search/listing_data.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <set>

using algreg::search::Analyzer;
using algreg::search::Hit;
using algreg::search::Searcher;
using algreg::search::SearchRequest;
using algreg::search::SearchResult;
using algreg::search::Sort;
using algreg::testing::fixture_index;
using algreg::testing::listing_data;
using algreg::testing::ListingData;
using algreg::testing::ListingEntry;

namespace {

using Ids = std::set<std::string>;

Searcher searcher() {
    algreg::search::SearcherOptions options;
    options.cache = fixture_index().cache();
    return Searcher(fixture_index().path(), options);
}

SearchRequest text(const std::string& q) {
    SearchRequest r;
    r.text = q;
    return r;
}

/// Every hit of a request, in rank order (pages of 100).
std::vector<std::string> ranked_ids(Searcher& s, SearchRequest r) {
    r.page_size = 100;
    r.facets = false;
    r.snippets = false;
    std::vector<std::string> out;
    for (r.page = 1;; ++r.page) {
        const auto result = s.search(r);
        for (const auto& h : result.hits) {
            out.push_back(h.id);
        }
        if (result.hits.empty() || out.size() >= result.total) {
            break;
        }
    }
    return out;
}

Ids ids(Searcher& s, const std::string& q) {
    const auto v = ranked_ids(s, text(q));
    return {v.begin(), v.end()};
}

bool subset(const Ids& a, const Ids& b) {
    return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

Ids intersection(const Ids& a, const Ids& b) {
    Ids out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
    return out;
}

std::string stem(const std::string& word) {
    Analyzer analyzer;
    return analyzer.analyse(word).stem;
}

/// Listing entries that only the listing describes (not merged with a 2023 full record), so
/// the listing's text is all the index has of them.
template <class P> Ids listing_only(P&& pred) {
    return listing_data().ids([&](const ListingEntry& e) { return !e.in_2023_export && pred(e); });
}

bool phrase(const ListingEntry& e, std::initializer_list<const char*> words) {
    return ListingData::has_folded_sequence(e, {words.begin(), words.end()});
}

bool word(const ListingEntry& e, const std::string& w) {
    return ListingData::has_folded_word(e, w);
}

} // namespace

TEST_CASE("abbreviations expand both ways: BRP <-> Basisregistratie Personen") {
    auto s = searcher();
    const auto only_brp = listing_only([](const ListingEntry& e) {
        return word(e, "brp") && !phrase(e, {"basisregistratie", "personen"});
    });
    const auto only_spelled_out = listing_only([](const ListingEntry& e) {
        return !word(e, "brp") && phrase(e, {"basisregistratie", "personen"});
    });
    REQUIRE(only_brp.size() >= 10);
    REQUIRE(only_spelled_out.size() >= 5);
    CHECK(subset(only_brp, ids(s, "Basisregistratie Personen")));
    CHECK(subset(only_brp, ids(s, "\"basisregistratie personen\"")) ==
          false); // a phrase is literal
    CHECK(subset(only_spelled_out, ids(s, "BRP")));
    CHECK(subset(only_spelled_out, ids(s, "brp")));

    // The expansion is highlighted too.
    const auto result = s.search(text("basisregistratie personen"));
    bool marked_abbreviation = false;
    for (const auto& h : result.hits) {
        marked_abbreviation = marked_abbreviation ||
                              h.snippet_html.find("<mark>BRP</mark>") != std::string::npos ||
                              h.name_html.find("<mark>BRP</mark>") != std::string::npos;
    }
    CHECK(marked_abbreviation);
}

TEST_CASE("abbreviations: BSN <-> burgerservicenummer; lower-case two-letter forms stay words") {
    auto s = searcher();
    const auto only_bsn = listing_only(
        [](const ListingEntry& e) { return word(e, "bsn") && !word(e, "burgerservicenummer"); });
    const auto only_long = listing_only(
        [](const ListingEntry& e) { return !word(e, "bsn") && word(e, "burgerservicenummer"); });
    REQUIRE_FALSE(only_bsn.empty());
    REQUIRE_FALSE(only_long.empty());
    CHECK(subset(only_bsn, ids(s, "burgerservicenummer")));
    CHECK(subset(only_long, ids(s, "BSN")));
    // The long form typed as separate words, as people type it (official convention, issue 14).
    const auto typed = ids(s, "burger service nummer");
    CHECK(subset(only_bsn, typed));
    CHECK(subset(only_long, typed));
    CHECK(subset(only_long, ids(s, "bsn")));

    // AI = Arbeidsinspectie (or artificial intelligence) only when written in capitals.
    const auto inspectorate = listing_only(
        [](const ListingEntry& e) { return word(e, "arbeidsinspectie") && !word(e, "ai"); });
    REQUIRE_FALSE(inspectorate.empty());
    CHECK(subset(inspectorate, ids(s, "AI")));
    CHECK(intersection(inspectorate, ids(s, "ai")).empty());
}

TEST_CASE("typos: an unknown word is corrected, and searched when nothing matches") {
    auto s = searcher();
    const auto want =
        listing_data().ids([](const ListingEntry& e) { return word(e, "gezichtsherkenning"); });
    REQUIRE_FALSE(want.empty());

    const auto result = s.search(text("gezichtsherkening"));
    CHECK(result.corrected);
    CHECK(result.did_you_mean == "gezichtsherkenning");
    CHECK(result.original_query == "gezichtsherkening");
    CHECK(result.query == "gezichtsherkenning");
    Ids got;
    for (const auto& h : result.hits) {
        got.insert(h.id);
    }
    CHECK(subset(want, got));

    // Something else matches: suggest only.
    const auto partly = s.search(text("gezichtsherkening OR parkeren"));
    CHECK_FALSE(partly.corrected);
    CHECK(partly.did_you_mean == "gezichtsherkenning OR parkeren");
    CHECK(partly.total == ids(s, "parkeren").size());

    // Known words get no suggestion.
    CHECK(s.search(text("parkeren")).did_you_mean.empty());
    // Nothing similar: no suggestion, nothing found, no error.
    const auto nonsense = s.search(text("qqxyzzy"));
    CHECK(nonsense.total == 0);
    CHECK_FALSE(nonsense.corrected);
}

TEST_CASE("accents and case fold everywhere: words, capitals, prefixes") {
    auto s = searcher();
    const auto with_accent = listing_data().ids(
        [](const ListingEntry& e) { return word(e, "financiele"); }); // "Financiële" folded
    REQUIRE(with_accent.size() >= 20);
    const auto plain = ids(s, "financiele");
    CHECK(subset(with_accent, plain));
    CHECK(ids(s, "financiële") == plain);
    CHECK(ids(s, "FINANCIËLE") == plain);

    const auto financien =
        listing_data().ids([](const ListingEntry& e) { return word(e, "financien"); });
    const auto prefix = ids(s, "financ*");
    CHECK(subset(with_accent, prefix));
    CHECK(subset(financien, prefix));
    CHECK(ids(s, "FINANCIË*") == ids(s, "financie*"));
    CHECK(subset(with_accent, ids(s, "financië*")));

    // Capitalised and plural forms stem (the official register's algoritme/algoritmes asymmetry).
    CHECK(ids(s, "Algoritmes") == ids(s, "algoritme"));
    CHECK(ids(s, "ALGORITMEN") == ids(s, "algoritme"));
}

TEST_CASE("compounds: toeslag finds kinderopvangtoeslag, parkeren finds parkeervergunning") {
    auto s = searcher();
    const auto childcare =
        listing_data().ids([](const ListingEntry& e) { return word(e, "kinderopvangtoeslag"); });
    const auto rent =
        listing_data().ids([](const ListingEntry& e) { return word(e, "huurtoeslag"); });
    REQUIRE_FALSE(childcare.empty());
    REQUIRE_FALSE(rent.empty());
    const auto toeslag = ids(s, "toeslag");
    CHECK(subset(childcare, toeslag));
    CHECK(subset(rent, toeslag));

    const auto permits =
        listing_data().ids([](const ListingEntry& e) { return word(e, "parkeervergunning"); });
    REQUIRE(permits.size() >= 5);
    CHECK(subset(permits, ids(s, "parkeren")));

    // Too short to split: "wijk" does not find the towns ending in -wijk.
    const auto towns = listing_only([](const ListingEntry& e) {
        return ListingData::any_word(
                   e, [](const std::string& w) { return w.size() > 4 && w.ends_with("wijk"); }) &&
               !ListingData::has_stem_sequence(e, {stem("wijk")});
    });
    REQUIRE_FALSE(towns.empty());
    CHECK(intersection(towns, ids(s, "wijk")).empty());

    // The compound is highlighted.
    const auto result = s.search(text("toeslag"));
    bool marked = false;
    for (const auto& h : result.hits) {
        marked = marked || h.name_html.find("toeslag</mark>") != std::string::npos;
    }
    CHECK(marked);
}

TEST_CASE("title matches rank before body-only matches") {
    // Among entries with the same fields (those only the listing describes: title, goal, legal
    // basis, organisation), an exact title match outranks an entry that has the word only
    // elsewhere. (A full record repeating the word in three long fields can outrank a bare
    // title match: BM25 adds up the fields; docs/search.md "Ranking".)
    auto s = searcher();
    for (const std::string q :
         {"woz", "chatbot", "copilot", "meldingen", "dashboard", "vroegsignalering",
          "legesberekening", "handhaving", "risico", "assistent", "balie"}) {
        CAPTURE(q);
        const std::string st = stem(q);
        const auto ranked = ranked_ids(s, text(q));
        std::map<std::string, const ListingEntry*> by_id;
        for (const auto& e : listing_data().entries()) {
            by_id[e.id] = &e;
        }
        std::size_t last_title = 0;
        std::size_t first_body = ranked.size();
        std::size_t titles = 0;
        for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
            const auto it = by_id.find(ranked[rank]);
            if (it == by_id.end() || it->second->in_2023_export) {
                continue; // compare entries with the same fields (see the comment above)
            }
            const auto& title_stems = it->second->stems[0];
            const auto& title_words = it->second->folded[0];
            const bool exact =
                std::find(title_stems.begin(), title_stems.end(), st) != title_stems.end();
            const bool part =
                std::any_of(title_words.begin(), title_words.end(),
                            [&](const std::string& w) { return w.find(q) != std::string::npos; });
            if (exact) {
                last_title = rank;
                ++titles;
            } else if (!part) {
                first_body = std::min(first_body, rank);
            }
        }
        CHECK(titles >= 3);
        CHECK(last_title < first_body);
    }
}

TEST_CASE("OR and of, NOT and minus") {
    auto s = searcher();
    const auto wmo = ids(s, "wmo");
    const auto jeugdzorg = ids(s, "jeugdzorg");
    Ids either = wmo;
    either.insert(jeugdzorg.begin(), jeugdzorg.end());
    CHECK(ids(s, "wmo OR jeugdzorg") == either);
    CHECK(ids(s, "wmo of jeugdzorg") == either);
    CHECK(either.size() > wmo.size());
    const auto youth_only =
        listing_only([](const ListingEntry& e) { return word(e, "jeugdzorg") && !word(e, "wmo"); });
    REQUIRE_FALSE(youth_only.empty());
    CHECK(subset(youth_only, either));

    const auto parkeren = ids(s, "parkeren");
    const auto scanauto = ids(s, "scanauto");
    Ids without;
    std::set_difference(parkeren.begin(), parkeren.end(), scanauto.begin(), scanauto.end(),
                        std::inserter(without, without.end()));
    CHECK(without.size() < parkeren.size());
    CHECK_FALSE(without.empty());
    CHECK(ids(s, "parkeren -scanauto") == without);
    CHECK(ids(s, "parkeren NOT scanauto") == without);

    const auto fraude = ids(s, "fraude");
    const auto toeslag = ids(s, "toeslag");
    const auto n = fixture_index().summary().changes.document_count;
    CHECK(s.search(text("-fraude")).total == n - fraude.size());
    CHECK(s.search(text("NOT fraude")).total == n - fraude.size());
    Ids any = fraude;
    any.insert(toeslag.begin(), toeslag.end());
    CHECK(s.search(text("-fraude -toeslag")).total == n - any.size());
    CHECK(ids(s, "(wmo OR jeugdzorg) -fraude").size() <= either.size());
}

TEST_CASE("phrases: adjacent words in order, stemmed, in any case") {
    auto s = searcher();
    const auto adjacent = listing_data().ids([](const ListingEntry& e) {
        return phrase(e, {"zonder", "tussenkomst"});
    });
    const auto apart = listing_only([](const ListingEntry& e) {
        return word(e, "zonder") && word(e, "tussenkomst") &&
               !ListingData::has_stem_sequence(e, {stem("zonder"), stem("tussenkomst")});
    });
    REQUIRE(adjacent.size() >= 50);
    REQUIRE_FALSE(apart.empty());
    const auto got = ids(s, "\"zonder tussenkomst\"");
    CHECK(subset(adjacent, got));
    CHECK(intersection(apart, got).empty());
    CHECK(ids(s, "\"Zonder Tussenkomst\"") == got);
    // Without quotes both words suffice, and the exact phrase ranks first.
    const auto words = ranked_ids(s, text("zonder tussenkomst"));
    CHECK(subset(apart, Ids(words.begin(), words.end())));
    // Compared among entries the listing alone describes (short texts of similar length).
    const auto adjacent_listing_only = listing_only([](const ListingEntry& e) {
        return phrase(e, {"zonder", "tussenkomst"});
    });
    std::size_t last_phrase = 0;
    std::size_t first_apart = words.size();
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (adjacent_listing_only.contains(words[i])) {
            last_phrase = i;
        } else if (apart.contains(words[i])) {
            first_apart = std::min(first_apart, i);
        }
    }
    CHECK(last_phrase < first_apart);
    // A hyphenated word is a phrase of its parts.
    CHECK(subset(ids(s, "\"WOZ waarde\""), ids(s, "WOZ-waarde")));
}

TEST_CASE("stopwords are optional in an AND; fields restrict; filters in the text") {
    auto s = searcher();
    CHECK(ids(s, "de fraude") == ids(s, "fraude"));
    CHECK_FALSE(ids(s, "de het").empty());

    const auto in_title = s.search(text("titel:parkeren"));
    REQUIRE(in_title.total > 5);
    for (const auto& h : in_title.hits) {
        CHECK(algreg::search::fold(h.name).find("parke") != std::string::npos);
        CHECK(h.matched_fields == std::vector<std::string>{"titel"});
    }
    for (const auto& h : s.search(text("organisatie:utrecht")).hits) {
        CHECK(algreg::search::fold(h.organisation).find("utrecht") != std::string::npos);
    }
    CHECK(s.search(text("status:ontwikkeling")).total == 74);
    CHECK(s.search(text("status:\"in ontwikkeling\"")).total == 74);
    const auto in_use_fraud = ids(s, "fraude status:in_gebruik");
    CHECK(subset(in_use_fraud, ids(s, "fraude")));
    CHECK(in_use_fraud.size() < ids(s, "fraude").size() + 1);
    const auto unknown = s.search(text("status:bestaatniet"));
    CHECK(unknown.total == 0);
    CHECK_FALSE(unknown.warnings.empty());
}

TEST_CASE("sort orders") {
    auto s = searcher();
    SearchRequest r;
    r.page_size = 100;
    auto check_order = [&](Sort sort, auto key, bool descending) {
        r.sort = sort;
        const auto result = s.search(r);
        REQUIRE(result.hits.size() == 100);
        for (std::size_t i = 1; i < result.hits.size(); ++i) {
            const auto a = key(result.hits[i - 1]);
            const auto b = key(result.hits[i]);
            CHECK((descending ? a >= b : a <= b));
        }
        return result;
    };
    // Registered/changed dates from the listing, newest first.
    std::string newest_added;
    std::string newest_registered;
    for (const auto& e : listing_data().entries()) {
        newest_added = std::max(newest_added, e.added);
        newest_registered = std::max(newest_registered, e.registered);
    }
    // Newest registered: the register's date or first seen, whichever is earlier, then the
    // version date, then the name (docs/history.md): no ties left to index order.
    const auto by_added = check_order(
        Sort::newest_registered,
        [](const Hit& h) {
            return algreg::search::newest_sort_key(h.added, h.changed,
                                                   algreg::search::fold(h.name));
        },
        false);
    CHECK(by_added.hits.front().added <= newest_added);
    const auto by_changed = check_order(
        Sort::last_changed, [](const Hit& h) { return h.changed; }, true);
    CHECK(by_changed.hits.front().changed == newest_registered);
    check_order(
        Sort::name, [](const Hit& h) { return algreg::search::fold(h.name); }, false);
    check_order(
        Sort::organisation,
        [](const Hit& h) {
            return algreg::search::fold(h.organisation) + '\x01' + algreg::search::fold(h.name);
        },
        false);
    // Relevance without text: newest change first, like the official register.
    check_order(
        Sort::relevance, [](const Hit& h) { return h.changed; }, true);
    // Pages of a filtered, sorted list without text follow each other without gaps.
    SearchRequest filtered;
    filtered.filters["status"] = {"ontwikkeling"};
    filtered.sort = Sort::name;
    filtered.page_size = 100;
    const auto whole = s.search(filtered);
    REQUIRE(whole.total == 74);
    filtered.page_size = 30;
    std::vector<std::string> paged;
    for (filtered.page = 1; filtered.page <= 3; ++filtered.page) {
        for (const auto& h : s.search(filtered).hits) {
            paged.push_back(h.id);
        }
    }
    std::vector<std::string> all_at_once;
    for (const auto& h : whole.hits) {
        all_at_once.push_back(h.id);
        CHECK(h.status == "In ontwikkeling");
    }
    CHECK(paged == all_at_once);
    // Relevance with text: scores descending.
    r.text = "parkeren";
    r.sort = Sort::relevance;
    const auto ranked = s.search(r);
    for (std::size_t i = 1; i < ranked.hits.size(); ++i) {
        CHECK(ranked.hits[i - 1].score >= ranked.hits[i].score);
    }
}

TEST_CASE("hits carry what a result card needs, escaped and highlighted") {
    auto s = searcher();
    const auto result = s.search(text("BRP fraude"));
    REQUIRE(result.total > 0);
    CHECK(result.hits.size() == std::min<std::size_t>(result.total, 20));
    std::size_t rank = 0;
    for (const auto& h : result.hits) {
        CHECK(h.rank == ++rank);
        CHECK_FALSE(h.id.empty());
        CHECK_FALSE(h.name.empty());
        CHECK_FALSE(h.status.empty());
        CHECK(h.score > 0);
        CHECK_FALSE(h.matched_fields.empty());
        CHECK(h.snippet_html.find("<mark>") != std::string::npos);
        // Only <mark> tags: every other '<' is escaped.
        std::string rest = h.snippet_html;
        for (const std::string tag : {"<mark>", "</mark>"}) {
            for (auto at = rest.find(tag); at != std::string::npos; at = rest.find(tag)) {
                rest.erase(at, tag.size());
            }
        }
        CHECK(rest.find('<') == std::string::npos);
        CHECK(rest.find('>') == std::string::npos);
    }
    // A title hit says so and marks the title.
    const auto chatbot = s.search(text("chatbot"));
    REQUIRE_FALSE(chatbot.hits.empty());
    CHECK(chatbot.hits[0].name_html.find("<mark>") != std::string::npos);
    CHECK(std::find(chatbot.hits[0].matched_fields.begin(), chatbot.hits[0].matched_fields.end(),
                    "titel") != chatbot.hits[0].matched_fields.end());
}

TEST_CASE("find returns the record; unknown ids are NotFound") {
    auto s = searcher();
    const auto& e = listing_data().entries().front();
    const auto record = s.find(e.id);
    CHECK(record.id == e.id);
    CHECK(record.name == e.title);
    CHECK_THROWS_AS((void)s.find("00000000"), algreg::search::NotFound);
    CHECK_THROWS_AS((void)s.find(""), algreg::search::NotFound);
}

TEST_CASE("more like this: related entries, never the entry itself") {
    auto s = searcher();
    // An entry about parking permits (the one with the most text): its neighbours are about
    // parking too.
    std::string id;
    std::size_t most_words = 0;
    for (const auto& e : listing_data().entries()) {
        std::size_t n = 0;
        for (const auto& f : e.folded) {
            n += f.size();
        }
        if (word(e, "parkeervergunning") && n > most_words) {
            most_words = n;
            id = e.id;
        }
    }
    REQUIRE_FALSE(id.empty());
    const auto similar = s.more_like_this(id, 10);
    REQUIRE(similar.size() == 10);
    const auto parking = ids(s, "parkeren");
    std::size_t about_parking = 0;
    for (const auto& h : similar) {
        CHECK(h.id != id);
        about_parking += parking.contains(h.id) ? 1 : 0;
    }
    CHECK(about_parking >= 7);
    CHECK_THROWS_AS((void)s.more_like_this("00000000"), algreg::search::NotFound);
}

TEST_CASE("suggestions: titles, organisations and words for a prefix, accent-insensitive") {
    auto s = searcher();
    const auto sug = s.suggest("Gezichtsv", 5);
    REQUIRE_FALSE(sug.titles.empty());
    for (const auto& t : sug.titles) {
        CHECK(algreg::search::fold(t.text).find("gezichtsv") != std::string::npos);
        CHECK_FALSE(t.value.empty());
    }
    CHECK(sug.titles.size() <= 5);
    const auto orgs = s.suggest("fryslan", 10);
    std::set<std::string> names;
    for (const auto& o : orgs.organisations) {
        names.insert(o.text);
        CHECK(o.count > 0);
    }
    CHECK(names.contains("Provincie Fryslân"));
    CHECK(names.contains("Wetterskip Fryslân"));
    const auto utrecht = s.suggest("utr", 3);
    REQUIRE_FALSE(utrecht.organisations.empty());
    CHECK(utrecht.organisations.front().text == "Gemeente Utrecht"); // the most entries
    const auto words = s.suggest("financië", 10);
    std::set<std::string> terms;
    for (const auto& t : words.terms) {
        terms.insert(t.value);
    }
    CHECK(terms.contains("financiele"));
    CHECK(s.suggest("   ", 5).titles.empty());
    CHECK(s.suggest("parkeren fin", 5).terms.front().text.starts_with("parkeren fin"));
}

TEST_CASE("decompounding: fraudedetectie and risicoprofilering are also searched as their parts") {
    auto s = searcher();
    for (const auto& [compound, parts] : std::vector<std::pair<std::string, std::string>>{
             {"fraudedetectie", "fraude detectie"}, {"risicoprofilering", "risico profilering"}}) {
        CAPTURE(compound);
        // The register does not have the compound itself (issue 14: 0 hits before).
        CHECK(s.search(text("\"" + compound + "\"")).total == 0);
        const auto both_parts = ids(s, "\"" + parts.substr(0, parts.find(' ')) + "\" \"" +
                                           parts.substr(parts.find(' ') + 1) + "\"");
        REQUIRE_FALSE(both_parts.empty());
        const auto found = ids(s, compound);
        CHECK(subset(both_parts, found));
        // The parts are marked in the best hit's snippet.
        const auto result = s.search(text(compound));
        REQUIRE(result.total > 0);
        const std::string html = result.hits.front().name_html + result.hits.front().snippet_html;
        CHECK(html.find("<mark>") != std::string::npos);
        CHECK(result.did_you_mean.empty()); // a compound of index words is a word
    }
    // The whole word ranks above its parts: the entry that says gezichtsherkenning is first.
    const auto whole =
        listing_data().ids([](const ListingEntry& e) { return word(e, "gezichtsherkenning"); });
    REQUIRE(whole.size() == 1);
    CHECK(ranked_ids(s, text("gezichtsherkenning")).front() == *whole.begin());
}

TEST_CASE("related words: every pair of the table is checked against the register") {
    auto s = searcher();
    const auto pairs =
        algreg::indexer::read_related_words(algreg::testing::fixture("related-words-nl.tsv"));
    CHECK(pairs.size() >= 60);
    // A word occurs when its literal (quoted: no compounds, no synonyms) form finds an entry.
    auto occurs = [&](const std::string& w) { return s.search(text("\"" + w + "\"")).total > 0; };
    for (const auto& p : pairs) {
        CAPTURE(p.word);
        CAPTURE(p.related);
        CHECK(occurs(p.related));
        const bool one_sided = p.reason.find("(one-sided)") != std::string::npos;
        CHECK(occurs(p.word) != one_sided);
    }
}

TEST_CASE(
    "related words: gezichtsherkenning finds the gezichtsvergelijking entries, ranked below") {
    auto s = searcher();
    const auto comparison = ids(s, "\"gezichtsvergelijking\"");
    REQUIRE(comparison.size() >= 20);
    const auto recognition = ids(s, "gezichtsherkenning");
    CHECK(subset(comparison, recognition));
    // And back: gezichtsvergelijking finds the entry that says gezichtsherkenning.
    CHECK(subset(ids(s, "\"gezichtsherkenning\""), ids(s, "gezichtsvergelijking")));
    // One-sided pairs still help: risicoprofilering finds the entries with risicoprofiel.
    CHECK(subset(ids(s, "\"risicoprofiel\""), ids(s, "risicoprofilering")));
}

TEST_CASE("OR fallback: when all words find nothing, any of them, and the result says so") {
    auto s = searcher();
    const auto scanauto = ids(s, "scanauto");
    const auto childcare = ids(s, "kinderopvangtoeslag");
    REQUIRE_FALSE(scanauto.empty());
    REQUIRE_FALSE(childcare.empty());
    REQUIRE(intersection(scanauto, childcare).empty());
    Ids either = scanauto;
    either.insert(childcare.begin(), childcare.end());

    const auto result = s.search(text("scanauto kinderopvangtoeslag"));
    CHECK(result.total == either.size());
    CHECK(ids(s, "scanauto kinderopvangtoeslag") == either);
    REQUIRE(result.warnings.size() == 1);
    CHECK(result.warnings.front().nl ==
          "Geen resultaten met alle woorden; resultaten met een of meer woorden");
    CHECK(nlohmann::json(result)
              .at("warnings")
              .dump()
              .find("No results with all words; results with one or more of the words") !=
          std::string::npos);

    // With the spelling suggestion for the unknown word.
    const auto typo = s.search(text("scanauto gezichtsherkening"));
    CHECK(typo.did_you_mean == "scanauto gezichtsherkenning");

    // Not when all words find something, for one word, or when a negation empties the result.
    CHECK(s.search(text("scanauto parkeren")).warnings.empty());
    CHECK(s.search(text("qqxyzzy")).warnings.empty());
    CHECK(s.search(text("scanauto -scanauto")).total == 0);
}

TEST_CASE("official conventions: lower-case or is OR; the spelled-out BRP as words") {
    auto s = searcher();
    const auto either = ids(s, "wmo OR jeugdzorg");
    CHECK(ids(s, "wmo or jeugdzorg") == either);
    CHECK(ids(s, "wmo Or jeugdzorg") == either);
    // At the start or end "or" is a word, as "of".
    CHECK(s.search(text("or")).total == s.search(text("\"or\"")).total);

    // The spelled-out form of an abbreviation as words finds the abbreviation: BRP.
    const auto only_brp = listing_only([](const ListingEntry& e) {
        return word(e, "brp") && !phrase(e, {"basisregistratie", "personen"});
    });
    REQUIRE_FALSE(only_brp.empty());
    CHECK(subset(only_brp, ids(s, "basisregistratie personen")));
}

TEST_CASE("suggestions: no word that repeats a suggested title in another case") {
    auto s = searcher();
    const auto sug = s.suggest("parkeercon", 8);
    std::set<std::string> titles;
    for (const auto& t : sug.titles) {
        titles.insert(algreg::search::fold(t.text));
    }
    REQUIRE(titles.contains("parkeercontrole")); // several entries are called Parkeercontrole
    for (const auto& t : sug.terms) {
        CHECK_FALSE(titles.contains(algreg::search::fold(t.text)));
    }
    // A word that is no title is still suggested.
    const auto words = s.suggest("parkeerc", 8);
    CHECK_FALSE(words.terms.empty());
}
