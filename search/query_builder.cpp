#include "search/query_builder.h"

#include "search/compound_split.h"
#include "search/phrase_query.h"
#include "search/related_key.h"
#include "search/schema.h"

#include <algorithm>
#include <array>
#include <optional>

namespace algreg::search {

namespace {

using Q = Xapian::Query;

/// Each part of a split query word (fraude + detectie for fraudedetectie), its compounds at
/// split_weight * compound_weight: the parts' weights add up, so each counts less than a
/// compound match, and the whole word ranks above its parts.
constexpr double split_weight = 0.3;
/// Related words (related_key.h) are other words for the thing, not the same word as an
/// abbreviation's expansion: well below the word itself, so that an entry with the word in a
/// long field still ranks above one with the related word in its title.
constexpr double related_weight = 0.3;

constexpr std::array<std::string_view, 32> stopwords{
    "aan", "als", "bij", "dat", "de",  "den", "der",  "die",   "dit",    "door", "een",
    "en",  "er",  "het", "hun", "in",  "is",  "met",  "naar",  "om",     "op",   "ook",
    "te",  "ten", "ter", "tot", "uit", "van", "voor", "wordt", "worden", "zijn"};

constexpr std::uint8_t all_fields = (1U << text_prefixes.size()) - 1U;
/// The exact-phrase boost looks at the short fields only (title, short description, goal):
/// checking positions in every long field of every matching entry costs more than it adds.
constexpr std::uint8_t phrase_boost_fields = 0b0111;

std::uint8_t field_mask(const std::string& field) {
    if (field.empty()) {
        return all_fields;
    }
    for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
        if (text_prefixes[i].field_name == field) {
            return static_cast<std::uint8_t>(1U << i);
        }
    }
    return all_fields;
}

Q scaled(const Q& q, double factor) {
    return Q(Q::OP_SCALE_WEIGHT, q, factor);
}

Q combine(Q::op op, const std::vector<Q>& parts) {
    if (parts.size() == 1) {
        return parts.front();
    }
    return Q(op, parts.begin(), parts.end());
}

struct SubWord {
    std::string raw;
    std::string folded;
    std::string stem;
    std::size_t offset; ///< in the node's text
};

class Builder {
  public:
    Builder(QueryContext& context, BuiltQuery& out) : c_(context), out_(out) {}

    std::optional<Q> node(const QueryNode& n) {
        switch (n.kind) {
        case QueryNode::Kind::word:
            return word_node(n);
        case QueryNode::Kind::phrase:
            return phrase_node(n);
        case QueryNode::Kind::all:
            return all_node(n, false);
        case QueryNode::Kind::any:
            return any_node(n);
        case QueryNode::Kind::exclude: {
            const auto excluded = negative(n);
            if (!excluded) {
                return std::nullopt;
            }
            return Q(Q::OP_AND_NOT, match_all(), *excluded);
        }
        case QueryNode::Kind::filter:
            return scaled(filter_node(n), 0);
        }
        return std::nullopt;
    }

    std::optional<Q> root(const QueryNode& n) {
        if (n.kind == QueryNode::Kind::all) {
            return all_node(n, true);
        }
        return node(n);
    }

  private:
    std::vector<SubWord> sub_words(const QueryNode& n) {
        std::vector<SubWord> words;
        for_each_word(n.text, 0, [&](const Word& w) {
            const auto& forms = c_.analyzer.analyse(w.raw);
            if (forms.stem.empty()) {
                return;
            }
            words.push_back({std::string(w.raw), forms.folded, forms.stem,
                             static_cast<std::size_t>(w.raw.data() - n.text.data())});
        });
        return words;
    }

    /// A plain word: one sub-word, no prefix, no field. Synonyms and the phrase boost use these.
    bool is_plain_word(const QueryNode& n) {
        return n.kind == QueryNode::Kind::word && !n.prefix && n.field.empty() &&
               sub_words(n).size() == 1;
    }

