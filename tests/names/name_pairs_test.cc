// The matcher on labelled pairs: the shared development pairs (read in place
// from KENES_SHARED_DIR) and our own (cases/pairs.tsv). Prints precision and
// recall and fails below precision 0.99 or recall 0.90; checks on every pair
// judged the same that the two names share a blocking key.
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <iterator>

#include "names/blocking_keys.h"
#include "names/name_analyzer.h"
#include "names/name_matcher.h"
#include "tsv_file.h"

namespace kenes::names {
namespace {

struct Tally {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  int true_negatives = 0;

  double Precision() const {
    const int judged_same = true_positives + false_positives;
    return judged_same == 0 ? 1.0 : static_cast<double>(true_positives) / judged_same;
  }
  double Recall() const {
    const int same = true_positives + false_negatives;
    return same == 0 ? 1.0 : static_cast<double>(true_positives) / same;
  }
};

class NamePairs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<NameAnalyzer> created = NameAnalyzer::Create();
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    analyzer_ = new NameAnalyzer(std::move(created).value());
  }
  static void TearDownTestSuite() {
    delete analyzer_;
    analyzer_ = nullptr;
  }

  // Runs the matcher on every pair of `path`, reporting each mistake.
  static Tally Measure(const std::string& path) {
    Tally tally;
    const std::vector<TsvRow> rows = ReadTsv(path);
    EXPECT_FALSE(rows.empty()) << "no pairs in " << path;
    for (const TsvRow& row : rows) {
      const PersonName left = analyzer_->Analyze(row.at("left"));
      const PersonName right = analyzer_->Analyze(row.at("right"));
      const MatchResult match = MatchNames(left, right);
      const bool labelled_same = row.at("label") == "1";
      if (match.same) {
        std::vector<std::string> shared;
        const std::vector<std::string> left_keys = BlockingKeys(left);
        const std::vector<std::string> right_keys = BlockingKeys(right);
        std::set_intersection(left_keys.begin(), left_keys.end(), right_keys.begin(), right_keys.end(),
                              std::back_inserter(shared));
        EXPECT_FALSE(shared.empty()) << row.at("left") << " / " << row.at("right") << " share no blocking key";
      }
      if (match.same != labelled_same) {
        std::cout << (labelled_same ? "missed:  " : "wrong:   ") << row.at("left") << " / " << row.at("right")
                  << "  score " << match.score << "  [" << match.folded_left << "] [" << match.folded_right << "] "
                  << match.reason << "\n";
      }
      (match.same ? (labelled_same ? tally.true_positives : tally.false_positives)
                  : (labelled_same ? tally.false_negatives : tally.true_negatives))++;
    }
    std::cout << path << ": precision " << tally.Precision() << ", recall " << tally.Recall() << " ("
              << tally.true_positives << " found, " << tally.false_positives << " wrongly, " << tally.false_negatives
              << " missed, " << tally.true_negatives << " rightly apart)\n";
    return tally;
  }

  static NameAnalyzer* analyzer_;
};

NameAnalyzer* NamePairs::analyzer_ = nullptr;

TEST_F(NamePairs, SharedDevelopmentPairs) {
  const Tally tally = Measure(std::string(KENES_SHARED_DIR) + "/names/dev-pairs.tsv");
  EXPECT_GE(tally.Precision(), 0.99);
  EXPECT_GE(tally.Recall(), 0.90);
}

TEST_F(NamePairs, OwnPairs) {
  const Tally tally = Measure(std::string(KENES_NAMES_CASES_DIR) + "/pairs.tsv");
  EXPECT_GE(tally.Precision(), 0.99);
  EXPECT_GE(tally.Recall(), 0.90);
}

// Not a benchmark: prints what a comparison and a name's analysis cost, for
// people sizing an index; asserts nothing about time. Processor time, not
// wall time, so that a busy machine does not inflate it.
TEST_F(NamePairs, PrintsTheCostOfAnalysisAndComparison) {
  constexpr int kRounds = 2000;
  const auto micros_each = [](std::clock_t from, std::clock_t to) {
    return 1e6 * static_cast<double>(to - from) / CLOCKS_PER_SEC / kRounds;
  };
  const std::clock_t analysis_start = std::clock();
  size_t keys = 0;
  for (int i = 0; i < kRounds; ++i) {
    keys += BlockingKeys(analyzer_->Analyze(i % 2 ? "Сейтказиев Нурлан Маратович" : "SEYTKAZIYEV NURLAN")).size();
  }
  const std::clock_t comparison_start = std::clock();
  const PersonName left = analyzer_->Analyze("Сейтказиев Нурлан Маратович");
  const PersonName right = analyzer_->Analyze("Choukhrat Iouldachev");
  int same = 0;
  for (int i = 0; i < kRounds; ++i) same += MatchNames(left, i % 2 ? left : right).same;
  const std::clock_t end = std::clock();
  std::cout << "analysis and blocking keys: " << micros_each(analysis_start, comparison_start)
            << " us a name (half Cyrillic, half Latin); comparison of analysed names: "
            << micros_each(comparison_start, end) << " us\n";
  EXPECT_EQ(same, kRounds / 2);
  EXPECT_GT(keys, 0u);
}

}  // namespace
}  // namespace kenes::names
