// GET /api/v1/events over real HTTP, against a feed of the test's own: the
// backlog after Last-Event-ID, live delivery, only the caller's
// organisation's notices and only those whose object it may read (a
// visibility revoked stops the telling), the limits on open streams, and
// the refusals.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "notify/notice_feed.h"
#include "rest/rest_node.h"
#include "support/stream_reader.h"

using namespace std::chrono_literals;

namespace kenes::rest {
namespace {

using share::Role;
using test::StreamReader;

const std::string kKazakhstan = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";
const std::string kKyrgyzstan = "identity--e099ec6c-d736-4ca5-85e7-bb0f12278575";

// A NoticeFeed in memory: Record files a notice into one organisation's
// inbox and tells the listeners on the recording thread, as the inbox does.
class MemoryFeed : public notify::NoticeFeed {
 public:
  int64_t Record(const std::string& organisation, std::string kind, std::string object_id, std::string title) {
    notify::StoredNotice stored;
    std::vector<Listener> listeners;
    {
      std::lock_guard lock(mutex_);
      stored.id = ++last_id_;
      stored.created = Now();
      stored.organisation = organisation;
      stored.notice = {.kind = std::move(kind),
                       .organisations = {organisation},
                       .object_id = std::move(object_id),
                       .title = std::move(title),
                       .data = R"({"state": "pending"})"};
      notices_.push_back(stored);
      for (const auto& [key, listener] : listeners_) listeners.push_back(listener);
    }
    for (const Listener& listener : listeners) listener(stored);
    return stored.id;
  }

  size_t subscribers() {
    std::lock_guard lock(mutex_);
    return listeners_.size();
  }

  Result<std::vector<notify::StoredNotice>> Since(std::string_view organisation, int64_t after, size_t limit) override {
    std::lock_guard lock(mutex_);
    std::vector<notify::StoredNotice> found;
    for (const notify::StoredNotice& notice : notices_) {
      if (found.size() == limit) break;
      if (notice.id > after && (organisation.empty() || notice.organisation == organisation)) found.push_back(notice);
    }
    return found;
  }

  std::unique_ptr<Subscription> Subscribe(Listener listener) override {
    std::lock_guard lock(mutex_);
    listeners_[++last_key_] = std::move(listener);
    return std::make_unique<Unsubscriber>(*this, last_key_);
  }

 private:
  class Unsubscriber : public Subscription {
   public:
    Unsubscriber(MemoryFeed& feed, int key) : feed_(feed), key_(key) {}
    ~Unsubscriber() override {
      std::lock_guard lock(feed_.mutex_);
      feed_.listeners_.erase(key_);
    }

   private:
    MemoryFeed& feed_;
    int key_;
  };

  std::mutex mutex_;
  int64_t last_id_ = 0;
  int last_key_ = 0;
  std::vector<notify::StoredNotice> notices_;
  std::map<int, Listener> listeners_;
};

void ExpectError(const http::Response& response, int status, std::string_view words) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_NE(JsonBody(response.body).String("/error/message").find(words), std::string::npos) << response.body;
}

// The head of an event as the stream sends it.
std::string EventHead(int64_t id, std::string_view kind) { return fmt::format("id: {}\nevent: {}\n", id, kind); }

class EventRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override { Start({}); }
  void TearDown() override { node_.reset(); }  // the server stops before the feed goes

  void Start(const EventOptions& limits) {
    node_.reset();
    ApiOptions options;
    options.notices = &feed_;
    options.events = limits;
    node_ = std::make_unique<RestNode>(std::vector<share::OrganisationSpec>{}, options);
    kz_analyst_ = node_->AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kz_reader_ = node_->AddUser("kz.reader", "KZ", Role::kReader);
    kg_analyst_ = node_->AddUser("kg.analyst", "KG", Role::kAnalyst);
    kg_admin_ = node_->AddUser("kg.admin", "KG", Role::kOrgAdmin);
    admin_ = node_->AddUser("node.admin", "KZ", Role::kAdmin);
    kz_object_ = Create(kz_analyst_, "Almaty courier implant", R"("distribution":"organisation")");
  }

