// How the server shows the background sync of `algreg serve --follow` (search/sync_status.h):
// the "sync" object of /healthz, the algreg_sync_* series of /metrics, and the 503 every other
// request gets while the first sync is still building the index.
#pragma once

#include "search/sync_status.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace algreg::web {

/// {source, every_seconds, building, running, last_attempt, last_outcome, last_message,
///  last_duration_seconds, last_entries, last_revision, last_success, attempts, failures,
///  next}; times as "YYYY-MM-DDTHH:MM:SSZ" or null.
[[nodiscard]] nlohmann::json sync_status_json(const search::SyncStatus& status);

/// The algreg_sync_* series in the Prometheus text format (timestamps in Unix seconds, 0 for
/// never).
[[nodiscard]] std::string render_sync_metrics(const search::SyncStatus& status);

/// True for the requests answered while the index is being built: /healthz, /metrics and the
/// static files. Every other request then gets 503 (building_message()).
[[nodiscard]] bool answered_while_building(std::string_view path);

/// "index wordt opgebouwd (the index is being built): …", naming the source.
[[nodiscard]] std::string building_message(const search::SyncStatus& status);

} // namespace algreg::web
