#include "web/atom_feed.h"

#include "search/analysis.h"
#include "search/html_text.h"
#include "search/schema.h"
#include "web/field_diff.h"
#include "web/html_builder.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>

namespace algreg::web {

namespace {

constexpr std::string_view epoch = "1970-01-01T00:00:00Z";

/// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool xml_char(std::int32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool digits(std::string_view s, std::size_t from, std::size_t count) {
    if (from + count > s.size()) {
        return false;
    }
    return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from),
                       s.begin() + static_cast<std::ptrdiff_t>(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
}

bool is_date(std::string_view s) {
    return s.size() >= 10 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' &&
           digits(s, 8, 2);
}

/// At most `max_chars` characters of `text`, cut at a character boundary, "…" when cut.
std::string shorten(const std::string& text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && chars++ == max_chars) {
            return text.substr(0, i) + "…";
        }
    }
    return text;
}

std::string value_text(const search::FieldChange& change, const nlohmann::json& value) {
    std::string text = field_value_text(Lang::nl, change.field, value);
    std::replace(text.begin(), text.end(), '\n', ';');
    return text.empty() ? "(leeg)" : shorten(text, atom_value_chars);
}

std::string entry_title(const search::ChangeItem& item) {
    const std::string name = item.name.empty() ? item.event.id : item.name;
    switch (item.event.kind) {
    case search::ChangeKind::added:
        return "Toegevoegd: " + name;
    case search::ChangeKind::removed:
        return "Verwijderd: " + name;
    case search::ChangeKind::changed:
        break;
    }
    return "Gewijzigd: " + name;
}

/// The entry's content as HTML (escaped again when written into the feed).
std::string entry_html(const search::ChangeItem& item) {
    std::string html = "<p>" +
                       esc(item.organisation.empty() ? "Organisatie onbekend" : item.organisation) +
                       "</p>";
    switch (item.event.kind) {
    case search::ChangeKind::added:
        html += "<p>Nieuw in het Algoritmeregister.</p>";
        break;
    case search::ChangeKind::removed:
        html += "<p>Niet meer in het Algoritmeregister.</p>";
        break;
    case search::ChangeKind::changed:
        html += "<p>Gewijzigde velden:</p><ul>";
        for (const auto& change : item.event.fields) {
            html += "<li><strong>" + esc(field_title(Lang::nl, change.field)) +
                    "</strong>: " + esc(value_text(change, change.before)) + " → " +
                    esc(value_text(change, change.after)) + "</li>";
        }
        html += "</ul>";
        break;
    }
    return html;
}

/// FNV-1a, 64 bits: a stable hash (std::hash may differ between builds).
std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex(std::uint64_t value) {
    static constexpr char digits_hex[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = digits_hex[value & 0xF];
        value >>= 4;
    }
    return out;
}

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
    out += std::string(indent) + "<" + std::string(name) + ">" + xml_escape(text) + "</" +
           std::string(name) + ">\n";
}

} // namespace

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            ++i;
            switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (xml_char(c)) {
                    out += static_cast<char>(c);
                }
            }
            continue;
        }
        const std::int32_t cp = search::detail::next_code_point(text, i);
        if (cp < 0) {
            search::append_utf8(out, 0xFFFD);
        } else if (xml_char(cp)) {
            search::append_utf8(out, static_cast<std::uint32_t>(cp));
        }
    }
    return out;
}

std::string rfc3339(std::string_view timestamp, std::string_view fallback_date) {
    const std::string_view t = timestamp;
    if (is_date(t) && t.size() == 10) {
        return std::string(t) + "T00:00:00Z";
    }
    if (is_date(t) && t.size() >= 19 && t[10] == 'T' && digits(t, 11, 2) && t[13] == ':' &&
        digits(t, 14, 2) && t[16] == ':' && digits(t, 17, 2)) {
        std::size_t end = 19;
        if (end < t.size() && t[end] == '.' && digits(t, end + 1, 1)) {
            ++end;
            while (end < t.size() && t[end] >= '0' && t[end] <= '9') {
                ++end;
            }
        }
        const std::string_view zone = t.substr(end);
        const bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') &&
                            digits(zone, 1, 2) && zone[3] == ':' && digits(zone, 4, 2);
        if (zone == "Z" || offset) {
            return std::string(t);
        }
        if (zone.empty()) {
            return std::string(t) + "Z";
        }
    }
    if (is_date(fallback_date) && fallback_date.size() == 10) {
        return std::string(fallback_date) + "T00:00:00Z";
    }
    return std::string(epoch);
}

