#include "search/searcher.h"

#include "search/errors.h"
#include "search/open_index.h"
#include "search/schema.h"
#include "search/snippets.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>

namespace algreg::search {

namespace {

using Clock = std::chrono::steady_clock;
using Q = Xapian::Query;

std::uint64_t micros_since(Clock::time_point start) {
    return static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start).count());
}

/// BM25 with a lower k1 than Xapian's default (1): the term-frequency part saturates sooner, so
/// an entry that repeats a word in several long fields does not overtake an entry that has it in
/// its title (weight 4). b stays 0.5. Chosen by counting, over 16 common queries on the real
/// register, the body-only hits ranked above an exact title hit (docs/search.md "Ranking").
Xapian::BM25Weight ranking_weight() {
    return Xapian::BM25Weight(0.8, 0, 1, 0.5, 0.5);
}

/// The text field name of a term ("titel", "omschrijving", ..., "overig"), or "".
std::string_view field_of_term(const std::string& term) {
    for (const auto& p : text_prefixes) {
        if (term.size() > p.prefix.size() && term.starts_with(p.prefix) &&
            !(term[p.prefix.size()] >= 'A' && term[p.prefix.size()] <= 'Z')) {
            return p.field_name.empty() ? std::string_view("overig") : p.field_name;
        }
    }
    return {};
}

/// The query-syntax name of a text prefix's field ("titel", ...; "overig" for the rest).
std::string_view field_name_of_prefix(std::string_view prefix) {
    for (const auto& p : text_prefixes) {
        if (p.prefix == prefix) {
            return p.field_name.empty() ? std::string_view("overig") : p.field_name;
        }
    }
    return {};
}

AlgorithmRecord record_of(const Xapian::Document& doc) {
    try {
        return nlohmann::json::parse(doc.get_data()).get<AlgorithmRecord>();
    } catch (const nlohmann::json::exception&) {
        return {}; // an unreadable record shows as an empty card rather than failing the page
    }
}

/// newest_sort_key() of a document, for sorted text searches.
class NewestKey : public Xapian::KeyMaker {
  public:
    std::string operator()(const Xapian::Document& doc) const override {
        return newest_sort_key(doc.get_value(slot::added), doc.get_value(slot::changed),
                               doc.get_value(slot::name));
    }
};

void apply_sort(Xapian::Enquire& enquire, Sort sort, bool ranked,
                Xapian::MultiValueKeyMaker& keys) {
    switch (sort) {
    case Sort::relevance:
        if (!ranked) {
            enquire.set_sort_by_value(slot::changed, true);
        }
        return;
    case Sort::newest_registered: {
        // Reference-counted by the Enquire (release()): freed with it.
        enquire.set_sort_by_key_then_relevance((new NewestKey())->release(), false);
        return;
    }
    case Sort::last_changed:
        enquire.set_sort_by_value_then_relevance(slot::changed, true);
        return;
    case Sort::name:
        enquire.set_sort_by_value_then_relevance(slot::name, false);
        return;
    case Sort::organisation:
        keys.add_value(slot::organization);
        keys.add_value(slot::name);
        enquire.set_sort_by_key_then_relevance(&keys, false);
        return;
    }
}

} // namespace

Searcher::Searcher(const std::string& db_path, SearcherOptions options)
    : path_(db_path), options_(std::move(options)), records_(options_.record_cache_size) {
    if (!options_.cache) {
        options_.cache = std::make_shared<RevisionCache>();
    }
    stub_ = index_stub(db_path);
    db_ = open_index(db_path);
}

void Searcher::refresh() {
    if (std::string stub = index_stub(path_); stub != stub_) {
        // A replica switched to a full copy in another directory: reopen() would stay on the
        // old one, which xapian-replicate deletes.
        db_ = open_index(path_);
        stub_ = std::move(stub);
    } else {
        db_.reopen();
    }
    if (!data_ || data_->key != revision_key(db_)) {
        data_ = options_.cache->get(db_);
    }
}

