// libFuzzer: every input reader (listing, official JSON, CSV, NDJSON, history, and automatic
// detection) and the normaliser on each record read. A malformed file may be refused with
// search::InputError; nothing may crash, leak or hit undefined behaviour.
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/errors.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ix = algreg::indexer;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    // The first byte picks the reader (automatic most often), the rest is the file.
    constexpr std::array formats{ix::InputFormat::automatic, ix::InputFormat::listing,
                                 ix::InputFormat::official,  ix::InputFormat::csv,
                                 ix::InputFormat::ndjson,    ix::InputFormat::history,
                                 ix::InputFormat::automatic, ix::InputFormat::automatic};
    const ix::InputFormat format = formats[data[0] % formats.size()];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        const auto file = ix::read_source_text("fuzz-input", text, format);
        for (const auto& record : file.records) {
            (void)ix::normalise(record, file.format);
        }
    } catch (const algreg::search::InputError&) {
    }
    return 0;
}
