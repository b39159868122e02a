// The fixture index for the fuzz harnesses: the bundled register (fixtures/) indexed once per
// fuzzing process into a temporary directory, removed at exit.
#pragma once

#include "indexer/run_index.h"
#include "tests/support/temp_dir.h"

#include <sstream>
#include <string>

namespace algreg::fuzz {

inline const std::string& fixture_index() {
    static const testing::TempDir dir;
    static const std::string path = [] {
        indexer::IndexOptions options;
        options.inputs = {std::string(ALGREG_FIXTURES_DIR) + "/register-2026-08-08.json"};
        options.abbreviations_path = std::string(ALGREG_FIXTURES_DIR) + "/abbreviations-nl.tsv";
        options.db_path = dir.file("index");
        options.quiet = true;
        std::ostringstream log;
        (void)indexer::run_index(options, log);
        return options.db_path;
    }();
    return path;
}

} // namespace algreg::fuzz
