// What the tree holds beyond its shape: decoded literal values, path steps, source offsets, and
// limits that keep hostile input harmless.
#include <gtest/gtest.h>

#include <string>

#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

// The comparison inside the single bracketed observation of `text`.
Comparison OnlyComparison(const std::string& text, StixVersion version = StixVersion::k21) {
  Result<Pattern> parsed = Parse(text, version);
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  if (!parsed.ok()) return {};
  EXPECT_EQ(parsed->root.kind, ObservationExpressionKind::kObservation);
  EXPECT_EQ(parsed->root.comparison.kind, ComparisonExpressionKind::kComparison);
  return parsed->root.comparison.comparison;
}

TEST(PatternTree, NumbersKeepTheirKindAndSign) {
  EXPECT_EQ(OnlyComparison("[a:b = -42]").value.integer, -42);
  EXPECT_EQ(OnlyComparison("[a:b = +42]").value.integer, 42);
  EXPECT_EQ(OnlyComparison("[a:b = 9223372036854775807]").value.integer, INT64_MAX);
  EXPECT_EQ(OnlyComparison("[a:b = -9223372036854775808]").value.integer, INT64_MIN);
  const Literal real = OnlyComparison("[a:b = -.25]").value;
  EXPECT_EQ(real.kind, LiteralKind::kFloat);
  EXPECT_DOUBLE_EQ(real.real, -0.25);
  EXPECT_EQ(OnlyComparison("[a:b = 3]").value.kind, LiteralKind::kInteger);
}

TEST(PatternTree, StringsLoseQuotesAndEscapes) {
  const Literal text = OnlyComparison(R"([a:b = 'it\'s C:\\temp'])").value;
  EXPECT_EQ(text.kind, LiteralKind::kString);
  EXPECT_EQ(text.text, R"(it's C:\temp)");
  EXPECT_EQ(OnlyComparison("[a:b = '']").value.text, "");
}

TEST(PatternTree, BinaryAndHexBecomeBytes) {
  const Literal binary = OnlyComparison("[a:b = b'AQIDBA==']").value;
  EXPECT_EQ(binary.kind, LiteralKind::kBinary);
  EXPECT_EQ(binary.text, std::string("\x01\x02\x03\x04", 4));
  EXPECT_EQ(OnlyComparison("[a:b = b'YWJj']").value.text, "abc");
  EXPECT_EQ(OnlyComparison("[a:b = b'YWI=']").value.text, "ab");
  const Literal hex = OnlyComparison("[a:b = h'00fF7a']").value;
  EXPECT_EQ(hex.kind, LiteralKind::kHex);
  EXPECT_EQ(hex.text, std::string("\x00\xff\x7a", 3));
}

TEST(PatternTree, TimestampsCarryTheirInstantWhenTheDateIsReal) {
  const Literal stamp = OnlyComparison("[a:b = t'2016-06-01T01:30:00.123Z']").value;
  ASSERT_EQ(stamp.kind, LiteralKind::kTimestamp);
  EXPECT_EQ(stamp.text, "2016-06-01T01:30:00.123Z");
  ASSERT_TRUE(stamp.timestamp.has_value());
  EXPECT_EQ(stamp.timestamp->seconds, 1464744600);
  EXPECT_EQ(stamp.timestamp->nanoseconds, 123'000'000);
  // The grammar takes any day 01-31 in any month; such a literal parses but names no instant.
  const Literal impossible = OnlyComparison("[a:b = t'2023-02-29T00:00:00Z']").value;
  EXPECT_EQ(impossible.kind, LiteralKind::kTimestamp);
  EXPECT_FALSE(impossible.timestamp.has_value());
}

TEST(PatternTree, PathsListEveryStep) {
  const Comparison comparison = OnlyComparison("[file:extensions.'windows-pebinary-ext'.sections[*].x_refs[-2] = 1]");
  EXPECT_EQ(comparison.path.object_type, "file");
  const std::vector<PathStep>& steps = comparison.path.steps;
  ASSERT_EQ(steps.size(), 6u);
  EXPECT_EQ(steps[0].key, "extensions");
  EXPECT_EQ(steps[1].key, "windows-pebinary-ext");
  EXPECT_EQ(steps[2].key, "sections");
  EXPECT_EQ(steps[3].kind, PathStep::Kind::kAnyIndex);
  EXPECT_EQ(steps[4].kind, PathStep::Kind::kKey);
  EXPECT_EQ(steps[4].key, "x_refs");
  EXPECT_TRUE(steps[4].IsReference());
  EXPECT_FALSE(steps[2].IsReference());
  EXPECT_EQ(steps[5].kind, PathStep::Kind::kIndex);
  EXPECT_EQ(steps[5].index, -2);
}

TEST(PatternTree, IndexStepsFollowKeys) {
  const Comparison comparison = OnlyComparison("[a:'b c'[3][-1].d_ref.e = 1]");
  const std::vector<PathStep>& steps = comparison.path.steps;
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(steps[0].key, "b c");
  EXPECT_EQ(steps[1].kind, PathStep::Kind::kIndex);
  EXPECT_EQ(steps[1].index, 3);
  EXPECT_EQ(steps[2].index, -1);
  EXPECT_TRUE(steps[3].IsReference());
  EXPECT_FALSE(steps[1].IsReference());
}

