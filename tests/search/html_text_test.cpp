// HTML in register text: escaping, stripping, sanitising to the allowed tags.
#include "search/html_text.h"

#include <doctest/doctest.h>

using namespace algreg::search;

TEST_CASE("escape_html escapes every special character") {
    CHECK(escape_html("<script>alert('x') & \"y\"</script>") ==
          "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
}

TEST_CASE("strip_html keeps the text and paragraph breaks, decodes references") {
    CHECK(strip_html("<p>Een &amp; twee</p><p>drie<br>vier</p>") == "Een & twee\n\ndrie\nvier");
    CHECK(strip_html("<ul><li>a</li><li>b</li></ul>") == "a\n\nb");
    CHECK(strip_html("  geen html  ") == "geen html");
    CHECK(strip_html("a<script>evil()</script>b") == "ab");
    CHECK(strip_html("&#233;&#x20AC;&nbsp;x") == "é€ x");
    CHECK(strip_html("1 < 2 en 3 > 2") == "1 < 2 en 3 > 2");
}

TEST_CASE("sanitise_html keeps only allowed tags, without attributes, balanced") {
    CHECK(sanitise_html("<p class=\"x\" onclick=\"evil()\">Tekst</p>") == "<p>Tekst</p>");
    CHECK(sanitise_html("<div><b>vet</b> <a href=\"javascript:x\">link</a></div>") ==
          "<div>vet link</div>");
    CHECK(sanitise_html("<script>alert(1)</script><p>ok") == "<p>ok</p>");
    CHECK(sanitise_html("</li>los<ul><li>a</ul>") == "los<ul><li>a</li></ul>");
    CHECK(sanitise_html("<img src=x onerror=alert(1)>") == "");
    CHECK(sanitise_html("\"quotes\" & <ampersands>") == "&quot;quotes&quot; &amp;");
    CHECK(sanitise_html("regel een\nregel twee") == "regel een<br>regel twee");
}

TEST_CASE("looks_like_html recognises tags and references only") {
    CHECK(looks_like_html("<p>x</p>"));
    CHECK(looks_like_html("a &amp; b"));
    CHECK_FALSE(looks_like_html("1 < 2 & 3 > 2"));
}
