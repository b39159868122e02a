#include "indexer/document_builder.h"

#include "indexer/vocabulary.h"
#include "search/html_text.h"
#include "search/schema.h"

#include <nlohmann/json.hpp>
#include <set>

namespace algreg::indexer {

using search::AlgorithmRecord;

template <class F> void DocumentBuilder::for_each_text(const AlgorithmRecord& r, F&& f) {
    for (const auto& field : search::string_fields()) {
        if (field.text_prefix.empty()) {
            continue;
        }
        const std::string& value = r.*field.member;
        if (!value.empty()) {
            f(field.text_prefix, field.html ? search::strip_html(value) : value);
        }
    }
    for (const auto& ref : r.lawful_basis_grouping) {
        f(search::prefix::legal, ref.title);
    }
    for (const auto& theme : r.category) {
        f(search::prefix::rest, theme);
    }
    for (const auto& ref : r.impacttoetsen_grouping) {
        f(search::prefix::rest, ref.title);
    }
    for (const auto& ref : r.source_data_grouping) {
        f(search::prefix::rest, ref.title);
    }
    for (const auto& [key, value] : r.legacy) {
        if (key != "uuid" && key != "application_url" && key != "lawful_basis_link" &&
            key != "source_data_link" && key != "revision_date") {
            f(search::prefix::rest, value);
        }
    }
}

std::vector<std::string> DocumentBuilder::filter_terms(const AlgorithmRecord& r) {
    namespace facet = search::facet;
    std::vector<std::string> terms;
    auto add = [&](const search::Facet& f, const std::string& value) {
        if (!value.empty()) {
            terms.push_back(std::string(f.prefix) + value);
        }
    };
    add(facet::organisation, search::slug(r.organization));
    add(facet::organisation_type, r.organization_type.empty() ? "onbekend" : r.organization_type);
    add(facet::status, r.status.empty() ? "onbekend" : status_code(r.status));
    add(facet::category, search::slug(r.publication_category));
    for (const auto& theme : r.category) {
        add(facet::theme, search::slug(theme));
    }
    for (const auto& a : r.assessments) {
        add(facet::assessment, search::slug(a.type) + "-" + std::string(search::to_slug(a.state)));
    }
    add(facet::impactassessment, search::slug(r.impactassessment));
    const bool legal = !r.lawful_basis.empty() || !r.lawful_basis_grouping.empty();
    add(facet::legal_basis, legal ? "ja" : "nee");
    if (r.changed.size() >= 4) {
        add(facet::year, r.changed.substr(0, 4));
    }
    add(facet::standard, search::slug(r.standard_version));
    return terms;
}

Xapian::Document DocumentBuilder::build(const AlgorithmRecord& r, const std::string& data) {
    Xapian::Document doc;
    doc.add_boolean_term(std::string(search::prefix::id) + r.id);
    for (const auto& term : filter_terms(r)) {
        doc.add_boolean_term(term);
    }
    std::uint32_t position = 1;
    std::string term;
    for_each_text(r, [&](std::string_view prefix, const std::string& text) {
        position = search::for_each_word(text, position,
                                         [&](const search::Word& word) {
                                             const auto& forms = analyzer_.analyse(word.raw);
                                             if (forms.stem.empty()) {
                                                 return;
                                             }
                                             term.assign(prefix);
                                             term += forms.stem;
                                             doc.add_posting(term, word.position);
                                         }) +
                   field_position_gap;
    });
    doc.add_value(search::slot::added, r.added.empty() ? r.changed : r.added);
    doc.add_value(search::slot::changed, r.changed);
    doc.add_value(search::slot::name, search::fold(r.name));
    doc.add_value(search::slot::organization, search::fold(r.organization));
    doc.set_data(data);
    return doc;
}

void DocumentBuilder::count_words(const AlgorithmRecord& record, int delta, WordCounts& counts) {
    std::set<std::string_view> seen;
    for_each_text(record, [&](std::string_view, const std::string& text) {
        search::for_each_word(text, 0, [&](const search::Word& word) {
            const auto& forms = analyzer_.analyse(word.raw);
            // Single letters and numbers make poor corrections.
            if (forms.folded.size() < 3 ||
                forms.folded.find_first_of("0123456789") != std::string::npos) {
                return;
            }
            seen.insert(forms.folded); // the cache keeps the string alive
        });
    });
    for (const auto word : seen) {
        counts[std::string(word)] += delta;
    }
}

} // namespace algreg::indexer
