#include "search/facets.h"

#include "search/analysis.h"
#include "search/assessment_vocabulary.h"
#include "search/errors.h"
#include "search/facet_labels.h"
#include "search/record.h"
#include "search/risk_rules.h"
#include "search/schema.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace algreg::search {

namespace {

constexpr std::size_t max_groups = 64; // FacetCounter keeps a group bitmask in 64 bits

/// The display label of `value` of facet `f`, from a record that has it.
std::string label_from_record(const Facet& f, const std::string& value, const AlgorithmRecord& r) {
    if (f.prefix == facet::organisation.prefix) {
        return r.organization.empty() ? value : r.organization;
    }
    if (f.prefix == facet::ministry.prefix) {
        return r.ministry.empty() ? generic_label(value) : r.ministry;
    }
    if (f.prefix == facet::status.prefix) {
        return r.status.empty() ? "Onbekend" : r.status;
    }
    if (f.prefix == facet::category.prefix) {
        return r.publication_category.empty() ? generic_label(value) : r.publication_category;
    }
    if (f.prefix == facet::theme.prefix) {
        for (const auto& theme : r.category) {
            if (slug(theme) == value) {
                return theme;
            }
        }
        return generic_label(value);
    }
    if (f.prefix == facet::impactassessment.prefix) {
        return r.impactassessment.empty() ? generic_label(value) : r.impactassessment;
    }
    if (f.prefix == facet::standard.prefix) {
        return r.standard_version.empty() ? value : r.standard_version;
    }
    if (f.prefix == facet::assessment.prefix) {
        const AssessmentValue split = split_assessment_value(value);
        for (const auto& a : r.assessments) {
            if (slug(a.type) == split.type_slug && split.state) {
                return assessment_value_label_nl(a.type, *split.state);
            }
        }
        return generic_label(value);
    }
    return generic_label(value);
}

bool label_needs_record(const Facet& f) {
    return f.prefix != facet::organisation_type.prefix && f.prefix != facet::legal_basis.prefix &&
           f.prefix != facet::year.prefix && f.prefix != facet::completeness_band.prefix &&
           f.prefix != facet::missing_field.prefix;
}

} // namespace

std::optional<std::size_t> facet_index(std::string_view name) {
    for (std::size_t i = 0; i < facets.size(); ++i) {
        if (facets[i].name == name) {
            return i;
        }
    }
    return std::nullopt;
}

FacetIndex FacetIndex::load(const Xapian::Database& db) {
    FacetIndex index;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        index.documents_.push_back(*it);
    }
    const Xapian::docid last = db.get_lastdocid();
    std::vector<std::pair<Xapian::docid, std::uint32_t>> postings;
    std::map<std::string, std::uint16_t> assessment_groups; // type slug -> group
    std::size_t next_group = facets.size();
    for (std::size_t f = 0; f < facets.size(); ++f) {
        const Facet& facet_def = facets[f];
        const std::string prefix(facet_def.prefix);
        for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
            const std::string& term = *t;
            // Another facet's longer prefix ("XO" / "XOT") starts upper case after ours.
            if (term.size() == prefix.size() || term_prefix_length(term) != prefix.size()) {
                continue;
            }
            FacetValueInfo info;
            info.value = term.substr(prefix.size());
            info.facet = static_cast<std::uint16_t>(f);
            info.group = static_cast<std::uint16_t>(f);
            info.doc_count = t.get_termfreq();
            if (facet_def.prefix == facet::assessment.prefix) {
                info.group_name = split_assessment_value(info.value).type_slug;
                auto [g, inserted] = assessment_groups.emplace(
                    info.group_name, static_cast<std::uint16_t>(next_group));
                if (inserted && next_group + 1 < max_groups) {
                    ++next_group;
                }
                info.group = g->second;
            }
            const auto id = static_cast<std::uint32_t>(index.values_.size());
            Xapian::docid first = 0;
            for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
                if (first == 0) {
                    first = *p;
                }
                postings.emplace_back(*p, id);
            }
            if (facet_def.prefix == facet::organisation_type.prefix) {
                info.label = organisation_type_label(info.value);
            } else if (facet_def.prefix == facet::completeness_band.prefix) {
                info.label = completeness_band_label(info.value);
            } else if (facet_def.prefix == facet::missing_field.prefix) {
                info.label = missing_field_label(info.value);
            } else if (facet_def.prefix == facet::characteristic.prefix) {
                info.label = characteristic_label(info.value, false);
            } else if (!label_needs_record(facet_def) || first == 0) {
                info.label = generic_label(info.value);
            } else {
                try {
                    const auto record = nlohmann::json::parse(db.get_document(first).get_data())
                                            .get<AlgorithmRecord>();
                    info.label = label_from_record(facet_def, info.value, record);
                } catch (const nlohmann::json::exception&) {
                    info.label = generic_label(info.value);
                }
            }
            index.values_.push_back(std::move(info));
        }
    }
    index.group_count_ = facets.size();
    for (const auto& v : index.values_) {
        index.group_count_ = std::max<std::size_t>(index.group_count_, v.group + 1U);
    }
    // Compressed rows: offsets_[d] .. offsets_[d + 1] are document d's values.
    index.offsets_.assign(static_cast<std::size_t>(last) + 2, 0);
    for (const auto& [docid, id] : postings) {
        ++index.offsets_[docid + 1];
    }
    for (std::size_t i = 1; i < index.offsets_.size(); ++i) {
        index.offsets_[i] += index.offsets_[i - 1];
    }
    index.doc_values_.resize(postings.size());
    std::vector<std::uint32_t> fill(index.offsets_.begin(), index.offsets_.end() - 1);
    for (const auto& [docid, id] : postings) {
        index.doc_values_[fill[docid]++] = id;
    }
    for (const auto& v : index.values_) {
        index.value_slugs_.push_back(slug(v.value));
        index.label_slugs_.push_back(slug(v.label));
        index.folded_labels_.push_back(fold(v.label));
    }
    return index;
}

