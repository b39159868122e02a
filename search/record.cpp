#include "search/record.h"

#include "search/schema.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <variant>

namespace algreg::search {

using nlohmann::json;

namespace {

AssessmentState state_from_label(const std::string& label) {
    return parse_assessment_state(label).value_or(AssessmentState::niet_vermeld);
}

void put_if(json& j, const char* key, const std::string& value) {
    if (!value.empty()) {
        j[key] = value;
    }
}

std::string get_or_empty(const json& j, const char* key) {
    const auto found = j.find(key);
    return found != j.end() && found->is_string() ? found->get<std::string>() : std::string();
}

} // namespace

void to_json(json& j, const Reference& r) {
    j = json{{"title", r.title}, {"link", r.link}};
}

void from_json(const json& j, Reference& r) {
    r.title = get_or_empty(j, "title");
    r.link = get_or_empty(j, "link");
}

void to_json(json& j, const AssessmentStatement& s) {
    j = json::object();
    j["type"] = s.type;
    j["state"] = to_label(s.state);
    put_if(j, "link", s.link);
    put_if(j, "date", s.date);
    j["source"] = s.source;
    put_if(j, "text", s.text);
}

void from_json(const json& j, AssessmentStatement& s) {
    s.type = get_or_empty(j, "type");
    s.state = state_from_label(get_or_empty(j, "state"));
    s.link = get_or_empty(j, "link");
    s.date = get_or_empty(j, "date");
    s.source = get_or_empty(j, "source");
    s.text = get_or_empty(j, "text");
}

void to_json(json& j, const Assessment& a) {
    j = json::object();
    j["type"] = a.type;
    j["state"] = to_label(a.state);
    put_if(j, "link", a.link);
    put_if(j, "text", a.text);
    j["statements"] = a.statements;
}

void from_json(const json& j, Assessment& a) {
    a.type = get_or_empty(j, "type");
    a.state = state_from_label(get_or_empty(j, "state"));
    a.link = get_or_empty(j, "link");
    a.text = get_or_empty(j, "text");
    a.statements.clear();
    if (const auto s = j.find("statements"); s != j.end() && s->is_array()) {
        a.statements = s->get<std::vector<AssessmentStatement>>();
    }
}

// Keys "class", "field", "rule", "words", always all four (to_data writes them in this order).
void to_json(json& j, const RiskEvidence& e) {
    j = json{{"class", e.class_name}, {"field", e.field}, {"rule", e.rule}, {"words", e.words}};
}

void from_json(const json& j, RiskEvidence& e) {
    e.class_name = get_or_empty(j, "class");
    e.field = get_or_empty(j, "field");
    e.rule = get_or_empty(j, "rule");
    e.words = get_or_empty(j, "words");
}

namespace {

/// One member of a record's JSON form: its key and a pointer to its value.
struct Member {
    std::string_view key;
    std::variant<const std::string*, const std::vector<std::string>*, const std::vector<Reference>*,
                 const std::map<std::string, std::string>*, const std::vector<Assessment>*,
                 const std::vector<RiskEvidence>*, bool>
        value;
};

/// The members of a record's JSON form, empty fields left out, in no particular order: the
/// one list behind to_json() and to_data().
std::vector<Member> members(const AlgorithmRecord& r) {
    std::vector<Member> out;
    out.reserve(48);
    auto put = [&](std::string_view key, const auto& value) { // empty fields are left out
        if (!value.empty()) {
            out.push_back({key, &value});
        }
    };
    put("id", r.id);
    for (const auto& field : string_fields()) {
        put(field.key, r.*field.member);
    }
    put("category", r.category);
    put("lawful_basis_grouping", r.lawful_basis_grouping);
    put("impacttoetsen_grouping", r.impacttoetsen_grouping);
    put("source_data_grouping", r.source_data_grouping);
    put("legacy", r.legacy);
    put("impactassessment", r.impactassessment);
    put("changed", r.changed);
    put("added", r.added);
    put("register_url", r.register_url);
    put("organization_type", r.organization_type);
    put("ministry", r.ministry);
    put("assessments", r.assessments);
    put("source_format", r.source_format);
    if (r.listing_only) {
        out.push_back({"listing_only", true});
    }
    put("risk_evidence", r.risk_evidence);
    put("original", r.original);
    return out;
}

// The writer of to_data(): the bytes nlohmann::json's dump(-1, ' ', false,
// error_handler_t::replace) gives for valid UTF-8 (keys in byte order, no spaces, '"', '\\'
// and control characters escaped, lower-case \u00xx, everything else as is).

/// Appends `s` as a JSON string; false (with `out` partly written) on invalid UTF-8.
bool put_string(std::string& out, std::string_view s) {
    out += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* const end = p + s.size();
    while (p != end) {
        const unsigned char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            const auto* run = p;
            while (p != end && *p >= 0x20 && *p != '"' && *p != '\\' && *p < 0x80) {
                ++p;
            }
            out.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
            continue;
        }
        if (c < 0x80) {
            switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 0xF];
            }
            }
            ++p;
            continue;
        }
        // A multi-byte sequence: well-formed UTF-8 only (RFC 3629: no overlong forms, no
        // surrogates, nothing above U+10FFFF), copied as is.
        std::size_t length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        if (static_cast<std::size_t>(end - p) < length || p[1] < low || p[1] > high) {
            return false;
        }
        for (std::size_t k = 2; k < length; ++k) {
            if (p[k] < 0x80 || p[k] > 0xBF) {
                return false;
            }
        }
        out.append(reinterpret_cast<const char*>(p), length);
        p += length;
    }
    out += '"';
    return true;
}

