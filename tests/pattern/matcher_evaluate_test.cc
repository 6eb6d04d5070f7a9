// Matcher::Evaluate beyond verdicts: restricting it to some observations, reporting what matched,
// refusing what it cannot run, and running on many threads at once.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "pattern/matcher.h"
#include "pattern/pattern.h"

namespace kenes::pattern {
namespace {

// `count` observations a second apart, each of one person aged like its index.
std::string People(int count) {
  std::string json = "[";
  for (int i = 0; i < count; ++i) {
    const std::string at = "2020-01-01T00:" + std::string(i / 60 < 10 ? "0" : "") + std::to_string(i / 60) + ":" +
                           std::string(i % 60 < 10 ? "0" : "") + std::to_string(i % 60) + "Z";
    json += (i ? "," : "") + std::string(R"({"type": "observed-data", "id": "observed-data--)") + std::to_string(i) +
            R"(", "first_observed": ")" + at + R"(", "last_observed": ")" + at +
            R"(", "number_observed": 1, "objects": {"0": {"type": "person", "age": )" + std::to_string(i) + "}}}";
  }
  return json + "]";
}

Matcher MatcherFor(std::string_view text) {
  Result<Pattern> pattern = Parse(text);
  EXPECT_TRUE(pattern.ok()) << pattern.status().ToString();
  Result<Matcher> matcher = Matcher::Create(std::move(pattern).value());
  EXPECT_TRUE(matcher.ok()) << matcher.status().ToString();
  return std::move(matcher).value();
}

TEST(MatcherEvaluate, LooksOnlyAmongTheObservationsGiven) {
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(People(5)).ok());
  const Matcher matcher = MatcherFor("[person:age = 1] AND [person:age = 3]");

  const std::vector<size_t> both = {3, 1, 3};
  Result<std::optional<Match>> match = matcher.Evaluate(set, both);
  ASSERT_TRUE(match.ok());
  ASSERT_TRUE(match.value().has_value());
  EXPECT_EQ(match.value()->observations, (std::vector<size_t>{1, 3}));

  const std::vector<size_t> one = {1, 2};
  match = matcher.Evaluate(set, one);
  ASSERT_TRUE(match.ok());
  EXPECT_FALSE(match.value().has_value());

  const std::vector<size_t> unknown = {1, 9};
  EXPECT_EQ(matcher.Evaluate(set, unknown).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(matcher.Evaluate(ObservationSet()).value().has_value());
}

TEST(MatcherEvaluate, RefusesPatternsOfThousandsOfObservations) {
  std::string text = "[person:age = 0]";
  for (int i = 1; i < 1001; ++i) text += " OR [person:age = " + std::to_string(i) + "]";
  Result<Pattern> pattern = Parse(text);
  ASSERT_TRUE(pattern.ok());
  EXPECT_EQ(Matcher::Create(std::move(pattern).value()).status().code(), StatusCode::kInvalidArgument);

  text = "[person:age = 0]";
  for (int i = 1; i < 1000; ++i) text += " OR [person:age = " + std::to_string(i) + "]";
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(People(2)).ok());
  const Result<std::optional<Match>> match = MatcherFor(text).Evaluate(set);
  ASSERT_TRUE(match.ok() && match.value().has_value());
  EXPECT_EQ(match.value()->observations, std::vector<size_t>{0});
}

TEST(MatcherEvaluate, KeepsItsPattern) {
  const Matcher matcher = MatcherFor("[person:age = 1] REPEATS 2 TIMES");
  ASSERT_EQ(matcher.pattern().root.qualifiers.size(), 1u);
  EXPECT_EQ(matcher.pattern().root.qualifiers[0].times, 2);
}

// REPEATS over many observations: what the reference can search is searched; a pattern whose
// combinations explode fails instead of running for hours.
TEST(MatcherEvaluate, BoundsTheSearchForRepetitions) {
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(People(40)).ok());
  EXPECT_FALSE(MatcherFor("[person:age >= 0] REPEATS 41 TIMES").Evaluate(set).value().has_value());
  const Result<std::optional<Match>> match = MatcherFor("[person:age >= 0] REPEATS 11 TIMES WITHIN 10 SECONDS").Evaluate(set);
  ASSERT_TRUE(match.ok() && match.value().has_value());
  EXPECT_EQ(match.value()->observations.size(), 11u);
  EXPECT_EQ(MatcherFor("[person:age >= 0] REPEATS 12 TIMES WITHIN 10 SECONDS").Evaluate(set).status().code(),
            StatusCode::kResourceExhausted);
}

TEST(MatcherEvaluate, RunsOnManyThreadsAtOnce) {
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(People(30)).ok());
  const Matcher matcher = MatcherFor("([person:age < 10] FOLLOWEDBY [person:age > 20]) OR [person:age = 99]");
  const Matcher missing = MatcherFor("[person:age = 99] OR [person:age > 100]");
  std::vector<std::thread> threads;
  std::vector<int> agreeing(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const Result<std::optional<Match>> found = matcher.Evaluate(set);
        const Result<std::optional<Match>> none = missing.Evaluate(set);
        agreeing[t] += found.ok() && found.value().has_value() &&
                       found.value()->observations == std::vector<size_t>{0, 21} && none.ok() && !none.value();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(agreeing, std::vector<int>(4, 200));
}

}  // namespace
}  // namespace kenes::pattern
