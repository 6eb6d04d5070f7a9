// The bridges from correlate: a new cross-border alert reaches its
// organisation's inbox as "alert.raised" about its own object (once, however
// often the link is reported); a request for details reaches the holder,
// and the decision the requester, each about an object it may see.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "notify/notify_fixture.h"

namespace kenes::notify {
namespace {

class BridgeTest : public NotifyFixture {
 protected:
  void SetUp() override {
    NotifyFixture::SetUp();
    kz_object_ = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    kg_object_ = StoreIndicator(2, kKyrgyzstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    book_ = std::make_unique<correlate::AlertBook>(*database_, inbox_->Sink());
    desk_with_notices_ =
        std::make_unique<correlate::DetailDesk>(*database_, *book_, *store_, community_->audit(), inbox_->Sink());
  }

  void TearDown() override {
    desk_with_notices_.reset();
    book_.reset();
    NotifyFixture::TearDown();
  }

  static int64_t DataNumber(const StoredNotice& notice, const char* name) {
    simdjson::dom::parser parser;
    int64_t value = 0;
    EXPECT_EQ(parser.parse(simdjson::padded_string(notice.notice.data))[name].get(value), simdjson::SUCCESS);
    return value;
  }

  std::string kz_object_, kg_object_;
  std::unique_ptr<correlate::AlertBook> book_;
  std::unique_ptr<correlate::DetailDesk> desk_with_notices_;
};

TEST_F(BridgeTest, ANewAlertIsNoticedByItsOrganisationAboutItsOwnObject) {
  const auto link = Link("198.51.100.7", {kz_object_, kKazakhstan}, {{kg_object_, kKyrgyzstan}});
  ASSERT_TRUE(book_->Record({link}).ok());
  ASSERT_TRUE(book_->Record({link}).ok());  // reported again: the same alerts, no new notices
  inbox_->Flush();
  for (const auto& [organisation, object] : {std::pair{kKazakhstan, kz_object_}, std::pair{kKyrgyzstan, kg_object_}}) {
    std::vector<StoredNotice> notices = InboxOf(organisation);
    ASSERT_EQ(notices.size(), 1u) << organisation;
    EXPECT_EQ(notices[0].notice.kind, "alert.raised");
    EXPECT_EQ(notices[0].notice.object_id, object);
    correlate::Alert alert = book_->Find(DataNumber(notices[0], "alert_id"), organisation).value();
    EXPECT_EQ(alert.object_id, object);
  }
  EXPECT_TRUE(inbox_->last_failure().ok());
}

TEST_F(BridgeTest, ARequestForDetailsReachesTheHolderAndItsDecisionTheRequester) {
  ASSERT_TRUE(book_->Record({Link("198.51.100.7", {kz_object_, kKazakhstan}, {{kg_object_, kKyrgyzstan}})}).ok());
  correlate::AlertFilter filter;
  filter.organisation = kKazakhstan;
  const int64_t kz_alert = book_->List(filter)->at(0).id;
  share::Principal kz_analyst = AddUser("kz-analyst", "KZ", share::Role::kAnalyst);
  share::Principal kg_analyst = AddUser("kg-analyst", "KG", share::Role::kAnalyst);

  Result<correlate::DetailRequest> asked = desk_with_notices_->Ask(kz_analyst, kz_alert, "seen at our border");
  ASSERT_TRUE(asked.ok()) << asked.status().ToString();
  inbox_->Flush();
  std::vector<StoredNotice> holder = InboxOf(kKyrgyzstan);
  ASSERT_EQ(holder.size(), 2u);  // its own alert, then the request
  EXPECT_EQ(holder[1].notice.kind, "detail-request.received");
  EXPECT_EQ(holder[1].notice.object_id, kg_object_);
  EXPECT_EQ(DataNumber(holder[1], "request_id"), asked->id);

  ASSERT_TRUE(desk_with_notices_->Decline(kg_analyst, asked->id).ok());
  inbox_->Flush();
  std::vector<StoredNotice> requester = InboxOf(kKazakhstan);
  ASSERT_EQ(requester.size(), 2u);
  EXPECT_EQ(requester[1].notice.kind, "detail-request.decided");
  EXPECT_EQ(requester[1].notice.object_id, kz_object_);  // its own: the declined object stays hidden
  EXPECT_NE(requester[1].notice.data.find("\"declined\""), std::string::npos);
  EXPECT_EQ(InboxOf(kKyrgyzstan).size(), 2u);
}

TEST_F(BridgeTest, WithoutASinkTheBookAndDeskBehaveAsBefore) {
  // The fixture's own book and desk have no sink.
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", {kz_object_, kKazakhstan}, {{kg_object_, kKyrgyzstan}})}).ok());
  inbox_->Flush();
  EXPECT_TRUE(InboxOf("").empty());
  correlate::AlertFilter filter;
  EXPECT_EQ(alerts_->List(filter)->size(), 2u);
}

}  // namespace
}  // namespace kenes::notify
