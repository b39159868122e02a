// A deterministic benchmark corpus of any size, built from the real texts of the bundled
// register: sentences of real entries mixed by a seeded PRNG, real organisation names, titles,
// statuses and date ranges, unique valid Algoritme-IDs. Shared by every benchmark program
// (index_bench, search_bench, ...): header-only because each bench/*.cpp is its own executable.
//
// Usage:
//   algreg::bench::CorpusOptions options;          // 100,000 entries, official 1.0 shape
//   const auto corpus = algreg::bench::generate_corpus(options);
//   corpus.records;                                 // normalised, as `algreg index` makes them
//   algreg::bench::write_corpus("corpus.json", options); // for `algreg index corpus.json`
//
// The same options always give the same bytes (own PRNG and range reduction; no std::
// distributions, whose output differs between standard libraries).
#pragma once

#include "indexer/assessment_source.h"
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/analysis.h"
#include "search/html_text.h"
#include "search/record.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#ifndef ALGREG_FIXTURES_DIR
#define ALGREG_FIXTURES_DIR "fixtures"
#endif

namespace algreg::bench {

/// The shape of the generated entries.
enum class CorpusShape {
    /// Full records of publication standard 1.0 (a JSON array, one entry per line): all long
    /// text fields filled, about 1.15 KB of plain text (1.8 KB of JSON) per entry, like the figures
    /// in
    /// architecture.md §4. The default.
    official,
    /// The daily listing `{algoritmes:[...], count, fetched_at}`: title, organisation, goal,
    /// legal basis, status, dates (about 0.9 KB per entry, like the real listing).
    listing,
};

struct CorpusOptions {
    std::size_t count = 100'000;
    std::uint64_t seed = 20260808;
    CorpusShape shape = CorpusShape::official;
    std::string fixtures_dir = ALGREG_FIXTURES_DIR; ///< where the real register files are
};

/// splitmix64: small, fast, and the same sequence everywhere.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, n); n > 0 (modulo bias below n / 2^64: nil for our sizes).
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }

    /// Uniform in [lo, hi].
    std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }

    /// True with probability percent/100.
    bool chance(unsigned percent) { return below(100) < percent; }

    template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  private:
    std::uint64_t state_;
};

/// The real texts the corpus is made of, read once from the fixtures.
struct CorpusPools {
    struct ListingEntry {
        std::string lars, title, organisation, goal, legal, status, impactassessment, changed,
            added;
    };
    std::vector<ListingEntry> listing; ///< the 1,530 entries of register-2026-08-08.json
    std::vector<std::string> goal, description, proportionality, human_intervention, risks,
        source_data, methods, legal, impact; ///< sentences per field (plain text)
    std::vector<std::string> providers, tags;
    std::vector<search::Reference> legal_refs;
    std::unordered_set<std::string> real_lars; ///< never generated again

    /// Reads the pools from `fixtures_dir`; throws std::runtime_error if a file is missing.
    static CorpusPools load(const std::string& fixtures_dir);
};

/// The generated corpus: the file bytes `algreg index` would read and the records it would
/// index (normalised by the same code).
struct Corpus {
    std::vector<search::AlgorithmRecord> records;
    std::size_t bytes = 0; ///< size of the corpus file (write_corpus) in bytes
};

/// The text before the first and after the last entry of the corpus file.
[[nodiscard]] std::pair<std::string, std::string> corpus_framing(const CorpusOptions& options);

/// Calls f(entry_json_text) for each generated entry, in order (no trailing newline).
void for_each_entry(const CorpusOptions& options, const CorpusPools& pools,
                    const std::function<void(const std::string&)>& f);

/// Generates the corpus and normalises every entry as `algreg index` does. Entries are made and
/// normalised one at a time, so only the records stay in memory.
[[nodiscard]] Corpus generate_corpus(const CorpusOptions& options);

/// Writes the corpus file: official shape as a JSON array with one entry per line, listing
/// shape as `{"algoritmes":[...],"count":N,"fetched_at":...}`. Returns the bytes written.
/// Throws std::runtime_error when the file cannot be written.
std::size_t write_corpus(const std::string& path, const CorpusOptions& options);

