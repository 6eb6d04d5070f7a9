// The index alone: holders, links and when they are reported, removal,
// replacement, warning lists and the per-key cap.
#include "correlate/correlation_index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace kenes::correlate {
namespace {

using observable::CorrelationKey;

const std::string kKz = "identity--11111111-1111-4111-8111-111111111111";
const std::string kKg = "identity--22222222-2222-4222-8222-222222222222";
const std::string kEu = "identity--33333333-3333-4333-8333-333333333333";
const CorrelationKey kPhone{"phone-number", "+77011234567"};
const CorrelationKey kWallet{"cryptocurrency-wallet", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"};

std::string ObjectId(int number, const std::string& type = "phone-number") {
  char uuid[40];
  std::snprintf(uuid, sizeof uuid, "5e0a1b2c-3d4e-4f50-8a6b-%012d", number);
  return type + "--" + uuid;
}

std::vector<CrossBorderLink> Add(CorrelationIndex& index, int object, const std::string& organisation,
                                 std::vector<CorrelationKey> keys) {
  Result<std::vector<CrossBorderLink>> links = index.Add({ObjectId(object), organisation}, keys);
  EXPECT_TRUE(links.ok()) << links.status().ToString();
  return links.ok() ? *links : std::vector<CrossBorderLink>{};
}

TEST(CorrelationIndexTest, AKeyOfOneOrganisationIsNoLink) {
  CorrelationIndex index;
  EXPECT_TRUE(Add(index, 1, kKz, {kPhone}).empty());
  EXPECT_TRUE(Add(index, 2, kKz, {kPhone}).empty());
  KeyHolders holders = index.Holders(kPhone);
  EXPECT_EQ(holders.holdings, (std::vector<Holding>{{ObjectId(1), kKz}, {ObjectId(2), kKz}}));
  EXPECT_FALSE(holders.over_correlated);
}

TEST(CorrelationIndexTest, ASecondOrganisationMakesALinkNamingEveryOtherHolding) {
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone});
  Add(index, 2, kKz, {kPhone, kWallet});
  std::vector<CrossBorderLink> links = Add(index, 3, kKg, {kWallet, kPhone});
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].key, kWallet);
  EXPECT_EQ(links[0].added, (Holding{ObjectId(3), kKg}));
  EXPECT_EQ(links[0].others, (std::vector<Holding>{{ObjectId(2), kKz}}));
  EXPECT_EQ(links[1].key, kPhone);
  EXPECT_EQ(links[1].others, (std::vector<Holding>{{ObjectId(1), kKz}, {ObjectId(2), kKz}}));
  EXPECT_DOUBLE_EQ(links[1].score, 1.0);
}

TEST(CorrelationIndexTest, AnOrganisationAlreadyOnTheLinkDoesNotAlertAgainUntilItLeaves) {
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone});
  EXPECT_EQ(Add(index, 2, kKg, {kPhone}).size(), 1u);
  EXPECT_TRUE(Add(index, 3, kKg, {kPhone}).empty()) << "KG already holds it";
  EXPECT_TRUE(Add(index, 2, kKg, {kPhone}).empty()) << "the same holding again";
  EXPECT_EQ(Add(index, 4, kEu, {kPhone}).size(), 1u) << "a third organisation joins";
  index.Remove(ObjectId(2));
  index.Remove(ObjectId(3));
  EXPECT_EQ(Add(index, 5, kKg, {kPhone}).size(), 1u) << "KG left and came back";
}

TEST(CorrelationIndexTest, TheSameObjectHeldByTwoOrganisationsLinksThem) {
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone});
  std::vector<CrossBorderLink> links = Add(index, 1, kKg, {kPhone});
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].others, (std::vector<Holding>{{ObjectId(1), kKz}}));
}

