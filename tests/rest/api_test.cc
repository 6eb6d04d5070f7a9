// Every endpoint of /api/v1: what it answers, and the 4xx with a JSON error
// for every kind of bad request.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "rest/rest_node.h"
#include "share/marking.h"

namespace kenes::rest {
namespace {

using http::Method;
using share::Role;

constexpr std::string_view kKazakhstan = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";

std::string Indicator(std::string_view name) {
  return fmt::format(R"({{"type":"indicator","name":"{}","pattern":"[ipv4-addr:value = '198.51.100.7']",)"
                     R"("pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}})",
                     name);
}

std::string Malware(std::string_view name) {
  return fmt::format(R"({{"type":"malware","name":"{}","is_family":false}})", name);
}

std::string Relationship(std::string_view type, std::string_view source, std::string_view target) {
  return fmt::format(R"({{"type":"relationship","relationship_type":"{}","source_ref":"{}","target_ref":"{}"}})", type,
                     source, target);
}

// The error's status and message, checking the error shape on the way.
void ExpectError(const http::Response& response, int status, std::string_view words) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  JsonBody body(response.body);
  ASSERT_TRUE(body.ok()) << response.body;
  int64_t reported = 0;
  EXPECT_EQ(body.root().at_pointer("/error/status").get(reported), simdjson::SUCCESS) << response.body;
  EXPECT_EQ(reported, status);
  EXPECT_FALSE(body.String("/error/title").empty()) << response.body;
  EXPECT_NE(body.String("/error/message").find(words), std::string::npos) << response.body;
}

class RestApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kz_analyst_ = node_.AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kz_reader_ = node_.AddUser("kz.reader", "KZ", Role::kReader);
    kz_admin_ = node_.AddUser("kz.orgadmin", "KZ", Role::kOrgAdmin);
    kg_analyst_ = node_.AddUser("kg.analyst", "KG", Role::kAnalyst);
    eu_analyst_ = node_.AddUser("eu.analyst", "EU", Role::kAnalyst);
    admin_ = node_.AddUser("node.admin", "KZ", Role::kAdmin);
  }

  // Creates `object_json` as `user` and returns its id.
  std::string Create(const TestUser& user, std::string_view object_json, std::string_view extra = {}) {
    http::Response response = node_.Post(user, "/api/v1/objects", WriteBody(object_json, extra));
    EXPECT_EQ(response.status, 201) << response.body;
    return JsonBody(response.body).String("/object/id");
  }

  std::vector<std::string> SearchIds(const TestUser& user, std::string_view query) {
    http::Response response = node_.Get(user, fmt::format("/api/v1/objects?{}", query));
    EXPECT_EQ(response.status, 200) << query << ": " << response.body;
    return JsonBody(response.body).Strings("/objects", "/id");
  }

  RestNode node_;
  TestUser kz_analyst_, kz_reader_, kz_admin_, kg_analyst_, eu_analyst_, admin_;
};

TEST_F(RestApiTest, CreateFillsInWhatTheUserNeedNotWrite) {
  http::Response response =
      node_.Post(kz_analyst_, "/api/v1/objects", WriteBody(Indicator("Fergana route"), R"("tlp":"green")"));
  ASSERT_EQ(response.status, 201) << response.body;
  JsonBody body(response.body);
  std::string id = body.String("/object/id");
  EXPECT_TRUE(id.starts_with("indicator--")) << id;
  EXPECT_EQ(response.Header("Location"), "/api/v1/objects/" + id);
  EXPECT_EQ(body.String("/object/spec_version"), "2.1");
  EXPECT_EQ(body.String("/object/created_by_ref"), kKazakhstan);
  EXPECT_FALSE(body.String("/object/created").empty());
  EXPECT_EQ(body.String("/object/modified"), body.String("/object/created"));
  EXPECT_EQ(body.String("/tlp"), "green");
  std::vector<std::string> markings = body.Strings("/object/object_marking_refs", "");
  EXPECT_NE(std::find(markings.begin(), markings.end(), share::TlpMarkingId(share::Tlp::kGreen)), markings.end());
  EXPECT_EQ(node_.stored(), 1u);

  // Stored as returned, and the write is in the audit log.
  http::Response read = node_.Get(kz_reader_, "/api/v1/objects/" + id);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(JsonBody(read.body).String("/object/name"), "Fergana route");
  Result<std::vector<share::AuditEntry>> writes =
      node_.community().audit().Show({"kz.analyst", "object.write", {}, {}});
  ASSERT_TRUE(writes.ok());
  ASSERT_EQ(writes->size(), 1u);
  EXPECT_EQ(writes->front().target, id);
  EXPECT_EQ(writes->front().outcome, "ok");
}

TEST_F(RestApiTest, CreateTakesTheOrganisationDefaultsAndAnExplicitDistribution) {
  http::Response response =
      node_.Post(kz_analyst_, "/api/v1/objects", WriteBody(Malware("Default"), R"("distribution":"members")"));
  ASSERT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(JsonBody(response.body).String("/tlp"), "amber");
  std::string id = JsonBody(response.body).String("/object/id");
  // Members see it; a partner does not.
  EXPECT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + id).status, 200);
  EXPECT_EQ(node_.Get(eu_analyst_, "/api/v1/objects/" + id).status, 404);
}

