#include "indexer/read_source.h"

#include "indexer/csv.h"
#include "search/errors.h"

#include <fstream>
#include <map>
#include <sstream>

namespace algreg::indexer {

using nlohmann::json;
using search::InputError;

namespace {

// U+E000 (private use) marks a repaired invalid UTF-8 sequence while a record is parsed, so the
// fields that held one can be named; it is then replaced by U+FFFD.
constexpr std::string_view repair_marker = "\xEE\x80\x80";
constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

/// Length of the valid UTF-8 sequence at `i`, or 0 if it is invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        return 1;
    }
    std::size_t length = 0;
    std::uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
        length = 2;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        length = 3;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        length = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (i + length > s.size()) {
        return 0;
    }
    std::uint32_t cp = c & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(s[i + k]);
        if ((next & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return length;
}

/// Replaces every invalid UTF-8 sequence by `marker`. Returns true if anything was replaced.
bool repair_utf8(std::string_view in, std::string& out, std::string_view marker) {
    out.clear();
    out.reserve(in.size());
    bool repaired = false;
    std::size_t i = 0;
    while (i < in.size()) {
        const std::size_t n = valid_sequence_length(in, i);
        if (n == 0) {
            out.append(marker);
            repaired = true;
            ++i;
            continue;
        }
        out.append(in.substr(i, n));
        i += n;
    }
    return repaired;
}

bool contains_marker(const json& v) {
    if (v.is_string()) {
        return v.get_ref<const std::string&>().find(repair_marker) != std::string::npos;
    }
    if (v.is_structured()) {
        for (const auto& item : v) {
            if (contains_marker(item)) {
                return true;
            }
        }
    }
    return false;
}

void replace_markers(json& v) {
    if (v.is_string()) {
        auto& s = v.get_ref<std::string&>();
        for (auto pos = s.find(repair_marker); pos != std::string::npos;
             pos = s.find(repair_marker, pos)) {
            s.replace(pos, repair_marker.size(), replacement_character);
        }
    } else if (v.is_structured()) {
        for (auto& item : v) {
            replace_markers(item);
        }
    }
}

/// Replaces the markers in the keys of every object in `v` (values are replace_markers'
/// work). Returns the repaired keys of `v` itself, so that the caller can report them: a key
/// that is not valid UTF-8 cannot be a field of any standard, and dropping it unreported would
/// hide the damage.
std::vector<std::string> repair_keys(json& v) {
    std::vector<std::string> repaired;
    if (v.is_array()) {
        for (auto& item : v) {
            (void)repair_keys(item);
        }
    }
    if (!v.is_object()) {
        return repaired;
    }
    json out = json::object();
    for (auto& [key, value] : v.items()) {
        (void)repair_keys(value);
        json key_text = key;
        if (contains_marker(key_text)) {
            replace_markers(key_text);
            repaired.push_back(key_text.get<std::string>());
        }
        out[key_text.get<std::string>()] = std::move(value);
    }
    v = std::move(out);
    return repaired;
}

/// Maps byte offsets to 1-based line and column, for offsets asked in increasing order.
class LineCounter {
  public:
    explicit LineCounter(std::string_view text) : text_(text) {}
    std::pair<std::size_t, std::size_t> at(std::size_t offset) {
        if (offset < offset_) { // not monotonic: start again
            offset_ = 0;
            line_ = 1;
            line_start_ = 0;
        }
        for (; offset_ < offset && offset_ < text_.size(); ++offset_) {
            if (text_[offset_] == '\n') {
                ++line_;
                line_start_ = offset_ + 1;
            }
        }
        return {line_, offset - line_start_ + 1};
    }

  private:
    std::string_view text_;
    std::size_t offset_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
};

/// A structural scanner over JSON text: finds value boundaries without building values, so
/// each record can be parsed (and fail) on its own and keep its position.
class Scanner {
  public:
    Scanner(const std::string& file, std::string_view text) : file_(file), text_(text) {}

    std::size_t skip_ws(std::size_t i) const {
        while (i < text_.size() &&
               (text_[i] == ' ' || text_[i] == '\n' || text_[i] == '\r' || text_[i] == '\t')) {
            ++i;
        }
        return i;
    }

    /// Returns the offset after the string starting at `i` (text_[i] == '"').
    std::size_t skip_string(std::size_t i) const {
        for (++i; i < text_.size(); ++i) {
            if (text_[i] == '\\') {
                ++i;
            } else if (text_[i] == '"') {
                return i + 1;
            }
        }
        fail(i, "unterminated string");
    }

    /// Returns the offset after the JSON value starting at `i`.
    std::size_t skip_value(std::size_t i) const {
        i = skip_ws(i);
        if (i >= text_.size()) {
            fail(i, "unexpected end of file, a value was expected");
        }
        const char c = text_[i];
        if (c == '"') {
            return skip_string(i);
        }
        if (c == '{' || c == '[') {
            std::string stack(1, c == '{' ? '}' : ']');
            for (++i; i < text_.size(); ++i) {
                const char d = text_[i];
                if (d == '"') {
                    i = skip_string(i) - 1;
                } else if (d == '{') {
                    stack.push_back('}');
                } else if (d == '[') {
                    stack.push_back(']');
                } else if (d == '}' || d == ']') {
                    if (d != stack.back()) {
                        fail(i, std::string("unexpected '") + d + "', expected '" + stack.back() +
                                    "'");
                    }
                    stack.pop_back();
                    if (stack.empty()) {
                        return i + 1;
                    }
                }
            }
            fail(i, std::string("unexpected end of file, expected '") + stack.back() + "'");
        }
        // number, true, false, null: up to the next delimiter
        while (i < text_.size() && text_[i] != ',' && text_[i] != '}' && text_[i] != ']' &&
               text_[i] != '\n' && text_[i] != ' ' && text_[i] != '\r' && text_[i] != '\t') {
            ++i;
        }
        return i;
    }

    /// Calls f(begin, end) for each element of the array at `i`; returns the offset after it.
    template <class F> std::size_t for_each_element(std::size_t i, F&& f) const {
        i = skip_ws(i);
        if (i >= text_.size() || text_[i] != '[') {
            fail(i, "an array was expected");
        }
        i = skip_ws(i + 1);
        if (i < text_.size() && text_[i] == ']') {
            return i + 1;
        }
        for (;;) {
            const std::size_t begin = skip_ws(i);
            const std::size_t end = skip_value(begin);
            f(begin, end);
            i = skip_ws(end);
            if (i >= text_.size()) {
                fail(i, "unexpected end of file inside an array");
            }
            if (text_[i] == ']') {
                return i + 1;
            }
            if (text_[i] != ',') {
                fail(i, std::string("expected ',' or ']' but found '") + text_[i] + "'");
            }
            ++i;
        }
    }

    /// For the object at `i`: the [begin, end) of the value of `key`, or {npos, npos}.
    std::pair<std::size_t, std::size_t> find_member(std::size_t i, std::string_view key) const {
        i = skip_ws(i);
        if (i >= text_.size() || text_[i] != '{') {
            return {std::string_view::npos, std::string_view::npos};
        }
        i = skip_ws(i + 1);
        while (i < text_.size() && text_[i] == '"') {
            const std::size_t key_end = skip_string(i);
            const std::string_view name = text_.substr(i + 1, key_end - i - 2);
            i = skip_ws(key_end);
            if (i >= text_.size() || text_[i] != ':') {
                fail(i, "expected ':' after an object key");
            }
            const std::size_t value_begin = skip_ws(i + 1);
            const std::size_t value_end = skip_value(value_begin);
            if (name == key) {
                return {value_begin, value_end};
            }
            i = skip_ws(value_end);
            if (i < text_.size() && text_[i] == ',') {
                i = skip_ws(i + 1);
            }
        }
        return {std::string_view::npos, std::string_view::npos};
    }

    [[noreturn]] void fail(std::size_t offset, const std::string& why) const {
        LineCounter lines(text_);
        const auto [line, column] = lines.at(std::min(offset, text_.size()));
        throw InputError(file_, line, column,
                         why + "; fix the file and run again (nothing was indexed)");
    }

  private:
    const std::string& file_;
    std::string_view text_;
};

[[noreturn]] void throw_parse_error(const std::string& file, std::string_view text,
                                    std::size_t base_offset, const json::parse_error& e) {
    LineCounter lines(text);
    const std::size_t at = base_offset + (e.byte > 0 ? e.byte - 1 : 0);
    const auto [line, column] = lines.at(std::min(at, text.size()));
    std::string why = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line 1,
    // column N: " which is relative to the record; keep only the reason.
    if (const auto colon = why.find(": "); colon != std::string::npos) {
        why = why.substr(colon + 2);
    }
    throw InputError(file, line, column,
                     "not well-formed JSON: " + why +
                         "; fix the file and run again (nothing was indexed)");
}

/// Parses one JSON value from text[begin, end), repairing invalid UTF-8. A syntax error throws
/// (strict) or yields a null value with `error` set (lenient, NDJSON lines).
SourceRecord parse_record(const std::string& file, std::string_view text, std::size_t begin,
                          std::size_t end, std::size_t index, LineCounter& lines, bool strict,
                          std::string* error) {
    SourceRecord record;
    const std::string_view raw = text.substr(begin, end - begin);
    record.raw = std::string(raw);
    const auto [line, column] = lines.at(begin);
    record.position = SourcePosition{file, line, column, index};
    std::string repaired;
    const bool had_invalid = repair_utf8(raw, repaired, repair_marker);
    try {
        record.value = json::parse(repaired);
    } catch (const json::parse_error& e) {
        if (strict) {
            throw_parse_error(file, text, begin, e);
        }
        record.value = nullptr;
        if (error != nullptr) {
            *error = e.what();
        }
        return record;
    }
    if (had_invalid) {
        if (record.value.is_object()) {
            for (auto& [key, value] : record.value.items()) {
                if (contains_marker(value)) {
                    record.invalid_utf8_fields.push_back(key);
                }
            }
        }
        for (auto& key : repair_keys(record.value)) {
            record.invalid_utf8_fields.push_back(std::move(key));
        }
        replace_markers(record.value);
        std::string clean;
        repair_utf8(raw, clean, replacement_character);
        record.raw = std::move(clean);
    }
    return record;
}

std::string string_member(const json& object, const char* key) {
    if (object.is_object()) {
        if (const auto v = object.find(key); v != object.end() && v->is_string()) {
            return v->get<std::string>();
        }
    }
    return {};
}

void read_json_document(SourceFile& out, std::string_view text, InputFormat format) {
    const Scanner scanner(out.path, text);
    LineCounter lines(text);
    std::size_t start = scanner.skip_ws(0);
    std::size_t array_begin = start;
    std::size_t array_end = std::string_view::npos;
    if (start < text.size() && text[start] == '{') {
        const char* key = format == InputFormat::listing ? "algoritmes" : "algoritme_versions";
        auto [b, e] = scanner.find_member(start, key);
        if (b == std::string_view::npos && format == InputFormat::official) {
            std::tie(b, e) = scanner.find_member(start, "algoritmes");
        }
        if (b == std::string_view::npos) {
            scanner.fail(start, std::string("a JSON object without an \"") + key +
                                    "\" array; use --format to say what the file holds");
        }
        array_begin = b;
        array_end = e;
        // The container's own members (fetched_at, count): parse it with the records left out.
        std::string container(text.substr(0, b));
        container += "[]";
        container += text.substr(e);
        std::string repaired;
        repair_utf8(container, repaired, replacement_character);
        try {
            const json top = json::parse(repaired);
            out.fetched_at = string_member(top, "fetched_at");
        } catch (const json::parse_error& e2) {
            throw_parse_error(out.path, text, 0, e2);
        }
    }
    std::size_t index = 0;
    const std::size_t after = scanner.for_each_element(array_begin, [&](std::size_t b,
                                                                        std::size_t e) {
        out.records.push_back(parse_record(out.path, text, b, e, index++, lines, true, nullptr));
    });
    const std::size_t tail =
        scanner.skip_ws(array_end == std::string_view::npos ? after : array_end);
    if (array_end == std::string_view::npos && tail < text.size()) {
        scanner.fail(tail, "unexpected content after the JSON document");
    }
}

/// Splits text into lines and parses each non-blank one leniently.
std::vector<SourceRecord> read_lines(const std::string& file, std::string_view text) {
    std::vector<SourceRecord> records;
    LineCounter lines(text);
    std::size_t begin = 0;
    std::size_t index = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::size_t trimmed = end;
        while (trimmed > begin && (text[trimmed - 1] == '\r' || text[trimmed - 1] == ' ')) {
            --trimmed;
        }
        std::size_t first = begin;
        while (first < trimmed && (text[first] == ' ' || text[first] == '\t')) {
            ++first;
        }
        if (first < trimmed) {
            records.push_back(
                parse_record(file, text, first, trimmed, index++, lines, false, nullptr));
        }
        begin = end + 1;
    }
    return records;
}

/// Replays the change sets in order (each upsert replaces the whole record) into out.records;
/// with `change_sets`, also keeps each one.
void read_history(SourceFile& out, std::string_view text,
                  std::vector<ChangeSet>* change_sets = nullptr) {
    std::map<std::string, SourceRecord> state;
    for (auto& line : read_lines(out.path, text)) {
        if (!line.value.is_object() || !line.value.contains("upserts")) {
            throw InputError(out.path, line.position.line, line.position.column,
                             "not a change set {fetched_at, upserts, removed}; use --format "
                             "ndjson for one record per line");
        }
        out.fetched_at = string_member(line.value, "fetched_at");
        const auto& upserts = line.value["upserts"];
        if (!upserts.is_array()) {
            throw InputError(out.path, line.position.line, line.position.column,
                             "\"upserts\" must be an array");
        }
        ChangeSet change_set;
        change_set.position = line.position;
        change_set.fetched_at = out.fetched_at;
        if (const auto count = line.value.find("count");
            count != line.value.end() && count->is_number_unsigned()) {
            change_set.count = count->get<std::size_t>();
        }
        for (const auto& upsert : upserts) {
            const std::string id = string_member(upsert, "id");
            SourceRecord record;
            record.value = upsert;
            record.raw = upsert.dump(-1, ' ', false, json::error_handler_t::replace);
            record.position = line.position;
            record.invalid_utf8_fields = line.invalid_utf8_fields;
            if (change_sets != nullptr) {
                change_set.upserts.push_back(record);
            }
            state[id.empty() ? "#" + std::to_string(state.size()) : id] = std::move(record);
        }
        if (const auto removed = line.value.find("removed");
            removed != line.value.end() && removed->is_array()) {
            for (const auto& id : *removed) {
                if (id.is_string()) {
                    state.erase(id.get<std::string>());
                    out.removed_ids.push_back(id.get<std::string>());
                    change_set.removed.push_back(id.get<std::string>());
                }
            }
        }
        if (change_sets != nullptr) {
            change_sets->push_back(std::move(change_set));
        }
    }
    std::size_t index = 0;
    for (auto& [id, record] : state) {
        record.position.index = index++;
        out.records.push_back(std::move(record));
    }
}

void read_csv(SourceFile& out, std::string_view text) {
    const auto rows = parse_csv(text, out.path);
    if (rows.empty()) {
        throw InputError(out.path, 1, 1, "empty CSV file: a header row is required");
    }
    const auto& header = rows.front().cells;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        SourceRecord record;
        record.position = SourcePosition{out.path, row.line, 1, r - 1};
        record.raw = std::string(text.substr(row.byte_begin, row.byte_end - row.byte_begin));
        record.value = json::object();
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            const std::string key =
                c < header.size() ? header[c] : "column_" + std::to_string(c + 1);
            std::string repaired;
            if (repair_utf8(row.cells[c], repaired, replacement_character)) {
                record.invalid_utf8_fields.push_back(key);
            }
            record.value[key] = std::move(repaired);
        }
        if (row.cells.size() != header.size()) {
            record.value["__column_count"] = row.cells.size();
            record.value["__header_count"] = header.size();
        }
        std::string clean;
        repair_utf8(record.raw, clean, replacement_character);
        record.raw = std::move(clean);
        out.records.push_back(std::move(record));
    }
}

} // namespace

