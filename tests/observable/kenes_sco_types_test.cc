// Kenes' own SCO types: their extension definitions (the files in
// src/observable/definitions, and the texts compiled from them) must be
// valid STIX, one per type; and each case in
// tests/observable/cases/kenes_types.json must validate ("valid": true, no
// errors) or be refused with its "rule" at its "path".
#include "observable/kenes_sco_types.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "object_cases.h"
#include "observable/extension_definitions.h"
#include "stix/sco_id.h"
#include "stix/validator.h"

namespace kenes::observable {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKenesIdentity = "identity--2f8e35c0-d83e-43d9-b92e-b23f4af5fb9b";

std::string Describe(const std::vector<stix::Finding>& findings) {
  std::string text;
  for (const stix::Finding& finding : findings) text += "  " + finding.ToString() + "\n";
  return text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class KenesScoTypesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(RegisterKenesScoTypes().ok()); }
  simdjson::dom::parser parser_;
};

TEST_F(KenesScoTypesTest, RegisteringAgainIsHarmless) { EXPECT_TRUE(RegisterKenesScoTypes().ok()); }

TEST_F(KenesScoTypesTest, CompiledDefinitionsAreTheShippedFiles) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(KENES_OBSERVABLE_DEFINITIONS_DIR)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), ExtensionDefinitionTexts().size());
  for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(ReadFile(files[i]), ExtensionDefinitionTexts()[i]) << files[i];
}

TEST_F(KenesScoTypesTest, EachTypeHasOneValidNewScoDefinitionByKenes) {
  ASSERT_EQ(KenesScoTypes().size(), ExtensionDefinitionTexts().size());
  for (const KenesScoType& type : KenesScoTypes()) {
    SCOPED_TRACE(std::string(type.type));
    int found = 0;
    for (std::string_view text : ExtensionDefinitionTexts()) {
      simdjson::dom::element definition;
      ASSERT_EQ(parser_.parse(text).get(definition), simdjson::SUCCESS);
      std::string_view id, author, extension_type;
      ASSERT_EQ(definition["id"].get(id), simdjson::SUCCESS);
      if (id != type.extension_definition_id) continue;
      ++found;
      std::vector<stix::Finding> findings;
      stix::ValidateObject(definition, findings);
      EXPECT_TRUE(findings.empty()) << Describe(findings);
      ASSERT_EQ(definition["created_by_ref"].get(author), simdjson::SUCCESS);
      EXPECT_EQ(author, kKenesIdentity);
      simdjson::dom::array extension_types;
      ASSERT_EQ(definition["extension_types"].get(extension_types), simdjson::SUCCESS);
      ASSERT_EQ(extension_types.size(), 1u);
      ASSERT_EQ(extension_types.at(0).get(extension_type), simdjson::SUCCESS);
      EXPECT_EQ(extension_type, "new-sco");
    }
    EXPECT_EQ(found, 1);
  }
}

TEST_F(KenesScoTypesTest, SampleObjectsValidateOrFailAsExpected) {
  std::vector<ObjectCase> cases = LoadObjectCases(parser_, "kenes_types.json");
  ASSERT_GT(cases.size(), 20u);
  for (const ObjectCase& object_case : cases) {
    SCOPED_TRACE(object_case.name);
    simdjson::dom::element c = object_case.expectation;
    std::vector<stix::Finding> findings;
    stix::ValidateObject(object_case.object, findings);
    bool valid = false;
    if (c["valid"].get(valid) == simdjson::SUCCESS && valid) {
      EXPECT_FALSE(stix::HasErrors(findings)) << Describe(findings);
      continue;
    }
    std::string_view rule, path;
    ASSERT_EQ(c["rule"].get(rule), simdjson::SUCCESS);
    ASSERT_EQ(c["path"].get(path), simdjson::SUCCESS);
    bool reported = std::any_of(findings.begin(), findings.end(), [&](const stix::Finding& finding) {
      return finding.severity == stix::Severity::kError && finding.rule == rule && finding.path == path;
    });
    EXPECT_TRUE(reported) << "wanted [" << rule << "] at " << path << ", got:\n" << Describe(findings);
  }
}

// The ids of the valid samples were computed independently (Python's
// uuid5 over the JSON of the contributing properties); ScoId must agree.
TEST_F(KenesScoTypesTest, ValidSamplesCarryTheirDeterministicIds) {
  std::vector<ObjectCase> cases = LoadObjectCases(parser_, "kenes_types.json");
  for (const KenesScoType& type : KenesScoTypes()) EXPECT_TRUE(stix::IsScoType(type.type)) << type.type;
  for (const ObjectCase& object_case : cases) {
    bool valid = false;
    if (object_case.expectation["valid"].get(valid) != simdjson::SUCCESS || !valid) continue;
    SCOPED_TRACE(object_case.name);
    std::string_view id;
    ASSERT_EQ(object_case.object["id"].get(id), simdjson::SUCCESS);
    Result<std::string> computed = stix::ScoId(object_case.object);
    ASSERT_TRUE(computed.ok()) << computed.status().ToString();
    EXPECT_EQ(*computed, id);
  }
}

}  // namespace
}  // namespace kenes::observable
