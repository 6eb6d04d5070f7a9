// The ledger's arithmetic: what counts as pledged, accepted, dispatched and
// delivered, a gap that never goes below 0, and quantities the desk refuses
// (over-dispatch, over-delivery, going down, wrong units and lines).
#include <gtest/gtest.h>

#include "assist/assistance_ledger.h"
#include "assist_fixture.h"

namespace kenes::assist {
namespace {

AssistanceRequest Request() {
  AssistanceRequest request;
  request.id = "assistance-request--1";
  request.needs = {{"pumps", "pump", 10, "unit", "critical"}, {"boats", "boat", 4, "unit", "high"}};
  return request;
}

AssistanceOffer Offer(std::string status, std::vector<OfferLine> lines, std::string request = "assistance-request--1") {
  AssistanceOffer offer;
  offer.request_ref = std::move(request);
  offer.status = std::move(status);
  offer.lines = std::move(lines);
  return offer;
}

TEST(Ledger, SumsOffersByStatus) {
  const std::vector<AssistanceOffer> offers = {
      Offer("accepted", {{"pumps", 6, "unit", "", 5, 4, 3}}),
      Offer("pledged", {{"pumps", 2, "unit", ""}, {"boats", 1, "unit", ""}}),
      Offer("declined", {{"pumps", 7, "unit", ""}}),
      Offer("withdrawn", {{"boats", 3, "unit", "", 3, 1, 0}}),
      Offer("accepted", {{"pumps", 9, "unit", "", 9, 9, 9}}, "assistance-request--other"),
  };
  std::vector<LedgerLine> ledger = ComputeLedger(Request(), offers);
  ASSERT_EQ(ledger.size(), 2u);
  EXPECT_EQ(ledger[0].line_id, "pumps");
  EXPECT_EQ(ledger[0].needed, 10);
  EXPECT_EQ(ledger[0].pledged, 8);  // 6 accepted-offer pledge + 2 pledged; declined and other requests left out
  EXPECT_EQ(ledger[0].accepted, 5);
  EXPECT_EQ(ledger[0].dispatched, 4);
  EXPECT_EQ(ledger[0].delivered, 3);
  EXPECT_EQ(ledger[0].gap, 5);
  EXPECT_EQ(ledger[1].pledged, 1);
  EXPECT_EQ(ledger[1].accepted, 0);  // the withdrawn offer's acceptance no longer counts
  EXPECT_EQ(ledger[1].gap, 4);
}

TEST(Ledger, GapIsNeverNegative) {
  const std::vector<AssistanceOffer> offers = {Offer("accepted", {{"pumps", 8, "unit", "", 8, 0, 0}}),
                                               Offer("accepted", {{"pumps", 7, "unit", "", 7, 0, 0}})};
  std::vector<LedgerLine> ledger = ComputeLedger(Request(), offers);
  EXPECT_EQ(ledger[0].accepted, 15);
  EXPECT_EQ(ledger[0].gap, 0);
  EXPECT_EQ(ledger[1].gap, 4);
}

using LedgerDeskTest = AssistFixture;

TEST_F(LedgerDeskTest, RefusesMoreThanAcceptedOrDispatchedAndQuantitiesGoingDown) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer offer = PledgePumps(kyrgyzstan_, request, 5);
  ASSERT_TRUE(desk_->Accept(kazakhstan_, offer.id, {{"pumps", 3}}).ok());
  EXPECT_EQ(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", 4, {}}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", {}, 4}}).status().code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", 2, {}}}).ok());
  EXPECT_EQ(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", 2, 3}}).status().code(), StatusCode::kInvalidArgument);
  Result<AssistanceOffer> delivered = desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", {}, 3}});
  ASSERT_TRUE(delivered.ok()) << delivered.status().ToString();
  EXPECT_EQ(delivered->lines[0].dispatched, 3);  // what arrived was sent
  EXPECT_EQ(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", {}, 2}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", 1, {}}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Progress(kyrgyzstan_, offer.id, {{"pumps", {}, 3}}).status().code(), StatusCode::kInvalidArgument);

  Result<RequestView> view = desk_->ReadRequest(kazakhstan_, request.id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->ledger[0].pledged, 5);
  EXPECT_EQ(view->ledger[0].accepted, 3);
  EXPECT_EQ(view->ledger[0].delivered, 3);
  EXPECT_EQ(view->ledger[0].gap, 7);
}

TEST_F(LedgerDeskTest, AcceptingMoreThanPledgedOrNothingIsRefused) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  AssistanceOffer offer = PledgePumps(kyrgyzstan_, request, 5);
  EXPECT_EQ(desk_->Accept(kazakhstan_, offer.id, {{"pumps", 6}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Accept(kazakhstan_, offer.id, {{"pumps", 0}}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Accept(kazakhstan_, offer.id, {{"boats", 1}}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(LedgerDeskTest, OffersMustAnswerNeedLinesInTheirUnits) {
  AssistanceRequest request = PublishFloodRequest(kazakhstan_);
  Status wrong_unit = desk_->Pledge(kyrgyzstan_, {request.id, {{"pumps", 2, "litre", ""}}, {}}).status();
  EXPECT_EQ(wrong_unit.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(wrong_unit.message().find("'unit'"), std::string::npos) << wrong_unit.message();
  EXPECT_EQ(desk_->Pledge(kyrgyzstan_, {request.id, {{"tents", 2, "", ""}}, {}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Pledge(kyrgyzstan_, {request.id, {{"pumps", 0, "", ""}}, {}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Pledge(kyrgyzstan_, {request.id, {{"pumps", 1, "", ""}, {"pumps", 1, "", ""}}, {}}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(desk_->Pledge(kyrgyzstan_, {request.id, {}, {}}).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(LedgerDeskTest, RequestsAreChecked) {
  RequestDraft draft{"Quake", "", "meteor", location_id_, "", {{"1", "tent", 5, "unit", "high"}}, {}};
  EXPECT_EQ(desk_->Publish(kazakhstan_, draft).status().code(), StatusCode::kInvalidArgument);
  draft.hazard = "earthquake";
  draft.needs[0].quantity = 0;
  EXPECT_EQ(desk_->Publish(kazakhstan_, draft).status().code(), StatusCode::kInvalidArgument);
  draft.needs[0].quantity = 5;
  draft.location_ref = "location--00000000-0000-4000-8000-000000000000";
  EXPECT_EQ(desk_->Publish(kazakhstan_, draft).status().code(), StatusCode::kNotFound);
  draft.location_ref = location_id_;
  draft.needs.push_back({"", "blanket", 100, "piece", ""});
  Result<AssistanceRequest> published = desk_->Publish(kazakhstan_, draft);
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_EQ(published->needs[1].line_id, "2");  // numbered where none was given
  EXPECT_EQ(published->needs[1].priority, "medium");
  EXPECT_EQ(published->requester, OrganisationId("KZ"));
}

}  // namespace
}  // namespace kenes::assist
