// Opening an index for reading: the one place that turns "cannot open" and "written in another
// layout" into IndexUnavailableError messages that say what to run.
#pragma once

#include <string>
#include <xapian.h>

namespace algreg::search {

/// Opens the index at `path` read-only. Throws IndexUnavailableError when it does not exist or
/// cannot be opened, or when it was written in another layout (schema.h layout_version) than
/// this program reads; both messages name the `algreg index` command that fixes it.
[[nodiscard]] Xapian::Database open_index(const std::string& path);

/// Which database `path` designates right now, when it is a stub database: the text of the
/// stub file (`path` itself, or `path/XAPIANDB` for a directory), else "" (a plain database
/// directory, or nothing there). A replica kept by `xapian-replicate` is such a directory: its
/// stub names the live copy (`auto replica_0`), and a full copy from the master (the writer
/// rebuilt the index) is made beside it and switched to by rewriting the stub, after which the
/// old copy is deleted. Database::reopen() keeps following the directory it has open, so a
/// reader compares this text to the one it opened with and opens `path` anew when it differs.
[[nodiscard]] std::string index_stub(const std::string& path);

} // namespace algreg::search
