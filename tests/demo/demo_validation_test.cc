// Every generated object must pass the STIX 2.1 validator Kenes applies to
// what producers send: the demo data is what people first see of Kenes.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "demo/demo_generator.h"
#include "stix/validator.h"

namespace kenes::demo {
namespace {

TEST(DemoValidation, BaseScenarioAndScaledObjectsHaveNoErrorsOrWarnings) {
  size_t base = DemoGenerator({.seed = 1}).base_object_count();
  DemoGenerator generator({.seed = 1, .object_count = base + 20000});
  simdjson::dom::parser parser;
  std::string json;
  std::map<std::string, size_t> findings_by_rule;
  size_t objects = 0;
  while (generator.Next(json)) {
    ++objects;
    simdjson::dom::element element;
    ASSERT_EQ(parser.parse(json).get(element), simdjson::SUCCESS) << json;
    std::vector<stix::Finding> findings;
    stix::ValidateObject(element, findings);
    for (const stix::Finding& finding : findings) {
      // Report each kind of finding once, with the object it was seen in.
      if (findings_by_rule[finding.rule]++ == 0) ADD_FAILURE() << finding.ToString() << "\n  in " << json;
    }
  }
  EXPECT_EQ(objects, base + 20000);
  EXPECT_TRUE(findings_by_rule.empty());
}

// Addresses are numbered through the whole stream, so the ones a benchmark
// scale reaches (past 65,536 IPv6 addresses) must be valid too.
TEST(DemoValidation, AddressesStayValidAtBenchmarkScale) {
  DemoGenerator generator({.seed = 1, .object_count = 600000});
  simdjson::dom::parser parser;
  std::string json;
  size_t addresses = 0;
  while (generator.Next(json)) {
    if (json.find("\"type\":\"ipv6-addr\"") == std::string::npos) continue;
    ++addresses;
    simdjson::dom::element element;
    ASSERT_EQ(parser.parse(json).get(element), simdjson::SUCCESS) << json;
    std::vector<stix::Finding> findings;
    stix::ValidateObject(element, findings);
    ASSERT_FALSE(stix::HasErrors(findings)) << findings.front().ToString();
  }
  EXPECT_GT(addresses, 70000u);
}

// The check above is only worth something if the validator does reject a
// broken object of the kind the generator writes.
TEST(DemoValidation, ValidatorRejectsABrokenGeneratedIndicator) {
  size_t base = DemoGenerator({.seed = 1}).base_object_count();
  DemoGenerator generator({.seed = 1, .object_count = base + 8});
  std::string json;
  std::string indicator;
  while (generator.Next(json)) {
    if (json.starts_with(R"({"type":"indicator")")) indicator = json;
  }
  const std::string pattern_type = R"("pattern_type":"stix")";
  size_t position = indicator.find(pattern_type);
  ASSERT_NE(position, std::string::npos);
  indicator.replace(position, pattern_type.size(), R"("pattern_type":7)");
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  ASSERT_EQ(parser.parse(indicator).get(element), simdjson::SUCCESS);
  std::vector<stix::Finding> findings;
  stix::ValidateObject(element, findings);
  EXPECT_TRUE(stix::HasErrors(findings));
}

}  // namespace
}  // namespace kenes::demo
