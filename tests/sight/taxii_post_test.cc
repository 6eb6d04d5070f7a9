// Automatic sightings through TAXII: observed-data POSTed by one
// organisation is sighted against another's indicator, and the sighting is
// read back over TAXII by the indicator's author only.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>

#include "share/distribution_marking.h"
#include "sight/hunter.h"
#include "sight_fixture.h"
#include "taxii/collections.h"
#include "taxii/taxii_fixture.h"

namespace kenes::sight {
namespace {

class SightingsThroughTaxii : public taxii::TaxiiFixture {
 protected:
  void SetUp() override {
    options_.on_batch = [this](const ingest::StoredBatch& batch) {
      Status hunted = hunter_->Observe(batch);
      EXPECT_TRUE(hunted.ok()) << hunted.ToString();
    };
    TaxiiFixture::SetUp();
    hunter_ = std::make_unique<Hunter>(*store_, *community_);
  }

  // The path of `code`'s collection of `kind` (+ "objects/...").
  std::string Collection(taxii::CollectionKind kind, const std::string& code, std::string_view rest) {
    return CollectionPath(taxii::CollectionId(kind, community_->FindOrganisation(code)->id), rest);
  }

  std::unique_ptr<Hunter> hunter_;
};

TEST_F(SightingsThroughTaxii, APostedObservationIsSightedForTheIndicatorsAuthor) {
  const std::string kz = AddUserWithKey("kz-analyst", "KZ", share::Role::kAnalyst);
  const std::string kg = AddUserWithKey("kg-analyst", "KG", share::Role::kAnalyst);
  const std::string tj = AddUserWithKey("tj-reader", "TJ", share::Role::kReader);
  const std::string indicator = TestObjectId("indicator", 7);
  const std::string to_community = fmt::format(R"(,"object_marking_refs":["{}"])",
                                               share::DistributionMarkingId({share::DistributionKind::kCommunity, ""}));
  taxii::Reply posted = Post(Collection(taxii::CollectionKind::kOwn, "KZ", "objects/"), kz,
                             taxii::Envelope({taxii::Indicator(indicator, "2026-01-01T00:00:00.000Z", to_community)}));
  ASSERT_EQ(posted.status, 202) << posted.body;
  ASSERT_EQ(taxii::At(posted.body, "/success_count"), "1") << posted.body;

  const std::string observed = TestObjectId("observed-data", 7);
  posted = Post(Collection(taxii::CollectionKind::kOwn, "KG", "objects/"), kg,
                taxii::Envelope({Address("198.51.100.1"), ObservedData(observed, community_->FindOrganisation("KG")->id,
                                                                       {AddressId("198.51.100.1")})}));
  ASSERT_EQ(posted.status, 202) << posted.body;
  ASSERT_EQ(taxii::At(posted.body, "/success_count"), "2") << posted.body;
  EXPECT_EQ(hunter_->totals().sightings, 1u);

  const std::string sightings = "objects/?match[type]=sighting";
  taxii::Reply author = Get(Collection(taxii::CollectionKind::kShared, "KZ", sightings), kz);
  ASSERT_EQ(author.status, 200) << author.body;
  EXPECT_EQ(taxii::At(author.body, "/objects/0/sighting_of_ref"), "\"" + indicator + "\"") << author.body;
  EXPECT_EQ(taxii::At(author.body, "/objects/0/observed_data_refs/0"), "\"" + observed + "\"");
  taxii::Reply observer = Get(Collection(taxii::CollectionKind::kShared, "KG", sightings), kg);
  EXPECT_EQ(taxii::Ids(observer.body).size(), 1u) << observer.body;
  taxii::Reply third = Get(Collection(taxii::CollectionKind::kShared, "TJ", sightings), tj);
  EXPECT_TRUE(taxii::Ids(third.body).empty()) << third.body;
}

}  // namespace
}  // namespace kenes::sight
