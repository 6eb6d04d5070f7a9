// A write acknowledged is a write kept: a child process stores batches and is
// killed with SIGKILL mid-stream, without closing; every batch it reported as
// acknowledged must be there when the parent reopens the file.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store_fixture.h"

namespace kenes::store {
namespace {

using DurabilityTest = StoreFixture;

constexpr int kBatchSize = 200;
constexpr int kBatchesBeforeKill = 15;

std::vector<stix::Object> Batch(int batch) {
  std::vector<stix::Object> objects;
  for (int i = 0; i < kBatchSize; ++i) {
    objects.push_back(MakeSdo(TestId("indicator", batch * kBatchSize + i), TestTime(1), R"(,"pattern_type":"stix")"));
  }
  return objects;
}

// Runs in the child: writes batches forever, reporting each acknowledged one.
[[noreturn]] void WriteUntilKilled(const std::filesystem::path& file, int report_fd) {
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(file);
  if (!store.ok()) _exit(2);
  for (int batch = 0;; ++batch) {
    if (!(*store)->Put(Batch(batch)).ok()) _exit(3);
    if (write(report_fd, &batch, sizeof batch) != sizeof batch) _exit(4);
  }
}

TEST_F(DurabilityTest, EveryAcknowledgedBatchSurvivesKillNine) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    WriteUntilKilled(path(), pipe_fds[1]);
  }
  close(pipe_fds[1]);

  int acknowledged = -1;
  int batch = 0;
  while (read(pipe_fds[0], &batch, sizeof batch) == sizeof batch) {
    acknowledged = batch;
    // Killed while it is most likely in the middle of the next batch.
    if (batch + 1 == kBatchesBeforeKill) kill(child, SIGKILL);
  }
  close(pipe_fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended by itself with status " << WEXITSTATUS(status);
  ASSERT_GE(acknowledged, kBatchesBeforeKill - 1);

  auto store = Open();
  ASSERT_NE(store, nullptr);
  for (int each = 0; each <= acknowledged; ++each) {
    for (const stix::Object& object : Batch(each)) {
      Result<StoredVersion> stored = store->Latest(object.id);
      ASSERT_TRUE(stored.ok()) << "batch " << each << ": " << stored.status().ToString();
      ASSERT_EQ(stored->json, object.json);
    }
  }
  // Whole batches only: a batch in flight at the kill is entirely there or entirely absent.
  Result<Counts> counts = store->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->versions % kBatchSize, 0);
  EXPECT_GE(counts->versions, (acknowledged + 1) * kBatchSize);
}

}  // namespace
}  // namespace kenes::store
