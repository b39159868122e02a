// One index of the bundled real register per test executable, built on first use into a
// temporary directory with the indexer itself (about a second), and removed at exit.
//
// Inputs, in this order: the v1.0 templates, the 2023 full export, then the 2026 listing, so
// that for every entry the listing knows, the listing's own values (status, name, organisation)
// win over older ones when records merge; plus the abbreviation list and, when present, the
// 2023 assessment statements, and the ministry table.
#pragma once

#include "indexer/run_index.h"
#include "search/revision.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

namespace algreg::testing {

inline constexpr const char* listing_fixture = "register-2026-08-08.json";
inline constexpr const char* templates_fixture = "register-v1.0-templates.json";
inline constexpr const char* export_2023_fixture = "register-2023-06-19-full.json";

/// The options the fixture index is built with (also used by tests that build a copy).
inline indexer::IndexOptions fixture_index_options(const std::string& db_path) {
    indexer::IndexOptions options;
    options.inputs = {fixture(templates_fixture), fixture(export_2023_fixture),
                      fixture(listing_fixture)};
    options.db_path = db_path;
    options.abbreviations_path = fixture("abbreviations-nl.tsv");
    options.ministries_path = fixture("ministries-nl.tsv");
    if (std::filesystem::exists(fixture("assessments-2023-06-19.csv"))) {
        options.assessment_files = {fixture("assessments-2023-06-19.csv")};
    }
    options.quiet = true;
    return options;
}

class FixtureIndex {
  public:
    FixtureIndex() : path_(dir_.file("index")), cache_(std::make_shared<search::RevisionCache>()) {
        std::ostringstream log;
        summary_ = indexer::run_index(fixture_index_options(path_), log);
    }
    FixtureIndex(const FixtureIndex&) = delete;
    FixtureIndex& operator=(const FixtureIndex&) = delete;

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] const indexer::IndexSummary& summary() const { return summary_; }
    /// One revision cache for the tests' searchers, so the index's in-memory data is built once.
    [[nodiscard]] std::shared_ptr<search::RevisionCache> cache() const { return cache_; }

  private:
    TempDir dir_;
    std::string path_;
    std::shared_ptr<search::RevisionCache> cache_;
    indexer::IndexSummary summary_;
};

/// The index, built on first use.
inline const FixtureIndex& fixture_index() {
    static const FixtureIndex index;
    return index;
}

} // namespace algreg::testing
