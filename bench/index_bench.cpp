// index_bench: indexing throughput of `algreg index` (ours) against a straightforward
// one-TermGenerator loop (baseline), on the real listing and on a generated corpus (bench/
// corpus.h), measured in the same run; then the same queries on both indexes, to show that
// ours finds every hit the baseline finds.
//
// Every measurement runs in a forked child, so its peak RSS (ru_maxrss) and CPU time are its
// own: the parent prepares the records once (read + normalise, timed separately) and the child
// inherits them. Peak RSS therefore includes the records in memory ("rss before" is printed).
//
//   index_bench [--n N] [--skip-baseline] [--runs R] [--db-dir DIR] [--seed S]
//   index_bench --write-corpus FILE [--n N] [--seed S] [--listing-shape]
#include "bench/corpus.h"
#include "indexer/abbreviations.h"
#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/normalise.h"
#include "indexer/read_source.h"
#include "search/analysis.h"
#include "search/phrase_query.h"
#include "search/schema.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>
#include <vector>
#include <xapian.h>

namespace {

namespace fs = std::filesystem;
using algreg::search::AlgorithmRecord;
using Clock = std::chrono::steady_clock;

struct Options {
    std::size_t n = 100'000;
    bool skip_baseline = false;
    int runs = 1;
    std::string db_dir; ///< empty: a temporary directory, removed at the end
    std::uint64_t seed = algreg::bench::CorpusOptions{}.seed;
    std::string write_corpus; ///< write the corpus to this file and exit
    bool listing_shape = false;
    bool serial = false; ///< also measure ours with ALGREG_INDEX_WORKERS=1
    bool verify = false; ///< compare the parallel build with the serial one, document by document
    std::vector<std::string> compare; ///< two index directories to compare, then exit
};

[[noreturn]] void usage(const std::string& message) {
    std::cerr << "index_bench: " << message << R"(
Usage: index_bench [--n N] [--skip-baseline] [--serial] [--verify] [--runs R] [--db-dir DIR]
                   [--seed S]
       index_bench --write-corpus FILE [--n N] [--seed S] [--listing-shape]
       index_bench --compare DIR_A DIR_B

  --n N             entries in the generated corpus (default 100000)
  --skip-baseline   measure ours only (no baseline, no hit comparison)
  --serial          also measure ours with ALGREG_INDEX_WORKERS=1 (no parallel runs)
  --verify          check that ours (parallel) and ours with ALGREG_INDEX_WORKERS=1 give the
                    same index: every document's terms, positions, values and data, the
                    spelling, synonyms, metadata and revision
  --runs R          measure each corpus and mode R times (default 1)
  --db-dir DIR      build the indexes under DIR and keep them (default: a temporary
                    directory, removed at the end)
  --seed S          corpus seed (default 20260808)
  --compare A B     compare two indexes document by document (terms, positions, values, data,
                    spelling, synonyms, metadata, revision) and exit: 0 identical, 1 not
  --write-corpus F  write the generated corpus to F (official 1.0 records as a JSON array,
                    or the listing shape with --listing-shape) and exit; index it with
                    `algreg index F --db DIR`
)";
    std::exit(64);
}

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage(arg + " needs a value");
            }
            return argv[++i];
        };
        try {
            if (arg == "--n") {
                o.n = std::stoul(value());
            } else if (arg == "--runs") {
                o.runs = std::max(1, std::stoi(value()));
            } else if (arg == "--skip-baseline") {
                o.skip_baseline = true;
            } else if (arg == "--db-dir") {
                o.db_dir = value();
            } else if (arg == "--seed") {
                o.seed = std::stoull(value());
            } else if (arg == "--write-corpus") {
                o.write_corpus = value();
            } else if (arg == "--serial") {
                o.serial = true;
            } else if (arg == "--verify") {
                o.verify = true;
            } else if (arg == "--compare") {
                o.compare.push_back(value());
                o.compare.push_back(value());
            } else if (arg == "--listing-shape") {
                o.listing_shape = true;
            } else if (arg == "--help" || arg == "-h") {
                usage("benchmark of `algreg index`");
            } else {
                usage("unknown argument " + arg);
            }
        } catch (const std::logic_error&) {
            usage("bad value for " + arg);
        }
    }
    return o;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double cpu_seconds(const rusage& u) {
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// Current resident set of this process in MB (/proc/self/statm).
double current_rss_mb() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / 1e6;
}