template <class F> auto Searcher::with_retry(F&& f) {
    const auto again = [&] {
        data_.reset();
        refresh();
        return f();
    };
    try {
        refresh();
        return f();
    } catch (const Xapian::DatabaseModifiedError&) {
        // The writer committed more than once since we opened this revision: read the newest.
        return again();
    } catch (const Xapian::DatabaseError&) {
        // A replica's stub was switched and its old copy deleted between our check and our
        // read: read the new copy. Any other database error is real.
        if (index_stub(path_) == stub_) {
            throw;
        }
        return again();
    }
}

Xapian::rev Searcher::revision() {
    return with_retry([&] { return data_->revision; });
}

SearchResult Searcher::search(const SearchRequest& request) {
    return with_retry([&] { return search_once(request, true); });
}

Searcher::Pass Searcher::run_pass(const BuiltQuery& built, const FacetSelection& selection,
                                  Sort sort, std::size_t offset, std::size_t size) {
    Pass pass;
    FacetCounter counter(data_->facets, selection);
    if (!built.constrained) {
        // No text: one walk over the revision's precomputed order for the sort counts every
        // entry and picks the page from those that pass the facet filters. No Xapian pass.
        const std::vector<Xapian::docid>* order = &data_->by_changed; // relevance, last_changed
        if (sort == Sort::newest_registered) {
            order = &data_->by_added;
        } else if (sort == Sort::name) {
            order = &data_->by_name;
        } else if (sort == Sort::organisation) {
            order = &data_->by_organisation;
        }
        // Count in docid order (the arrays are read sequentially), then walk the sort order
        // until the page is full.
        if (selection.empty()) {
            counter.add_all();
            for (std::size_t i = offset; i < order->size() && i < offset + size; ++i) {
                pass.page.emplace_back((*order)[i], 0.0);
            }
        } else {
            std::vector<bool> passing(static_cast<std::size_t>(db_.get_lastdocid()) + 1, false);
            counter.add_all(&passing);
            std::size_t position = 0;
            for (const auto docid : *order) {
                if (pass.page.size() >= size) {
                    break;
                }
                if (passing[docid] && position++ >= offset) {
                    pass.page.emplace_back(docid, 0.0);
                }
            }
        }
        pass.counts = counter.counts();
        pass.total = counter.total();
        return pass;
    }

    Xapian::Enquire enquire(db_);
    if (built.ranked) {
        enquire.set_weighting_scheme(ranking_weight());
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    Xapian::MultiValueKeyMaker keys;
    apply_sort(enquire, sort, built.ranked, keys);
    enquire.set_time_limit(options_.time_limit);
    enquire.set_query(built.query);
    const auto start = Clock::now();
    Xapian::MSet mset;
    // Which plan is cheaper: decided by Xapian's estimate from the posting-list statistics (no
    // matching), unless the whole index is small enough for one pass anyway.
    const bool small = db_.get_doccount() <= single_pass_max_matches;
    if (small || enquire.get_mset(0, 0).get_matches_estimated() <= single_pass_max_matches) {
        // Few matches: one ranked pass over all of them. The decider counts each for the total
        // and the disjunctive facets and lets through those that pass the facet filters.
        const CountingDecider decider(counter);
        mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                static_cast<Xapian::doccount>(size), db_.get_doccount(), nullptr,
                                &decider);
    } else {
        // Many matches: a boolean counting pass (no weights; optional phrase boosts drop out)
        // and a top-k ranked pass with the filter, which Xapian can cut short by weight.
        Xapian::Enquire counting(db_);
        counting.set_query(Q(Q::OP_SCALE_WEIGHT, built.query, 0));
        counting.set_weighting_scheme(Xapian::BoolWeight());
        counting.set_docid_order(Xapian::Enquire::DONT_CARE);
        counting.set_time_limit(options_.time_limit);
        const CountingDecider decider(counter);
        (void)counting.get_mset(0, 0, db_.get_doccount(), nullptr, &decider);
        if (counter.total() > offset && size > 0) {
            const Q filter = selection_query(data_->facets, selection);
            enquire.set_query(filter.empty() ? built.query : Q(Q::OP_FILTER, built.query, filter));
            mset = enquire.get_mset(static_cast<Xapian::doccount>(offset),
                                    static_cast<Xapian::doccount>(size));
        }
    }
    // With no limit (0) counts are always exact.
    pass.partial =
        options_.time_limit > 0 &&
        std::chrono::duration<double>(Clock::now() - start).count() >= options_.time_limit;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        pass.page.emplace_back(*it, it.get_weight());
    }
    pass.counts = counter.counts();
    pass.total = counter.total();
    return pass;
}

