#include "search/language.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace algreg::search {

std::string_view to_string(Language language) {
    return language == Language::nl ? "nl" : "en";
}

Language parse_language(std::string_view name) {
    if (name == "nl") {
        return Language::nl;
    }
    if (name == "en") {
        return Language::en;
    }
    throw std::invalid_argument("language must be nl or en, not '" + std::string(name) + "'");
}

Language locale_language(const Environment& env) {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const auto value = env ? env(var) : std::nullopt;
        if (value && !value->empty()) {
            return value->starts_with("en") ? Language::en : Language::nl;
        }
    }
    return Language::nl;
}

void to_json(nlohmann::json& j, const Text& text) {
    j = text.en;
}

Environment process_environment() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* value = std::getenv(std::string(name).c_str());
        return value ? std::optional<std::string>(value) : std::nullopt;
    };
}

} // namespace algreg::search
