#include "search/version.h"

// ALGREG_VERSION is defined for this file only (search/CMakeLists.txt), so a new version
// recompiles one file.
namespace algreg::search {

std::string_view version() {
    return ALGREG_VERSION;
}

} // namespace algreg::search
