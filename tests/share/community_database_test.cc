// community.db: what is written survives a reopen, and a file that is not a
// community database of this or an older release is refused, not misread.
#include <gtest/gtest.h>

#include "share/community_fixture.h"
#include "store/sqlite/connection.h"

namespace kenes::share {
namespace {

using CommunityDatabaseTest = CommunityFixture;

TEST_F(CommunityDatabaseTest, EverythingSurvivesAReopen) {
  AddUser("asel", "KZ", Role::kAnalyst);
  Result<std::string> key = community_->CreateKey(operator_, NewKey{"asel", std::nullopt, ""});
  ASSERT_TRUE(key.ok());
  ASSERT_TRUE(community_->AddGroup(operator_, "flood-response", "KZ").ok());
  community_.reset();
  Result<std::unique_ptr<Community>> reopened = Community::Open(Community::FileIn(directory_), *store_, clock_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ((*reopened)->Organisations()->size(), 10u);
  EXPECT_EQ((*reopened)->Authenticate(*key, "test")->user, "asel");
  EXPECT_EQ((*reopened)->Groups(operator_)->size(), 1u);
  EXPECT_TRUE((*reopened)->audit().Verify()->intact);
}

TEST_F(CommunityDatabaseTest, OtherFilesAreRefused) {
  // The object store's own file is a Kenes database, but not a community one.
  Result<std::unique_ptr<Community>> store_file = Community::Open(directory_ / "kenes.db", *store_, clock_);
  EXPECT_EQ(store_file.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store_file.status().message().find("not a Kenes community database"), std::string::npos);

  community_.reset();
  {
    auto connection = store::sqlite::Connection::Open(Community::FileIn(directory_), SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE((*connection)->Execute("PRAGMA user_version = 99").ok());
  }
  Result<std::unique_ptr<Community>> newer = Community::Open(Community::FileIn(directory_), *store_, clock_);
  EXPECT_EQ(newer.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(newer.status().message().find("newer Kenes release"), std::string::npos) << newer.status().message();
}

OrganisationChange DefaultTlpChange(Tlp tlp) {
  OrganisationChange change;
  change.default_tlp = tlp;
  return change;
}

TEST_F(CommunityDatabaseTest, AFirstReleaseDatabaseGainsDefaultTlpLevels) {
  ASSERT_TRUE(community_->ChangeOrganisation(operator_, "KG", DefaultTlpChange(Tlp::kGreen)).ok());
  community_.reset();
  {
    // What the first release wrote: no default_tlp column, schema version 1.
    auto connection = store::sqlite::Connection::Open(Community::FileIn(directory_), SQLITE_OPEN_READWRITE);
    ASSERT_TRUE(connection.ok());
    ASSERT_TRUE((*connection)->Execute("ALTER TABLE organisations DROP COLUMN default_tlp; PRAGMA user_version = 1").ok());
  }
  Result<std::unique_ptr<Community>> migrated = Community::Open(Community::FileIn(directory_), *store_, clock_);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_EQ((*migrated)->FindOrganisation("KG")->default_tlp, Tlp::kAmber);
  EXPECT_EQ((*migrated)->Organisations()->size(), 10u);
  ASSERT_TRUE((*migrated)->ChangeOrganisation(operator_, "KG", DefaultTlpChange(Tlp::kRed)).ok());
  EXPECT_EQ((*migrated)->FindOrganisation("KG")->default_tlp, Tlp::kRed);
}

}  // namespace
}  // namespace kenes::share