TEST_F(RestApiTest, CreateRefusesBadRequestsNamingTheProblem) {
  auto post = [&](std::string_view body) { return node_.Post(kz_analyst_, "/api/v1/objects", body); };
  ExpectError(post("{\"object\": "), 400, "not JSON");
  ExpectError(post("[]"), 400, "the body must be");
  ExpectError(post(Indicator("bare")), 400, "unknown property 'type'");
  ExpectError(post(WriteBody("42")), 400, "the body must be");
  ExpectError(post(WriteBody(Indicator("x"), R"("tlp":"purple")")), 400, "tlp must be");
  ExpectError(post(WriteBody(Indicator("x"), R"("distribution":"everyone")")), 400, "distribution");
  ExpectError(post(WriteBody(Indicator("x"), R"("distribution":"group:nope")")), 400, "no sharing group nope");
  ExpectError(post(WriteBody(R"({"name":"no type"})")), 400, "needs a type");
  std::string marked = fmt::format(R"({{"type":"malware","name":"m","is_family":false,"object_marking_refs":["{}"]}})",
                                   share::TlpMarkingId(share::Tlp::kRed));
  ExpectError(post(WriteBody(marked, R"("tlp":"green")")), 400,
              "tlp is green but the object's object_marking_refs say red");
  // TLP:RED cannot go to every member.
  ExpectError(post(WriteBody(Malware("m"), R"("tlp":"red","distribution":"members")")), 400, "TLP:RED");

  http::Response invalid = post(WriteBody(
      R"({"type":"indicator","pattern":"[ipv4-addr:value = ","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"})"));
  ExpectError(invalid, 400, "is not valid STIX 2.1");
  std::vector<std::string> paths = JsonBody(invalid.body).Strings("/error/details", "/path");
  EXPECT_NE(std::find(paths.begin(), paths.end(), "$.pattern"), paths.end()) << invalid.body;
  EXPECT_EQ(node_.stored(), 0u);
}

TEST_F(RestApiTest, BodiesAreJson) {
  ExpectError(node_.Send(&kz_analyst_, Method::kPost, "/api/v1/objects", WriteBody(Indicator("x")),
                         {{"Content-Type", "application/x-www-form-urlencoded"}}),
              415, "application/json");
  EXPECT_EQ(node_
                .Send(&kz_analyst_, Method::kPost, "/api/v1/objects", WriteBody(Indicator("x")),
                      {{"Content-Type", "Application/JSON; charset=utf-8"}})
                .status,
            201);
}

TEST_F(RestApiTest, AnAdminWritesAsItsOrganisation) {
  http::Response response = node_.Post(admin_, "/api/v1/objects", WriteBody(Malware("Admin's"), R"("tlp":"green")"));
  ASSERT_EQ(response.status, 201) << response.body;
  JsonBody body(response.body);
  EXPECT_EQ(body.String("/object/created_by_ref"), kKazakhstan);
  EXPECT_EQ(node_.Get(kz_reader_, "/api/v1/objects/" + body.String("/object/id")).status, 200);
  EXPECT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + body.String("/object/id")).status, 404);
}

TEST_F(RestApiTest, ReadersAndOtherOrganisationsMayNotWrite) {
  ExpectError(node_.Post(kz_reader_, "/api/v1/objects", WriteBody(Indicator("x"))), 403, "reader");
  std::string shared = Create(kg_analyst_, Malware("Shared by KG"), R"("tlp":"green","distribution":"members")");
  ASSERT_EQ(node_.Get(kz_analyst_, "/api/v1/objects/" + shared).status, 200);
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + shared, WriteBody(Malware("Taken over"))), 403, "");
  std::string hidden = Create(kg_analyst_, Malware("KG only"));
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + hidden, WriteBody(Malware("x"))), 404, "no object " + hidden);
  ExpectError(
      node_.Post(kz_analyst_, "/api/v1/objects",
                 WriteBody(fmt::format(R"({{"type":"malware","name":"m","is_family":false,"created_by_ref":"{}"}})",
                                       "identity--e099ec6c-d736-4ca5-85e7-bb0f12278575"))),
      403, "");
}

TEST_F(RestApiTest, ReviseMakesANewVersion) {
  std::string id = Create(kz_analyst_, Indicator("First"));
  std::string object = Indicator("Second");
  http::Response revised = node_.Put(kz_analyst_, "/api/v1/objects/" + id, WriteBody(object));
  ASSERT_EQ(revised.status, 201) << revised.body;
  JsonBody body(revised.body);
  EXPECT_EQ(body.String("/object/id"), id);
  EXPECT_GT(body.String("/object/modified"), body.String("/object/created"));

  http::Response versions = node_.Get(kz_reader_, "/api/v1/objects/" + id + "/versions");
  ASSERT_EQ(versions.status, 200) << versions.body;
  EXPECT_EQ(JsonBody(versions.body).Strings("/versions", "/object/name"),
            (std::vector<std::string>{"First", "Second"}));
  EXPECT_EQ(JsonBody(node_.Get(kz_reader_, "/api/v1/objects/" + id).body).String("/object/name"), "Second");

  // A modified not newer than the latest is replaced; created cannot change; the id must match.
  std::string stale =
      fmt::format(R"({{"type":"indicator","name":"Third","pattern":"[ipv4-addr:value = '198.51.100.7']",)"
                  R"("pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z","modified":"{}"}})",
                  body.String("/object/created"));
  http::Response third = node_.Put(kz_analyst_, "/api/v1/objects/" + id, WriteBody(stale));
  ASSERT_EQ(third.status, 201) << third.body;
  EXPECT_GT(JsonBody(third.body).String("/object/modified"), body.String("/object/modified"));
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + id,
                        WriteBody(R"({"type":"indicator","created":"2020-01-01T00:00:00Z"})")),
              400, "cannot change");
  std::string other = Create(kz_analyst_, Indicator("Other"));
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + id, WriteBody(fmt::format(R"({{"id":"{}"}})", other))), 400,
              "is not the id of the object revised");
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + id, WriteBody(Malware("type change"))), 400, "of type");
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/not-an-id", WriteBody(Malware("x"))), 400, "not a STIX id");

  // Once revoked, an object takes no newer version.
  std::string revoked = Create(kz_analyst_, Malware("Retired"));
  ASSERT_EQ(node_
                .Put(kz_analyst_, "/api/v1/objects/" + revoked,
                     WriteBody(R"({"name":"Retired","is_family":false,"revoked":true})"))
                .status,
            201);
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + revoked, WriteBody(Malware("Back"))), 409, "revoked");
}

