// The Atom feed (RFC 4287) of a change list: for any search (its text and filters), the entries
// that were added, changed or removed, newest first, each with what changed. Feed readers poll
// GET /api/v1/changes.atom?<the search's parameters>; the feed's alternate link is the
// "Wijzigingen" page with the same parameters.
//
// Everything from the data is XML-escaped and stripped of characters XML 1.0 does not allow
// (controls, U+FFFE/U+FFFF; invalid UTF-8 becomes U+FFFD), so any register content gives a
// well-formed document. Entry content is type="html": the escaped HTML of a list of the changed
// fields with old -> new values (long values shortened).
#pragma once

#include "search/changes.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace algreg::web {

/// Entries in one feed: the newest events of the change list.
inline constexpr std::size_t atom_feed_entries = 50;
/// Longest old or new value shown in an entry, in characters (longer ones end in "…").
inline constexpr std::size_t atom_value_chars = 200;

struct AtomFeed {
    std::string id;            ///< feed_id(request)
    std::string title;         ///< feed_title(request)
    std::string self_url;      ///< absolute URL of the feed itself
    std::string alternate_url; ///< absolute URL of the "Wijzigingen" page of the same query
    std::string site_url;      ///< absolute site root without the final '/' (entry links)
    search::ChangesPage changes;
};

/// The feed document (UTF-8, with the XML declaration).
[[nodiscard]] std::string render_atom(const AtomFeed& feed);

/// A stable id per query: "urn:algreg:changes:" + a hash of its text, filters, kinds and dates
/// in a canonical order (parameter order and paging do not matter).
[[nodiscard]] std::string feed_id(const search::ChangesRequest& request);

/// A Dutch title naming the query: "Wijzigingen in het Algoritmeregister: “camera”;
/// organisatie: gemeente-utrecht; alleen verwijderd".
[[nodiscard]] std::string feed_title(const search::ChangesRequest& request);

/// The id of one entry of a feed: unique per (entry, revision).
[[nodiscard]] std::string entry_event_id(const search::EntryEvent& event);

/// `text` as XML character data or attribute value: & < > " ' escaped, characters not allowed
/// in XML 1.0 dropped, invalid UTF-8 replaced by U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view text);

/// An RFC 3339 date-time for a revision timestamp (ISO 8601, possibly without zone: UTC is
/// assumed) or a YYYY-MM-DD date (midnight UTC). Anything unreadable gives `fallback_date`'s
/// midnight, and failing that 1970-01-01T00:00:00Z.
[[nodiscard]] std::string rfc3339(std::string_view timestamp, std::string_view fallback_date = {});

} // namespace algreg::web
