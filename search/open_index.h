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

} // namespace algreg::search