std::uintmax_t directory_bytes(const fs::path& dir) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
        if (entry.is_regular_file(ec)) {
            total += entry.file_size(ec);
        }
    }
    return total;
}

// --- the two indexers -------------------------------------------------------------------------

/// What both indexers write besides the records.
struct Extras {
    std::vector<std::pair<std::string, std::string>> synonyms;
    std::map<std::string, std::string> metadata;
};

/// Ours: exactly what `algreg index` does after normalising (run_index sets the flush threshold
/// to 2000 unless XAPIAN_FLUSH_THRESHOLD is set).
void index_ours(const std::vector<AlgorithmRecord>& records, const Extras& extras,
                const std::string& dir) {
    ::setenv("XAPIAN_FLUSH_THRESHOLD", "2000", 0); // as run_index does
    algreg::indexer::IndexWriter writer(dir);
    const auto changes = writer.apply(records, algreg::indexer::UpdateMode::snapshot,
                                      extras.synonyms, extras.metadata);
    if (changes.document_count != records.size()) {
        throw std::runtime_error("ours: " + std::to_string(changes.document_count) +
                                 " documents for " + std::to_string(records.size()) + " records");
    }
}

/// The text fields of a record with their prefixes, in the indexer's order (a copy of
/// DocumentBuilder::for_each_text, whose template is private to the indexer).
template <class F> void for_each_text(const AlgorithmRecord& r, F&& f) {
    namespace prefix = algreg::search::prefix;
    for (const auto& field : algreg::search::string_fields()) {
        const std::string& value = r.*field.member;
        if (!field.text_prefix.empty() && !value.empty()) {
            f(field.text_prefix, field.html ? algreg::search::strip_html(value) : value);
        }
    }
    for (const auto& ref : r.lawful_basis_grouping) {
        f(prefix::legal, ref.title);
    }
    for (const auto& theme : r.category) {
        f(prefix::rest, theme);
    }
    for (const auto& ref : r.impacttoetsen_grouping) {
        f(prefix::rest, ref.title);
    }
    for (const auto& ref : r.source_data_grouping) {
        f(prefix::rest, ref.title);
    }
    for (const auto& [key, value] : r.legacy) {
        if (key != "uuid" && key != "application_url" && key != "lawful_basis_link" &&
            key != "source_data_link" && key != "revision_date") {
            f(prefix::rest, value);
        }
    }
}

/// Baseline: the straightforward loop. One TermGenerator (Dutch stemmer, STEM_SOME, positions,
/// FLAG_SPELLING per document); every field indexed under its prefix and again unprefixed;
/// the same id term, filter terms, values, data and synonyms as ours; add_document per record
/// and one commit; Xapian's default flush threshold.
void index_baseline(const std::vector<AlgorithmRecord>& records, const Extras& extras,
                    const std::string& dir) {
    ::unsetenv("XAPIAN_FLUSH_THRESHOLD");
    namespace search = algreg::search;
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("dutch"));
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    tg.set_database(db);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    for (const auto& r : records) {
        Xapian::Document doc;
        tg.set_document(doc);
        doc.add_boolean_term(std::string(search::prefix::id) + r.id);
        for (const auto& term : algreg::indexer::DocumentBuilder::filter_terms(r)) {
            doc.add_boolean_term(term);
        }
        for_each_text(r, [&](std::string_view prefix, const std::string& text) {
            tg.index_text(text, 1, std::string(prefix));
            tg.index_text(text);
            tg.increase_termpos();
        });
        doc.add_value(search::slot::added, r.added.empty() ? r.changed : r.added);
        doc.add_value(search::slot::changed, r.changed);
        doc.add_value(search::slot::name, search::fold(r.name));
        doc.add_value(search::slot::organization, search::fold(r.organization));
        doc.set_data(algreg::indexer::serialise(r));
        db.add_document(doc);
    }
    for (const auto& [key, value] : extras.synonyms) {
        db.add_synonym(key, value);
    }
    for (const auto& [key, value] : extras.metadata) {
        db.set_metadata(key, value);
    }
    db.commit();
}

