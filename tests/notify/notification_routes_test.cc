// The inbox and webhook routes over real HTTP: each organisation reads and
// marks its own notices, only while it may read their objects; webhooks are
// managed by org-admins of their organisation and by administrators, their
// secret shown once; another organisation's webhook reads as unknown; a
// delivery and its attempts are listed; without notifications, 503.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "notify/notifications.h"
#include "notify/webhook_receiver.h"
#include "rest/rest_node.h"

namespace kenes::notify {
namespace {

using namespace std::chrono_literals;
using rest::JsonBody;
using rest::TestUser;
using share::Role;

const std::string kKazakhstan = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";
const std::string kKyrgyzstan = "identity--e099ec6c-d736-4ca5-85e7-bb0f12278575";

int64_t Number(const JsonBody& body, std::string_view pointer) {
  int64_t number = 0;
  EXPECT_EQ(body.root().at_pointer(pointer).get(number), simdjson::SUCCESS) << pointer;
  return number;
}

size_t Count(const JsonBody& body, std::string_view pointer) {
  simdjson::dom::array array;
  EXPECT_EQ(body.root().at_pointer(pointer).get(array), simdjson::SUCCESS) << pointer;
  return array.size();
}

class NotificationRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    node_ = std::make_unique<rest::RestNode>(
        std::vector<share::OrganisationSpec>{}, rest::ApiOptions{}, http::ServerOptions{},
        [this](store::Store& store, share::Community& community, const std::filesystem::path& directory,
               rest::ApiOptions& options) {
          Result<std::unique_ptr<Notifications>> opened = Notifications::Open(directory, store, community);
          ASSERT_TRUE(opened.ok()) << opened.status().ToString();
          notifications_ = std::move(opened).value();
          options.notifications = notifications_.get();
        });
    kz_reader_ = node_->AddUser("kz.reader", "KZ", Role::kReader);
    kz_analyst_ = node_->AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kz_admin_ = node_->AddUser("kz.orgadmin", "KZ", Role::kOrgAdmin);
    kg_reader_ = node_->AddUser("kg.reader", "KG", Role::kReader);
    kg_admin_ = node_->AddUser("kg.orgadmin", "KG", Role::kOrgAdmin);
    admin_ = node_->AddUser("node.admin", "KZ", Role::kAdmin);
    kz_object_ = Create(kz_analyst_, "Almaty courier implant", R"("distribution":"organisation")");
    shared_object_ = Create(kz_analyst_, "Shared courier implant", R"("distribution":"community","tlp":"green")");
  }

  void TearDown() override {
    notifications_->inbox().Flush();
    node_.reset();  // the server stops first
    notifications_.reset();
  }

  std::string Create(const TestUser& user, std::string_view name, std::string_view extra) {
    http::Response response =
        node_->Post(user, "/api/v1/objects",
                    rest::WriteBody(fmt::format(R"({{"type":"malware","name":"{}","is_family":false}})", name), extra));
    EXPECT_EQ(response.status, 201) << response.body;
    return JsonBody(response.body).String("/object/id");
  }

  void Publish(const std::string& kind, const std::string& object_id, std::vector<std::string> organisations = {}) {
    Notice notice;
    notice.kind = kind;
    notice.object_id = object_id;
    notice.organisations = std::move(organisations);
    notice.title = kind;
    ASSERT_TRUE(notifications_->inbox().Record({notice}).ok());
  }

  std::unique_ptr<rest::RestNode> node_;
  std::unique_ptr<Notifications> notifications_;
  TestUser kz_reader_, kz_analyst_, kz_admin_, kg_reader_, kg_admin_, admin_;
  std::string kz_object_, shared_object_;
};

TEST_F(NotificationRoutesTest, EachOrganisationReadsAndMarksItsOwnInbox) {
  Publish("task.assigned", kz_object_, {kKazakhstan, kKyrgyzstan});  // KG may not see it: KZ only
  Publish("assistance.requested", shared_object_);                   // everyone who may see it
  JsonBody kz(node_->Get(kz_reader_, "/api/v1/inbox").body);
  EXPECT_EQ(Count(kz, "/notices"), 2u);
  EXPECT_EQ(Number(kz, "/unread"), 2);
  EXPECT_EQ(kz.String("/notices/0/kind"), "assistance.requested");  // newest first
  EXPECT_EQ(kz.String("/notices/1/object_id"), kz_object_);
  JsonBody kg(node_->Get(kg_reader_, "/api/v1/inbox").body);
  ASSERT_EQ(Count(kg, "/notices"), 1u);
  EXPECT_EQ(kg.String("/notices/0/object_id"), shared_object_);

  const int64_t kz_notice = Number(kz, "/notices/1/id");
  EXPECT_EQ(node_->Post(kg_reader_, fmt::format("/api/v1/inbox/{}/read", kz_notice), "").status, 404);
  http::Response read = node_->Post(kz_reader_, fmt::format("/api/v1/inbox/{}/read", kz_notice), "");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(JsonBody(read.body).root()["read"].get_bool().value(), true);
  JsonBody unread(node_->Get(kz_reader_, "/api/v1/inbox?unread=true").body);
  EXPECT_EQ(Count(unread, "/notices"), 1u);
  EXPECT_EQ(Number(unread, "/unread"), 1);
  EXPECT_EQ(Count(JsonBody(node_->Get(kz_reader_, "/api/v1/inbox?kind=task.assigned").body), "/notices"), 1u);

  http::Response all = node_->Post(kz_reader_, "/api/v1/inbox/read-all", "");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(Number(JsonBody(all.body), "/marked"), 1);
  EXPECT_EQ(Number(JsonBody(node_->Get(kg_reader_, "/api/v1/inbox").body), "/unread"), 1);  // KG's stays unread

  // Paging.
  JsonBody first(node_->Get(kz_reader_, "/api/v1/inbox?limit=1").body);
  ASSERT_EQ(Count(first, "/notices"), 1u);
  EXPECT_TRUE(first.root()["more"].get_bool().value());
  JsonBody second(node_->Get(kz_reader_, "/api/v1/inbox?limit=1&next=" + first.String("/next")).body);
  ASSERT_EQ(Count(second, "/notices"), 1u);
  EXPECT_EQ(Number(second, "/notices/0/id"), kz_notice);

  EXPECT_EQ(node_->Get(kz_reader_, "/api/v1/inbox?unread=maybe").status, 400);
  EXPECT_EQ(node_->Get(kz_reader_, "/api/v1/inbox?organisation=KG").status, 403);
  EXPECT_EQ(Count(JsonBody(node_->Get(admin_, "/api/v1/inbox?organisation=KG").body), "/notices"), 1u);
}

