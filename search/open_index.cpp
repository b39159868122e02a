#include "search/open_index.h"

#include "search/errors.h"
#include "search/schema.h"

namespace algreg::search {

Xapian::Database open_index(const std::string& path) {
    Xapian::Database db;
    try {
        db = Xapian::Database(path);
    } catch (const Xapian::Error& e) {
        throw IndexUnavailableError("cannot open the index at " + path + ": " +
                                    e.get_description() + " (build it with `algreg index`)");
    }
    const std::string layout = db.get_metadata(std::string(metadata_layout));
    if (!layout.empty() && layout != layout_version) {
        throw IndexUnavailableError("the index at " + path + " has layout " + layout +
                                    ", this program reads layout " + std::string(layout_version) +
                                    "; index the register into it again with `algreg index "
                                    "INPUT... --db " +
                                    path + "` (every entry is rewritten; its history is kept)");
    }
    return db;
}

} // namespace algreg::search
