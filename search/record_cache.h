// A small least-recently-used cache of parsed records, keyed by docid, for one searcher (so one
// thread: no locking). Records of an index revision never change, so the cache is valid until
// the searcher moves to another revision, when it is cleared. It saves the largest fixed costs
// of a hit, reading the document data, parsing its JSON (about 15 µs per hit on the real
// register) and taking the markup out of its HTML fields for snippets (strip_html was a fifth
// of a 1,530-entry search's CPU in `perf`), for the entries that keep coming back in result
// pages.
#pragma once

#include "search/record.h"
#include "search/schema.h"

#include <cstddef>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>
#include <xapian.h>

namespace algreg::search {

/// A record as hits need it: parsed, with the plain text of every string field.
struct ParsedRecord {
    AlgorithmRecord record;
    /// Per string_fields() index: the field's value, without markup for HTML fields.
    std::vector<std::string> plain;

    explicit ParsedRecord(AlgorithmRecord parsed);
    /// The plain text of `field` (one of string_fields()).
    [[nodiscard]] const std::string& plain_text(const StringField& field) const;
};

class RecordCache {
  public:
    /// `capacity` records at most; 0 disables the cache.
    explicit RecordCache(std::size_t capacity) : capacity_(capacity) {}

    /// The cached record of `docid` in revision `revision_key`, or nullptr. A different
    /// revision than the cached one's clears the cache first.
    [[nodiscard]] std::shared_ptr<const ParsedRecord> find(const std::string& revision_key,
                                                           Xapian::docid docid) {
        if (revision_key != revision_key_) {
            clear();
            revision_key_ = revision_key;
        }
        const auto it = index_.find(docid);
        if (it == index_.end()) {
            return nullptr;
        }
        order_.splice(order_.begin(), order_, it->second); // most recently used first
        return it->second->second;
    }

    /// Stores the record of `docid` (after a find() for the same revision), evicting the least
    /// recently used one when full.
    void put(Xapian::docid docid, std::shared_ptr<const ParsedRecord> record) {
        if (capacity_ == 0 || index_.contains(docid)) {
            return;
        }
        if (order_.size() >= capacity_) {
            index_.erase(order_.back().first);
            order_.pop_back();
        }
        order_.emplace_front(docid, std::move(record));
        index_.emplace(docid, order_.begin());
    }

    void clear() {
        order_.clear();
        index_.clear();
    }

    [[nodiscard]] std::size_t size() const { return order_.size(); }

  private:
    using Entry = std::pair<Xapian::docid, std::shared_ptr<const ParsedRecord>>;
    std::size_t capacity_;
    std::string revision_key_;
    std::list<Entry> order_;
    std::unordered_map<Xapian::docid, std::list<Entry>::iterator> index_;
};

} // namespace algreg::search
