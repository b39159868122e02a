// HTML in register text: the publication standard allows the tags div, br, p, ul, ol, li
// (no attributes) in nine long-text fields. Everything shown is escaped; everything indexed or
// measured is plain text.
#pragma once

#include <string>
#include <string_view>

namespace algreg::search {

/// Escapes & < > " ' for use in HTML text and attribute values.
[[nodiscard]] std::string escape_html(std::string_view text);

/// Plain text of an HTML fragment: tags removed (block tags p, div, br, li, ul, ol and headings
/// become line breaks), character references decoded (&amp; &lt; &gt; &quot; &apos; &nbsp; and
/// numeric), script/style content dropped, runs of spaces collapsed, blank lines collapsed,
/// ends trimmed. Text without any tag or reference comes back trimmed.
[[nodiscard]] std::string strip_html(std::string_view html);

/// Safe HTML keeping only the allowed tags, without attributes, properly nested (unclosed ones
/// closed, stray closing tags dropped); all other markup removed (script/style with content),
/// all text escaped. Plain text input comes back escaped, with line breaks kept as <br>.
[[nodiscard]] std::string sanitise_html(std::string_view html);

/// Appends code point `cp` as UTF-8; 0, surrogates and values above U+10FFFF become U+FFFD.
void append_utf8(std::string& out, std::uint32_t cp);

/// Decodes the HTML character reference at text[i] ('&') and appends it to `out`: the named
/// ones amp lt gt quot apos nbsp euro ndash mdash, and numeric ones (decimal or hex). Returns
/// the bytes consumed, or 0 when it is not such a reference (the '&' is then literal).
std::size_t decode_character_reference(std::string_view text, std::size_t i, std::string& out);

/// True when `text` contains something that looks like an HTML tag or character reference.
[[nodiscard]] bool looks_like_html(std::string_view text);

} // namespace algreg::search
