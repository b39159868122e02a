// Fetching the whole current register from its public API (official-api.md): the site-data
// dump, or when that fails the paged list plus every entry's record; then the organisation
// hierarchy. The result is complete and validated, or an exception says what is missing.
#pragma once

#include "indexer/http_fetch.h"
#include "indexer/source_record.h"

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

/// The source is unreachable, answers with errors, or its snapshot is incomplete (the list's
/// total_count not reached, a listed entry missing). Nothing may be written.
class SyncSourceError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A record of the snapshot cannot be indexed as it is: no lars, a lars twice, a standard
/// version algreg does not know. Nothing may be written.
class SyncInvalidError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Progress of the entry fetches (per-entry path), for a terminal display.
struct SyncProgress {
    std::size_t done = 0;  ///< entries fetched or taken from the cache
    std::size_t total = 0; ///< entries listed
    std::size_t cached = 0;
    std::size_t bytes = 0;
    std::size_t retries = 0;
};

struct SyncSourceOptions {
    std::string base_url = "https://algoritmes.overheid.nl";
    unsigned concurrency = 4; ///< parallel requests of the per-entry path and the hierarchy
    std::string cache_dir;    ///< per-entry records by lars and create_dt; "" disables
    bool site_data = true;    ///< false: skip the dump, use the per-entry path (bench, tests)
    bool hierarchy = true;    ///< fetch /api/organisation-relation for every organisation
    FetchPolicy policy;
    FetchHooks hooks;
    std::function<void(const SyncProgress&)> progress; ///< called from the fetching threads
};

/// Metadata key: the organisation hierarchy fetched by `algreg sync` (docs/sync.md): a JSON
/// object by org_id, {name, code, type, hierarchy_path, hierarchy: [{org_id, name}]}, the
/// hierarchy as the register gives it (from the top, a ministry, down). Read by the search
/// side for a ministry facet; it belongs in search/schema.h once the search side uses it.
inline constexpr std::string_view metadata_organisations = "algreg:organisations";

/// One organisation and the organisations it falls under (§9), as stored under
/// metadata_organisations.
struct OrganisationNode {
    std::string org_id;
    std::string name;
    std::string code;
    std::string type;
    std::string hierarchy_path;
    std::vector<std::pair<std::string, std::string>> hierarchy; ///< (org_id, name), top first
    bool fetched = false; ///< the relation endpoint answered for it in this sync
};

struct FetchedSnapshot {
    std::string method;     ///< "site-data" or "per-entry"
    std::string input_name; ///< the URL the records came from (the revision's input)
    SourceFile file;        ///< the NLD published records, format official
    std::size_t listed = 0; ///< per-entry: total_count; site-data: NLD versions kept
    std::size_t from_cache = 0;
    std::string fallback_reason; ///< why site-data was not used ("" when it was)
    std::map<std::string, OrganisationNode> organisations; ///< by org_id
    std::size_t hierarchy_failures = 0;
    std::shared_ptr<FetchStats> stats = std::make_shared<FetchStats>();
};

/// Fetches and validates the whole snapshot; throws SyncSourceError, SyncInvalidError,
/// FetchError, or std::invalid_argument for an unusable base URL. Notes (fallback reasons,
/// hierarchy failures) go to `log`.
[[nodiscard]] FetchedSnapshot fetch_snapshot(const SyncSourceOptions& options, std::ostream& log);

/// The standard versions algreg reads (as the register writes them: "1.0", "0.4.0", …). A
/// record of another standard stops a sync: its fields could not be read faithfully.
[[nodiscard]] bool known_standard_version(const std::string& version);

} // namespace algreg::indexer
