// The program's version, from project(VERSION) in CMakeLists.txt: `algreg --version`, the
// man pages and /healthz all report this one value.
#pragma once

#include <string_view>

namespace algreg::search {

/// "MAJOR.MINOR.PATCH" of this build.
[[nodiscard]] std::string_view version();

} // namespace algreg::search
