// Inbox: who receives a notice (the sharing matrix decides, through the
// store), durability across a restart, id order, listeners only after the
// write is durable, read and unread, filters and pages, bad notices.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>

#include "notify/notify_fixture.h"
#include "share/access_viewer.h"

namespace kenes::notify {
namespace {

class InboxTest : public NotifyFixture {
 protected:
  // Whether `organisation` reads `object_id` through the store, asked without the notify subsystem.
  bool Reads(const std::string& organisation, const std::string& object_id) {
    share::Principal reader;
    reader.organisation = organisation;
    Result<std::optional<store::Viewer>> viewer = share::StoreViewerOf(*community_, reader);
    EXPECT_TRUE(viewer.ok());
    return store_->Latest(object_id, viewer->has_value() ? &**viewer : nullptr).ok();
  }

  std::vector<StoredNotice> Record(std::vector<Notice> notices) {
    Result<std::vector<StoredNotice>> recorded = inbox_->Record(notices);
    EXPECT_TRUE(recorded.ok()) << recorded.status().ToString();
    return recorded.ok() ? *recorded : std::vector<StoredNotice>{};
  }
};

TEST_F(InboxTest, AnUnaddressedNoticeReachesExactlyTheOrganisationsThatMaySeeItsObject) {
  // Members only: the partner (the EU) may not see it.
  const std::string members_only =
      StoreIndicator(1, kKazakhstan, share::Tlp::kGreen, share::DistributionKind::kMembers);
  std::vector<StoredNotice> recorded = Record({MakeNotice("assistance.requested", members_only)});
  std::set<std::string> received;
  for (const StoredNotice& notice : recorded) received.insert(notice.organisation);
  EXPECT_TRUE(received.count(kKazakhstan));
  EXPECT_TRUE(received.count(kKyrgyzstan));
  EXPECT_FALSE(received.count(kEuropeanUnion));
  std::vector<share::Organisation> organisations = community_->Organisations().value();
  for (const share::Organisation& organisation : organisations) {
    EXPECT_EQ(received.count(organisation.id) == 1, Reads(organisation.id, members_only)) << organisation.code;
  }
  EXPECT_EQ(recorded.size(), received.size());  // one row per organisation
}

TEST_F(InboxTest, AnAddresseeThatMayNotSeeTheObjectGetsNoRow) {
  const std::string own = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
  ASSERT_FALSE(Reads(kKyrgyzstan, own));
  std::vector<StoredNotice> recorded = Record({MakeNotice("task.assigned", own, {kKyrgyzstan, kKazakhstan})});
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].organisation, kKazakhstan);
  EXPECT_EQ(recorded[0].notice.organisations, (std::vector<std::string>{kKyrgyzstan, kKazakhstan}));
  EXPECT_TRUE(InboxOf(kKyrgyzstan).empty());
  // An unknown object reaches no one.
  EXPECT_TRUE(Record({MakeNotice("task.assigned", "indicator--00000000-0000-4000-8000-00000000ffff")}).empty());
}

TEST_F(InboxTest, WhatTheSinkAcceptedIsKeptAcrossARestartInOrder) {
  const std::string object = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
  NoticeSink sink = inbox_->Sink();
  constexpr int kNotices = 300;  // more than one batch of the worker
  for (int i = 0; i < kNotices; ++i) sink(MakeNotice("task.updated", object, {kKazakhstan}, std::to_string(i)));
  Reopen();  // destroying the inbox records what was queued
  std::vector<StoredNotice> kept = InboxOf(kKazakhstan);
  ASSERT_EQ(kept.size(), static_cast<size_t>(kNotices));
  for (int i = 0; i < kNotices; ++i) {
    EXPECT_EQ(kept[i].notice.title, std::to_string(i));
    if (i > 0) {
      EXPECT_GT(kept[i].id, kept[i - 1].id);
    }
  }
  // Ids keep increasing after the restart.
  std::vector<StoredNotice> later = Record({MakeNotice("task.updated", object, {kKazakhstan})});
  ASSERT_EQ(later.size(), 1u);
  EXPECT_GT(later[0].id, kept.back().id);
  EXPECT_EQ(inbox_->Since(kKazakhstan, kept[kNotices - 2].id, 10)->size(), 2u);
}

