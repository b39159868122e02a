// The change list (changes.h): which events of the history match a search, one page of them,
// and their JSON. Entries in the register are matched on the index with the search's own query
// (query_builder.h) and facet selection, so a change list and a search with the same parameters
// agree. Entries no longer in the register are not in the index; they are matched on their last
// record with the same semantics as far as a single record allows: filters by facet_terms()
// (OR within a facet, AND across facets, impacttoets grouped per assessment type) and the query
// tree word by word (folded and stemmed by the Analyzer, as the indexer does). What a single
// record cannot reproduce is said in docs/api.md: compounds, abbreviations and exact phrase
// positions are not expanded for removed entries (a phrase matches when all its words occur in
// one field).
#include "search/changes.h"

#include "search/assessment_vocabulary.h"
#include "search/errors.h"
#include "search/facet_terms.h"
#include "search/html_text.h"
#include "search/schema.h"
#include "search/searcher.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace algreg::search {

using nlohmann::json;

void to_json(json& j, const ChangeItem& item) {
    j = json(item.event);
    j["lars"] = item.lars;
    j["name"] = item.name;
    j["organisation"] = item.organisation;
    j["organisation_slug"] = item.organisation_slug;
    j["register_url"] = item.register_url;
    j["in_register"] = item.in_register;
}

void to_json(json& j, const ChangesPage& page) {
    j = json{{"total", page.total}, {"page", page.page},          {"page_size", page.page_size},
             {"since", page.since}, {"until", page.until},        {"last_date", page.last_date},
             {"items", page.items}, {"revisions", page.revisions}};
    j["first_date"] = page.first_date;
    j["totals"] = {{to_string(ChangeKind::added), page.totals.added},
                   {to_string(ChangeKind::changed), page.totals.changed},
                   {to_string(ChangeKind::removed), page.totals.removed}};
    if (page.page_clamped) {
        j["page_clamped"] = true;
    }
    if (!page.warnings.empty()) {
        j["warnings"] = page.warnings;
    }
}

void check_date_parameter(std::string_view parameter, std::string_view value) {
    auto digits = [&](std::size_t from, std::size_t count) {
        int n = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (value[i] < '0' || value[i] > '9') {
                return -1;
            }
            n = n * 10 + (value[i] - '0');
        }
        return n;
    };
    const bool shaped = value.size() == 10 && value[4] == '-' && value[7] == '-';
    const int year = shaped ? digits(0, 4) : -1;
    const int month = shaped ? digits(5, 2) : -1;
    const int day = shaped ? digits(8, 2) : -1;
    const bool valid = year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= 31 &&
                       std::chrono::year_month_day{std::chrono::year(year),
                                                   std::chrono::month(static_cast<unsigned>(month)),
                                                   std::chrono::day(static_cast<unsigned>(day))}
                           .ok();
    if (!valid) {
        throw BadRequest(std::string(parameter),
                         "must be a calendar date written YYYY-MM-DD, for example 2026-06-24");
    }
}

namespace {

using Q = Xapian::Query;
using Mask = std::uint8_t;

constexpr Mask all_fields = (1U << text_prefixes.size()) - 1U;
/// Up to this many entries in the register among the events, their ids restrict the matching
/// pass (one OR of id terms); above it, the pass runs over the whole index instead, which for
/// many candidates is cheaper than a huge OR.
constexpr std::size_t max_id_terms = 2'000;

Mask mask_of_field(const std::string& field) {
    if (field.empty()) {
        return all_fields;
    }
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        if (text_prefixes[i].field_name == field) {
            return static_cast<Mask>(1U << i);
        }
    }
    return all_fields;
}

std::size_t prefix_position(std::string_view prefix) {
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        if (text_prefixes[i].prefix == prefix) {
            return i;
        }
    }
    return text_prefixes.size() - 1; // the rest
}

/// The last record of a removed entry as a query sees it: the folded words and stems of each
/// text field (under the prefixes the indexer uses) and the facet values.
class RecordMatcher {
  public:
    RecordMatcher(const AlgorithmRecord& r, Analyzer& analyzer) : analyzer_(analyzer) {
        for (const auto& field : string_fields()) {
            if (!field.text_prefix.empty()) {
                const std::string& value = r.*field.member;
                add(field.text_prefix, field.html ? strip_html(value) : value);
            }
        }
        for (const auto& ref : r.lawful_basis_grouping) {
            add(prefix::legal, ref.title);
        }
        for (const auto& theme : r.category) {
            add(prefix::rest, theme);
        }
        for (const auto& ref : r.impacttoetsen_grouping) {
            add(prefix::rest, ref.title);
        }
        for (const auto& ref : r.source_data_grouping) {
            add(prefix::rest, ref.title);
        }
        for (const auto& [key, value] : r.legacy) {
            add(prefix::rest, value);
        }
        facet_terms_ = facet_terms(r);
    }

