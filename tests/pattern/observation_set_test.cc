// ObservationSet: reading observed-data in both STIX forms, resolving references, all-or-nothing adds.
#include <gtest/gtest.h>

#include <string>

#include "pattern/observation.h"

namespace kenes::pattern {
namespace {

constexpr std::string_view kEmbedded = R"({
  "type": "observed-data", "id": "observed-data--a", "number_observed": 3,
  "first_observed": "2020-01-01T00:00:00Z", "last_observed": "2020-01-01T00:00:05.123456789Z",
  "objects": {
    "0": {"type": "ipv4-addr", "value": "198.51.100.7"},
    "1": {"type": "network-traffic", "src_ref": "0", "src_port": 5, "ratio": 5.0, "flag": true, "none": null}
  }})";

constexpr std::string_view kObservedByReference = R"({
  "type": "observed-data", "id": "observed-data--b", "number_observed": 1,
  "first_observed": "2020-01-02T00:00:00.5Z", "last_observed": "2020-01-02T00:00:00.5Z",
  "objects": {}, "object_refs": ["domain-name--1", "domain-name--missing", "ipv4-addr--2"]})";

constexpr std::string_view kReferencedObjects = R"([
  {"type": "domain-name", "id": "domain-name--1", "value": "example.com", "resolves_to_refs": ["ipv4-addr--2"]},
  {"type": "ipv4-addr", "id": "ipv4-addr--2", "value": "203.0.113.9"}])";

TEST(ObservationSet, ReadsEmbeddedObservables) {
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(kEmbedded).ok());
  ASSERT_EQ(set.observed_data().size(), 1u);
  const ObservedData& observation = set.observed_data()[0];
  EXPECT_EQ(observation.id, "observed-data--a");
  EXPECT_EQ(observation.number_observed, 3);
  EXPECT_EQ(observation.first_observed, *ParseTimestamp("2020-01-01T00:00:00Z"));
  EXPECT_EQ(observation.last_observed.nanoseconds, 123456789);
  ASSERT_NE(observation.document, nullptr);
  EXPECT_EQ(observation.document->Member("type")->text, "observed-data");

  const std::vector<const JsonValue*> objects = set.ObjectsOf(0);
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(objects[0]->Member("value")->text, "198.51.100.7");
  EXPECT_EQ(objects[1]->Member("src_port")->kind, JsonValue::Kind::kInteger);
  EXPECT_EQ(objects[1]->Member("ratio")->kind, JsonValue::Kind::kFloat);
  EXPECT_EQ(objects[1]->Member("flag")->kind, JsonValue::Kind::kBoolean);
  EXPECT_EQ(objects[1]->Member("none")->kind, JsonValue::Kind::kNull);
  EXPECT_EQ(objects[1]->Member("absent"), nullptr);

  EXPECT_EQ(set.Resolve(0, "0"), objects[0]);
  EXPECT_EQ(set.Resolve(0, "7"), nullptr);
}

TEST(ObservationSet, ResolvesReferencesWhateverTheOrderAdded) {
  for (bool objects_first : {false, true}) {
    ObservationSet set;
    const std::string_view first = objects_first ? kReferencedObjects : kObservedByReference;
    const std::string_view second = objects_first ? kObservedByReference : kReferencedObjects;
    ASSERT_TRUE(set.AddJson(first).ok());
    ASSERT_TRUE(set.AddJson(second).ok());
    ASSERT_EQ(set.observed_data().size(), 1u);
    const std::vector<const JsonValue*> objects = set.ObjectsOf(0);
    ASSERT_EQ(objects.size(), 2u) << "the unresolvable reference is skipped";
    EXPECT_EQ(objects[0]->Member("value")->text, "example.com");
    EXPECT_EQ(objects[1]->Member("value")->text, "203.0.113.9");
    EXPECT_EQ(set.Resolve(0, "ipv4-addr--2"), objects[1]);
    EXPECT_EQ(set.Resolve(0, "ipv4-addr--3"), nullptr);
  }
}

TEST(ObservationSet, ReadsArraysOfBundlesAndObjects) {
  const std::string json = "[{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [" +
                           std::string(kObservedByReference) + "]}, " + std::string(kEmbedded) + ", " +
                           "{\"type\": \"bundle\", \"id\": \"bundle--2\", \"objects\": " +
                           std::string(kReferencedObjects) + "}]";
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(json).ok());
  ASSERT_EQ(set.observed_data().size(), 2u);
  EXPECT_EQ(set.observed_data()[0].id, "observed-data--b");
  EXPECT_EQ(set.observed_data()[1].id, "observed-data--a");
  EXPECT_EQ(set.ObjectsOf(0).size(), 2u);
  EXPECT_EQ(set.ObjectsOf(1).size(), 2u);
}

TEST(ObservationSet, RefusesBadInputAndAddsNothingOfIt) {
  const std::string valid_then_bad = "[" + std::string(kReferencedObjects.substr(1, kReferencedObjects.size() - 2)) +
                                     R"(, {"type": "observed-data", "number_observed": 1,
      "first_observed": "2020-01-01T00:00:00Z", "object_refs": []}])";
  const std::string cases[] = {
      "{\"type\": ",
      "42",
      "[1, 2]",
      valid_then_bad,
      R"({"type": "observed-data", "number_observed": 0, "first_observed": "2020-01-01T00:00:00Z",
          "last_observed": "2020-01-01T00:00:00Z", "objects": {}})",
      R"({"type": "observed-data", "number_observed": 1, "first_observed": "2020-01-01t00:00:00Z",
          "last_observed": "2020-01-01T00:00:00Z", "objects": {}})",
      R"({"type": "observed-data", "number_observed": "1", "first_observed": "2020-01-01T00:00:00Z",
          "last_observed": "2020-01-01T00:00:00Z", "objects": {}})",
      R"({"type": "bundle", "id": "bundle--1", "objects": [1]})",
  };
  for (const std::string& json : cases) {
    ObservationSet set;
    ASSERT_TRUE(set.AddJson(kObservedByReference).ok());
    const Status status = set.AddJson(json);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << json;
    EXPECT_EQ(set.observed_data().size(), 1u) << json;
    EXPECT_TRUE(set.ObjectsOf(0).empty()) << "no object of the refused input was added: " << json;
  }
}

TEST(ObservationSet, ClearEmptiesAndTheSetFillsAgain) {
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(kObservedByReference).ok());
  ASSERT_TRUE(set.AddJson(kReferencedObjects).ok());
  set.Clear();
  EXPECT_TRUE(set.observed_data().empty());
  ASSERT_TRUE(set.AddJson(kEmbedded).ok());
  ASSERT_TRUE(set.AddJson(kObservedByReference).ok());
  ASSERT_EQ(set.observed_data().size(), 2u);
  EXPECT_TRUE(set.ObjectsOf(1).empty()) << "objects added before Clear are gone";
  EXPECT_EQ(set.ObjectsOf(0)[1]->Member("src_ref")->text, "0");
}

}  // namespace
}  // namespace kenes::pattern
