#include "search/phrase_query.h"

#include "search/positions.h"
#include "search/schema.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace algreg::search {

namespace {

/// The documents that have the phrase, by the positions value. Used as the boolean side of
/// OP_FILTER next to the OP_AND of the phrase's terms, which does the weighting. In that role
/// Xapian asks check(docid) for each document the AND matched (its termfreq estimate is the
/// document count, so the terms drive); next() and skip_to() walk the terms' posting lists
/// themselves, so the source is also right wherever Xapian lets it lead.
/// Xapian clone()s it for every match, so one instance is never used by two threads.
class PhrasePostingSource final : public Xapian::PostingSource {
  public:
    PhrasePostingSource(std::vector<std::string> terms, std::vector<std::string> stems,
                        Xapian::valueno slot)
        : terms_(std::move(terms)), stems_(std::move(stems)), slot_(slot) {}

    PostingSource* clone() const override { return new PhrasePostingSource(terms_, stems_, slot_); }

    void init(const Xapian::Database& db) override {
        postings_.clear();
        Xapian::doccount rarest = db.get_doccount();
        for (const auto& term : terms_) {
            postings_.push_back(db.postlist_begin(term));
            rarest = std::min(rarest, db.get_termfreq(term));
        }
        values_ = db.valuestream_begin(slot_);
        values_end_ = db.valuestream_end(slot_);
        documents_ = db.get_doccount();
        current_ = 0;
        next_candidate_ = 1;
        positioned_ = false;
        at_end_ = rarest == 0;
    }

    Xapian::doccount get_termfreq_min() const override { return 0; }
    // The document count, not an estimate of the phrase's documents: a higher estimate than
    // any term's makes Xapian let the terms lead and ask check() (the cheap path).
    Xapian::doccount get_termfreq_est() const override { return documents_; }
    Xapian::doccount get_termfreq_max() const override { return documents_; }

    void next(double /*min_wt*/) override { find_from(next_candidate_); }

    void skip_to(Xapian::docid did, double /*min_wt*/) override {
        if (at_end_ || (positioned_ && did <= current_)) {
            return;
        }
        find_from(std::max(did, next_candidate_));
    }

    bool check(Xapian::docid did, double /*min_wt*/) override {
        if (at_end_ || (positioned_ && did == current_)) {
            return true;
        }
        current_ = did;
        next_candidate_ = did + 1;
        positioned_ = has_phrase_at(did);
        return positioned_;
    }

    bool at_end() const override { return at_end_; }
    Xapian::docid get_docid() const override { return current_; }

    std::string get_description() const override {
        std::string out = "PhrasePostingSource(";
        for (std::size_t i = 0; i < terms_.size(); ++i) {
            out += (i == 0 ? "" : " ") + terms_[i];
        }
        return out + ")";
    }

  private:
    /// True when document `did` (which holds every term) has the phrase.
    bool has_phrase_at(Xapian::docid did) {
        if (values_ == values_end_) {
            return false;
        }
        if (values_.get_docid() < did) {
            values_.skip_to(did);
            if (values_ == values_end_) {
                return false;
            }
        }
        return values_.get_docid() == did && has_phrase(*values_, stems_);
    }

    /// Moves to the first document >= `did` with every term and the phrase.
    void find_from(Xapian::docid did) {
        positioned_ = false;
        while (true) {
            Xapian::docid highest = did;
            for (auto& p : postings_) {
                if (p != Xapian::PostingIterator() && *p < did) {
                    p.skip_to(did);
                }
                if (p == Xapian::PostingIterator()) {
                    at_end_ = true;
                    return;
                }
                highest = std::max(highest, *p);
            }
            if (highest != did) {
                did = highest;
                continue;
            }
            if (has_phrase_at(did)) {
                current_ = did;
                next_candidate_ = did + 1;
                positioned_ = true;
                return;
            }
            ++did;
        }
    }

    std::vector<std::string> terms_;
    std::vector<std::string> stems_; ///< terms_ without their prefix
    Xapian::valueno slot_;           ///< the positions slot of their prefix
    std::vector<Xapian::PostingIterator> postings_;
    Xapian::ValueIterator values_;
    Xapian::ValueIterator values_end_;
    Xapian::doccount documents_ = 0;
    Xapian::docid current_ = 0;
    Xapian::docid next_candidate_ = 1; ///< the lowest document not yet ruled out
    bool positioned_ = false;          ///< current_ is a match
    bool at_end_ = false;
};

} // namespace

Xapian::Query phrase_query(const std::vector<std::string>& terms) {
    if (terms.empty()) {
        throw std::invalid_argument("phrase_query: no terms");
    }
    if (terms.size() == 1) {
        return Xapian::Query(terms.front());
    }
    const std::size_t length = term_prefix_length(terms.front());
    const std::string_view prefix = std::string_view(terms.front()).substr(0, length);
    const auto slot = positions_slot(prefix);
    std::vector<std::string> stems;
    for (const auto& term : terms) {
        if (!slot || term_prefix_length(term) != length || !term.starts_with(prefix)) {
            throw std::invalid_argument("phrase_query: terms under one text prefix expected, got " +
                                        term);
        }
        stems.push_back(term.substr(length));
    }
    auto* source = new PhrasePostingSource(terms, std::move(stems), *slot);
    return Xapian::Query(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()),
                         Xapian::Query(source->release()));
}

} // namespace algreg::search
