// libFuzzer: URL query strings as the server reads them: httplib's decoding, then our
// parameter parsing for the API (search and export parameters, as_of, changes) and for pages
// (page query, language prefix). Bad parameters are refused with search::BadRequest (400);
// nothing may crash, leak or hit undefined behaviour.
#include "search/errors.h"
#include "web/history_handlers.h"
#include "web/page_url.h"
#include "web/search_params.h"

#include <cstddef>
#include <cstdint>
#include <httplib.h>
#include <string>

namespace web = algreg::web;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string target(reinterpret_cast<const char*>(data), size);
    const auto question = target.find('?');
    const std::string path = target.substr(0, question);
    httplib::Params decoded;
    if (question != std::string::npos) {
        httplib::detail::parse_query_text(target.substr(question + 1), decoded);
    }
    web::Params params(decoded.begin(), decoded.end());
    (void)web::split_lang(path);
    (void)web::parse_page_query(params);
    for (const auto set : {web::ParamSet::search, web::ParamSet::export_}) {
        try {
            (void)web::parse_search_params(params, set);
        } catch (const algreg::search::BadRequest&) {
        }
    }
    try {
        (void)web::parse_changes_params(params);
    } catch (const algreg::search::BadRequest&) {
    }
    try {
        auto copy = params;
        (void)web::take_as_of(copy, "2026-08-08");
    } catch (const algreg::search::BadRequest&) {
    }
    return 0;
}