    /// The stems, per allowed prefix, scaled by the prefix weight times `factor`. Several stems
    /// form one OP_SYNONYM per prefix. nullopt when no stem occurs in any allowed prefix.
    std::optional<Q> terms(const std::vector<std::string>& stems, std::uint8_t allowed,
                           double factor) {
        std::vector<Q> parts;
        for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
            const auto bit = static_cast<std::uint8_t>(1U << i);
            if ((allowed & bit) == 0) {
                continue;
            }
            std::vector<std::string> present;
            for (const auto& stem : stems) {
                if ((c_.vocabulary.fields_of(stem) & bit) != 0) {
                    present.push_back(std::string(text_prefixes[i].prefix) + stem);
                }
            }
            if (present.empty()) {
                continue;
            }
            const Q q = present.size() == 1 ? Q(present.front())
                                            : Q(Q::OP_SYNONYM, present.begin(), present.end());
            parts.push_back(scaled(q, text_prefixes[i].weight * factor));
        }
        if (parts.empty()) {
            return std::nullopt;
        }
        return combine(Q::OP_OR, parts);
    }

    std::optional<Q> phrase(const std::vector<std::string>& stems, std::uint8_t allowed,
                            double factor) {
        std::vector<Q> parts;
        for (std::size_t i = 0; i < text_prefixes.size(); ++i) {
            const auto bit = static_cast<std::uint8_t>(1U << i);
            if ((allowed & bit) == 0) {
                continue;
            }
            std::vector<std::string> t;
            for (const auto& stem : stems) {
                if ((c_.vocabulary.fields_of(stem) & bit) == 0) {
                    break;
                }
                t.push_back(std::string(text_prefixes[i].prefix) + stem);
            }
            if (t.size() != stems.size()) {
                continue;
            }
            parts.push_back(scaled(phrase_query(t), text_prefixes[i].weight * factor));
        }
        if (parts.empty()) {
            return std::nullopt;
        }
        return combine(Q::OP_OR, parts);
    }

    void note_positive() {
        if (negated_ == 0) {
            out_.ranked = true;
            ++out_.highlight.words;
        }
    }

    /// One word: its stem in every allowed field, plus compounds when `expand`.
    Q word(const SubWord& w, std::size_t node_offset, const std::string& field, bool expand) {
        note_positive();
        const std::uint8_t allowed = field_mask(field);
        out_.highlight.add_stem(w.stem, allowed);
        std::vector<Q> parts;
        if (auto q = terms({w.stem}, allowed, 1.0)) {
            parts.push_back(*q);
        }
        if (expand && !is_stopword(w.folded)) {
            if (auto q = compounds(w.folded, w.stem, allowed, compound_weight)) {
                parts.push_back(*q);
            }
        }
        bool split = false;
        if (expand && !is_stopword(w.folded)) {
            if (auto q = split_parts(w, allowed)) {
                parts.push_back(*q);
                split = true;
            }
        }
        if (negated_ == 0) {
            // Compounds do not make a word known: "gezichtsherkening" may match a compound
            // and still deserve a "Bedoelde u". A word made of two index words is a word.
            const bool known = (c_.vocabulary.fields_of(w.stem) & allowed) != 0 ||
                               c_.synonyms.find(w.folded) != nullptr || split;
            out_.words.push_back({node_offset + w.offset, w.raw.size(), w.folded, known});
        }
        if (parts.empty()) {
            return Q::MatchNothing;
        }
        return combine(Q::OP_OR, parts);
    }

    /// The indexed compounds of a word (vocabulary.h compounds()) at `factor`, highlighted;
    /// nullopt when there are none or the query's expansion budget is spent.
    std::optional<Q> compounds(std::string_view folded, const std::string& stem,
                               std::uint8_t allowed, double factor) {
        if (expansions_ >= max_expansions_per_query) {
            return std::nullopt;
        }
        std::vector<std::string> stems;
        for (const auto& e : c_.vocabulary.compounds(folded, stem, max_compound_expansions)) {
            std::string s = c_.analyzer.stem_folded(e.word);
            if (s != stem && std::find(stems.begin(), stems.end(), s) == stems.end()) {
                stems.push_back(std::move(s));
            }
        }
        expansions_ += stems.size();
        auto q = terms(stems, allowed, factor);
        if (q) {
            for (const auto& s : stems) {
                out_.highlight.add_stem(s, allowed);
            }
        }
        return q;
    }

