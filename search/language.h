// The language of what algreg writes for people: messages, labels, the command line's reports.
// The API's messages are English; pages follow their URL; the command line follows --lang, or
// else the locale (locale_language()).
#pragma once

#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace algreg::search {

enum class Language { nl, en };

/// "nl" / "en"; parse_language() throws std::invalid_argument for anything else.
[[nodiscard]] std::string_view to_string(Language language);
[[nodiscard]] Language parse_language(std::string_view name);

/// A text for people in both languages (a notice of a search, a query syntax error). The API
/// writes `en`; pages and the command line pick theirs.
struct Text {
    std::string nl;
    std::string en;
    [[nodiscard]] const std::string& in(Language language) const {
        return language == Language::nl ? nl : en;
    }
    [[nodiscard]] bool empty() const { return nl.empty() && en.empty(); }
    bool operator==(const Text&) const = default;
};

/// JSON (the API): the English text.
void to_json(nlohmann::json& j, const Text& text);

/// Looks up an environment variable; nullopt when unset.
using Environment = std::function<std::optional<std::string>(std::string_view)>;

/// The command line's language unless `--lang nl|en` says otherwise, the one rule for every
/// command: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty (POSIX
/// precedence); English when it starts with "en", Dutch otherwise (nl_NL, C, POSIX, unset: the
/// register's language).
[[nodiscard]] Language locale_language(const Environment& env);

/// An Environment over the process's environment (getenv).
[[nodiscard]] Environment process_environment();

} // namespace algreg::search
