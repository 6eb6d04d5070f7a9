// CaseFile: loads a JSON array of test cases (objects with string, boolean or
// null fields) into plain records, so that every runner in pattern_test reads
// its table the same way. Test-only; not thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kenes::pattern {

// One case: field name to value; strings as they are, booleans as "true"/"false". Other JSON
// kinds are kept as their JSON text.
using TestCase = std::map<std::string, std::string>;

// All objects of the JSON array in `path`; fails the calling test (and returns none) if the file
// cannot be read or is not an array of objects.
std::vector<TestCase> LoadCases(const std::string& path);

// Value of `field`, or "" when the case has none.
std::string FieldOf(const TestCase& test_case, const std::string& field);

}  // namespace kenes::pattern
