// The word positions of one document, kept as one value (slot::positions) instead of in
// Xapian's position table. Phrase queries (phrase_query.h) check them for the documents that
// contain every word of the phrase, as PostgreSQL rechecks a phrase against the row's
// tsvector.
//
// Why: Xapian's position table holds one B-tree entry per term and document (about 135 per
// register entry). Building, flushing and merging those entries was about 45 % of indexing
// time; one value per document costs a small part of that (bench/README.md has the figures).
// Hits are the same: a phrase matches where the words stand next to each other, in order,
// within one field prefix, exactly what Xapian's OP_PHRASE with window = number of words does.
//
// One value per text prefix (slot::positions + its index in text_prefixes), holding the
// document's stems under that prefix: a phrase lies within one prefix, so a check reads only
// that prefix's values (title phrases never read the long fields'). Format, all integers as
// unsigned LEB128 varints: the stems in byte order, each as
//   shared  bytes shared with the previous stem
//   length  bytes that follow
//   bytes   the rest of the stem
//   count   number of positions (>= 1)
//   first   the first position, then count - 1 gaps to the next (each >= 1)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::search {

/// Builds one positions value. Reusable: clear() starts the next one.
class PositionsEncoder {
  public:
    /// Adds one stem with its positions. Stems must come in strictly increasing byte order;
    /// positions strictly increasing and not empty.
    void add(std::string_view stem, std::span<const std::uint32_t> positions);

    /// The encoded value.
    [[nodiscard]] const std::string& value() const { return out_; }

    void clear();

  private:
    std::string out_;
    std::string previous_;
};

/// The positions of each of `stems` in an encoded value: result[i] holds those of stems[i]
/// (empty if absent). nullopt when the value is malformed (truncated, bad varint).
[[nodiscard]] std::optional<std::vector<std::vector<std::uint32_t>>>
decode_positions(std::string_view value, std::span<const std::string> stems);

/// True when the encoded value has stems[0], stems[1], ... at consecutive positions p, p+1, ...
/// for some p. A malformed value is no match.
[[nodiscard]] bool has_phrase(std::string_view value, std::span<const std::string> stems);

} // namespace algreg::search
