#include "assist_fixture.h"

#include <fmt/format.h>

#include "assist/version_writer.h"
#include "stix/random_id.h"

namespace kenes::assist {

void AssistFixture::SetUp() {
  share::CommunityFixture::SetUp();
  desk_ = std::make_unique<AssistanceDesk>(*store_, *community_,
                                           [this](notify::Notice notice) { notices_.push_back(std::move(notice)); });
  kazakhstan_ = AddUser("kz-analyst", "KZ", share::Role::kAnalyst);
  kyrgyzstan_ = AddUser("kg-analyst", "KG", share::Role::kAnalyst);
  uzbekistan_ = AddUser("uz-analyst", "UZ", share::Role::kAnalyst);
  european_union_ = AddUser("eu-analyst", "EU", share::Role::kAnalyst);
  kazakh_reader_ = AddUser("kz-reader", "KZ", share::Role::kReader);

  location_id_ = stix::RandomId("location");
  const std::string location = fmt::format(
      R"({{"type":"location","spec_version":"2.1","id":"{}","created":"2026-04-01T00:00:00.000Z",)"
      R"("modified":"2026-04-01T00:00:00.000Z","name":"Atyrau Region flood zone","latitude":47.11,"longitude":51.92}})",
      location_id_);
  VersionWriter writer(*store_, *community_);
  Result<store::StoredVersion> stored =
      writer.Write(kazakhstan_, location_id_, location,
                   {share::Tlp::kGreen, share::Distribution{share::DistributionKind::kCommunity, ""}}, {});
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
}

void AssistFixture::TearDown() {
  desk_.reset();
  share::CommunityFixture::TearDown();
}

std::string AssistFixture::OrganisationId(const std::string& code) {
  Result<share::Organisation> organisation = community_->FindOrganisation(code);
  EXPECT_TRUE(organisation.ok()) << code;
  return organisation.ok() ? organisation->id : std::string();
}

AssistanceRequest AssistFixture::PublishFloodRequest(const share::Principal& requester) {
  RequestDraft draft;
  draft.name = "Spring flood in Atyrau";
  draft.hazard = "flood";
  draft.location_ref = location_id_;
  draft.needs = {{"pumps", "pump", 10, "unit", "critical"}, {"boats", "boat", 4, "unit", "high"}};
  draft.sharing = {share::Tlp::kGreen, share::Distribution{share::DistributionKind::kCommunity, ""}};
  Result<AssistanceRequest> request = desk_->Publish(requester, draft);
  EXPECT_TRUE(request.ok()) << request.status().ToString();
  return request.ok() ? *request : AssistanceRequest{};
}

AssistanceOffer AssistFixture::PledgePumps(const share::Principal& offerer, const AssistanceRequest& request,
                                           int64_t pumps, Sharing sharing) {
  OfferDraft draft{request.id, {{"pumps", pumps, "unit", "mobile pumping units"}}, sharing};
  Result<AssistanceOffer> offer = desk_->Pledge(offerer, draft);
  EXPECT_TRUE(offer.ok()) << offer.status().ToString();
  return offer.ok() ? *offer : AssistanceOffer{};
}

}  // namespace kenes::assist
