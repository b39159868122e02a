#include "search/query.h"

#include "search/analysis.h"
#include "search/schema.h"

#include <algorithm>
#include <array>

namespace algreg::search {

std::string_view to_string(Sort sort) {
    switch (sort) {
    case Sort::relevance:
        return "relevance";
    case Sort::newest_registered:
        return "newest_registered";
    case Sort::last_changed:
        return "last_changed";
    case Sort::name:
        return "name";
    case Sort::organisation:
        return "organisation";
    }
    return "relevance";
}

std::optional<Sort> parse_sort(std::string_view text) {
    struct Name {
        std::string_view name;
        Sort sort;
    };
    static constexpr std::array<Name, 10> names{{
        {"relevance", Sort::relevance},
        {"relevantie", Sort::relevance},
        {"newest_registered", Sort::newest_registered},
        {"nieuwste", Sort::newest_registered},
        {"last_changed", Sort::last_changed},
        {"gewijzigd", Sort::last_changed},
        {"name", Sort::name},
        {"naam", Sort::name},
        {"organisation", Sort::organisation},
        {"organisatie", Sort::organisation},
    }};
    for (const auto& n : names) {
        if (n.name == text) {
            return n.sort;
        }
    }
    return std::nullopt;
}

bool is_text_field(std::string_view name) {
    return std::any_of(text_prefixes.begin(), text_prefixes.end(), [&](const TextPrefix& p) {
        return !p.field_name.empty() && p.field_name == name;
    });
}

namespace {

bool is_filter_field(std::string_view name) {
    return !is_text_field(name) && std::any_of(facets.begin(), facets.end(),
                                               [&](const Facet& f) { return f.name == name; });
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Bytes of a quotation mark at `i` (", “, ”, „), or 0.
std::size_t quote_length(std::string_view s, std::size_t i) {
    if (s[i] == '"') {
        return 1;
    }
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x80' &&
        (s[i + 2] == '\x9C' || s[i + 2] == '\x9D' || s[i + 2] == '\x9E')) {
        return 3;
    }
    return 0;
}

enum class Tok {
    word,
    phrase,
    lparen,
    rparen,
    minus,
    plus,
    op_and,
    op_or,
    op_of,
    op_not,
    field,
    end
};

struct Token {
    Tok kind = Tok::end;
    std::string text;
    std::size_t offset = 0;
    bool star = false;
};

/// Thrown inside the parser only; parse_query catches it and falls back.
struct SyntaxError {
    Text message;
};

std::vector<Token> tokenise(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    auto at_token_start = [&](std::size_t pos) {
        return pos == 0 || is_space(s[pos - 1]) || s[pos - 1] == '(';
    };
    while (i < s.size()) {
        const char c = s[i];
        if (is_space(c)) {
            ++i;
            continue;
        }
        if (c == '(') {
            out.push_back({Tok::lparen, "(", i, false});
            ++i;
            continue;
        }
        if (c == ')') {
            out.push_back({Tok::rparen, ")", i, false});
            ++i;
            continue;
        }
        if (const std::size_t q = quote_length(s, i); q > 0) {
            std::size_t j = i + q;
            std::size_t close = std::string_view::npos;
            std::size_t close_length = 0;
            while (j < s.size()) {
                if (const std::size_t l = quote_length(s, j); l > 0) {
                    close = j;
                    close_length = l;
                    break;
                }
                ++j;
            }
            if (close == std::string_view::npos) {
                throw SyntaxError{{"aanhalingsteken niet gesloten", "quotation mark not closed"}};
            }
            out.push_back({Tok::phrase, std::string(s.substr(i + q, close - i - q)), i + q, false});
            i = close + close_length;
            continue;
        }
        if ((c == '-' || c == '+') && at_token_start(i) && i + 1 < s.size() &&
            !is_space(s[i + 1]) && s[i + 1] != ')' && s[i + 1] != '-' && s[i + 1] != '+') {
            out.push_back({c == '-' ? Tok::minus : Tok::plus, std::string(1, c), i, false});
            ++i;
            continue;
        }
        // A word: up to a space, a parenthesis or a quote.
        std::size_t j = i;
        while (j < s.size() && !is_space(s[j]) && s[j] != '(' && s[j] != ')' &&
               quote_length(s, j) == 0) {
            ++j;
        }
        // "name:" where name is a field: a field token; its value is lexed next.
        if (const auto colon = s.substr(i, j - i).find(':');
            colon != std::string_view::npos && colon > 0) {
            const std::string name = ascii_lower(s.substr(i, colon));
            if (is_text_field(name) || is_filter_field(name)) {
                out.push_back({Tok::field, name, i, false});
                i += colon + 1;
                continue;
            }
        }
        std::string word(s.substr(i, j - i));
        Token t{Tok::word, word, i, false};
        if (word == "AND") {
            t.kind = Tok::op_and;
        } else if (word == "OR") {
            t.kind = Tok::op_or;
        } else if (word == "NOT") {
            t.kind = Tok::op_not;
        } else if (word == "of" || word == "OF" || word == "Of" || word == "or" || word == "Or") {
            // The official register rewrites "of" to "or" and reads a lower-case "or" as OR.
            // Both are OR only between two operands (op_of).
            t.kind = Tok::op_of;
        } else {
            while (!t.text.empty() && t.text.back() == '*') {
                t.text.pop_back();
                t.star = true;
            }
        }
        out.push_back(std::move(t));
        i = j;
    }
    out.push_back({Tok::end, "", s.size(), false});
    return out;
}

class Parser {
  public:
    explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

    std::optional<QueryNode> parse() {
        if (peek().kind == Tok::end) {
            return std::nullopt;
        }
        QueryNode root = parse_or();
        if (peek().kind != Tok::end) {
            throw SyntaxError{peek().kind == Tok::rparen
                                  ? Text{"haakje sluiten zonder openen",
                                         "closing parenthesis without an opening one"}
                                  : Text{"onverwacht " + peek().text, "unexpected " + peek().text}};
        }
        return root;
    }

  private:
    const Token& peek(std::size_t ahead = 0) const {
        return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)];
    }
    const Token& take() {
        const Token& t = peek();
        if (pos_ < tokens_.size() - 1) {
            ++pos_;
        }
        return t;
    }
    static bool ends_operand(Tok k) { return k == Tok::end || k == Tok::rparen; }
    /// "of" is OR only between two operands.
    bool of_is_operator() const {
        const Tok next = peek(1).kind;
        return !ends_operand(next) && next != Tok::op_and && next != Tok::op_or &&
               next != Tok::op_of;
    }
    bool at_or() const {
        return peek().kind == Tok::op_or || (peek().kind == Tok::op_of && of_is_operator());
    }

