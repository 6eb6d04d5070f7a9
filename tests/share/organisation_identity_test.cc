// The STIX objects Kenes writes for its community pass the real validator.
#include "share/organisation_identity.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include "share/default_community.h"
#include "stix/validator.h"

namespace kenes::share {
namespace {

std::vector<stix::Finding> Validate(const std::string& text) {
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  EXPECT_EQ(parser.parse(text).get(element), simdjson::SUCCESS) << text;
  std::vector<stix::Finding> findings;
  stix::ValidateObject(element, findings);
  return findings;
}

std::string Lines(const std::vector<stix::Finding>& findings) {
  std::string lines;
  for (const stix::Finding& finding : findings) lines += finding.ToString() + "\n";
  return lines;
}

TEST(OrganisationIdentityTest, ShippedObjectsAreValidStixWithoutWarnings) {
  for (const std::string& text : {KenesIdentityJson(), OrganisationExtensionJson()}) {
    std::vector<stix::Finding> findings = Validate(text);
    EXPECT_TRUE(findings.empty()) << Lines(findings);
  }
}

TEST(OrganisationIdentityTest, OrganisationIdentitiesAreValidStix) {
  Organisation organisation;
  organisation.id = "identity--0b0d7f0c-8f4e-4a51-9b7e-3f9a1c2d4e5f";
  organisation.code = "KZ-FIN";
  organisation.name = "Financial Monitoring Agency \"AFM\"";
  organisation.country = "KZ";
  organisation.parent = DefaultCommunity().front().id;
  organisation.created = *ParseTimestamp("2026-01-01T00:00:00.000Z");
  organisation.modified = *ParseTimestamp("2026-02-01T00:00:00.123Z");
  std::string text = OrganisationIdentityJson(organisation);
  std::vector<stix::Finding> findings = Validate(text);
  EXPECT_FALSE(stix::HasErrors(findings)) << Lines(findings);
  EXPECT_NE(text.find(R"("modified":"2026-02-01T00:00:00.123Z")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("standing":"member","country":"KZ","parent_ref":"identity--f893a2ee)"), std::string::npos)
      << text;
  organisation.country.clear();
  organisation.parent.clear();
  organisation.standing = Standing::kPartner;
  text = OrganisationIdentityJson(organisation);
  EXPECT_FALSE(stix::HasErrors(Validate(text)));
  EXPECT_NE(text.find(R"({"extension_type":"property-extension","standing":"partner"}})"), std::string::npos) << text;
}

}  // namespace
}  // namespace kenes::share
