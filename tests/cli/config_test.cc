#include "cli/config.h"

#include <gtest/gtest.h>

namespace kenes::cli {
namespace {

TEST(Config, ReadsKeysSectionsAndComments) {
  Config config = DefaultConfig();
  Status status = ApplyConfigText(
      "# a node of the KZ council\n"
      "data_dir = \"/srv/kenes\"  # quoted is fine\n"
      "\n"
      "[import]\n"
      "batch_size = 250\n",
      "kenes.conf", config);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(config.data_dir, "/srv/kenes");
  EXPECT_EQ(config.DatabasePath(), "/srv/kenes/kenes.db");
  EXPECT_EQ(config.import_batch_size, 250u);
}

TEST(Config, ErrorsNameFileLineAndProblem) {
  Config config = DefaultConfig();
  Status unknown = ApplyConfigText("data_dir = /x\ndatadir = /y\n", "kenes.conf", config);
  EXPECT_EQ(unknown.message(), "kenes.conf:2: unknown setting 'datadir'");
  Status no_equals = ApplyConfigText("data_dir /x\n", "kenes.conf", config);
  EXPECT_EQ(no_equals.message(), "kenes.conf:1: expected 'key = value'");
  Status bad_number = ApplyConfigText("[import]\nbatch_size = many\n", "kenes.conf", config);
  EXPECT_EQ(bad_number.message(), "kenes.conf:2: import.batch_size must be a whole number from 1 to 1000000");
  Status unclosed = ApplyConfigText("[import\n", "kenes.conf", config);
  EXPECT_EQ(unclosed.code(), StatusCode::kInvalidArgument);
}

TEST(Config, MissingFileIsNotFound) {
  Config config = DefaultConfig();
  EXPECT_EQ(LoadConfigFile("/nonexistent/kenes.conf", config).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kenes::cli
