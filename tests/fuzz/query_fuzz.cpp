// libFuzzer: the query language (search/query.h) and a whole search with it on the fixture
// index: parsing, query building, facets, sorting, snippets, spelling. Any input may be
// refused with BadRequest; nothing may crash, leak or hit undefined behaviour.
#include "search/errors.h"
#include "search/query.h"
#include "search/searcher.h"
#include "tests/fuzz/fuzz_index.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static algreg::search::Searcher searcher(algreg::fuzz::fixture_index());
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto parsed = algreg::search::parse_query(input);
    if (parsed.root) {
        (void)algreg::search::describe(*parsed.root);
    }
    algreg::search::SearchRequest request;
    request.text = std::string(input);
    // The first byte picks the sort, so the fuzzer reaches every ordering.
    request.sort = static_cast<algreg::search::Sort>(size ? data[0] % 5 : 0);
    try {
        (void)searcher.search(request);
    } catch (const algreg::search::BadRequest&) {
    }
    return 0;
}
