// The ministry behind each organisation (facet `ministerie`, docs/search.md): from the register's
// own organisation hierarchy when `algreg sync` fetched it, else from the bundled table
// (fixtures/ministries-nl.tsv), which is kept as data with a source for every row.
#pragma once

#include "search/record.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace algreg::indexer {

/// One row of the ministry table.
struct MinistryRow {
    std::string organisation; ///< as the register writes it
    std::string ministry;     ///< the ministry's organisation name; "" = deliberately none
    std::string source;       ///< how it falls under the ministry, and where that is written
    std::size_t line = 0;     ///< line in the file, for messages
};

class MinistryTable {
  public:
    MinistryTable() = default;
    explicit MinistryTable(std::vector<MinistryRow> rows);
    [[nodiscard]] const std::vector<MinistryRow>& rows() const { return rows_; }
    /// The row of `organisation`, matched by organisation_key(), or nullptr.
    [[nodiscard]] const MinistryRow* find(std::string_view organisation) const;

  private:
    std::vector<MinistryRow> rows_;
    std::map<std::string, std::size_t> by_key_;
};

/// The matching form of an organisation name: fold()ed, whitespace collapsed, and a trailing
/// abbreviation in parentheses dropped ("Sociale Verzekeringsbank (SVB)" and "Sociale
/// Verzekeringsbank" are one organisation).
[[nodiscard]] std::string organisation_key(std::string_view name);

/// Parses the table: "organisation <TAB> ministry <TAB> source" per line; '#' lines and blank
/// lines are comments. Throws search::InputError (file, line, column) for a line without three
/// columns, an empty organisation or source, or an organisation listed twice.
[[nodiscard]] MinistryTable parse_ministries(const std::string& text, const std::string& file);
/// Reads and parses the file at `path`; search::InputError when it cannot be read.
[[nodiscard]] MinistryTable read_ministries(const std::string& path);

/// Organisation key -> ministry name from the organisations metadata `algreg sync` stores
/// (indexer/sync_source.h metadata_organisations): the first level of an organisation's
/// hierarchy named "Ministerie van ...", or the organisation itself when its type is
/// "ministerie". Organisations without a known hierarchy are left out; text that is not that
/// JSON gives an empty map (the hierarchy is secondary, never a reason to fail).
[[nodiscard]] std::map<std::string, std::string> ministries_from_hierarchy(std::string_view json);

/// Sets AlgorithmRecord::ministry of every record: the hierarchy's ministry when it knows the
/// organisation, else the table's, else "" (and a ministry organisation not in either is its
/// own ministry, by its organisation type).
void assign_ministries(std::vector<search::AlgorithmRecord>& records, const MinistryTable& table,
                       const std::map<std::string, std::string>& hierarchy);

} // namespace algreg::indexer
