// Reads one input file of any supported format into SourceRecords with their positions.
#pragma once

#include "indexer/source_record.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

/// Decides the format from the content: a JSON object with `algoritmes` -> listing; with
/// `algoritme_versions`, or a JSON array -> official; several JSON values one per line -> ndjson,
/// or history when the first has `upserts`; anything that is not JSON -> csv.
[[nodiscard]] InputFormat detect_format(std::string_view text);

/// Reads `path` (the format forced unless `automatic`). Throws search::InputError with file,
/// line and column when the file cannot be read or is not well-formed (a JSON syntax error in a
/// JSON document, an unterminated CSV quote, a CSV without a header). Invalid UTF-8 is not a
/// syntax error: it is replaced by U+FFFD and listed per record in invalid_utf8_fields.
/// In NDJSON and history files each line stands alone, so a line that is not valid JSON becomes
/// a record whose `value` is null (normalise() rejects it with its position) and the other lines
/// are still read.
/// History files are replayed: the result is the snapshot after the last change set.
[[nodiscard]] SourceFile read_source(const std::string& path,
                                     InputFormat format = InputFormat::automatic);

/// One line of a history file: the change set that turns the snapshot before it into the
/// snapshot at `fetched_at`.
struct ChangeSet {
    SourcePosition position; ///< the line
    std::string fetched_at;
    std::optional<std::size_t> count; ///< the entries the listing said it had, if given
    std::vector<SourceRecord> upserts;
    std::vector<std::string> removed;
};

/// A file as read_source() reads it, and for a history file also each of its change sets in
/// file order (empty for other formats), so the indexer can replay it one snapshot at a time.
struct SourceWithHistory {
    SourceFile file;
    std::vector<ChangeSet> change_sets;
};
[[nodiscard]] SourceWithHistory read_source_with_history(const std::string& path,
                                                         InputFormat format);

/// As read_source(), from bytes already in memory; `path` is used in messages.
[[nodiscard]] SourceFile read_source_text(const std::string& path, std::string_view text,
                                          InputFormat format = InputFormat::automatic);

} // namespace algreg::indexer