namespace {

/// The query with the words, phrases and groups its top level requires OR-ed instead
/// (negations and filters stay required; stopwords drop out). nullopt when the top level
/// requires fewer than two: then OR-ing changes nothing.
std::optional<ParsedQuery> any_of_the_words(const ParsedQuery& parsed) {
    if (!parsed.root || parsed.root->kind != QueryNode::Kind::all) {
        return std::nullopt;
    }
    QueryNode any;
    any.kind = QueryNode::Kind::any;
    QueryNode all;
    all.kind = QueryNode::Kind::all;
    for (const auto& c : parsed.root->children) {
        if (c.kind == QueryNode::Kind::exclude || c.kind == QueryNode::Kind::filter) {
            all.children.push_back(c);
        } else if (!(c.kind == QueryNode::Kind::word && is_stopword(fold(c.text)))) {
            any.children.push_back(c);
        }
    }
    if (any.children.size() < 2) {
        return std::nullopt;
    }
    all.children.insert(all.children.begin(), std::move(any));
    ParsedQuery out = parsed;
    out.root = std::move(all);
    return out;
}

} // namespace

std::string Searcher::correction(const ParsedQuery& parsed, const BuiltQuery& built,
                                 bool all_words) {
    struct Replacement {
        std::size_t offset;
        std::size_t length;
        std::string text;
    };
    std::vector<Replacement> replacements;
    for (const auto& w : built.words) {
        if ((w.known && !all_words) || w.folded.size() < 3) {
            continue;
        }
        const std::string suggestion = db_.get_spelling_suggestion(w.folded, 2);
        if (!suggestion.empty() && suggestion != w.folded) {
            replacements.push_back({w.offset, w.length, suggestion});
        }
    }
    if (replacements.empty()) {
        return {};
    }
    std::sort(replacements.begin(), replacements.end(),
              [](const Replacement& a, const Replacement& b) { return a.offset > b.offset; });
    std::string text = parsed.text;
    for (const auto& r : replacements) {
        if (r.offset + r.length <= text.size()) {
            text.replace(r.offset, r.length, r.text);
        }
    }
    return text;
}

