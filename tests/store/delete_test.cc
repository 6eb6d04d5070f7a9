// Delete: removes exactly the selected visible versions, durably, and every
// read (Latest, Versions, List, Count, search, references) agrees afterwards.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kenes::store {
namespace {

const std::string kAuthorA = "identity--a";
const std::string kAuthorB = "identity--b";

// indicator 1: @1 and @2 labelled A (audience 1, level 1), @3 labelled B (audience 1, level 1).
// indicator 2: @1 A; ipv4-addr 1: A.
class DeleteTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_ = Open();
    PutAll(
        *store_,
        {MakeSdo(TestId("indicator", 1), TestTime(1)), MakeSdo(TestId("indicator", 1), TestTime(2)),
         MakeSdo(TestId("indicator", 1), TestTime(3)), MakeSdo(TestId("indicator", 2), TestTime(1)),
         MakeSco(TestId("ipv4-addr", 1), "192.0.2.1")},
        {{kAuthorA, 1, 1, ""}, {kAuthorA, 1, 1, ""}, {kAuthorB, 1, 1, ""}, {kAuthorA, 1, 1, ""}, {kAuthorA, 1, 1, ""}});
  }

  Result<size_t> Delete(int number, VersionMatch match, const Viewer* viewer = nullptr,
                        std::vector<std::string> spec_versions = {}) {
    return store_->Delete(TestId("indicator", number), match, spec_versions, viewer);
  }

  // Versions by VersionName, through Versions() and List(), which must agree.
  std::vector<std::string> Remaining(int number) {
    std::vector<std::string> names;
    Result<std::vector<StoredVersion>> versions = store_->Versions(TestId("indicator", number));
    if (versions.ok()) {
      for (const StoredVersion& version : *versions) names.push_back(VersionName(version));
    } else {
      EXPECT_EQ(versions.status().code(), StatusCode::kNotFound);
    }
    ListQuery query;
    query.ids = {TestId("indicator", number)};
    EXPECT_EQ(ListNames(*store_, query), names);
    return names;
  }

  // Starts over in a new, empty directory.
  void StartEmpty(SqliteStoreOptions options = {}) {
    store_.reset();
    StoreFixture::TearDown();
    StoreFixture::SetUp();
    store_ = Open(options);
  }

  // Starts over with the data SetUp writes.
  void StartAgain() {
    store_.reset();
    TearDown();
    SetUp();
  }

  std::unique_ptr<Store> store_;
};

VersionMatch First() {
  VersionMatch match;
  match.first = true;
  return match;
}

VersionMatch Last() {
  VersionMatch match;
  match.last = true;
  return match;
}

VersionMatch At(std::vector<Timestamp> at) {
  VersionMatch match;
  match.at = std::move(at);
  return match;
}

struct DeleteCase {
  const char* name;
  VersionMatch match;
  std::vector<std::string> spec_versions;
  size_t removed;
  std::vector<std::string> remaining;
};

TEST_F(DeleteTest, RemovesWhatTheMatchSelects) {
  const std::string at1 = VersionName("indicator", 1, 1), at2 = VersionName("indicator", 1, 2),
                    at3 = VersionName("indicator", 1, 3);
  VersionMatch first_or_last = First();
  first_or_last.last = true;
  const std::vector<DeleteCase> cases = {
      {"every version", {}, {}, 3, {}},
      {"the first", First(), {}, 1, {at2, at3}},
      {"the last", Last(), {}, 1, {at1, at2}},
      {"first or last", first_or_last, {}, 2, {at2}},
      {"at an instant", At({TestTime(2)}), {}, 1, {at1, at3}},
      {"at two instants", At({TestTime(1), TestTime(3)}), {}, 2, {at2}},
      {"of a spec version", {}, {"2.1"}, 3, {}},
      {"last of a spec version", Last(), {"2.0", "2.1"}, 1, {at1, at2}},
  };
  for (const DeleteCase& delete_case : cases) {
    SCOPED_TRACE(delete_case.name);
    StartAgain();
    Result<size_t> removed = Delete(1, delete_case.match, nullptr, delete_case.spec_versions);
    ASSERT_TRUE(removed.ok()) << removed.status().ToString();
    EXPECT_EQ(*removed, delete_case.removed);
    EXPECT_EQ(Remaining(1), delete_case.remaining);
    EXPECT_EQ(Remaining(2), std::vector{VersionName("indicator", 2, 1)});
    Counts counts = store_->Count().value();
    EXPECT_EQ(counts.versions, 5 - static_cast<int64_t>(delete_case.removed));
    EXPECT_EQ(counts.objects, delete_case.remaining.empty() ? 2 : 3);
    EXPECT_EQ(counts.by_type["indicator"].versions, 4 - static_cast<int64_t>(delete_case.removed));
    if (!delete_case.remaining.empty()) {
      EXPECT_EQ(VersionName(store_->Latest(TestId("indicator", 1)).value()), delete_case.remaining.back());
    }
  }
}