TEST_F(RestApiTest, ObservablesGetTheirIdAndASingleVersion) {
  std::string address = R"({"type":"ipv4-addr","value":"203.0.113.9"})";
  std::string id = Create(kz_analyst_, address);
  EXPECT_TRUE(id.starts_with("ipv4-addr--")) << id;
  ExpectError(node_.Post(kz_analyst_, "/api/v1/objects", WriteBody(address)), 409, "exists already");
  ExpectError(node_.Put(kz_analyst_, "/api/v1/objects/" + id, WriteBody(address)), 409, "single version");
}

TEST_F(RestApiTest, ValidateSaysWhatCreateWouldWithoutStoring) {
  http::Response bad = node_.Post(kz_reader_, "/api/v1/validate",
                                  WriteBody(R"({"type":"indicator","pattern":"[x","pattern_type":"stix",)"
                                            R"("valid_from":"2026-01-01T00:00:00Z"})"));
  ASSERT_EQ(bad.status, 200) << bad.body;
  JsonBody verdict(bad.body);
  bool valid = true;
  EXPECT_EQ(verdict.root()["valid"].get(valid), simdjson::SUCCESS);
  EXPECT_FALSE(valid);
  EXPECT_EQ(verdict.Strings("/errors", "/path"), std::vector<std::string>{"$.pattern"}) << bad.body;
  http::Response good = node_.Post(kz_reader_, "/api/v1/validate", WriteBody(Indicator("ok")));
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(JsonBody(good.body).root()["valid"].get(valid), simdjson::SUCCESS);
  EXPECT_TRUE(valid);
  EXPECT_EQ(node_.stored(), 0u);
}

TEST_F(RestApiTest, SearchFiltersAndPages) {
  std::string green =
      Create(kz_analyst_, Indicator("Fergana valley crossing"), R"("tlp":"green","distribution":"members")");
  std::string amber = Create(kz_analyst_, Malware("Steppe wolf"), R"("distribution":"members")");
  std::string kg = Create(kg_analyst_, Indicator("Osh market"), R"("tlp":"clear","distribution":"community")");
  std::string hidden = Create(kg_analyst_, Malware("KG internal"));

  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator"), (std::vector<std::string>{green, kg}));
  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator,malware"), (std::vector<std::string>{green, amber, kg}));
  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator&type=malware"), (std::vector<std::string>{green, amber, kg}));
  EXPECT_EQ(SearchIds(kz_reader_, "type=malware&author=KG"), std::vector<std::string>{});
  EXPECT_EQ(SearchIds(kz_reader_, fmt::format("type=malware&author={}", kKazakhstan)), std::vector<std::string>{amber});
  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator,malware&tlp=green,clear"), (std::vector<std::string>{green, kg}));
  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator,malware&tlp=amber"), std::vector<std::string>{amber});
  EXPECT_EQ(SearchIds(kz_reader_, "q=fergana"), std::vector<std::string>{green});
  EXPECT_EQ(SearchIds(kz_reader_, "q=KG"), std::vector<std::string>{});
  EXPECT_EQ(SearchIds(kg_analyst_, "q=internal"), std::vector<std::string>{hidden});
  EXPECT_EQ(SearchIds(eu_analyst_, "type=indicator,malware"), std::vector<std::string>{kg});

  // Page by page with the cursor, one object a page.
  std::vector<std::string> paged;
  std::string target = "/api/v1/objects?type=indicator,malware&limit=1";
  for (int page = 0; page < 10; ++page) {
    http::Response response = node_.Get(kz_reader_, target);
    ASSERT_EQ(response.status, 200) << response.body;
    JsonBody body(response.body);
    std::vector<std::string> ids = body.Strings("/objects", "/id");
    ASSERT_EQ(ids.size(), 1u) << response.body;
    paged.push_back(ids.front());
    bool more = false;
    ASSERT_EQ(body.root()["more"].get(more), simdjson::SUCCESS);
    if (!more) {
      EXPECT_TRUE(body.root()["next"].is_null()) << response.body;
      break;
    }
    target = "/api/v1/objects?type=indicator,malware&limit=1&cursor=" + QueryEscape(body.String("/next"));
  }
  EXPECT_EQ(paged, (std::vector<std::string>{green, amber, kg}));
}

TEST_F(RestApiTest, SearchFacetsCountTheWholeResultSet) {
  Create(kz_analyst_, Indicator("one"), R"("tlp":"green")");
  Create(kz_analyst_, Indicator("two"), R"("tlp":"green")");
  Create(kz_analyst_, Malware("three"));
  Create(kg_analyst_, Malware("hidden"));
  http::Response response = node_.Get(kz_reader_, "/api/v1/objects?type=indicator,malware&limit=1&facets=true");
  ASSERT_EQ(response.status, 200) << response.body;
  JsonBody body(response.body);
  int64_t count = 0;
  EXPECT_EQ(body.root().at_pointer("/facets/type/indicator").get(count), simdjson::SUCCESS) << response.body;
  EXPECT_EQ(count, 2);
  EXPECT_EQ(body.root().at_pointer("/facets/type/malware").get(count), simdjson::SUCCESS);
  EXPECT_EQ(count, 1);
  EXPECT_EQ(body.root().at_pointer("/facets/tlp/green").get(count), simdjson::SUCCESS);
  EXPECT_EQ(count, 2);
  EXPECT_EQ(body.root().at_pointer(fmt::format("/facets/author/{}", kKazakhstan)).get(count), simdjson::SUCCESS);
  EXPECT_EQ(count, 3);
  EXPECT_EQ(body.root().at_pointer("/facets/author").get_object().size(), 1u) << response.body;
  bool complete = false;
  EXPECT_EQ(body.root().at_pointer("/facets/complete").get(complete), simdjson::SUCCESS);
  EXPECT_TRUE(complete);
  EXPECT_EQ(body.root()["facets"].error(), simdjson::SUCCESS);
  EXPECT_EQ(JsonBody(node_.Get(kz_reader_, "/api/v1/objects?type=malware").body).root()["facets"].error(),
            simdjson::NO_SUCH_FIELD);

  ApiOptions options;
  options.max_facet_versions = 2;
  RestNode small({}, options);
  TestUser analyst = small.AddUser("kz.analyst", "KZ", Role::kAnalyst);
  for (int i = 0; i < 3; ++i) small.Post(analyst, "/api/v1/objects", WriteBody(Malware("m")));
  JsonBody bounded(small.Get(analyst, "/api/v1/objects?type=malware&facets=true").body);
  EXPECT_EQ(bounded.root().at_pointer("/facets/complete").get(complete), simdjson::SUCCESS);
  EXPECT_FALSE(complete);
}

TEST_F(RestApiTest, SearchRefusesBadParameters) {
  auto search = [&](std::string_view query) { return node_.Get(kz_reader_, fmt::format("/api/v1/objects?{}", query)); };
  ExpectError(search("limit=0"), 400, "limit");
  ExpectError(search("limit=ten"), 400, "limit");
  ExpectError(search("limit=-1"), 400, "limit");
  ExpectError(search("added_after=yesterday"), 400, "added_after must be an RFC 3339 timestamp");
  ExpectError(search("added_before=2026-13-01T00:00:00Z"), 400, "added_before");
  ExpectError(search("tlp=purple"), 400, "tlp must be");
  ExpectError(search("type=Indicator"), 400, "not a STIX type name");
  ExpectError(search("author=ZZ"), 400, "no organisation 'ZZ'");
  ExpectError(search("author=KZ&author=KG"), 400, "may be given once");
  ExpectError(search("cursor=garbage"), 400, "");
  ExpectError(search("colour=red"), 400, "unknown query parameter 'colour'");
  ExpectError(search("facets=yes"), 400, "facets must be true or false");
  EXPECT_EQ(search("limit=100000").status, 200);
}

TEST_F(RestApiTest, SearchTimeRange) {
  std::string first = Create(kz_analyst_, Indicator("first"));
  http::Response read = node_.Get(kz_reader_, "/api/v1/objects/" + first);
  std::string added = JsonBody(read.body).String("/date_added");
  std::string second = Create(kz_analyst_, Indicator("second"));
  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator&added_after=" + added), std::vector<std::string>{second});
  EXPECT_EQ(SearchIds(kz_reader_, "type=indicator&added_before=" + added), std::vector<std::string>{first});
}

TEST_F(RestApiTest, ObjectShowsItsVisibleLinksInBothDirections) {
  std::string indicator = Create(kz_analyst_, Indicator("Route"), R"("distribution":"members")");
  std::string malware = Create(kz_analyst_, Malware("Wolf"), R"("distribution":"members")");
  std::string hidden = Create(kg_analyst_, Malware("Hidden from KZ"));
  Create(kz_analyst_, Relationship("indicates", indicator, malware), R"("distribution":"members")");
  std::string to_hidden =
      Create(kg_analyst_, Relationship("indicates", indicator, hidden), R"("distribution":"members")");
  std::string report =
      Create(kz_analyst_, fmt::format(R"({{"type":"report","name":"Weekly","published":"2026-01-02T00:00:00Z",)"
                                      R"("object_refs":["{}","{}"]}})",
                                      indicator, hidden));

  http::Response response = node_.Get(kz_reader_, "/api/v1/objects/" + indicator);
  ASSERT_EQ(response.status, 200) << response.body;
  JsonBody body(response.body);
  EXPECT_EQ(body.String("/object/id"), indicator);
  EXPECT_EQ(body.String("/tlp"), "amber");
  std::vector<std::string> others = body.Strings("/links", "/other/object/id");
  std::sort(others.begin(), others.end());
  std::vector<std::string> expected = {malware, report};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(others, expected);
  // The relationship to the hidden malware is left out whole (the report, KZ's own, names it itself).
  EXPECT_EQ(response.body.find(to_hidden), std::string::npos) << response.body;
  EXPECT_EQ(body.Strings("/links", "/relationship/target_ref"), std::vector<std::string>{malware});
  EXPECT_EQ(body.Strings("/links", "/relationship_type"), std::vector<std::string>{"indicates"});
  EXPECT_NE(response.body.find(R"("direction":"outgoing","property":"source_ref")"), std::string::npos);
  EXPECT_NE(response.body.find(R"("direction":"incoming","property":"object_refs")"), std::string::npos);

  // From the other ends: incoming relationship, outgoing references.
  JsonBody from_malware(node_.Get(kz_reader_, "/api/v1/objects/" + malware).body);
  EXPECT_EQ(from_malware.Strings("/links", "/other/object/id"), std::vector<std::string>{indicator});
  EXPECT_EQ(from_malware.Strings("/links", "/direction"), std::vector<std::string>{"incoming"});
  JsonBody from_report(node_.Get(kz_reader_, "/api/v1/objects/" + report).body);
  EXPECT_EQ(from_report.Strings("/links", "/other/object/id"), std::vector<std::string>{indicator});
  // KG sees both relationships of the indicator.
  JsonBody as_kg(node_.Get(kg_analyst_, "/api/v1/objects/" + indicator).body);
  EXPECT_EQ(as_kg.Strings("/links", "/relationship_type").size(), 2u);
}

TEST_F(RestApiTest, HiddenObjectsReadLikeUnknownOnes) {
  std::string hidden = Create(kg_analyst_, Malware("KG internal"));
  std::string unknown = "malware--00000000-0000-4000-8000-000000000001";
  for (std::string_view suffix : {"", "/versions", "/graph"}) {
    http::Response hidden_response = node_.Get(kz_reader_, fmt::format("/api/v1/objects/{}{}", hidden, suffix));
    http::Response unknown_response = node_.Get(kz_reader_, fmt::format("/api/v1/objects/{}{}", unknown, suffix));
    ExpectError(hidden_response, 404, "no object " + hidden);
    ExpectError(unknown_response, 404, "no object " + unknown);
    std::string normalised = hidden_response.body;
    normalised.replace(normalised.find(hidden), hidden.size(), unknown);
    EXPECT_EQ(normalised, unknown_response.body);
  }
  ExpectError(node_.Get(kz_reader_, "/api/v1/objects/nonsense"), 400, "not a STIX id");
}

TEST_F(RestApiTest, GraphHoldsTheVisibleNeighbourhood) {
  std::string indicator = Create(kz_analyst_, Indicator("Route"));
  std::string malware = Create(kz_analyst_, Malware("Wolf"));
  std::string far = Create(kz_analyst_, Malware("Far"));
  std::string hidden = Create(kg_analyst_, Malware("Hidden"), R"("tlp":"green")");
  std::string indicates = Create(kz_analyst_, Relationship("indicates", indicator, malware));
  Create(kz_analyst_, Relationship("variant-of", malware, far));
  Create(kz_analyst_, Relationship("indicates", indicator, hidden));

  http::Response one = node_.Get(kz_reader_, "/api/v1/objects/" + indicator + "/graph");
  ASSERT_EQ(one.status, 200) << one.body;
  JsonBody depth_one(one.body);
  EXPECT_EQ(depth_one.Strings("/nodes", "/id"), (std::vector<std::string>{indicator, malware}));
  EXPECT_EQ(depth_one.Strings("/nodes", "/name"), (std::vector<std::string>{"Route", "Wolf"}));
  EXPECT_EQ(depth_one.Strings("/edges", "/relationship"), std::vector<std::string>{indicates});
  EXPECT_EQ(depth_one.Strings("/edges", "/source"), std::vector<std::string>{indicator});
  EXPECT_EQ(one.body.find(hidden), std::string::npos) << one.body;

  JsonBody depth_two(node_.Get(kz_reader_, "/api/v1/objects/" + indicator + "/graph?depth=2").body);
  EXPECT_EQ(depth_two.Strings("/nodes", "/id"), (std::vector<std::string>{indicator, malware, far}));
  EXPECT_EQ(depth_two.Strings("/edges", "/relationship_type"), (std::vector<std::string>{"indicates", "variant-of"}));

  for (std::string_view depth : {"0", "4", "two", ""}) {
    ExpectError(node_.Get(kz_reader_, fmt::format("/api/v1/objects/{}/graph?depth={}", indicator, depth)), 400,
                "depth must be 1, 2 or 3");
  }
}

TEST_F(RestApiTest, GraphIsBoundedAndSaysSo) {
  ApiOptions options;
  options.max_graph_nodes = 3;
  RestNode small({}, options);
  TestUser analyst = small.AddUser("kz.analyst", "KZ", Role::kAnalyst);
  http::Response hub = small.Post(analyst, "/api/v1/objects", WriteBody(Malware("Hub")));
  std::string hub_id = JsonBody(hub.body).String("/object/id");
  for (int i = 0; i < 5; ++i) {
    std::string spoke =
        JsonBody(small.Post(analyst, "/api/v1/objects", WriteBody(Malware("Spoke"))).body).String("/object/id");
    ASSERT_EQ(small.Post(analyst, "/api/v1/objects", WriteBody(Relationship("variant-of", spoke, hub_id))).status, 201);
  }
  JsonBody graph(small.Get(analyst, "/api/v1/objects/" + hub_id + "/graph").body);
  EXPECT_EQ(graph.Strings("/nodes", "/id").size(), 3u);
  EXPECT_EQ(graph.Strings("/edges", "/source").size(), 2u);
  bool truncated = false;
  EXPECT_EQ(graph.root()["truncated"].get(truncated), simdjson::SUCCESS);
  EXPECT_TRUE(truncated);
}

TEST_F(RestApiTest, LinksAreBoundedAndSaySo) {
  ApiOptions options;
  options.max_links = 2;
  RestNode small({}, options);
  TestUser analyst = small.AddUser("kz.analyst", "KZ", Role::kAnalyst);
  std::vector<std::string> refs;
  for (int i = 0; i < 3; ++i) {
    refs.push_back(JsonBody(small.Post(analyst, "/api/v1/objects", WriteBody(Malware("m"))).body).String("/object/id"));
  }
  http::Response report = small.Post(
      analyst, "/api/v1/objects",
      WriteBody(fmt::format(R"({{"type":"report","name":"r","published":"2026-01-02T00:00:00Z","object_refs":["{}"]}})",
                            fmt::join(refs, R"(",")"))));
  ASSERT_EQ(report.status, 201) << report.body;
  JsonBody page(small.Get(analyst, "/api/v1/objects/" + JsonBody(report.body).String("/object/id")).body);
  EXPECT_EQ(page.Strings("/links", "/other/object/id"), (std::vector<std::string>{refs[0], refs[1]}));
  bool truncated = false;
  EXPECT_EQ(page.root()["links_truncated"].get(truncated), simdjson::SUCCESS);
  EXPECT_TRUE(truncated);
}

TEST_F(RestApiTest, AmberReadsAreAuditedBeforeTheyAreSent) {
  std::string amber = Create(kz_analyst_, Malware("Amber"), R"("distribution":"members")");
  std::string green = Create(kz_analyst_, Malware("Green"), R"("tlp":"green","distribution":"members")");
  auto reads = [&] {
    Result<std::vector<share::AuditEntry>> entries =
        node_.community().audit().Show({"kg.analyst", "object.read", {}, {}});
    EXPECT_TRUE(entries.ok());
    return entries.ok() ? *entries : std::vector<share::AuditEntry>{};
  };
  ASSERT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + green).status, 200);
  EXPECT_TRUE(reads().empty());
  ASSERT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + amber).status, 200);
  ASSERT_EQ(reads().size(), 1u);
  EXPECT_EQ(reads().back().target, amber);
  ASSERT_EQ(node_.Get(kg_analyst_, "/api/v1/objects?type=malware").status, 200);
  ASSERT_EQ(reads().size(), 2u);
  EXPECT_NE(reads().back().detail.find("rest search"), std::string::npos);
  ASSERT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + amber + "/versions").status, 200);
  ASSERT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + amber + "/graph").status, 200);
  ASSERT_EQ(reads().size(), 4u);  // one entry a response
  EXPECT_NE(reads().back().detail.find("rest graph"), std::string::npos);
}

