// Object grants: an organisation granted an object reads every version of it
// through every read path, survives a reopen, and still cannot remove it;
// no one else gains anything.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kenes::store {
namespace {

const std::string kHolder = "identity--holder";
const std::string kRequester = "identity--requester";  // authored nothing: its authors row comes with the grant

// indicator 1 @1 and @2, ipv4-addr 1: the holder's only. indicator 2: the holder's, never granted.
class ObjectGrantTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_ = Open();
    PutAll(*store_,
           {MakeSdo(TestId("indicator", 1), TestTime(1)), MakeSdo(TestId("indicator", 1), TestTime(2)),
            MakeSco(TestId("ipv4-addr", 1), "192.0.2.1"), MakeSdo(TestId("indicator", 2), TestTime(1))},
           {{kHolder, 0, 2, ""}, {kHolder, 0, 2, ""}, {kHolder, 0, 2, ""}, {kHolder, 0, 2, ""}});
  }

  std::vector<std::string> Listed(const Viewer& viewer) {
    ListQuery query;
    query.viewer = viewer;
    return ListNames(*store_, query);
  }

  std::unique_ptr<Store> store_;
  Viewer requester_{kRequester, {}};
};

TEST_F(ObjectGrantTest, UngrantedObjectsStayHidden) {
  EXPECT_EQ(store_->Latest(TestId("indicator", 1), &requester_).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Listed(requester_).empty());
}

TEST_F(ObjectGrantTest, GranteeReadsEveryVersionEverywhere) {
  ASSERT_TRUE(store_->GrantObject(TestId("indicator", 1), kRequester).ok());
  ASSERT_TRUE(store_->GrantObject(TestId("ipv4-addr", 1), kRequester).ok());
  ASSERT_TRUE(store_->GrantObject(TestId("ipv4-addr", 1), kRequester).ok());  // twice is once

  EXPECT_EQ(store_->Latest(TestId("indicator", 1), &requester_)->version, TestTime(2));
  EXPECT_EQ(store_->Versions(TestId("indicator", 1), &requester_)->size(), 2u);
  EXPECT_TRUE(store_->Version(TestId("ipv4-addr", 1), std::nullopt, &requester_).ok());
  EXPECT_EQ(store_->Latest(TestId("indicator", 2), &requester_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Listed(requester_),
            (std::vector<std::string>{VersionName("indicator", 1, 1), VersionName("indicator", 1, 2),
                                      VersionName("ipv4-addr", 1)}));
  EXPECT_EQ(store_->Count(&requester_)->objects, 2);

  // A third organisation gains nothing from another's grant.
  Viewer third{"identity--third", {}};
  EXPECT_TRUE(Listed(third).empty());
}

TEST_F(ObjectGrantTest, GrantIsDurable) {
  ASSERT_TRUE(store_->GrantObject(TestId("indicator", 1), kRequester).ok());
  store_.reset();
  store_ = Open();
  EXPECT_TRUE(store_->Latest(TestId("indicator", 1), &requester_).ok());
}

TEST_F(ObjectGrantTest, GranteeCannotRemove) {
  ASSERT_TRUE(store_->GrantObject(TestId("indicator", 1), kRequester).ok());
  Result<size_t> removed = store_->Delete(TestId("indicator", 1), {}, {}, &requester_);
  EXPECT_EQ(removed.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->Versions(TestId("indicator", 1))->size(), 2u);
}

}  // namespace
}  // namespace kenes::store
