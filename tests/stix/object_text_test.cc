#include "stix/object_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kenes::stix {
namespace {

TEST(ObjectText, AddsALeadingPropertyAndKeepsTheRest) {
  EXPECT_EQ(WithLeadingProperty(R"({"type":"x", "a" : 1})", "id", R"("x--1")"), R"({"id":"x--1","type":"x", "a" : 1})");
  EXPECT_EQ(WithLeadingProperty("  { }", "id", "1"), R"(  {"id":1 })");
}

TEST(ObjectText, AddsMarkingsToAnExistingList) {
  const std::vector<std::string> added = {"marking-definition--a", "marking-definition--b"};
  Result<std::string> edited =
      WithMarkingRefs(R"({"type":"x","object_marking_refs": [ "marking-definition--c" ],"name":"[]"})", added);
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_EQ(*edited,
            R"({"type":"x","object_marking_refs": ["marking-definition--a","marking-definition--b", "marking-definition--c" ],"name":"[]"})");
  Result<std::string> into_empty = WithMarkingRefs(R"({"object_marking_refs":[ ]})", added);
  EXPECT_EQ(*into_empty, R"({"object_marking_refs":["marking-definition--a","marking-definition--b" ]})");
}

TEST(ObjectText, CreatesTheListWhenAbsent) {
  // A nested object_marking_refs is not the object's own.
  const std::vector<std::string> added = {"marking-definition--a"};
  Result<std::string> edited = WithMarkingRefs(R"({"type":"x","x_inner":{"object_marking_refs":[]}})", added);
  ASSERT_TRUE(edited.ok());
  EXPECT_EQ(*edited, R"({"object_marking_refs":["marking-definition--a"],"type":"x","x_inner":{"object_marking_refs":[]}})");
}

TEST(ObjectText, RefusesWhatIsNotAnObjectWithAList) {
  const std::vector<std::string> added = {"marking-definition--a"};
  EXPECT_EQ(WithMarkingRefs("[1]", added).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WithMarkingRefs(R"({"object_marking_refs":"m"})", added).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(*WithMarkingRefs(R"({"a":1})", {}), R"({"a":1})");
}

}  // namespace
}  // namespace kenes::stix