SearchResult Searcher::search_once(const SearchRequest& request, bool allow_correction) {
    const auto start = Clock::now();
    SearchResult result;
    result.revision = data_->revision;
    result.sort = request.sort;

    // Bounds: clamp, never refuse.
    result.page_size = std::clamp<std::size_t>(request.page_size, 1, max_page_size);
    result.page = std::max<std::size_t>(request.page, 1);
    result.page_clamped = result.page_size != request.page_size || result.page != request.page;
    const std::size_t deepest_page = max_offset / result.page_size + 1;
    if (result.page > deepest_page) {
        result.page = deepest_page;
        result.page_clamped = true;
    }
    result.offset = (result.page - 1) * result.page_size;

    const ParsedQuery parsed = parse_query(request.text);
    result.query = parsed.text;
    result.interpreted = parsed.root ? describe(*parsed.root) : "";
    result.syntax_fallback = parsed.fallback;
    result.syntax_error = parsed.error;
    result.query_truncated = parsed.truncated;
    result.too_many_terms = parsed.too_many_terms;
    QueryContext context{data_->vocabulary, data_->synonyms, data_->facets, analyzer_};
    BuiltQuery built = build_query(parsed, context);
    const FacetSelection selection = select_facets(data_->facets, request.filters);
    result.warnings = built.warnings;
    for (const auto& unknown : selection.unknown) {
        result.warnings.push_back(unknown_filter_warning(unknown));
    }
    result.timing.parse_us = micros_since(start);

    // 1. One pass: the ranked page, the exact total and all disjunctive facet counts.
    auto stage = Clock::now();
    Pass pass = run_pass(built, selection, request.sort, result.offset, result.page_size);
    result.total = pass.total;
    result.counts_partial = pass.partial;
    result.timing.match_us = micros_since(stage);

    // Nothing found: search the spelling correction instead, and say so.
    if (result.total == 0 && !result.counts_partial && allow_correction && request.spelling &&
        built.constrained) {
        const std::string corrected = correction(parsed, built, true);
        if (!corrected.empty()) {
            SearchRequest again = request;
            again.text = corrected;
            SearchResult second = search_once(again, false);
            if (second.total > 0) {
                second.corrected = true;
                second.did_you_mean = corrected;
                second.original_query = parsed.text;
                second.syntax_fallback = result.syntax_fallback;
                second.syntax_error = result.syntax_error;
                second.query_truncated = result.query_truncated;
                second.timing.total_us = micros_since(start);
                return second;
            }
            result.did_you_mean = corrected;
        }
    } else if (allow_correction && request.spelling) {
        result.did_you_mean = correction(parsed, built, false);
    }
    // Still nothing, and the query required several words: any of them, and say so.
    if (result.total == 0 && !result.counts_partial && allow_correction) {
        if (const auto any = any_of_the_words(parsed)) {
            BuiltQuery any_built = build_query(*any, context);
            Pass any_pass =
                run_pass(any_built, selection, request.sort, result.offset, result.page_size);
            if (any_pass.total > 0) {
                built = std::move(any_built);
                pass = std::move(any_pass);
                result.total = pass.total;
                result.counts_partial = pass.partial;
                result.interpreted = describe(*any->root);
                result.warnings.push_back(
                    {"Geen resultaten met alle woorden; resultaten met een of meer woorden",
                     "No results with all words; results with one or more of the words"});
            }
        }
    }

    // 2. Facet lists.
    stage = Clock::now();
    if (request.facets) {
        result.facets = facet_results(data_->facets, selection, pass.counts, request.facet_limit);
    }
    result.timing.facets_us = micros_since(stage);

    // 3. Hits with snippets.
    stage = Clock::now();
    const HighlightTerms none;
    std::size_t rank = result.offset;
    Highlighter highlighter(request.snippets ? built.highlight : none, analyzer_);
    for (const auto& [docid, weight] : pass.page) {
        Hit hit = make_hit(docid, highlighter);
        hit.rank = ++rank;
        hit.score = built.ranked ? weight : 0.0;
        result.hits.push_back(std::move(hit));
    }
    result.timing.hits_us = micros_since(stage);
    result.timing.total_us = micros_since(start);
    return result;
}

namespace {

/// The bit of a text prefix in FieldMask (schema.h text_prefixes order).
FieldMask field_bit(std::string_view prefix) {
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        if (text_prefixes[i].prefix == prefix) {
            return static_cast<FieldMask>(1U << i);
        }
    }
    return 0;
}

} // namespace

std::shared_ptr<const ParsedRecord> Searcher::parsed_record(Xapian::docid docid) {
    if (auto cached = records_.find(data_->key, docid)) {
        return cached;
    }
    auto parsed = std::make_shared<const ParsedRecord>(
        record_of(db_.get_document(docid, Xapian::DOC_ASSUME_VALID)));
    records_.put(docid, parsed);
    return parsed;
}

std::shared_ptr<const AlgorithmRecord> Searcher::record(Xapian::docid docid) {
    auto parsed = parsed_record(docid);
    const AlgorithmRecord* r = &parsed->record;
    return {std::move(parsed), r}; // shares ownership with the cached ParsedRecord
}