TEST(PatternTree, OperatorsAndNegation) {
  const Comparison negated_set = OnlyComparison("[a:b NOT IN (1, 'two', true)]");
  EXPECT_EQ(negated_set.op, ComparisonOperator::kIn);
  EXPECT_TRUE(negated_set.negated);
  ASSERT_EQ(negated_set.values.size(), 3u);
  EXPECT_EQ(negated_set.values[1].text, "two");
  EXPECT_TRUE(negated_set.values[2].boolean);
  const Comparison exists = OnlyComparison("[EXISTS a:b.c]");
  EXPECT_EQ(exists.op, ComparisonOperator::kExists);
  EXPECT_FALSE(exists.negated);
  EXPECT_EQ(exists.path.steps.size(), 2u);
  EXPECT_EQ(OnlyComparison("[a:b MATCHES '^x']").op, ComparisonOperator::kMatches);
  EXPECT_EQ(OnlyComparison("[a:b <> 1]").op, ComparisonOperator::kNotEqual);
}

TEST(PatternTree, QualifiersKeepTheirValuesInOrder) {
  const Result<Pattern> parsed =
      Parse("[a:b = 1] REPEATS 3 TIMES WITHIN 2.5 SECONDS START t'2020-01-01T00:00:00Z' STOP t'2020-01-02T00:00:00Z'");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const std::vector<Qualifier>& qualifiers = parsed->root.qualifiers;
  ASSERT_EQ(qualifiers.size(), 3u);
  EXPECT_EQ(qualifiers[0].kind, QualifierKind::kRepeats);
  EXPECT_EQ(qualifiers[0].times, 3);
  EXPECT_EQ(qualifiers[1].kind, QualifierKind::kWithin);
  EXPECT_DOUBLE_EQ(qualifiers[1].seconds, 2.5);
  EXPECT_EQ(qualifiers[2].kind, QualifierKind::kStartStop);
  EXPECT_EQ(qualifiers[2].stop.timestamp->seconds - qualifiers[2].start.timestamp->seconds, 86400);
  EXPECT_EQ(qualifiers[1].offset, 26u);
}

TEST(PatternTree, ComparisonsRememberWhereTheyStart) {
  const Result<Pattern> parsed = Parse("[a:b = 1 AND  c:d = 2]");
  ASSERT_TRUE(parsed.ok());
  const ComparisonExpression& both = parsed->root.comparison;
  ASSERT_EQ(both.kind, ComparisonExpressionKind::kAnd);
  EXPECT_EQ(both.operands[0].comparison.offset, 1u);
  EXPECT_EQ(both.operands[1].comparison.offset, 14u);
}

TEST(PatternTree, VersionDecidesExistsAndStartStopForms) {
  EXPECT_TRUE(Parse("[EXISTS a:b]", StixVersion::k21).ok());
  EXPECT_FALSE(Parse("[EXISTS a:b]", StixVersion::k20).ok());
  const std::string string_bounds = "[a:b = 1] START '2020-01-01T00:00:00Z' STOP '2020-01-02T00:00:00Z'";
  EXPECT_TRUE(Parse(string_bounds, StixVersion::k20).ok());
  EXPECT_FALSE(Parse(string_bounds, StixVersion::k21).ok());
  EXPECT_EQ(Parse(string_bounds, StixVersion::k20)->version, StixVersion::k20);
}

TEST(PatternTree, DeepNestingIsAnErrorNotACrash) {
  const std::string deep_observations = std::string(100000, '(') + "[a:b = 1]" + std::string(100000, ')');
  const Result<Pattern> observations = Parse(deep_observations);
  ASSERT_FALSE(observations.ok());
  EXPECT_NE(observations.status().message().find("nested deeper than"), std::string::npos);
  const std::string deep_comparisons = "[" + std::string(100000, '(') + "a:b = 1" + std::string(100000, ')') + "]";
  EXPECT_FALSE(Parse(deep_comparisons).ok());
  const std::string fine =
      std::string(50, '(') + "[" + std::string(50, '(') + "a:b = 1" + std::string(50, ')') + "]" + std::string(50, ')');
  EXPECT_TRUE(Parse(fine).ok());
}

// Indicators listing thousands of hashes are common; their trees stay one level deep.
TEST(PatternTree, LongChainsAreOneNode) {
  constexpr int kLength = 200000;
  std::string chain = "[a:b = 0]";
  std::string comparisons = "[a:b = 0";
  for (int i = 1; i < kLength; ++i) {
    chain += " FOLLOWEDBY [a:b = " + std::to_string(i) + "]";
    comparisons += " OR a:b = " + std::to_string(i);
  }
  const Result<Pattern> observations = Parse(chain);
  ASSERT_TRUE(observations.ok());
  EXPECT_EQ(observations->root.kind, ObservationExpressionKind::kFollowedBy);
  ASSERT_EQ(observations->root.operands.size(), static_cast<size_t>(kLength));
  EXPECT_EQ(observations->root.operands.back().comparison.comparison.value.integer, kLength - 1);
  const Result<Pattern> ors = Parse(comparisons + "]");
  ASSERT_TRUE(ors.ok());
  EXPECT_EQ(ors->root.comparison.kind, ComparisonExpressionKind::kOr);
  EXPECT_EQ(ors->root.comparison.operands.size(), static_cast<size_t>(kLength));
  EXPECT_TRUE(CheckSyntax(comparisons + "]").ok());
}

}  // namespace
}  // namespace kenes::pattern
