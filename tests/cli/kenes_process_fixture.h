// KenesProcessTest: runs the built `kenes` binary as a person or a script
// would, in a data directory of its own that the test removes afterwards.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace kenes::cli {

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class KenesProcessTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Runs `kenes --data-dir <dir>/data ARGS`, feeding `input` on stdin.
  Outcome Kenes(const std::string& args, const std::string& input = "");

  // Writes `content` to `name` in the test's directory; returns its path.
  std::string File(const std::string& name, const std::string& content);

  std::filesystem::path dir_;
};

}  // namespace kenes::cli
