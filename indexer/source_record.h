// A record as read from an input file, before normalisation, with where it came from.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace algreg::indexer {

/// The input formats `algreg index` understands (register-model.md §6).
enum class InputFormat {
    automatic, ///< decided from the content (see detect_format)
    listing,   ///< {algoritmes:[…], count, fetched_at}
    official,  ///< full records: a JSON array, or {algoritme_versions:[…]}
    csv,       ///< the official CSV download
    ndjson,    ///< one record (any shape) per line
    history,   ///< change sets, one per line: {fetched_at, count, upserts:[…], removed:[…]}
};

[[nodiscard]] std::string_view to_string(InputFormat format);
/// Parses "auto", "listing", "official", "csv", "ndjson", "history"; throws std::invalid_argument.
[[nodiscard]] InputFormat parse_input_format(std::string_view name);

/// Where a record starts in its file.
struct SourcePosition {
    std::string file;
    std::size_t line = 0;   ///< 1-based line of the record's first byte (CSV: first line)
    std::size_t column = 0; ///< 1-based column (bytes)
    std::size_t index = 0;  ///< 0-based record number within the file
};

/// "file:line:column (record N)".
[[nodiscard]] std::string describe(const SourcePosition& position);

/// One raw record: a JSON object whatever the input format (CSV rows become objects keyed by
/// the header), its exact source text for the rejects file, and the fields in which invalid
/// UTF-8 was replaced by U+FFFD while reading.
struct SourceRecord {
    nlohmann::json value;
    std::string raw;
    SourcePosition position;
    std::vector<std::string> invalid_utf8_fields;
};

/// Everything one input file holds.
struct SourceFile {
    std::string path;
    InputFormat format = InputFormat::automatic; ///< the format actually read
    std::vector<SourceRecord> records;
    std::vector<std::string> removed_ids; ///< history format: ids removed by the change sets
    std::string fetched_at;               ///< snapshot time if the file says (listing, history)
    std::size_t bytes = 0;
};

} // namespace algreg::indexer
