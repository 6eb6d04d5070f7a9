// Kenes' assistance types: the shipped extension definitions are the
// compiled ones and valid STIX, and the validator checks objects of both
// types by them (cases/valid-*.json pass without findings; each
// cases/invalid-<rule>-<what>.json is refused with that rule).
#include "assist/assistance_types.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "assist/extension_definitions.h"
#include "stix/validator.h"

namespace kenes::assist {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKenesIdentity = "identity--2f8e35c0-d83e-43d9-b92e-b23f4af5fb9b";

std::string ReadFile(const fs::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

std::vector<fs::path> Files(const fs::path& directory, std::string_view prefix) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() == ".json" && entry.path().filename().string().starts_with(prefix)) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Describe(const std::vector<stix::Finding>& findings) {
  std::string out;
  for (const stix::Finding& finding : findings) out += finding.ToString() + "\n";
  return out;
}

class AssistanceTypesTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(RegisterAssistanceTypes().ok()); }

  std::vector<stix::Finding> Validate(const std::string& text) {
    simdjson::dom::element object;
    EXPECT_EQ(parser_.parse(text).get(object), simdjson::SUCCESS) << text;
    std::vector<stix::Finding> findings;
    stix::ValidateObject(object, findings);
    return findings;
  }

  simdjson::dom::parser parser_;
};

TEST_F(AssistanceTypesTest, RegisteringAgainIsHarmless) { EXPECT_TRUE(RegisterAssistanceTypes().ok()); }

TEST_F(AssistanceTypesTest, CompiledDefinitionsAreTheShippedFiles) {
  std::vector<fs::path> files = Files(KENES_ASSIST_DEFINITIONS_DIR, "");
  ASSERT_EQ(files.size(), ExtensionDefinitionTexts().size());
  for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(ReadFile(files[i]), ExtensionDefinitionTexts()[i]) << files[i];
}

TEST_F(AssistanceTypesTest, EachTypeHasOneValidNewSdoDefinitionByKenes) {
  for (std::string_view id : {kRequestDefinitionId, kOfferDefinitionId}) {
    SCOPED_TRACE(std::string(id));
    int found = 0;
    for (std::string_view text : ExtensionDefinitionTexts()) {
      simdjson::dom::element definition;
      ASSERT_EQ(parser_.parse(text).get(definition), simdjson::SUCCESS);
      std::string_view definition_id, author, schema;
      ASSERT_EQ(definition["id"].get(definition_id), simdjson::SUCCESS);
      if (definition_id != id) continue;
      ++found;
      EXPECT_TRUE(Validate(std::string(text)).empty()) << Describe(Validate(std::string(text)));
      ASSERT_EQ(definition["created_by_ref"].get(author), simdjson::SUCCESS);
      EXPECT_EQ(author, kKenesIdentity);
      simdjson::dom::array extension_types;
      ASSERT_EQ(definition["extension_types"].get(extension_types), simdjson::SUCCESS);
      ASSERT_EQ(extension_types.size(), 1u);
      EXPECT_EQ(extension_types.at(0).get_string().value(), "new-sdo");
      ASSERT_EQ(definition["schema"].get(schema), simdjson::SUCCESS);
      for (std::string_view property : {"status", "line_id", "quantity", "unit", "changed_by_ref"}) {
        EXPECT_NE(schema.find(property), std::string_view::npos) << "the schema text documents " << property;
      }
    }
    EXPECT_EQ(found, 1);
  }
}

TEST_F(AssistanceTypesTest, ValidObjectsHaveNoFindings) {
  std::vector<fs::path> files = Files(KENES_ASSIST_CASES_DIR, "valid-");
  ASSERT_EQ(files.size(), 2u);
  for (const fs::path& file : files) {
    std::vector<stix::Finding> findings = Validate(ReadFile(file));
    EXPECT_TRUE(findings.empty()) << file << "\n" << Describe(findings);
  }
}

TEST_F(AssistanceTypesTest, InvalidObjectsAreRefusedWithTheRuleTheirNameSays) {
  std::vector<fs::path> files = Files(KENES_ASSIST_CASES_DIR, "invalid-");
  ASSERT_GE(files.size(), 8u);
  for (const fs::path& file : files) {
    // invalid-<rule>-<what>.json: the rule is every word but the last.
    std::string name = file.stem().string().substr(std::string_view("invalid-").size());
    std::string rule = name.substr(0, name.rfind('-'));
    std::vector<stix::Finding> findings = Validate(ReadFile(file));
    EXPECT_TRUE(stix::HasErrors(findings)) << file;
    bool named = std::any_of(findings.begin(), findings.end(), [&](const stix::Finding& finding) {
      return finding.severity == stix::Severity::kError && finding.rule == rule;
    });
    EXPECT_TRUE(named) << file << ": expected rule " << rule << "\n" << Describe(findings);
  }
}

TEST_F(AssistanceTypesTest, AnUnknownItemIsOnlyAWarning) {
  std::string text = ReadFile(fs::path(KENES_ASSIST_CASES_DIR) / "valid-request.json");
  text.replace(text.find(R"("item":"boat")"), 13, R"("item":"hovercraft")");
  std::vector<stix::Finding> findings = Validate(text);
  EXPECT_FALSE(stix::HasErrors(findings)) << Describe(findings);
  EXPECT_FALSE(findings.empty());
}

}  // namespace
}  // namespace kenes::assist
