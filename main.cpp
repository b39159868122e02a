// algreg: one program, one subcommand per job. Each subcommand is a function of its library
// (indexer::run_index, ...); main only turns arguments into options and exceptions into exit
// codes.
#include "indexer/as_of_index.h"
#include "indexer/follower.h"
#include "indexer/run_check.h"
#include "indexer/run_index.h"
#include "indexer/sync.h"
#include "search/data_dir.h"
#include "search/errors.h"
#include "search/schema.h"
#include "search/search_command.h"
#include "search/searcher.h"
#include "search/sync_status.h"
#include "search/version.h"
#include "web/server.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <pthread.h>
#include <string>
#include <unistd.h>
#include <vector>
#include <xapian.h>

namespace {

constexpr const char* usage = R"(Usage: algreg COMMAND [options]

Search, watch and check the Dutch Algorithm Register (algoritmes.overheid.nl).

Commands:
  index     read register exports into the search index
  sync      fetch the live register (or another algreg) into the index, all or nothing
  search    search the index from the command line
  check     completeness checks of entries in any input format, for people and CI
  serve     the HTTP API (ours under /api/v1, and the official register's) over the index
  version   the program's version (also --version)
  help      this text

Run `algreg COMMAND --help` for the options of a command.
)";

std::optional<std::string> environment(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    return value ? std::optional<std::string>(value) : std::nullopt;
}

/// The bundled register, abbreviation list and static files, found from where this program is
/// (search/data_dir.h).
algreg::search::DataDirs data_dirs() {
    return algreg::search::find_data_dirs(algreg::search::executable_path(), environment);
}

std::string fixtures_dir() {
    return data_dirs().register_dir.string();
}

/// `algreg sync`: indexer::sync_command with the bundled abbreviations as synonyms (as index).
int command_sync(const std::vector<std::string>& args) {
    algreg::indexer::SyncOptions defaults;
    defaults.abbreviations_path = fixtures_dir() + "/abbreviations-nl.tsv";
    defaults.ministries_path = fixtures_dir() + "/ministries-nl.tsv";
    defaults.progress = ::isatty(STDERR_FILENO) != 0;
    return algreg::indexer::sync_command(args, defaults, std::cout, std::cerr);
}

int command_index(const std::vector<std::string>& args) {
    namespace ix = algreg::indexer;
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << ix::index_help();
            return ix::exit_code::ok;
        }
    }
    ix::IndexOptions defaults;
    defaults.abbreviations_path = fixtures_dir() + "/abbreviations-nl.tsv";
    defaults.ministries_path = fixtures_dir() + "/ministries-nl.tsv";
    defaults.progress = ::isatty(STDERR_FILENO) != 0;
    ix::IndexOptions options;
    try {
        options = ix::parse_index_arguments(args, defaults);
    } catch (const std::invalid_argument& e) {
        std::cerr << "algreg index: " << e.what() << "\nRun `algreg index --help` for usage.\n";
        return ix::exit_code::usage;
    }
    if (options.quiet) {
        options.progress = false;
    }
    try {
        const auto summary = ix::run_index(options, std::cerr);
        std::cout << ix::format_summary(summary) << '\n';
        for (const auto& id : summary.changes.removed) {
            std::cout << "removed " << id << '\n';
        }
        if (summary.rejected > 0) {
            std::cout << summary.rejected << " rejected records written to " << summary.rejects_path
                      << '\n';
            return ix::exit_code::rejected;
        }
        return ix::exit_code::ok;
    } catch (const algreg::search::InputError& e) {
        std::cerr << "algreg index: " << e.what() << '\n';
        return ix::exit_code::bad_input;
    } catch (const algreg::search::IndexBusyError& e) {
        std::cerr << "algreg index: " << e.what() << '\n';
        return ix::exit_code::index_busy;
    } catch (const algreg::search::IndexUnavailableError& e) {
        std::cerr << "algreg index: " << e.what() << '\n';
        return ix::exit_code::index_error;
    } catch (const ix::OlderSnapshotError& e) {
        std::cerr << "algreg index: " << e.what() << '\n';
        return ix::exit_code::older_snapshot;
    } catch (const ix::MassRemovalError& e) {
        std::cerr << "algreg index: " << e.what() << '\n';
        return ix::exit_code::mass_removal;
    } catch (const ix::EmptySnapshotError& e) {
        std::cerr << "algreg index: " << e.what() << '\n';
        return ix::exit_code::empty_snapshot;
    } catch (const std::invalid_argument& e) {
        std::cerr << "algreg index: " << e.what() << "\nRun `algreg index --help` for usage.\n";
        return ix::exit_code::usage;
    } catch (const Xapian::Error& e) {
        std::cerr << "algreg index: the index could not be written (" << e.get_description()
                  << "); it is unchanged\n";
        return ix::exit_code::index_error;
    }
}

