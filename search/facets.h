// Exact, disjunctive facet counts from in-memory arrays.
//
// FacetIndex is built once per index revision from the boolean facet terms (schema.h facets):
// every value gets a small integer id, and every document the list of its value ids
// (docid-indexed, compressed-row layout). Counting then never touches Xapian documents or value
// slots: FacetCounter is fed the docids that match the text query (by a MatchDecider in the
// ranked pass, or by walking all documents for an empty query) and, in that one pass, decides
// per document which selected facet groups it passes:
//   passes all groups       -> counted in every facet, and in the total
//   fails exactly group g   -> counted only in g's values (g's counts ignore g's own selection)
//   fails two or more       -> not counted
// which gives exact disjunctive counts for all facets at once, with no extra pass per selected
// facet. Values of one group combine with OR, groups with AND. The impacttoets facet has one
// group per assessment type (DPIA, IAMA, ...): "DPIA uitgevoerd OR DPIA onbekend" but
// "DPIA uitgevoerd AND IAMA uitgevoerd".
#pragma once

#include "search/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// One facet value present in the index.
struct FacetValueInfo {
    std::string value;      ///< term text after the prefix: "gemeente-utrecht", "in_gebruik"
    std::string label;      ///< display text from a record ("Gemeente Utrecht", "In gebruik")
    std::uint16_t facet;    ///< index into schema.h `facets`
    std::uint16_t group;    ///< counting group (see the file comment)
    std::string group_name; ///< impacttoets: the assessment type slug; else ""
    std::uint32_t doc_count;
};

class FacetIndex {
  public:
    FacetIndex() = default;
    /// Reads every facet term's posting list once, and one document per value for its label.
    [[nodiscard]] static FacetIndex load(const Xapian::Database& db);

    [[nodiscard]] const std::vector<FacetValueInfo>& values() const { return values_; }
    /// Value ids of a document (empty for an unknown docid).
    [[nodiscard]] std::span<const std::uint32_t> values_of(Xapian::docid docid) const;
    /// Every document, ascending.
    [[nodiscard]] const std::vector<Xapian::docid>& documents() const { return documents_; }
    [[nodiscard]] std::size_t group_count() const { return group_count_; }
    /// fold(label) of a value, computed once.
    [[nodiscard]] const std::string& folded_label(std::uint32_t value_id) const {
        return folded_labels_[value_id];
    }
    /// The Xapian term of a value (prefix + value).
    [[nodiscard]] std::string term(std::uint32_t value_id) const;
    /// Value ids of facet `facet` whose value or label means `text`: equal as given, or equal
    /// after slug() (so "In gebruik" finds in_gebruik). With `allow_partial` and no exact match,
    /// every value whose slugged value or label contains slug(text).
    [[nodiscard]] std::vector<std::uint32_t> resolve(std::size_t facet, std::string_view text,
                                                     bool allow_partial) const;

  private:
    std::vector<FacetValueInfo> values_;
    std::vector<std::string> value_slugs_;
    std::vector<std::string> label_slugs_;
    std::vector<std::string> folded_labels_;
    std::vector<std::uint32_t> offsets_; ///< docid -> first index in doc_values_
    std::vector<std::uint32_t> doc_values_;
    std::vector<Xapian::docid> documents_;
    std::size_t group_count_ = 0;
};

/// Index of the facet named `name` in schema.h `facets`, or nullopt.
[[nodiscard]] std::optional<std::size_t> facet_index(std::string_view name);

/// A request's filters resolved against a FacetIndex.
struct FacetSelection {
    std::vector<std::uint8_t> selected;       ///< per value id: 1 when selected
    std::vector<std::uint16_t> active_groups; ///< groups with at least one requested value
    std::map<std::uint16_t, std::vector<std::uint32_t>> by_group;
    std::vector<std::string> unknown; ///< "facet=value" pairs that match no value
    /// Requested values per facet name, as given (for echoing selections with zero counts).
    std::map<std::string, std::set<std::string>> requested;
    [[nodiscard]] bool empty() const { return active_groups.empty(); }
};

/// The notice for one of FacetSelection::unknown ("facet=value").
[[nodiscard]] Text unknown_filter_warning(const std::string& unknown);

/// Resolves `filters` (facet name -> values). Throws BadRequest("filter", ...) for an unknown
/// facet name. A value that matches nothing still makes its group active, with nothing
/// selected: the result is empty, as it should be, and `unknown` names it.
[[nodiscard]] FacetSelection
select_facets(const FacetIndex& index, const std::map<std::string, std::set<std::string>>& filters);

/// The Xapian filter for a selection: AND over active groups of OR over their values' terms.
/// An empty selection gives an empty Query (no filter).
[[nodiscard]] Xapian::Query selection_query(const FacetIndex& index, const FacetSelection& s);

/// Counts one pass of matching documents; see the file comment.
class FacetCounter {
  public:
    /// Both must outlive the counter.
    FacetCounter(const FacetIndex& index, const FacetSelection& selection);
    /// Counts one matching document; true when it passes every selected group.
    bool add(Xapian::docid docid);
    /// Adds every document of the index (the empty query), in docid order. With `passing`
    /// (sized above the last docid), marks the documents that pass every selected group.
    void add_all(std::vector<bool>* passing = nullptr);
    [[nodiscard]] std::size_t total() const { return total_; }
    [[nodiscard]] std::size_t seen() const { return seen_; }
    [[nodiscard]] const std::vector<std::uint32_t>& counts() const { return counts_; }

  private:
    const FacetIndex& index_;
    const FacetSelection& selection_;
    std::vector<std::uint64_t> value_bit_; ///< per value: its active group's bit, or 0
    std::uint64_t active_mask_ = 0;
    std::vector<std::uint32_t> counts_;
    std::size_t total_ = 0;
    std::size_t seen_ = 0;
};

/// Counts every document the matcher offers into a FacetCounter and accepts those that pass
/// every selected facet group. With get_mset(..., check_at_least = doccount, ..., &decider) the
/// matcher offers it every document that matches the text query, so one ranked pass yields the
/// page, the exact total (FacetCounter::total) and all disjunctive counts.
class CountingDecider : public Xapian::MatchDecider {
  public:
    explicit CountingDecider(FacetCounter& counter) : counter_(&counter) {}
    bool operator()(const Xapian::Document& doc) const override {
        return counter_->add(doc.get_docid());
    }

  private:
    FacetCounter* counter_; ///< Xapian calls a const decider; counting is its side effect
};

/// The facet list of a result, in schema order, from a counter's counts. `limit` values per
/// facet (0 = all), most frequent first; status in its natural order, years newest first,
/// impacttoets by type then state; selected values always included.
[[nodiscard]] std::vector<FacetResult> facet_results(const FacetIndex& index,
                                                     const FacetSelection& selection,
                                                     const std::vector<std::uint32_t>& counts,
                                                     std::size_t limit);

/// The values of one facet whose label contains `contains` (accent- and case-insensitive;
/// empty matches all), with counts, most frequent first, at most `limit`.
/// Throws BadRequest("facet", ...) for an unknown facet name.
[[nodiscard]] std::vector<FacetCount>
search_facet_values(const FacetIndex& index, const FacetSelection& selection,
                    const std::vector<std::uint32_t>& counts, std::string_view facet,
                    std::string_view contains, std::size_t limit);

} // namespace algreg::search
