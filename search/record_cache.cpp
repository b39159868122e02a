#include "search/record_cache.h"

#include "search/html_text.h"

namespace algreg::search {

ParsedRecord::ParsedRecord(AlgorithmRecord parsed) : record(std::move(parsed)) {
    const auto fields = string_fields();
    plain.reserve(fields.size());
    for (const auto& field : fields) {
        const std::string& value = record.*field.member;
        plain.push_back(field.html ? strip_html(value) : value);
    }
}

const std::string& ParsedRecord::plain_text(const StringField& field) const {
    return plain.at(static_cast<std::size_t>(&field - string_fields().data()));
}

} // namespace algreg::search