int command_search(const std::vector<std::string>& args) {
    namespace s = algreg::search;
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << s::search_help();
            return 0;
        }
    }
    s::SearchCommandOptions options;
    const auto env = s::process_environment();
    options.color = s::use_color(::isatty(STDOUT_FILENO) != 0, env);
    options.language = s::locale_language(env); // --lang overrides it
    try {
        options = s::parse_search_arguments(args, options);
    } catch (const std::invalid_argument& e) {
        std::cerr << "algreg search: " << e.what() << "\nRun `algreg search --help` for usage.\n";
        return 64;
    }
    try {
        s::Searcher searcher(options.db_path);
        const s::SearchResult result = searcher.search(options.request);
        if (options.json) {
            std::cout << nlohmann::json(result).dump(2, ' ', false,
                                                     nlohmann::json::error_handler_t::replace)
                      << '\n';
        } else {
            s::print_result(std::cout, result, options.color, options.language);
        }
        return result.total > 0 ? 0 : 1;
    } catch (const s::BadRequest& e) {
        std::cerr << "algreg search: " << e.what() << '\n';
        return 64;
    } catch (const s::IndexUnavailableError& e) {
        std::cerr << "algreg search: " << e.what() << '\n';
        return 4;
    } catch (const Xapian::DatabaseLockError& e) {
        std::cerr << "algreg search: the index is busy: " << e.get_description() << '\n';
        return 3;
    } catch (const Xapian::Error& e) {
        std::cerr << "algreg search: the index could not be read: " << e.get_description() << '\n';
        return 4;
    }
}

/// `algreg check`: the exit code is the report's (0, 1 findings at or above --fail-on), 2 for
/// a malformed input, 64 for a bad command line. Today's date (UTC) is the default --today.
int command_check(const std::vector<std::string>& args) {
    namespace ix = algreg::indexer;
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << ix::check_help();
            return ix::check_exit_code::ok;
        }
    }
    ix::CheckCommandOptions defaults;
    defaults.language = algreg::search::locale_language(algreg::search::process_environment());
    defaults.today = std::chrono::year_month_day{
        std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    ix::CheckCommandOptions options;
    try {
        options = ix::parse_check_arguments(args, defaults);
    } catch (const std::invalid_argument& e) {
        std::cerr << "algreg check: " << e.what() << "\nRun `algreg check --help` for usage.\n";
        return ix::check_exit_code::usage;
    }
    try {
        const auto report = ix::run_check(options);
        ix::write_check_report(report, options, std::cout);
        return ix::check_exit_status(report, options.fail_on);
    } catch (const algreg::search::InputError& e) {
        std::cerr << "algreg check: " << e.what() << '\n';
        return ix::check_exit_code::bad_input;
    }
}

/// The layout version an index at `path` was written with ("" for an index from before layout
/// versions), or nullopt when there is no readable index there.
std::optional<std::string> index_layout(const std::string& path) {
    try {
        const Xapian::Database db(path);
        return db.get_metadata(std::string(algreg::search::metadata_layout));
    } catch (const Xapian::Error&) {
        return std::nullopt;
    }
}

/// `algreg serve --follow URL`: the indexer's Follower syncs into the served index in a thread
/// of its own while web::serve() serves it, showing the follower's status. The stop signals are
/// blocked before that thread starts (serve() waits for them in a thread of its own); once
/// serve() returns, the Follower is stopped and joined (a sync in progress is abandoned).
int serve_following(const algreg::web::ServerConfig& config) {
    namespace ix = algreg::indexer;
    ix::FollowOptions follow;
    follow.sync.from = config.follow;
    follow.sync.db_path = config.index_path;
    follow.sync.abbreviations_path = fixtures_dir() + "/abbreviations-nl.tsv";
    follow.every = config.follow_every;
    algreg::search::SyncStatusBoard board(ix::initial_follow_status(follow));
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigset_t previous;
    pthread_sigmask(SIG_BLOCK, &signals, &previous);
    int code = 0;
    {
        ix::Follower follower(follow, board, [](const std::string& line) {
            algreg::web::write_log_line("algreg serve: " + line + "\n");
        });
        code = algreg::web::serve(config, ix::as_of_index_provider(config.index_path),
                                  [&board] { return board.get(); });
    }
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return code;
}

