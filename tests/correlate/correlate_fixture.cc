#include "correlate_fixture.h"

#include <fmt/format.h>
#include "ingest/importer.h"
#include "observable/kenes_sco_types.h"
#include "share/write_labeller.h"
#include "stix/sco_id.h"
#include "support/import_lines.h"

namespace kenes::correlate {

void CorrelateFixture::SetUp() {
  ASSERT_TRUE(observable::RegisterKenesScoTypes().ok());  // phone-number and the other Kenes observables
  share::CommunityFixture::SetUp();
  correlator_ = NewCorrelator();
}

void CorrelateFixture::TearDown() {
  correlator_.reset();
  share::CommunityFixture::TearDown();
}

std::unique_ptr<Correlator> CorrelateFixture::NewCorrelator() {
  Result<std::unique_ptr<Correlator>> correlator = Correlator::Create(
      *store_, *community_, IndexLimits{},
      [this](const std::vector<CrossBorderLink>& links) { links_.insert(links_.end(), links.begin(), links.end()); });
  EXPECT_TRUE(correlator.ok()) << correlator.status().ToString();
  return correlator.ok() ? std::move(correlator).value() : nullptr;
}

std::string CorrelateFixture::Org(const std::string& code) {
  Result<share::Organisation> organisation = community_->FindOrganisation(code);
  EXPECT_TRUE(organisation.ok()) << code;
  return organisation.ok() ? organisation->id : "";
}

void CorrelateFixture::Import(const std::string& code, const std::vector<std::string>& objects, share::Tlp tlp,
                              share::DistributionKind distribution) {
  share::LabelDefaults defaults{Org(code), tlp, {distribution, ""}};
  Result<share::WriteLabel> labeller =
      share::WriteLabeller(*store_, *community_, share::NodeOperator("test"), defaults);
  ASSERT_TRUE(labeller.ok()) << labeller.status().ToString();
  ingest::ImportOptions options;
  options.assign_missing_sco_ids = true;
  options.label = std::move(labeller).value();
  options.on_batch = [this](const ingest::StoredBatch& batch) {
    Status observed = correlator_->Observe(batch);
    EXPECT_TRUE(observed.ok()) << observed.ToString();
  };
  const std::vector<std::string> errors = test::ImportLines(*store_, std::move(options), objects);
  EXPECT_TRUE(errors.empty()) << fmt::format("{}", fmt::join(errors, "\n"));
}

std::string Phone(const std::string& value, const std::string& country) {
  std::string id = "phone-number--" + stix::UuidV5(fmt::format(R"({{"value":"{}"}})", value));
  return fmt::format(
      R"({{"type":"phone-number","spec_version":"2.1","id":"{}","value":"{}"{},"extensions":{{)"
      R"("extension-definition--27692277-b1e4-4708-9108-6c7c921a0e1e":{{"extension_type":"new-sco"}}}}}})",
      id, value, country.empty() ? "" : R"(,"country":")" + country + "\"");
}

std::string Address(const std::string& value) {
  return fmt::format(R"({{"type":"ipv4-addr","spec_version":"2.1","value":"{}"}})", value);
}

std::string AddressId(const std::string& value) {
  return "ipv4-addr--" + stix::UuidV5(fmt::format(R"({{"value":"{}"}})", value));
}

std::string SdoId(const std::string& type, int number) {
  return fmt::format("{}--6f1c2a3b-4d5e-4f60-8a7b-{:012d}", type, number);
}

std::string Sdo(const std::string& type, int number, const std::string& author, const std::string& members,
                const std::string& modified) {
  return fmt::format(R"({{"type":"{}","spec_version":"2.1","id":"{}","created_by_ref":"{}",)"
                     R"("created":"2026-05-01T00:00:00.000Z","modified":"{}",{}}})",
                     type, SdoId(type, number), author, modified, members);
}

std::string Indicator(int number, const std::string& author, const std::string& pattern, const std::string& modified,
                      const std::string& extra) {
  return Sdo("indicator", number, author,
             fmt::format(R"("name":"i","pattern":"{}","pattern_type":"stix","valid_from":"2026-05-01T00:00:00Z"{})",
                         pattern, extra),
             modified);
}

std::string Person(int number, const std::string& author, const std::string& name) {
  return Sdo("identity", number, author, fmt::format(R"("name":"{}","identity_class":"individual")", name));
}

}  // namespace kenes::correlate
