#include "web/sync_status_view.h"

#include <cstdio>

namespace algreg::web {

using nlohmann::json;

namespace {

json time_or_null(const std::optional<search::SyncStatus::Time>& time) {
    return time ? json(search::utc_text(*time)) : json(nullptr);
}

double unix_seconds(const std::optional<search::SyncStatus::Time>& time) {
    return time ? std::chrono::duration<double>(time->time_since_epoch()).count() : 0.0;
}

std::string number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

std::string series(std::string_view name, std::string_view type, std::string_view help,
                   const std::string& value) {
    return "# HELP " + std::string(name) + " " + std::string(help) + "\n# TYPE " +
           std::string(name) + " " + std::string(type) + "\n" + std::string(name) + " " + value +
           "\n";
}

} // namespace

json sync_status_json(const search::SyncStatus& s) {
    const bool finished = s.last_outcome != search::SyncOutcome::none;
    return json{{"source", s.source},
                {"every_seconds", s.every.count()},
                {"building", s.building},
                {"running", s.running},
                {"last_attempt", time_or_null(s.last_attempt)},
                {"last_outcome", finished ? json(search::outcome_name(s.last_outcome)) : json()},
                {"last_message", s.last_message},
                {"last_duration_seconds", s.last_duration_seconds},
                {"last_entries", s.last_entries},
                {"last_revision", s.last_revision},
                {"last_success", time_or_null(s.last_success)},
                {"attempts", s.attempts_total},
                {"failures", s.failures_total},
                {"next", time_or_null(s.next)}};
}

std::string render_sync_metrics(const search::SyncStatus& s) {
    std::string out;
    out += series("algreg_sync_last_attempt_timestamp_seconds", "gauge",
                  "Start of the last finished background sync (Unix time; 0 = none yet).",
                  number(unix_seconds(s.last_attempt)));
    out += series("algreg_sync_last_success_timestamp_seconds", "gauge",
                  "End of the last sync that succeeded, with or without changes (0 = none yet).",
                  number(unix_seconds(s.last_success)));
    out += series("algreg_sync_duration_seconds", "gauge", "Duration of the last finished sync.",
                  number(s.last_duration_seconds));
    out += "# HELP algreg_sync_last_outcome Outcome of the last finished sync (1 for the one it "
           "was).\n# TYPE algreg_sync_last_outcome gauge\n";
    for (const auto outcome :
         {search::SyncOutcome::ok, search::SyncOutcome::no_change, search::SyncOutcome::failed}) {
        out += "algreg_sync_last_outcome{outcome=\"" + std::string(search::outcome_name(outcome)) +
               "\"} " + (s.last_outcome == outcome ? "1" : "0") + "\n";
    }
    out += series("algreg_sync_attempts_total", "counter", "Background syncs finished.",
                  std::to_string(s.attempts_total));
    out +=
        series("algreg_sync_failures_total", "counter",
               "Background syncs that failed (nothing written).", std::to_string(s.failures_total));
    out += series("algreg_sync_last_entries", "gauge", "Entries after the last good sync.",
                  std::to_string(s.last_entries));
    out += series("algreg_sync_last_revision", "gauge", "Index revision after the last good sync.",
                  std::to_string(s.last_revision));
    out += series("algreg_sync_next_timestamp_seconds", "gauge",
                  "When the next sync is planned (Unix time; 0 = none).",
                  number(unix_seconds(s.next)));
    out +=
        series("algreg_sync_in_progress", "gauge", "1 while a sync runs.", s.running ? "1" : "0");
    out += series("algreg_sync_building", "gauge",
                  "1 while there is no index yet and the first sync builds it.",
                  s.building ? "1" : "0");
    return out;
}

bool answered_while_building(std::string_view path) {
    return path == "/healthz" || path == "/metrics" || path.starts_with("/static/");
}

std::string building_message(const search::SyncStatus& s) {
    return "index wordt opgebouwd (the index is being built): the first sync from " + s.source +
           (s.last_outcome == search::SyncOutcome::failed
                ? " failed (" + s.last_message + ") and is tried again"
                : " has not finished yet") +
           "; try again later";
}

} // namespace algreg::web
