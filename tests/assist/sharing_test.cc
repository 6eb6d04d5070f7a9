// Sharing through the desk: an organisation never sees an offer it may not,
// the requester always sees the offers made to it, each ledger counts what
// its reader may see; versions keep their author and name who changed them;
// notices go to whom they concern.
#include <gtest/gtest.h>

#include <algorithm>

#include "assist/incident_gaps.h"
#include "assist/version_writer.h"
#include "assist_fixture.h"
#include "share/access_viewer.h"
#include "stix/random_id.h"

namespace kenes::assist {
namespace {

using SharingTest = AssistFixture;

bool HasAudit(share::Community& community, std::string_view action, std::string_view target) {
  share::AuditFilter filter;
  filter.action = std::string(action);
  Result<std::vector<share::AuditEntry>> entries = community.audit().Show(filter);
  if (!entries.ok()) return false;
  return std::any_of(entries->begin(), entries->end(),
                     [&](const share::AuditEntry& entry) { return entry.target == target; });
}

TEST_F(SharingTest, AnOfferForTheRequesterOnlyIsHiddenFromAThirdState) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer offer = PledgePumps(kyrgyzstan_, request, 5);  // distribution organisation: no one else
  EXPECT_TRUE(HasAudit(*community_, "assistance.grant", offer.id));

  EXPECT_EQ(desk_->ReadOffer(uzbekistan_, offer.id).status().code(), StatusCode::kNotFound);
  Result<RequestView> third = desk_->ReadRequest(uzbekistan_, request.id);
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_TRUE(third->offers.empty());
  EXPECT_EQ(third->ledger[0].pledged, 0);
  Result<std::vector<AssistanceOffer>> listed = desk_->ListOffers(uzbekistan_, OfferDirection::kBoth);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->empty());

  Result<RequestView> requester = desk_->ReadRequest(kazakhstan_, request.id);
  ASSERT_TRUE(requester.ok());
  ASSERT_EQ(requester->offers.size(), 1u);
  EXPECT_EQ(requester->ledger[0].pledged, 5);
  Result<std::vector<AssistanceOffer>> to_me = desk_->ListOffers(kazakhstan_, OfferDirection::kToMe);
  ASSERT_TRUE(to_me.ok());
  ASSERT_EQ(to_me->size(), 1u);
  EXPECT_EQ(to_me->front().id, offer.id);
  Result<std::vector<AssistanceOffer>> mine = desk_->ListOffers(kyrgyzstan_, OfferDirection::kMine);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->size(), 1u);
}

TEST_F(SharingTest, AnOfferSharedWithTheCommunityIsCountedForEveryone) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer shared = PledgePumps(
      european_union_, request, 4, {share::Tlp::kGreen, share::Distribution{share::DistributionKind::kCommunity, ""}});
  PledgePumps(kyrgyzstan_, request, 5);
  EXPECT_FALSE(HasAudit(*community_, "assistance.grant", shared.id));  // the requester sees it anyway
  Result<RequestView> third = desk_->ReadRequest(uzbekistan_, request.id);
  ASSERT_TRUE(third.ok());
  ASSERT_EQ(third->offers.size(), 1u);
  EXPECT_EQ(third->offers[0].id, shared.id);
  EXPECT_EQ(third->ledger[0].pledged, 4);
  Result<RequestView> requester = desk_->ReadRequest(kazakhstan_, request.id);
  ASSERT_TRUE(requester.ok());
  EXPECT_EQ(requester->ledger[0].pledged, 9);
}

TEST_F(SharingTest, EveryChangeIsAVersionKeepingItsAuthorAndNamingWhoChangedIt) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer offer = PledgePumps(kyrgyzstan_, request, 5);
  Result<AssistanceOffer> accepted = desk_->Accept(kazakhstan_, offer.id);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->offerer, OrganisationId("KG"));
  EXPECT_EQ(accepted->changed_by, OrganisationId("KZ"));
  ASSERT_TRUE(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", 5, 2}}).ok());
  Result<std::vector<store::StoredVersion>> versions = store_->Versions(offer.id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 3u);
  for (const store::StoredVersion& version : *versions) EXPECT_EQ(version.created_by_ref, OrganisationId("KG"));
  EXPECT_EQ(ParseOffer(versions->back().json)->changed_by, OrganisationId("KG"));
  EXPECT_TRUE(HasAudit(*community_, "assistance.accept", offer.id));
  // The third state still sees none of it.
  EXPECT_EQ(store_->Versions(offer.id, nullptr)->size(), 3u);
  Result<std::vector<AssistanceOffer>> third = desk_->ListOffers(uzbekistan_, OfferDirection::kBoth);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->empty());
}