TEST(CorrelationIndexTest, RemoveForgetsEveryHoldingOfTheObject) {
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone, kWallet});
  Add(index, 2, kKg, {kPhone});
  Add(index, 3, kEu, {kPhone});
  index.Remove(ObjectId(2));
  EXPECT_EQ(index.Holders(kPhone).holdings, (std::vector<Holding>{{ObjectId(1), kKz}, {ObjectId(3), kEu}}));
  EXPECT_TRUE(index.KeysOf(ObjectId(2)).empty());
  index.Remove(ObjectId(1));
  EXPECT_EQ(index.Holders(kPhone).holdings, (std::vector<Holding>{{ObjectId(3), kEu}}));
  EXPECT_TRUE(index.Holders(kWallet).holdings.empty());
  index.Remove(ObjectId(99));  // unknown: nothing happens
  EXPECT_EQ(index.Size().holdings, 1u);
}

TEST(CorrelationIndexTest, KeysOfGivesTheObjectsKeysBack) {
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone, kWallet, kPhone});
  EXPECT_EQ(index.KeysOf(ObjectId(1)), (std::vector<CorrelationKey>{kPhone, kWallet}));
  EXPECT_TRUE(index.KeysOf(ObjectId(2)).empty());
  EXPECT_TRUE(index.KeysOf("not an id").empty());
}

TEST(CorrelationIndexTest, ReplaceAlertsOnlyForKeysTheObjectDidNotHold) {
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone, kWallet});
  Holding indicator{ObjectId(2, "indicator"), kKg};
  ASSERT_EQ(index.Replace(indicator, std::vector{kPhone}).value().size(), 1u);
  std::vector<CrossBorderLink> links = index.Replace(indicator, std::vector{kPhone, kWallet}).value();
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].key, kWallet);
  EXPECT_TRUE(index.Replace(indicator, std::vector{kWallet}).value().empty());
  EXPECT_EQ(index.Holders(kPhone).holdings, (std::vector<Holding>{{ObjectId(1), kKz}}));
  EXPECT_EQ(index.KeysOf(indicator.object_id), (std::vector<CorrelationKey>{kWallet}));
}

TEST(CorrelationIndexTest, ObjectIdsMustBeStixIds) {
  CorrelationIndex index;
  for (std::string id : {"phone-number", "phone-number--1234", "--5e0a1b2c-3d4e-4f50-8a6b-000000000001",
                         "phone-number--5E0A1B2C-3D4E-4F50-8A6B-000000000001"}) {
    EXPECT_FALSE(index.Add({id, kKz}, std::vector{kPhone}).ok()) << id;
  }
  EXPECT_TRUE(index.Holders(kPhone).holdings.empty());
}

TEST(CorrelationIndexTest, WarningListedKeysAreNeverIndexed) {
  CorrelationIndex index;
  CorrelationKey private_address{"ipv4-addr", "192.168.1.1"};
  Add(index, 1, kKz, {private_address});
  EXPECT_TRUE(Add(index, 2, kKg, {private_address}).empty());
  KeyHolders holders = index.Holders(private_address);
  EXPECT_TRUE(holders.holdings.empty());
  ASSERT_TRUE(holders.warning.has_value());
  EXPECT_EQ(*holders.warning, "private range 192.168.0.0/16");
}

TEST(CorrelationIndexTest, AKeyOverTheCapStopsAlertingAndSaysSo) {
  CorrelationIndex index(IndexLimits{3});
  Add(index, 1, kKz, {kPhone});
  Add(index, 2, kKz, {kPhone});
  EXPECT_EQ(Add(index, 3, kKg, {kPhone}).size(), 1u);
  EXPECT_TRUE(Add(index, 4, kEu, {kPhone}).empty()) << "the fourth holding is over the cap";
  KeyHolders holders = index.Holders(kPhone);
  EXPECT_TRUE(holders.over_correlated);
  EXPECT_EQ(holders.holdings.size(), 3u);
  EXPECT_EQ(index.Size().over_correlated_keys, 1u);
  index.Remove(ObjectId(1));
  EXPECT_TRUE(Add(index, 5, kEu, {kPhone}).empty()) << "still over-correlated";
}

