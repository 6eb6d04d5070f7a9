// An object granted to an organisation (what approving a request for
// details does: correlate/detail_desk.h) reads through TAXII as the
// organisation's own reads do: in its shared collection, by id and in
// pages; a third organisation still reads it as unknown, and the grantee
// cannot delete it.
#include <gtest/gtest.h>

#include "share/access_label.h"
#include "stix/object.h"
#include "taxii/collections.h"
#include "taxii/taxii_fixture.h"

namespace kenes::taxii {
namespace {

const std::string kKazakhstan = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";
const std::string kKyrgyzstan = "identity--e099ec6c-d736-4ca5-85e7-bb0f12278575";
const std::string kEuropeanUnion = "identity--1f841063-3ef3-46ac-8973-05c5d1aab99f";
const std::string kObject = "indicator--8f0c0b3e-7d8a-4c1e-9a51-5d2f6b1e0a01";

class ObjectGrantTest : public TaxiiFixture {
 protected:
  void SetUp() override {
    TaxiiFixture::SetUp();
    // KG's object, its own only (TLP:AMBER, distribution organisation).
    stix::Object object;
    object.id = kObject;
    object.type = "indicator";
    object.spec_version = "2.1";
    object.created_by_ref = kKyrgyzstan;
    object.modified = ParseTimestamp("2026-01-01T00:00:00.000Z");
    object.json = Indicator(kObject, "2026-01-01T00:00:00.000Z", ",\"created_by_ref\":\"" + kKyrgyzstan + "\"");
    std::vector<store::AccessLabel> labels = {
        share::ToStoreLabel({kKyrgyzstan, share::Tlp::kAmber, share::Distribution{}})};
    ASSERT_TRUE(store_->Put(std::span(&object, 1), labels).ok());
    kz_key_ = AddUserWithKey("kz.analyst", "KZ", share::Role::kAnalyst);
    eu_key_ = AddUserWithKey("eu.analyst", "EU", share::Role::kAnalyst);
  }

  Reply Read(const std::string& organisation, const std::string& key) {
    return Get(CollectionPath(CollectionId(CollectionKind::kShared, organisation), "objects/" + kObject + "/"), key);
  }

  std::vector<std::string> Listed(const std::string& organisation, const std::string& key) {
    return Ids(Get(CollectionPath(CollectionId(CollectionKind::kShared, organisation), "objects/"), key).body);
  }

  std::string kz_key_, eu_key_;
};

TEST_F(ObjectGrantTest, GrantedObjectReadsThroughTaxii) {
  EXPECT_EQ(Read(kKazakhstan, kz_key_).status, 404);
  ASSERT_TRUE(store_->GrantObject(kObject, kKazakhstan).ok());

  Reply read = Read(kKazakhstan, kz_key_);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(Ids(read.body), std::vector<std::string>{kObject});
  std::vector<std::string> listed = Listed(kKazakhstan, kz_key_);
  EXPECT_NE(std::find(listed.begin(), listed.end(), kObject), listed.end());

  EXPECT_EQ(Read(kEuropeanUnion, eu_key_).status, 404);
  std::vector<std::string> european = Listed(kEuropeanUnion, eu_key_);
  EXPECT_EQ(std::find(european.begin(), european.end(), kObject), european.end());

  // Reading is all a grant gives: the shared collection refuses deletes, and the store's own refuses the grantee.
  EXPECT_NE(Delete(CollectionPath(CollectionId(CollectionKind::kOwn, kKazakhstan), "objects/" + kObject + "/"),
                   kz_key_)
                .status,
            200);
  store::Viewer kazakh{kKazakhstan, {}};
  EXPECT_EQ(store_->Delete(kObject, {}, {}, &kazakh).status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(store_->Latest(kObject).ok());
}

}  // namespace
}  // namespace kenes::taxii