bool put_value(std::string& out, const std::string& s);
bool put_value(std::string& out, const Reference& r);
bool put_value(std::string& out, const AssessmentStatement& s);
bool put_value(std::string& out, const Assessment& a);
bool put_value(std::string& out, const RiskEvidence& e);
bool put_value(std::string& out, const std::map<std::string, std::string>& map);
template <class T> bool put_value(std::string& out, const std::vector<T>& list);

bool put_key(std::string& out, std::string_view key) {
    const bool ok = put_string(out, key);
    out += ':';
    return ok;
}

bool put_value(std::string& out, const std::string& s) {
    return put_string(out, s);
}

bool put_value(std::string& out, const Reference& r) { // to_json: both keys, always
    out += '{';
    bool ok = put_key(out, "link") && put_string(out, r.link);
    out += ',';
    ok = put_key(out, "title") && put_string(out, r.title) && ok;
    out += '}';
    return ok;
}

/// Writes the (key, value) pairs of an object whose keys the caller gives in byte order,
/// leaving out empty optional strings.
class ObjectWriter {
  public:
    explicit ObjectWriter(std::string& out) : out_(out) { out_ += '{'; }
    void text(std::string_view key, std::string_view value, bool optional) {
        if (optional && value.empty()) {
            return;
        }
        next(key);
        ok_ = put_string(out_, value) && ok_;
    }
    template <class T> void value(std::string_view key, const T& value) {
        next(key);
        ok_ = put_value(out_, value) && ok_;
    }
    bool close() {
        out_ += '}';
        return ok_;
    }

  private:
    void next(std::string_view key) {
        out_ += first_ ? "" : ",";
        first_ = false;
        ok_ = put_key(out_, key) && ok_;
    }
    std::string& out_;
    bool first_ = true;
    bool ok_ = true;
};

bool put_value(std::string& out, const AssessmentStatement& s) { // to_json, keys sorted
    ObjectWriter o(out);
    o.text("date", s.date, true);
    o.text("link", s.link, true);
    o.text("source", s.source, false);
    o.text("state", to_label(s.state), false);
    o.text("text", s.text, true);
    o.text("type", s.type, false);
    return o.close();
}

