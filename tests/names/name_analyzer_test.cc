// NameAnalyzer on the cases of cases/analysis.tsv (tokens, folds,
// patronymics, surname genders), and its promises beyond them.
#include "names/name_analyzer.h"

#include <gtest/gtest.h>

#include <thread>

#include "names/blocking_keys.h"
#include "tsv_file.h"

namespace kenes::names {
namespace {

std::string FirstFolds(const PersonName& name) {
  std::string folds;
  for (const NameToken& token : name.tokens) {
    if (!folds.empty()) folds += ' ';
    folds += token.patronymic ? "(" + token.folds.front() + ")" : token.folds.front();
  }
  return folds;
}

std::string Genders(const PersonName& name) {
  std::string genders;
  for (const NameToken& token : name.tokens) {
    if (!genders.empty()) genders += ' ';
    genders += token.gender == SurnameGender::kMasculine ? 'm' : token.gender == SurnameGender::kFeminine ? 'f' : '-';
  }
  return genders;
}

NameAnalyzer Created() {
  Result<NameAnalyzer> analyzer = NameAnalyzer::Create();
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  return std::move(analyzer).value();
}

TEST(NameAnalyzer, EveryCaseAnalysesAsWritten) {
  const NameAnalyzer analyzer = Created();
  const std::vector<TsvRow> rows = ReadTsv(std::string(KENES_NAMES_CASES_DIR) + "/analysis.tsv");
  EXPECT_FALSE(rows.empty());
  for (const TsvRow& row : rows) {
    const PersonName name = analyzer.Analyze(row.at("name"));
    EXPECT_EQ(FirstFolds(name), row.at("folds")) << row.at("name");
    EXPECT_EQ(Genders(name), row.at("genders")) << row.at("name");
  }
}

TEST(NameAnalyzer, ANameWithoutLettersHasNoTokensAndNoKeys) {
  const PersonName name = Created().Analyze(" -- , 1984 ");
  EXPECT_TRUE(name.tokens.empty());
  EXPECT_TRUE(BlockingKeys(name).empty());
}

TEST(NameAnalyzer, ClonesAnalyseAlikeOnTheirOwnThreads) {
  const NameAnalyzer analyzer = Created();
  const std::string expected = FirstFolds(analyzer.Analyze("Шухрат Юлдашев"));
  std::vector<std::string> seen(2);
  std::vector<std::thread> threads;
  for (std::string& result : seen) {
    threads.emplace_back([clone = analyzer.Clone(), &result]() mutable {
      for (int i = 0; i < 200; ++i) result = FirstFolds(clone.Analyze("Шухрат Юлдашев"));
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(seen[0], expected);
  EXPECT_EQ(seen[1], expected);
}

}  // namespace
}  // namespace kenes::names
