// Validator tests: the OASIS examples must pass, and every case in
// tests/stix/cases/*.json must be rejected (or warned about) with the
// expected rule at the expected path.
//
// A case file holds {"cases": [{"name", "object", "rule", "path",
// "severity" ("error" by default, or "warning"), "bundle" (validate the
// object as a bundle)}]}; a case with "valid": true must produce no finding.
#include "stix/validator.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "stix/validation/common_properties.h"

namespace kenes::stix {
namespace {

namespace fs = std::filesystem;

std::string Describe(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& finding : findings) text += "  " + finding.ToString() + "\n";
  return text;
}

std::vector<fs::path> JsonFilesUnder(const fs::path& root) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Validates a bundle and everything in it, or a single object.
std::vector<Finding> ValidateDocument(simdjson::dom::element document, size_t& objects) {
  std::vector<Finding> findings;
  std::string_view type;
  simdjson::dom::array members;
  if (document["type"].get(type) == simdjson::SUCCESS && type == "bundle") {
    ValidateBundle(document, findings);
    if (document["objects"].get(members) == simdjson::SUCCESS) {
      for (simdjson::dom::element member : members) {
        ValidateObject(member, findings);
        ++objects;
      }
    }
  } else {
    ValidateObject(document, findings);
    ++objects;
  }
  return findings;
}

TEST(ValidatorExamples, OasisExamplesHaveNoErrors) {
  size_t objects = 0, files = 0, warnings = 0;
  simdjson::dom::parser parser;
  for (const fs::path& file : JsonFilesUnder(fs::path(KENES_SHARED_DIR) / "stix2-json-schemas" / "examples")) {
    simdjson::dom::element document;
    ASSERT_EQ(parser.load(file.string()).get(document), simdjson::SUCCESS) << file;
    std::vector<Finding> findings = ValidateDocument(document, objects);
    EXPECT_FALSE(HasErrors(findings)) << file << "\n" << Describe(findings);
    warnings += findings.size();
    ++files;
  }
  EXPECT_GE(files, 8u);
  EXPECT_GE(objects, 200u);
  std::printf("examples: %zu files, %zu objects, %zu warnings\n", files, objects, warnings);
}

// The interop folder holds the JSON Schemas of the interoperability
// profile, not STIX content; each file is checked to be one, so that a STIX
// document added there later is validated rather than passed over.
TEST(ValidatorExamples, InteropFilesAreSchemasOrValid) {
  simdjson::dom::parser parser;
  size_t schemas = 0, objects = 0;
  for (const fs::path& file : JsonFilesUnder(fs::path(KENES_SHARED_DIR) / "stix2-json-schemas" / "interop")) {
    simdjson::dom::element document;
    ASSERT_EQ(parser.load(file.string()).get(document), simdjson::SUCCESS) << file;
    simdjson::dom::element schema;
    if (document["$schema"].get(schema) == simdjson::SUCCESS) {
      ++schemas;
      continue;
    }
    std::vector<Finding> findings = ValidateDocument(document, objects);
    EXPECT_FALSE(HasErrors(findings)) << file << "\n" << Describe(findings);
  }
  EXPECT_GT(schemas + objects, 0u);
}

struct Case {
  std::string file;
  std::string name;
  std::string json;  // the whole case, re-parsed per test
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  simdjson::dom::parser parser;
  for (const fs::path& file : JsonFilesUnder(KENES_STIX_CASES_DIR)) {
    simdjson::dom::element document;
    simdjson::dom::array list;
    if (parser.load(file.string()).get(document) != simdjson::SUCCESS ||
        document["cases"].get(list) != simdjson::SUCCESS) {
      cases.push_back({file.filename().string(), "unreadable_case_file", "{}"});
      continue;
    }
    for (simdjson::dom::element item : list) {
      std::string_view name;
      if (item["name"].get(name) != simdjson::SUCCESS) name = "unnamed";
      cases.push_back({file.stem().string(), std::string(name), simdjson::minify(item)});
    }
  }
  return cases;
}

void PrintTo(const Case& test_case, std::ostream* out) { *out << test_case.file << "/" << test_case.name; }

class ValidatorCase : public testing::TestWithParam<Case> {};

TEST_P(ValidatorCase, IsReportedAsExpected) {
  const Case& test_case = GetParam();
  simdjson::dom::parser parser;
  simdjson::dom::element item, object;
  ASSERT_EQ(parser.parse(test_case.json).get(item), simdjson::SUCCESS);
  ASSERT_EQ(item["object"].get(object), simdjson::SUCCESS) << "case without an object";
  bool as_bundle = false, valid = false;
  as_bundle = item["bundle"].get(as_bundle) == simdjson::SUCCESS && as_bundle;
  valid = item["valid"].get(valid) == simdjson::SUCCESS && valid;
  std::vector<Finding> findings;
  if (as_bundle) {
    ValidateBundle(object, findings);
  } else {
    ValidateObject(object, findings);
  }
  if (valid) {
    EXPECT_TRUE(findings.empty()) << Describe(findings);
    return;
  }
  std::string_view rule, path, severity_name = "error", id;
  ASSERT_EQ(item["rule"].get(rule), simdjson::SUCCESS) << "case without a rule";
  ASSERT_EQ(item["path"].get(path), simdjson::SUCCESS) << "case without a path";
  if (item["severity"].get(severity_name) != simdjson::SUCCESS) severity_name = "error";
  if (object["id"].get(id) != simdjson::SUCCESS) id = "";
  Severity severity = severity_name == "warning" ? Severity::kWarning : Severity::kError;
  const Finding* match = nullptr;
  for (const Finding& finding : findings) {
    if (finding.rule == rule && finding.path == path && finding.severity == severity) match = &finding;
  }
  ASSERT_NE(match, nullptr) << "expected " << severity_name << " [" << rule << "] at " << path << ", got:\n"
                            << Describe(findings);
  EXPECT_EQ(match->object_id, id);
  EXPECT_NE(match->ToString().find(std::string(id)), std::string::npos) << match->ToString();
  EXPECT_FALSE(match->message.empty());
  EXPECT_EQ(match->ToString().find('\n'), std::string::npos) << "a finding is one line";
  if (severity == Severity::kWarning) {
    EXPECT_FALSE(HasErrors(findings)) << "a SHOULD must never be an error:\n" << Describe(findings);
  }
}

std::string CaseName(const testing::TestParamInfo<Case>& info) {
  std::string name = info.param.file + "_" + info.param.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, ValidatorCase, testing::ValuesIn(LoadCases()), CaseName);

TEST(ValidatorFinding, ToStringNamesIdPathRuleAndMessage) {
  Finding finding{Severity::kError, "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "$.valid_from",
                  "timestamp-format", "'yesterday' is not an RFC 3339 timestamp"};
  EXPECT_EQ(finding.ToString(),
            "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f $.valid_from: [timestamp-format] 'yesterday' is not an "
            "RFC 3339 timestamp");
  finding.severity = Severity::kWarning;
  EXPECT_FALSE(HasErrors({finding}));
  finding.severity = Severity::kError;
  EXPECT_TRUE(HasErrors({finding}));
}

TEST(ValidatorRegistry, RegisteredTypesAreValidatedByTheirTable) {
  validation::TypeDefinition definition = validation::DefineType("x-kenes-test-phone", validation::Category::kSco,
                                                                 {{"number", validation::String(), true}});
  definition.defined_by_extension = true;
  ASSERT_TRUE(RegisterType(definition).ok());
  EXPECT_EQ(RegisterType(definition).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(RegisterType(validation::DefineType("Bad_Name", validation::Category::kSco, {})).code(),
            StatusCode::kInvalidArgument);
  simdjson::dom::parser parser;
  simdjson::dom::element object;
  ASSERT_EQ(parser
                .parse(std::string(R"({"type":"x-kenes-test-phone","id":"x-kenes-test-phone--)"
                                   R"(5f4b9f8e-2d3c-5a1b-9c8d-7e6f5a4b3c2d","defanged":"no","extensions":)"
                                   R"({"extension-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f":)"
                                   R"({"extension_type":"new-sco"}}})"))
                .get(object),
            simdjson::SUCCESS);
  std::vector<Finding> findings;
  ValidateObject(object, findings);
  // Its own required property and a common SCO property are checked; its
  // new-sco extension entry is accepted because the type is defined by one.
  ASSERT_EQ(findings.size(), 2u) << Describe(findings);
  EXPECT_EQ(findings[0].path, "$.defanged");
  EXPECT_EQ(findings[0].rule, "property-type");
  EXPECT_EQ(findings[1].path, "$.number");
  EXPECT_EQ(findings[1].rule, "required-property");
}