TEST_F(RestApiTest, CommunityByRole) {
  JsonBody organisations(node_.Get(kz_reader_, "/api/v1/organisations").body);
  EXPECT_EQ(organisations.Strings("/organisations", "/code"),
            (std::vector<std::string>{"KZ", "KG", "TJ", "TM", "UZ", "EU", "CN", "US", "GCC", "DE"}));
  EXPECT_EQ(organisations.String("/organisations/0/default_tlp"), "amber");
  EXPECT_TRUE(organisations.root().at_pointer("/organisations/8/country").is_null());

  auto users = [&](const TestUser& user) {
    std::vector<std::string> names = JsonBody(node_.Get(user, "/api/v1/users").body).Strings("/users", "/name");
    std::sort(names.begin(), names.end());
    return names;
  };
  EXPECT_EQ(users(kz_reader_), std::vector<std::string>{"kz.reader"});
  EXPECT_EQ(users(kz_admin_), (std::vector<std::string>{"kz.analyst", "kz.orgadmin", "kz.reader", "node.admin"}));
  EXPECT_EQ(users(admin_).size(), 6u);

  Result<share::SharingGroup> group = node_.community().AddGroup(share::NodeOperator("test"), "border", "KZ");
  ASSERT_TRUE(group.ok());
  ASSERT_TRUE(node_.community().AddGroupMember(share::NodeOperator("test"), "border", "KG").ok());
  EXPECT_EQ(JsonBody(node_.Get(kg_analyst_, "/api/v1/groups").body).Strings("/groups", "/name"),
            std::vector<std::string>{"border"});
  EXPECT_EQ(JsonBody(node_.Get(eu_analyst_, "/api/v1/groups").body).Strings("/groups", "/name"),
            std::vector<std::string>{});

  // The group works as a distribution.
  std::string for_group =
      Create(kz_analyst_, Malware("Border"), fmt::format(R"("distribution":"group:{}")", group->id));
  EXPECT_EQ(node_.Get(kg_analyst_, "/api/v1/objects/" + for_group).status, 200);
  EXPECT_EQ(node_.Get(eu_analyst_, "/api/v1/objects/" + for_group).status, 404);

  JsonBody me(node_.Get(kz_reader_, "/api/v1/me").body);
  EXPECT_EQ(me.String("/user"), "kz.reader");
  EXPECT_EQ(me.String("/role"), "reader");
  EXPECT_EQ(me.String("/organisation/code"), "KZ");
  bool can_write = true;
  EXPECT_EQ(me.root()["can_write"].get(can_write), simdjson::SUCCESS);
  EXPECT_FALSE(can_write);
}