  std::string Create(const TestUser& user, std::string_view name, std::string_view labels) {
    http::Response response = node_->Post(user, "/api/v1/objects", WriteBody(Malware(name), labels));
    EXPECT_EQ(response.status, 201) << response.body;
    return JsonBody(response.body).String("/object/id");
  }

  static std::string Malware(std::string_view name) {
    return fmt::format(R"({{"type":"malware","name":"{}","is_family":false}})", name);
  }

  std::unique_ptr<StreamReader> Open(const TestUser& user, const http::Fields& headers = {},
                                     std::string_view target = "/api/v1/events") {
    http::Fields all = headers;
    all.emplace_back("Authorization", "Bearer " + user.token);
    return std::make_unique<StreamReader>(node_->port(), target, all);
  }

  MemoryFeed feed_;
  std::unique_ptr<RestNode> node_;
  TestUser kz_analyst_, kz_reader_, kg_analyst_, kg_admin_, admin_;
  std::string kz_object_;
};

TEST_F(EventRoutesTest, ResumesAfterLastEventIdThenDeliversLive) {
  const int64_t first = feed_.Record(kKazakhstan, "task.assigned", kz_object_, "Check the Almaty courier");
  const int64_t second = feed_.Record(kKazakhstan, "task.due", kz_object_, "Due tomorrow");
  const int64_t other = feed_.Record(kKyrgyzstan, "task.assigned", kz_object_, "KG's own task");

  std::unique_ptr<StreamReader> stream = Open(kz_reader_, {{"Last-Event-ID", std::to_string(first)}});
  ASSERT_EQ(stream->ReadHead(5s), 200);
  EXPECT_EQ(stream->Header("Content-Type"), "text/event-stream");
  EXPECT_EQ(stream->Header("Cache-Control"), "no-cache");
  ASSERT_TRUE(stream->WaitFor(EventHead(second, "task.due"), 5s)) << stream->body();
  EXPECT_TRUE(stream->body().starts_with("retry: 3000\n\n")) << stream->body();
  EXPECT_EQ(stream->body().find(EventHead(first, "task.assigned")), std::string::npos) << "before Last-Event-ID";
  EXPECT_EQ(stream->body().find(EventHead(other, "task.assigned")), std::string::npos) << "KG's inbox";
  EXPECT_NE(stream->body().find(fmt::format(R"(data: {{"id":{},"kind":"task.due","organisation":"{}","object_id":"{}",)"
                                            R"("title":"Due tomorrow","data":{{"state": "pending"}},"created":")",
                                            second, kKazakhstan, kz_object_)),
            std::string::npos)
      << stream->body();

  // The stream stays open: the next notice arrives as it is recorded.
  const int64_t live = feed_.Record(kKazakhstan, "assistance.requested", kz_object_, "Pumps for Atyrau");
  EXPECT_TRUE(stream->WaitFor(EventHead(live, "assistance.requested"), 5s)) << stream->body();
  EXPECT_FALSE(stream->finished());

  // The query parameter does the same for clients that cannot set headers.
  std::unique_ptr<StreamReader> by_query =
      Open(kz_analyst_, {}, fmt::format("/api/v1/events?last_event_id={}", second));
  ASSERT_EQ(by_query->ReadHead(5s), 200);
  EXPECT_TRUE(by_query->WaitFor(EventHead(live, "assistance.requested"), 5s)) << by_query->body();
  EXPECT_EQ(by_query->body().find(EventHead(second, "task.due")), std::string::npos) << by_query->body();
}