std::string feed_id(const search::ChangesRequest& request) {
    // Length-prefixed parts: no two queries share a canonical form.
    std::string canonical;
    auto part = [&](std::string_view s) {
        canonical += std::to_string(s.size()) + ":" + std::string(s);
    };
    part(request.search.text);
    for (const auto& [facet, values] : request.search.filters) { // std::map/set: sorted
        for (const auto& value : values) {
            part(facet);
            part(value);
        }
    }
    std::vector<std::string> kinds;
    for (const auto kind : request.kinds) {
        kinds.emplace_back(search::to_string(kind));
    }
    std::sort(kinds.begin(), kinds.end());
    kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
    if (kinds.size() == 3) {
        kinds.clear(); // every kind is the same feed as none
    }
    for (const auto& kind : kinds) {
        part("kind");
        part(kind);
    }
    part(request.since);
    part(request.until);
    return "urn:algreg:changes:" + hex(fnv1a(canonical));
}

std::string feed_title(const search::ChangesRequest& request) {
    std::string title = "Wijzigingen in het Algoritmeregister";
    std::vector<std::string> parts;
    if (request.search.text.find_first_not_of(" \t") != std::string::npos) {
        parts.push_back("“" + request.search.text + "”");
    }
    for (const auto& f : search::facets) {
        const auto it = request.search.filters.find(std::string(f.name));
        if (it == request.search.filters.end() || it->second.empty()) {
            continue;
        }
        std::string values;
        for (const auto& v : it->second) {
            values += (values.empty() ? "" : " of ") + v;
        }
        std::string label(f.label_nl);
        std::transform(label.begin(), label.end(), label.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        parts.push_back(label + ": " + values);
    }
    if (!request.kinds.empty() && request.kinds.size() < 3) {
        std::string kinds;
        for (const auto kind : request.kinds) {
            kinds += (kinds.empty() ? "" : " en ") + std::string(search::to_string(kind));
        }
        parts.push_back("alleen " + kinds);
    }
    if (!request.since.empty()) {
        parts.push_back("vanaf " + request.since);
    }
    if (!request.until.empty()) {
        parts.push_back("tot en met " + request.until);
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
        title += (i == 0 ? ": " : "; ") + parts[i];
    }
    return title;
}

std::string entry_event_id(const search::EntryEvent& event) {
    return "urn:algreg:change:" + std::to_string(event.sequence) + ":" + url_encode(event.id);
}

std::string render_atom(const AtomFeed& feed) {
    std::map<std::uint32_t, std::string> timestamps; // revision -> its time
    for (const auto& r : feed.changes.revisions) {
        timestamps[r.sequence] = rfc3339(r.timestamp, r.date);
    }
    auto updated_of = [&](const search::EntryEvent& e) {
        const auto it = timestamps.find(e.sequence);
        return it != timestamps.end() ? it->second : rfc3339(e.date);
    };
    std::string updated;
    if (!feed.changes.items.empty()) {
        updated = updated_of(feed.changes.items.front().event);
    } else if (!feed.changes.revisions.empty()) {
        updated = timestamps[feed.changes.revisions.front().sequence];
    } else {
        updated = rfc3339(feed.changes.last_date);
    }

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nl\">\n";
    element(out, "  ", "id", feed.id);
    element(out, "  ", "title", feed.title);
    element(out, "  ", "subtitle",
            "Nieuwe, gewijzigde en verwijderde algoritmes in het Algoritmeregister die bij deze "
            "zoekopdracht passen, met wat er veranderde.");
    element(out, "  ", "updated", updated);
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
           xml_escape(feed.self_url) + "\"/>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(feed.alternate_url) +
           "\"/>\n";
    out += "  <author>\n";
    element(out, "    ", "name", "Algoritmeregister (via algreg)");
    out += "  </author>\n";
    element(out, "  ", "generator", "algreg");

    for (const auto& item : feed.changes.items) {
        const auto& e = item.event;
        out += "  <entry>\n";
        element(out, "    ", "id", entry_event_id(e));
        element(out, "    ", "title", entry_title(item));
        element(out, "    ", "updated", updated_of(e));
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
               xml_escape(feed.site_url + "/algoritme/" + url_encode(e.id)) + "\"/>\n";
        out += "    <author>\n";
        element(out, "      ", "name",
                item.organisation.empty() ? "Organisatie onbekend" : item.organisation);
        out += "    </author>\n";
        out += "    <category term=\"" + xml_escape(search::to_string(e.kind)) + "\"/>\n";
        out += "    <content type=\"html\">" + xml_escape(entry_html(item)) + "</content>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return out;
}

} // namespace algreg::web