    /// The request's filters: every facet passes (any of its values; impacttoets per type).
    [[nodiscard]] bool passes(const std::map<std::string, std::set<std::string>>& filters) const {
        for (const auto& [name, values] : filters) {
            const auto f = facet_index(name);
            if (!f || values.empty()) {
                continue; // unknown facets were refused by select_facets already
            }
            std::map<std::string, bool> groups; // group -> passed
            for (const auto& value : values) {
                const std::string wanted = slug(value);
                const std::string group = *f == *facet_index(facet::assessment.name)
                                              ? split_assessment_value(wanted).type_slug
                                              : std::string();
                bool& passed = groups[group];
                passed = passed || has_facet_value(*f, value, false);
            }
            for (const auto& [group, passed] : groups) {
                if (!passed) {
                    return false;
                }
            }
        }
        return true;
    }

    /// The query tree (query.h): words by stem, prefix* by folded word start, phrases by every
    /// word in one field, filters on the facet values.
    [[nodiscard]] bool matches(const QueryNode& n) {
        switch (n.kind) {
        case QueryNode::Kind::word:
            return word(n);
        case QueryNode::Kind::phrase:
            return phrase(n);
        case QueryNode::Kind::all: {
            const bool has_required = std::any_of(n.children.begin(), n.children.end(),
                                                  [&](const QueryNode& c) { return !optional(c); });
            for (const auto& child : n.children) {
                if (has_required && optional(child)) {
                    continue;
                }
                if (!matches(child)) {
                    return false;
                }
            }
            return true;
        }
        case QueryNode::Kind::any:
            return std::any_of(n.children.begin(), n.children.end(),
                               [&](const QueryNode& c) { return matches(c); });
        case QueryNode::Kind::exclude:
            return n.children.empty() || !matches(n.children.front());
        case QueryNode::Kind::filter: {
            const auto f = facet_index(n.field);
            return f && has_facet_value(*f, n.text, true);
        }
        }
        return false;
    }

  private:
    struct SubWord {
        std::string folded;
        std::string stem;
    };

    void add(std::string_view prefix, const std::string& text) {
        const std::size_t field = prefix_position(prefix);
        for_each_word(text, 0, [&](const Word& w) {
            const auto& forms = analyzer_.analyse(w.raw);
            if (!forms.stem.empty()) {
                stems_[field].insert(forms.stem);
                folded_[field].insert(forms.folded);
            }
        });
    }

    std::vector<SubWord> sub_words(const std::string& text) {
        std::vector<SubWord> out;
        for_each_word(text, 0, [&](const Word& w) {
            const auto& forms = analyzer_.analyse(w.raw);
            if (!forms.stem.empty()) {
                out.push_back({forms.folded, forms.stem});
            }
        });
        return out;
    }

    /// A plain stopword in an AND: optional, as the query builder makes it.
    bool optional(const QueryNode& n) {
        if (n.kind != QueryNode::Kind::word || n.prefix || !n.field.empty()) {
            return false;
        }
        const auto words = sub_words(n.text);
        return words.size() == 1 && is_stopword(words.front().folded);
    }

