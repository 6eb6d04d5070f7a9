#include "demo/demo_generator.h"

#include <gtest/gtest.h>
#include <malloc.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "base/timestamp.h"
#include "share/default_community.h"
#include "share/organisation_identity.h"
#include "stix/sco_id.h"

// AddressSanitizer owns operator new; a replacement would mismatch the
// allocations made inside shared libraries, so the memory check needs a
// build without it.
#if defined(__SANITIZE_ADDRESS__)
#define KENES_COUNTS_HEAP 0
#else
#define KENES_COUNTS_HEAP 1
#endif

// Live heap bytes of the whole program, to show the generator's memory
// stays flat however many objects it streams.
static std::atomic<long long> g_live_heap_bytes{0};

#if KENES_COUNTS_HEAP

void* operator new(size_t size) {
  void* pointer = std::malloc(size == 0 ? 1 : size);
  if (pointer == nullptr) throw std::bad_alloc();
  g_live_heap_bytes += static_cast<long long>(malloc_usable_size(pointer));
  return pointer;
}
void operator delete(void* pointer) noexcept {
  if (pointer == nullptr) return;
  g_live_heap_bytes -= static_cast<long long>(malloc_usable_size(pointer));
  std::free(pointer);
}
void operator delete(void* pointer, size_t) noexcept { operator delete(pointer); }
#endif