TEST_F(RestApiTest, AdminsManageOrganisations) {
  http::Response added = node_.Post(
      admin_, "/api/v1/organisations",
      R"({"code":"KZ-FIN","name":"Financial Monitoring Agency","standing":"member","country":"KZ","parent":"KZ"})");
  ASSERT_EQ(added.status, 201) << added.body;
  JsonBody organisation(added.body);
  EXPECT_EQ(organisation.String("/parent"), kKazakhstan);
  EXPECT_EQ(organisation.String("/default_tlp"), "amber");
  http::Response changed =
      node_.Send(&admin_, Method::kPatch, "/api/v1/organisations/KZ-FIN", R"({"default_tlp":"green","parent":""})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(JsonBody(changed.body).String("/default_tlp"), "green");
  EXPECT_TRUE(JsonBody(changed.body).root()["parent"].is_null());
  EXPECT_EQ(JsonBody(node_.Get(kz_reader_, "/api/v1/organisations").body).Strings("/organisations", "/code").size(),
            11u);

  ExpectError(node_.Post(kz_admin_, "/api/v1/organisations", R"({"code":"X","name":"X","standing":"member"})"), 403,
              "");
  ExpectError(node_.Post(admin_, "/api/v1/organisations", R"({"code":"Y","name":"Y","standing":"observer"})"), 400,
              "standing must be");
  ExpectError(node_.Post(admin_, "/api/v1/organisations", R"({"code":"Y","standing":"member"})"), 400,
              "name is required");
  ExpectError(node_.Send(&admin_, Method::kPatch, "/api/v1/organisations/KZ-FIN", R"({"default_tlp":"pink"})"), 400,
              "default_tlp must be");
  ExpectError(node_.Send(&admin_, Method::kPatch, "/api/v1/organisations/NOPE", R"({"name":"n"})"), 404, "");
}

TEST_F(RestApiTest, OrgAdminsManageUsersAndGroups) {
  http::Response added =
      node_.Post(kz_admin_, "/api/v1/users", R"({"name":"kz.new","role":"analyst","password":"a long passphrase"})");
  ASSERT_EQ(added.status, 201) << added.body;
  JsonBody user(added.body);
  EXPECT_EQ(user.String("/organisation"), kKazakhstan);
  EXPECT_EQ(user.String("/role"), "analyst");
  ExpectError(node_.Post(kz_admin_, "/api/v1/users", R"({"name":"kz.new","role":"reader"})"), 409, "exists");
  ExpectError(node_.Post(kz_admin_, "/api/v1/users", R"({"name":"kg.new","role":"reader","organisation":"KG"})"), 403,
              "");
  ExpectError(node_.Post(kz_admin_, "/api/v1/users", R"({"name":"x","role":"admin"})"), 403, "");
  ExpectError(node_.Post(kz_admin_, "/api/v1/users", R"({"name":"x","role":"boss"})"), 400, "role must be");
  ExpectError(node_.Post(kz_admin_, "/api/v1/users", R"({"name":"x","role":"reader","organisation":"ZZ"})"), 400,
              "no organisation 'ZZ'");
  ExpectError(node_.Post(kz_admin_, "/api/v1/users", R"({"role":"reader"})"), 400, "name is required");
  ExpectError(node_.Post(kz_reader_, "/api/v1/users", R"({"name":"x","role":"reader"})"), 403, "");
  EXPECT_EQ(node_.Send(&kz_admin_, Method::kPost, "/api/v1/users/kz.new/disable").status, 204);
  http::Response users = node_.Get(kz_admin_, "/api/v1/users");
  EXPECT_NE(users.body.find(R"("name":"kz.new")"), std::string::npos);
  EXPECT_NE(users.body.find(R"("disabled":true,"has_password":true)"), std::string::npos) << users.body;

  http::Response group = node_.Post(kz_admin_, "/api/v1/groups", R"({"name":"border"})");
  ASSERT_EQ(group.status, 201) << group.body;
  EXPECT_EQ(JsonBody(group.body).String("/owner"), kKazakhstan);
  EXPECT_EQ(node_.Send(&kz_admin_, Method::kPut, "/api/v1/groups/border/members/KG").status, 204);
  EXPECT_EQ(JsonBody(node_.Get(kg_analyst_, "/api/v1/groups").body).Strings("/groups", "/name"),
            std::vector<std::string>{"border"});
  ExpectError(node_.Send(&kz_admin_, Method::kPut, "/api/v1/groups/border/members/KG"), 409, "already");
  ExpectError(node_.Send(&kg_analyst_, Method::kPut, "/api/v1/groups/border/members/EU"), 403, "");
  EXPECT_EQ(node_.Send(&kz_admin_, Method::kDelete, "/api/v1/groups/border/members/KG").status, 204);
  EXPECT_EQ(JsonBody(node_.Get(kg_analyst_, "/api/v1/groups").body).Strings("/groups", "/name"),
            std::vector<std::string>{});
  ExpectError(node_.Send(&kz_admin_, Method::kPut, "/api/v1/groups/nothing/members/KG"), 404, "no sharing group");
  ExpectError(node_.Post(kz_admin_, "/api/v1/groups", R"({"name":"bad name!"})"), 400, "not a group name");
}

TEST_F(RestApiTest, UsersManageTheirApiKeys) {
  http::Response created =
      node_.Post(kz_reader_, "/api/v1/keys", R"({"label":"laptop","expires":"2099-01-01T00:00:00Z"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Header("Cache-Control"), "no-store");
  JsonBody key(created.body);
  EXPECT_TRUE(key.String("/key").starts_with("kenes_" + key.String("/key_id") + "_")) << created.body;
  EXPECT_EQ(key.String("/user"), "kz.reader");
  TestUser laptop{kz_reader_.principal, key.String("/key")};
  EXPECT_EQ(JsonBody(node_.Get(laptop, "/api/v1/me").body).String("/user"), "kz.reader");

  JsonBody listed(node_.Get(kz_reader_, "/api/v1/keys").body);
  std::vector<std::string> labels = listed.Strings("/keys", "/label");
  EXPECT_EQ(labels, (std::vector<std::string>{"rest test", "laptop"}));
  EXPECT_EQ(listed.String("/keys/1/expires"), "2099-01-01T00:00:00.000Z");
  EXPECT_EQ(node_.Get(kz_reader_, "/api/v1/keys").body.find(key.String("/key")), std::string::npos);

  // Another organisation's user may not revoke it; its owner may, and it stops working at once.
  ExpectError(node_.Send(&kg_analyst_, Method::kDelete, "/api/v1/keys/" + key.String("/key_id")), 403, "");
  http::Response revoked = node_.Send(&kz_reader_, Method::kDelete, "/api/v1/keys/" + key.String("/key_id"));
  EXPECT_EQ(revoked.status, 204) << revoked.body;
  ExpectError(node_.Get(laptop, "/api/v1/me"), 401, "invalid credentials");
  ExpectError(node_.Send(&kz_reader_, Method::kDelete, "/api/v1/keys/0123456789abcdef"), 404, "no API key");

  // An org-admin makes keys for its organisation's users, not for others'.
  EXPECT_EQ(node_.Post(kz_admin_, "/api/v1/keys", R"({"user":"kz.analyst"})").status, 201);
  ExpectError(node_.Post(kz_admin_, "/api/v1/keys", R"({"user":"kg.analyst"})"), 403, "");
  ExpectError(node_.Post(kz_reader_, "/api/v1/keys", R"({"expires":"soon"})"), 400, "expires must be");
  ExpectError(node_.Post(kz_reader_, "/api/v1/keys", R"({"expires":"2001-01-01T00:00:00Z"})"), 400, "past");
  ExpectError(node_.Post(kz_reader_, "/api/v1/keys", R"({"owner":"x"})"), 400, "unknown property 'owner'");
  ExpectError(node_.Post(kz_reader_, "/api/v1/keys", "[1]"), 400, "JSON object");
}

TEST_F(RestApiTest, AdminsReadTheAuditLogNewestFirst) {
  Create(kz_analyst_, Malware("audited"));
  http::Response response = node_.Get(admin_, "/api/v1/audit?action=object.write&limit=1");
  ASSERT_EQ(response.status, 200) << response.body;
  JsonBody entries(response.body);
  EXPECT_EQ(entries.Strings("/entries", "/action"), std::vector<std::string>{"object.write"});
  EXPECT_EQ(entries.String("/entries/0/actor"), "kz.analyst");
  EXPECT_EQ(entries.String("/entries/0/organisation"), kKazakhstan);
  JsonBody all(node_.Get(admin_, "/api/v1/audit?limit=1000").body);
  std::vector<std::string> times = all.Strings("/entries", "/time");
  ASSERT_GT(times.size(), 2u);
  EXPECT_TRUE(std::is_sorted(times.rbegin(), times.rend())) << "not newest first";
  bool more = true;
  EXPECT_EQ(all.root()["more"].get(more), simdjson::SUCCESS);
  EXPECT_FALSE(more);
  EXPECT_EQ(JsonBody(node_.Get(admin_, "/api/v1/audit?actor=nobody").body).Strings("/entries", "/action"),
            std::vector<std::string>{});
  ExpectError(node_.Get(kz_admin_, "/api/v1/audit"), 403, "only admins");
  ExpectError(node_.Get(admin_, "/api/v1/audit?since=yesterday"), 400, "since must be an RFC 3339 timestamp");
  ExpectError(node_.Get(admin_, "/api/v1/audit?limit=0"), 400, "limit");
}

TEST_F(RestApiTest, ConcurrentWritersAndReadersEachGetTheirOwnAnswers) {
  constexpr int kThreads = 4;
  constexpr int kWrites = 10;
  std::vector<std::thread> threads;
  std::vector<std::vector<std::string>> created(kThreads);
  std::atomic<int> failures = 0;
  for (int thread = 0; thread < kThreads; ++thread) {
    threads.emplace_back([&, thread] {
      test::HttpClient client(node_.port());
      const TestUser& user = thread % 2 == 0 ? kz_analyst_ : kg_analyst_;
      http::Fields auth = {{"Authorization", "Bearer " + user.token}};
      for (int i = 0; i < kWrites; ++i) {
        test::HttpClientResponse write =
            client.Send("POST", "/api/v1/objects", auth, WriteBody(Malware(fmt::format("t{}-{}", thread, i))));
        if (write.status != 201) ++failures;
        created[thread].push_back(JsonBody(write.body).String("/object/id"));
        if (client.Get("/api/v1/objects?type=malware&limit=5", auth).status != 200) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(node_.stored(), static_cast<size_t>(kThreads * kWrites));
  // Each organisation sees its own writes, and none of the other's (organisation distribution).
  std::vector<std::string> seen = SearchIds(kz_reader_, "type=malware&limit=500");
  std::sort(seen.begin(), seen.end());
  std::vector<std::string> expected = created[0];
  expected.insert(expected.end(), created[2].begin(), created[2].end());
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(seen, expected);
}

TEST_F(RestApiTest, ServerErrorsUseTheApiShape) {
  TestUser forged{kz_reader_.principal, "kenes_0000000000000000_forged"};
  ExpectError(node_.Get(forged, "/api/v1/me"), 401, "invalid credentials");
  http::ServerOptions small_bodies;
  small_bodies.max_body_bytes = 1024;
  RestNode small({}, {}, small_bodies);
  TestUser analyst = small.AddUser("kz.analyst", "KZ", Role::kAnalyst);
  ExpectError(small.Post(analyst, "/api/v1/objects", WriteBody(Malware(std::string(2000, 'x')))), 413, "");
  EXPECT_EQ(small.stored(), 0u);
}

TEST_F(RestApiTest, RouterErrorsUseTheApiShape) {
  ExpectError(node_.Get(kz_reader_, "/api/v1/nothing-here"), 404, "no resource");
  ExpectError(node_.Send(&kz_reader_, Method::kDelete, "/api/v1/objects"), 405, "DELETE");
  ExpectError(node_.Send(nullptr, Method::kGet, "/api/v1/me"), 401, "");
  ExpectError(node_.Get(kz_reader_, "/api/v1/me?x=1"), 400, "unknown query parameter 'x'");
  EXPECT_EQ(node_.Send(nullptr, Method::kGet, "/api/v1/openapi.json").status, 200);
}

}  // namespace
}  // namespace kenes::rest