template <class T> bool put_value(std::string& out, const std::vector<T>& list) {
    out += '[';
    bool ok = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
        out += i == 0 ? "" : ",";
        ok = put_value(out, list[i]) && ok;
    }
    out += ']';
    return ok;
}

bool put_value(std::string& out, const Assessment& a) { // to_json, keys sorted
    ObjectWriter o(out);
    o.text("link", a.link, true);
    o.text("state", to_label(a.state), false);
    o.value("statements", a.statements);
    o.text("text", a.text, true);
    o.text("type", a.type, false);
    return o.close();
}

bool put_value(std::string& out, const RiskEvidence& e) { // to_json, keys sorted
    ObjectWriter o(out);
    o.text("class", e.class_name, false);
    o.text("field", e.field, false);
    o.text("rule", e.rule, false);
    o.text("words", e.words, false);
    return o.close();
}

bool put_value(std::string& out, const std::map<std::string, std::string>& map) {
    ObjectWriter o(out);
    for (const auto& [key, value] : map) {
        o.text(key, value, false);
    }
    return o.close();
}

} // namespace

void to_json(json& j, const AlgorithmRecord& r) {
    j = json::object();
    for (const auto& m : members(r)) {
        std::visit(
            [&](const auto& v) {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, bool>) {
                    j[std::string(m.key)] = v;
                } else {
                    j[std::string(m.key)] = *v;
                }
            },
            m.value);
    }
}

std::string to_data(const AlgorithmRecord& r) {
    auto list = members(r);
    std::sort(list.begin(), list.end(),
              [](const Member& a, const Member& b) { return a.key < b.key; });
    std::string out;
    out.reserve(4096);
    out += '{';
    bool ok = true;
    for (std::size_t i = 0; i < list.size(); ++i) {
        out += i == 0 ? "" : ",";
        ok = put_key(out, list[i].key) && ok;
        std::visit(
            [&](const auto& v) {
                if constexpr (std::is_same_v<std::decay_t<decltype(v)>, bool>) {
                    out += v ? "true" : "false";
                } else {
                    ok = put_value(out, *v) && ok;
                }
            },
            list[i].value);
    }
    out += '}';
    if (!ok) { // invalid UTF-8 somewhere: nlohmann's replacement rules decide
        return json(r).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    return std::string(out); // exact capacity: the indexer keeps every record's data a while
}

void from_json(const json& j, AlgorithmRecord& r) {
    r = AlgorithmRecord{};
    r.id = get_or_empty(j, "id");
    for (const auto& field : string_fields()) {
        r.*field.member = get_or_empty(j, field.key.data());
    }
    auto list = [&](const char* key, auto& out) {
        if (const auto v = j.find(key); v != j.end() && v->is_array()) {
            v->get_to(out);
        }
    };
    list("category", r.category);
    list("lawful_basis_grouping", r.lawful_basis_grouping);
    list("impacttoetsen_grouping", r.impacttoetsen_grouping);
    list("source_data_grouping", r.source_data_grouping);
    list("assessments", r.assessments);
    list("risk_evidence", r.risk_evidence);
    if (const auto v = j.find("legacy"); v != j.end() && v->is_object()) {
        v->get_to(r.legacy);
    }
    if (const auto v = j.find("original"); v != j.end() && v->is_object()) {
        v->get_to(r.original);
    }
    r.impactassessment = get_or_empty(j, "impactassessment");
    r.changed = get_or_empty(j, "changed");
    r.added = get_or_empty(j, "added");
    r.register_url = get_or_empty(j, "register_url");
    r.organization_type = get_or_empty(j, "organization_type");
    r.ministry = get_or_empty(j, "ministry");
    r.source_format = get_or_empty(j, "source_format");
    r.listing_only = j.value("listing_only", false);
}

const Assessment* find_assessment(const AlgorithmRecord& r, std::string_view type) {
    for (const auto& a : r.assessments) {
        if (a.type == type) {
            return &a;
        }
    }
    return nullptr;
}

} // namespace algreg::search