    QueryNode parse_or() {
        QueryNode left = parse_and();
        if (!at_or()) {
            return left;
        }
        QueryNode any;
        any.kind = QueryNode::Kind::any;
        any.children.push_back(std::move(left));
        while (at_or()) {
            take();
            if (ends_operand(peek().kind) || peek().kind == Tok::op_or ||
                peek().kind == Tok::op_and) {
                throw SyntaxError{{"OR zonder tweede deel", "OR without a second part"}};
            }
            any.children.push_back(parse_and());
        }
        return any;
    }

    QueryNode parse_and() {
        QueryNode all;
        all.kind = QueryNode::Kind::all;
        while (true) {
            const Tok k = peek().kind;
            if (ends_operand(k) || at_or()) {
                break;
            }
            if (k == Tok::op_or) {
                break;
            }
            if (k == Tok::op_and) {
                take();
                if (all.children.empty() || ends_operand(peek().kind) || at_or() ||
                    peek().kind == Tok::op_or || peek().kind == Tok::op_and) {
                    throw SyntaxError{{"AND zonder twee delen", "AND without two parts"}};
                }
                continue;
            }
            all.children.push_back(parse_unary());
        }
        if (all.children.empty()) {
            throw SyntaxError{peek().kind == Tok::rparen
                                  ? Text{"lege haakjes", "empty parentheses"}
                                  : Text{"operator zonder woord", "operator without a word"}};
        }
        if (all.children.size() == 1) {
            return std::move(all.children.front());
        }
        return all;
    }

