#include "stix/random_id.h"

#include <gtest/gtest.h>

#include <set>

namespace kenes::stix {
namespace {

TEST(RandomId, IsAVersion4UuidAndUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string uuid = RandomUuid();
    ASSERT_EQ(uuid.size(), 36u);
    EXPECT_EQ(uuid[8], '-');
    EXPECT_EQ(uuid[14], '4');
    EXPECT_NE(std::string("89ab").find(uuid[19]), std::string::npos) << uuid;
    seen.insert(uuid);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_EQ(RandomId("bundle").rfind("bundle--", 0), 0u);
}

}  // namespace
}  // namespace kenes::stix
