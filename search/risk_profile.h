// The risicoprofiel and kenmerk classifications of one entry (docs/risk-profiles.md): the rules
// of risk_rules.h applied to the entry's text. The indexer stores the result in the record
// (AlgorithmRecord::risk_evidence); everything else reads the stored evidence, so pages, API
// and facets agree with the index they come from.
#pragma once

#include "search/record.h"
#include "search/risk_rules.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace algreg::search {

/// One item per rule that fires on `record`, in rule order, with the first words it fired on.
/// A rule fires when one of its patterns occurs in one of its fields, that occurrence has none
/// of its not_in_sentence patterns earlier in (or overlapping it in) the same sentence, one of
/// its requires patterns occurs in its fields (if it has any), and the name has none of its
/// not_in_title patterns. Sentences end at . ! ? ; and line breaks, except a full stop inside a
/// word ("o.a.") or followed on the same line by a lower-case word ("bijv. leeftijd"). HTML is
/// stripped first; legacy department and competent-authority names are not read.
[[nodiscard]] std::vector<RiskEvidence> classify_risk(const AlgorithmRecord& record,
                                                      const std::vector<RiskRule>& rules);

/// classify_risk() with the bundled rules.
[[nodiscard]] std::vector<RiskEvidence> classify_risk(const AlgorithmRecord& record);

/// classify_risk() with the bundled rules, remembering each answer by the text it read: a
/// history replay meets most entries unchanged in every snapshot (38 for the bundled register),
/// and classifying is the costly part. One per indexing run; not thread-safe.
class RiskClassifier {
  public:
    [[nodiscard]] std::vector<RiskEvidence> operator()(const AlgorithmRecord& record);

  private:
    std::unordered_map<std::string, std::vector<RiskEvidence>> answers_;
};

/// True when the stored evidence has a risicoprofiel rule.
[[nodiscard]] bool is_risk_profile(const AlgorithmRecord& record);

/// The characteristics the stored evidence names, each once, in `characteristics` order.
[[nodiscard]] std::vector<std::string> characteristics_of(const AlgorithmRecord& record);

} // namespace algreg::search