TEST_F(EventRoutesTest, ANewStreamStartsAtTheNewestNotice) {
  for (int i = 0; i < 5; ++i) feed_.Record(kKazakhstan, "task.updated", kz_object_, "Earlier");
  const int64_t newest = feed_.Record(kKazakhstan, "task.updated", kz_object_, "Earlier still");
  feed_.Record(kKyrgyzstan, "task.updated", kz_object_, "Another inbox");
  std::unique_ptr<StreamReader> stream = Open(kz_analyst_);
  ASSERT_EQ(stream->ReadHead(5s), 200);
  ASSERT_TRUE(stream->WaitFor(fmt::format("id: {}\n\n", newest), 5s)) << stream->body();
  EXPECT_EQ(stream->body().find("event:"), std::string::npos) << "no backlog without Last-Event-ID";
  const int64_t live = feed_.Record(kKazakhstan, "task.overdue", kz_object_, "Overdue");
  EXPECT_TRUE(stream->WaitFor(EventHead(live, "task.overdue"), 5s)) << stream->body();
}

TEST_F(EventRoutesTest, OnlyNoticesAboutObjectsTheOrganisationMayReadAreTold) {
  const std::string hidden =
      Create(kg_analyst_, "Osh courier implant", R"("tlp":"amber","distribution":"organisation")");
  const std::string shared = Create(kg_analyst_, "Shared report", R"("tlp":"green","distribution":"community")");
  std::unique_ptr<StreamReader> kazakh = Open(kz_analyst_, {{"Last-Event-ID", "0"}});
  std::unique_ptr<StreamReader> administrator = Open(admin_, {{"Last-Event-ID", "0"}});
  ASSERT_EQ(kazakh->ReadHead(5s), 200);
  ASSERT_EQ(administrator->ReadHead(5s), 200);

  const int64_t about_hidden = feed_.Record(kKazakhstan, "alert.raised", hidden, "A match");
  const int64_t about_shared = feed_.Record(kKazakhstan, "alert.raised", shared, "Another match");
  const int64_t for_kyrgyzstan = feed_.Record(kKyrgyzstan, "alert.raised", hidden, "KG's match");
  ASSERT_TRUE(kazakh->WaitFor(EventHead(about_shared, "alert.raised"), 5s)) << kazakh->body();
  EXPECT_EQ(kazakh->body().find(EventHead(about_hidden, "alert.raised")), std::string::npos);
  EXPECT_EQ(kazakh->body().find(hidden), std::string::npos) << kazakh->body();
  EXPECT_EQ(kazakh->body().find(EventHead(for_kyrgyzstan, "alert.raised")), std::string::npos);
  // Administrators hear of every organisation's notices.
  EXPECT_TRUE(administrator->WaitFor(EventHead(for_kyrgyzstan, "alert.raised"), 5s)) << administrator->body();
  EXPECT_NE(administrator->body().find(EventHead(about_hidden, "alert.raised")), std::string::npos);

  // The same holds for the backlog.
  std::unique_ptr<StreamReader> resumed = Open(kz_reader_, {{"Last-Event-ID", "0"}});
  ASSERT_EQ(resumed->ReadHead(5s), 200);
  ASSERT_TRUE(resumed->WaitFor(EventHead(about_shared, "alert.raised"), 5s)) << resumed->body();
  EXPECT_EQ(resumed->body().find(hidden), std::string::npos) << resumed->body();

  // KG shares an object with a group KZ is in, then takes KZ out: notices
  // about it are told while KZ may read it, and no longer once it may not.
  http::Response group = node_->Post(kg_admin_, "/api/v1/groups", R"({"name":"border"})");
  ASSERT_EQ(group.status, 201) << group.body;
  ASSERT_EQ(node_->Send(&kg_admin_, http::Method::kPut, "/api/v1/groups/border/members/KZ").status, 204);
  const std::string grouped = Create(kg_analyst_, "Border report",
                                     fmt::format(R"("distribution":"group:{}")", JsonBody(group.body).String("/id")));
  const int64_t while_member = feed_.Record(kKazakhstan, "alert.raised", grouped, "While a member");
  ASSERT_TRUE(kazakh->WaitFor(EventHead(while_member, "alert.raised"), 5s)) << kazakh->body();
  ASSERT_EQ(node_->Send(&kg_admin_, http::Method::kDelete, "/api/v1/groups/border/members/KZ").status, 204);
  ASSERT_EQ(node_->Get(kz_analyst_, "/api/v1/objects/" + grouped).status, 404);
  const int64_t after_removal = feed_.Record(kKazakhstan, "alert.raised", grouped, "After the removal");
  const int64_t marker = feed_.Record(kKazakhstan, "task.assigned", kz_object_, "Own object");
  ASSERT_TRUE(kazakh->WaitFor(EventHead(marker, "task.assigned"), 5s)) << kazakh->body();
  EXPECT_EQ(kazakh->body().find(EventHead(after_removal, "alert.raised")), std::string::npos) << kazakh->body();
}