std::span<const std::uint32_t> FacetIndex::values_of(Xapian::docid docid) const {
    if (static_cast<std::size_t>(docid) + 1 >= offsets_.size()) {
        return {};
    }
    return {doc_values_.data() + offsets_[docid], offsets_[docid + 1] - offsets_[docid]};
}

std::string FacetIndex::term(std::uint32_t value_id) const {
    const auto& v = values_[value_id];
    return std::string(facets[v.facet].prefix) + v.value;
}

std::vector<std::uint32_t> FacetIndex::resolve(std::size_t facet, std::string_view text,
                                               bool allow_partial) const {
    std::vector<std::uint32_t> out;
    const std::string key = slug(text);
    for (std::uint32_t i = 0; i < values_.size(); ++i) {
        if (values_[i].facet == facet &&
            (values_[i].value == text ||
             (!key.empty() && (value_slugs_[i] == key || label_slugs_[i] == key)))) {
            out.push_back(i);
        }
    }
    if (out.empty() && allow_partial && !key.empty()) {
        for (std::uint32_t i = 0; i < values_.size(); ++i) {
            if (values_[i].facet == facet && (value_slugs_[i].find(key) != std::string::npos ||
                                              label_slugs_[i].find(key) != std::string::npos)) {
                out.push_back(i);
            }
        }
    }
    return out;
}

Text unknown_filter_warning(const std::string& unknown) {
    return {"Onbekende filterwaarde: " + unknown, "Unknown filter value: " + unknown};
}

FacetSelection select_facets(const FacetIndex& index,
                             const std::map<std::string, std::set<std::string>>& filters) {
    FacetSelection s;
    s.selected.assign(index.values().size(), 0);
    std::set<std::uint16_t> active;
    for (const auto& [name, wanted] : filters) {
        const auto f = facet_index(name);
        if (!f) {
            throw BadRequest("filter", "onbekend facet '" + name + "'");
        }
        if (wanted.empty()) {
            continue;
        }
        s.requested[name] = wanted;
        for (const auto& value : wanted) {
            const auto ids = index.resolve(*f, value, false);
            if (ids.empty()) {
                s.unknown.push_back(name + "=" + value);
                // The group of an unknown value: the facet's own, or for impacttoets the
                // group of its type when that type exists.
                std::uint16_t group = static_cast<std::uint16_t>(*f);
                if (facets[*f].prefix == facet::assessment.prefix) {
                    const auto type = split_assessment_value(slug(value)).type_slug;
                    for (const auto& v : index.values()) {
                        if (v.facet == *f && v.group_name == type) {
                            group = v.group;
                        }
                    }
                }
                active.insert(group);
                s.by_group[group]; // active, nothing selected
                continue;
            }
            for (const auto id : ids) {
                s.selected[id] = 1;
                const auto group = index.values()[id].group;
                active.insert(group);
                s.by_group[group].push_back(id);
            }
        }
    }
    s.active_groups.assign(active.begin(), active.end());
    return s;
}

