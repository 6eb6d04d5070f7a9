// Correlation key tests: each case in tests/observable/cases/keys.json is
// an object whose keys KeysOf must return in order ("keys": [[kind,
// value], ...]), or whose malformed value it must refuse with an
// InvalidArgument containing "error".
#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>
#include <vector>

#include "object_cases.h"
#include "observable/observable.h"
#include "stix/object.h"

namespace kenes::observable {
namespace {

std::string Describe(const std::vector<CorrelationKey>& keys) {
  std::string text;
  for (const CorrelationKey& key : keys) text += "(" + key.kind + ", " + key.value + ") ";
  return text;
}

TEST(CorrelationKeys, CasesFromFile) {
  simdjson::dom::parser parser;
  std::vector<ObjectCase> cases = LoadObjectCases(parser, "keys.json");
  ASSERT_GT(cases.size(), 20u);
  for (const ObjectCase& object_case : cases) {
    SCOPED_TRACE(object_case.name);
    simdjson::dom::element c = object_case.expectation;
    Result<std::vector<CorrelationKey>> keys = KeysOf(object_case.object);
    std::string_view error;
    if (c["error"].get(error) == simdjson::SUCCESS) {
      if (keys.ok()) {
        ADD_FAILURE() << "accepted with keys " << Describe(*keys);
        continue;
      }
      EXPECT_EQ(keys.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(keys.status().message().find(error), std::string::npos) << "message: " << keys.status().message();
      continue;
    }
    std::vector<CorrelationKey> expected;
    simdjson::dom::array pairs;
    ASSERT_EQ(c["keys"].get(pairs), simdjson::SUCCESS);
    for (simdjson::dom::element pair : pairs) {
      std::string_view kind, value;
      ASSERT_EQ(pair.at(0).get(kind), simdjson::SUCCESS);
      ASSERT_EQ(pair.at(1).get(value), simdjson::SUCCESS);
      expected.push_back({std::string(kind), std::string(value)});
    }
    if (!keys.ok()) {
      ADD_FAILURE() << keys.status().ToString();
      continue;
    }
    EXPECT_EQ(*keys, expected) << "got " << Describe(*keys) << "\nwanted " << Describe(expected);
  }
}

TEST(CorrelationKeys, ParsedObjectIsReadFromItsText) {
  stix::Object object;
  object.id = "phone-number--0d9b4f4a-7d36-5f38-9e53-bf87c1c6e9fb";
  object.type = "phone-number";
  object.json =
      R"({"type":"phone-number","id":"phone-number--0d9b4f4a-7d36-5f38-9e53-bf87c1c6e9fb","value":"8 701 123 45 67"})";
  Result<std::vector<CorrelationKey>> keys = KeysOf(object);
  ASSERT_TRUE(keys.ok()) << keys.status().ToString();
  EXPECT_EQ(*keys, (std::vector<CorrelationKey>{{"phone-number", "+77011234567"}}));
  object.json = "{not json";
  EXPECT_EQ(KeysOf(object).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kenes::observable