TEST_F(EventRoutesTest, OpenStreamsAreLimitedPerUserAndPerNode) {
  Start({.max_streams_per_user = 1, .max_streams = 2});
  std::unique_ptr<StreamReader> first = Open(kz_analyst_);
  ASSERT_EQ(first->ReadHead(5s), 200);
  ExpectError(node_->Get(kz_analyst_, "/api/v1/events"), 429, "kz.analyst");
  std::unique_ptr<StreamReader> second = Open(kg_analyst_);
  ASSERT_EQ(second->ReadHead(5s), 200);
  ExpectError(node_->Get(kz_reader_, "/api/v1/events"), 429, "the node has 2 event streams open");

  // A stream whose client left frees its place.
  first->Disconnect();
  int status = 0;
  for (int attempt = 0; attempt < 50 && status != 200; ++attempt) {
    std::unique_ptr<StreamReader> again = Open(kz_analyst_);
    status = again->ReadHead(5s);
    if (status != 200) std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(status, 200);
}

TEST_F(EventRoutesTest, ALongBacklogIsSentInPartsTheClientResumes) {
  Start({.max_backlog = 3});
  std::vector<int64_t> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(feed_.Record(kKazakhstan, "task.updated", kz_object_, "One of many"));
  std::unique_ptr<StreamReader> stream = Open(kz_analyst_, {{"Last-Event-ID", "0"}});
  ASSERT_EQ(stream->ReadHead(5s), 200);
  ASSERT_TRUE(stream->WaitEnded(5s));
  EXPECT_TRUE(stream->finished());
  EXPECT_NE(stream->body().find(EventHead(ids[2], "task.updated")), std::string::npos) << stream->body();
  EXPECT_EQ(stream->body().find(EventHead(ids[3], "task.updated")), std::string::npos) << stream->body();
  EXPECT_TRUE(stream->body().ends_with(fmt::format("id: {}\n\n", ids[2]))) << stream->body();
  std::unique_ptr<StreamReader> rest = Open(kz_analyst_, {{"Last-Event-ID", std::to_string(ids[2])}});
  ASSERT_EQ(rest->ReadHead(5s), 200);
  EXPECT_TRUE(rest->WaitFor(EventHead(ids[4], "task.updated"), 5s)) << rest->body();
}

TEST_F(EventRoutesTest, Refusals) {
  ExpectError(node_->Send(nullptr, http::Method::kGet, "/api/v1/events"), 401, "");
  ExpectError(node_->Send(&kz_analyst_, http::Method::kGet, "/api/v1/events", {}, {{"Last-Event-ID", "x"}}), 400,
              "Last-Event-ID");
  ExpectError(node_->Get(kz_analyst_, "/api/v1/events?colour=red"), 400, "colour");

  RestNode bare;
  TestUser user = bare.AddUser("kz.someone", "KZ", Role::kAnalyst);
  ExpectError(bare.Get(user, "/api/v1/events"), 503, "notices are not kept on this node");
}

}  // namespace
}  // namespace kenes::rest
