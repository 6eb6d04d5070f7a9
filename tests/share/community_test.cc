// The community: organisations and parents, the default community, users,
// roles and what each may manage, and sharing groups.
#include <gtest/gtest.h>

#include "share/distribution_marking.h"

#include <algorithm>

#include "share/community_file.h"
#include "share/community_fixture.h"
#include "share/default_community.h"
#include "share/organisation_identity.h"

namespace kenes::share {
namespace {

using CommunityTest = CommunityFixture;

TEST_F(CommunityTest, DefaultCommunityHasTheFiveMembersAndFivePartnersWithTheDemoIds) {
  Result<std::vector<Organisation>> organisations = community_->Organisations();
  ASSERT_TRUE(organisations.ok());
  std::vector<std::string> members;
  std::vector<std::string> partners;
  for (const Organisation& organisation : *organisations) {
    (organisation.standing == Standing::kMember ? members : partners).push_back(organisation.code);
  }
  EXPECT_EQ(members, (std::vector<std::string>{"KZ", "KG", "TJ", "TM", "UZ"}));
  EXPECT_EQ(partners, (std::vector<std::string>{"EU", "CN", "US", "GCC", "DE"}));
  Result<Organisation> kazakhstan = community_->FindOrganisation("kz");  // codes ignore case
  ASSERT_TRUE(kazakhstan.ok());
  EXPECT_EQ(kazakhstan->id, "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b");
  EXPECT_EQ(community_->FindOrganisation("GCC")->country, "");
}

TEST_F(CommunityTest, FoundingPutsTheIdentitiesAndTheExtensionInTheStore) {
  for (std::string_view id : {kKenesIdentityId, kOrganisationExtensionId,
                              std::string_view("identity--dca0c749-607e-4c86-b54b-3c40881e2907")}) {
    EXPECT_TRUE(store_->Latest(id).ok()) << id;
  }
  Result<store::StoredVersion> germany = store_->Latest("identity--dca0c749-607e-4c86-b54b-3c40881e2907");
  EXPECT_NE(germany->json.find(R"("standing":"partner","country":"DE")"), std::string::npos) << germany->json;
}

TEST_F(CommunityTest, FoundingAgainChangesNothing) {
  Result<size_t> again = community_->Found(operator_, {{"", "XX", "Another", Standing::kMember, "", ""}});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 0u);
  EXPECT_EQ(community_->Organisations()->size(), 10u);
}

TEST_F(CommunityTest, AnOrganisationSitsUnderItsParent) {
  Result<Organisation> agency = community_->AddOrganisation(
      operator_, {"", "KZ-FIN", "Financial Monitoring Agency", Standing::kMember, "KZ", "KZ"});
  ASSERT_TRUE(agency.ok()) << agency.status().ToString();
  EXPECT_EQ(agency->parent, community_->FindOrganisation("KZ")->id);
  Result<store::StoredVersion> identity = store_->Latest(agency->id);
  ASSERT_TRUE(identity.ok());
  EXPECT_NE(identity->json.find("\"parent_ref\":\"" + agency->parent + "\""), std::string::npos);
}

TEST_F(CommunityTest, ParentsNeverFormACycle) {
  ASSERT_TRUE(community_->AddOrganisation(operator_, {"", "KZ-A", "Agency A", Standing::kMember, "KZ", "KZ"}).ok());
  ASSERT_TRUE(community_->AddOrganisation(operator_, {"", "KZ-B", "Agency B", Standing::kMember, "KZ", "KZ-A"}).ok());
  OrganisationChange change;
  change.parent = "KZ-B";
  Result<Organisation> cycle = community_->ChangeOrganisation(operator_, "KZ", change);
  EXPECT_EQ(cycle.status().code(), StatusCode::kInvalidArgument);
  change.parent = "KZ";
  EXPECT_EQ(community_->ChangeOrganisation(operator_, "KZ", change).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(CommunityTest, BadOrganisationsAreRefused) {
  struct Case {
    OrganisationSpec spec;
    StatusCode expected;
  };
  const Case cases[] = {
      {{"", "KZ", "Duplicate code", Standing::kMember, "KZ", ""}, StatusCode::kAlreadyExists},
      {{"", "Q1", "Unknown parent", Standing::kMember, "KZ", "NOPE"}, StatusCode::kNotFound},
      {{"", "Q2", "Not a country", Standing::kMember, "QQ1", ""}, StatusCode::kInvalidArgument},
      {{"", "Q3", "Unassigned country", Standing::kMember, "AB", ""}, StatusCode::kInvalidArgument},
      {{"", "Q4", "Lower-case country", Standing::kMember, "kz", ""}, StatusCode::kInvalidArgument},
      {{"", "4Q", "Code starts with a digit", Standing::kMember, "", ""}, StatusCode::kInvalidArgument},
      {{"", "Q5", "", Standing::kMember, "", ""}, StatusCode::kInvalidArgument},
      {{"indicator--f893a2ee-fb32-455e-b1c1-8690ee42c90b", "Q6", "Wrong id type", Standing::kMember, "", ""},
       StatusCode::kInvalidArgument},
      {{"identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b", "Q7", "Taken id", Standing::kMember, "", ""},
       StatusCode::kAlreadyExists},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(community_->AddOrganisation(operator_, test.spec).status().code(), test.expected) << test.spec.name;
  }
}

TEST(CountryCodeTest, AssignedReservedAndUserAssignedCodesOnly) {
  for (std::string_view good : {"KZ", "AD", "ZW", "EU", "DE", "XK", "QM", "QZ", "AA", "ZZ", ""}) {
    EXPECT_TRUE(CheckCountryCode(good).ok()) << good;
  }
  for (std::string_view bad : {"AB", "QL", "GCC", "K", "kz", "UK", "K1"}) {
    EXPECT_FALSE(CheckCountryCode(bad).ok()) << bad;
  }
}

TEST_F(CommunityTest, ChangingAnOrganisationWritesANewIdentityVersion) {
  clock_.Set(store::TestTime(30));
  OrganisationChange change;
  change.standing = Standing::kMember;
  change.name = "Gulf Cooperation Council";
  Result<Organisation> changed = community_->ChangeOrganisation(operator_, "GCC", change);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  Result<std::vector<store::StoredVersion>> versions = store_->Versions(changed->id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_NE(versions->back().json.find(R"("name":"Gulf Cooperation Council")"), std::string::npos);
  EXPECT_NE(versions->back().json.find(R"("standing":"member")"), std::string::npos);
}

TEST_F(CommunityTest, OnlyAnAdminChangesTheCommunity) {
  Principal org_admin = AddUser("aigerim", "KZ", Role::kOrgAdmin);
  EXPECT_EQ(community_->AddOrganisation(org_admin, {"", "KZ-X", "X", Standing::kMember, "KZ", "KZ"}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(community_->ChangeOrganisation(org_admin, "KZ", {}).status().code(), StatusCode::kPermissionDenied);
}

// What a principal of each role in KZ may do to users; each row is checked.
TEST_F(CommunityTest, WhoManagesWhichUsers) {
  AddUser("kz-admin", "KZ", Role::kOrgAdmin);
  AddUser("kz-analyst", "KZ", Role::kAnalyst);
  AddUser("kz-reader", "KZ", Role::kReader);
  AddUser("node-admin", "KZ", Role::kAdmin);
  struct Case {
    std::string actor;
    std::string organisation;  // of the new user
    Role role;                 // of the new user
    bool allowed;
  };
  const Case cases[] = {
      {"kz-admin", "KZ", Role::kAnalyst, true},   {"kz-admin", "KZ", Role::kOrgAdmin, true},
      {"kz-admin", "KZ", Role::kAdmin, false},    {"kz-admin", "KG", Role::kReader, false},
      {"kz-analyst", "KZ", Role::kReader, false}, {"kz-reader", "KZ", Role::kReader, false},
      {"node-admin", "KG", Role::kAdmin, true},   {"node-admin", "US", Role::kOrgAdmin, true},
  };
  int serial = 0;
  for (const Case& test : cases) {
    Principal actor = *community_->ActAs(test.actor, "test");
    std::string name = "new-" + std::to_string(serial++);
    Status status = community_->AddUser(actor, User{name, test.organisation, test.role, false, false}, std::nullopt);
    EXPECT_EQ(status.ok(), test.allowed) << test.actor << " adding " << RoleName(test.role) << " in "
                                         << test.organisation << ": " << status.ToString();
    if (!test.allowed) {
      EXPECT_EQ(status.code(), StatusCode::kPermissionDenied);
    }
  }
  Principal org_admin = *community_->ActAs("kz-admin", "test");
  EXPECT_EQ(community_->DisableUser(org_admin, "node-admin").code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(community_->DisableUser(org_admin, "kz-reader").ok());
  AddUser("kg-reader", "KG", Role::kReader);
  EXPECT_EQ(community_->DisableUser(org_admin, "kg-reader").code(), StatusCode::kPermissionDenied);
  Result<std::vector<User>> listed = community_->Users(org_admin);
  ASSERT_TRUE(listed.ok());
  for (const User& user : *listed) EXPECT_EQ(user.organisation, org_admin.organisation) << user.name;
  EXPECT_EQ(listed->size(), 6u);                        // kz-admin, kz-analyst, kz-reader, node-admin, new-0, new-1
  EXPECT_EQ(community_->Users(operator_)->size(), 9u);  // and new-6, new-7, kg-reader
  EXPECT_EQ(community_->Users(*community_->ActAs("kz-analyst", "test")).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(CommunityTest, UsersAreCheckedOnTheWayIn) {
  AddUser("alma", "KZ", Role::kReader);
  EXPECT_EQ(community_->AddUser(operator_, {"alma", "KZ", Role::kReader, false, false}, std::nullopt).code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(community_->AddUser(operator_, {"has space", "KZ", Role::kReader, false, false}, std::nullopt).code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(community_->AddUser(operator_, {"bob", "NOPE", Role::kReader, false, false}, std::nullopt).code(),
            StatusCode::kNotFound);
  EXPECT_EQ(community_->AddUser(operator_, {"bob", "KZ", Role::kReader, false, false}, "short").code(),
            StatusCode::kInvalidArgument);
}

TEST_F(CommunityTest, ActingAsAUserRefusesUnknownAndDisabledUsers) {
  Principal reader = AddUser("dana", "TJ", Role::kReader);
  EXPECT_EQ(reader.organisation, community_->FindOrganisation("TJ")->id);
  EXPECT_EQ(reader.role, Role::kReader);
  EXPECT_EQ(community_->ActAs("nobody", "test").status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(community_->DisableUser(operator_, "dana").ok());
  EXPECT_EQ(community_->ActAs("dana", "test").status().code(), StatusCode::kPermissionDenied);
}

TEST_F(CommunityTest, SharingGroupsAreManagedByTheirOwner) {
  Principal kz_admin = AddUser("kz-admin", "KZ", Role::kOrgAdmin);
  Principal kg_admin = AddUser("kg-admin", "KG", Role::kOrgAdmin);
  Principal us_reader = AddUser("us-reader", "US", Role::kReader);
  Result<SharingGroup> group = community_->AddGroup(kz_admin, "panj-border", "");
  ASSERT_TRUE(group.ok()) << group.status().ToString();
  EXPECT_EQ(group->owner, kz_admin.organisation);
  // Its distribution marking is in the store, for every member to read.
  Result<store::StoredVersion> marking =
      store_->Latest(DistributionMarkingId({DistributionKind::kGroup, group->id}));
  ASSERT_TRUE(marking.ok()) << marking.status().ToString();
  EXPECT_EQ(marking->type, "marking-definition");
  EXPECT_EQ(community_->AddGroup(kz_admin, "kg-group", "KG").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(community_->AddGroup(kz_admin, "panj-border", "").status().code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(community_->AddGroup(operator_, "kg-group", "KG").ok());

  EXPECT_TRUE(community_->AddGroupMember(kz_admin, "panj-border", "TJ").ok());
  EXPECT_TRUE(community_->AddGroupMember(kz_admin, "panj-border", "US").ok());
  EXPECT_EQ(community_->AddGroupMember(kz_admin, "panj-border", "US").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(community_->AddGroupMember(kg_admin, "panj-border", "KG").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(community_->AddGroupMember(us_reader, "panj-border", "CN").code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(community_->RemoveGroupMember(kz_admin, "panj-border", "TJ").ok());
  EXPECT_EQ(community_->RemoveGroupMember(kz_admin, "panj-border", "TJ").code(), StatusCode::kNotFound);

  // Each sees the groups its organisation owns or belongs to; the admin sees all.
  auto names = [&](const Principal& who) {
    std::vector<std::string> result;
    Result<std::vector<SharingGroup>> groups = community_->Groups(who);
    for (const SharingGroup& each : *groups) result.push_back(each.name);
    return result;
  };
  EXPECT_EQ(names(us_reader), std::vector<std::string>{"panj-border"});
  EXPECT_EQ(names(kg_admin), std::vector<std::string>{"kg-group"});
  EXPECT_EQ(names(operator_), (std::vector<std::string>{"kg-group", "panj-border"}));
  SharingGroup panj = community_->Groups(operator_)->back();
  EXPECT_EQ(panj.members, std::vector<std::string>{us_reader.organisation});
}

TEST(CommunityFileTest, DeclaresOrganisationsWithParents) {
  Result<std::vector<OrganisationSpec>> organisations =
      ParseCommunityFile(R"({"organisations":[{"code":"A","name":"Alpha","standing":"member","country":"KZ"},)"
                         R"({"code":"A-1","name":"Alpha one","standing":"partner","parent":"A",)"
                         R"("id":"identity--0b0d7f0c-8f4e-4a51-9b7e-3f9a1c2d4e5f"}]})",
                         "test");
  ASSERT_TRUE(organisations.ok()) << organisations.status().ToString();
  ASSERT_EQ(organisations->size(), 2u);
  EXPECT_EQ((*organisations)[1].parent, "A");
  EXPECT_EQ((*organisations)[1].standing, Standing::kPartner);
  EXPECT_EQ((*organisations)[1].id, "identity--0b0d7f0c-8f4e-4a51-9b7e-3f9a1c2d4e5f");
}

TEST(CommunityFileTest, RefusesWhatItDoesNotUnderstand) {
  const char* cases[] = {
      "not json",
      R"([])",
      R"({"organisations":[]})",
      R"({"organisations":[{"code":"A","name":"Alpha"}]})",
      R"({"organisations":[{"code":"A","name":"Alpha","standing":"observer"}]})",
      R"({"organisations":[{"code":"A","name":"Alpha","standing":"member","colour":"blue"}]})",
      R"({"organisations":[{"code":"A","name":"Alpha","standing":"member"}],"extra":1})",
  };
  for (const char* text : cases)
    EXPECT_EQ(ParseCommunityFile(text, "t").status().code(), StatusCode::kInvalidArgument) << text;
}

}  // namespace
}  // namespace kenes::share
