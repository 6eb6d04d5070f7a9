// Status resources are kept for a bounded number and time, and read only by
// the organisation that POSTed.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/store_fixture.h"
#include "taxii/collections.h"
#include "taxii/taxii_fixture.h"

namespace kenes::taxii {
namespace {

class StatusTest : public TaxiiFixture {
 protected:
  void SetUp() override {
    options_.status_capacity = 2;
    options_.status_retention = std::chrono::hours(1);
    options_.clock = &clock_;
    TaxiiFixture::SetUp();
    analyst_ = AddUserWithKey("analyst", "KZ", share::Role::kAnalyst);
    own_ = CollectionPath(CollectionId(CollectionKind::kOwn, community_->FindOrganisation("KZ")->id), "objects/");
  }

  // POSTs an empty envelope and returns the path of its status resource.
  std::string PostStatus() {
    Reply posted = Post(own_, analyst_, Envelope({}));
    EXPECT_EQ(posted.status, 202) << posted.body;
    std::string id = At(posted.body, "/id");
    return fmt::format("{}status/{}/", Service::kApiRoot, id.substr(1, id.size() - 2));
  }

  std::string analyst_;
  std::string own_;
};

TEST_F(StatusTest, TheOldestGoBeyondCapacity) {
  std::string first = PostStatus();
  std::string second = PostStatus();
  EXPECT_EQ(Get(first, analyst_).status, 200);
  std::string third = PostStatus();
  EXPECT_EQ(Get(first, analyst_).status, 404);
  EXPECT_EQ(Get(second, analyst_).status, 200);
  EXPECT_EQ(Get(third, analyst_).status, 200);
}

TEST_F(StatusTest, TheyExpireAfterTheRetention) {
  std::string status = PostStatus();
  clock_.Set(store::TestTime(3599));
  EXPECT_EQ(Get(status, analyst_).status, 200);
  clock_.Set(store::TestTime(3601));
  Reply expired = Get(status, analyst_);
  EXPECT_EQ(expired.status, 404);
  EXPECT_EQ(At(expired.body, "/http_status"), "\"404\"");
}

}  // namespace
}  // namespace kenes::taxii