TEST_F(InboxTest, ListenersHearOfANoticeOnlyOnceItIsDurable) {
  const std::string object = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
  // A second connection sees only what was committed.
  std::unique_ptr<NotifyDatabase> other = NotifyDatabase::Open(NotifyDatabase::FileIn(directory_)).value();
  std::atomic<int> heard = 0, committed = 0;
  std::unique_ptr<NoticeFeed::Subscription> subscription = inbox_->Subscribe([&](const StoredNotice& notice) {
    ++heard;
    Result<store::sqlite::Statement> select =
        other->connection->Prepare("SELECT count(*) FROM notices WHERE notice_id = ?");
    select->BindInt(1, notice.id);
    if (select->Step().value() && select->Int(0) == 1) ++committed;
  });
  NoticeSink sink = inbox_->Sink();
  for (int i = 0; i < 5; ++i) sink(MakeNotice("task.due", object, {kKazakhstan}));
  inbox_->Flush();
  EXPECT_EQ(heard, 5);
  EXPECT_EQ(committed, 5);
  subscription.reset();
  sink(MakeNotice("task.due", object, {kKazakhstan}));
  inbox_->Flush();
  EXPECT_EQ(heard, 5);  // not after unsubscribing
}

TEST_F(InboxTest, ReadAndUnreadAreKeptPerOrganisation) {
  const std::string object = StoreIndicator(1, kKazakhstan, share::Tlp::kGreen, share::DistributionKind::kCommunity);
  std::vector<StoredNotice> recorded =
      Record({MakeNotice("alert.raised", object, {kKazakhstan, kKyrgyzstan}),
              MakeNotice("task.assigned", object, {kKazakhstan}), MakeNotice("task.due", object, {kKazakhstan})});
  ASSERT_EQ(recorded.size(), 4u);
  EXPECT_EQ(inbox_->CountUnread(kKazakhstan).value(), 3);
  EXPECT_EQ(inbox_->CountUnread(kKyrgyzstan).value(), 1);
  EXPECT_EQ(inbox_->CountUnread("").value(), 4);

  const StoredNotice& first = recorded[0];
  ASSERT_EQ(first.organisation, kKazakhstan);
  // Another organisation's notice reads as unknown.
  EXPECT_EQ(inbox_->MarkRead(first.id, kKyrgyzstan, "kg-user").status().code(), StatusCode::kNotFound);
  Result<StoredNotice> read = inbox_->MarkRead(first.id, kKazakhstan, "kz-user");
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->read);
  EXPECT_TRUE(inbox_->MarkRead(first.id, kKazakhstan, "kz-user").ok());  // again: no change, no error
  EXPECT_EQ(inbox_->CountUnread(kKazakhstan).value(), 2);
  EXPECT_EQ(inbox_->CountUnread(kKyrgyzstan).value(), 1);

  InboxFilter unread;
  unread.organisation = kKazakhstan;
  unread.read = false;
  EXPECT_EQ(inbox_->List(unread)->size(), 2u);
  InboxFilter kind;
  kind.organisation = kKazakhstan;
  kind.kind = "task.due";
  ASSERT_EQ(inbox_->List(kind)->size(), 1u);
  EXPECT_EQ(inbox_->List(kind)->at(0).notice.kind, "task.due");

  EXPECT_EQ(inbox_->MarkAllRead(kKazakhstan, "kz-user").value(), 2);
  EXPECT_EQ(inbox_->CountUnread(kKazakhstan).value(), 0);
  EXPECT_EQ(inbox_->CountUnread(kKyrgyzstan).value(), 1);
}

TEST_F(InboxTest, ListPagesNewestFirst) {
  const std::string object = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
  std::vector<Notice> notices;
  for (int i = 0; i < 7; ++i) notices.push_back(MakeNotice("task.updated", object, {kKazakhstan}, std::to_string(i)));
  Record(notices);
  InboxFilter filter;
  filter.organisation = kKazakhstan;
  filter.limit = 3;
  std::vector<std::string> titles;
  for (;;) {
    std::vector<StoredNotice> page = inbox_->List(filter).value();
    for (const StoredNotice& notice : page) titles.push_back(notice.notice.title);
    if (page.size() < filter.limit) break;
    filter.before_id = page.back().id;
  }
  EXPECT_EQ(titles, (std::vector<std::string>{"6", "5", "4", "3", "2", "1", "0"}));
}

TEST_F(InboxTest, ABadNoticeIsDroppedAndReportedWithoutLosingItsBatch) {
  const std::string object = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
  EXPECT_EQ(inbox_->Record({MakeNotice("task.due", "")}).status().code(), StatusCode::kInvalidArgument);
  Notice not_json = MakeNotice("task.due", object, {kKazakhstan});
  not_json.data = "[1,2]";
  EXPECT_EQ(inbox_->Record({not_json}).status().code(), StatusCode::kInvalidArgument);

  NoticeSink sink = inbox_->Sink();
  sink(MakeNotice("task.due", object, {kKazakhstan}, "before"));
  sink(not_json);
  sink(MakeNotice("task.due", object, {kKazakhstan}, "after"));
  inbox_->Flush();
  EXPECT_EQ(inbox_->last_failure().code(), StatusCode::kInvalidArgument);
  std::vector<StoredNotice> kept = InboxOf(kKazakhstan);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[0].notice.title, "before");
  EXPECT_EQ(kept[1].notice.title, "after");
}

}  // namespace
}  // namespace kenes::notify
