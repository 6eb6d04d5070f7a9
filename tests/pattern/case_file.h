// CaseFile: loads a JSON array of pattern test cases (objects with string,
// boolean or other fields) into plain records, so that every runner in
// pattern_test reads its table the same way. Test-only; not thread-safe.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "pattern/ast.h"

namespace kenes::pattern {

// One case: field name to value; strings as they are, booleans as "true"/"false", other JSON
// kinds as their JSON text.
using TestCase = std::map<std::string, std::string>;

// All objects of the JSON array in `path`; fails the calling test (and returns none) if the file
// cannot be read or is not an array of objects.
std::vector<TestCase> LoadCases(const std::string& path);

// Calls `check` on every case in `path`, with the case's "pattern" in the failure trace; returns
// how many cases there were, failing the calling test if there were none.
size_t ForEachCase(const std::string& path, const std::function<void(const TestCase&)>& check);

// Value of `field`, or "" when the case has none.
std::string FieldOf(const TestCase& test_case, const std::string& field);

// The case's "stix_version": "2.0" or (the default) "2.1".
StixVersion VersionOf(const TestCase& test_case);

}  // namespace kenes::pattern