Xapian::Query selection_query(const FacetIndex& index, const FacetSelection& s) {
    if (s.empty()) {
        return {};
    }
    std::vector<Xapian::Query> groups;
    for (const auto& [group, ids] : s.by_group) {
        std::vector<std::string> terms;
        for (const auto id : ids) {
            terms.push_back(index.term(id));
        }
        groups.push_back(terms.empty()
                             ? Xapian::Query::MatchNothing
                             : Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
    }
    return Xapian::Query(Xapian::Query::OP_AND, groups.begin(), groups.end());
}

FacetCounter::FacetCounter(const FacetIndex& index, const FacetSelection& selection)
    : index_(index), selection_(selection), value_bit_(index.values().size(), 0),
      counts_(index.values().size(), 0) {
    std::vector<std::uint64_t> group_bit(index.group_count() + 1, 0);
    for (std::size_t k = 0; k < selection.active_groups.size() && k < max_groups; ++k) {
        const auto g = selection.active_groups[k];
        if (g < group_bit.size()) {
            group_bit[g] = std::uint64_t{1} << k;
            active_mask_ |= group_bit[g];
        }
    }
    for (std::size_t v = 0; v < index.values().size(); ++v) {
        const auto g = index.values()[v].group;
        value_bit_[v] = g < group_bit.size() ? group_bit[g] : 0;
    }
}

bool FacetCounter::add(Xapian::docid docid) {
    const auto values = index_.values_of(docid);
    ++seen_;
    if (active_mask_ == 0) {
        ++total_;
        for (const auto v : values) {
            ++counts_[v];
        }
        return true;
    }
    std::uint64_t passed = 0;
    for (const auto v : values) {
        if (selection_.selected[v] != 0) {
            passed |= value_bit_[v];
        }
    }
    const std::uint64_t missing = active_mask_ & ~passed;
    if (missing == 0) {
        ++total_;
        for (const auto v : values) {
            ++counts_[v];
        }
        return true;
    }
    if ((missing & (missing - 1)) == 0) {
        for (const auto v : values) {
            if (value_bit_[v] == missing) {
                ++counts_[v];
            }
        }
    }
    return false;
}

void FacetCounter::add_all(std::vector<bool>* passing) {
    if (active_mask_ == 0 && passing == nullptr) {
        // Nothing selected: every document counts, and the counts are the values' frequencies.
        for (std::size_t v = 0; v < counts_.size(); ++v) {
            counts_[v] += index_.values()[v].doc_count;
        }
        total_ += index_.documents().size();
        seen_ += index_.documents().size();
        return;
    }
    for (const auto docid : index_.documents()) {
        const bool passes = add(docid);
        if (passing != nullptr && passes) {
            (*passing)[docid] = true;
        }
    }
}

namespace {

int status_order(const std::string& value) {
    static constexpr std::array<std::string_view, 4> order{"in_gebruik", "ontwikkeling",
                                                           "buiten_gebruik", "onbekend"};
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == value) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(order.size());
}

/// Bands from the worst to the best, then onbekend (completeness.h CompletenessBand order).
int band_order(const std::string& value) {
    static constexpr std::array<std::string_view, 4> order{"oranje", "geel", "groen", "onbekend"};
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == value) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(order.size());
}

