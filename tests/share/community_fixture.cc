#include "share/community_fixture.h"

#include "share/default_community.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::share {

void CommunityFixture::SetUp() {
  directory_ =
      std::filesystem::temp_directory_path() / ("kenes-share-" + std::to_string(::getpid()) + "-" +
                                                ::testing::UnitTest::GetInstance()->current_test_info()->name());
  std::filesystem::remove_all(directory_);
  std::filesystem::create_directories(directory_);
  Result<std::unique_ptr<store::Store>> store = store::OpenSqliteStore(directory_ / "kenes.db", {});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();
  Result<std::unique_ptr<Community>> community = Community::Open(Community::FileIn(directory_), *store_, clock_);
  ASSERT_TRUE(community.ok()) << community.status().ToString();
  community_ = std::move(community).value();
  Result<size_t> founded = community_->Found(operator_, DefaultCommunity());
  ASSERT_TRUE(founded.ok()) << founded.status().ToString();
}

void CommunityFixture::TearDown() {
  community_.reset();
  store_.reset();
  std::filesystem::remove_all(directory_);
}

Principal CommunityFixture::AddUser(const std::string& name, const std::string& code, Role role) {
  Status added = community_->AddUser(operator_, User{name, code, role, false, false}, std::nullopt);
  EXPECT_TRUE(added.ok()) << added.ToString();
  Result<Principal> principal = community_->ActAs(name, "test");
  EXPECT_TRUE(principal.ok()) << principal.status().ToString();
  return principal.ok() ? *principal : Principal{};
}

}  // namespace kenes::share