TEST_F(DeleteTest, NothingMatchingIsNotFound) {
  EXPECT_EQ(Delete(9, {}).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Delete(1, At({TestTime(7)})).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Delete(1, {}, nullptr, {"2.0"}).status().code(), StatusCode::kNotFound);
  Viewer stranger{"identity--c", {{2, 0xffff, ""}}};
  Result<size_t> hidden = Delete(1, {}, &stranger);
  EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "no matching version of " + TestId("indicator", 1));
  EXPECT_EQ(Delete(9, {}, &stranger).status().message(), "no matching version of " + TestId("indicator", 9));
  EXPECT_EQ(store_->Count()->versions, 5);
}

TEST_F(DeleteTest, AnAuthorWithoutGrantsDeletesOnlyItsOwnVersions) {
  Viewer own_a{kAuthorA, {}};
  // The last version A may see is @2: B's @3 is not A's.
  EXPECT_EQ(Delete(1, Last(), &own_a).value(), 1u);
  EXPECT_EQ(Remaining(1), (std::vector{VersionName("indicator", 1, 1), VersionName("indicator", 1, 3)}));
  EXPECT_EQ(Delete(1, {}, &own_a).value(), 1u);
  EXPECT_EQ(Remaining(1), std::vector{VersionName("indicator", 1, 3)});
  EXPECT_EQ(Delete(1, {}, &own_a).status().code(), StatusCode::kNotFound);
  Viewer own_b{kAuthorB, {}};
  EXPECT_EQ(Delete(1, First(), &own_b).value(), 1u);
  EXPECT_TRUE(Remaining(1).empty());
  EXPECT_EQ(store_->Count()->objects, 2);
  EXPECT_EQ(store_->Count(&own_a)->versions, 2);
}

TEST_F(DeleteTest, AGrantedViewerDeletesWhatItSees) {
  Viewer reader{"identity--c", {{1, 1u << 1, ""}}};
  EXPECT_EQ(Delete(1, {}, &reader).value(), 3u);
  EXPECT_TRUE(Remaining(1).empty());
}

TEST_F(DeleteTest, AnScoIsItsOwnFirstAndLastVersion) {
  for (const VersionMatch& match : {First(), Last()}) {
    StartAgain();
    EXPECT_EQ(store_->Delete(TestId("ipv4-addr", 1), match, {}, nullptr).value(), 1u);
    EXPECT_EQ(store_->Latest(TestId("ipv4-addr", 1)).status().code(), StatusCode::kNotFound);
    EXPECT_EQ(store_->Count()->by_type.count("ipv4-addr"), 0u);
  }
  EXPECT_EQ(store_->Delete(TestId("ipv4-addr", 1), At({TestTime(0)}), {}, nullptr).status().code(),
            StatusCode::kNotFound);
}

TEST_F(DeleteTest, DeletionIsDurableAndTheIdCanBeStoredAgain) {
  ASSERT_TRUE(Delete(1, {}).ok());
  store_.reset();
  store_ = Open();
  EXPECT_TRUE(Remaining(1).empty());
  EXPECT_EQ(store_->Count()->versions, 2);
  EXPECT_EQ(PutAll(*store_, {MakeSdo(TestId("indicator", 1), TestTime(2))})[0].outcome, WriteOutcome::kStored);
  EXPECT_EQ(Remaining(1), std::vector{VersionName("indicator", 1, 2)});
  Counts counts = store_->Count().value();
  EXPECT_EQ(counts.versions, 3);
  EXPECT_EQ(counts.objects, 3);
}

TEST_F(DeleteTest, DeletionAcrossBothLevelsOfTheIdIndex) {
  SqliteStoreOptions options;
  options.recent_ids_limit = 2;  // every batch of two or more merges
  StartEmpty(options);
  PutAll(*store_, {MakeSdo(TestId("indicator", 1), TestTime(1)), MakeSdo(TestId("indicator", 2), TestTime(1))});
  PutAll(*store_, {MakeSdo(TestId("indicator", 1), TestTime(2))});
  EXPECT_EQ(Delete(1, {}).value(), 2u);
  EXPECT_TRUE(Remaining(1).empty());
  EXPECT_EQ(Remaining(2), std::vector{VersionName("indicator", 2, 1)});
}

TEST_F(DeleteTest, NewVersionsAreStampedAfterDeletedOnesWhenTheClockStepsBack) {
  ManualClock clock(*ParseTimestamp("2026-03-01T00:00:00Z"));
  SqliteStoreOptions options;
  options.clock = &clock;
  StartEmpty(options);
  const Timestamp deleted = PutAll(*store_, {MakeSdo(TestId("indicator", 1), TestTime(1))})[0].date_added;
  ASSERT_TRUE(Delete(1, {}).ok());
  clock.Set(*ParseTimestamp("2026-02-01T00:00:00Z"));
  store_.reset();
  store_ = Open(options);
  EXPECT_GT(PutAll(*store_, {MakeSdo(TestId("indicator", 2), TestTime(1))})[0].date_added, deleted);
  store_.reset();  // before the clock goes
}

}  // namespace
}  // namespace kenes::store
