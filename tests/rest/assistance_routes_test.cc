// Mutual assistance over real HTTP (rest/assistance_routes.h): a request
// published, offers pledged, accepted, declined and delivered, the ledger
// and the gaps as each organisation may see them, every refused transition
// as the API's error (403, 409, 400, 404), and 503 without a desk.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "assist/assistance_desk.h"
#include "rest/rest_node.h"

namespace kenes::rest {
namespace {

using share::Role;

int64_t Number(const JsonBody& body, std::string_view pointer) {
  int64_t number = -1;
  EXPECT_EQ(body.root().at_pointer(pointer).get(number), simdjson::SUCCESS) << pointer;
  return number;
}

void ExpectError(const http::Response& response, int status, std::string_view words) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_NE(JsonBody(response.body).String("/error/message").find(words), std::string::npos) << response.body;
}

class AssistanceRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    node_ = std::make_unique<RestNode>(
        std::vector<share::OrganisationSpec>{}, ApiOptions{}, http::ServerOptions{},
        [this](store::Store& store, share::Community& community, const std::filesystem::path&, ApiOptions& options) {
          desk_ = std::make_unique<assist::AssistanceDesk>(store, community);
          options.assistance = desk_.get();
        });
    kz_ = node_->AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kz_reader_ = node_->AddUser("kz.reader", "KZ", Role::kReader);
    kg_ = node_->AddUser("kg.analyst", "KG", Role::kAnalyst);
    uz_ = node_->AddUser("uz.analyst", "UZ", Role::kAnalyst);
    eu_ = node_->AddUser("eu.analyst", "EU", Role::kAnalyst);
    http::Response location = node_->Post(
        kz_, "/api/v1/objects",
        WriteBody(R"({"type":"location","name":"Kostanay Region flood zone","latitude":53.21,"longitude":63.62})",
                  R"("tlp":"green","distribution":"community")"));
    ASSERT_EQ(location.status, 201) << location.body;
    location_id_ = JsonBody(location.body).String("/object/id");
  }

  void TearDown() override { node_.reset(); }  // the server stops before the desk goes

  std::string Publish() {
    http::Response response = node_->Post(
        kz_, "/api/v1/assistance/requests",
        fmt::format(R"({{"name":"Tobol flood","hazard":"flood","location_ref":"{}","tlp":"green","needs":[)"
                    R"({{"line_id":"pumps","item":"pump","quantity":20,"unit":"unit","priority":"critical"}},)"
                    R"({{"line_id":"water","item":"drinking-water","quantity":50000,"unit":"litre"}}]}})",
                    location_id_));
    EXPECT_EQ(response.status, 201) << response.body;
    return JsonBody(response.body).String("/id");
  }

  std::string Pledge(const TestUser& user, const std::string& request, std::string_view lines,
                     std::string_view extra = "") {
    http::Response response = node_->Post(user, "/api/v1/assistance/requests/" + request + "/offers",
                                          fmt::format(R"({{"lines":{}{}}})", lines, extra));
    EXPECT_EQ(response.status, 201) << response.body;
    return JsonBody(response.body).String("/id");
  }

  std::unique_ptr<assist::AssistanceDesk> desk_;
  std::unique_ptr<RestNode> node_;
  TestUser kz_, kz_reader_, kg_, uz_, eu_;
  std::string location_id_;
};

