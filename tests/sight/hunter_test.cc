// Automatic sightings through the importer's batch hook: what matches, who
// may see the sighting, and that hunting again changes nothing.
#include "sight/hunter.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <simdjson.h>

#include "share/access_label.h"
#include "sight_fixture.h"
#include "stix/validator.h"

namespace kenes::sight {
namespace {

constexpr char kPattern[] = "[ipv4-addr:value = '198.51.100.7']";

class HunterTest : public SightFixture {
 protected:
  const std::string indicator_ = TestObjectId("indicator", 1);
  const std::string observed_ = TestObjectId("observed-data", 1);
};

std::string Member(const store::StoredVersion& version, const char* name) {
  simdjson::dom::parser parser;
  simdjson::dom::element element = parser.parse(version.json);
  return simdjson::minify(element[name]);
}

TEST_F(HunterTest, ObservedDataMatchingAnIndicatorIsSighted) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});

  std::vector<store::StoredVersion> sightings = Sightings();
  ASSERT_EQ(sightings.size(), 1u);
  const store::StoredVersion& sighting = sightings[0];
  EXPECT_EQ(sighting.created_by_ref, Org("KG"));
  EXPECT_EQ(Member(sighting, "sighting_of_ref"), "\"" + indicator_ + "\"");
  EXPECT_EQ(Member(sighting, "observed_data_refs"), "[\"" + observed_ + "\"]");
  EXPECT_EQ(Member(sighting, "where_sighted_refs"), "[\"" + Org("KG") + "\"]");
  EXPECT_EQ(Member(sighting, "first_seen"), "\"2026-05-20T10:00:00.000Z\"");
  EXPECT_EQ(Member(sighting, "count"), "3");
  simdjson::dom::parser parser;
  std::vector<stix::Finding> findings;
  stix::ValidateObject(parser.parse(sighting.json), findings);
  EXPECT_FALSE(stix::HasErrors(findings)) << (findings.empty() ? "" : findings[0].ToString());
  EXPECT_EQ(hunter_->totals().sightings, 1u);
}

TEST_F(HunterTest, ObservedDataMatchingNothingIsNotSighted) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  Import({Address("198.51.100.8"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.8")})});
  EXPECT_TRUE(Sightings().empty());
}

TEST_F(HunterTest, AnIndicatorTheObserverMayNotSeeIsNotSighted) {
  // KZ shares with members; the EU is a partner.
  Import({Indicator(indicator_, Org("KZ"), kPattern)}, share::Tlp::kGreen, share::DistributionKind::kMembers);
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("EU"), {AddressId("198.51.100.7")})});
  EXPECT_TRUE(Sightings().empty());
  // A member sees it.
  Import({ObservedData(TestObjectId("observed-data", 2), Org("TJ"), {AddressId("198.51.100.7")})});
  EXPECT_EQ(Sightings().size(), 1u);
}

TEST_F(HunterTest, ExpiredAndRevokedIndicatorsAreNotSighted) {
  Import({Indicator(indicator_, Org("KZ"), kPattern, R"(,"valid_until":"2026-05-15T00:00:00Z")"),
          Indicator(TestObjectId("indicator", 2), Org("KZ"), kPattern, R"(,"revoked":true)")});
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});
  EXPECT_TRUE(Sightings().empty());
}

TEST_F(HunterTest, ARevokingVersionTakesTheIndicatorOut) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  std::string revoked = Indicator(indicator_, Org("KZ"), kPattern, R"(,"revoked":true)");
  revoked.replace(revoked.find("\"modified\":\"2026-05-01"), 22, "\"modified\":\"2026-05-02");
  Import({revoked});
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});
  EXPECT_TRUE(Sightings().empty());
}

