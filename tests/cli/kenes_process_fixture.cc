#include "kenes_process_fixture.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace kenes::cli {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& path) {
  std::ifstream file(path);
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

}  // namespace

void KenesProcessTest::SetUp() {
  dir_ = fs::temp_directory_path() / ("kenes-cli-" + std::to_string(::getpid()) + "-" +
                                      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir_);
  fs::create_directories(dir_);
}

void KenesProcessTest::TearDown() { fs::remove_all(dir_); }

Outcome KenesProcessTest::Kenes(const std::string& args, const std::string& input) {
  File("stdin", input);
  std::string command = std::string(KENES_BINARY) + " --data-dir " + (dir_ / "data").string() + " " + args + " < " +
                        (dir_ / "stdin").string() + " > " + (dir_ / "stdout").string() + " 2> " +
                        (dir_ / "stderr").string();
  int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadAll(dir_ / "stdout"), ReadAll(dir_ / "stderr")};
}

std::string KenesProcessTest::File(const std::string& name, const std::string& content) {
  std::ofstream(dir_ / name) << content;
  return (dir_ / name).string();
}

}  // namespace kenes::cli