// --- measuring --------------------------------------------------------------------------------

struct Measurement {
    std::string corpus;
    std::string mode;
    std::size_t docs = 0;
    std::size_t input_bytes = 0;
    double wall = 0;    ///< seconds, inside the child: open, index, commit, close
    double cpu = 0;     ///< user + system seconds of the child, all threads
    double peak_mb = 0; ///< ru_maxrss of the child
    double index_mb = 0;
};

/// Runs `work` in a forked child and measures it. The child reports its wall time through a
/// pipe; CPU time and peak RSS come from wait4().
template <class Work>
Measurement measure(const std::string& corpus, const std::string& mode, std::size_t docs,
                    std::size_t bytes, const std::string& dir, Work&& work) {
    fs::remove_all(dir);
    int fds[2];
    if (::pipe(fds) != 0) {
        throw std::runtime_error("pipe failed");
    }
    std::cout.flush();
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        ::close(fds[0]);
        double wall = -1;
        try {
            const auto start = Clock::now();
            work(dir);
            wall = seconds_since(start);
        } catch (const std::exception& e) {
            std::cerr << mode << " on " << corpus << " failed: " << e.what() << '\n';
        } catch (const Xapian::Error& e) {
            std::cerr << mode << " on " << corpus << " failed: " << e.get_description() << '\n';
        }
        const auto written = ::write(fds[1], &wall, sizeof wall);
        ::_exit(written == sizeof wall && wall >= 0 ? 0 : 1);
    }
    ::close(fds[1]);
    double wall = -1;
    const auto got = ::read(fds[0], &wall, sizeof wall);
    ::close(fds[0]);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    if (got != sizeof wall || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        throw std::runtime_error(mode + " on " + corpus + " failed");
    }
    Measurement m;
    m.corpus = corpus;
    m.mode = mode;
    m.docs = docs;
    m.input_bytes = bytes;
    m.wall = wall;
    m.cpu = cpu_seconds(usage);
    m.peak_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    m.index_mb = static_cast<double>(directory_bytes(dir)) / 1e6;
    return m;
}

void print_header() {
    std::printf("%-16s %-9s %8s %8s %8s %9s %7s %9s %9s\n", "corpus", "mode", "docs", "wall s",
                "cpu s", "docs/s", "MB/s", "peak MB", "index MB");
}

void print(const Measurement& m) {
    std::printf("%-16s %-9s %8zu %8.2f %8.2f %9.0f %7.2f %9.0f %9.1f\n", m.corpus.c_str(),
                m.mode.c_str(), m.docs, m.wall, m.cpu, static_cast<double>(m.docs) / m.wall,
                static_cast<double>(m.input_bytes) / 1e6 / m.wall, m.peak_mb, m.index_mb);
    std::fflush(stdout);
}

// --- same hits --------------------------------------------------------------------------------

enum class QueryKind { word, all_of, any_of, phrase };

/// One benchmark query, written once and turned into both indexes' queries.
struct BenchQuery {
    QueryKind kind;
    std::vector<std::string> words;
    std::string field; ///< "" = all text, else a query field name ("titel", "organisatie", ...)
};

const std::vector<BenchQuery>& bench_queries() {
    static const std::vector<BenchQuery> queries{
        {QueryKind::word, {"algoritme"}, ""},
        {QueryKind::word, {"persoonsgegevens"}, ""},
        {QueryKind::word, {"algoritmes"}, ""},
        {QueryKind::word, {"financiële"}, ""},
        {QueryKind::all_of, {"fraude", "risico"}, ""},
        {QueryKind::all_of, {"gemeente", "parkeren"}, ""},
        {QueryKind::phrase, {"menselijke", "tussenkomst"}, ""},
        {QueryKind::phrase, {"persoonsgegevens", "worden", "verwerkt"}, ""},
        {QueryKind::any_of, {"chatbot", "spraakherkenning"}, ""},
        {QueryKind::any_of, {"uitkering", "toeslagen"}, ""},
        {QueryKind::word, {"chatbot"}, "titel"},
        {QueryKind::word, {"utrecht"}, "organisatie"},
    };
    return queries;
}