Hit Searcher::make_hit(Xapian::docid docid, Highlighter& highlighter) {
    const auto parsed = parsed_record(docid);
    const AlgorithmRecord& r = parsed->record;
    const HighlightTerms& highlight = highlighter.terms();
    Hit h;
    h.id = r.id;
    h.lars = r.lars;
    h.name = r.name;
    h.organisation = r.organization;
    h.organisation_slug = slug(r.organization);
    h.organisation_type = r.organization_type;
    h.status = r.status;
    h.publication_category = r.publication_category;
    h.themes = r.category;
    for (const auto& a : r.assessments) {
        h.assessments.push_back({a.type, std::string(to_slug(a.state))});
    }
    h.added = r.added;
    h.changed = r.changed;
    h.register_url = r.register_url;
    h.listing_only = r.listing_only;
    if (const auto removed = data_->as_of_removed.find(r.id);
        removed != data_->as_of_removed.end()) {
        h.removed_on = removed->second;
    }

    // Matched fields and the snippet both come from tokenising the record's text as the indexer
    // did: a field matched when it has a word the query searched for in that field.
    FieldMask matched = 0;
    h.name_html = highlighter.mark_all(r.name, field_bit(prefix::title));
    if (h.name_html.find("<mark>") != std::string::npos) {
        matched |= field_bit(prefix::title);
    }
    // The snippet: the best window, short description and goal first; without a match, the
    // start of the short description (or the goal).
    Highlighter::Excerpt best;
    auto consider = [&](const StringField& field) {
        const FieldMask bit = field_bit(field.text_prefix);
        if (bit == 0 || (r.*field.member).empty() || highlight.empty()) {
            return;
        }
        const std::string& text = parsed->plain_text(field);
        if (field.key == "organization" ||
            best.distinct >= std::max<std::size_t>(highlight.words, 1)) {
            // Not a snippet (the card shows the organisation), or the snippet is settled: only
            // ask whether the field matched.
            if ((matched & bit) == 0 && highlighter.contains_match(text, bit)) {
                matched |= bit;
            }
            return;
        }
        auto excerpt = highlighter.excerpt(text, bit);
        if (excerpt.matches > 0) {
            matched |= bit;
        }
        if (excerpt.distinct > best.distinct ||
            (excerpt.distinct == best.distinct && excerpt.matches > best.matches)) {
            best = std::move(excerpt);
            h.snippet_field = std::string(field.key);
        }
    };
    for (const std::string_view key : {"description_short", "goal"}) {
        consider(*find_string_field(key));
    }
    for (const auto& field : string_fields()) {
        if (field.key != "description_short" && field.key != "goal" && field.key != "name") {
            consider(field);
        }
    }
    // Text indexed outside the string fields: legal references, themes, other references and
    // the fields of older standards.
    auto check = [&](std::string_view prefix, const std::string& text) {
        const FieldMask bit = field_bit(prefix);
        if ((matched & bit) == 0 && !highlight.empty() && highlighter.contains_match(text, bit)) {
            matched |= bit;
        }
    };
    for (const auto& ref : r.lawful_basis_grouping) {
        check(prefix::legal, ref.title);
    }
    for (const auto& theme : r.category) {
        check(prefix::rest, theme);
    }
    for (const auto& ref : r.impacttoetsen_grouping) {
        check(prefix::rest, ref.title);
    }
    for (const auto& ref : r.source_data_grouping) {
        check(prefix::rest, ref.title);
    }
    for (const auto& [key, value] : r.legacy) {
        check(prefix::rest, value);
    }
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        if ((matched & (1U << i)) != 0) {
            h.matched_fields.emplace_back(field_name_of_prefix(text_prefixes[i].prefix));
        }
    }

    if (!best.html.empty()) {
        h.snippet_html = std::move(best.html);
    } else {
        const std::string_view key = r.description_short.empty() ? "goal" : "description_short";
        const StringField& field = *find_string_field(key);
        h.snippet_html = Highlighter::lead(parsed->plain_text(field));
        h.snippet_field = (r.*field.member).empty() ? "" : std::string(key);
    }
    return h;
}

Xapian::docid Searcher::docid_of(std::string_view id) {
    const std::string term = std::string(prefix::id) + std::string(id);
    const auto it = db_.postlist_begin(term);
    if (id.empty() || it == db_.postlist_end(term)) {
        throw NotFound("geen algoritme met id '" + std::string(id) + "'");
    }
    return *it;
}

