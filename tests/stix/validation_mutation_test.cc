// Mutation test: every property of every OASIS example object, replaced by
// values of every JSON kind, must be validated without crashing, and a null
// must always be reported as an error at that property's path.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/json_text.h"
#include "stix/validator.h"

namespace kenes::stix {
namespace {

namespace fs = std::filesystem;

// The object's JSON text with `replaced_key`'s value swapped for `replacement`.
std::string WithValue(simdjson::dom::object object, std::string_view replaced_key, std::string_view replacement) {
  std::string text = "{";
  for (simdjson::dom::key_value_pair member : object) {
    if (text.size() > 1) text += ',';
    AppendJsonString(text, member.key);
    text += ':';
    text += member.key == replaced_key ? std::string(replacement) : simdjson::minify(member.value);
  }
  text += '}';
  return text;
}

TEST(ValidatorMutation, EveryPropertyWithEveryKindOfValue) {
  const std::vector<std::string_view> replacements = {
      "null", "0", "-1", "1.5", "\"\"", "\"x\"", "[]", "[null]", "{}", "{\"a\":null}", "true", "18446744073709551615"};
  simdjson::dom::parser example_parser, mutation_parser;
  size_t mutations = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(KENES_SHARED_DIR) / "stix2-json-schemas" / "examples")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    simdjson::dom::element document;
    simdjson::dom::array objects;
    ASSERT_EQ(example_parser.load(entry.path().string()).get(document), simdjson::SUCCESS);
    if (document["objects"].get(objects) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element element : objects) {
      simdjson::dom::object object;
      ASSERT_EQ(element.get(object), simdjson::SUCCESS);
      for (simdjson::dom::key_value_pair member : object) {
        for (std::string_view replacement : replacements) {
          std::string text = WithValue(object, member.key, replacement);
          simdjson::dom::element mutated;
          ASSERT_EQ(mutation_parser.parse(text).get(mutated), simdjson::SUCCESS) << text;
          std::vector<Finding> findings;
          ValidateObject(mutated, findings);
          ++mutations;
          if (replacement != "null") continue;
          bool reported = false;
          for (const Finding& finding : findings) {
            reported |= finding.severity == Severity::kError && finding.path == "$." + std::string(member.key);
          }
          EXPECT_TRUE(reported) << "null " << member.key << " not reported in " << text;
        }
      }
    }
  }
  EXPECT_GT(mutations, 10000u);
}

}  // namespace
}  // namespace kenes::stix