TEST(CorrelationIndexTest, ManyKeysSurviveTheTablesGrowing) {
  CorrelationIndex index;
  for (int i = 0; i < 20000; ++i) {
    Add(index, i, i % 2 ? kKz : kKg, {{"ipv4-addr", "8.8." + std::to_string(i / 256) + "." + std::to_string(i % 256)}});
  }
  IndexSize size = index.Size();
  EXPECT_EQ(size.keys, 20000u);
  EXPECT_EQ(size.objects, 20000u);
  EXPECT_GT(size.memory_bytes, 0u);
  EXPECT_EQ(index.Holders({"ipv4-addr", "8.8.39.15"}).holdings, (std::vector<Holding>{{ObjectId(39 * 256 + 15), kKz}}));
  EXPECT_EQ(index.KeysOf(ObjectId(12345)), (std::vector<CorrelationKey>{{"ipv4-addr", "8.8.48.57"}}));
}

TEST(CorrelationIndexTest, ReadersRunWhileAWriterAdds) {
  CorrelationIndex index;
  std::thread writer([&] {
    for (int i = 0; i < 5000; ++i)
      Add(index, i, i % 2 ? kKz : kKg, {kPhone, {"url", "https://x.kz/" + std::to_string(i)}});
  });
  size_t seen = 0;
  for (int i = 0; i < 2000; ++i) seen = std::max(seen, index.Holders(kPhone).holdings.size());
  writer.join();
  EXPECT_LE(seen, 200u);
  EXPECT_EQ(index.Holders(kPhone).holdings.size(), 200u);
  EXPECT_TRUE(index.Holders(kPhone).over_correlated);
}

TEST(CorrelationIndexTest, ASnapshotLoadsBackTheSameIndex) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("kenes-correlation-snapshot-" + std::to_string(::getpid()));
  CorrelationIndex index(IndexLimits{3});
  Add(index, 1, kKz, {kPhone, kWallet});
  Add(index, 2, kKg, {kWallet});
  Add(index, 3, kEu, {kWallet});
  Add(index, 4, kEu, {kWallet});  // over the cap
  index.Remove(ObjectId(1));
  ASSERT_TRUE(index.Save(path, "marker").ok());
  CorrelationIndex loaded(IndexLimits{3});
  Result<std::string> marker = loaded.Load(path);
  ASSERT_TRUE(marker.ok()) << marker.status().ToString();
  EXPECT_EQ(*marker, "marker");
  EXPECT_EQ(loaded.Holders(kWallet).holdings, index.Holders(kWallet).holdings);
  EXPECT_TRUE(loaded.Holders(kWallet).over_correlated);
  EXPECT_EQ(loaded.KeysOf(ObjectId(2)), (std::vector<CorrelationKey>{kWallet}));
  EXPECT_EQ(loaded.Size().holdings, index.Size().holdings);
  EXPECT_EQ(Add(loaded, 5, kKg, {kPhone}).size(), 0u) << "KZ no longer holds the phone";
  EXPECT_EQ(Add(loaded, 6, kKz, {kPhone}).size(), 1u) << "the loaded index goes on linking";
  std::filesystem::remove(path);
}

TEST(CorrelationIndexTest, AMissingOrUnreadableSnapshotSaysSoAndLeavesTheIndexEmpty) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("kenes-correlation-snapshot-bad-" + std::to_string(::getpid()));
  CorrelationIndex index;
  Add(index, 1, kKz, {kPhone});
  EXPECT_EQ(index.Load(path).status().code(), StatusCode::kNotFound);
  ASSERT_TRUE(index.Save(path, "").ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
  EXPECT_EQ(index.Load(path).status().code(), StatusCode::kCorruption);
  EXPECT_TRUE(index.Holders(kPhone).holdings.empty());
  EXPECT_EQ(index.Size().keys, 0u);
  EXPECT_TRUE(Add(index, 2, kKz, {kPhone}).empty());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kenes::correlate