/// The query as a user types it, for Xapian::QueryParser.
std::string query_text(const BenchQuery& q) {
    const std::string field = q.field.empty() ? "" : q.field + ":";
    std::string out;
    auto join = [&](const std::string& op) {
        for (const auto& w : q.words) {
            out += (out.empty() ? "" : " " + op + " ") + field + w;
        }
    };
    switch (q.kind) {
    case QueryKind::word:
        out = field + q.words.front();
        break;
    case QueryKind::all_of:
        join("AND");
        break;
    case QueryKind::any_of:
        join("OR");
        break;
    case QueryKind::phrase:
        out = field + "\"";
        for (const auto& w : q.words) {
            out += (out.size() > field.size() + 1 ? " " : "") + w;
        }
        out += "\"";
        break;
    }
    return out;
}

/// The query field names and their prefixes (search/schema.h text_prefixes).
std::vector<std::string> prefixes_of(const std::string& field) {
    std::vector<std::string> out;
    for (const auto& p : algreg::search::text_prefixes) {
        if (field.empty() || p.field_name == field) {
            out.emplace_back(p.prefix);
        }
    }
    return out;
}

/// Our terms for one typed word: its words (the typed form may split, "auto's") as stems.
std::vector<std::string> our_stems(algreg::search::Analyzer& analyzer, const std::string& typed) {
    std::vector<std::string> stems;
    algreg::search::for_each_word(typed, 0, [&](const algreg::search::Word& w) {
        const auto& forms = analyzer.analyse(w.raw);
        if (!forms.stem.empty()) {
            stems.push_back(forms.stem);
        }
    });
    return stems;
}

/// Ours: the equivalent Xapian::Query over our prefixes and stems. A word matches its stem
/// under any of the field's prefixes; a phrase matches within one prefix (search::phrase_query,
/// on the positions value; the baseline's phrases use Xapian's position table).
Xapian::Query our_query(algreg::search::Analyzer& analyzer, const BenchQuery& q) {
    const auto prefixes = prefixes_of(q.field);
    std::vector<std::string> stems;
    for (const auto& w : q.words) {
        for (auto& s : our_stems(analyzer, w)) {
            stems.push_back(std::move(s));
        }
    }
    auto word_query = [&](const std::string& stem) {
        std::vector<Xapian::Query> alternatives;
        for (const auto& p : prefixes) {
            alternatives.emplace_back(p + stem);
        }
        return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
    };
    std::vector<Xapian::Query> parts;
    if (q.kind == QueryKind::phrase) {
        for (const auto& p : prefixes) {
            std::vector<std::string> terms;
            for (const auto& s : stems) {
                terms.emplace_back(p + s);
            }
            parts.push_back(algreg::search::phrase_query(terms));
        }
        return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    }
    for (const auto& s : stems) {
        parts.push_back(word_query(s));
    }
    const auto op = q.kind == QueryKind::all_of ? Xapian::Query::OP_AND : Xapian::Query::OP_OR;
    return Xapian::Query(op, parts.begin(), parts.end());
}

/// The baseline's parser: Dutch stemmer, STEM_SOME, the schema's field prefixes.
Xapian::Query baseline_query(const Xapian::Database& db, const BenchQuery& q) {
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("dutch"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& p : algreg::search::text_prefixes) {
        if (!p.field_name.empty()) {
            qp.add_prefix(std::string(p.field_name), std::string(p.prefix));
        }
    }
    return qp.parse_query(query_text(q));
}

/// Record ids of every match.
std::set<std::string> hits(const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    const auto mset = enquire.get_mset(0, db.get_doccount());
    std::set<std::string> ids;
    const std::string q(algreg::search::prefix::id);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const auto doc = it.get_document();
        auto t = doc.termlist_begin();
        t.skip_to(q);
        if (t != doc.termlist_end() && (*t).starts_with(q)) {
            ids.insert((*t).substr(q.size()));
        }
    }
    return ids;
}

