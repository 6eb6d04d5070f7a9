// Webhooks: URLs allowed and refused; the signature checked with OpenSSL's
// HMAC, apart from the code under test; delivery to a local receiver with
// retries and backoff on 503 and on silence, none on 400, giving up after
// max_attempts; every attempt recorded; pending deliveries and notices
// recorded while the sender was stopped are delivered after a restart; a
// notice whose object the organisation may no longer see is withheld.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <simdjson.h>

#include <algorithm>
#include <thread>

#include "notify/notify_fixture.h"
#include "notify/webhook_book.h"
#include "notify/webhook_receiver.h"
#include "notify/webhook_sender.h"
#include "notify/webhook_signature.h"
#include "notify/webhook_url.h"

namespace kenes::notify {
namespace {

using namespace std::chrono_literals;

// HMAC-SHA256 of "<t>.<body>" as a receiver computes it, with OpenSSL.
std::string ReceiverSignature(const std::string& secret, const std::string& t, const std::string& body) {
  const std::string message = t + "." + body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &size);
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    static constexpr char kDigits[] = "0123456789abcdef";
    hex += kDigits[mac[i] >> 4];
    hex += kDigits[mac[i] & 15];
  }
  return hex;
}

// Whether `header` (t=...,v1=...) signs `body` with `secret`, checked as the webhook_signature.h comment says.
bool Verifies(const std::string& header, const std::string& secret, const std::string& body) {
  std::string t, v1;
  size_t start = 0;
  while (start <= header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string::npos) end = header.size();
    std::string member = header.substr(start, end - start);
    if (member.rfind("t=", 0) == 0) t = member.substr(2);
    if (member.rfind("v1=", 0) == 0) v1 = member.substr(3);
    start = end + 1;
  }
  return !t.empty() && v1 == ReceiverSignature(secret, t, body);
}

TEST(WebhookSignatureTest, AReceiverVerifiesItWithAnyHmacImplementation) {
  const std::string secret = NewWebhookSecret();
  EXPECT_EQ(secret.rfind("whsec_", 0), 0u);
  EXPECT_EQ(secret.size(), 6u + 64u);
  EXPECT_NE(secret, NewWebhookSecret());
  const std::string body = R"({"id":1,"kind":"task.due"})";
  const std::string header = WebhookSignatureHeader(secret, 1796000000, body);
  EXPECT_EQ(header.rfind("t=1796000000,v1=", 0), 0u);
  EXPECT_TRUE(Verifies(header, secret, body));
  EXPECT_FALSE(Verifies(header, secret, body + " "));
  EXPECT_FALSE(Verifies(header, NewWebhookSecret(), body));
  EXPECT_FALSE(Verifies(WebhookSignatureHeader(secret, 1796000001, body).replace(2, 10, "1796000000"), secret, body));
}

TEST(WebhookUrlTest, OnlyHttpAndHttpsWithAHostAreDeliveredTo) {
  struct Case {
    const char* url;
    bool ok;
    bool tls = false;
    const char* host = "";
    uint16_t port = 0;
    const char* target = "";
  };
  const Case cases[] = {
      {"https://hooks.example.org/kenes?x=1", true, true, "hooks.example.org", 443, "/kenes?x=1"},
      {"http://192.0.2.7:8080", true, false, "192.0.2.7", 8080, "/"},
      {"HTTP://[2001:db8::1]:9000/h#frag", true, false, "2001:db8::1", 9000, "/h"},
      {"https://example.org?q", true, true, "example.org", 443, "/?q"},
      {"ftp://example.org/", false},
      {"file:///etc/passwd", false},
      {"gopher://example.org/", false},
      {"https://user:pw@example.org/", false},
      {"https:///path", false},
      {"http://example.org:0/", false},
      {"http://example.org:65536/", false},
      {"http://example.org:/", false},
      {"http://exa mple.org/", false},
      {"http://[::1/", false},
      {"example.org/hook", false},
  };
  for (const Case& c : cases) {
    Result<WebhookUrl> url = ParseWebhookUrl(c.url);
    ASSERT_EQ(url.ok(), c.ok) << c.url;
    if (!c.ok) {
      EXPECT_EQ(url.status().code(), StatusCode::kInvalidArgument);
      continue;
    }
    EXPECT_EQ(url->tls, c.tls) << c.url;
    EXPECT_EQ(url->host, c.host) << c.url;
    EXPECT_EQ(url->port, c.port) << c.url;
    EXPECT_EQ(url->target, c.target) << c.url;
  }
}

