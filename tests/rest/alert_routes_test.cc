// Cross-border alerts and requests for details over real HTTP: an alert
// shows the other side's object only as the sharing matrix allows (a hidden
// one only as its organisation, never its id or content), filters and
// acknowledgement, and a request for details end to end: asked, approved or
// declined by the holder alone, the object readable by the requester after
// approval only, every step in the audit log.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "correlate/alert_book.h"
#include "correlate/alert_database.h"
#include "correlate/detail_desk.h"
#include "rest/rest_node.h"

namespace kenes::rest {
namespace {

using share::Role;

const std::string kKazakhstan = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";
const std::string kKyrgyzstan = "identity--e099ec6c-d736-4ca5-85e7-bb0f12278575";
constexpr std::string_view kSecret = "Osh courier implant";  // the name in KG's object

void ExpectError(const http::Response& response, int status, std::string_view words) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_NE(JsonBody(response.body).String("/error/message").find(words), std::string::npos) << response.body;
}

int64_t Number(const JsonBody& body, std::string_view pointer) {
  int64_t number = 0;
  EXPECT_EQ(body.root().at_pointer(pointer).get(number), simdjson::SUCCESS) << pointer;
  return number;
}

bool Bool(const JsonBody& body, std::string_view pointer) {
  bool value = false;
  EXPECT_EQ(body.root().at_pointer(pointer).get(value), simdjson::SUCCESS) << pointer;
  return value;
}

// A node serving alerts and requests, with KZ's and KG's objects and a link
// between them: KG's object labelled as each test says.
class AlertRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    node_ = std::make_unique<RestNode>(
        std::vector<share::OrganisationSpec>{}, ApiOptions{}, http::ServerOptions{},
        [this](store::Store& store, share::Community& community, const std::filesystem::path& directory,
               ApiOptions& options) {
          Result<std::unique_ptr<correlate::AlertDatabase>> database =
              correlate::AlertDatabase::Open(correlate::AlertDatabase::FileIn(directory));
          ASSERT_TRUE(database.ok()) << database.status().ToString();
          database_ = std::move(database).value();
          alerts_ = std::make_unique<correlate::AlertBook>(*database_);
          desk_ = std::make_unique<correlate::DetailDesk>(*database_, *alerts_, store, community.audit());
          options.alerts = alerts_.get();
          options.detail_requests = desk_.get();
        });
    kz_analyst_ = node_->AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kz_reader_ = node_->AddUser("kz.reader", "KZ", Role::kReader);
    kg_analyst_ = node_->AddUser("kg.analyst", "KG", Role::kAnalyst);
    kg_reader_ = node_->AddUser("kg.reader", "KG", Role::kReader);
    eu_analyst_ = node_->AddUser("eu.analyst", "EU", Role::kAnalyst);
    kz_object_ = Create(kz_analyst_, "Almaty courier implant", R"("distribution":"organisation")");
  }

  void TearDown() override { node_.reset(); }  // the server stops before the book goes

  std::string Create(const TestUser& user, std::string_view name, std::string_view extra) {
    http::Response response =
        node_->Post(user, "/api/v1/objects",
                    WriteBody(fmt::format(R"({{"type":"malware","name":"{}","is_family":false}})", name), extra));
    EXPECT_EQ(response.status, 201) << response.body;
    return JsonBody(response.body).String("/object/id");
  }

  // KG stores its object with `extra` (tlp, distribution) and the link is recorded.
  void Link(std::string_view extra) {
    kg_object_ = Create(kg_analyst_, kSecret, extra);
    correlate::CrossBorderLink link{
        {"ipv4-addr", "198.51.100.7"}, {kz_object_, kKazakhstan}, {{kg_object_, kKyrgyzstan}}, 1.0};
    ASSERT_TRUE(alerts_->Record({link}).ok());
    kz_alert_ = Number(JsonBody(node_->Get(kz_analyst_, "/api/v1/alerts").body), "/alerts/0/id");
  }

  std::string AskBody() const { return R"({"reason":"the address hit our border service"})"; }

  std::unique_ptr<correlate::AlertDatabase> database_;
  std::unique_ptr<correlate::AlertBook> alerts_;
  std::unique_ptr<correlate::DetailDesk> desk_;
  std::unique_ptr<RestNode> node_;
  TestUser kz_analyst_, kz_reader_, kg_analyst_, kg_reader_, eu_analyst_;
  std::string kz_object_, kg_object_;
  int64_t kz_alert_ = 0;
};

