// Small pieces every page uses to write HTML safely: escaping, URL encoding, links that only
// ever point to http(s), and Dutch/English number and date formatting.
#pragma once

#include "web/page_text.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace algreg::web {

/// Escapes & < > " ' (text and attribute values alike).
[[nodiscard]] std::string esc(std::string_view text);

/// Percent-encodes a query-string component (everything but A-Z a-z 0-9 - . _ ~).
[[nodiscard]] std::string url_encode(std::string_view text);

/// `url` trimmed when it is an absolute http(s) URL without spaces or control characters;
/// "" otherwise (javascript:, data:, relative and malformed URLs are never made into links).
[[nodiscard]] std::string safe_http_url(std::string_view url);

/// True for text that looks like one e-mail address.
[[nodiscard]] bool looks_like_email(std::string_view text);

/// An <a> to `url` showing `text` (both escaped), marked as leaving the site, when url is
/// safe_http_url; else just the escaped text.
[[nodiscard]] std::string external_link(std::string_view url, std::string_view text);

/// 1557 -> "1.557" (nl) or "1,557" (en).
[[nodiscard]] std::string format_count(std::size_t n, Lang lang);

/// "2026-06-09" -> "9 juni 2026" / "9 June 2026"; "2023-08" -> "augustus 2023"; anything else
/// unchanged.
[[nodiscard]] std::string format_date(std::string_view date, Lang lang);

} // namespace algreg::web