/// The valid Algoritme-ID number `k` of a fixed pseudo-random sequence without repeats:
/// 8 digits, d1..d7 in 1..9 (k mapped bijectively onto 9^7 values), d8 the check digit of
/// indexer::is_valid_lars. k < 9^7.
[[nodiscard]] std::string lars_number(std::uint64_t k);

// ---------------------------------------------------------------------------------------------
// Implementation.

namespace detail {

/// Splits plain text into sentences: at line breaks, and after . ! ? followed by a space and an
/// upper-case letter or digit. Keeps sentences of 20 to 600 bytes.
inline void add_sentences(std::vector<std::string>& out, std::string_view text) {
    auto keep = [&](std::string_view s) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
            s.remove_prefix(1);
        }
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
            s.remove_suffix(1);
        }
        if (s.size() >= 20 && s.size() <= 600) {
            out.emplace_back(s);
        }
    };
    std::size_t begin = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            keep(text.substr(begin, i - begin));
            begin = i + 1;
        } else if ((c == '.' || c == '!' || c == '?') && i + 2 < text.size() &&
                   text[i + 1] == ' ') {
            const auto next = static_cast<unsigned char>(text[i + 2]);
            if ((next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next >= 0xC3) {
                keep(text.substr(begin, i + 1 - begin));
                begin = i + 2;
            }
        }
    }
    keep(text.substr(begin));
}

inline std::string string_of(const nlohmann::json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline nlohmann::json read_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("corpus: cannot read " + path);
    }
    return nlohmann::json::parse(in);
}

/// "YYYY-MM-DD" of day `days` after 1970-01-01 (civil calendar).
inline std::string iso_date(std::int64_t days) {
    // Howard Hinnant's civil_from_days.
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(y + (m <= 2)), m, d);
    return buffer;
}

/// Joins `n` random sentences of `pool` with spaces.
inline std::string sentences(Rng& rng, const std::vector<std::string>& pool, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        if (!out.empty()) {
            out += ' ';
        }
        out += rng.pick(pool);
    }
    return out;
}

/// `n` random sentences as HTML: one or two <p> paragraphs, sometimes a list.
inline std::string html_sentences(Rng& rng, const std::vector<std::string>& pool, std::size_t n) {
    std::string out = "<p>";
    const bool list = n >= 3 && rng.chance(15);
    const std::size_t split = n >= 2 && rng.chance(40) ? rng.between(1, n - 1) : n;
    for (std::size_t i = 0; i < n; ++i) {
        if (i == split) {
            out += list ? "</p><ul>" : "</p><p>";
        }
        if (list && i >= split) {
            out += "<li>" + search::escape_html(rng.pick(pool)) + "</li>";
        } else {
            out += (i > 0 && i != split ? " " : "") + search::escape_html(rng.pick(pool));
        }
    }
    out += list && split < n ? "</ul>" : "</p>";
    return out;
}

inline std::string status_label(std::string_view listing_code) {
    if (listing_code == "ontwikkeling") {
        return "In ontwikkeling";
    }
    if (listing_code == "buiten_gebruik") {
        return "Buiten gebruik";
    }
    return "In gebruik";
}

inline constexpr std::array<std::string_view, 17> themes{"Cultuur en recreatie",
                                                         "Economie",
                                                         "Internationaal",
                                                         "Landbouw",
                                                         "Migratie en integratie",
                                                         "Natuur en milieu",
                                                         "Onderwijs en wetenschap",
                                                         "Openbare orde en veiligheid",
                                                         "Organisatie en bedrijfsvoering",
                                                         "Overheidsfinanciën",
                                                         "Recht",
                                                         "Ruimte en infrastructuur",
                                                         "Sociale zekerheid",
                                                         "Verkeer",
                                                         "Werk",
                                                         "Wonen",
                                                         "Zorg en gezondheid"};

inline constexpr std::array<std::string_view, 3> publication_categories{
    "Impactvolle algoritmes", "Overige algoritmes", "Hoog-risico AI-systeem"};

