// Our own cases, as data in tests/pattern/cases: the tree each pattern parses to (trees.json), and
// the exact error, line and column of each bad pattern (errors.json).
#include <gtest/gtest.h>

#include "case_file.h"
#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

const std::string kCasesDir = KENES_PATTERN_CASES_DIR;

// "tree": what Describe says; "text", where given: the canonical text.
TEST(PatternCases, TreesAreAsWritten) {
  ForEachCase(kCasesDir + "/trees.json", [](const TestCase& test_case) {
    const Result<Pattern> parsed = Parse(FieldOf(test_case, "pattern"), VersionOf(test_case));
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    EXPECT_EQ(Describe(*parsed), FieldOf(test_case, "tree"));
    if (test_case.contains("text")) {
      EXPECT_EQ(ToPatternText(*parsed), FieldOf(test_case, "text"));
    }
  });
}

// "error": Parse and CheckSyntax both fail with it. "check_error": Parse succeeds and CheckSyntax
// fails with it, or succeeds when it is empty.
TEST(PatternCases, ErrorsSayWhereAndWhat) {
  ForEachCase(kCasesDir + "/errors.json", [](const TestCase& test_case) {
    const std::string pattern = FieldOf(test_case, "pattern");
    const Result<Pattern> parsed = Parse(pattern, VersionOf(test_case));
    const Status checked = CheckSyntax(pattern, VersionOf(test_case));
    if (test_case.contains("error")) {
      EXPECT_FALSE(parsed.ok());
      EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(parsed.status().message(), FieldOf(test_case, "error"));
      EXPECT_EQ(checked.message(), FieldOf(test_case, "error"));
    } else {
      EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
      EXPECT_EQ(checked.ok(), FieldOf(test_case, "check_error").empty());
      EXPECT_EQ(checked.message(), FieldOf(test_case, "check_error"));
    }
  });
}

// Canonical text parses back to the same tree, and is a fixed point, for every pattern we know to
// be valid: ours and the OASIS ones.
TEST(PatternCases, CanonicalTextReadsBackTheSame) {
  const auto check = [](const TestCase& test_case) {
    const Result<Pattern> parsed = Parse(FieldOf(test_case, "pattern"), VersionOf(test_case));
    if (!parsed.ok()) return;
    const std::string text = ToPatternText(*parsed);
    const Result<Pattern> reparsed = Parse(text, VersionOf(test_case));
    ASSERT_TRUE(reparsed.ok()) << text << "\n" << reparsed.status().ToString();
    EXPECT_EQ(Describe(*reparsed), Describe(*parsed)) << text;
    EXPECT_EQ(ToPatternText(*reparsed), text);
  };
  ForEachCase(kCasesDir + "/trees.json", check);
  ForEachCase(std::string(KENES_SHARED_DIR) + "/oasis-cases/pattern-validator-cases.json", check);
  ForEachCase(std::string(KENES_SHARED_DIR) + "/oasis-cases/pattern-matcher-cases.json", check);
}

}  // namespace
}  // namespace kenes::pattern
