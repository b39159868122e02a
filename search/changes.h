// The change list: events of the history (history.h) that match a search, newest first, one
// page at a time, with what each entry looks like. Behind GET /api/v1/changes, the Atom feed
// and the "Wijzigingen" page.
#pragma once

#include "search/history.h"
#include "search/query.h"

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace algreg::search {

inline constexpr std::size_t default_changes_page_size = 50;
inline constexpr std::size_t max_changes_page_size = 500;

struct ChangesRequest {
    /// Text and filters as for a search (query.h): only events of entries that match them.
    /// Entries in the register are matched on the index; removed entries on their last record
    /// (filters by facet_terms(), text by every query word occurring in the record's text).
    SearchRequest search;
    std::string since;             ///< YYYY-MM-DD inclusive, "" = from the first revision
    std::string until;             ///< YYYY-MM-DD inclusive, "" = up to the newest revision
    std::vector<ChangeKind> kinds; ///< empty = all kinds
    std::size_t page = 1;
    std::size_t page_size = default_changes_page_size; ///< clamped to max_changes_page_size
};

/// One event with what a list needs to show it.
struct ChangeItem {
    EntryEvent event;
    std::string lars;
    std::string name;         ///< the entry's name now (or at removal)
    std::string organisation; ///< likewise
    std::string organisation_slug;
    std::string register_url;
    bool in_register = true; ///< false when the entry is not in the register now
    bool operator==(const ChangeItem&) const = default;
};

/// Events per kind: the totals of a period.
struct KindTotals {
    std::size_t added = 0;
    std::size_t changed = 0;
    std::size_t removed = 0;
    bool operator==(const KindTotals&) const = default;
};

struct ChangesPage {
    std::size_t total = 0; ///< matching events in the range
    /// Events in the range matching the text and filters, per kind, whatever `kinds` asks for
    /// (so the page can say "12 nieuw, 30 gewijzigd, 2 verwijderd" next to a kind filter).
    KindTotals totals;
    std::size_t page = 1;
    std::size_t page_size = default_changes_page_size;
    std::string since; ///< as requested (validated)
    std::string until;
    std::vector<ChangeItem> items;
    std::vector<RevisionSummary> revisions; ///< every revision in the range, newest first
    std::string last_date;                  ///< the newest revision's date ("" without history)
    std::string first_date; ///< the oldest revision's date: where the history begins (or "")
    bool page_clamped = false;
    std::vector<Text> warnings; ///< for display (unknown filter values, ...); JSON: English
    bool operator==(const ChangesPage&) const = default;
};

void to_json(nlohmann::json& j, const ChangeItem& item);
void to_json(nlohmann::json& j, const ChangesPage& page);

/// Validates a YYYY-MM-DD date (a real calendar day). Throws BadRequest(parameter, message).
void check_date_parameter(std::string_view parameter, std::string_view value);

} // namespace algreg::search