int assessment_type_order(const std::string& type_slug) {
    for (std::size_t i = 0; i < assessment_types.size(); ++i) {
        if (slug(assessment_types[i]) == type_slug) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(assessment_types.size());
}

/// The state's place in assessment_states (strongest first); unknown states last.
int state_order(const std::string& value) {
    const auto state = split_assessment_value(value).state;
    for (std::size_t i = 0; i < assessment_states.size(); ++i) {
        if (state && assessment_states[i].state == *state) {
            return static_cast<int>(i);
        }
    }
    return static_cast<int>(assessment_states.size());
}

FacetCount make_count(const FacetValueInfo& info, std::uint32_t count, bool selected) {
    return FacetCount{info.value, info.label, count, selected, info.group_name};
}

/// Sorts the value ids of one facet for display.
void sort_for_display(const FacetIndex& index, std::size_t f,
                      const std::vector<std::uint32_t>& counts, std::vector<std::uint32_t>& ids) {
    const auto& values = index.values();
    const Facet& def = facets[f];
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto& va = values[a];
        const auto& vb = values[b];
        if (def.prefix == facet::status.prefix) {
            return status_order(va.value) < status_order(vb.value);
        }
        if (def.prefix == facet::year.prefix) {
            return va.value > vb.value;
        }
        if (def.prefix == facet::completeness_band.prefix) {
            return band_order(va.value) < band_order(vb.value);
        }
        if (def.prefix == facet::assessment.prefix) {
            const int ta = assessment_type_order(va.group_name);
            const int tb = assessment_type_order(vb.group_name);
            if (ta != tb) {
                return ta < tb;
            }
            if (va.group_name != vb.group_name) {
                return va.group_name < vb.group_name;
            }
            return state_order(va.value) < state_order(vb.value);
        }
        if (counts[a] != counts[b]) {
            return counts[a] > counts[b];
        }
        return index.folded_label(a) < index.folded_label(b);
    });
}

} // namespace

std::vector<FacetResult> facet_results(const FacetIndex& index, const FacetSelection& selection,
                                       const std::vector<std::uint32_t>& counts,
                                       std::size_t limit) {
    std::vector<std::vector<std::uint32_t>> by_facet(facets.size());
    for (std::uint32_t id = 0; id < index.values().size(); ++id) {
        if (counts[id] > 0 || selection.selected[id] != 0) {
            by_facet[index.values()[id].facet].push_back(id);
        }
    }
    std::vector<FacetResult> out;
    out.reserve(facets.size());
    for (std::size_t f = 0; f < facets.size(); ++f) {
        FacetResult result;
        result.name = std::string(facets[f].name);
        result.label = std::string(facets[f].label_nl);
        auto& ids = by_facet[f];
        result.value_count = static_cast<std::size_t>(std::count_if(
            ids.begin(), ids.end(), [&](std::uint32_t id) { return counts[id] > 0; }));
        sort_for_display(index, f, counts, ids);
        const bool unlimited = limit == 0 || facets[f].prefix == facet::assessment.prefix ||
                               facets[f].prefix == facet::status.prefix ||
                               facets[f].prefix == facet::completeness_band.prefix;
        for (const auto id : ids) {
            const bool selected = selection.selected[id] != 0;
            if (unlimited || result.values.size() < limit || selected) {
                result.values.push_back(make_count(index.values()[id], counts[id], selected));
            }
        }
        // Requested values that match nothing in the index are echoed with a zero count.
        if (const auto it = selection.requested.find(result.name);
            it != selection.requested.end()) {
            for (const auto& wanted : it->second) {
                if (index.resolve(f, wanted, false).empty()) {
                    result.values.push_back(FacetCount{wanted, wanted, 0, true, ""});
                }
            }
        }
        out.push_back(std::move(result));
    }
    return out;
}

std::vector<FacetCount> search_facet_values(const FacetIndex& index,
                                            const FacetSelection& selection,
                                            const std::vector<std::uint32_t>& counts,
                                            std::string_view facet, std::string_view contains,
                                            std::size_t limit) {
    const auto f = facet_index(facet);
    if (!f) {
        throw BadRequest("facet", "onbekend facet '" + std::string(facet) + "'");
    }
    const std::string needle = fold(contains);
    std::vector<std::uint32_t> ids;
    for (std::uint32_t id = 0; id < index.values().size(); ++id) {
        const auto& v = index.values()[id];
        if (v.facet != *f || (counts[id] == 0 && selection.selected[id] == 0)) {
            continue;
        }
        if (needle.empty() || index.folded_label(id).find(needle) != std::string::npos ||
            v.value.find(needle) != std::string::npos) {
            ids.push_back(id);
        }
    }
    std::stable_sort(ids.begin(), ids.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (counts[a] != counts[b]) {
            return counts[a] > counts[b];
        }
        return index.folded_label(a) < index.folded_label(b);
    });
    std::vector<FacetCount> out;
    for (const auto id : ids) {
        if (limit != 0 && out.size() >= limit) {
            break;
        }
        out.push_back(make_count(index.values()[id], counts[id], selection.selected[id] != 0));
    }
    return out;
}

} // namespace algreg::search
