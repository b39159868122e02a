// libFuzzer: the official API's search body (web/official_request.h). Any body may be refused
// with ValidationError (422); nothing may crash, leak or hit undefined behaviour.
#include "web/http_errors.h"
#include "web/official_request.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    try {
        (void)algreg::web::parse_official_search(body);
    } catch (const algreg::web::ValidationError&) {
    }
    return 0;
}