    bool has_stem(const std::string& stem, Mask mask, std::size_t only = text_prefixes.size()) {
        for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
            if ((mask & (1U << i)) != 0 && (only == text_prefixes.size() || only == i) &&
                stems_[i].contains(stem)) {
                return true;
            }
        }
        return false;
    }

    bool has_word_start(const std::string& folded_prefix, Mask mask) {
        for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
            if ((mask & (1U << i)) == 0) {
                continue;
            }
            const auto it = folded_[i].lower_bound(folded_prefix);
            if (it != folded_[i].end() && it->starts_with(folded_prefix)) {
                return true;
            }
        }
        return false;
    }

    bool word(const QueryNode& n) {
        const auto words = sub_words(n.text);
        const Mask mask = mask_of_field(n.field);
        if (words.empty()) {
            return true; // nothing to search for, as the builder leaves such words out
        }
        if (words.size() > 1 && !n.prefix) {
            return phrase(n); // "WOZ-waarde" is a phrase
        }
        for (std::size_t i = 0; i < words.size(); ++i) {
            const bool last = i + 1 == words.size();
            const bool found = last && n.prefix && words[i].folded.size() >= 2
                                   ? has_word_start(words[i].folded, mask)
                                   : has_stem(words[i].stem, mask);
            if (!found) {
                return false;
            }
        }
        return true;
    }

    bool phrase(const QueryNode& n) {
        const auto words = sub_words(n.text);
        if (words.empty()) {
            return true;
        }
        const Mask mask = mask_of_field(n.field);
        for (std::size_t field = 0; field < text_prefixes.size(); ++field) {
            if ((mask & (1U << field)) == 0) {
                continue;
            }
            if (std::all_of(words.begin(), words.end(),
                            [&](const SubWord& w) { return has_stem(w.stem, mask, field); })) {
                return true;
            }
        }
        return false;
    }

    /// True when the record has a value of facet `f` that is `text`: equal, equal after slug(),
    /// or with `partial`, containing slug(text) (as FacetIndex::resolve).
    [[nodiscard]] bool has_facet_value(std::size_t f, std::string_view text, bool partial) const {
        const std::string_view prefix = facets[f].prefix;
        const std::string wanted = slug(text);
        for (const auto& term : facet_terms_) {
            if (!term.starts_with(prefix)) {
                continue;
            }
            const std::string_view value = std::string_view(term).substr(prefix.size());
            const std::string value_slug = slug(value);
            if (value == text || value_slug == wanted ||
                (partial && !wanted.empty() && value_slug.find(wanted) != std::string::npos)) {
                return true;
            }
        }
        return false;
    }

    Analyzer& analyzer_;
    std::array<std::unordered_set<std::string>, text_prefixes.size()> stems_;
    std::array<std::set<std::string, std::less<>>, text_prefixes.size()> folded_;
    std::vector<std::string> facet_terms_;
};

/// Marks every document the matcher offers and accepts none: one pass collects all matches
/// without ranking or building an MSet.
class MarkingDecider : public Xapian::MatchDecider {
  public:
    explicit MarkingDecider(std::vector<bool>& marks) : marks_(&marks) {}
    bool operator()(const Xapian::Document& doc) const override {
        const auto docid = doc.get_docid();
        if (docid < marks_->size()) {
            (*marks_)[docid] = true;
        }
        return false;
    }

  private:
    std::vector<bool>* marks_;
};

bool in_range(std::string_view date, std::string_view since, std::string_view until) {
    return (since.empty() || date >= since) && (until.empty() || date <= until);
}

void fill_from(ChangeItem& item, const AlgorithmRecord& r) {
    item.lars = r.lars;
    item.name = r.name;
    item.organisation = r.organization;
    item.organisation_slug = slug(r.organization);
    item.register_url = r.register_url;
}

} // namespace