std::string lower(const std::string& s) {
    return Xapian::Unicode::tolower(s);
}

/// True when `typed` is a word that Snowball leaves whole and our -es repair stems
/// ("algoritmes" -> "algoritm"), so ours matches its other forms too.
bool es_repaired(algreg::search::Analyzer& analyzer, const std::string& typed) {
    static const Xapian::Stem dutch("dutch");
    const std::string folded = algreg::search::fold(typed);
    const auto stems = our_stems(analyzer, typed);
    return folded.ends_with("es") && dutch(folded) == folded && stems.size() == 1 &&
           stems.front() != folded;
}

/// Why ours matched a record the baseline did not: the record's words that give one of the
/// query's stems in ours but not the baseline's term. Returns word -> reason.
std::map<std::string, std::string> explain(algreg::search::Analyzer& analyzer,
                                           const AlgorithmRecord& record, const BenchQuery& q) {
    static const Xapian::Stem dutch("dutch");
    std::set<std::string> stems;
    std::set<std::string> baseline_terms; // what the baseline's query terms match
    bool query_repaired = false;
    for (const auto& w : q.words) {
        for (auto& s : our_stems(analyzer, w)) {
            stems.insert(s);
        }
        baseline_terms.insert(q.kind == QueryKind::phrase ? lower(w) : dutch(lower(w)));
        query_repaired = query_repaired || es_repaired(analyzer, w);
    }
    std::map<std::string, std::string> out;
    for_each_text(record, [&](std::string_view, const std::string& text) {
        algreg::search::for_each_word(text, 0, [&](const algreg::search::Word& w) {
            const auto& forms = analyzer.analyse(w.raw);
            if (!stems.contains(forms.stem)) {
                return;
            }
            const std::string raw(w.raw);
            // TermGenerator keeps an apostrophe between letters inside the word ("risico's").
            const auto after = static_cast<std::size_t>(w.raw.data() + w.raw.size() - text.data());
            const std::string_view rest = std::string_view(text).substr(after);
            const std::size_t mark = rest.starts_with('\'')             ? 1
                                     : rest.starts_with("\xE2\x80\x99") ? 3 // U+2019
                                                                        : 0;
            const bool apostrophe = mark > 0 && rest.size() > mark &&
                                    std::isalpha(static_cast<unsigned char>(rest[mark]));
            const std::string as_baseline =
                q.kind == QueryKind::phrase ? lower(raw) : dutch(lower(raw));
            if (baseline_terms.contains(as_baseline) && !apostrophe) {
                return;
            }
            std::string reason;
            if (apostrophe) {
                reason = "baseline indexes " + raw + std::string(rest.substr(0, mark + 1)) +
                         " as one word";
            } else if (forms.folded != lower(raw)) {
                reason = "accent folding";
            } else if (query_repaired) {
                reason = "-es repair of the query word";
            } else if (forms.folded.ends_with("es") && dutch(forms.folded) == forms.folded) {
                reason = "-es repair";
            } else if (q.kind == QueryKind::phrase) {
                reason = "phrase on stems";
            } else {
                reason = "stemming";
            }
            out.emplace(raw, reason);
        });
    });
    return out;
}