class WebhookSenderTest : public NotifyFixture {
 protected:
  void SetUp() override {
    NotifyFixture::SetUp();
    book_ = std::make_unique<WebhookBook>(*notify_database_);
    kz_object_ = StoreIndicator(1, kKazakhstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    kg_object_ = StoreIndicator(2, kKyrgyzstan, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    kz_admin_ = AddUser("kz-admin", "KZ", share::Role::kOrgAdmin);
  }

  void TearDown() override {
    sender_.reset();
    book_.reset();
    NotifyFixture::TearDown();
  }

  static WebhookSenderOptions FastOptions() {
    WebhookSenderOptions options;
    options.max_attempts = 4;
    options.first_retry = 100ms;
    options.max_retry = 400ms;
    options.client.timeout = 500ms;
    return options;
  }

  RegisteredWebhook Register(const std::string& url, std::vector<std::string> kinds = {}) {
    NewWebhook webhook;
    webhook.url = url;
    webhook.kinds = std::move(kinds);
    Result<RegisteredWebhook> registered = book_->Register(kz_admin_, webhook);
    EXPECT_TRUE(registered.ok()) << registered.status().ToString();
    return registered.ok() ? *registered : RegisteredWebhook{};
  }

  void StartSender(WebhookSenderOptions options = FastOptions()) {
    sender_ = std::make_unique<WebhookSender>(*notify_database_, *inbox_, *audience_, options);
  }

  void Publish(const std::string& kind, const std::string& object_id) {
    ASSERT_TRUE(inbox_->Record({MakeNotice(kind, object_id, {kKazakhstan})}).ok());
  }

  // The webhook's deliveries, newest first, once there are `count` and none is pending (or after `timeout`).
  std::vector<Delivery> SettledDeliveries(int64_t webhook_id, size_t count, std::chrono::milliseconds timeout = 10s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      Result<std::vector<Delivery>> listed = book_->Deliveries(kz_admin_, webhook_id, 0, 10);
      if (!listed.ok()) {
        ADD_FAILURE() << listed.status().ToString();
        return {};
      }
      const bool settled =
          listed->size() == count &&
          std::none_of(listed->begin(), listed->end(), [](const Delivery& d) { return d.state == "pending"; });
      if (settled || std::chrono::steady_clock::now() > deadline) return *listed;
      std::this_thread::sleep_for(20ms);
    }
  }

  // The webhook's only delivery once it is settled.
  Delivery Settled(int64_t webhook_id) {
    std::vector<Delivery> deliveries = SettledDeliveries(webhook_id, 1);
    EXPECT_EQ(deliveries.size(), 1u);
    return deliveries.empty() ? Delivery{} : deliveries[0];
  }

  std::unique_ptr<WebhookBook> book_;
  std::unique_ptr<WebhookSender> sender_;
  std::string kz_object_, kg_object_;
  share::Principal kz_admin_;
};

TEST_F(WebhookSenderTest, DeliversTheNoticeSigned) {
  WebhookReceiver receiver({200});
  RegisteredWebhook webhook = Register(receiver.Url());
  StartSender();
  Publish("task.assigned", kz_object_);
  ASSERT_TRUE(receiver.WaitForRequests(1, 10s));
  ReceivedRequest request = receiver.requests().at(0);
  EXPECT_EQ(request.request_line, "POST /hook HTTP/1.1");
  EXPECT_EQ(request.headers["content-type"], "application/json");
  EXPECT_TRUE(Verifies(request.headers["x-kenes-signature"], webhook.secret, request.body))
      << request.headers["x-kenes-signature"];
  simdjson::dom::parser parser;
  simdjson::dom::element body = parser.parse(simdjson::padded_string(request.body)).value();
  EXPECT_EQ(std::string_view(body["kind"].get_string().value()), "task.assigned");
  EXPECT_EQ(std::string_view(body["organisation"].get_string().value()), kKazakhstan);
  EXPECT_EQ(std::string_view(body["object_id"].get_string().value()), kz_object_);
  EXPECT_EQ(body["data"]["detail"].get_int64().value(), 1);

  Delivery delivery = Settled(webhook.webhook.id);
  EXPECT_EQ(delivery.state, "delivered");
  EXPECT_EQ(request.headers["x-kenes-delivery"], std::to_string(delivery.id));
  ASSERT_EQ(delivery.tries.size(), 1u);
  EXPECT_EQ(delivery.tries[0].status, 200);
  EXPECT_GT(delivery.tries[0].duration_microseconds, 0);
}

TEST_F(WebhookSenderTest, A503IsRetriedWithDoublingBackoff) {
  WebhookReceiver receiver({503, 503, 200});
  RegisteredWebhook webhook = Register(receiver.Url());
  StartSender();
  Publish("task.due", kz_object_);
  ASSERT_TRUE(receiver.WaitForRequests(3, 10s));
  std::vector<ReceivedRequest> requests = receiver.requests();
  EXPECT_GE(requests[1].arrived - requests[0].arrived, 100ms);
  EXPECT_GE(requests[2].arrived - requests[1].arrived, 200ms);
  EXPECT_EQ(requests[0].headers["x-kenes-delivery"], requests[2].headers["x-kenes-delivery"]);
  Delivery delivery = Settled(webhook.webhook.id);
  EXPECT_EQ(delivery.state, "delivered");
  EXPECT_EQ(delivery.attempts, 3);
  ASSERT_EQ(delivery.tries.size(), 3u);
  EXPECT_EQ(delivery.tries[0].status, 503);
  EXPECT_EQ(delivery.tries[1].status, 503);
  EXPECT_EQ(delivery.tries[2].status, 200);
}

TEST_F(WebhookSenderTest, A400IsNotRetried) {
  WebhookReceiver receiver({400, 200});
  RegisteredWebhook webhook = Register(receiver.Url());
  StartSender();
  Publish("task.due", kz_object_);
  Delivery delivery = Settled(webhook.webhook.id);
  EXPECT_EQ(delivery.state, "failed");
  ASSERT_EQ(delivery.tries.size(), 1u);
  EXPECT_EQ(delivery.tries[0].status, 400);
  std::this_thread::sleep_for(500ms);  // past the first retry's due time
  EXPECT_EQ(receiver.requests().size(), 1u);
}

TEST_F(WebhookSenderTest, ASilentReceiverTimesOutAndIsRetried) {
  WebhookReceiver receiver({WebhookReceiver::kSilent, 200});
  RegisteredWebhook webhook = Register(receiver.Url());
  StartSender();
  Publish("task.due", kz_object_);
  Delivery delivery = Settled(webhook.webhook.id);
  EXPECT_EQ(delivery.state, "delivered");
  ASSERT_EQ(delivery.tries.size(), 2u);
  EXPECT_EQ(delivery.tries[0].status, 0);
  EXPECT_NE(delivery.tries[0].error.find("no answer within 500 ms"), std::string::npos) << delivery.tries[0].error;
  EXPECT_GE(delivery.tries[0].duration_microseconds, 500'000);
  EXPECT_EQ(delivery.tries[1].status, 200);
}

TEST_F(WebhookSenderTest, GivesUpAfterMaxAttempts) {
  WebhookReceiver receiver({500});
  RegisteredWebhook webhook = Register(receiver.Url());
  WebhookSenderOptions options = FastOptions();
  options.max_attempts = 3;
  StartSender(options);
  Publish("task.due", kz_object_);
  Delivery delivery = Settled(webhook.webhook.id);
  EXPECT_EQ(delivery.state, "failed");
  EXPECT_EQ(delivery.tries.size(), 3u);
  EXPECT_EQ(receiver.requests().size(), 3u);
}

TEST_F(WebhookSenderTest, PendingDeliveriesAndNoticesRecordedMeanwhileResumeAfterARestart) {
  WebhookReceiver receiver({503, 200});
  RegisteredWebhook webhook = Register(receiver.Url());
  WebhookSenderOptions slow = FastOptions();
  slow.first_retry = 1500ms;  // the retry falls due after the restart
  StartSender(slow);
  Publish("task.due", kz_object_);
  ASSERT_TRUE(receiver.WaitForRequests(1, 10s));
  sender_.reset();
  std::vector<Delivery> stopped = book_->Deliveries(kz_admin_, webhook.webhook.id, 0, 10).value();
  ASSERT_EQ(stopped.size(), 1u);
  EXPECT_EQ(stopped[0].state, "pending");
  Publish("task.overdue", kz_object_);  // while no sender runs
  Reopen();                             // the node restarts
  book_ = std::make_unique<WebhookBook>(*notify_database_);
  StartSender();
  ASSERT_TRUE(receiver.WaitForRequests(3, 10s));
  std::vector<Delivery> deliveries = SettledDeliveries(webhook.webhook.id, 2);
  ASSERT_EQ(deliveries.size(), 2u);
  EXPECT_EQ(deliveries[1].state, "delivered");  // newest first: [1] is the first notice's
  EXPECT_EQ(deliveries[1].tries.size(), 2u);
  EXPECT_EQ(deliveries[0].state, "delivered");
  EXPECT_EQ(receiver.requests().size(), 3u);
}

TEST_F(WebhookSenderTest, OnlyTheKindsAskedForAndOnlyNoticesAfterRegistering) {
  WebhookReceiver receiver({200});
  Publish("task.due", kz_object_);  // before the webhook existed
  RegisteredWebhook webhook = Register(receiver.Url(), {"task.due"});
  StartSender();
  Publish("alert.raised", kz_object_);
  Publish("task.due", kz_object_);
  ASSERT_TRUE(receiver.WaitForRequests(1, 10s));
  std::this_thread::sleep_for(300ms);
  ASSERT_EQ(receiver.requests().size(), 1u);
  EXPECT_NE(receiver.requests()[0].body.find("\"task.due\""), std::string::npos);
}

TEST_F(WebhookSenderTest, ANoticeTheOrganisationMayNoLongerSeeIsWithheld) {
  WebhookReceiver receiver({200});
  RegisteredWebhook webhook = Register(receiver.Url());
  // As if KZ had seen KG's object when the notice was recorded and no longer may.
  std::unique_lock lock(notify_database_->mutex);
  ASSERT_TRUE(notify_database_->connection
                  ->Execute("INSERT INTO notices (organisation, kind, object_id, title, data, addressed, created) "
                            "VALUES ('" +
                            kKazakhstan + "', 'task.due', '" + kg_object_ + "', 't', '{}', '', 0)")
                  .ok());
  lock.unlock();
  StartSender();
  Delivery delivery = Settled(webhook.webhook.id);
  EXPECT_EQ(delivery.state, "withheld");
  EXPECT_TRUE(delivery.tries.empty());
  EXPECT_TRUE(receiver.requests().empty());
}

}  // namespace
}  // namespace kenes::notify
