// Our own matcher cases, as data: tests/pattern/cases/matcher_cases.json holds one case a line, each
// naming its observations in matcher_data.json. "expect" is true, false or "error"; "error" is a
// part of the message expected; "matched", where given, the observations the match names.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>

#include "case_file.h"
#include "pattern/matcher.h"
#include "pattern/observation.h"
#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

const std::string kCasesDir = KENES_PATTERN_CASES_DIR;

// Each fixture of matcher_data.json as JSON text, by name.
std::map<std::string, std::string> LoadFixtures() {
  std::map<std::string, std::string> fixtures;
  simdjson::padded_string json;
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (simdjson::padded_string::load(kCasesDir + "/matcher_data.json").get(json) != simdjson::SUCCESS ||
      parser.parse(json).get_object().get(object) != simdjson::SUCCESS) {
    ADD_FAILURE() << "cannot read matcher_data.json";
    return fixtures;
  }
  for (auto [name, value] : object) fixtures[std::string(name)] = simdjson::minify(value);
  return fixtures;
}

std::vector<size_t> Indexes(const std::string& json) {
  std::vector<size_t> indexes;
  simdjson::dom::parser parser;
  simdjson::dom::array array;
  if (parser.parse(json).get_array().get(array) != simdjson::SUCCESS) return indexes;
  for (simdjson::dom::element index : array) indexes.push_back(static_cast<size_t>(index.get_int64().value_unsafe()));
  return indexes;
}

TEST(MatcherCases, VerdictsAsWritten) {
  const std::map<std::string, std::string> fixtures = LoadFixtures();
  ForEachCase(kCasesDir + "/matcher_cases.json", [&](const TestCase& test_case) {
    const auto fixture = fixtures.find(FieldOf(test_case, "data"));
    ASSERT_NE(fixture, fixtures.end()) << "no fixture " << FieldOf(test_case, "data");
    ObservationSet set;
    ASSERT_TRUE(set.AddJson(fixture->second).ok());
    Result<Pattern> pattern = Parse(FieldOf(test_case, "pattern"), VersionOf(test_case));
    ASSERT_TRUE(pattern.ok()) << pattern.status().ToString();

    Result<Matcher> matcher = Matcher::Create(std::move(pattern).value());
    Result<std::optional<Match>> match = matcher.ok() ? matcher->Evaluate(set) : matcher.status();
    const std::string expect = FieldOf(test_case, "expect");
    if (expect == "error") {
      ASSERT_FALSE(match.ok()) << "matched: " << (match.ok() && match.value().has_value());
      EXPECT_EQ(match.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(match.status().message().find(FieldOf(test_case, "error")), std::string::npos)
          << match.status().message();
      return;
    }
    ASSERT_TRUE(match.ok()) << match.status().ToString();
    EXPECT_EQ(match.value().has_value(), expect == "true") << FieldOf(test_case, "why");
    if (test_case.contains("matched") && match.value()) {
      EXPECT_EQ(match.value()->observations, Indexes(FieldOf(test_case, "matched")));
    }
  });
}

}  // namespace
}  // namespace kenes::pattern
