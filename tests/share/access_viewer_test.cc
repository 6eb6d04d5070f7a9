// Viewer facts from the real community model, used end to end: a national
// agency sees its council's group's AMBER but not its AMBER+STRICT.
#include <gtest/gtest.h>

#include "share/access_viewer.h"
#include "share/community_fixture.h"
#include "store/store_fixture.h"

namespace kenes::share {
namespace {

using AccessViewerTest = CommunityFixture;

TEST_F(AccessViewerTest, FactsComeFromStandingGroupsAndParent) {
  ASSERT_TRUE(community_->AddOrganisation(operator_, {"", "KZ-FIN", "Agency", Standing::kPartner, "KZ", "KZ"}).ok());
  Result<SharingGroup> group = community_->AddGroup(operator_, "caspian", "KZ");
  ASSERT_TRUE(group.ok()) << group.status().ToString();
  ASSERT_TRUE(community_->AddGroupMember(operator_, "caspian", "KZ").ok());

  Result<ViewerFacts> agency = ViewerFactsOf(*community_, "KZ-FIN");
  ASSERT_TRUE(agency.ok()) << agency.status().ToString();
  EXPECT_EQ(agency->organisation, community_->FindOrganisation("KZ-FIN")->id);
  EXPECT_TRUE(agency->place.partner);
  EXPECT_FALSE(agency->place.member);
  EXPECT_TRUE(agency->place.groups.empty());
  ASSERT_TRUE(agency->parent.has_value());
  EXPECT_TRUE(agency->parent->member);
  EXPECT_EQ(agency->parent->groups, std::vector<std::string>{group->id});
  EXPECT_EQ(SharingGroupIds(*community_).value(), std::vector<std::string>{group->id});

  const std::string kg = community_->FindOrganisation("KG")->id;
  const Distribution to_group{DistributionKind::kGroup, group->id};
  std::vector<stix::Object> objects = {store::MakeSdo(store::TestId("indicator", 1), store::TestTime(1)),
                                       store::MakeSdo(store::TestId("indicator", 2), store::TestTime(1))};
  std::vector<store::AccessLabel> labels = {ToStoreLabel({kg, Tlp::kAmber, to_group}),
                                            ToStoreLabel({kg, Tlp::kAmberStrict, to_group})};
  ASSERT_TRUE(store_->Put(objects, labels).ok());
  store::Viewer viewer = StoreViewer(*agency);
  EXPECT_TRUE(store_->Latest(objects[0].id, &viewer).ok());
  EXPECT_EQ(store_->Latest(objects[1].id, &viewer).status().code(), StatusCode::kNotFound);
}

TEST_F(AccessViewerTest, UnknownOrganisationsAreOutsidersOrNotFound) {
  Result<ViewerFacts> outsider = ViewerFactsOf(*community_, "identity--99999999-9999-4999-8999-999999999999");
  ASSERT_TRUE(outsider.ok());
  EXPECT_FALSE(outsider->place.member || outsider->place.partner || outsider->parent);
  EXPECT_EQ(ViewerFactsOf(*community_, "NOPE").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace kenes::share