/// Runs every query on both indexes and prints the comparison. Returns true when every
/// baseline hit is found by ours.
bool compare_hits(const std::string& corpus, const std::string& ours_dir,
                  const std::string& baseline_dir, const std::vector<AlgorithmRecord>& records) {
    const Xapian::Database ours(ours_dir);
    const Xapian::Database baseline(baseline_dir);
    std::unordered_map<std::string, const AlgorithmRecord*> by_id;
    for (const auto& r : records) {
        by_id.emplace(r.id, &r);
    }
    algreg::search::Analyzer analyzer;
    bool all_found = true;
    std::printf("\nsame hits, %s (%u documents each):\n", corpus.c_str(), ours.get_doccount());
    std::printf("  %-44s %9s %9s  %s\n", "query", "baseline", "ours", "result");
    for (const auto& q : bench_queries()) {
        const auto b = hits(baseline, baseline_query(baseline, q));
        const auto o = hits(ours, our_query(analyzer, q));
        std::vector<std::string> missing;
        std::vector<std::string> extra;
        std::set_difference(b.begin(), b.end(), o.begin(), o.end(), std::back_inserter(missing));
        std::set_difference(o.begin(), o.end(), b.begin(), b.end(), std::back_inserter(extra));
        std::string result;
        if (missing.empty() && extra.empty()) {
            result = "identical";
        } else if (missing.empty()) {
            result = "ours +" + std::to_string(extra.size()) + ", every baseline hit found";
        } else {
            all_found = false;
            result = "MISSING " + std::to_string(missing.size()) + " baseline hits, e.g. " +
                     missing.front();
        }
        std::printf("  %-44s %9zu %9zu  %s\n", query_text(q).c_str(), b.size(), o.size(),
                    result.c_str());
        if (!extra.empty()) {
            // Which words brought the extra hits in (over all extra hits), most frequent first.
            std::map<std::string, std::pair<std::size_t, std::string>> words;
            std::size_t unexplained = 0;
            for (const auto& id : extra) {
                const auto it = by_id.find(id);
                const auto why = it == by_id.end() ? std::map<std::string, std::string>{}
                                                   : explain(analyzer, *it->second, q);
                unexplained += why.empty() ? 1 : 0;
                for (const auto& [word, reason] : why) {
                    auto& entry = words[word];
                    ++entry.first;
                    entry.second = reason;
                }
            }
            std::vector<std::pair<std::string, std::pair<std::size_t, std::string>>> sorted(
                words.begin(), words.end());
            std::sort(sorted.begin(), sorted.end(), [](const auto& x, const auto& y) {
                return x.second.first != y.second.first ? x.second.first > y.second.first
                                                        : x.first < y.first;
            });
            std::string line;
            for (std::size_t i = 0; i < sorted.size() && i < 5; ++i) {
                line += (i ? ", " : "") + sorted[i].first + " (" + sorted[i].second.second + ", " +
                        std::to_string(sorted[i].second.first) + ")";
            }
            if (unexplained > 0) {
                line += (line.empty() ? "" : "; ") + std::to_string(unexplained) + " unexplained";
            }
            std::printf("  %-44s %9s %9s    via %s\n", "", "", "", line.c_str());
        }
    }
    std::printf("  every baseline hit found by ours: %s\n", all_found ? "yes" : "NO");
    return all_found;
}

// --- same index -------------------------------------------------------------------------------

