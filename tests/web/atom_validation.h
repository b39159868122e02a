// Validates an Atom document with libxml2 (a real XML parser) against what RFC 4287 requires
// and what feed readers rely on: well-formed XML, the Atom namespace, per feed and per entry
// exactly one id (an absolute IRI), title and updated (an RFC 3339 date-time), an author (on
// the entry or the feed), a self link on the feed, and unique entry ids.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace algreg::testing {

inline constexpr const char* atom_namespace = "http://www.w3.org/2005/Atom";

/// A parsed document with XPath over the prefix "a" for the Atom namespace.
class AtomDocument {
  public:
    /// Parses `xml`; ok() is false when it is not well-formed (libxml2's errors are silenced).
    explicit AtomDocument(const std::string& xml)
        : doc_(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
               xmlFreeDoc) {
        if (doc_) {
            context_.reset(xmlXPathNewContext(doc_.get()));
            xmlXPathRegisterNs(context_.get(), BAD_CAST "a", BAD_CAST atom_namespace);
        }
    }

    [[nodiscard]] bool ok() const { return doc_ != nullptr; }

    /// The text of every node `xpath` selects (elements: their text content; attributes:
    /// their value), relative to `node` (the root when null).
    [[nodiscard]] std::vector<std::string> texts(const std::string& xpath,
                                                 xmlNodePtr node = nullptr) const {
        std::vector<std::string> out;
        for (xmlNodePtr n : nodes(xpath, node)) {
            xmlChar* content = xmlNodeGetContent(n);
            out.emplace_back(content ? reinterpret_cast<const char*>(content) : "");
            xmlFree(content);
        }
        return out;
    }

    [[nodiscard]] std::vector<xmlNodePtr> nodes(const std::string& xpath,
                                                xmlNodePtr node = nullptr) const {
        std::vector<xmlNodePtr> out;
        if (!context_) {
            return out;
        }
        context_->node = node ? node : xmlDocGetRootElement(doc_.get());
        std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
            xmlXPathEvalExpression(BAD_CAST xpath.c_str(), context_.get()), xmlXPathFreeObject);
        if (result && result->nodesetval) {
            for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
                out.push_back(result->nodesetval->nodeTab[i]);
            }
        }
        return out;
    }

  private:
    struct ContextFree {
        void operator()(xmlXPathContext* c) const { xmlXPathFreeContext(c); }
    };
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc_;
    std::unique_ptr<xmlXPathContext, ContextFree> context_;
};

inline bool is_rfc3339(const std::string& text) {
    static const std::regex pattern(
        R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    return std::regex_match(text, pattern);
}

inline bool is_absolute_iri(const std::string& text) {
    static const std::regex pattern(R"([A-Za-z][A-Za-z0-9+.-]*:[^\s]+)");
    return std::regex_match(text, pattern);
}

/// Every RFC 4287 violation found (empty: valid), one readable line each.
inline std::vector<std::string> atom_problems(const AtomDocument& doc) {
    std::vector<std::string> problems;
    if (!doc.ok()) {
        return {"not well-formed XML"};
    }
    if (doc.nodes("/a:feed").size() != 1) {
        return {"the root is not an Atom feed element"};
    }
    auto exactly_one = [&](const std::string& what, xmlNodePtr node, const std::string& where) {
        const auto found = doc.texts(what, node);
        if (found.size() != 1) {
            problems.push_back(where + ": " + std::to_string(found.size()) + " × " + what);
            return std::string();
        }
        return found.front();
    };
    const std::string feed_id = exactly_one("a:id", nullptr, "feed");
    if (!is_absolute_iri(feed_id)) {
        problems.push_back("feed id is not an absolute IRI: " + feed_id);
    }
    (void)exactly_one("a:title", nullptr, "feed");
    const std::string updated = exactly_one("a:updated", nullptr, "feed");
    if (!is_rfc3339(updated)) {
        problems.push_back("feed updated is not RFC 3339: " + updated);
    }
    if (doc.texts("a:link[@rel='self']/@href").size() != 1) {
        problems.push_back("feed: no single link rel=self");
    }
    const bool feed_author = !doc.nodes("a:author/a:name").empty();
    std::set<std::string> ids;
    for (xmlNodePtr entry : doc.nodes("a:entry")) {
        const std::string id = exactly_one("a:id", entry, "entry");
        if (!is_absolute_iri(id)) {
            problems.push_back("entry id is not an absolute IRI: " + id);
        }
        if (!ids.insert(id).second) {
            problems.push_back("entry id not unique: " + id);
        }
        (void)exactly_one("a:title", entry, "entry " + id);
        const std::string entry_updated = exactly_one("a:updated", entry, "entry " + id);
        if (!is_rfc3339(entry_updated)) {
            problems.push_back("entry updated is not RFC 3339: " + entry_updated);
        }
        if (!feed_author && doc.nodes("a:author/a:name", entry).empty()) {
            problems.push_back("entry " + id + " has no author");
        }
        if (doc.nodes("a:content", entry).empty() &&
            doc.nodes("a:link[@rel='alternate' or not(@rel)]", entry).empty()) {
            problems.push_back("entry " + id + " has neither content nor an alternate link");
        }
    }
    return problems;
}

} // namespace algreg::testing