TEST_F(AssistanceRoutesTest, AFloodRequestFromPledgeToDelivery) {
  const std::string request = Publish();
  ASSERT_FALSE(request.empty());
  const std::string kg_offer = Pledge(kg_, request, R"([{"line_id":"pumps","quantity":8,"note":"mobile units"}])");
  const std::string eu_offer = Pledge(eu_, request, R"([{"line_id":"water","quantity":20000,"unit":"litre"}])",
                                      R"(,"distribution":"community")");
  const std::string uz_offer = Pledge(uz_, request, R"([{"line_id":"pumps","quantity":4}])");

  http::Response accepted = node_->Post(kz_, "/api/v1/assistance/offers/" + kg_offer + "/accept",
                                        R"({"lines":[{"line_id":"pumps","quantity":6}]})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(JsonBody(accepted.body).String("/status"), "accepted");
  ASSERT_EQ(node_->Post(kz_, "/api/v1/assistance/offers/" + uz_offer + "/decline", "").status, 200);
  http::Response progress = node_->Post(kg_, "/api/v1/assistance/offers/" + kg_offer + "/progress",
                                        R"({"lines":[{"line_id":"pumps","dispatched":6,"delivered":2}]})");
  ASSERT_EQ(progress.status, 200) << progress.body;

  http::Response read = node_->Get(kz_, "/api/v1/assistance/requests/" + request);
  ASSERT_EQ(read.status, 200) << read.body;
  JsonBody view(read.body);
  EXPECT_EQ(view.Strings("/offers", "/id").size(), 3u);
  EXPECT_EQ(Number(view, "/ledger/0/needed"), 20);
  EXPECT_EQ(Number(view, "/ledger/0/pledged"), 8);  // the declined offer counts for nothing
  EXPECT_EQ(Number(view, "/ledger/0/accepted"), 6);
  EXPECT_EQ(Number(view, "/ledger/0/dispatched"), 6);
  EXPECT_EQ(Number(view, "/ledger/0/delivered"), 2);
  EXPECT_EQ(Number(view, "/ledger/0/gap"), 14);
  EXPECT_EQ(Number(view, "/ledger/1/pledged"), 20000);
  EXPECT_EQ(Number(view, "/ledger/1/gap"), 50000);

  // Uzbekistan sees its own offer and the EU's, never Kyrgyzstan's.
  JsonBody third(node_->Get(uz_, "/api/v1/assistance/requests/" + request).body);
  std::vector<std::string> seen = third.Strings("/offers", "/id");
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_EQ(std::count(seen.begin(), seen.end(), kg_offer), 0);
  EXPECT_EQ(Number(third, "/ledger/0/accepted"), 0);
  EXPECT_EQ(node_->Get(uz_, "/api/v1/assistance/offers").body.find(kg_offer), std::string::npos);

  JsonBody to_me(node_->Get(kz_, "/api/v1/assistance/offers?direction=to-me").body);
  EXPECT_EQ(to_me.Strings("/offers", "/id").size(), 3u);
  JsonBody mine(node_->Get(kg_, "/api/v1/assistance/offers?direction=mine").body);
  EXPECT_EQ(mine.Strings("/offers", "/id"), std::vector<std::string>{kg_offer});

  JsonBody open(node_->Get(uz_, "/api/v1/assistance/requests?status=open&hazard=flood&requester=KZ").body);
  EXPECT_EQ(open.Strings("/requests", "/id"), std::vector<std::string>{request});
  JsonBody closed(node_->Get(uz_, "/api/v1/assistance/requests?status=closed").body);
  EXPECT_TRUE(closed.Strings("/requests", "/id").empty());

  http::Response close = node_->Post(kz_, "/api/v1/assistance/requests/" + request + "/close", "");
  ASSERT_EQ(close.status, 200) << close.body;
  EXPECT_EQ(JsonBody(close.body).String("/status"), "closed");
  EXPECT_EQ(JsonBody(close.body).String("/created_by_ref"), JsonBody(read.body).String("/request/created_by_ref"));
}

TEST_F(AssistanceRoutesTest, RefusedTransitionsAreTheApisErrors) {
  const std::string request = Publish();
  const std::string offer = Pledge(kg_, request, R"([{"line_id":"pumps","quantity":5}])");
  const std::string base = "/api/v1/assistance/offers/" + offer;
  ExpectError(node_->Post(kg_, base + "/accept", ""), 403, "only the requester");
  ExpectError(node_->Post(kz_reader_, base + "/accept", ""), 403, "reader");
  ExpectError(node_->Post(uz_, base + "/accept", ""), 404, "no assistance offer");
  ExpectError(node_->Post(kg_, base + "/progress", R"({"lines":[{"line_id":"pumps","dispatched":1}]})"), 409,
              "only an accepted offer");
  ExpectError(node_->Post(kz_, "/api/v1/assistance/requests/" + request + "/offers",
                          R"({"lines":[{"line_id":"pumps","quantity":1}]})"),
              403, "own request");
  ExpectError(node_->Post(uz_, "/api/v1/assistance/requests/" + request + "/offers",
                          R"({"lines":[{"line_id":"pumps","quantity":1,"unit":"kg"}]})"),
              400, "counted in 'unit'");
  ASSERT_EQ(node_->Post(kz_, base + "/accept", "").status, 200);
  ExpectError(node_->Post(kg_, base + "/progress", R"({"lines":[{"line_id":"pumps","delivered":6}]})"), 400,
              "more than the 5 accepted");
  ASSERT_EQ(node_->Post(kg_, base + "/progress", R"({"lines":[{"line_id":"pumps","delivered":1}]})").status, 200);
  ExpectError(node_->Post(kg_, base + "/withdraw", ""), 409, "deliveries");
  ASSERT_EQ(node_->Post(kz_, "/api/v1/assistance/requests/" + request + "/close", "").status, 200);
  ExpectError(node_->Post(kz_, "/api/v1/assistance/requests/" + request + "/close", ""), 409, "closed already");
  ExpectError(node_->Post(uz_, "/api/v1/assistance/requests/" + request + "/offers",
                          R"({"lines":[{"line_id":"pumps","quantity":1}]})"),
              409, "takes no more offers");

  ExpectError(node_->Post(kz_, "/api/v1/assistance/requests", R"({"name":"x"})"), 400, "hazard");
  ExpectError(node_->Post(kz_, "/api/v1/assistance/requests", R"({"name":"x","colour":"red"})"), 400, "hazard");
  ExpectError(node_->Post(kg_, base + "/progress", R"({"lines":[{"line_id":"pumps","delivered":"many"}]})"), 400,
              "whole number");
  ExpectError(node_->Get(kz_, "/api/v1/assistance/requests/not-an-id"), 400, "STIX id");
  ExpectError(node_->Get(kz_, "/api/v1/assistance/offers?direction=sideways"), 400, "direction");
}

TEST(AssistanceRoutesWithoutDesk, Answer503) {
  RestNode node;
  TestUser user = node.AddUser("kz.analyst", "KZ", Role::kAnalyst);
  http::Response response = node.Get(user, "/api/v1/assistance/requests");
  EXPECT_EQ(response.status, 503) << response.body;
}

}  // namespace
}  // namespace kenes::rest