TEST_F(HunterTest, ADeletedIndicatorIsHuntedNoMoreAndARemainingVersionIs) {
  Import({Indicator(indicator_, Org("KZ"), "[ipv4-addr:value = '198.51.100.8']")});
  std::string newer = Indicator(indicator_, Org("KZ"), kPattern);
  newer.replace(newer.find("\"modified\":\"2026-05-01"), 22, "\"modified\":\"2026-05-02");
  Import({newer});
  store::VersionMatch newest;
  newest.last = true;
  ASSERT_TRUE(store_->Delete(indicator_, newest, {}, nullptr).ok());
  ASSERT_TRUE(hunter_->Deleted(indicator_).ok());
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});
  EXPECT_TRUE(Sightings().empty()) << "the deleted version's pattern still hunts";
  Import({Address("198.51.100.8"),
          ObservedData(TestObjectId("observed-data", 2), Org("KG"), {AddressId("198.51.100.8")})});
  EXPECT_EQ(Sightings().size(), 1u) << "the remaining version does not hunt";

  ASSERT_TRUE(store_->Delete(indicator_, store::VersionMatch{}, {}, nullptr).ok());
  ASSERT_TRUE(hunter_->Deleted(indicator_).ok());
  Import({ObservedData(TestObjectId("observed-data", 3), Org("KG"), {AddressId("198.51.100.8")})});
  EXPECT_EQ(Sightings().size(), 1u) << "a deleted indicator still hunts";
}

TEST_F(HunterTest, ReingestIsIdempotent) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  const std::vector<std::string> observation = {Address("198.51.100.7"),
                                                ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})};
  Import(observation);
  Import(observation);
  // A second hunter (a restarted node) reads its indicators from the store and finds the same sighting.
  hunter_ = std::make_unique<Hunter>(*store_, *community_, HuntOptions{.clock = &clock_});
  Import(observation);
  EXPECT_EQ(Sightings().size(), 1u);
  EXPECT_EQ(hunter_->totals().sightings, 0u);
  EXPECT_EQ(hunter_->totals().duplicates, 1u);
  EXPECT_EQ(hunter_->totals().failures, 0u);
}

TEST_F(HunterTest, EmbeddedObservablesMatch) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  Import({fmt::format(R"({{"type":"observed-data","spec_version":"2.1","id":"{}","created_by_ref":"{}",)"
                      R"("created":"2026-05-20T10:00:00.000Z","modified":"2026-05-20T10:00:00.000Z",)"
                      R"("first_observed":"2026-05-20T10:00:00Z","last_observed":"2026-05-20T10:00:00Z",)"
                      R"("number_observed":1,"objects":{{"0":{{"type":"ipv4-addr","value":"198.51.100.7"}}}}}})",
                      observed_, Org("KG"))});
  EXPECT_EQ(Sightings().size(), 1u);
}

TEST_F(HunterTest, ObservationsTogetherMatchAMultiObservationPattern) {
  Import({Indicator(indicator_, Org("KZ"),
                    "([ipv4-addr:value = '198.51.100.7'] AND [ipv4-addr:value = '203.0.113.9']) WITHIN 600 SECONDS")});
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});
  EXPECT_TRUE(Sightings().empty());
  const std::string second = TestObjectId("observed-data", 2);
  Import({Address("203.0.113.9"),
          ObservedData(second, Org("KG"), {AddressId("203.0.113.9")}, "2026-05-20T10:05:00.000Z")});
  std::vector<store::StoredVersion> sightings = Sightings();
  ASSERT_EQ(sightings.size(), 1u);
  EXPECT_EQ(Member(sightings[0], "observed_data_refs"), fmt::format(R"(["{}","{}"])", observed_, second));
  EXPECT_EQ(Member(sightings[0], "count"), "6");
}

TEST_F(HunterTest, ObservationsTooFarApartOrOfAnotherObserverDoNotMatchTogether) {
  Import({Indicator(indicator_, Org("KZ"),
                    "([ipv4-addr:value = '198.51.100.7'] AND [ipv4-addr:value = '203.0.113.9']) WITHIN 600 SECONDS")});
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});
  Import({Address("203.0.113.9"),
          ObservedData(TestObjectId("observed-data", 2), Org("KG"), {AddressId("203.0.113.9")},
                       "2026-05-21T10:00:00.000Z"),
          ObservedData(TestObjectId("observed-data", 3), Org("TJ"), {AddressId("203.0.113.9")})});
  EXPECT_TRUE(Sightings().empty());
}

