// "The register as it was on DATE": an as-of index is an ordinary read-only index of the
// records HistoryLog::records_as_of() reconstructs, so every search feature (text, facets,
// sorting, snippets) works on it exactly as on the live index. The indexer builds them (it
// alone writes indexes); the server is handed the provider below by main().
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace algreg::search {

/// Returns the directory of an index of the register as it was at the end of `date`
/// (YYYY-MM-DD, already validated), building it from the live index's history when needed.
/// Must be thread-safe; may take a while the first time for a date (about a second for the
/// real register) and is cached afterwards. Throws IndexUnavailableError when it cannot.
using AsOfIndexProvider = std::function<std::string(std::string_view date)>;

} // namespace algreg::search
