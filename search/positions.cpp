#include "search/positions.h"

#include <algorithm>

namespace algreg::search {

namespace {

void put_varint(std::string& out, std::uint32_t v) {
    while (v >= 0x80) {
        out += static_cast<char>((v & 0x7F) | 0x80);
        v >>= 7;
    }
    out += static_cast<char>(v);
}

/// Reads one varint at `p`, advancing it; false when the value ends inside it or it does not
/// fit 32 bits.
bool get_varint(const char*& p, const char* end, std::uint32_t& v) {
    v = 0;
    for (int shift = 0; shift <= 28; shift += 7) {
        if (p == end) {
            return false;
        }
        const auto byte = static_cast<unsigned char>(*p++);
        v |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) {
            return shift < 28 || byte < 0x10;
        }
    }
    return false;
}

/// Skips `count` varints; false when the value ends first.
bool skip_varints(const char*& p, const char* end, std::uint32_t count) {
    while (count > 0) {
        if (p == end) {
            return false;
        }
        if ((static_cast<unsigned char>(*p++) & 0x80) == 0) {
            --count;
        }
    }
    return true;
}

} // namespace

void PositionsEncoder::add(std::string_view stem, std::span<const std::uint32_t> positions) {
    std::size_t shared = 0;
    const std::size_t limit = std::min(previous_.size(), stem.size());
    while (shared < limit && previous_[shared] == stem[shared]) {
        ++shared;
    }
    put_varint(out_, static_cast<std::uint32_t>(shared));
    put_varint(out_, static_cast<std::uint32_t>(stem.size() - shared));
    out_.append(stem.substr(shared));
    previous_.assign(stem);
    put_varint(out_, static_cast<std::uint32_t>(positions.size()));
    std::uint32_t last = 0;
    for (const auto p : positions) {
        put_varint(out_, p - last);
        last = p;
    }
}

void PositionsEncoder::clear() {
    out_.clear();
    previous_.clear();
}

std::optional<std::vector<std::vector<std::uint32_t>>>
decode_positions(std::string_view value, std::span<const std::string> stems) {
    std::vector<std::vector<std::uint32_t>> found(stems.size());
    if (stems.empty()) {
        return found;
    }
    // Stems are stored in order: the scan stops after the greatest wanted one.
    const std::string_view last_wanted = *std::max_element(stems.begin(), stems.end());
    std::string stem;
    const char* p = value.data();
    const char* const end = p + value.size();
    while (p != end) {
        std::uint32_t shared = 0;
        std::uint32_t length = 0;
        std::uint32_t count = 0;
        if (!get_varint(p, end, shared) || shared > stem.size() || !get_varint(p, end, length) ||
            length > static_cast<std::size_t>(end - p)) {
            return std::nullopt;
        }
        stem.resize(shared);
        stem.append(p, length);
        p += length;
        if (!get_varint(p, end, count)) {
            return std::nullopt;
        }
        if (std::string_view(stem) > last_wanted) {
            break;
        }
        std::vector<std::uint32_t>* wanted = nullptr;
        for (std::size_t i = 0; i < stems.size(); ++i) {
            if (stems[i] == stem) {
                wanted = &found[i];
                break;
            }
        }
        if (wanted == nullptr) {
            if (!skip_varints(p, end, count)) {
                return std::nullopt;
            }
            continue;
        }
        std::uint32_t position = 0;
        for (std::uint32_t k = 0; k < count; ++k) {
            std::uint32_t gap = 0;
            if (!get_varint(p, end, gap)) {
                return std::nullopt;
            }
            position += gap;
            wanted->push_back(position);
        }
    }
    // A stem may appear twice in a phrase ("de de"): every copy gets the positions.
    for (std::size_t i = 0; i < stems.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (stems[j] == stems[i]) {
                found[i] = found[j];
                break;
            }
        }
    }
    return found;
}

bool has_phrase(std::string_view value, std::span<const std::string> stems) {
    if (stems.empty()) {
        return false;
    }
    const auto found = decode_positions(value, stems);
    if (!found) {
        return false;
    }
    for (const auto& list : *found) {
        if (list.empty()) {
            return false;
        }
    }
    for (const auto start : found->front()) {
        bool all = true;
        for (std::size_t i = 1; i < stems.size() && all; ++i) {
            const auto& list = (*found)[i];
            all =
                std::binary_search(list.begin(), list.end(), start + static_cast<std::uint32_t>(i));
        }
        if (all) {
            return true;
        }
    }
    return false;
}

} // namespace algreg::search
