#include "indexer/source_record.h"

#include "indexer/problem.h"

#include <stdexcept>

namespace algreg::indexer {

std::string_view to_string(InputFormat format) {
    switch (format) {
    case InputFormat::automatic:
        return "auto";
    case InputFormat::listing:
        return "listing";
    case InputFormat::official:
        return "official";
    case InputFormat::csv:
        return "csv";
    case InputFormat::ndjson:
        return "ndjson";
    case InputFormat::history:
        return "history";
    }
    return "auto";
}

InputFormat parse_input_format(std::string_view name) {
    for (const auto format : {InputFormat::automatic, InputFormat::listing, InputFormat::official,
                              InputFormat::csv, InputFormat::ndjson, InputFormat::history}) {
        if (to_string(format) == name) {
            return format;
        }
    }
    throw std::invalid_argument("unknown format '" + std::string(name) +
                                "' (expected auto, listing, official, csv, ndjson or history)");
}

std::string describe(const SourcePosition& position) {
    std::string out = position.file;
    if (position.line > 0) {
        out += ":" + std::to_string(position.line) + ":" + std::to_string(position.column);
    }
    out += " (record " + std::to_string(position.index + 1) + ")";
    return out;
}

std::string describe(const Problem& problem) {
    std::string out = describe(problem.position);
    if (!problem.record_id.empty()) {
        out += " id " + problem.record_id;
    }
    if (!problem.field.empty()) {
        out += " field " + problem.field;
    }
    out += problem.severity == Severity::rejected ? ": rejected: " : ": repaired: ";
    out += problem.message;
    return out;
}

} // namespace algreg::indexer