// The visibility matrix for KZ's alert: KG's object with each label, seen
// by KZ (a member) or not.
struct VisibilityCase {
  std::string label;  // the create body's tlp and distribution members
  bool visible;
};

class AlertVisibilityTest : public AlertRoutesTest, public ::testing::WithParamInterface<VisibilityCase> {};

TEST_P(AlertVisibilityTest, TheOtherSideShowsAsTheSharingRulesSay) {
  Link(GetParam().label);
  http::Response response = node_->Get(kz_analyst_, "/api/v1/alerts");
  ASSERT_EQ(response.status, 200) << response.body;
  JsonBody body(response.body);
  EXPECT_EQ(body.String("/alerts/0/organisation"), kKazakhstan);
  EXPECT_EQ(body.String("/alerts/0/object_id"), kz_object_);
  EXPECT_EQ(body.String("/alerts/0/key/kind"), "ipv4-addr");
  EXPECT_EQ(body.String("/alerts/0/key/value"), "198.51.100.7");
  EXPECT_EQ(body.String("/alerts/0/other/organisation"), kKyrgyzstan);
  EXPECT_EQ(Bool(body, "/alerts/0/other/visible"), GetParam().visible);
  if (GetParam().visible) {
    EXPECT_EQ(body.String("/alerts/0/other/object_id"), kg_object_);
  } else {
    // Hit, no more: neither the id nor anything of the object.
    EXPECT_EQ(response.body.find(kg_object_), std::string::npos) << response.body;
    EXPECT_EQ(response.body.find(kSecret), std::string::npos) << response.body;
  }
  // KG's own alert always shows KZ's side as KZ's label allows: KZ's object is its own only.
  JsonBody kyrgyz(node_->Get(kg_analyst_, "/api/v1/alerts").body);
  EXPECT_EQ(kyrgyz.String("/alerts/0/object_id"), kg_object_);
  EXPECT_FALSE(Bool(kyrgyz, "/alerts/0/other/visible"));
  // A third organisation is told of neither alert.
  JsonBody european(node_->Get(eu_analyst_, "/api/v1/alerts").body);
  EXPECT_EQ(european.root()["alerts"].get_array().size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Labels, AlertVisibilityTest,
                         ::testing::Values(VisibilityCase{R"("tlp":"amber","distribution":"organisation")", false},
                                           VisibilityCase{R"("tlp":"red","distribution":"organisation")", false},
                                           VisibilityCase{R"("tlp":"amber","distribution":"members")", true},
                                           VisibilityCase{R"("tlp":"amber+strict","distribution":"members")", true},
                                           VisibilityCase{R"("tlp":"green","distribution":"community")", true},
                                           VisibilityCase{R"("tlp":"clear","distribution":"community")", true}),
                         [](const ::testing::TestParamInfo<VisibilityCase>& info) {
                           return fmt::format("case{}", info.index);
                         });

TEST_F(AlertRoutesTest, FiltersAndAcknowledgement) {
  Link(R"("distribution":"organisation")");
  const std::string path = fmt::format("/api/v1/alerts/{}/acknowledge", kz_alert_);
  ExpectError(node_->Post(kg_analyst_, path, ""), 404, fmt::format("no alert {}", kz_alert_));  // not KG's
  ExpectError(node_->Post(kz_analyst_, "/api/v1/alerts/999/acknowledge", ""), 404, "no alert 999");
  ExpectError(node_->Post(kz_analyst_, "/api/v1/alerts/x/acknowledge", ""), 400, "'x' is not an alert id");

  http::Response acknowledged = node_->Post(kz_reader_, path, "");
  ASSERT_EQ(acknowledged.status, 200) << acknowledged.body;
  EXPECT_EQ(JsonBody(acknowledged.body).String("/acknowledged_by"), "kz.reader");
  ExpectError(node_->Post(kz_analyst_, path, ""), 409, "acknowledged by kz.reader");

  auto count = [&](const TestUser& user, std::string_view query) {
    http::Response response = node_->Get(user, fmt::format("/api/v1/alerts?{}", query));
    EXPECT_EQ(response.status, 200) << query << ": " << response.body;
    return JsonBody(response.body).root()["alerts"].get_array().size();
  };
  EXPECT_EQ(count(kz_analyst_, "acknowledged=true"), 1u);
  EXPECT_EQ(count(kz_analyst_, "acknowledged=false"), 0u);
  EXPECT_EQ(count(kg_analyst_, "acknowledged=false"), 1u);
  EXPECT_EQ(count(kz_analyst_, "kind=ipv4-addr&organisation=KG"), 1u);
  EXPECT_EQ(count(kz_analyst_, "kind=phone-number"), 0u);
  EXPECT_EQ(count(kz_analyst_, "organisation=EU"), 0u);
  EXPECT_EQ(count(kz_analyst_, "since=2999-01-01T00:00:00Z"), 0u);
  ExpectError(node_->Get(kz_analyst_, "/api/v1/alerts?acknowledged=maybe"), 400, "acknowledged must be true or false");
  ExpectError(node_->Get(kz_analyst_, "/api/v1/alerts?organisation=XX"), 400, "no organisation 'XX'");
  ExpectError(node_->Get(kz_analyst_, "/api/v1/alerts?colour=red"), 400, "colour");
}

TEST_F(AlertRoutesTest, ApprovedRequestSharesTheObject) {
  Link(R"("tlp":"amber","distribution":"organisation")");
  const std::string object_path = "/api/v1/objects/" + kg_object_;
  ASSERT_EQ(node_->Get(kz_analyst_, object_path).status, 404);
  const std::string ask_path = fmt::format("/api/v1/alerts/{}/detail-requests", kz_alert_);

  ExpectError(node_->Post(kz_reader_, ask_path, AskBody()), 403, "readers read");
  ExpectError(node_->Post(kg_analyst_, ask_path, AskBody()), 404, "no alert");
  ExpectError(node_->Post(kz_analyst_, ask_path, R"({"why":"x"})"), 400, "reason");
  http::Response asked = node_->Post(kz_analyst_, ask_path, AskBody());
  ASSERT_EQ(asked.status, 201) << asked.body;
  JsonBody request(asked.body);
  const int64_t id = Number(request, "/id");
  EXPECT_EQ(request.String("/state"), "pending");
  EXPECT_EQ(request.String("/direction"), "outgoing");
  EXPECT_FALSE(Bool(request, "/visible"));
  EXPECT_EQ(asked.body.find(kg_object_), std::string::npos) << asked.body;
  ExpectError(node_->Post(kz_analyst_, ask_path, AskBody()), 409, "pending already");

  // The holder sees it incoming, with its own object; a third organisation sees nothing.
  JsonBody incoming(node_->Get(kg_analyst_, "/api/v1/detail-requests").body);
  EXPECT_EQ(incoming.String("/detail_requests/0/direction"), "incoming");
  EXPECT_EQ(incoming.String("/detail_requests/0/object_id"), kg_object_);
  EXPECT_EQ(incoming.String("/detail_requests/0/reason"), "the address hit our border service");
  EXPECT_EQ(
      JsonBody(node_->Get(eu_analyst_, "/api/v1/detail-requests").body).root()["detail_requests"].get_array().size(),
      0u);

  const std::string approve = fmt::format("/api/v1/detail-requests/{}/approve", id);
  ExpectError(node_->Post(eu_analyst_, approve, ""), 404, fmt::format("no request for details {}", id));
  ExpectError(node_->Post(kz_analyst_, approve, ""), 403, "only the holder");
  ExpectError(node_->Post(kg_reader_, approve, ""), 403, "readers read");
  ASSERT_EQ(node_->Get(kz_analyst_, object_path).status, 404);  // nothing shared by the refusals

  http::Response approved = node_->Post(kg_analyst_, approve, "");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(JsonBody(approved.body).String("/state"), "approved");
  EXPECT_EQ(JsonBody(approved.body).String("/decided_by"), "kg.analyst");
  ExpectError(node_->Post(kg_analyst_, approve, ""), 409, "approved already");

  // Now KZ reads the object, its alert shows it, and so does its request.
  http::Response read = node_->Get(kz_analyst_, object_path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(JsonBody(read.body).String("/object/name"), kSecret);
  JsonBody alerts(node_->Get(kz_analyst_, "/api/v1/alerts").body);
  EXPECT_TRUE(Bool(alerts, "/alerts/0/other/visible"));
  EXPECT_EQ(alerts.String("/alerts/0/other/object_id"), kg_object_);
  EXPECT_EQ(JsonBody(node_->Get(kz_reader_, "/api/v1/detail-requests").body).String("/detail_requests/0/object_id"),
            kg_object_);
  EXPECT_EQ(node_->Get(eu_analyst_, object_path).status, 404);  // the grant is KZ's alone

  for (const auto& [action, actor] :
       {std::pair{"detail-request.create", "kz.analyst"}, std::pair{"detail-request.approve", "kg.analyst"}}) {
    Result<std::vector<share::AuditEntry>> entries = node_->community().audit().Show({"", action, {}, {}});
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 1u) << action;
    EXPECT_EQ(entries->front().actor, actor);
    EXPECT_EQ(entries->front().target, kg_object_);
    EXPECT_EQ(entries->front().outcome, "ok");
  }
}

TEST_F(AlertRoutesTest, DeclinedRequestSharesNothing) {
  Link(R"("tlp":"amber","distribution":"organisation")");
  http::Response asked =
      node_->Post(kz_analyst_, fmt::format("/api/v1/alerts/{}/detail-requests", kz_alert_), AskBody());
  ASSERT_EQ(asked.status, 201) << asked.body;
  const int64_t id = Number(JsonBody(asked.body), "/id");
  http::Response declined = node_->Post(kg_analyst_, fmt::format("/api/v1/detail-requests/{}/decline", id), "");
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(JsonBody(declined.body).String("/state"), "declined");
  ExpectError(node_->Post(kg_analyst_, fmt::format("/api/v1/detail-requests/{}/approve", id), ""), 409,
              "declined already");
  EXPECT_EQ(node_->Get(kz_analyst_, "/api/v1/objects/" + kg_object_).status, 404);
  JsonBody outgoing(node_->Get(kz_analyst_, "/api/v1/detail-requests").body);
  EXPECT_EQ(outgoing.String("/detail_requests/0/state"), "declined");
  EXPECT_FALSE(Bool(outgoing, "/detail_requests/0/visible"));
  Result<std::vector<share::AuditEntry>> entries =
      node_->community().audit().Show({"", "detail-request.decline", {}, {}});
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ(entries->front().actor, "kg.analyst");
}

TEST_F(AlertRoutesTest, NothingToAskAboutAVisibleObject) {
  Link(R"("tlp":"green","distribution":"members")");
  ExpectError(node_->Post(kz_analyst_, fmt::format("/api/v1/alerts/{}/detail-requests", kz_alert_), AskBody()), 409,
              "may already see");
}

TEST_F(AlertRoutesTest, WithoutAnAlertBookTheRoutesSaySo) {
  RestNode bare;
  TestUser user = bare.AddUser("kz.someone", "KZ", Role::kAnalyst);
  ExpectError(bare.Get(user, "/api/v1/alerts"), 503, "not kept on this node");
  ExpectError(bare.Get(user, "/api/v1/detail-requests"), 503, "not kept on this node");
}

}  // namespace
}  // namespace kenes::rest