namespace kenes::demo {
namespace {

std::vector<std::string> Generate(uint64_t seed, size_t object_count) {
  DemoGenerator generator({.seed = seed, .object_count = object_count});
  std::vector<std::string> objects;
  std::string json;
  while (generator.Next(json)) objects.push_back(json);
  return objects;
}

// Every string under a property named *_ref or *_refs, at any depth.
void CollectReferences(simdjson::dom::element element, std::vector<std::string>& references) {
  simdjson::dom::object object;
  simdjson::dom::array array;
  if (element.get_object().get(object) == simdjson::SUCCESS) {
    for (auto field : object) {
      std::string_view key = field.key;
      bool is_reference = key.ends_with("_ref") || key.ends_with("_refs");
      std::string_view text;
      simdjson::dom::array list;
      if (is_reference && field.value.get_string().get(text) == simdjson::SUCCESS) {
        references.emplace_back(text);
      } else if (is_reference && field.value.get_array().get(list) == simdjson::SUCCESS) {
        for (auto item : list) references.emplace_back(item.get_string().value());
      } else {
        CollectReferences(field.value, references);
      }
    }
  } else if (element.get_array().get(array) == simdjson::SUCCESS) {
    for (auto item : array) CollectReferences(item, references);
  }
}

TEST(DemoGenerator, SameSeedGivesIdenticalOutput) {
  EXPECT_EQ(Generate(7, 3000), Generate(7, 3000));
}

TEST(DemoGenerator, DifferentSeedsGiveDifferentOutput) {
  std::vector<std::string> a = Generate(1, 700);
  std::vector<std::string> b = Generate(2, 700);
  ASSERT_EQ(a.size(), b.size());
  size_t differing = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    differing += a[i] != b[i];
    // Ids, authors and times come from the seed; only the published TLP
    // objects, Kenes' extension definitions and observables (whose ids follow
    // from their values) may match.
    bool fixed = a[i].find("\"created\":\"2022-10-01T00:00:00.000Z\"") != std::string::npos ||
                 a[i].find("\"type\":\"extension-definition\"") != std::string::npos ||
                 a[i].find("\"created\"") == std::string::npos;
    if (!fixed) {
      EXPECT_NE(a[i], b[i]);
    }
  }
  EXPECT_GT(differing, a.size() * 3 / 4);
}

TEST(DemoGenerator, EmitsTheWholeBaseScenarioThenUpToObjectCountInAll) {
  DemoGenerator generator({.seed = 3, .object_count = 0});
  size_t base = generator.base_object_count();
  EXPECT_GT(base, 100u);
  EXPECT_EQ(Generate(3, 0).size(), base);
  EXPECT_EQ(Generate(3, base - 1).size(), base);
  EXPECT_EQ(Generate(3, base + 1).size(), base + 1);
  EXPECT_EQ(Generate(3, 1234).size(), 1234u);
}

TEST(DemoGenerator, StartsWithTheStandardTlp20Markings) {
  std::vector<std::string> objects = Generate(1, 0);
  ASSERT_GE(objects.size(), 6u);
  EXPECT_NE(objects[0].find("\"id\":\"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d\""),
            std::string::npos);
  EXPECT_EQ(objects[1],
            R"({"type":"marking-definition","spec_version":"2.1","id":"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",)"
            R"("created":"2022-10-01T00:00:00.000Z","name":"TLP:CLEAR","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":)"
            R"({"extension_type":"property-extension","tlp_2_0":"clear"}}})");
  EXPECT_NE(objects[2].find(std::string(kTlpGreen)), std::string::npos);
  EXPECT_NE(objects[3].find(std::string(kTlpAmber)), std::string::npos);
  EXPECT_NE(objects[4].find(std::string(kTlpAmberStrict)), std::string::npos);
  EXPECT_NE(objects[5].find(std::string(kTlpRed)), std::string::npos);
}

TEST(DemoGenerator, EveryObjectIsWellFormedStix) {
  std::vector<std::string> objects = Generate(11, 14000);
  simdjson::dom::parser parser;
  std::unordered_set<std::string> versions;  // id and modified: the incident's tasks come in several versions
  std::multiset<std::string> types;
  for (const std::string& text : objects) {
    simdjson::dom::element object;
    ASSERT_EQ(parser.parse(text).get(object), simdjson::SUCCESS) << text;
    std::string_view type = object["type"].get_string().value();
    std::string id(object["id"].get_string().value());
    types.emplace(type);
    EXPECT_EQ(id.substr(0, type.size() + 2), std::string(type) + "--") << text;
    std::string_view modified;
    if (object["modified"].get(modified) != simdjson::SUCCESS) modified = "";
    EXPECT_TRUE(versions.insert(id + " " + std::string(modified)).second) << "duplicate version " << id;
    EXPECT_EQ(object["spec_version"].get_string().value(), "2.1") << text;
    EXPECT_EQ(text.find('\n'), std::string::npos);
    if (stix::IsScoType(type)) {
      Result<std::string> expected = stix::ScoId(object);
      ASSERT_TRUE(expected.ok());
      EXPECT_EQ(id, *expected) << text;
      continue;
    }
    std::string_view created_text, modified_text;
    ASSERT_EQ(object["created"].get_string().get(created_text), simdjson::SUCCESS) << text;
    std::optional<Timestamp> created = ParseTimestamp(created_text);
    ASSERT_TRUE(created.has_value()) << text;
    EXPECT_EQ(created_text.size(), std::string_view("2026-03-01T00:00:00.000Z").size()) << "millisecond precision";
    if (object["modified"].get_string().get(modified_text) == simdjson::SUCCESS) {
      std::optional<Timestamp> modified = ParseTimestamp(modified_text);
      ASSERT_TRUE(modified.has_value()) << text;
      EXPECT_LE(*created, *modified) << text;
    }
  }
  for (const char* type :
       {"identity", "location", "threat-actor", "intrusion-set", "indicator", "observed-data", "sighting",
        "relationship", "report", "note", "incident", "ipv4-addr", "domain-name", "url", "email-addr", "file"}) {
    EXPECT_GT(types.count(type), 0u) << type;
  }
}

TEST(DemoGenerator, ReferencesPointAtEarlierObjects) {
  std::vector<std::string> objects = Generate(5, 7000);
  simdjson::dom::parser parser;
  std::unordered_set<std::string> seen;
  size_t checked = 0;
  for (const std::string& text : objects) {
    simdjson::dom::element object;
    ASSERT_EQ(parser.parse(text).get(object), simdjson::SUCCESS);
    std::vector<std::string> references;
    CollectReferences(object, references);
    for (const std::string& reference : references) {
      ++checked;
      // The publishers of the TLP 2.0 extension and of Kenes' own observable types.
      if (reference == kOasisCtiIdentity || reference == share::kKenesIdentityId) continue;
      EXPECT_TRUE(seen.count(reference)) << reference << " in " << text;
    }
    seen.emplace(object["id"].get_string().value());
  }
  EXPECT_GT(checked, 20000u);
}

TEST(DemoGenerator, ScaledObjectsAverageAbout500Bytes) {
  size_t base = DemoGenerator({.seed = 9}).base_object_count();
  DemoGenerator generator({.seed = 9, .object_count = base + 21000});
  std::string json;
  size_t index = 0, bytes = 0, count = 0;
  while (generator.Next(json)) {
    if (index++ < generator.base_object_count()) continue;
    bytes += json.size();
    ++count;
  }
  ASSERT_EQ(count, 21000u);
  double mean = static_cast<double>(bytes) / static_cast<double>(count);
  EXPECT_GT(mean, 425.0);
  EXPECT_LT(mean, 575.0);
}

TEST(DemoGenerator, MemoryStaysFlatWhileStreaming) {
  if (!KENES_COUNTS_HEAP) GTEST_SKIP() << "heap counting is unavailable under AddressSanitizer";
  DemoGenerator generator({.seed = 4, .object_count = 300000});
  std::string json;
  json.reserve(8192);
  for (size_t i = 0; i < 20000; ++i) ASSERT_TRUE(generator.Next(json));
  long long after_warm_up = g_live_heap_bytes.load();
  size_t streamed = 0;
  while (generator.Next(json)) ++streamed;
  long long at_end = g_live_heap_bytes.load();
  EXPECT_GT(streamed, 250000u);
  EXPECT_LT(at_end - after_warm_up, 16 * 1024) << "live heap grew while streaming";
}

// Whatever the seed, the demo's organisations are the default community's,
// so what `kenes init` founds is who wrote the demo data.
TEST(DemoGenerator, OrganisationsAreTheDefaultCommunityForEverySeed) {
  for (uint64_t seed : {1u, 2u, 99u}) {
    DemoGenerator generator({.seed = seed});
    std::set<std::string> identity_ids;
    std::string json;
    while (generator.Next(json)) {
      if (json.find(R"("identity_class":"organization")") == std::string::npos) continue;
      size_t at = json.find(R"("id":")");
      identity_ids.insert(json.substr(at + 6, json.find('"', at + 6) - at - 6));
    }
    std::set<std::string> community_ids;
    for (const share::OrganisationSpec& organisation : share::DefaultCommunity()) community_ids.insert(organisation.id);
    EXPECT_EQ(identity_ids, community_ids) << "seed " << seed;
  }
}

}  // namespace
}  // namespace kenes::demo
