// The sighting text and label: deterministic, valid STIX, addressed to the
// indicator's author.
#include "sight/sighting.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "share/access_policy.h"
#include "stix/validator.h"

namespace kenes::sight {
namespace {

constexpr char kKz[] = "identity--a1b2c3d4-0000-4000-8000-000000000001";
constexpr char kKg[] = "identity--a1b2c3d4-0000-4000-8000-000000000002";

SightedObservation Observation(const std::string& id, const char* when, int64_t count) {
  Timestamp time = *ParseTimestamp(when);
  return {id, time, time, time, time, count, share::Tlp::kGreen};
}

SightingFacts Facts() {
  return {"indicator--0b7a7a36-3a58-4b61-9d0c-3b1f5a1c0001",
          kKz,
          share::Tlp::kGreen,
          kKg,
          {Observation("observed-data--0b7a7a36-3a58-4b61-9d0c-3b1f5a1c0002", "2026-05-20T10:00:00Z", 2),
           Observation("observed-data--0b7a7a36-3a58-4b61-9d0c-3b1f5a1c0003", "2026-05-20T10:05:00.5Z", 5)}};
}

TEST(SightingTest, TheSameMatchGivesTheSameText) {
  SightingFacts facts = Facts();
  Result<stix::Object> first = SightingObject(facts);
  std::swap(facts.observations[0], facts.observations[1]);
  Result<stix::Object> again = SightingObject(facts);
  ASSERT_TRUE(first.ok() && again.ok());
  EXPECT_EQ(first->json, again->json);
  EXPECT_EQ(first->id.rfind("sighting--", 0), 0u);
  facts.observer = kKz;
  EXPECT_NE(SightingObject(facts)->id, first->id);
}

TEST(SightingTest, TheTextIsValidStixWithTheMatchsTimesAndCount) {
  Result<stix::Object> sighting = SightingObject(Facts());
  ASSERT_TRUE(sighting.ok());
  simdjson::dom::parser parser;
  simdjson::dom::element element = parser.parse(sighting->json);
  std::vector<stix::Finding> findings;
  stix::ValidateObject(element, findings);
  // A UUIDv5 makes the id deterministic; the validator only warns that SDO and SRO ids should be random.
  for (const stix::Finding& finding : findings) {
    EXPECT_EQ(finding.severity, stix::Severity::kWarning) << finding.ToString();
    EXPECT_NE(finding.ToString().find("identifier-version"), std::string::npos) << finding.ToString();
  }
  EXPECT_EQ(std::string_view(element["first_seen"]), "2026-05-20T10:00:00.000Z");
  EXPECT_EQ(std::string_view(element["last_seen"]), "2026-05-20T10:05:00.500Z");
  EXPECT_EQ(int64_t(element["count"]), 7);
  EXPECT_EQ(std::string_view(element["created"]), "2026-05-20T10:00:00.000Z");
  EXPECT_EQ(std::string_view(element["modified"]), "2026-05-20T10:05:00.500Z");
  EXPECT_EQ(sighting->created_by_ref, kKg);
}

TEST(SightingTest, ItIsAddressedToTheIndicatorsAuthorAtAmberOrStricter) {
  SightingFacts facts = Facts();
  store::AccessLabel label = SightingLabel(facts);
  EXPECT_EQ(label.author, kKg);
  EXPECT_EQ(label.audience, share::kAddressedAudience);
  EXPECT_EQ(label.group, kKz);
  EXPECT_EQ(label.level, static_cast<int>(share::Tlp::kAmber));
  facts.observations[1].tlp = share::Tlp::kRed;
  EXPECT_EQ(SightingLabel(facts).level, static_cast<int>(share::Tlp::kRed));
  EXPECT_EQ(SightingObject(facts)->object_marking_refs.front(), share::TlpMarkingId(share::Tlp::kRed));
}

TEST(SightingTest, ItStaysWithTheObserverWhenItWroteTheIndicator) {
  SightingFacts facts = Facts();
  facts.indicator_author = kKg;
  store::AccessLabel label = SightingLabel(facts);
  EXPECT_EQ(label.author, kKg);
  EXPECT_EQ(label.audience, static_cast<int>(share::DistributionKind::kOrganisation));
  EXPECT_TRUE(label.group.empty());
}

}  // namespace
}  // namespace kenes::sight