InputFormat detect_format(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) {
        return InputFormat::csv; // JSON files are never written with a BOM
    }
    std::size_t i = 0;
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) {
        ++i;
    }
    if (i >= text.size()) {
        return InputFormat::ndjson; // empty: nothing to read in any format
    }
    if (text[i] == '[') {
        return InputFormat::official;
    }
    if (text[i] != '{') {
        return InputFormat::csv;
    }
    const std::string dummy = "(detect)";
    const Scanner scanner(dummy, text);
    std::size_t end = 0;
    try {
        end = scanner.skip_value(i);
    } catch (const InputError&) {
        return InputFormat::listing; // malformed: let the listing reader report where
    }
    const std::size_t next = scanner.skip_ws(end);
    if (next < text.size()) { // more values follow: one per line
        try {
            return scanner.find_member(i, "upserts").first != std::string_view::npos
                       ? InputFormat::history
                       : InputFormat::ndjson;
        } catch (const InputError&) {
            return InputFormat::ndjson;
        }
    }
    if (scanner.find_member(i, "algoritmes").first != std::string_view::npos) {
        return InputFormat::listing;
    }
    if (scanner.find_member(i, "algoritme_versions").first != std::string_view::npos) {
        return InputFormat::official;
    }
    if (scanner.find_member(i, "upserts").first != std::string_view::npos) {
        return InputFormat::history;
    }
    return InputFormat::ndjson; // a single record
}