    QueryNode parse_unary() {
        const Tok k = peek().kind;
        if (k == Tok::minus || k == Tok::op_not) {
            take();
            const Tok next = peek().kind;
            if (ends_operand(next) || next == Tok::op_and || next == Tok::op_or) {
                throw SyntaxError{{"NOT zonder woord", "NOT without a word"}};
            }
            QueryNode not_node;
            not_node.kind = QueryNode::Kind::exclude;
            not_node.children.push_back(parse_unary());
            return not_node;
        }
        if (k == Tok::plus) {
            take();
            return parse_unary();
        }
        return parse_primary();
    }

    QueryNode parse_primary() {
        const Token& t = take();
        switch (t.kind) {
        case Tok::lparen: {
            if (++depth_ > max_query_depth) {
                throw SyntaxError{{"te diep geneste haakjes", "parentheses nested too deeply"}};
            }
            QueryNode inner = parse_or();
            if (peek().kind != Tok::rparen) {
                throw SyntaxError{{"haakje niet gesloten", "parenthesis not closed"}};
            }
            take();
            --depth_;
            return inner;
        }
        case Tok::field:
            return parse_field(t.text);
        case Tok::phrase:
            return atom(QueryNode::Kind::phrase, t);
        case Tok::word:
        case Tok::op_of: // "of" where it cannot be OR: a plain word
            return atom(QueryNode::Kind::word, t);
        default:
            throw SyntaxError{t.kind == Tok::rparen
                                  ? Text{"haakje sluiten zonder openen",
                                         "closing parenthesis without an opening one"}
                                  : Text{"operator zonder woord", "operator without a word"}};
        }
    }

    QueryNode parse_field(const std::string& name) {
        const Token& value = peek();
        if (is_text_field(name)) {
            if (value.kind == Tok::lparen) {
                const std::string saved = field_;
                field_ = name;
                QueryNode group = parse_primary();
                field_ = saved;
                return group;
            }
            if (value.kind != Tok::word && value.kind != Tok::phrase && value.kind != Tok::op_of) {
                throw SyntaxError{{name + ": zonder waarde", name + ": without a value"}};
            }
            take();
            QueryNode node = atom(
                value.kind == Tok::phrase ? QueryNode::Kind::phrase : QueryNode::Kind::word, value);
            node.field = name;
            return node;
        }
        if (value.kind != Tok::word && value.kind != Tok::phrase && value.kind != Tok::op_of) {
            throw SyntaxError{{name + ": zonder waarde", name + ": without a value"}};
        }
        take();
        QueryNode filter;
        filter.kind = QueryNode::Kind::filter;
        filter.field = name;
        filter.text = value.text + (value.star ? "*" : "");
        filter.offset = value.offset;
        return filter;
    }

