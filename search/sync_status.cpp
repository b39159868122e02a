#include "search/sync_status.h"

#include <ctime>

namespace algreg::search {

std::string_view outcome_name(SyncOutcome outcome) {
    switch (outcome) {
    case SyncOutcome::ok:
        return "ok";
    case SyncOutcome::no_change:
        return "no change";
    case SyncOutcome::failed:
        return "failed";
    case SyncOutcome::none:
        break;
    }
    return "none";
}

std::string utc_text(SyncStatus::Time time) {
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm tm{};
    ::gmtime_r(&seconds, &tm);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return text;
}

} // namespace algreg::search
