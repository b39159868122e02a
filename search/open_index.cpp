#include "search/open_index.h"

#include "search/errors.h"
#include "search/schema.h"

#include <filesystem>
#include <fstream>

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

std::string index_stub(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path stub =
        fs::is_directory(path, error) ? fs::path(path) / "XAPIANDB" : fs::path(path);
    std::ifstream in(stub, std::ios::binary);
    if (!in) {
        return {};
    }
    // A stub is a few lines; a single-file database at `path` is no stub: its first bytes only
    // serve to tell whether it was replaced.
    std::string text(4'096, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

} // namespace algreg::search