/// `algreg serve`: with no index at the index path, first indexes the bundled register there;
/// then serves until SIGINT/SIGTERM (with --follow: serve_following). Exit codes: web::serve_exit
/// (0, 4, 5), 2 when the bundled register cannot be indexed, 64 for a bad command line.
int command_serve(const std::vector<std::string>& args) {
    namespace web = algreg::web;
    namespace ix = algreg::indexer;
    for (const auto& a : args) {
        if (a == "--help" || a == "-h") {
            std::cout << web::serve_help();
            return 0;
        }
    }
    web::ServerConfig config;
    try {
        config = web::parse_serve_arguments(args, environment);
    } catch (const std::invalid_argument& e) {
        std::cerr << "algreg serve: " << e.what() << "\nRun `algreg serve --help` for usage.\n";
        return ix::exit_code::usage;
    }
    // An index of an older layout lacks terms this program searches by. The default index
    // holds the bundled register, so it is rebuilt from it; any other index is the user's to
    // re-index (IndexWriter rewrites every entry of an older layout and keeps the history).
    if (const auto layout = index_layout(config.index_path);
        layout && !layout->empty() && *layout != algreg::search::layout_version) {
        if (config.index_path != web::ServerConfig{}.index_path) {
            std::cerr << "algreg serve: the index at " << config.index_path << " has layout "
                      << *layout << ", this program reads layout " << algreg::search::layout_version
                      << "; rebuild it with algreg index INPUT... --db " << config.index_path
                      << " (every entry is rewritten in the new layout; its history is kept)\n";
            return web::serve_exit::index_unavailable;
        }
        std::cerr << "algreg serve: the index at " << config.index_path << " has layout " << *layout
                  << ", this program reads layout " << algreg::search::layout_version
                  << "; rebuilding it from the bundled register\n";
        std::error_code ignored;
        std::filesystem::remove_all(config.index_path, ignored);
    }
    config.static_dir = data_dirs().static_dir.string();
    if (!config.follow.empty()) {
        return serve_following(config); // no index yet: the first sync builds it
    }
    if (::access(config.index_path.c_str(), F_OK) != 0) {
        std::cerr << "algreg serve: no index at " << config.index_path
                  << "; indexing the bundled register there first: its history (38 daily "
                     "snapshots, 2026-05-13 to 2026-08-08), then the listing of 2026-08-08\n";
        ix::IndexOptions options;
        options.assessment_files = {fixtures_dir() + "/assessments-2023-06-19.csv"};
        options.abbreviations_path = fixtures_dir() + "/abbreviations-nl.tsv";
        options.ministries_path = fixtures_dir() + "/ministries-nl.tsv";
        options.db_path = config.index_path;
        options.quiet = true;
        try {
            // The history first, so that the changes pages and as_of searches have real
            // revisions; the listing then is the register as it is (a no-op when it equals the
            // history's last day).
            for (const char* input : {"/register-history.jsonl", "/register-2026-08-08.json"}) {
                options.inputs = {fixtures_dir() + input};
                std::cerr << ix::format_summary(ix::run_index(options, std::cerr)) << '\n';
            }
        } catch (const std::exception& e) {
            std::cerr << "algreg serve: cannot index the bundled register: " << e.what() << '\n';
            return ix::exit_code::bad_input;
        } catch (const Xapian::Error& e) {
            std::cerr << "algreg serve: cannot index the bundled register: " << e.get_description()
                      << '\n';
            return ix::exit_code::bad_input;
        }
    }
    // as_of= searches: indexes of past dates, built from this index's history on first use and
    // cached beside it (indexer/as_of_index.h); the server only reads them.
    return web::serve(config, ix::as_of_index_provider(config.index_path));
}

} // namespace

int main(int argc, char** argv) try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "help" || args[0] == "--help" || args[0] == "-h") {
        std::cout << usage;
        return args.empty() ? 64 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    if (command == "version" || command == "--version") {
        std::cout << "algreg " << algreg::search::version() << '\n';
        return 0;
    }
    if (command == "index") {
        return command_index(args);
    }
    if (command == "sync") {
        return command_sync(args);
    }
    if (command == "check") {
        return command_check(args);
    }
    if (command == "search") {
        return command_search(args);
    }
    if (command == "serve") {
        return command_serve(args);
    }
    std::cerr << "algreg: unknown command '" << command << "'\n" << usage;
    return 64;
} catch (const std::exception& e) {
    std::cerr << "algreg: " << e.what() << '\n';
    return 4;
}