AlgorithmRecord Searcher::find(std::string_view id) {
    return with_retry([&] {
        const auto docid = docid_of(id);
        return nlohmann::json::parse(db_.get_document(docid).get_data()).get<AlgorithmRecord>();
    });
}

ChangesPage Searcher::changes(const ChangesRequest& request) {
    return with_retry([&] { return changes_once(request); });
}

std::vector<EntryEvent> Searcher::history(std::string_view id) {
    return with_retry([&] {
        auto events = data_->history->entry_events(id);
        if (events.empty()) {
            (void)docid_of(id); // NotFound unless the entry is in the register
        }
        return events;
    });
}

std::vector<std::string> Searcher::ids() {
    return with_retry([&] {
        std::vector<std::string> out;
        out.reserve(db_.get_doccount());
        const std::string id_prefix(prefix::id);
        for (auto t = db_.allterms_begin(id_prefix); t != db_.allterms_end(id_prefix); ++t) {
            out.push_back((*t).substr(id_prefix.size()));
        }
        return out;
    });
}

std::shared_ptr<const HistoryLog> Searcher::history_log() {
    return with_retry([&] { return data_->history; });
}

std::optional<AlgorithmRecord> Searcher::removed_record(std::string_view id) {
    return with_retry([&]() -> std::optional<AlgorithmRecord> {
        if (const AlgorithmRecord* r = data_->history->removed_record(id)) {
            return *r;
        }
        return std::nullopt;
    });
}

namespace {

/// Accepts the text terms that describe what an entry is about: words of the text fields
/// except the organisation's name, at least 3 letters, not numbers.
class TopicTerms : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string& term) const override {
        const auto field = field_of_term(term);
        if (field.empty() || field == "organisatie") {
            return false;
        }
        const std::size_t prefix_length = term[0] == 'S' ? 1 : 2;
        const std::string word = term.substr(prefix_length);
        return word.size() >= 3 && !is_stopword(word) &&
               word.find_first_of("0123456789") == std::string::npos;
    }
};

} // namespace

std::vector<Hit> Searcher::more_like_this(std::string_view id, std::size_t count) {
    return with_retry([&] {
        const auto docid = docid_of(id);
        Xapian::RSet rset;
        rset.add_document(docid);
        Xapian::Enquire enquire(db_);
        enquire.set_query(match_all());
        const TopicTerms decider;
        constexpr Xapian::termcount expand_terms = 30;
        const Xapian::ESet eset = enquire.get_eset(expand_terms, rset, &decider);
        std::vector<Q> terms;
        for (auto t = eset.begin(); t != eset.end(); ++t) {
            terms.push_back(Q(Q::OP_SCALE_WEIGHT, Q(*t), t.get_weight()));
        }
        std::vector<Hit> hits;
        if (terms.empty()) {
            return hits;
        }
        const Q self(std::string(prefix::id) + std::string(id));
        enquire.set_query(Q(Q::OP_AND_NOT, Q(Q::OP_OR, terms.begin(), terms.end()), self));
        enquire.set_weighting_scheme(ranking_weight());
        enquire.set_time_limit(options_.time_limit);
        const auto mset =
            enquire.get_mset(0, static_cast<Xapian::doccount>(std::min(count, max_page_size)));
        const HighlightTerms none;
        Highlighter highlighter(none, analyzer_);
        std::size_t rank = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit = make_hit(*it, highlighter);
            hit.rank = ++rank;
            hit.score = it.get_weight();
            hits.push_back(std::move(hit));
        }
        return hits;
    });
}

namespace {

/// True when `folded_prefix` starts `text` or one of its words.
bool starts_word(const std::string& text, const std::string& folded_prefix) {
    for (std::size_t at = text.find(folded_prefix); at != std::string::npos;
         at = text.find(folded_prefix, at + 1)) {
        if (at == 0) {
            return true;
        }
        const auto before = static_cast<unsigned char>(text[at - 1]);
        if (!((before >= 'a' && before <= 'z') || (before >= '0' && before <= '9') ||
              before >= 0x80)) {
            return true;
        }
    }
    return false;
}

} // namespace

