#include "case_file.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace kenes::pattern {

std::vector<TestCase> LoadCases(const std::string& path) {
  std::vector<TestCase> cases;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path).get(json) != simdjson::SUCCESS) {
    ADD_FAILURE() << "cannot read " << path;
    return cases;
  }
  simdjson::dom::parser parser;
  simdjson::dom::array array;
  if (parser.parse(json).get_array().get(array) != simdjson::SUCCESS) {
    ADD_FAILURE() << path << " is not a JSON array";
    return cases;
  }
  for (simdjson::dom::element element : array) {
    simdjson::dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS) {
      ADD_FAILURE() << path << " holds something other than objects";
      return {};
    }
    TestCase& test_case = cases.emplace_back();
    for (auto [key, value] : object) {
      std::string_view text;
      bool flag = false;
      if (value.get_string().get(text) == simdjson::SUCCESS) {
        test_case[std::string(key)] = std::string(text);
      } else if (value.get_bool().get(flag) == simdjson::SUCCESS) {
        test_case[std::string(key)] = flag ? "true" : "false";
      } else {
        test_case[std::string(key)] = simdjson::minify(value);
      }
    }
  }
  return cases;
}

size_t ForEachCase(const std::string& path, const std::function<void(const TestCase&)>& check) {
  const std::vector<TestCase> cases = LoadCases(path);
  EXPECT_FALSE(cases.empty()) << "no cases in " << path;
  for (const TestCase& test_case : cases) {
    SCOPED_TRACE(FieldOf(test_case, "pattern"));
    check(test_case);
  }
  return cases.size();
}

std::string FieldOf(const TestCase& test_case, const std::string& field) {
  const auto found = test_case.find(field);
  return found == test_case.end() ? std::string() : found->second;
}

StixVersion VersionOf(const TestCase& test_case) {
  return FieldOf(test_case, "stix_version") == "2.0" ? StixVersion::k20 : StixVersion::k21;
}

}  // namespace kenes::pattern
