// Response types in the validator: the OASIS task SDO, Incident Core and
// Kenes' three property extensions, and the shipped extension definitions.
#include "respond/response_types.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "respond/extension_definitions.h"
#include "stix/validator.h"

namespace kenes::respond {
namespace {

class ResponseTypesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(RegisterResponseTypes().ok()); }

  // The rules of the errors the validator finds in `json`.
  std::vector<std::string> Errors(const std::string& json) {
    simdjson::dom::parser parser;
    simdjson::dom::element element;
    EXPECT_EQ(parser.parse(json).get(element), simdjson::SUCCESS) << json;
    std::vector<stix::Finding> findings;
    stix::ValidateObject(element, findings);
    std::vector<std::string> rules;
    for (const stix::Finding& finding : findings) {
      if (finding.severity == stix::Severity::kError) rules.push_back(finding.rule + " " + finding.path);
    }
    return rules;
  }
};

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr const char* kTask =
    R"({"type":"task","spec_version":"2.1","id":"task--fd4d3e71-c3e9-4a87-bbab-401a956fd877",)"
    R"("created":"2026-04-07T20:00:00.000Z","modified":"2026-04-07T20:00:00.000Z","name":"Check lorries",)"
    R"("outcome":"OUTCOME","priority":PRIORITY,"extensions":{)"
    R"("extension-definition--2074a052-8be4-4932-849e-f5e7798e0030":{"extension_type":"new-sdo"},)"
    R"("extension-definition--16b0ada2-9d57-4f9f-b4c1-d023634b2317":{"extension_type":"property-extension",)"
    R"("plan_ref":"PLAN","incident_ref":"incident--0f0e4d2b-5a3e-4c44-9a0e-1d2f3b4c5d6e",)"
    R"("responsible_ref":"identity--2f8e35c0-d83e-43d9-b92e-b23f4af5fb9b","due":"2026-04-08T00:00:00Z"}}})";

std::string TaskWith(std::string outcome, std::string priority, std::string plan) {
  std::string text = kTask;
  text.replace(text.find("OUTCOME"), 7, outcome);
  text.replace(text.find("PRIORITY"), 8, priority);
  text.replace(text.find("PLAN"), 4, plan);
  return text;
}

constexpr const char* kPlan = "course-of-action--6b0c3d3a-1f0e-4a44-8a4e-2d3c4b5a6f70";

TEST_F(ResponseTypesTest, ATaskValidates) { EXPECT_TRUE(Errors(TaskWith("pending", "70", kPlan)).empty()); }

TEST_F(ResponseTypesTest, TaskPropertiesAreChecked) {
  EXPECT_FALSE(Errors(TaskWith("finished", "70", kPlan)).empty()) << "outcome is an enumeration";
  EXPECT_FALSE(Errors(TaskWith("pending", "170", kPlan)).empty()) << "priority is 0-100";
  EXPECT_FALSE(Errors(TaskWith("pending", "70", "indicator--6b0c3d3a-1f0e-4a44-8a4e-2d3c4b5a6f70")).empty())
      << "plan_ref names a course-of-action";
}

TEST_F(ResponseTypesTest, IncidentExtensionsAreCheckedAndOnlyOnIncidents) {
  const std::string incident =
      R"({"type":"incident","spec_version":"2.1","id":"incident--0f0e4d2b-5a3e-4c44-9a0e-1d2f3b4c5d6e",)"
      R"("created":"2026-04-07T20:00:00.000Z","modified":"2026-04-07T20:00:00.000Z","name":"Route",)"
      R"("extensions":{"extension-definition--ef765651-680c-498d-9894-99799f2fa126":{"extension_type":)"
      R"("property-extension","investigation_status":"new","determination":"DETERMINATION","criticality":70},)"
      R"("extension-definition--b05dca82-07d9-4457-8d5b-7ce09de4a7c5":{"extension_type":"property-extension",)"
      R"("severity":"SEVERITY","affected_states":["identity--2f8e35c0-d83e-43d9-b92e-b23f4af5fb9b"]}}})";
  auto with = [&](std::string determination, std::string severity) {
    std::string text = incident;
    text.replace(text.find("DETERMINATION"), 13, determination);
    text.replace(text.find("SEVERITY"), 8, severity);
    return text;
  };
  EXPECT_TRUE(Errors(with("suspected", "high")).empty());
  EXPECT_FALSE(Errors(with("suspected", "apocalyptic")).empty());
  EXPECT_FALSE(Errors(with("probably", "high")).empty());
  std::string on_indicator = with("suspected", "high");
  on_indicator.replace(on_indicator.find("\"incident\""), 10, "\"campaign\"");
  on_indicator.replace(on_indicator.find("incident--"), 8, "campaign");
  std::vector<std::string> errors = Errors(on_indicator);
  EXPECT_TRUE(std::any_of(errors.begin(), errors.end(),
                          [](const std::string& rule) { return rule.starts_with("extension-target"); }));
}

TEST_F(ResponseTypesTest, ShippedDefinitionsAreTheFilesAndValid) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(KENES_RESPOND_DEFINITIONS)) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), ExtensionDefinitionTexts().size());
  ASSERT_EQ(files.size(), KenesExtensionIds().size());
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string text(ExtensionDefinitionTexts()[i]);
    EXPECT_EQ(ReadFile(files[i]), text) << files[i];
    EXPECT_TRUE(Errors(text).empty()) << files[i];
    EXPECT_NE(text.find(KenesExtensionIds()[i]), std::string::npos) << files[i];
  }
}

}  // namespace
}  // namespace kenes::respond
