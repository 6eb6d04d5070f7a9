#include "tsv_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace kenes::names {
namespace {

std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  for (std::string cell; std::getline(stream, cell, '\t');) cells.push_back(cell);
  if (!line.empty() && line.back() == '\t') cells.emplace_back();  // getline drops a last empty cell
  return cells;
}

}  // namespace

std::vector<TsvRow> ReadTsv(const std::string& path) {
  std::ifstream file(path);
  if (!file) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::vector<std::string> columns;
  std::vector<TsvRow> rows;
  int line_number = 0;
  for (std::string line; std::getline(file, line);) {
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string> cells = Cells(line);
    if (columns.empty()) {
      columns = cells;
      continue;
    }
    if (cells.size() != columns.size()) {
      ADD_FAILURE() << path << ":" << line_number << ": " << cells.size() << " cells, expected " << columns.size();
      return {};
    }
    TsvRow& row = rows.emplace_back();
    for (size_t i = 0; i < cells.size(); ++i) row[columns[i]] = cells[i];
  }
  return rows;
}

}  // namespace kenes::names
