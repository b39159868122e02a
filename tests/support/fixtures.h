// Paths of the bundled real register data and small helpers to read and write test files.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace algreg::testing {

inline std::string fixture(const std::string& name) {
    return std::string(ALGREG_FIXTURES_DIR) + "/" + name;
}

inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
}

} // namespace algreg::testing