SourceFile read_source_text(const std::string& path, std::string_view text, InputFormat format) {
    SourceFile out;
    out.path = path;
    out.bytes = text.size();
    out.format = format == InputFormat::automatic ? detect_format(text) : format;
    switch (out.format) {
    case InputFormat::listing:
    case InputFormat::official:
        read_json_document(out, text, out.format);
        break;
    case InputFormat::ndjson:
        out.records = read_lines(path, text);
        break;
    case InputFormat::history:
        read_history(out, text);
        break;
    case InputFormat::csv:
    case InputFormat::automatic:
        read_csv(out, text);
        break;
    }
    return out;
}

namespace {

std::string read_whole_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(path, 0, 0, "cannot open the file; check the path and permissions");
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) {
        throw InputError(path, 0, 0, "read error");
    }
    return std::move(buffer).str();
}

} // namespace

SourceFile read_source(const std::string& path, InputFormat format) {
    return read_source_text(path, read_whole_file(path), format);
}

SourceWithHistory read_source_with_history(const std::string& path, InputFormat format) {
    const std::string text = read_whole_file(path);
    if ((format == InputFormat::automatic ? detect_format(text) : format) != InputFormat::history) {
        return {read_source_text(path, text, format), {}};
    }
    SourceWithHistory out;
    out.file.path = path;
    out.file.bytes = text.size();
    out.file.format = InputFormat::history;
    read_history(out.file, text, &out.change_sets);
    return out;
}

} // namespace algreg::indexer
