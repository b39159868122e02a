// "The register as it was on DATE": an as-of index is an ordinary read-only index of the
// records HistoryLog::records_as_of() reconstructs, so every search feature (text, facets,
// sorting, snippets) works on it exactly as on the live index. The indexer builds them (it
// alone writes indexes); the server is handed the provider below by main().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace algreg::search {

/// Held by a provider for the whole of one build; released (reset) when the build ends.
using AsOfBuildPermit = std::shared_ptr<void>;

/// The caller's budget for builds: a provider calls it right before it builds an index, and
/// only then (never for an index it has cached, nor while waiting for another request's build
/// of the same date). It returns a permit, possibly after waiting its turn, or throws (the
/// server throws a 503 with Retry-After) and the provider builds nothing. Empty: no budget.
using AsOfBuildGate = std::function<AsOfBuildPermit()>;

/// Returns the directory of an index of the register as it was at the end of `date`
/// (YYYY-MM-DD, already validated), building it from the live index's history when needed,
/// within `gate`. Must be thread-safe; may take a while the first time for a date (about a
/// second for the real register) and is cached afterwards. Throws IndexUnavailableError when
/// it cannot, and whatever `gate` throws.
using AsOfIndexProvider =
    std::function<std::string(std::string_view date, const AsOfBuildGate& gate)>;

} // namespace algreg::search