/// Compares two indexes completely; prints the first difference. True when identical.
bool same_index(const std::string& a_dir, const std::string& b_dir) {
    const Xapian::Database a(a_dir);
    const Xapian::Database b(b_dir);
    auto differ = [](const std::string& what) {
        std::printf("  DIFFERENT: %s\n", what.c_str());
        return false;
    };
    if (a.get_doccount() != b.get_doccount() || a.get_lastdocid() != b.get_lastdocid()) {
        return differ("document counts");
    }
    if (a.get_revision() != b.get_revision()) {
        return differ("revisions " + std::to_string(a.get_revision()) + " and " +
                      std::to_string(b.get_revision()));
    }
    for (Xapian::docid id = 1; id <= a.get_lastdocid(); ++id) {
        const auto da = a.get_document(id);
        const auto db = b.get_document(id);
        if (da.get_data() != db.get_data()) {
            return differ("data of document " + std::to_string(id));
        }
        auto ta = da.termlist_begin();
        auto tb = db.termlist_begin();
        for (; ta != da.termlist_end() && tb != db.termlist_end(); ++ta, ++tb) {
            if (*ta != *tb || ta.get_wdf() != tb.get_wdf() ||
                !std::equal(ta.positionlist_begin(), ta.positionlist_end(), tb.positionlist_begin(),
                            tb.positionlist_end())) {
                return differ("term " + *ta + " of document " + std::to_string(id));
            }
        }
        if (ta != da.termlist_end() || tb != db.termlist_end()) {
            return differ("term count of document " + std::to_string(id));
        }
        for (Xapian::valueno slot = 0; slot < 4; ++slot) {
            if (da.get_value(slot) != db.get_value(slot)) {
                return differ("value " + std::to_string(slot) + " of document " +
                              std::to_string(id));
            }
        }
    }
    std::vector<std::pair<std::string, Xapian::doccount>> sa;
    std::vector<std::pair<std::string, Xapian::doccount>> sb;
    for (auto s = a.spellings_begin(); s != a.spellings_end(); ++s) {
        sa.emplace_back(*s, s.get_termfreq());
    }
    for (auto s = b.spellings_begin(); s != b.spellings_end(); ++s) {
        sb.emplace_back(*s, s.get_termfreq());
    }
    if (sa != sb) {
        return differ("spelling dictionaries (" + std::to_string(sa.size()) + " and " +
                      std::to_string(sb.size()) + " words)");
    }
    std::vector<std::string> ka(a.synonym_keys_begin(), a.synonym_keys_end());
    std::vector<std::string> kb(b.synonym_keys_begin(), b.synonym_keys_end());
    if (ka != kb) {
        return differ("synonym keys");
    }
    for (const auto& k : ka) {
        if (!std::equal(a.synonyms_begin(k), a.synonyms_end(k), b.synonyms_begin(k),
                        b.synonyms_end(k))) {
            return differ("synonyms of " + k);
        }
    }
    std::vector<std::string> ma(a.metadata_keys_begin(), a.metadata_keys_end());
    std::vector<std::string> mb(b.metadata_keys_begin(), b.metadata_keys_end());
    if (ma != mb) {
        return differ("metadata keys");
    }
    for (const auto& k : ma) {
        if (a.get_metadata(k) != b.get_metadata(k)) {
            return differ("metadata " + k);
        }
    }
    return true;
}

// --- corpora ----------------------------------------------------------------------------------

struct Prepared {
    std::string name;
    std::vector<AlgorithmRecord> records;
    std::size_t bytes = 0;
    double seconds = 0; ///< read (or generate) + normalise
};

Prepared prepare_listing() {
    const auto start = Clock::now();
    Prepared p;
    p.name = "listing-1530";
    const auto file = algreg::indexer::read_source(std::string(ALGREG_FIXTURES_DIR) +
                                                   "/register-2026-08-08.json");
    p.bytes = file.bytes;
    for (const auto& source : file.records) {
        auto n = algreg::indexer::normalise(source, file.format);
        if (n.record) {
            p.records.push_back(std::move(*n.record));
        }
    }
    p.seconds = seconds_since(start);
    return p;
}

Prepared prepare_generated(const Options& o) {
    const auto start = Clock::now();
    algreg::bench::CorpusOptions co;
    co.count = o.n;
    co.seed = o.seed;
    auto corpus = algreg::bench::generate_corpus(co);
    Prepared p;
    p.name =
        "generated-" + (o.n % 1000 == 0 ? std::to_string(o.n / 1000) + "k" : std::to_string(o.n));
    p.records = std::move(corpus.records);
    p.bytes = corpus.bytes;
    p.seconds = seconds_since(start);
    return p;
}

} // namespace

