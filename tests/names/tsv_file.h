// Test cases as tab-separated rows: '#' lines are comments, the first other
// line names the columns, each further line is one case.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kenes::names {

using TsvRow = std::map<std::string, std::string>;  // column name -> cell

// Adds a test failure and returns nothing when the file cannot be read or a
// row has the wrong number of cells.
std::vector<TsvRow> ReadTsv(const std::string& path);

}  // namespace kenes::names
