// Agreement with the OASIS reference implementations, read in place from the shared folder:
// every verdict of the reference validator, and every pattern the reference matcher accepts.
#include <gtest/gtest.h>

#include <iostream>

#include "case_file.h"
#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

const std::string kOasisDir = std::string(KENES_SHARED_DIR) + "/oasis-cases/";

// Runs every case of `file` through `accepts` and compares with `reference_accepts`; prints and
// returns how many agree.
size_t CountAgreeing(const std::string& file, const std::function<bool(const TestCase&)>& reference_accepts,
                     const std::function<Status(const std::string&, StixVersion)>& accepts) {
  size_t agreeing = 0;
  const size_t total = ForEachCase(kOasisDir + file, [&](const TestCase& test_case) {
    const Status ours = accepts(FieldOf(test_case, "pattern"), VersionOf(test_case));
    const bool expected = reference_accepts(test_case);
    EXPECT_EQ(ours.ok(), expected) << FieldOf(test_case, "id") << "\n  ours: " << ours.ToString();
    agreeing += ours.ok() == expected;
  });
  std::cout << file << ": " << agreeing << " of " << total << " cases agree\n";
  return agreeing;
}

TEST(OasisCases, ValidatorVerdictsAgreeWithCheckSyntax) {
  const size_t agreeing = CountAgreeing(
      "pattern-validator-cases.json", [](const TestCase& test_case) { return FieldOf(test_case, "valid") == "true"; },
      [](const std::string& pattern, StixVersion version) { return CheckSyntax(pattern, version); });
  EXPECT_EQ(agreeing, 208u);
}

// The matcher cases mark a pattern the reference parser rejects with error "ParseException"; every
// other pattern there (including those rejected only when matching) must parse.
TEST(OasisCases, MatcherPatternsParse) {
  const size_t agreeing = CountAgreeing(
      "pattern-matcher-cases.json",
      [](const TestCase& test_case) { return FieldOf(test_case, "error") != "ParseException"; },
      [](const std::string& pattern, StixVersion version) { return Parse(pattern, version).status(); });
  EXPECT_EQ(agreeing, 421u);
}

}  // namespace
}  // namespace kenes::pattern
