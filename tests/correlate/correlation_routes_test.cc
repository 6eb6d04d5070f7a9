// The REST correlation routes through the API's router: values normalised
// before lookup, malformed values refused by name, and an object the caller
// may not see shown only as its organisation holding a match.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "correlate_fixture.h"
#include "http/router.h"
#include "rest/api.h"

namespace kenes::correlate {
namespace {

class CorrelationRoutesTest : public CorrelateFixture {
 protected:
  void SetUp() override {
    CorrelateFixture::SetUp();
    rest::ApiOptions options;
    options.correlator = correlator_.get();
    api_ = std::make_unique<rest::Api>(*store_, *community_, options);
    api_->Register(router_);
    // KZ's own number, seen by KZ alone; KG's spelling of it, seen by the community.
    Import("KZ", {Phone("+7 701 123 45 67")}, share::Tlp::kAmber, share::DistributionKind::kOrganisation);
    Import("KG", {Phone("8 701 123 45 67", "KZ")});
  }

  http::Response Get(const std::string& code, const std::string& path, http::Fields query = {}) {
    http::Request request;
    request.path = path;
    request.target = path;
    request.query = std::move(query);
    request.principal = share::Principal{code + "-analyst", Org(code), share::Role::kAnalyst, "test"};
    http::Response error;
    const http::RouteInfo* route = router_.Find(request, error);
    return route == nullptr ? error : router_.Call(route, request);
  }

  // The id of `code`'s phone object (its only holding of the number).
  std::string PhoneOf(const std::string& code) {
    for (const Holding& holding : correlator_->index().Holders({"phone-number", "+77011234567"}).holdings) {
      if (holding.organisation == Org(code)) return holding.object_id;
    }
    ADD_FAILURE() << code << " holds no phone";
    return "";
  }

  std::unique_ptr<rest::Api> api_;
  http::Router router_;
};

TEST_F(CorrelationRoutesTest, AValueIsNormalisedAndAHiddenHoldingShowsOnlyItsOrganisation) {
  http::Response response =
      Get("KG", "/api/v1/correlations", {{"kind", "phone-number"}, {"value", "+7 (701) 123-4567"}});
  ASSERT_EQ(response.status, 200) << response.body;
  simdjson::dom::parser parser;
  simdjson::dom::element body = parser.parse(response.body);
  EXPECT_EQ(std::string_view(body["value"]), "+77011234567");
  simdjson::dom::array holdings = body["holdings"];
  ASSERT_EQ(holdings.size(), 2u);
  for (simdjson::dom::element holding : holdings) {
    bool visible = holding["visible"];
    if (std::string_view(holding["organisation"]) == Org("KZ")) {
      EXPECT_FALSE(visible);
      EXPECT_TRUE(holding["object_id"].error()) << "a hidden object's id";
    } else {
      EXPECT_TRUE(visible);
      EXPECT_EQ(std::string_view(holding["object_id"]), PhoneOf("KG"));
    }
  }
  EXPECT_EQ(response.body.find(PhoneOf("KZ")), std::string::npos) << response.body;
}

TEST_F(CorrelationRoutesTest, TheOwnerSeesBothObjects) {
  http::Response response = Get("KZ", "/api/v1/correlations", {{"kind", "phone-number"}, {"value", "+77011234567"}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_NE(response.body.find(PhoneOf("KZ")), std::string::npos);
  EXPECT_NE(response.body.find(PhoneOf("KG")), std::string::npos);
}

TEST_F(CorrelationRoutesTest, AMalformedValueIsABadRequestNamingTheProblem) {
  http::Response response = Get("KG", "/api/v1/correlations", {{"kind", "ipv4-addr"}, {"value", "300.1.2.3"}});
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(response.body.find("value"), std::string::npos) << response.body;
  EXPECT_EQ(Get("KG", "/api/v1/correlations", {{"kind", "ipv4-addr"}}).status, 400);
  EXPECT_EQ(Get("KG", "/api/v1/correlations", {{"kind", "colour"}, {"value", "red"}}).status, 400);
}

TEST_F(CorrelationRoutesTest, AnObjectsCorrelationsNeverLeakAHiddenId) {
  http::Response response = Get("KG", "/api/v1/objects/" + PhoneOf("KG") + "/correlations");
  ASSERT_EQ(response.status, 200) << response.body;
  simdjson::dom::parser parser;
  simdjson::dom::element body = parser.parse(response.body);
  simdjson::dom::array correlations = body["correlations"];
  ASSERT_EQ(correlations.size(), 1u);
  simdjson::dom::array holdings = correlations.at(0)["holdings"];
  ASSERT_EQ(holdings.size(), 1u) << "the object itself is left out";
  EXPECT_EQ(std::string_view(holdings.at(0)["organisation"]), Org("KZ"));
  EXPECT_FALSE(bool(holdings.at(0)["visible"]));
  EXPECT_EQ(response.body.find(PhoneOf("KZ")), std::string::npos) << response.body;
}

TEST_F(CorrelationRoutesTest, AHiddenObjectsCorrelationsReadLikeAnUnknownObject) {
  http::Response hidden = Get("KG", "/api/v1/objects/" + PhoneOf("KZ") + "/correlations");
  http::Response unknown = Get("KG", "/api/v1/objects/phone-number--00000000-0000-4000-8000-000000000000/correlations");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Get("KZ", "/api/v1/objects/" + PhoneOf("KZ") + "/correlations").status, 200);
}

}  // namespace
}  // namespace kenes::correlate
