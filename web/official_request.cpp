#include "web/official_request.h"

#include "web/http_errors.h"
#include "web/official_vocabulary.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace algreg::web {

using nlohmann::json;

namespace {

/// "'a', 'b' or 'c'": how Pydantic lists enum members.
std::string expected_list(std::span<const OfficialLabel> table) {
    std::string out;
    for (std::size_t i = 0; i < table.size(); ++i) {
        out += (i == 0 ? "" : i + 1 == table.size() ? " or " : ", ");
        out += "'" + std::string(table[i].key) + "'";
    }
    return out;
}

class Validator {
  public:
    explicit Validator(const json& body) : body_(body) {}

    std::size_t integer(const char* key, std::size_t fallback, std::size_t lo, std::size_t hi) {
        const auto it = body_.find(key);
        if (it == body_.end()) {
            return fallback;
        }
        const json& v = *it;
        const json loc = json::array({"body", key});
        long long n = 0;
        if (v.is_number_integer()) {
            n = v.is_number_unsigned() &&
                        v.get<std::uint64_t>() >
                            static_cast<std::uint64_t>(std::numeric_limits<long long>::max())
                    ? std::numeric_limits<long long>::max()
                    : v.get<long long>();
        } else if (v.is_number_float()) {
            const double d = v.get<double>();
            if (!std::isfinite(d) || std::floor(d) != d) {
                add("int_from_float", loc,
                    "Input should be a valid integer, got a number with a fractional part", v);
                return fallback;
            }
            n = d > 9e18    ? std::numeric_limits<long long>::max()
                : d < -9e18 ? std::numeric_limits<long long>::min()
                            : static_cast<long long>(d);
        } else if (v.is_string()) {
            std::string text = v.get<std::string>();
            const auto first = text.find_first_not_of(" \t\n\r");
            const auto last = text.find_last_not_of(" \t\n\r");
            text = first == std::string::npos ? "" : text.substr(first, last - first + 1);
            if (!text.empty() && text[0] == '+') {
                text.erase(0, 1);
            }
            const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
            if (text.empty() || ptr != text.data() + text.size() ||
                (ec != std::errc() && ec != std::errc::result_out_of_range)) {
                add("int_parsing", loc,
                    "Input should be a valid integer, unable to parse string as an integer", v);
                return fallback;
            }
            if (ec == std::errc::result_out_of_range) {
                n = text[0] == '-' ? std::numeric_limits<long long>::min()
                                   : std::numeric_limits<long long>::max();
            }
        } else {
            add("int_type", loc, "Input should be a valid integer", v);
            return fallback;
        }
        if (n < static_cast<long long>(lo)) {
            add("greater_than_equal", loc,
                "Input should be greater than or equal to " + std::to_string(lo), v,
                json{{"ge", lo}});
            return fallback;
        }
        if (n > static_cast<long long>(hi)) {
            add("less_than_equal", loc,
                "Input should be less than or equal to " + std::to_string(hi), v, json{{"le", hi}});
            return fallback;
        }
        return static_cast<std::size_t>(n);
    }

    /// A string; null allowed only when `nullable`.
    std::string text(const char* key, bool nullable) {
        const auto it = body_.find(key);
        if (it == body_.end() || (nullable && it->is_null())) {
            return {};
        }
        if (!it->is_string()) {
            add("string_type", json::array({"body", key}), "Input should be a valid string", *it);
            return {};
        }
        return it->get<std::string>();
    }

    /// One of `table`'s keys, or null.
    std::string member(const char* key, std::span<const OfficialLabel> table) {
        const auto it = body_.find(key);
        if (it == body_.end() || it->is_null()) {
            return {};
        }
        if (it->is_string() && find_label(table, it->get_ref<const std::string&>())) {
            return it->get<std::string>();
        }
        const std::string expected = expected_list(table);
        add("enum", json::array({"body", key}), "Input should be " + expected, *it,
            json{{"expected", expected}});
        return {};
    }

    void add(std::string_view type, json loc, std::string_view msg, const json& input,
             json ctx = nullptr) {
        errors_.push_back(validation_item(type, std::move(loc), msg, input, std::move(ctx)));
    }

    [[nodiscard]] const json& errors() const { return errors_; }

  private:
    const json& body_;
    json errors_ = json::array();
};

constexpr std::array<OfficialLabel, 2> sort_options{
    {{"sort_name", "", ""}, {"sort_number", "", ""}}};

} // namespace

json validation_item(std::string_view type, json loc, std::string_view msg, json input, json ctx) {
    json item{{"type", type}, {"loc", std::move(loc)}, {"msg", msg}, {"input", std::move(input)}};
    if (!ctx.is_null()) {
        item["ctx"] = std::move(ctx);
    }
    return item;
}

void check_official_language(std::string_view lang) {
    if (!is_official_language(lang)) {
        throw ValidationError(json::array({validation_item(
            "enum", json::array({"path", "lang"}), "Input should be 'NLD', 'ENG' or 'FRY'",
            std::string(lang), json{{"expected", "'NLD', 'ENG' or 'FRY'"}})}));
    }
}

OfficialSearch parse_official_search(std::string_view body) {
    const auto blank = body.find_first_not_of(" \t\r\n");
    if (blank == std::string_view::npos) {
        throw ValidationError(json::array(
            {validation_item("missing", json::array({"body"}), "Field required", nullptr)}));
    }
    const json parsed = json::parse(body, nullptr, false);
    if (parsed.is_discarded()) {
        throw ValidationError(json::array(
            {validation_item("json_invalid", json::array({"body", 0}), "JSON decode error",
                             json::object(), json{{"error", "Expecting value"}})}));
    }
    if (!parsed.is_object()) {
        throw ValidationError(json::array({validation_item(
            "model_attributes_type", json::array({"body"}),
            "Input should be a valid dictionary or object to extract fields from", parsed)}));
    }
    Validator v(parsed);
    OfficialSearch s;
    s.page = v.integer("page", 1, 1, std::numeric_limits<long long>::max());
    s.limit = v.integer("limit", 10, 1, 100);
    s.searchtext = v.text("searchtext", false);
    s.organisation = v.text("organisation", true);
    s.publicationcategory = v.text("publicationcategory", true);
    s.organisationtype = v.member("organisationtype", official_organisation_types());
    s.impact_assessment = v.member("impact_assessment", official_impact_assessments());
    s.sort_by_count = v.member("sort_option", sort_options) == "sort_number";
    if (!v.errors().empty()) {
        throw ValidationError(v.errors());
    }
    return s;
}

} // namespace algreg::web
