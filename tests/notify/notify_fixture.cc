#include "notify/notify_fixture.h"

namespace kenes::notify {

void NotifyFixture::SetUp() {
  AlertFixture::SetUp();
  audience_ = std::make_unique<Audience>(*store_, *community_);
  Reopen();
}

void NotifyFixture::TearDown() {
  inbox_.reset();
  notify_database_.reset();
  audience_.reset();
  AlertFixture::TearDown();
}

void NotifyFixture::Reopen() {
  inbox_.reset();
  notify_database_.reset();
  // The system clock: webhook retries wait for real time to pass.
  Result<std::unique_ptr<NotifyDatabase>> database = NotifyDatabase::Open(NotifyDatabase::FileIn(directory_));
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  notify_database_ = std::move(database).value();
  inbox_ = std::make_unique<Inbox>(*notify_database_, *audience_);
}

Notice NotifyFixture::MakeNotice(const std::string& kind, const std::string& object_id,
                                 std::vector<std::string> organisations, const std::string& title) {
  Notice notice;
  notice.kind = kind;
  notice.object_id = object_id;
  notice.organisations = std::move(organisations);
  notice.title = title;
  notice.data = R"({"detail":1})";
  return notice;
}

std::vector<StoredNotice> NotifyFixture::InboxOf(const std::string& organisation) {
  Result<std::vector<StoredNotice>> notices = inbox_->Since(organisation, 0, 10000);
  EXPECT_TRUE(notices.ok()) << notices.status().ToString();
  return notices.ok() ? *notices : std::vector<StoredNotice>{};
}

}  // namespace kenes::notify
