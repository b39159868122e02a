#include "web/page_api_docs.h"

#include "web/html_builder.h"
#include "web/page_url.h"

#include <algorithm>
#include <array>
#include <utility>

namespace algreg::web {

using nlohmann::json;

namespace {

constexpr std::string_view schema_prefix = "#/components/schemas/";

std::string str(const json& j, const char* key) {
    const auto found = j.find(key);
    return found != j.end() && found->is_string() ? found->get<std::string>() : std::string();
}

/// "op-get-api-v1-search": an id for the operation's section.
std::string anchor(std::string_view prefix, std::string_view text) {
    std::string out(prefix);
    for (const char c : text) {
        const bool alnum =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum) {
            out += c;
        } else if (out.back() != '-') {
            out += '-';
        }
    }
    while (out.back() == '-') {
        out.pop_back();
    }
    return out;
}

/// A schema as a short type expression in HTML: links to component schemas, "array of …",
/// enums listed, "| null" for nullable.
std::string type_html(const json& schema) {
    if (!schema.is_object()) {
        return "";
    }
    if (const std::string r = str(schema, "$ref"); r.starts_with(schema_prefix)) {
        const std::string name = r.substr(schema_prefix.size());
        return "<a href=\"#" + esc(anchor("schema-", name)) + "\"><code>" + esc(name) +
               "</code></a>";
    }
    std::string out;
    if (const auto one = schema.find("oneOf"); one != schema.end() && one->is_array()) {
        for (const auto& s : *one) {
            out += (out.empty() ? "" : " | ") + type_html(s);
        }
    } else {
        const std::string type = str(schema, "type");
        out = "<code>" + esc(type.empty() ? "any" : type) + "</code>";
        if (type == "array" && schema.contains("items")) {
            out += " of " + type_html(schema["items"]);
        } else if (type == "object" && schema.contains("additionalProperties") &&
                   schema["additionalProperties"].is_object()) {
            out += " of " + type_html(schema["additionalProperties"]);
        }
        if (const std::string format = str(schema, "format"); !format.empty()) {
            out += " (" + esc(format) + ")";
        }
        if (schema.contains("minimum") || schema.contains("maximum")) {
            out += " " + esc(schema.value("minimum", json()).dump()) + "…" +
                   esc(schema.value("maximum", json()).dump());
        }
        if (const auto e = schema.find("enum"); e != schema.end() && e->is_array()) {
            std::string values;
            for (const auto& v : *e) {
                values += (values.empty() ? "" : ", ") + std::string("<code>") +
                          esc(v.is_string() ? v.get<std::string>() : v.dump()) + "</code>";
            }
            out += ": " + values;
        }
    }
    if (schema.value("nullable", false)) {
        out += " | <code>null</code>";
    }
    return out;
}

/// A table inside a focusable, labelled region that scrolls sideways on narrow screens.
std::string table_start(const std::string& label, std::initializer_list<std::string_view> heads) {
    std::string h = "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"" +
                    esc(label) + "\"><table class=\"data-table api-table\"><thead><tr>";
    for (const auto head : heads) {
        h += "<th scope=\"col\">" + esc(head) + "</th>";
    }
    return h + "</tr></thead><tbody>";
}

/// The GET URL of an example request: path parameters replaced by their examples, query
/// parameters with an example added. "" when a path parameter has none.
std::string example_url(const std::string& path, const json& parameters) {
    std::string url = path;
    std::string query;
    for (const auto& p : parameters) {
        const std::string name = str(p, "name");
        std::string example;
        if (const auto e = p.find("example"); e != p.end()) {
            example = e->is_string() ? e->get<std::string>() : e->dump();
        }
        if (str(p, "in") == "path") {
            const std::string placeholder = "{" + name + "}";
            const auto at = url.find(placeholder);
            if (example.empty() || at == std::string::npos) {
                return {};
            }
            url.replace(at, placeholder.size(), url_encode(example));
        } else if (str(p, "in") == "query" && !example.empty()) {
            query += (query.empty() ? "?" : "&") + url_encode(name) + "=" + url_encode(example);
        } else if (str(p, "in") == "query" && p.value("required", false) &&
                   p["schema"].contains("enum")) {
            query += (query.empty() ? "?" : "&") + url_encode(name) + "=" +
                     url_encode(p["schema"]["enum"][0].get<std::string>());
        }
    }
    return url + query;
}

std::string operation_html(const std::string& path, const std::string& method, const json& op,
                           Lang lang) {
    const std::string upper = [&] {
        std::string m = method;
        for (char& c : m) {
            c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
        }
        return m;
    }();
    const std::string title = upper + " " + path;
    std::string h = "<section class=\"api-op\" id=\"" + esc(anchor("op-", method + path)) +
                    "\" lang=\"en\"><h3><span class=\"method method-" + esc(method) + "\">" +
                    esc(upper) + "</span> <code>" + esc(path) + "</code></h3>";
    h += "<p>" + esc(str(op, "summary")) + "</p>";
    const json& params = op.contains("parameters") ? op["parameters"] : json::array();
    if (!params.empty()) {
        h += "<h4 lang=\"" + std::string(lang_code(lang)) + "\">" +
             esc(ui(lang, Ui::api_docs_parameters)) + "</h4>";
        h += table_start(std::string(ui(lang, Ui::api_docs_parameters)) + " " + title,
                         {ui(lang, Ui::api_docs_col_name), ui(lang, Ui::api_docs_col_in),
                          ui(lang, Ui::api_docs_col_type), ui(lang, Ui::api_docs_col_required),
                          ui(lang, Ui::api_docs_col_description)});
        for (const auto& p : params) {
            const bool required = p.value("required", false);
            h += "<tr><th scope=\"row\"><code>" + esc(str(p, "name")) + "</code></th><td>" +
                 esc(str(p, "in")) + "</td><td>" + type_html(p.value("schema", json())) +
                 "</td><td>" + (required ? "required" : "") + "</td><td>" +
                 esc(str(p, "description")) + "</td></tr>";
        }
        h += "</tbody></table></div>";
    }
    if (const auto body = op.find("requestBody"); body != op.end()) {
        h += "<h4 lang=\"" + std::string(lang_code(lang)) + "\">" +
             esc(ui(lang, Ui::api_docs_request_body)) + "</h4><ul>";
        for (const auto& [type, content] : (*body)["content"].items()) {
            h +=
                "<li><code>" + esc(type) + "</code>: " + type_html(content.value("schema", json()));
            if (content.contains("example")) {
                h += "<br>" + esc(ui(lang, Ui::api_docs_try)) + ": <code>" +
                     esc(content["example"].dump()) + "</code>";
            }
            h += "</li>";
        }
        h += "</ul>";
    }
    h += "<h4 lang=\"" + std::string(lang_code(lang)) + "\">" +
         esc(ui(lang, Ui::api_docs_responses)) + "</h4>";
    h += table_start(std::string(ui(lang, Ui::api_docs_responses)) + " " + title,
                     {ui(lang, Ui::api_docs_col_status), ui(lang, Ui::api_docs_col_description),
                      ui(lang, Ui::api_docs_col_content)});
    for (const auto& [status, response] : op["responses"].items()) {
        std::string content;
        if (const auto c = response.find("content"); c != response.end()) {
            for (const auto& [type, media] : c->items()) {
                content += (content.empty() ? "" : "<br>") + std::string("<code>") + esc(type) +
                           "</code> " + type_html(media.value("schema", json()));
            }
        }
        h += "<tr><th scope=\"row\">" + esc(status) + "</th><td>" +
             esc(str(response, "description")) + "</td><td>" + content + "</td></tr>";
    }
    h += "</tbody></table></div>";
    if (method == "get") {
        if (const std::string url = example_url(path, params); !url.empty()) {
            h += "<p lang=\"" + std::string(lang_code(lang)) + "\">" +
                 esc(ui(lang, Ui::api_docs_try)) + ": <a href=\"" + esc(url) + "\"><code>" +
                 esc(url) + "</code></a></p>";
        }
    }
    return h + "</section>";
}

std::string schema_html(const std::string& name, const json& schema, Lang lang) {
    std::string h = "<section class=\"api-schema\" id=\"" + esc(anchor("schema-", name)) +
                    "\" lang=\"en\"><h3><code>" + esc(name) + "</code></h3>";
    if (const std::string d = str(schema, "description"); !d.empty()) {
        h += "<p>" + esc(d) + "</p>";
    }
    const auto props = schema.find("properties");
    if (props == schema.end() || !props->is_object()) {
        return h + "<p>" + type_html(schema) + "</p></section>";
    }
    const json required = schema.value("required", json::array());
    h += table_start(std::string(ui(lang, Ui::api_docs_schemas)) + " " + name,
                     {ui(lang, Ui::api_docs_col_name), ui(lang, Ui::api_docs_col_type),
                      ui(lang, Ui::api_docs_col_required), ui(lang, Ui::api_docs_col_description)});
    for (const auto& [key, property] : props->items()) {
        const bool is_required =
            std::find(required.begin(), required.end(), json(key)) != required.end();
        h += "<tr><th scope=\"row\"><code>" + esc(key) + "</code></th><td>" + type_html(property) +
             "</td><td>" + (is_required ? "required" : "") + "</td><td>" +
             esc(str(property, "description")) + "</td></tr>";
    }
    return h + "</tbody></table></div></section>";
}

} // namespace

