// Markings: TLP ids of every kind Kenes understands map to their level, and
// the distribution objects Kenes ships are valid STIX that round-trip.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <vector>

#include "share/distribution_marking.h"
#include "share/marking.h"
#include "stix/validator.h"

namespace kenes::share {
namespace {

struct TlpIdCase {
  const char* marking_id;
  const char* source;
  std::optional<Tlp> tlp;
};

const TlpIdCase kTlpIdCases[] = {
    {"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "TLP 2.0 CLEAR", Tlp::kClear},
    {"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP 2.0 GREEN", Tlp::kGreen},
    {"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "TLP 2.0 AMBER", Tlp::kAmber},
    {"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "TLP 2.0 AMBER+STRICT", Tlp::kAmberStrict},
    {"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "TLP 2.0 RED", Tlp::kRed},
    {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP 1.0 WHITE, OpenCTI CLEAR", Tlp::kClear},
    {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP 1.0 GREEN", Tlp::kGreen},
    {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP 1.0 AMBER", Tlp::kAmber},
    {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP 1.0 RED", Tlp::kRed},
    {"marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", "OpenCTI AMBER+STRICT", Tlp::kAmberStrict},
    {"marking-definition--2e44937e-135f-478b-8cd1-63bc100b9d32", "Kenes distribution members", std::nullopt},
    {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc0", "one digit off WHITE", std::nullopt},
};

TEST(MarkingTest, MapsEveryKnownTlpId) {
  for (const TlpIdCase& tlp_case : kTlpIdCases) {
    EXPECT_EQ(TlpOfMarking(tlp_case.marking_id), tlp_case.tlp) << tlp_case.source;
  }
}

TEST(MarkingTest, WritesTlp20IdsAndTakesTheStrictestOfSeveral) {
  for (int level = 0; level < kTlpLevels; ++level) {
    EXPECT_EQ(TlpOfMarking(TlpMarkingId(static_cast<Tlp>(level))), static_cast<Tlp>(level));
    EXPECT_EQ(ParseTlp(TlpName(static_cast<Tlp>(level))), static_cast<Tlp>(level));
  }
  EXPECT_EQ(ParseTlp("white"), Tlp::kClear);
  EXPECT_EQ(ParseTlp("Amber+Strict"), Tlp::kAmberStrict);
  EXPECT_EQ(ParseTlp("amber strict"), std::nullopt);
  std::vector<std::string> refs = {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da",
                                   "marking-definition--826578e1-40ad-459f-bc73-ede076f81f37",
                                   "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"};
  EXPECT_EQ(StrictestTlp(refs), Tlp::kAmberStrict);
  EXPECT_EQ(StrictestTlp(std::span<const std::string>()), std::nullopt);
}

// The findings of the real validator, errors and warnings alike.
std::vector<stix::Finding> Validate(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::padded_string text(json);
  simdjson::dom::element element;
  EXPECT_EQ(parser.parse(text).get(element), simdjson::SUCCESS) << json;
  std::vector<stix::Finding> findings;
  stix::ValidateObject(element, findings);
  return findings;
}

TEST(MarkingTest, ShippedDistributionObjectsAreValidStix) {
  std::vector<std::string> objects = ShippedDistributionObjects();
  objects.push_back(DistributionMarkingJson({DistributionKind::kGroup, "group--caspian-water"}));
  ASSERT_EQ(objects.size(), 5u);
  for (const std::string& json : objects) {
    for (const stix::Finding& finding : Validate(json)) ADD_FAILURE() << finding.ToString() << "\n" << json;
  }
}

TEST(MarkingTest, DistributionMarkingsRoundTrip) {
  const std::vector<std::string> groups = {"group-a", "group-b"};
  for (const Distribution& distribution :
       {Distribution{DistributionKind::kOrganisation, ""}, Distribution{DistributionKind::kMembers, ""},
        Distribution{DistributionKind::kCommunity, ""}, Distribution{DistributionKind::kGroup, "group-b"}}) {
    std::vector<std::string> refs = {std::string(TlpMarkingId(Tlp::kGreen)), DistributionMarkingId(distribution)};
    EXPECT_EQ(DistributionOfMarkings(refs, groups), distribution) << DistributionText(distribution);
    EXPECT_EQ(ParseDistribution(DistributionText(distribution)).value(), distribution);
  }
  // A group this node does not know is no distribution; several: the narrowest.
  std::vector<std::string> unknown = {DistributionMarkingId({DistributionKind::kGroup, "group-z"})};
  EXPECT_EQ(DistributionOfMarkings(unknown, groups), std::nullopt);
  std::vector<std::string> both = {DistributionMarkingId({DistributionKind::kCommunity, ""}),
                                   DistributionMarkingId({DistributionKind::kOrganisation, ""})};
  EXPECT_EQ(DistributionOfMarkings(both, groups)->kind, DistributionKind::kOrganisation);
  EXPECT_FALSE(ParseDistribution("everyone").ok());
  EXPECT_FALSE(ParseDistribution("group:").ok());
}

}  // namespace
}  // namespace kenes::share