TEST_F(SharingTest, NoticesGoToWhomTheyConcern) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer offer = PledgePumps(kyrgyzstan_, request, 5);
  AssistanceOffer declined = PledgePumps(uzbekistan_, request, 1);
  ASSERT_TRUE(desk_->Accept(kazakhstan_, offer.id).ok());
  ASSERT_TRUE(desk_->Decline(kazakhstan_, declined.id).ok());
  ASSERT_TRUE(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", 3, {}}}).ok());
  ASSERT_TRUE(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", {}, 3}}).ok());
  const std::string kz = OrganisationId("KZ");
  const std::string kg = OrganisationId("KG");
  const std::string uz = OrganisationId("UZ");
  struct Expected {
    std::string kind;
    std::vector<std::string> organisations;
    std::string object_id;
  };
  const std::vector<Expected> expected = {
      {"assistance.requested", {}, request.id},   {"assistance.offered", {kz}, offer.id},
      {"assistance.offered", {kz}, declined.id},  {"assistance.accepted", {kg}, offer.id},
      {"assistance.declined", {uz}, declined.id}, {"assistance.dispatched", {kz}, offer.id},
      {"assistance.delivered", {kz}, offer.id},
  };
  ASSERT_EQ(notices_.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(notices_[i].kind, expected[i].kind) << i;
    EXPECT_EQ(notices_[i].organisations, expected[i].organisations) << i;
    EXPECT_EQ(notices_[i].object_id, expected[i].object_id) << i;
    EXPECT_FALSE(notices_[i].title.empty());
    EXPECT_EQ(notices_[i].data.front(), '{');
  }
}

TEST_F(SharingTest, RefusedChangesPublishNoNotice) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  notices_.clear();
  EXPECT_FALSE(desk_->Pledge(kazakhstan_, {request.id, {{"pumps", 1, "", ""}}, {}}).ok());
  EXPECT_FALSE(desk_->Close(kyrgyzstan_, request.id).ok());
  EXPECT_TRUE(notices_.empty());
}

TEST_F(SharingTest, IncidentGapsAreTheOpenNeedsOfItsRequests) {
  const std::string incident = stix::RandomId("incident");
  VersionWriter writer(*store_, *community_);
  ASSERT_TRUE(
      writer
          .Write(kazakhstan_, incident,
                 R"({"type":"incident","spec_version":"2.1","id":")" + incident +
                     R"(","created":"2026-04-01T00:00:00.000Z","modified":"2026-04-01T00:00:00.000Z","name":"Flood"})",
                 {share::Tlp::kGreen, share::Distribution{share::DistributionKind::kCommunity, ""}}, {})
          .ok());
  RequestDraft draft{"Flood pumps",
                     "",
                     "flood",
                     location_id_,
                     incident,
                     {{"pumps", "pump", 10, "unit", "critical"}, {"boats", "boat", 2, "unit", "high"}},
                     {share::Tlp::kGreen, share::Distribution{share::DistributionKind::kCommunity, ""}}};
  Result<AssistanceRequest> request = desk_->Publish(kazakhstan_, draft);
  ASSERT_TRUE(request.ok()) << request.status().ToString();
  PublishFloodRequest(kazakhstan_);  // names no incident
  AssistanceOffer boats = *desk_->Pledge(kyrgyzstan_, {request->id, {{"boats", 2, "", ""}, {"pumps", 4, "", ""}}, {}});
  ASSERT_TRUE(desk_->Accept(kazakhstan_, boats.id).ok());
  ASSERT_TRUE(desk_->Progress(kyrgyzstan_, boats.id, {{"pumps", 4, 1}}).ok());

  Result<std::vector<IncidentGap>> gaps = OpenGapsOfIncident(*desk_, incident, nullptr);
  ASSERT_TRUE(gaps.ok()) << gaps.status().ToString();
  ASSERT_EQ(gaps->size(), 1u);  // the boats are covered
  const IncidentGap& gap = gaps->front();
  EXPECT_EQ(gap.request_id, request->id);
  EXPECT_EQ(gap.request_name, "Flood pumps");
  EXPECT_EQ(gap.requester, OrganisationId("KZ"));
  EXPECT_EQ(gap.line.item, "pump");
  EXPECT_EQ(gap.line.needed, 10);
  EXPECT_EQ(gap.line.pledged, 4);
  EXPECT_EQ(gap.line.delivered, 1);
  EXPECT_EQ(gap.line.gap, 6);

  // A third state sees the request but not the offer: to it, the whole need is open.
  Result<std::optional<store::Viewer>> viewer = share::StoreViewerOf(*community_, uzbekistan_);
  ASSERT_TRUE(viewer.ok());
  Result<std::vector<IncidentGap>> seen = OpenGapsOfIncident(*desk_, incident, &**viewer);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ(seen->front().line.gap, 10);

  ASSERT_TRUE(desk_->Close(kazakhstan_, request->id).ok());
  EXPECT_TRUE(OpenGapsOfIncident(*desk_, incident, nullptr)->empty());
}

}  // namespace
}  // namespace kenes::assist
