// CaseTable: the tab-separated files test cases are kept in, one case a
// line, '#' comments and blank lines skipped. Shared by the sharing matrix
// runners of share_test and taxii_test. Test-only; thread-compatible.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kenes::share {

using CaseRow = std::vector<std::string>;

// The rows of `path`. A file that cannot be read, or a row without exactly
// `columns` fields, fails the calling test (such rows are left out).
std::vector<CaseRow> ReadCaseTable(const std::filesystem::path& path, size_t columns);

// The comma-separated items of a field; none for "-".
std::vector<std::string> CaseList(const std::string& field);

// The directory of the sharing matrix's case files (tests/share/cases).
std::filesystem::path AccessCasesDir();

}  // namespace kenes::share