ChangesPage Searcher::changes_once(const ChangesRequest& request) {
    if (!request.since.empty()) {
        check_date_parameter("since", request.since);
    }
    if (!request.until.empty()) {
        check_date_parameter("until", request.until);
    }
    if (!request.since.empty() && !request.until.empty() && request.until < request.since) {
        throw BadRequest("until", "is before since (" + request.since + ")");
    }
    const HistoryLog& log = *data_->history;
    ChangesPage page;
    page.since = request.since;
    page.until = request.until;
    page.last_date = log.last_date();
    page.first_date = log.first_date();
    const auto summaries = log.summaries();
    for (auto it = summaries.rbegin(); it != summaries.rend(); ++it) {
        if (in_range(it->date, request.since, request.until)) {
            page.revisions.push_back(*it);
        }
    }

    // The search part: parsed and resolved as a search does (BadRequest for unknown facets).
    const ParsedQuery parsed = parse_query(request.search.text);
    QueryContext context{data_->vocabulary, data_->synonyms, data_->facets, analyzer_};
    const BuiltQuery built = build_query(parsed, context);
    const FacetSelection selection = select_facets(data_->facets, request.search.filters);
    page.warnings = built.warnings;
    for (const auto& unknown : selection.unknown) {
        page.warnings.push_back(unknown_filter_warning(unknown));
    }

    // Every kind is matched, for the totals; the kinds asked for are picked afterwards.
    const std::vector<EntryEvent> events = log.events(request.since, request.until);

    // Which entries are in the register now: their docid, looked up once per id (0: not in
    // the index).
    std::unordered_map<std::string, Xapian::docid> docids;
    auto docid_in_register = [&](const std::string& id) {
        const auto known = docids.find(id);
        if (known != docids.end()) {
            return known->second;
        }
        const std::string term = std::string(prefix::id) + id;
        const auto it = db_.postlist_begin(term);
        const Xapian::docid docid = it == db_.postlist_end(term) ? 0 : *it;
        docids.emplace(id, docid);
        return docid;
    };

    std::vector<const EntryEvent*> matching;
    const bool everything = !built.constrained && selection.empty();
    if (everything) {
        for (const auto& e : events) {
            matching.push_back(&e);
        }
    } else {
        // Entries in the register: one boolean pass of the search's query and filters.
        std::vector<std::string> in_register; // their id terms
        for (const auto& e : events) {
            if (!docids.contains(e.id) && docid_in_register(e.id) != 0) {
                in_register.push_back(std::string(prefix::id) + e.id);
            }
        }
        std::vector<bool> passing(static_cast<std::size_t>(db_.get_lastdocid()) + 1, false);
        // A facet asked for with only values the index does not have matches nothing, as in a
        // search; selection_query() then gives MatchNothing, which is an empty Query, and an
        // empty filter would otherwise read as no filter at all.
        const Q filter = selection_query(data_->facets, selection);
        const bool nothing_passes = !selection.empty() && filter.empty();
        if (!in_register.empty() && !nothing_passes) {
            Q query = built.constrained ? built.query : match_all();
            if (!filter.empty()) {
                query = Q(Q::OP_FILTER, query, filter);
            }
            if (in_register.size() <= max_id_terms) {
                query = Q(Q::OP_FILTER, query, Q(Q::OP_OR, in_register.begin(), in_register.end()));
            }
            Xapian::Enquire enquire(db_);
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
            const MarkingDecider decider(passing);
            (void)enquire.get_mset(0, 0, db_.get_doccount(), nullptr, &decider);
        }
        // Removed entries: their last record, once per id.
        std::unordered_map<std::string, bool> removed_matches;
        auto removed_match = [&](const std::string& id) {
            const auto known = removed_matches.find(id);
            if (known != removed_matches.end()) {
                return known->second;
            }
            bool match = false;
            if (const AlgorithmRecord* r = log.removed_record(id)) {
                RecordMatcher matcher(*r, analyzer_);
                match = matcher.passes(request.search.filters) &&
                        (!parsed.root || matcher.matches(*parsed.root));
            }
            removed_matches.emplace(id, match);
            return match;
        };
        for (const auto& e : events) {
            const Xapian::docid docid = docid_in_register(e.id);
            if (docid != 0 ? passing[docid] : removed_match(e.id)) {
                matching.push_back(&e);
            }
        }
    }

    for (const EntryEvent* e : matching) {
        ++(e->kind == ChangeKind::added     ? page.totals.added
           : e->kind == ChangeKind::changed ? page.totals.changed
                                            : page.totals.removed);
    }
    if (!request.kinds.empty()) {
        std::erase_if(matching, [&](const EntryEvent* e) {
            return std::find(request.kinds.begin(), request.kinds.end(), e->kind) ==
                   request.kinds.end();
        });
    }

    // Paging: clamped, never refused; a page past the end shows the last one.
    page.total = matching.size();
    page.page_size = std::clamp<std::size_t>(request.page_size, 1, max_changes_page_size);
    const std::size_t last_page =
        std::max<std::size_t>(1, (page.total + page.page_size - 1) / page.page_size);
    page.page = std::clamp<std::size_t>(request.page, 1, last_page);
    page.page_clamped = page.page_size != request.page_size || page.page != request.page;
    const std::size_t begin = (page.page - 1) * page.page_size;
    const std::size_t end = std::min(page.total, begin + page.page_size);
    for (std::size_t i = begin; i < end; ++i) {
        ChangeItem item;
        item.event = *matching[i];
        const Xapian::docid docid = docid_in_register(item.event.id);
        if (docid != 0) {
            fill_from(item, *record(docid));
        } else {
            item.in_register = false;
            if (const AlgorithmRecord* r = log.removed_record(item.event.id)) {
                fill_from(item, *r);
            }
        }
        page.items.push_back(std::move(item));
    }
    return page;
}

} // namespace algreg::search
