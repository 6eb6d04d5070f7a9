#include "share/case_table.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace kenes::share {

std::vector<CaseRow> ReadCaseTable(const std::filesystem::path& path, size_t columns) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::vector<CaseRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with('#')) continue;
    CaseRow row;
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) row.push_back(field);
    // getline drops an empty last field; a row ending in a tab has one.
    if (line.back() == '\t') row.emplace_back();
    EXPECT_EQ(row.size(), columns) << path.filename() << ": " << line;
    if (row.size() == columns) rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> CaseList(const std::string& field) {
  std::vector<std::string> items;
  if (field == "-") return items;
  std::stringstream parts(field);
  for (std::string item; std::getline(parts, item, ',');) items.push_back(item);
  return items;
}

// __FILE__ is absolute in our CMake builds; the cases sit beside this file.
std::filesystem::path AccessCasesDir() { return std::filesystem::path(__FILE__).parent_path() / "cases"; }

}  // namespace kenes::share