TEST_F(NotificationRoutesTest, WebhooksAreTheirOrganisationsOrgAdminsAndSecretsAreShownOnce) {
  const std::string body = R"({"url":"https://hooks.example.org/kenes","kinds":["task.assigned"]})";
  EXPECT_EQ(node_->Post(kz_analyst_, "/api/v1/webhooks", body).status, 403);
  EXPECT_EQ(node_->Post(kz_admin_, "/api/v1/webhooks", R"({"url":"ftp://example.org/"})").status, 400);
  EXPECT_EQ(node_->Post(kz_admin_, "/api/v1/webhooks", R"({"url":"https://example.org/","colour":1})").status, 400);
  EXPECT_EQ(node_->Post(kz_admin_, "/api/v1/webhooks", R"({"url":"https://example.org/","organisation":"KG"})").status,
            403);
  http::Response created = node_->Post(kz_admin_, "/api/v1/webhooks", body);
  ASSERT_EQ(created.status, 201) << created.body;
  JsonBody webhook(created.body);
  const std::string secret = webhook.String("/secret");
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u);
  EXPECT_EQ(webhook.String("/organisation"), kKazakhstan);
  const int64_t id = Number(webhook, "/id");

  http::Response listed = node_->Get(kz_admin_, "/api/v1/webhooks");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(Count(JsonBody(listed.body), "/webhooks"), 1u);
  EXPECT_EQ(listed.body.find(secret), std::string::npos);
  EXPECT_EQ(listed.body.find("secret"), std::string::npos);
  EXPECT_EQ(node_->Get(kz_reader_, "/api/v1/webhooks").status, 403);
  EXPECT_EQ(Count(JsonBody(node_->Get(kg_admin_, "/api/v1/webhooks").body), "/webhooks"), 0u);
  EXPECT_EQ(node_->Get(kg_admin_, fmt::format("/api/v1/webhooks/{}/deliveries", id)).status, 404);
  EXPECT_EQ(node_->Send(&kg_admin_, http::Method::kDelete, fmt::format("/api/v1/webhooks/{}", id)).status, 404);

  // Administrators manage any organisation's.
  http::Response for_kg =
      node_->Post(admin_, "/api/v1/webhooks", R"({"url":"http://192.0.2.1/h","organisation":"KG","enabled":false})");
  ASSERT_EQ(for_kg.status, 201) << for_kg.body;
  EXPECT_EQ(JsonBody(for_kg.body).String("/organisation"), kKyrgyzstan);
  EXPECT_EQ(Count(JsonBody(node_->Get(admin_, "/api/v1/webhooks").body), "/webhooks"), 2u);  // every organisation's
  EXPECT_EQ(Count(JsonBody(node_->Get(admin_, "/api/v1/webhooks?organisation=KG").body), "/webhooks"), 1u);

  EXPECT_EQ(node_->Send(&kz_admin_, http::Method::kDelete, fmt::format("/api/v1/webhooks/{}", id)).status, 204);
  EXPECT_EQ(node_->Get(kz_admin_, fmt::format("/api/v1/webhooks/{}/deliveries", id)).status, 404);
}

TEST_F(NotificationRoutesTest, DeliveriesListEveryAttempt) {
  WebhookReceiver receiver({200});
  http::Response created = node_->Post(kz_admin_, "/api/v1/webhooks", fmt::format(R"({{"url":"{}"}})", receiver.Url()));
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = Number(JsonBody(created.body), "/id");
  Publish("task.due", kz_object_, {kKazakhstan});
  ASSERT_TRUE(receiver.WaitForRequests(1, 10s));
  std::string state;
  for (int i = 0; i < 200 && state != "delivered"; ++i) {
    std::this_thread::sleep_for(20ms);
    JsonBody deliveries(node_->Get(kz_admin_, fmt::format("/api/v1/webhooks/{}/deliveries", id)).body);
    state = deliveries.String("/deliveries/0/state");
    if (state == "delivered") {
      EXPECT_EQ(Number(deliveries, "/deliveries/0/tries/0/status"), 200);
      EXPECT_EQ(Number(deliveries, "/deliveries/0/attempts"), 1);
    }
  }
  EXPECT_EQ(state, "delivered");
}

TEST(NotificationRoutesWithoutNotifications, Answer503) {
  rest::RestNode node;
  TestUser kz_admin = node.AddUser("kz.orgadmin", "KZ", Role::kOrgAdmin);
  EXPECT_EQ(node.Get(kz_admin, "/api/v1/inbox").status, 503);
  EXPECT_EQ(node.Get(kz_admin, "/api/v1/webhooks").status, 503);
}

}  // namespace
}  // namespace kenes::notify
