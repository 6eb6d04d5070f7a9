// Visibility: reads with a Viewer see only the versions its label grants
// admit, through every read path, and a hidden id reads like an unknown one.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kenes::store {
namespace {

class VisibilityTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_ = Open();
    // indicator 1: v1 shared with audience 1 at level 2, v2 back to its author only.
    // indicator 2: group "g" at level 0; indicator 3: unlabelled, author "identity--b".
    stix::Object unlabelled = MakeSdo(TestId("indicator", 3), TestTime(1));
    unlabelled.created_by_ref = "identity--b";
    std::vector<stix::Object> objects = {MakeSdo(TestId("indicator", 1), TestTime(1)),
                                         MakeSdo(TestId("indicator", 1), TestTime(2)),
                                         MakeSdo(TestId("indicator", 2), TestTime(1)), unlabelled};
    std::vector<AccessLabel> labels = {{"identity--a", 1, 2, ""},
                                       {"identity--a", 0, 2, ""},
                                       {"identity--a", 3, 0, "g"},
                                       {"identity--b", 0, 0, ""}};
    Result<std::vector<WriteResult>> results = store_->Put(objects, labels);
    ASSERT_TRUE(results.ok()) << results.status().ToString();
  }

  std::unique_ptr<Store> store_;
};

TEST_F(VisibilityTest, AuthorSeesEveryVersionItOwns) {
  Viewer author{"identity--a", {}};
  EXPECT_EQ(store_->Versions(TestId("indicator", 1), &author)->size(), 2u);
  EXPECT_EQ(store_->Latest(TestId("indicator", 1), &author)->version, TestTime(2));
  EXPECT_TRUE(store_->Latest(TestId("indicator", 2), &author).ok());
  EXPECT_FALSE(store_->Latest(TestId("indicator", 3), &author).ok());
  EXPECT_EQ(store_->Count(&author)->versions, 3);
}

TEST_F(VisibilityTest, GrantSeesOnlyAdmittedVersions) {
  Viewer reader{"identity--c", {{1, 1u << 2, ""}}};
  Result<std::vector<StoredVersion>> versions = store_->Versions(TestId("indicator", 1), &reader);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 1u);
  // The latest this reader may see is the older version.
  EXPECT_EQ(store_->Latest(TestId("indicator", 1), &reader)->version, TestTime(1));
  EXPECT_TRUE(store_->Version(TestId("indicator", 1), TestTime(1), &reader).ok());
  Result<StoredVersion> hidden = store_->Version(TestId("indicator", 1), TestTime(2), &reader);
  EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "no version 2026-01-01T00:00:02.000Z of " + TestId("indicator", 1));

  ListQuery query;
  query.viewer = reader;
  query.versions.last = true;
  Result<Page> page = store_->List(query);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->versions.size(), 1u);
  EXPECT_EQ(page->versions[0].version, TestTime(1));
  Result<Counts> counts = store_->Count(&reader);
  EXPECT_EQ(counts->versions, 1);
  EXPECT_EQ(counts->objects, 1);
}

TEST_F(VisibilityTest, HiddenAndUnknownIdsGiveTheSameAnswer) {
  Viewer stranger{"identity--z", {{1, 1u << 3, ""}, {3, 1u << 1, "g"}, {3, 1, "never-stored"}}};
  // The message names only the id asked for, worded as for an id never stored.
  for (int number : {1, 2, 3, 9}) {
    Result<StoredVersion> latest = store_->Latest(TestId("indicator", number), &stranger);
    EXPECT_EQ(latest.status().code(), StatusCode::kNotFound);
    EXPECT_EQ(latest.status().message(), "no object " + TestId("indicator", number));
    Result<std::vector<StoredVersion>> versions = store_->Versions(TestId("indicator", number), &stranger);
    EXPECT_EQ(versions.status().message(), "no object " + TestId("indicator", number));
  }
  EXPECT_EQ(store_->Count(&stranger)->versions, 0);
  ListQuery query;
  query.viewer = stranger;
  EXPECT_TRUE(store_->List(query)->versions.empty());
}

TEST_F(VisibilityTest, GroupGrantsMatchTheirGroupOnly) {
  Viewer in_group{"", {{3, 1, "g"}}};
  Viewer without_group{"", {{3, 1, ""}}};
  EXPECT_TRUE(store_->Latest(TestId("indicator", 2), &in_group).ok());
  EXPECT_FALSE(store_->Latest(TestId("indicator", 2), &without_group).ok());
}

TEST_F(VisibilityTest, UnfilteredReadsSeeEverything) {
  EXPECT_EQ(store_->Count()->versions, 4);
  EXPECT_EQ(store_->Latest(TestId("indicator", 1))->version, TestTime(2));
}

TEST_F(VisibilityTest, RefusesMismatchedOrOutOfRangeLabels) {
  std::vector<stix::Object> objects = {MakeSdo(TestId("indicator", 5), TestTime(1))};
  std::vector<AccessLabel> two(2);
  EXPECT_EQ(store_->Put(objects, two).status().code(), StatusCode::kInvalidArgument);
  std::vector<AccessLabel> wide = {{"identity--a", 16, 0, ""}};
  EXPECT_EQ(store_->Put(objects, wide).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->Count()->versions, 4);
}

}  // namespace
}  // namespace kenes::store
