// Agreement with the OASIS reference implementations, read in place from the shared folder:
// every verdict of the reference validator, and every pattern the reference matcher accepts.
#include <gtest/gtest.h>

#include <iostream>

#include <simdjson.h>

#include "case_file.h"
#include "pattern/matcher.h"
#include "pattern/observation.h"
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

// What the matcher makes of a matcher case, in the case file's terms: "true", "false",
// "ParseException" (the pattern does not parse) or "MatcherException" (Create, AddJson or Evaluate
// refused); `matched_ids` gets the ids of the observed-data a match names.
std::string MatcherVerdict(const TestCase& test_case, std::vector<std::string>& matched_ids, std::string& detail) {
  Result<Pattern> pattern = Parse(FieldOf(test_case, "pattern"), VersionOf(test_case));
  if (!pattern.ok()) return "ParseException";
  ObservationSet set;
  Status added = set.AddJson(FieldOf(test_case, "observed_data"));
  Result<Matcher> matcher = Matcher::Create(std::move(pattern).value());
  Result<std::optional<Match>> match = std::optional<Match>();
  if (added.ok() && matcher.ok()) match = matcher->Evaluate(set);
  for (const Status& status : {added, matcher.status(), match.status()}) {
    if (!status.ok()) {
      detail = status.ToString();
      return "MatcherException";
    }
  }
  if (!match.value()) return "false";
  for (const size_t index : match.value()->observations) matched_ids.push_back(set.observed_data()[index].id);
  return "true";
}

std::vector<std::string> ExpectedIds(const std::string& json) {
  std::vector<std::string> ids;
  simdjson::dom::parser parser;
  simdjson::dom::array array;
  if (parser.parse(json).get_array().get(array) != simdjson::SUCCESS) return ids;
  for (simdjson::dom::element id : array) ids.emplace_back(id.get_string().value_unsafe());
  return ids;
}

TEST(OasisCases, MatcherVerdictsAgree) {
  size_t agreeing = 0;
  const size_t total = ForEachCase(kOasisDir + "pattern-matcher-cases.json", [&](const TestCase& test_case) {
    std::vector<std::string> matched_ids;
    std::string detail;
    const std::string ours = MatcherVerdict(test_case, matched_ids, detail);
    const std::string expect = FieldOf(test_case, "expect");
    const std::string expected = expect == "error" ? FieldOf(test_case, "error") : expect;
    bool agrees = ours == expected;
    EXPECT_EQ(ours, expected) << FieldOf(test_case, "id") << "\n  " << detail;
    if (agrees && ours == "true" && !FieldOf(test_case, "matched_ids").empty()) {
      EXPECT_EQ(matched_ids, ExpectedIds(FieldOf(test_case, "matched_ids"))) << FieldOf(test_case, "id");
      agrees = matched_ids == ExpectedIds(FieldOf(test_case, "matched_ids"));
    }
    agreeing += agrees;
  });
  std::cout << "pattern-matcher-cases.json: " << agreeing << " of " << total << " cases agree with the matcher\n";
  EXPECT_EQ(agreeing, 421u);
}

}  // namespace
}  // namespace kenes::pattern