    /// One part of a split word: the part at split_weight, its compounds below it.
    std::optional<Q> split_part(const std::string& folded, std::uint8_t allowed) {
        const std::string stem = c_.analyzer.stem_folded(folded);
        auto q = terms({stem}, allowed, split_weight);
        if (!q) {
            return std::nullopt;
        }
        out_.highlight.add_stem(stem, allowed);
        if (auto more = compounds(folded, stem, allowed, split_weight * compound_weight)) {
            q = Q(Q::OP_OR, *q, *more);
        }
        return q;
    }

    /// A compound query word as its two parts (compound_split.h), both required, each with
    /// its own compounds: fraudedetectie also finds "fraude ... detectie" and
    /// "fraudesignalen ... detectie". nullopt when not split or
    /// when a part occurs in none of the allowed fields.
    std::optional<Q> split_parts(const SubWord& w, std::uint8_t allowed) {
        const auto split = split_compound(c_.vocabulary, w.folded, w.stem);
        if (!split) {
            return std::nullopt;
        }
        const auto first = split_part(split->first, allowed);
        const auto second = split_part(split->second, allowed);
        if (!first || !second) {
            return std::nullopt;
        }
        return Q(Q::OP_AND, *first, *second);
    }

    Q prefix_word(const SubWord& w, std::size_t node_offset, const std::string& field) {
        if (w.folded.size() < 2) {
            return word(w, node_offset, field, false);
        }
        note_positive();
        std::vector<std::string> stems;
        for (const auto& e : c_.vocabulary.completions(w.folded, max_prefix_expansions)) {
            std::string s = c_.analyzer.stem_folded(e.word);
            if (std::find(stems.begin(), stems.end(), s) == stems.end()) {
                stems.push_back(std::move(s));
            }
        }
        if (c_.vocabulary.fields_of(w.stem) != 0 &&
            std::find(stems.begin(), stems.end(), w.stem) == stems.end()) {
            stems.push_back(w.stem); // words the spelling list leaves out (digits, 2 letters)
        }
        expansions_ += stems.size();
        out_.highlight.add_prefix(w.folded, field_mask(field));
        if (auto q = terms(stems, field_mask(field), 1.0)) {
            return *q;
        }
        return Q::MatchNothing;
    }

    std::optional<Q> word_node(const QueryNode& n) {
        const auto words = sub_words(n);
        if (words.empty()) {
            return std::nullopt;
        }
        if (is_plain_word(n)) { // a word outside an AND (alone, or in an OR) may be an abbreviation
            const std::vector<QueryNode> one{n};
            std::size_t i = 0;
            if (auto group = try_synonyms(one, i)) {
                return group;
            }
        }
        if (n.prefix) {
            std::vector<Q> parts;
            for (std::size_t i = 0; i + 1 < words.size(); ++i) {
                parts.push_back(word(words[i], n.offset, n.field, false));
            }
            parts.push_back(prefix_word(words.back(), n.offset, n.field));
            return combine(Q::OP_AND, parts);
        }
        if (words.size() > 1) {
            return phrase_of(words, n.field); // "WOZ-waarde"
        }
        return word(words.front(), n.offset, n.field, true);
    }

    Q phrase_of(const std::vector<SubWord>& words, const std::string& field) {
        note_positive();
        std::vector<std::string> stems;
        for (const auto& w : words) {
            stems.push_back(w.stem);
            out_.highlight.add_stem(w.stem, field_mask(field));
        }
        if (auto q = phrase(stems, field_mask(field), 1.0)) {
            return *q;
        }
        return Q::MatchNothing;
    }

    std::optional<Q> phrase_node(const QueryNode& n) {
        const auto words = sub_words(n);
        if (words.empty()) {
            return std::nullopt;
        }
        if (words.size() == 1) {
            return word(words.front(), n.offset, n.field, false); // exact: no compounds
        }
        return phrase_of(words, n.field);
    }

    Q filter_node(const QueryNode& n) {
        const auto f = facet_index(n.field);
        std::vector<std::string> filter_terms;
        if (f) {
            for (const auto id : c_.facets.resolve(*f, n.text, true)) {
                filter_terms.push_back(c_.facets.term(id));
            }
        }
        if (filter_terms.empty()) {
            out_.warnings.push_back({"Onbekende waarde voor " + n.field + ": " + n.text,
                                     "Unknown value for " + n.field + ": " + n.text});
            return Q::MatchNothing;
        }
        return Q(Q::OP_OR, filter_terms.begin(), filter_terms.end());
    }

