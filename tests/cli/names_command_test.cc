// `kenes names compare`: the verdict as an exit code, the score and folded
// forms on standard output, usage errors as exit 2.
#include <gtest/gtest.h>

#include <string>

#include "kenes_process_fixture.h"

namespace {

using NamesCommand = kenes::cli::KenesProcessTest;
using kenes::cli::Outcome;

TEST_F(NamesCommand, TheSameNameAcrossScriptsExitsZeroAndPrintsTheFoldedForms) {
  const Outcome outcome = Kenes("names compare 'Сейтказиев Нурлан Маратович' 'SEYTKAZIYEV NURLAN'");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("score  1.000"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("left   seitkasiev nurlan (marat)"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("right  seitkasiev nurlan"), std::string::npos) << outcome.out;
}

TEST_F(NamesCommand, AnotherGenderFormExitsOneAndSaysWhy) {
  const Outcome outcome = Kenes("names compare 'Жанар Оспанова' 'Zhanar Ospanov'");
  EXPECT_EQ(outcome.exit_code, 1) << outcome.err;
  EXPECT_NE(outcome.out.find("different"), std::string::npos) << outcome.out;
  EXPECT_NE(outcome.out.find("gender"), std::string::npos) << outcome.out;
}

TEST_F(NamesCommand, AMissingNameOrANameWithoutLettersIsAUsageError) {
  EXPECT_EQ(Kenes("names compare 'Nurlan Seitkaziev'").exit_code, 2);
  EXPECT_EQ(Kenes("names compare 'Nurlan Seitkaziev' '--- ...'").exit_code, 2);
  EXPECT_EQ(Kenes("names").exit_code, 2);
}

}  // namespace
