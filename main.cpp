// algreg: one program, one subcommand per job. Each subcommand is a function of its library
// (indexer::run_index, ...); main only turns arguments into options and exceptions into exit
// codes.
#include "indexer/run_index.h"
#include "search/errors.h"

#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>
#include <xapian.h>

namespace {

constexpr const char* usage = R"(Usage: algreg COMMAND [options]

Search, watch and check the Dutch Algorithm Register (algoritmes.overheid.nl).

Commands:
  index     read register exports into the search index
  help      this text

Run `algreg COMMAND --help` for the options of a command.
)";

/// The bundled register and abbreviation list; ALGREG_FIXTURES overrides the folder.
std::string fixtures_dir() {
    if (const char* dir = std::getenv("ALGREG_FIXTURES")) {
        return dir;
    }
    return ALGREG_FIXTURES_DIR;
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
    } catch (const Xapian::Error& e) {
        std::cerr << "algreg index: the index could not be written (" << e.get_description()
                  << "); it is unchanged\n";
        return ix::exit_code::index_error;
    }
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
    if (command == "index") {
        return command_index(args);
    }
    std::cerr << "algreg: unknown command '" << command << "'\n" << usage;
    return 64;
} catch (const std::exception& e) {
    std::cerr << "algreg: " << e.what() << '\n';
    return 4;
}