TEST_F(HunterTest, ANewIndicatorFindsWhatWasObservedWithinTheWindow) {
  // Added 136 days before the indicator: outside the 90-day window.
  Import({Address("198.51.100.7"),
          ObservedData(TestObjectId("observed-data", 9), Org("TJ"), {AddressId("198.51.100.7")})});
  clock_.Set(*ParseTimestamp("2026-10-01T00:00:00Z"));
  Import({ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})});
  clock_.Set(*ParseTimestamp("2026-10-15T00:00:00Z"));
  EXPECT_TRUE(Sightings().empty());

  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  std::vector<store::StoredVersion> sightings = Sightings();
  ASSERT_EQ(sightings.size(), 1u);
  EXPECT_EQ(sightings[0].created_by_ref, Org("KG"));
  EXPECT_EQ(Member(sightings[0], "observed_data_refs"), "[\"" + observed_ + "\"]");
}

TEST_F(HunterTest, AnImportRetroHuntsItsIndicatorsOnceItsLastBatchIsStored) {
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")}),
          Indicator(indicator_, Org("KZ"), kPattern), Address("203.0.113.9")},
         share::Tlp::kGreen, share::DistributionKind::kCommunity, 1);
  EXPECT_EQ(lasts_, (std::vector<bool>{false, false, false, true}));
  EXPECT_EQ(Sightings().size(), 1u);
}

TEST_F(HunterTest, AnIndicatorExpiredBeforeTheLastBatchIsNotRetroHunted) {
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")}),
          ObservedData(TestObjectId("observed-data", 2), Org("TJ"), {AddressId("198.51.100.7")})});
  // A batch of an import still going on brings an indicator in force for one more second.
  Result<stix::Object> indicator =
      ParsedObject(Indicator(indicator_, Org("KZ"), kPattern, R"(,"valid_until":"2026-06-01T00:00:01Z")"));
  ASSERT_TRUE(indicator.ok()) << indicator.status().ToString();
  const std::vector<stix::Object> objects = {*indicator};
  const std::vector<store::AccessLabel> labels = {
      share::ToStoreLabel({Org("KZ"), share::Tlp::kGreen, {share::DistributionKind::kCommunity, ""}})};
  Result<std::vector<store::WriteResult>> stored = store_->Put(objects, labels);
  ASSERT_TRUE(stored.ok());
  ASSERT_TRUE(hunter_->Observe({objects, labels, *stored, false}).ok());
  clock_.Set(*ParseTimestamp("2026-06-01T00:00:02Z"));
  ASSERT_TRUE(hunter_->Observe({{}, {}, {}, true}).ok());
  EXPECT_TRUE(Sightings().empty());
}

TEST_F(HunterTest, TheRetroHuntLooksOnlyAtObserversWhoMaySeeTheIndicator) {
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("EU"), {AddressId("198.51.100.7")})});
  Import({Indicator(indicator_, Org("KZ"), kPattern)}, share::Tlp::kGreen, share::DistributionKind::kMembers);
  EXPECT_TRUE(Sightings().empty());
}

TEST_F(HunterTest, TheSightingIsSeenByTheObserverAndTheIndicatorsAuthorOnly) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  // KG keeps its observation to itself.
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KG"), {AddressId("198.51.100.7")})}, share::Tlp::kAmber,
         share::DistributionKind::kOrganisation);
  std::vector<store::StoredVersion> sightings = Sightings();
  ASSERT_EQ(sightings.size(), 1u);
  const std::vector<std::string> just_it = {sightings[0].id};
  EXPECT_EQ(SightingsSeenBy("KG"), just_it);
  EXPECT_EQ(SightingsSeenBy("KZ"), just_it);
  EXPECT_TRUE(SightingsSeenBy("TJ").empty());
  EXPECT_TRUE(SightingsSeenBy("EU").empty());
  // The author learns of the sighting, not what KG observed.
  store::Viewer kz = ViewerOf("KZ");
  EXPECT_EQ(store_->Latest(observed_, &kz).status().code(), StatusCode::kNotFound);
  store::Viewer kg = ViewerOf("KG");
  EXPECT_TRUE(store_->Latest(observed_, &kg).ok());
}

TEST_F(HunterTest, AnIndicatorsAuthorSightingItsOwnIndicatorKeepsTheSighting) {
  Import({Indicator(indicator_, Org("KZ"), kPattern)});
  Import({Address("198.51.100.7"), ObservedData(observed_, Org("KZ"), {AddressId("198.51.100.7")})});
  ASSERT_EQ(Sightings().size(), 1u);
  EXPECT_EQ(SightingsSeenBy("KZ").size(), 1u);
  EXPECT_TRUE(SightingsSeenBy("KG").empty());
}

}  // namespace
}  // namespace kenes::sight
