// CommunityFixture: a fresh data directory per test with an object store, a
// clock the test moves, and the default community founded in it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "share/community.h"
#include "store/store.h"
#include "store/store_fixture.h"

namespace kenes::share {

class CommunityFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Adds user `name` of organisation `code` with `role` (as the operator) and
  // returns the principal it acts as.
  Principal AddUser(const std::string& name, const std::string& code, Role role);

  std::filesystem::path directory_;
  store::ManualClock clock_{store::TestTime(0)};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Community> community_;
  Principal operator_ = NodeOperator("test");
};

}  // namespace kenes::share
