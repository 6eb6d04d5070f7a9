#include "correlate/alert_fixture.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "stix/object.h"
#include "store/store_fixture.h"

namespace kenes::correlate {

void AlertFixture::SetUp() {
  CommunityFixture::SetUp();
  Result<std::unique_ptr<AlertDatabase>> database = AlertDatabase::Open(AlertDatabase::FileIn(directory_), clock_);
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  database_ = std::move(database).value();
  alerts_ = std::make_unique<AlertBook>(*database_);
  desk_ = std::make_unique<DetailDesk>(*database_, *alerts_, *store_, community_->audit());
}

void AlertFixture::TearDown() {
  desk_.reset();
  alerts_.reset();
  database_.reset();
  CommunityFixture::TearDown();
}

std::string AlertFixture::StoreIndicator(int number, const std::string& organisation, share::Tlp tlp,
                                         share::DistributionKind distribution) {
  stix::Object object =
      store::MakeSdo(store::TestId("indicator", number), store::TestTime(1),
                     fmt::format(R"(,"created_by_ref":"{}","name":"secret-{}")", organisation, number));
  object.created_by_ref = organisation;
  share::Label label{organisation, tlp, share::Distribution{distribution, ""}};
  std::vector<store::AccessLabel> labels = {share::ToStoreLabel(label)};
  Result<std::vector<store::WriteResult>> written = store_->Put(std::span(&object, 1), labels);
  EXPECT_TRUE(written.ok()) << written.status().ToString();
  return object.id;
}

CrossBorderLink AlertFixture::Link(const std::string& value, Holding added, std::vector<Holding> others, double score) {
  return CrossBorderLink{{"ipv4-addr", value}, std::move(added), std::move(others), score};
}

}  // namespace kenes::correlate
