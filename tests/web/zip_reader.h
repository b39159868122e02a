// Test support: reads one entry of a zip archive in memory (the .xlsx export), with zlib for
// the deflated entries. Enough of the format for libxlsxwriter's output: no zip64, no
// encryption, sizes from the central directory.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>
#include <zlib.h>

namespace algreg::testing {

namespace zip_detail {
inline std::uint32_t le(std::string_view data, std::size_t at, int bytes) {
    if (at + static_cast<std::size_t>(bytes) > data.size()) {
        throw std::runtime_error("zip: truncated");
    }
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) {
        v = (v << 8) | static_cast<unsigned char>(data[at + static_cast<std::size_t>(i)]);
    }
    return v;
}
} // namespace zip_detail

struct ZipEntry {
    std::string name;
    std::uint32_t method = 0; ///< 0 stored, 8 deflated
    std::uint32_t compressed = 0;
    std::uint32_t size = 0;
    std::uint32_t local_header = 0;
};

/// The central directory of `zip`. Throws std::runtime_error when it is not a zip.
inline std::vector<ZipEntry> zip_entries(std::string_view zip) {
    using zip_detail::le;
    const std::size_t min_end = 22;
    if (zip.size() < min_end) {
        throw std::runtime_error("zip: too short");
    }
    std::size_t end = zip.size() - min_end;
    while (le(zip, end, 4) != 0x06054b50) {
        if (end == 0) {
            throw std::runtime_error("zip: no end of central directory");
        }
        --end;
    }
    const std::uint32_t count = le(zip, end + 10, 2);
    std::size_t at = le(zip, end + 16, 4);
    std::vector<ZipEntry> out;
    for (std::uint32_t i = 0; i < count; ++i) {
        if (le(zip, at, 4) != 0x02014b50) {
            throw std::runtime_error("zip: bad central directory entry");
        }
        ZipEntry e;
        e.method = le(zip, at + 10, 2);
        e.compressed = le(zip, at + 20, 4);
        e.size = le(zip, at + 24, 4);
        const std::uint32_t name_len = le(zip, at + 28, 2);
        const std::uint32_t extra_len = le(zip, at + 30, 2);
        const std::uint32_t comment_len = le(zip, at + 32, 2);
        e.local_header = le(zip, at + 42, 4);
        e.name = std::string(zip.substr(at + 46, name_len));
        out.push_back(e);
        at += 46 + name_len + extra_len + comment_len;
    }
    return out;
}

/// The content of entry `name`, or nullopt when the archive has none.
inline std::optional<std::string> zip_read(std::string_view zip, std::string_view name) {
    using zip_detail::le;
    for (const auto& e : zip_entries(zip)) {
        if (e.name != name) {
            continue;
        }
        if (le(zip, e.local_header, 4) != 0x04034b50) {
            throw std::runtime_error("zip: bad local header");
        }
        const std::size_t data =
            e.local_header + 30 + le(zip, e.local_header + 26, 2) + le(zip, e.local_header + 28, 2);
        if (data + e.compressed > zip.size()) {
            throw std::runtime_error("zip: truncated entry");
        }
        if (e.method == 0) {
            return std::string(zip.substr(data, e.compressed));
        }
        if (e.method != 8) {
            throw std::runtime_error("zip: unsupported method");
        }
        std::string out(e.size, '\0');
        z_stream z{};
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) {
            throw std::runtime_error("zip: inflateInit2");
        }
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zip.data() + data));
        z.avail_in = e.compressed;
        z.next_out = reinterpret_cast<Bytef*>(out.data());
        z.avail_out = e.size;
        const int rc = inflate(&z, Z_FINISH);
        inflateEnd(&z);
        if (rc != Z_STREAM_END || z.total_out != e.size) {
            throw std::runtime_error("zip: inflate failed");
        }
        return out;
    }
    return std::nullopt;
}

} // namespace algreg::testing