int main(int argc, char** argv) {
    const Options o = parse_options(argc, argv);
    try {
        if (!o.compare.empty()) {
            const bool same = same_index(o.compare[0], o.compare[1]);
            std::printf("%s and %s are %s\n", o.compare[0].c_str(), o.compare[1].c_str(),
                        same ? "identical" : "DIFFERENT");
            return same ? 0 : 1;
        }
        if (!o.write_corpus.empty()) {
            algreg::bench::CorpusOptions co;
            co.count = o.n;
            co.seed = o.seed;
            co.shape = o.listing_shape ? algreg::bench::CorpusShape::listing
                                       : algreg::bench::CorpusShape::official;
            const auto start = Clock::now();
            const auto bytes = algreg::bench::write_corpus(o.write_corpus, co);
            std::printf("wrote %zu entries, %.1f MB to %s in %.1f s\n", o.n,
                        static_cast<double>(bytes) / 1e6, o.write_corpus.c_str(),
                        seconds_since(start));
            return 0;
        }
        fs::path root = o.db_dir;
        const bool temporary = root.empty();
        if (temporary) {
            std::string pattern = (fs::temp_directory_path() / "index-bench-XXXXXX").string();
            if (::mkdtemp(pattern.data()) == nullptr) {
                throw std::runtime_error("cannot create a temporary directory");
            }
            root = pattern;
        }
        fs::create_directories(root);

        Extras extras;
        extras.synonyms = algreg::indexer::synonym_pairs(algreg::indexer::read_abbreviations(
            std::string(ALGREG_FIXTURES_DIR) + "/abbreviations-nl.tsv"));
        extras.metadata = {{std::string(algreg::search::metadata_layout),
                            std::string(algreg::search::layout_version)}};

        std::printf("index_bench: %ld cores online, XAPIAN_FLUSH_THRESHOLD %s, runs %d\n",
                    ::sysconf(_SC_NPROCESSORS_ONLN),
                    std::getenv("XAPIAN_FLUSH_THRESHOLD") ? std::getenv("XAPIAN_FLUSH_THRESHOLD")
                                                          : "unset (ours 2000, baseline default)",
                    o.runs);
        std::vector<Prepared> corpora;
        corpora.push_back(prepare_listing());
        corpora.push_back(prepare_generated(o));
        for (const auto& c : corpora) {
            std::size_t text = 0;
            for (const auto& r : c.records) {
                for_each_text(r, [&](std::string_view, const std::string& t) { text += t.size(); });
            }
            std::printf(
                "%-16s %zu records, %.1f MB input, %.0f B plain text/record; read+normalise "
                "%.2f s; rss before indexing %.0f MB\n",
                c.name.c_str(), c.records.size(), static_cast<double>(c.bytes) / 1e6,
                static_cast<double>(text) / static_cast<double>(c.records.size()), c.seconds,
                current_rss_mb());
        }
        std::printf("\n");
        print_header();
        bool all_found = true;
        for (const auto& c : corpora) {
            const std::string ours_dir = (root / (c.name + "-ours")).string();
            const std::string baseline_dir = (root / (c.name + "-baseline")).string();
            for (int run = 0; run < o.runs; ++run) {
                print(measure(c.name, "ours", c.records.size(), c.bytes, ours_dir,
                              [&](const std::string& dir) { index_ours(c.records, extras, dir); }));
                if (o.serial || o.verify) {
                    print(measure(c.name, "ours-1w", c.records.size(), c.bytes,
                                  (root / (c.name + "-ours-1w")).string(),
                                  [&](const std::string& dir) {
                                      ::setenv("ALGREG_INDEX_WORKERS", "1", 1);
                                      index_ours(c.records, extras, dir);
                                  }));
                }
                if (!o.skip_baseline) {
                    print(measure(
                        c.name, "baseline", c.records.size(), c.bytes, baseline_dir,
                        [&](const std::string& dir) { index_baseline(c.records, extras, dir); }));
                }
            }
        }
        if (o.verify) {
            for (const auto& c : corpora) {
                const bool same = same_index((root / (c.name + "-ours")).string(),
                                             (root / (c.name + "-ours-1w")).string());
                std::printf("%s: ours and ours-1w are %s\n", c.name.c_str(),
                            same ? "identical (every document, spelling, synonyms, metadata)"
                                 : "DIFFERENT");
                all_found = all_found && same;
            }
        }
        if (!o.skip_baseline) {
            for (const auto& c : corpora) {
                all_found = compare_hits(c.name, (root / (c.name + "-ours")).string(),
                                         (root / (c.name + "-baseline")).string(), c.records) &&
                            all_found;
            }
        }
        if (temporary) {
            fs::remove_all(root);
        } else {
            std::printf("\nindexes kept under %s\n", root.c_str());
        }
        return all_found ? 0 : 1;
    } catch (const Xapian::Error& e) {
        std::cerr << "index_bench: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "index_bench: " << e.what() << '\n';
    }
    return 2;
}
