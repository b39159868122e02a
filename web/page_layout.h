// The frame every page shares: <html lang>, head (only our own stylesheet and script, no inline
// script or style, so a strict Content-Security-Policy holds), skip link, header with the
// navigation and the language switch, main landmark, footer.
#pragma once

#include "web/page_text.h"

#include <string>

namespace algreg::web {

/// How a page is rendered, beyond its data.
struct PageOptions {
    Lang lang = Lang::nl;
    /// Appended to the static asset URLs (?v=) so that browsers can cache them for long and
    /// still see a new version at once; "" for none.
    std::string asset_version;
};

struct Document {
    std::string title;          ///< plain text; the site name is appended
    std::string main_html;      ///< the contents of <main>, already escaped HTML
    std::string nav_current;    ///< "search", "changes", "statistics" or "": the current nav item
    std::string alternate_href; ///< this page in the other language (site-relative URL)
    std::string description;    ///< plain text for <meta name=description>; "" for none
    bool header_search = true;  ///< a compact search form in the header (not on the search page)
    /// An Atom feed of this page's changes (site-relative URL; "" for none): announced in the
    /// head as <link rel="alternate" type="application/atom+xml"> with `feed_title`.
    std::string feed_href;
    std::string feed_title;
};

/// The whole HTML document.
[[nodiscard]] std::string render_document(const Document& document, const PageOptions& options);

/// An error page (404, 410 notices aside, 400, 500, 503): the heading and message in the page's
/// language, the same in the other language below it (marked with its lang), a search form and
/// a link to the home page. `text` may have one placeholder, filled with `arg` (escaped here).
[[nodiscard]] std::string render_error_page(Ui title, Ui text, std::string_view arg,
                                            const PageOptions& options,
                                            const std::string& alternate_href);

/// "/static/<name>?v=<version>".
[[nodiscard]] std::string asset_url(const std::string& name, const PageOptions& options);

} // namespace algreg::web