    /// The query a negated child excludes; a doubly negated child is positive again.
    std::optional<Q> negative(const QueryNode& exclude) {
        if (exclude.children.empty()) {
            return std::nullopt;
        }
        const QueryNode& child = exclude.children.front();
        if (child.kind == QueryNode::Kind::exclude && !child.children.empty()) {
            // NOT NOT x: exclude everything that is not x.
            const auto inner = node(child.children.front());
            if (!inner) {
                return std::nullopt;
            }
            return Q(Q::OP_AND_NOT, match_all(), *inner);
        }
        ++negated_;
        auto q = child.kind == QueryNode::Kind::filter ? std::optional<Q>(filter_node(child))
                                                       : node(child);
        --negated_;
        return q;
    }

    /// Abbreviation expansion of words [begin, begin + count) of `children`.
    Q synonym_group(const std::vector<const QueryNode*>& words,
                    const std::vector<std::string>& values,
                    const std::vector<std::string>& related) {
        std::vector<Q> original;
        for (const auto* w : words) {
            const auto sub = sub_words(*w);
            original.push_back(word(sub.front(), w->offset, "", words.size() == 1));
        }
        for (auto& qw : out_.words) { // an abbreviation is a known word
            for (const auto* w : words) {
                if (qw.offset == w->offset) {
                    qw.known = true;
                }
            }
        }
        Q result = combine(Q::OP_AND, original);
        for (const auto& [list, weight] :
             {std::pair{&values, synonym_weight}, std::pair{&related, related_weight}}) {
            if (auto alternatives = alternatives_of(*list)) {
                result = Q(Q::OP_OR, result, scaled(*alternatives, weight));
            }
        }
        return result;
    }

    /// The values of a synonym key as one query: a word as a term, several words as a phrase.
    std::optional<Q> alternatives_of(const std::vector<std::string>& values) {
        std::vector<Q> alternatives;
        for (const auto& value : values) {
            std::vector<std::string> stems;
            for_each_word(value, 0, [&](const Word& vw) {
                const auto& forms = c_.analyzer.analyse(vw.raw);
                if (!forms.stem.empty()) {
                    stems.push_back(forms.stem);
                    out_.highlight.add_stem(forms.stem, all_fields);
                }
            });
            if (stems.empty()) {
                continue;
            }
            auto q =
                stems.size() == 1 ? terms(stems, all_fields, 1.0) : phrase(stems, all_fields, 1.0);
            if (q) {
                alternatives.push_back(*q);
            }
        }
        if (alternatives.empty()) {
            return std::nullopt;
        }
        return combine(Q::OP_OR, alternatives);
    }

    std::optional<Q> all_node(const QueryNode& n, bool top_level) {
        std::vector<Q> positives;
        std::vector<Q> optional;
        std::vector<Q> negatives;
        std::vector<Q> filters;
        const auto& ch = n.children;
        std::size_t i = 0;
        while (i < ch.size()) {
            const QueryNode& c = ch[i];
            if (is_plain_word(c)) {
                if (auto group = try_synonyms(ch, i)) {
                    positives.push_back(*group);
                    continue; // i advanced
                }
                const auto sub = sub_words(c);
                if (is_stopword(sub.front().folded)) {
                    optional.push_back(word(sub.front(), c.offset, "", false));
                    ++i;
                    continue;
                }
            }
            if (c.kind == QueryNode::Kind::exclude) {
                if (auto q = negative(c)) {
                    negatives.push_back(*q);
                }
            } else if (c.kind == QueryNode::Kind::filter) {
                filters.push_back(filter_node(c));
            } else if (auto q = node(c)) {
                positives.push_back(*q);
            }
            ++i;
        }
        std::optional<Q> main;
        if (!positives.empty()) {
            main = combine(Q::OP_AND, positives);
            if (!optional.empty()) {
                main = Q(Q::OP_AND_MAYBE, *main, combine(Q::OP_OR, optional));
            }
        } else if (!optional.empty()) {
            main = combine(Q::OP_AND, optional);
        }
        if (!filters.empty()) {
            const Q filter = combine(Q::OP_AND, filters);
            main = main ? Q(Q::OP_FILTER, *main, filter) : scaled(filter, 0);
        }
        if (!negatives.empty()) {
            main = Q(Q::OP_AND_NOT, main ? *main : match_all(), combine(Q::OP_OR, negatives));
        }
        if (main && top_level) {
            if (auto boost = phrase_boost(n)) {
                main = Q(Q::OP_AND_MAYBE, *main, *boost);
            }
        }
        return main;
    }