    QueryNode atom(QueryNode::Kind kind, const Token& t) const {
        QueryNode node;
        node.kind = kind;
        node.text = t.text;
        node.prefix = kind == QueryNode::Kind::word && t.star;
        node.offset = t.offset;
        node.field = field_;
        return node;
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    std::string field_; ///< text field of the enclosing field group
};

/// Every word of the text, AND-ed, without the operator words.
std::optional<QueryNode> plain_words(const std::string& text) {
    QueryNode all;
    all.kind = QueryNode::Kind::all;
    for_each_word(text, 0, [&](const Word& w) {
        if (w.raw == "AND" || w.raw == "OR" || w.raw == "NOT") {
            return;
        }
        QueryNode word;
        word.kind = QueryNode::Kind::word;
        word.text = std::string(w.raw);
        word.offset = static_cast<std::size_t>(w.raw.data() - text.data());
        all.children.push_back(std::move(word));
    });
    if (all.children.empty()) {
        return std::nullopt;
    }
    if (all.children.size() == 1) {
        return std::move(all.children.front());
    }
    return all;
}

/// Drops atoms beyond the limit (depth-first order); returns false when it dropped any.
bool limit_atoms(QueryNode& node, std::size_t& budget) {
    if (node.kind == QueryNode::Kind::all || node.kind == QueryNode::Kind::any ||
        node.kind == QueryNode::Kind::exclude) {
        bool complete = true;
        std::vector<QueryNode> kept;
        for (auto& child : node.children) {
            if (budget == 0) {
                complete = false;
                break;
            }
            complete = limit_atoms(child, budget) && complete;
            kept.push_back(std::move(child));
        }
        node.children = std::move(kept);
        return complete;
    }
    if (budget > 0) {
        --budget;
    }
    return true;
}

/// Removes operator nodes left without children by limit_atoms.
bool prune_empty(QueryNode& node) {
    if (node.kind == QueryNode::Kind::all || node.kind == QueryNode::Kind::any ||
        node.kind == QueryNode::Kind::exclude) {
        std::erase_if(node.children, [](QueryNode& c) { return !prune_empty(c); });
        return !node.children.empty();
    }
    return true;
}

} // namespace

std::string sanitise_query_text(std::string_view input, std::size_t max_bytes, bool* truncated) {
    std::string out;
    out.reserve(std::min(input.size(), max_bytes));
    bool cut = false;
    std::size_t i = 0;
    while (i < input.size()) {
        const auto c = static_cast<unsigned char>(input[i]);
        std::string piece;
        if (c < 0x80) {
            piece.push_back(c < 0x20 || c == 0x7F ? ' ' : static_cast<char>(c));
            ++i;
        } else {
            const std::size_t start = i;
            const std::int32_t cp = detail::next_code_point(input, i);
            if (cp < 0 || (cp >= 0x80 && cp < 0xA0)) {
                piece = cp < 0 ? "\xEF\xBF\xBD" : " "; // invalid -> U+FFFD; C1 controls -> space
            } else {
                piece = std::string(input.substr(start, i - start));
            }
        }
        if (out.size() + piece.size() > max_bytes) {
            cut = true;
            break;
        }
        out += piece;
    }
    if (truncated != nullptr) {
        *truncated = cut;
    }
    return out;
}

ParsedQuery parse_query(std::string_view input) {
    ParsedQuery parsed;
    parsed.text = sanitise_query_text(input, max_query_bytes, &parsed.truncated);
    try {
        parsed.root = Parser(tokenise(parsed.text)).parse();
    } catch (const SyntaxError& e) {
        parsed.fallback = true;
        parsed.error = e.message;
        parsed.root = plain_words(parsed.text);
    }
    if (parsed.root) {
        std::size_t budget = max_query_atoms;
        parsed.too_many_terms = !limit_atoms(*parsed.root, budget);
        if (!prune_empty(*parsed.root)) {
            parsed.root.reset();
        }
    }
    return parsed;
}

std::string describe(const QueryNode& node) {
    auto join = [&](std::string_view op) {
        std::string out = "(";
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            if (i > 0) {
                out += " ";
                out += op;
                out += " ";
            }
            out += describe(node.children[i]);
        }
        return out + ")";
    };
    const std::string field = node.field.empty() ? "" : node.field + ":";
    switch (node.kind) {
    case QueryNode::Kind::word:
        return field + node.text + (node.prefix ? "*" : "");
    case QueryNode::Kind::phrase:
        return field + "\"" + node.text + "\"";
    case QueryNode::Kind::all:
        return join("AND");
    case QueryNode::Kind::any:
        return join("OR");
    case QueryNode::Kind::exclude:
        return "NOT " + (node.children.empty() ? std::string() : describe(node.children.front()));
    case QueryNode::Kind::filter:
        return node.field + "=" + node.text;
    }
    return "";
}

} // namespace algreg::search
