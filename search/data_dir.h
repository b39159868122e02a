// DataDirs: where the files algreg reads at run time are (the bundled register with its
// abbreviation list, and the web UI's static files), found relative to the running program,
// never through source-tree paths compiled in. One lookup, used by main() for every command.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace algreg::search {

/// Looks up an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(std::string_view)>;

struct DataDirs {
    std::filesystem::path register_dir; ///< register-*.json, abbreviations-nl.tsv, ...
    std::filesystem::path static_dir;   ///< CSS, JavaScript, SVG of the web UI
    bool operator==(const DataDirs&) const = default;
};

/// The data folders for the program at `executable`, first match wins:
///  1. ALGREG_DATA_DIR=D: D/register and D/static;
///  2. installed: <exe dir>/../share/algreg (register/ and static/) when it holds
///     register/abbreviations-nl.tsv;
///  3. a build inside a source checkout (build/<preset>/algreg): the nearest folder above the
///     executable holding fixtures/abbreviations-nl.tsv and web/static gives fixtures/ and
///     web/static/;
///  4. otherwise the installed location of 2, so that error messages name where files belong.
/// ALGREG_FIXTURES (register folder) and ALGREG_STATIC_DIR (static folder) override the
/// respective folder of whichever case applies. Empty variables count as unset.
[[nodiscard]] DataDirs find_data_dirs(const std::filesystem::path& executable,
                                      const EnvLookup& env);

/// The running program's own path (/proc/self/exe, symlinks resolved); empty when /proc is not
/// mounted (find_data_dirs then finds only what the environment names).
[[nodiscard]] std::filesystem::path executable_path();

} // namespace algreg::search
