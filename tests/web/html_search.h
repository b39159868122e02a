// Looking for text in rendered HTML, shared by the page tests.
#pragma once

#include <cstddef>
#include <string>

namespace algreg::testing {

/// True when `part` occurs in `html`.
inline bool has(const std::string& html, const std::string& part) {
    return html.find(part) != std::string::npos;
}

/// How often `part` occurs in `html` (overlapping occurrences counted).
inline std::size_t occurrences(const std::string& html, const std::string& part) {
    std::size_t n = 0;
    for (auto at = html.find(part); at != std::string::npos; at = html.find(part, at + 1)) {
        ++n;
    }
    return n;
}

} // namespace algreg::testing
