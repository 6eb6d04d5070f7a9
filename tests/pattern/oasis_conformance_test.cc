// Agreement with the OASIS reference implementations, read in place from the shared folder:
// every verdict of the reference validator, and every pattern the reference matcher accepts.
#include <gtest/gtest.h>

#include "case_file.h"
#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

const std::string kOasisDir = std::string(KENES_SHARED_DIR) + "/oasis-cases/";

StixVersion VersionOf(const TestCase& test_case) {
  return FieldOf(test_case, "stix_version") == "2.0" ? StixVersion::k20 : StixVersion::k21;
}

TEST(OasisValidatorCases, EveryVerdictAgrees) {
  const std::vector<TestCase> cases = LoadCases(kOasisDir + "pattern-validator-cases.json");
  ASSERT_GT(cases.size(), 200u);
  size_t agreeing = 0;
  for (const TestCase& test_case : cases) {
    const std::string pattern = FieldOf(test_case, "pattern");
    const bool expected_valid = FieldOf(test_case, "valid") == "true";
    const Status status = CheckSyntax(pattern, VersionOf(test_case));
    if (status.ok() == expected_valid) {
      ++agreeing;
    } else {
      ADD_FAILURE() << FieldOf(test_case, "id") << "\n  pattern: " << pattern << "\n  reference: "
                    << (expected_valid ? "valid" : "invalid") << "\n  ours: " << status.ToString();
    }
  }
  EXPECT_EQ(agreeing, cases.size());
  RecordProperty("agreeing", static_cast<int>(agreeing));
  std::cout << "validator cases agreeing: " << agreeing << " of " << cases.size() << "\n";
}

// The matcher cases reject a pattern with expect "error" and error "ParseException"; every other
// pattern there (including those the matcher rejects only when matching) must parse.
TEST(OasisMatcherCases, ParseVerdictAgrees) {
  const std::vector<TestCase> cases = LoadCases(kOasisDir + "pattern-matcher-cases.json");
  ASSERT_GT(cases.size(), 400u);
  size_t agreeing = 0;
  for (const TestCase& test_case : cases) {
    const std::string pattern = FieldOf(test_case, "pattern");
    const bool expected_valid = FieldOf(test_case, "error") != "ParseException";
    const Result<Pattern> parsed = Parse(pattern, VersionOf(test_case));
    if (parsed.ok() == expected_valid) {
      ++agreeing;
    } else {
      ADD_FAILURE() << FieldOf(test_case, "id") << "\n  pattern: " << pattern << "\n  reference: "
                    << (expected_valid ? "parses" : "ParseException") << "\n  ours: " << parsed.status().ToString();
    }
  }
  EXPECT_EQ(agreeing, cases.size());
  std::cout << "matcher cases agreeing: " << agreeing << " of " << cases.size() << "\n";
}

}  // namespace
}  // namespace kenes::pattern