/// First day (days since 1970) and length of the registration date range: 2022-06-01 to
/// 2026-08-08.
inline constexpr std::int64_t first_day = 19144;
inline constexpr std::int64_t day_span = 1530;

} // namespace detail

inline std::string lars_number(std::uint64_t k) {
    constexpr std::uint64_t space = 4'782'969; // 9^7
    // x -> (a x + b) mod 9^7 is a bijection when gcd(a, 9^7) = 1 (a not divisible by 3).
    std::uint64_t x = (k * 2'654'435 + 1'234'567) % space;
    std::array<int, 8> d{};
    for (int i = 6; i >= 0; --i) {
        d[static_cast<std::size_t>(i)] = static_cast<int>(x % 9) + 1;
        x /= 9;
    }
    d[7] = (3 * (d[0] + d[2] + d[4] + d[6]) + (d[1] + d[3] + d[5])) % 10;
    std::string out(8, '0');
    for (std::size_t i = 0; i < 8; ++i) {
        out[i] = static_cast<char>('0' + d[i]);
    }
    return out;
}

inline CorpusPools CorpusPools::load(const std::string& fixtures_dir) {
    CorpusPools pools;
    using detail::string_of;
    const auto listing = detail::read_json(fixtures_dir + "/register-2026-08-08.json");
    for (const auto& e : listing.at("algoritmes")) {
        ListingEntry entry{string_of(e, "id"),
                           string_of(e, "title"),
                           string_of(e, "organisatie"),
                           string_of(e, "doel"),
                           string_of(e, "juridische_basis"),
                           string_of(e, "status"),
                           string_of(e, "impactassessment"),
                           string_of(e, "geregistreerd"),
                           string_of(e, "toegevoegd")};
        detail::add_sentences(pools.goal, search::strip_html(entry.goal));
        detail::add_sentences(pools.legal, search::strip_html(entry.legal));
        pools.real_lars.insert(entry.lars);
        pools.listing.push_back(std::move(entry));
    }
    // Full records: the 0.x register of 2023 and the 1.0 templates.
    const struct {
        const char* key;
        std::vector<std::string>* pool;
    } fields[] = {{"goal", &pools.goal},
                  {"description_short", &pools.description},
                  {"proportionality", &pools.proportionality},
                  {"human_intervention", &pools.human_intervention},
                  {"risks", &pools.risks},
                  {"source_data", &pools.source_data},
                  {"methods_and_models", &pools.methods},
                  {"lawful_basis", &pools.legal},
                  {"impacttoetsen", &pools.impact},
                  {"dpia_description", &pools.impact},
                  {"iama_description", &pools.impact},
                  {"impact", &pools.proportionality},
                  {"decision_making_process", &pools.human_intervention},
                  {"monitoring", &pools.risks}};
    for (const char* file : {"/register-2023-06-19-full.json", "/register-v1.0-templates.json"}) {
        for (const auto& e : detail::read_json(fixtures_dir + file)) {
            for (const auto& [key, pool] : fields) {
                detail::add_sentences(*pool, search::strip_html(string_of(e, key)));
            }
            if (const auto provider = string_of(e, "provider"); !provider.empty()) {
                pools.providers.push_back(provider);
            }
            const std::string tags = search::strip_html(string_of(e, "tags"));
            std::size_t begin = 0;
            while (begin < tags.size()) {
                const std::size_t end = std::min(tags.find(',', begin), tags.size());
                std::string tag = tags.substr(begin, end - begin);
                tag.erase(0, tag.find_first_not_of(' '));
                tag.erase(tag.find_last_not_of(' ') + 1);
                if (tag.size() >= 3 && tag.size() <= 40) {
                    pools.tags.push_back(tag);
                }
                begin = end + 1;
            }
            if (const auto g = e.find("lawful_basis_grouping"); g != e.end() && g->is_array()) {
                for (const auto& ref : *g) {
                    if (ref.is_object() && !string_of(ref, "title").empty()) {
                        pools.legal_refs.push_back(
                            {string_of(ref, "title"), string_of(ref, "link")});
                    }
                }
            }
        }
    }
    // Short descriptions: also the first sentence of listing goals.
    for (const auto& entry : pools.listing) {
        std::vector<std::string> first;
        detail::add_sentences(first, search::strip_html(entry.goal));
        if (!first.empty() && first.front().size() <= 300) {
            pools.description.push_back(first.front());
        }
    }
    for (auto* pool : {&pools.goal, &pools.description, &pools.proportionality,
                       &pools.human_intervention, &pools.risks, &pools.source_data, &pools.methods,
                       &pools.legal, &pools.impact, &pools.providers, &pools.tags}) {
        if (pool->empty()) {
            throw std::runtime_error("corpus: a text pool is empty; are the fixtures complete?");
        }
    }
    if (pools.legal_refs.empty()) {
        pools.legal_refs.push_back(
            {"Algemene verordening gegevensbescherming", "https://wetten.overheid.nl/BWBR0040940"});
    }
    return pools;
}

