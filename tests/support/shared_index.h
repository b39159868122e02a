// An index that every test process of one test executable shares. ctest runs each test case in
// a process of its own, so a per-process index (a function-local static) would be rebuilt for
// every test case; an index that takes seconds to build (the replayed history) is built once
// here instead and reused by later processes of the same executable build.
//
// Where: <temp>/algreg-test-indexes/<hash of the executable's path>-<its mtime and size>/<name>.
// A rebuilt executable gets a new directory, and the directories of its older builds are
// removed. Concurrent processes wait on a lock file while one of them builds; an index counts
// as built only once its marker file exists, so an interrupted build is started again.
// Tests must not write to a shared index (copy it into a TempDir for that).
#pragma once

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace algreg::testing {

/// The path of the shared index `name`, calling build(path) to build it when this executable
/// build has not built it yet.
inline std::string shared_index(const std::string& name,
                                const std::function<void(const std::string&)>& build) {
    namespace fs = std::filesystem;
    const fs::path exe = fs::read_symlink("/proc/self/exe");
    const std::string family = std::to_string(std::hash<std::string>{}(exe.string()));
    const std::string stamp = std::to_string(fs::last_write_time(exe).time_since_epoch().count()) +
                              "-" + std::to_string(fs::file_size(exe));
    const fs::path root = fs::temp_directory_path() / "algreg-test-indexes";
    const fs::path dir = root / (family + "-" + stamp);
    fs::create_directories(dir);
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(root, ignored)) {
        const std::string other = entry.path().filename().string();
        if (other.starts_with(family + "-") && entry.path() != dir) {
            fs::remove_all(entry.path(), ignored); // an older build of this executable
        }
    }
    const fs::path index = dir / name;
    const fs::path done = dir / (name + ".done");
    const std::string lock_path = (dir / (name + ".lock")).string();
    const int lock = ::open(lock_path.c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0644);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
        throw std::runtime_error("cannot lock " + lock_path);
    }
    try {
        if (!fs::exists(done)) {
            fs::remove_all(index);
            build(index.string());
            std::ofstream(done) << "built\n";
        }
    } catch (...) {
        ::close(lock); // releases the lock
        throw;
    }
    ::close(lock);
    return index.string();
}

} // namespace algreg::testing