std::string render_api_docs_page(const json& openapi, const PageOptions& options) {
    const Lang lang = options.lang;
    const Lang other = lang == Lang::nl ? Lang::en : Lang::nl;
    Document d;
    d.title = std::string(ui(lang, Ui::api_docs_title));
    d.nav_current = "api";
    d.alternate_href = localised_path(other, "/api-docs");
    d.description = std::string(ui(lang, Ui::api_docs_intro));
    const std::string document_url = "/api/v1/openapi.json";
    std::string h = "<div class=\"page-intro\"><h1>" + esc(ui(lang, Ui::api_docs_title)) +
                    "</h1><p class=\"lead\">" + esc(ui(lang, Ui::api_docs_intro)) + "</p><p>" +
                    esc(ui(lang, Ui::api_docs_english_note)) + "</p><p><a href=\"" +
                    esc(document_url) + "\" type=\"application/json\">" +
                    esc(ui(lang, Ui::api_docs_openapi)) + "</a> (<code>" + esc(document_url) +
                    "</code>)</p></div>";

    // Operations grouped by tag, in the document's tag order of first appearance.
    constexpr std::array<std::pair<std::string_view, Ui>, 3> groups{{
        {"algreg", Ui::api_docs_group_ours},
        {"official", Ui::api_docs_group_official},
        {"operations", Ui::api_docs_group_operations},
    }};
    std::string contents = "<nav class=\"toc api-toc\" aria-labelledby=\"api-contents\"><h2 "
                           "id=\"api-contents\">" +
                           esc(ui(lang, Ui::api_docs_contents)) + "</h2>";
    std::string body;
    for (const auto& [tag, label] : groups) {
        std::string list;
        std::string sections;
        for (const auto& [path, item] : openapi["paths"].items()) {
            for (const auto& [method, op] : item.items()) {
                if (!op.contains("tags") || op["tags"].empty() || op["tags"][0] != tag) {
                    continue;
                }
                std::string upper = method;
                for (char& c : upper) {
                    c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
                }
                list += "<li><a href=\"#" + esc(anchor("op-", method + path)) + "\"><code>" +
                        esc(upper + " " + path) + "</code></a></li>";
                sections += operation_html(path, method, op, lang);
            }
        }
        if (list.empty()) {
            continue;
        }
        const std::string id = anchor("group-", tag);
        contents += "<h3>" + esc(ui(lang, label)) + "</h3><ul>" + list + "</ul>";
        body += "<section class=\"api-group\" aria-labelledby=\"" + esc(id) + "\"><h2 id=\"" +
                esc(id) + "\">" + esc(ui(lang, label)) + "</h2>" + sections + "</section>";
    }
    contents +=
        "<h3><a href=\"#schemas\">" + esc(ui(lang, Ui::api_docs_schemas)) + "</a></h3></nav>";
    h += contents + body;
    h += "<section class=\"api-group\" aria-labelledby=\"schemas\"><h2 id=\"schemas\">" +
         esc(ui(lang, Ui::api_docs_schemas)) + "</h2>";
    if (openapi.contains("components") && openapi["components"].contains("schemas")) {
        for (const auto& [name, schema] : openapi["components"]["schemas"].items()) {
            h += schema_html(name, schema, lang);
        }
    }
    h += "</section>";
    d.main_html = std::move(h);
    return render_document(d, options);
}

} // namespace algreg::web