inline void for_each_entry(const CorpusOptions& options, const CorpusPools& pools,
                           const std::function<void(const std::string&)>& f) {
    Rng rng(options.seed);
    std::uint64_t next_lars = 0;
    for (std::size_t i = 0; i < options.count; ++i) {
        std::string lars;
        do {
            lars = lars_number(next_lars++);
        } while (pools.real_lars.contains(lars));
        const auto& base = rng.pick(pools.listing); // title, organisation, status, goal
        const std::int64_t changed =
            detail::first_day + static_cast<std::int64_t>(rng.below(detail::day_span));
        const std::int64_t added =
            changed + static_cast<std::int64_t>(rng.below(static_cast<std::size_t>(
                          detail::first_day + detail::day_span - changed)));
        nlohmann::json e = nlohmann::json::object();
        if (options.shape == CorpusShape::listing) {
            e["id"] = lars;
            e["title"] = base.title;
            e["organisatie"] = base.organisation;
            e["doel"] =
                rng.chance(50) ? base.goal : detail::sentences(rng, pools.goal, rng.between(1, 6));
            e["juridische_basis"] =
                rng.chance(60) ? detail::sentences(rng, pools.legal, rng.between(1, 2)) : "";
            e["status"] = rng.pick(pools.listing).status;
            e["impactassessment"] = rng.pick(pools.listing).impactassessment;
            e["geregistreerd"] = detail::iso_date(changed);
            e["toegevoegd"] = detail::iso_date(added);
            e["url"] = "https://algoritmes.overheid.nl/nl/algoritme/" + lars;
            f(e.dump());
            continue;
        }
        e["name"] = base.title;
        e["organization"] = base.organisation;
        e["description_short"] = detail::sentences(rng, pools.description, 1);
        nlohmann::json themes = nlohmann::json::array();
        for (std::size_t t = rng.between(0, 3); t > 0; --t) {
            themes.push_back(detail::themes[rng.below(detail::themes.size())]);
        }
        e["category"] = themes;
        e["status"] = detail::status_label(rng.pick(pools.listing).status);
        if (rng.chance(70)) {
            e["begin_date"] =
                detail::iso_date(changed - static_cast<std::int64_t>(rng.below(1500))).substr(0, 7);
        }
        e["contact_email"] = "algoritmes@" + search::slug(base.organisation).substr(0, 40) + ".nl";
        if (rng.chance(40)) {
            e["website"] = "https://www.example.nl/algoritmes/" + lars;
        }
        e["publication_category"] =
            detail::publication_categories[rng.below(detail::publication_categories.size())];
        e["goal"] = rng.chance(15) ? "<p>" + search::escape_html(base.goal) + "</p>"
                                   : detail::html_sentences(rng, pools.goal, rng.between(1, 2));
        e["proportionality"] =
            detail::html_sentences(rng, pools.proportionality, rng.chance(15) ? 2 : 1);
        e["human_intervention"] =
            detail::html_sentences(rng, pools.human_intervention, rng.chance(15) ? 2 : 1);
        e["risks"] = detail::html_sentences(rng, pools.risks, rng.chance(15) ? 2 : 1);
        if (rng.chance(70)) {
            e["lawful_basis"] = "<p>" +
                                search::escape_html(rng.chance(50) && !base.legal.empty()
                                                        ? base.legal
                                                        : detail::sentences(rng, pools.legal, 1)) +
                                "</p>";
            nlohmann::json refs = nlohmann::json::array();
            for (std::size_t r = rng.between(0, 2); r > 0; --r) {
                const auto& ref = rng.pick(pools.legal_refs);
                refs.push_back({{"title", ref.title}, {"link", ref.link}});
            }
            e["lawful_basis_grouping"] = refs;
        }
        if (rng.chance(40)) {
            e["impacttoetsen"] = detail::html_sentences(rng, pools.impact, 1);
        }
        e["source_data"] = detail::html_sentences(rng, pools.source_data, rng.chance(15) ? 2 : 1);
        e["methods_and_models"] =
            detail::html_sentences(rng, pools.methods, rng.chance(15) ? 2 : 1);
        if (rng.chance(50)) {
            e["provider"] = rng.pick(pools.providers);
        }
        if (rng.chance(30)) {
            std::string tags;
            for (std::size_t t = rng.between(1, 4); t > 0; --t) {
                tags += (tags.empty() ? "" : ", ") + rng.pick(pools.tags);
            }
            e["tags"] = "<p>" + search::escape_html(tags) + "</p>";
        }
        e["lang"] = "NLD";
        e["standard_version"] = "1.0";
        e["source_id"] = "bench-" + std::to_string(i);
        e["lars"] = lars;
        e["create_dt"] = detail::iso_date(changed) + "T09:00:00Z";
        e["publication_dt"] = detail::iso_date(added) + "T09:00:00Z";
        f(e.dump());
    }
}

