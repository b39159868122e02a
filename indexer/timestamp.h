// The timestamps of history revisions: one canonical UTC form, so that "newer" is a string
// comparison and every revision's date is its first ten characters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace algreg::indexer {

/// `text` as "YYYY-MM-DDTHH:MM:SSZ" (UTC). Accepts a date ("2026-08-08", read as 00:00:00 UTC)
/// or a date-time "YYYY-MM-DDTHH:MM[:SS[.fraction]]" with "Z", "+HH:MM" or "-HH:MM" (none:
/// UTC); a space may stand for the "T". Fractions of seconds are dropped. nullopt for anything
/// else, including dates that do not exist (2026-02-30).
[[nodiscard]] std::optional<std::string> utc_timestamp(std::string_view text);

/// The current time in the same form.
[[nodiscard]] std::string current_utc_timestamp();

} // namespace algreg::indexer
