// The 2026 listing read straight from its JSON, so tests compute what a search must (and must
// not) return from the data itself, not from the code under test. Words are split, folded and
// stemmed by the shared analysis (search/analysis.h), the definition of a word both sides use.
#pragma once

#include "search/analysis.h"
#include "tests/support/fixture_index.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace algreg::testing {

struct ListingEntry {
    std::string id;
    std::string title;
    std::string organisation;
    std::string status; ///< listing code: in_gebruik, ontwikkeling, buiten_gebruik
    std::string impactassessment;
    std::string registered; ///< geregistreerd
    std::string added;      ///< toegevoegd
    /// Per indexed field (title, doel, juridische_basis, organisatie): folded words and stems.
    std::vector<std::vector<std::string>> folded;
    std::vector<std::vector<std::string>> stems;
    bool in_2023_export = false; ///< merged with a full record that has more text
};

class ListingData {
  public:
    ListingData() {
        std::set<std::string> export_ids;
        for (const auto& r : nlohmann::json::parse(read_file(fixture(export_2023_fixture)))) {
            if (r.contains("lars") && r["lars"].is_string()) {
                export_ids.insert(r["lars"].get<std::string>());
            }
        }
        search::Analyzer analyzer;
        const auto listing = nlohmann::json::parse(read_file(fixture(listing_fixture)));
        for (const auto& r : listing["algoritmes"]) {
            ListingEntry e;
            e.id = r.value("id", "");
            e.title = r.value("title", "");
            e.organisation = r.value("organisatie", "");
            e.status = r.value("status", "");
            e.impactassessment = r.value("impactassessment", "");
            e.registered = r.value("geregistreerd", "");
            e.added = r.value("toegevoegd", "");
            e.in_2023_export = export_ids.contains(e.id);
            for (const char* key : {"title", "doel", "juridische_basis", "organisatie"}) {
                std::vector<std::string> folded;
                std::vector<std::string> stems;
                search::for_each_word(r.value(key, ""), 0, [&](const search::Word& w) {
                    const auto& forms = analyzer.analyse(w.raw);
                    folded.push_back(forms.folded);
                    stems.push_back(forms.stem);
                });
                e.folded.push_back(std::move(folded));
                e.stems.push_back(std::move(stems));
            }
            entries_.push_back(std::move(e));
        }
    }

    [[nodiscard]] const std::vector<ListingEntry>& entries() const { return entries_; }

    /// Ids of entries for which `pred(entry)` holds.
    template <class P> [[nodiscard]] std::set<std::string> ids(P&& pred) const {
        std::set<std::string> out;
        for (const auto& e : entries_) {
            if (pred(e)) {
                out.insert(e.id);
            }
        }
        return out;
    }

    /// True when the folded words of one field contain `words` in sequence.
    static bool has_folded_sequence(const ListingEntry& e, const std::vector<std::string>& words) {
        return has_sequence(e.folded, words);
    }
    static bool has_stem_sequence(const ListingEntry& e, const std::vector<std::string>& stems) {
        return has_sequence(e.stems, stems);
    }
    static bool has_folded_word(const ListingEntry& e, const std::string& word) {
        return has_sequence(e.folded, {word});
    }
    /// True when any folded word satisfies `pred`.
    template <class P> static bool any_word(const ListingEntry& e, P&& pred) {
        for (const auto& field : e.folded) {
            if (std::any_of(field.begin(), field.end(), pred)) {
                return true;
            }
        }
        return false;
    }

  private:
    static bool has_sequence(const std::vector<std::vector<std::string>>& fields,
                             const std::vector<std::string>& words) {
        for (const auto& f : fields) {
            if (f.size() >= words.size() &&
                std::search(f.begin(), f.end(), words.begin(), words.end()) != f.end()) {
                return true;
            }
        }
        return false;
    }

    std::vector<ListingEntry> entries_;
};

/// Read once per test executable.
inline const ListingData& listing_data() {
    static const ListingData data;
    return data;
}

} // namespace algreg::testing
