// The history of one entry on its page: the "Geschiedenis" section (every recorded event,
// newest first, with the changed fields' old and new values behind <details>), and the page of
// an entry that is no longer in the register (a banner with the day it was removed, what the
// change list last knew of it, and the same history).
#pragma once

#include "search/changes.h"
#include "search/history.h"
#include "web/page_layout.h"

#include <string>
#include <vector>

namespace algreg::web {

/// The section (h2 id="geschiedenis", h3 per event) for `events` (oldest first, as
/// Searcher::history gives them) of the entry called `name` (plain text, for the tables'
/// captions); "" when there are none (an index without history).
[[nodiscard]] std::string render_entry_history(const std::vector<search::EntryEvent>& events,
                                               const std::string& name, Lang lang);

/// The "Verwijderd uit het register op …" banner when the last of `events` is a removal; ""
/// otherwise. The entry page shows it above a removed entry's last record.
[[nodiscard]] std::string render_removed_banner(const std::vector<search::EntryEvent>& events,
                                                Lang lang);

/// The complete page of a removed entry whose last record is not at hand (the server has no
/// as-of indexes): `entry` is its item in the change list (name,
/// organisation and the removal event), `events` its history.
[[nodiscard]] std::string render_removed_entry_page(const search::ChangeItem& entry,
                                                    const std::vector<search::EntryEvent>& events,
                                                    const PageOptions& options);

} // namespace algreg::web