Suggestions Searcher::suggest(std::string_view prefix, std::size_t limit) {
    return with_retry([&] {
        Suggestions out;
        out.prefix = sanitise_query_text(prefix, max_query_bytes);
        std::string folded = fold(out.prefix);
        // Trim spaces at both ends; an empty prefix suggests nothing.
        folded.erase(0, folded.find_first_not_of(' '));
        folded.erase(folded.find_last_not_of(' ') + 1);
        if (folded.empty() || limit == 0) {
            return out;
        }
        // Titles: those starting with the prefix first, then those with a word starting so.
        std::vector<const TitleEntry*> starts;
        std::vector<const TitleEntry*> inside;
        for (const auto& t : data_->titles) {
            if (t.folded.starts_with(folded)) {
                starts.push_back(&t);
            } else if (inside.size() < limit && starts_word(t.folded, folded)) {
                inside.push_back(&t);
            }
        }
        auto shorter = [](const TitleEntry* a, const TitleEntry* b) {
            return a->folded.size() != b->folded.size() ? a->folded.size() < b->folded.size()
                                                        : a->folded < b->folded;
        };
        std::sort(starts.begin(), starts.end(), shorter);
        std::sort(inside.begin(), inside.end(), shorter);
        starts.insert(starts.end(), inside.begin(), inside.end());
        std::vector<std::string_view> shown_titles; // folded
        for (const auto* t : starts) {
            if (out.titles.size() >= limit) {
                break;
            }
            const AlgorithmRecord r = record_of(db_.get_document(t->docid));
            out.titles.push_back({r.name, r.id, 0});
            shown_titles.push_back(t->folded);
        }
        // Organisations: from the facet values, most entries first.
        const auto org = facet_index(facet::organisation.name);
        std::vector<const FacetValueInfo*> orgs;
        const auto& values = data_->facets.values();
        for (std::uint32_t id = 0; id < values.size(); ++id) {
            if (values[id].facet == *org && starts_word(data_->facets.folded_label(id), folded)) {
                orgs.push_back(&values[id]);
            }
        }
        std::sort(orgs.begin(), orgs.end(), [](const auto* a, const auto* b) {
            return a->doc_count != b->doc_count ? a->doc_count > b->doc_count : a->label < b->label;
        });
        for (const auto* v : orgs) {
            if (out.organisations.size() >= limit) {
                break;
            }
            out.organisations.push_back({v->label, v->value, v->doc_count});
        }
        // Terms: complete the last word; earlier words are kept as typed (folded).
        const auto space = folded.find_last_of(' ');
        const std::string head = space == std::string::npos ? "" : folded.substr(0, space + 1);
        const std::string last = space == std::string::npos ? folded : folded.substr(space + 1);
        if (!last.empty()) {
            for (const auto& e : data_->vocabulary.completions(last, limit)) {
                // A word that is a suggested title in another case ("parkeercontrole" next to
                // "Parkeercontrole") would be the same suggestion twice.
                std::string text = head + e.word;
                if (std::find(shown_titles.begin(), shown_titles.end(), text) ==
                    shown_titles.end()) {
                    out.terms.push_back({std::move(text), e.word, e.frequency});
                }
            }
        }
        return out;
    });
}

std::vector<FacetCount> Searcher::facet_values(const SearchRequest& request, std::string_view facet,
                                               std::string_view contains, std::size_t limit) {
    return with_retry([&] {
        if (!facet_index(facet)) {
            throw BadRequest("facet", "onbekend facet '" + std::string(facet) + "'");
        }
        const ParsedQuery parsed = parse_query(request.text);
        QueryContext context{data_->vocabulary, data_->synonyms, data_->facets, analyzer_};
        BuiltQuery built = build_query(parsed, context);
        const FacetSelection selection = select_facets(data_->facets, request.filters);
        const Pass pass = run_pass(built, selection, Sort::relevance, 0, 0);
        return search_facet_values(data_->facets, selection, pass.counts, facet, contains, limit);
    });
}

} // namespace algreg::search
