// FoldToken on the cases of cases/folding.tsv: what each spelling folds to,
// most likely reading first.
#include "names/folding.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tsv_file.h"

namespace kenes::names {
namespace {

std::string Joined(const std::vector<std::string>& folds) {
  std::string joined;
  for (const std::string& fold : folds) joined += (joined.empty() ? "" : " ") + fold;
  return joined;
}

TEST(Folding, EveryCaseFoldsAsWritten) {
  const std::vector<TsvRow> rows = ReadTsv(std::string(KENES_NAMES_CASES_DIR) + "/folding.tsv");
  EXPECT_FALSE(rows.empty());
  for (const TsvRow& row : rows) {
    const Spelling spelling = row.at("spelling") == "typed" ? Spelling::kTyped : Spelling::kTransliterated;
    EXPECT_EQ(Joined(FoldToken(row.at("latin"), spelling)), row.at("folds")) << row.at("latin");
  }
}

TEST(Folding, AmbiguousSpellingsStopAtTheLimit) {
  // Nine letters read two or three ways each would give thousands of forms.
  EXPECT_LE(FoldToken("chxchxchx", Spelling::kTyped).size(), kMaxFolds);
  EXPECT_EQ(FoldToken("chxchxchx", Spelling::kTransliterated).size(), 1u);
}

}  // namespace
}  // namespace kenes::names