// Nanoseconds one validation of `text` takes, averaged; fails the test if
// the object is not valid, since only valid objects are on the fast path.
double ValidationNanoseconds(const std::string& text) {
  simdjson::dom::parser parser;
  simdjson::dom::element object;
  EXPECT_EQ(parser.parse(text).get(object), simdjson::SUCCESS);
  std::vector<Finding> findings;
  constexpr int kRounds = 20000;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRounds; ++i) ValidateObject(object, findings);
  double nanoseconds =
      std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() / kRounds;
  EXPECT_TRUE(findings.empty()) << Describe(findings);
  return nanoseconds;
}

// The ingest budget is a few microseconds per object; this guards against
// an order-of-magnitude regression, not against noise.
TEST(ValidatorSpeed, TypicalObjectsTakeMicroseconds) {
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
  GTEST_SKIP() << "timing is only meaningful in an optimised build without sanitizers";
#endif
  const std::string common = R"("spec_version":"2.1","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
    "created":"2016-04-06T20:03:48.000Z","modified":"2016-04-06T20:03:48.000Z",
    "object_marking_refs":["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"],)";
  const std::string indicator = R"({"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",)" +
                                common + R"("indicator_types":["malicious-activity"],
    "name":"Poison Ivy Malware","description":"This file is part of Poison Ivy",
    "pattern":"[ file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' ]",
    "pattern_type":"stix","valid_from":"2016-01-01T00:00:00Z"})";
  const std::string relationship =
      R"({"type":"relationship","id":"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad",)" + common +
      R"("relationship_type":"indicates","source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
    "target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b","description":"Poison Ivy indicator"})";
  const std::string file = R"({"type":"file","spec_version":"2.1","id":"file--5f4b9f8e-2d3c-5a1b-9c8d-7e6f5a4b3c2d",
    "name":"foo.dll","size":25536,"hashes":{"SHA-256":"ceafbfd424be2ca4a5f0402cae090dda2fb0526a5f6093ecab2b2b68f0c0f1e1"},
    "object_marking_refs":["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"]})";
  for (const auto& [name, text] :
       {std::pair{"indicator", &indicator}, std::pair{"relationship", &relationship}, std::pair{"file", &file}}) {
    double nanoseconds = ValidationNanoseconds(*text);
    std::printf("validation of a %zu-byte %s: %.0f ns\n", text->size(), name, nanoseconds);
    EXPECT_LT(nanoseconds, 50000.0) << name;
  }
}

}  // namespace
}  // namespace kenes::stix