    /// Greedy longest match of a synonym key over the run of plain words at `i`. Advances `i`.
    std::optional<Q> try_synonyms(const std::vector<QueryNode>& ch, std::size_t& i) {
        std::vector<const QueryNode*> run;
        std::vector<SubWord> run_words;
        for (std::size_t k = i;
             k < ch.size() && run.size() < c_.synonyms.longest_key_words() && is_plain_word(ch[k]);
             ++k) {
            run.push_back(&ch[k]);
            run_words.push_back(sub_words(ch[k]).front());
        }
        // The first `length` words of the run, expanded to `values` and `related`; advances `i`.
        const std::vector<std::string> none;
        auto take = [&](std::size_t length, const std::vector<std::string>& values,
                        const std::vector<std::string>& related) {
            const std::vector<const QueryNode*> group(
                run.begin(), run.begin() + static_cast<std::ptrdiff_t>(length));
            i += length;
            return synonym_group(group, values, related);
        };
        for (std::size_t length = run.size(); length >= 1; --length) {
            std::string key;
            for (std::size_t k = 0; k < length; ++k) {
                key += (k > 0 ? " " : "") + run_words[k].folded;
            }
            const auto* values = c_.synonyms.find(key);
            if (values != nullptr && length == 1 && is_abbreviation(key, *values) &&
                !abbreviation_may_expand(run_words[0].raw, run_words[0].folded)) {
                values = nullptr;
            }
            const auto* related = c_.synonyms.find(related_key(key));
            if (values != nullptr || related != nullptr) {
                return take(length, values != nullptr ? *values : none,
                            related != nullptr ? *related : none);
            }
            if (length >= 2) {
                // A one-word long form typed as separate words ("burger service nummer"):
                // the word itself and its synonyms are the alternatives.
                std::string joined;
                for (std::size_t k = 0; k < length; ++k) {
                    joined += run_words[k].folded;
                }
                if (const auto* of_joined = c_.synonyms.find(joined)) {
                    std::vector<std::string> alternatives = *of_joined;
                    alternatives.push_back(joined);
                    return take(length, alternatives, none);
                }
            }
        }
        return std::nullopt;
    }

    std::optional<Q> any_node(const QueryNode& n) {
        std::vector<Q> parts;
        for (const auto& c : n.children) {
            if (auto q = node(c)) {
                parts.push_back(*q);
            }
        }
        if (parts.empty()) {
            return std::nullopt;
        }
        return combine(Q::OP_OR, parts);
    }

    /// The exact phrase of the top-level plain words, as an optional extra score.
    std::optional<Q> phrase_boost(const QueryNode& n) {
        std::vector<std::string> stems;
        for (const auto& c : n.children) {
            if (is_plain_word(c)) {
                stems.push_back(sub_words(c).front().stem);
            }
        }
        if (stems.size() < 2) {
            return std::nullopt;
        }
        return phrase(stems, phrase_boost_fields, phrase_boost_weight);
    }

    QueryContext& c_;
    BuiltQuery& out_;
    int negated_ = 0;
    std::size_t expansions_ = 0;
};

} // namespace

bool is_stopword(std::string_view folded) {
    return std::find(stopwords.begin(), stopwords.end(), folded) != stopwords.end();
}

BuiltQuery build_query(const ParsedQuery& parsed, QueryContext& context) {
    BuiltQuery out;
    if (!parsed.root) {
        out.query = match_all();
        return out;
    }
    Builder builder(context, out);
    if (auto q = builder.root(*parsed.root)) {
        out.query = *q;
        out.constrained = true;
    } else {
        out.query = match_all();
    }
    return out;
}

} // namespace algreg::search
