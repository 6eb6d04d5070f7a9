// Blocking keys beyond the pair runner (which checks that every pair judged
// the same shares a key): skeletons, and keys for names written as one word.
#include "names/blocking_keys.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "names/name_analyzer.h"

namespace kenes::names {
namespace {

TEST(BlockingKeys, SameSkeletonAgreesWithSkeleton) {
  const std::vector<std::string> folds{"seitkasiev", "stksv",  "setkasev", "aia",     "aiu",    "a",
                                       "",           "nurlan", "narlun",   "nurlanb", "bnurlan"};
  for (const std::string& left : folds) {
    for (const std::string& right : folds) {
      EXPECT_EQ(SameSkeleton(left, right), Skeleton(left) == Skeleton(right)) << left << " / " << right;
    }
  }
}

TEST(BlockingKeys, KeysCoverEveryTokenAndNeighboursJoinedButNoPatronymic) {
  Result<NameAnalyzer> analyzer = NameAnalyzer::Create();
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  const std::vector<std::string> keys = BlockingKeys(analyzer->Analyze("Abdul Aziz Kamilov Rustamovich"));
  for (const char* key : {"bdl", "ss", "kmlv", "bdlss", "sskmlv"}) {
    EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), key)) << key;
  }
  EXPECT_FALSE(std::binary_search(keys.begin(), keys.end(), "rstm"));
  EXPECT_FALSE(std::binary_search(keys.begin(), keys.end(), "rstmvc"));
}

}  // namespace
}  // namespace kenes::names
