#include "search/data_dir.h"

#include <system_error>

namespace algreg::search {

namespace {

namespace fs = std::filesystem;

std::optional<std::string> non_empty(const EnvLookup& env, std::string_view name) {
    auto value = env ? env(name) : std::nullopt;
    if (value && value->empty()) {
        value.reset();
    }
    return value;
}

bool present(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

/// Case 3: the source checkout the executable was built in, if any.
std::optional<DataDirs> source_tree(const fs::path& exe_dir) {
    for (fs::path dir = exe_dir; !dir.empty(); dir = dir.parent_path()) {
        if (present(dir / "fixtures" / "abbreviations-nl.tsv") && present(dir / "web" / "static")) {
            return DataDirs{dir / "fixtures", dir / "web" / "static"};
        }
        if (dir == dir.root_path()) {
            break;
        }
    }
    return std::nullopt;
}

} // namespace

DataDirs find_data_dirs(const fs::path& executable, const EnvLookup& env) {
    const fs::path exe_dir = executable.parent_path();
    const fs::path installed = (exe_dir / ".." / "share" / "algreg").lexically_normal();
    DataDirs dirs{installed / "register", installed / "static"};
    if (const auto data = non_empty(env, "ALGREG_DATA_DIR")) {
        dirs = {fs::path(*data) / "register", fs::path(*data) / "static"};
    } else if (!present(dirs.register_dir / "abbreviations-nl.tsv")) {
        dirs = source_tree(exe_dir).value_or(dirs);
    }
    if (const auto reg = non_empty(env, "ALGREG_FIXTURES")) {
        dirs.register_dir = *reg;
    }
    if (const auto stat = non_empty(env, "ALGREG_STATIC_DIR")) {
        dirs.static_dir = *stat;
    }
    return dirs;
}

fs::path executable_path() {
    std::error_code ec;
    auto self = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : self;
}

} // namespace algreg::search
