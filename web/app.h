// App: what every handler may use, owned by the Server and passed to handlers by reference.
// No global state: handlers capture nothing else.
#pragma once

#include "search/completeness_cache.h"
#include "search/sync_status.h"
#include "web/as_of_pools.h"
#include "web/metrics.h"
#include "web/request_tracker.h"
#include "web/response_cache.h"
#include "web/searcher_pool.h"
#include "web/server_config.h"

namespace algreg::web {

struct App {
    const ServerConfig& config;
    SearcherPool& searchers;
    Metrics& metrics;
    RequestTracker& tracker;
    ResponseCache& cache;
    AsOfPools& as_of; ///< searchers of the register at past dates (as_of=)
    /// Every entry's completeness, computed once per index revision and day.
    search::CompletenessCache& completeness;
    /// The background sync's status (`serve --follow`); empty when the server follows nothing.
    search::SyncStatusSource sync_status;
};

/// The index revision and entry count, read through a pooled searcher.
[[nodiscard]] IndexGauges index_gauges(App& app);

} // namespace algreg::web