inline Corpus generate_corpus(const CorpusOptions& options) {
    const CorpusPools pools = CorpusPools::load(options.fixtures_dir);
    const auto format = options.shape == CorpusShape::listing ? indexer::InputFormat::listing
                                                              : indexer::InputFormat::official;
    Corpus corpus;
    corpus.records.reserve(options.count);
    const auto [head, tail] = corpus_framing(options);
    corpus.bytes = head.size() + tail.size();
    std::size_t index = 0;
    for_each_entry(options, pools, [&](const std::string& text) {
        corpus.bytes += text.size() + (index > 0 ? 2 : 0); // ",\n" between entries
        indexer::SourceRecord source;
        source.value = nlohmann::json::parse(text);
        source.position = {"corpus", index + 2, 1, index};
        ++index;
        auto normalised = indexer::normalise(source, format);
        if (!normalised.record) {
            throw std::runtime_error("corpus: entry " + std::to_string(index) +
                                     " was rejected by normalise()");
        }
        corpus.records.push_back(std::move(*normalised.record));
    });
    return corpus;
}

inline std::pair<std::string, std::string> corpus_framing(const CorpusOptions& options) {
    if (options.shape == CorpusShape::listing) {
        return {"{\"algoritmes\":[\n", "\n],\"count\":" + std::to_string(options.count) +
                                           ",\"fetched_at\":\"2026-08-08T06:20:11Z\"}\n"};
    }
    return {"[\n", "\n]\n"};
}

inline std::size_t write_corpus(const std::string& path, const CorpusOptions& options) {
    const CorpusPools pools = CorpusPools::load(options.fixtures_dir);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        throw std::runtime_error("corpus: cannot write " + path);
    }
    const auto [head, tail] = corpus_framing(options);
    out << head;
    std::size_t bytes = head.size();
    bool first = true;
    for_each_entry(options, pools, [&](const std::string& text) {
        if (!first) {
            out << ",\n";
            bytes += 2;
        }
        first = false;
        out << text;
        bytes += text.size();
    });
    out << tail;
    bytes += tail.size();
    out.flush();
    if (!out) {
        throw std::runtime_error("corpus: writing " + path + " failed");
    }
    return bytes;
}

} // namespace algreg::bench
