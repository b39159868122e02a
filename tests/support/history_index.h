// One index with the real history of the register per test executable: the 38 daily snapshots
// of fixtures/register-history.jsonl (2026-05-13 to 2026-08-08) replayed with the indexer
// itself, one history revision per line. Building it takes some seconds (a debug build), so
// every test process of one test executable shares it (shared_index.h): tests must not write
// to it (build a copy with history_index_options() into a TempDir for that).
#pragma once

#include "indexer/run_index.h"
#include "tests/support/fixtures.h"
#include "tests/support/shared_index.h"

#include <sstream>
#include <string>

namespace algreg::testing {

inline constexpr const char* history_fixture = "register-history.jsonl";

/// The options the history index is built with: the history file alone (so it is replayed)
/// and the abbreviation and ministry lists, into `db_path`.
inline indexer::IndexOptions history_index_options(const std::string& db_path) {
    indexer::IndexOptions options;
    options.inputs = {fixture(history_fixture)};
    options.db_path = db_path;
    options.abbreviations_path = fixture("abbreviations-nl.tsv");
    options.ministries_path = fixture("ministries-nl.tsv");
    options.quiet = true;
    return options;
}

/// The history index's directory, built on first use by any test process of this executable
/// (shared_index.h): replaying takes seconds, and ctest runs each test case in its own process.
inline const std::string& history_index_path() {
    static const std::string path = shared_index("history", [](const std::string& db) {
        std::ostringstream log;
        (void)indexer::run_index(history_index_options(db), log);
    });
    return path;
}

} // namespace algreg::testing
