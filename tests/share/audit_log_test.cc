// The audit log: what gets recorded, filtering, and a hash chain that finds
// every edited, removed or reordered entry in a copy of the log.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "share/community_fixture.h"
#include "store/sqlite/connection.h"

namespace kenes::share {
namespace {

class AuditLogTest : public CommunityFixture {
 protected:
  // Six entries past founding, by two actors, a minute apart.
  void SetUp() override {
    CommunityFixture::SetUp();
    for (int i = 1; i <= 3; ++i) {
      clock_.Set(Timestamp{store::TestTime(0).seconds + 60 * i, 0, 0});
      AddUser("user-" + std::to_string(i), "KZ", Role::kReader);
    }
  }

  // Verifies a copy of the log after `tamper` ran on it.
  AuditVerification VerifyTamperedCopy(const std::string& tamper) {
    community_.reset();
    std::filesystem::path copy = directory_ / "copy.db";
    std::filesystem::copy_file(Community::FileIn(directory_), copy);
    {
      auto connection = store::sqlite::Connection::Open(copy, SQLITE_OPEN_READWRITE);
      EXPECT_TRUE(connection.ok());
      Status dropped =
          (*connection)->Execute("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;" + tamper);
      EXPECT_TRUE(dropped.ok()) << dropped.ToString();
    }
    auto opened = Community::Open(copy, *store_, clock_);
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    Result<AuditVerification> verification = (*opened)->audit().Verify();
    EXPECT_TRUE(verification.ok());
    return *verification;
  }
};

TEST_F(AuditLogTest, AnUntouchedLogVerifies) {
  Result<AuditVerification> verification = community_->audit().Verify();
  ASSERT_TRUE(verification.ok());
  EXPECT_TRUE(verification->intact) << verification->problem;
  // Founding, then an add and an act-as for each user.
  EXPECT_EQ(verification->entries, 7);
  Result<std::vector<AuditEntry>> all = community_->audit().Show({});
  EXPECT_EQ(verification->head_hash, all->back().hash);
  EXPECT_EQ(all->front().previous_hash, std::string(64, '0'));
}

TEST_F(AuditLogTest, KenesItselfCannotChangeOrDeleteEntries) {
  community_.reset();
  auto connection = store::sqlite::Connection::Open(Community::FileIn(directory_), SQLITE_OPEN_READWRITE);
  ASSERT_TRUE(connection.ok());
  EXPECT_FALSE((*connection)->Execute("UPDATE audit_log SET detail = 'x' WHERE sequence = 2").ok());
  EXPECT_FALSE((*connection)->Execute("DELETE FROM audit_log WHERE sequence = 2").ok());
}

TEST_F(AuditLogTest, VerifyFindsTheFirstBrokenEntry) {
  struct Case {
    std::string name;
    std::string tamper;
    int64_t first_broken;
    std::string problem;  // part of the message
  };
  const Case cases[] = {
      {"edit a field", "UPDATE audit_log SET actor = 'someone' WHERE sequence = 3", 3, "altered"},
      {"edit the time", "UPDATE audit_log SET time_us = time_us + 1 WHERE sequence = 5", 5, "altered"},
      {"edit and rehash", "UPDATE audit_log SET detail = 'nothing happened', hash = '<forged>' WHERE sequence = 3", 4,
       "does not follow"},
      {"delete one", "DELETE FROM audit_log WHERE sequence = 4", 4, "missing"},
      {"delete the first", "DELETE FROM audit_log WHERE sequence = 1", 1, "missing"},
      {"delete and renumber",
       "DELETE FROM audit_log WHERE sequence = 4; UPDATE audit_log SET sequence = sequence - 1 WHERE sequence > 4", 4,
       "does not follow"},
      {"swap two sequences",
       "UPDATE audit_log SET sequence = 100 WHERE sequence = 2; UPDATE audit_log SET sequence = 2 WHERE sequence = 3; "
       "UPDATE audit_log SET sequence = 3 WHERE sequence = 100",
       2, "does not follow"},
      {"swap two contents",
       "CREATE TEMP TABLE a AS SELECT * FROM audit_log WHERE sequence IN (5, 6);"
       "UPDATE audit_log SET (time_us, actor, organisation, action, target, outcome, detail, source, previous_hash, "
       "hash) = (SELECT time_us, actor, organisation, action, target, outcome, detail, source, previous_hash, hash "
       "FROM a WHERE a.sequence = 11 - audit_log.sequence) WHERE sequence IN (5, 6)",
       5, "does not follow"},
  };
  for (const Case& test : cases) {
    SCOPED_TRACE(test.name);
    TearDown();
    SetUp();
    // The hash an attacker would give entry 3 after editing it, to hide the edit.
    AuditEntry forged = community_->audit().Show({})->at(2);
    forged.detail = "nothing happened";
    std::string tamper = test.tamper;
    if (size_t at = tamper.find("<forged>"); at != std::string::npos) tamper.replace(at, 8, AuditEntryHash(forged));
    AuditVerification verification = VerifyTamperedCopy(tamper);
    EXPECT_FALSE(verification.intact);
    EXPECT_EQ(verification.first_broken, test.first_broken) << verification.problem;
    EXPECT_NE(verification.problem.find(test.problem), std::string::npos) << verification.problem;
  }
}

TEST_F(AuditLogTest, RecordAppendsWhatOthersReport) {
  Principal reader = *community_->ActAs("user-1", "http 192.0.2.9");
  ASSERT_TRUE(community_->audit()
                  .Record({reader, "object.read", "indicator--0f7d4c1e-8a3b-4f5e-9d2c-6b1a7e3f9c40", AuditOutcome::kOk,
                           "TLP:RED"})
                  .ok());
  AuditFilter filter;
  filter.action = "object.";
  Result<std::vector<AuditEntry>> reads = community_->audit().Show(filter);
  ASSERT_TRUE(reads.ok());
  ASSERT_EQ(reads->size(), 1u);
  EXPECT_EQ(reads->front().actor, "user-1");
  EXPECT_EQ(reads->front().organisation, reader.organisation);
  EXPECT_EQ(reads->front().source, "http 192.0.2.9");
  EXPECT_EQ(reads->front().detail, "TLP:RED");
  EXPECT_TRUE(community_->audit().Verify()->intact);
}

TEST_F(AuditLogTest, ConcurrentRecordsAreAllKeptInOneIntactChain) {
  Principal reader = *community_->ActAs("user-1", "http 192.0.2.9");
  constexpr int kThreads = 8;
  constexpr int kEach = 40;
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        AuditEvent event{reader, "object.read", fmt::format("thread {} read {}", t, i), AuditOutcome::kOk, ""};
        if (!community_->audit().Record(event).ok()) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  AuditFilter filter;
  filter.action = "object.read";
  Result<std::vector<AuditEntry>> reads = community_->audit().Show(filter);
  ASSERT_EQ(reads->size(), size_t{kThreads * kEach});
  // Each thread's entries keep its order.
  std::vector<int> next(kThreads, 0);
  for (const AuditEntry& entry : *reads) {
    int thread = 0;
    int read = 0;
    ASSERT_EQ(std::sscanf(entry.target.c_str(), "thread %d read %d", &thread, &read), 2);
    EXPECT_EQ(read, next[thread]++);
  }
  EXPECT_TRUE(community_->audit().Verify()->intact);
}

TEST_F(AuditLogTest, ShowFiltersByActorActionAndTime) {
  struct Case {
    AuditFilter filter;
    std::vector<std::string> expected;  // "action target" of each entry
  };
  const Case cases[] = {
      {{"", "user.add", std::nullopt, std::nullopt}, {"user.add user-1", "user.add user-2", "user.add user-3"}},
      {{"", "user.", std::nullopt, std::nullopt}, {"user.add user-1", "user.add user-2", "user.add user-3"}},
      {{"", "auth.", Timestamp{store::TestTime(0).seconds + 120, 0, 0}, std::nullopt},
       {"auth.act-as user-2", "auth.act-as user-3"}},
      {{"", "", Timestamp{store::TestTime(0).seconds + 60, 0, 0}, Timestamp{store::TestTime(0).seconds + 120, 0, 0}},
       {"user.add user-1", "auth.act-as user-1"}},
      {{"nobody", "", std::nullopt, std::nullopt}, {}},
      {{std::string(Principal::kNodeOperator), "community.", std::nullopt, std::nullopt}, {"community.found "}},
  };
  for (const Case& test : cases) {
    Result<std::vector<AuditEntry>> entries = community_->audit().Show(test.filter);
    ASSERT_TRUE(entries.ok());
    std::vector<std::string> seen;
    for (const AuditEntry& entry : *entries) seen.push_back(entry.action + " " + entry.target);
    EXPECT_EQ(seen, test.expected) << test.filter.actor << " " << test.filter.action;
  }
}

}  // namespace
}  // namespace kenes::share
