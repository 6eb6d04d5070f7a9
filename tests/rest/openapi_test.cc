// The OpenAPI document stays true to the router: every route under /api/v1
// is described with its method, every described operation is a route, and
// what the document says about authentication is what the route requires.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "rest/openapi.h"
#include "rest/rest_node.h"

namespace kenes::rest {
namespace {

constexpr std::string_view kPrefix = "/api/v1/";
constexpr std::string_view kOperations[] = {"get", "put", "post", "delete", "patch", "head", "options"};

std::string LowerMethod(http::Method method) {
  std::string name(http::MethodName(method));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    http::Response response = node_.Send(nullptr, http::Method::kGet, "/api/v1/openapi.json");
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.Header("Content-Type"), "application/json");
    document_ = std::make_unique<JsonBody>(response.body);
    ASSERT_TRUE(document_->ok()) << "the document is not JSON";
    ASSERT_EQ(document_->root()["paths"].get(paths_), simdjson::SUCCESS);
  }

  std::vector<http::RouteInfo> ApiRoutes() const {
    std::vector<http::RouteInfo> routes = node_.router().Routes();
    std::erase_if(routes, [](const http::RouteInfo& route) { return !route.pattern.starts_with(kPrefix); });
    return routes;
  }

  RestNode node_;
  std::unique_ptr<JsonBody> document_;
  simdjson::dom::object paths_;
};

TEST_F(OpenApiTest, IsAnOpenApi3Document) {
  EXPECT_TRUE(document_->String("/openapi").starts_with("3.")) << document_->String("/openapi");
  EXPECT_FALSE(document_->String("/info/title").empty());
  EXPECT_FALSE(document_->String("/info/version").empty());
}

TEST_F(OpenApiTest, DescribesEveryRouteWithItsMethodAndAuthentication) {
  std::vector<http::RouteInfo> routes = ApiRoutes();
  ASSERT_GE(routes.size(), 12u);
  for (const http::RouteInfo& route : routes) {
    std::string operation_pointer = LowerMethod(route.method);
    simdjson::dom::object operation;
    ASSERT_EQ(paths_[route.pattern][operation_pointer].get(operation), simdjson::SUCCESS)
        << http::MethodName(route.method) << " " << route.pattern << " is not in the OpenAPI document";
    std::string_view summary;
    EXPECT_EQ(operation["summary"].get(summary), simdjson::SUCCESS) << route.pattern;
    EXPECT_FALSE(summary.empty()) << route.pattern;
    simdjson::dom::object responses;
    EXPECT_EQ(operation["responses"].get(responses), simdjson::SUCCESS) << route.pattern;
    // A public route says so with an empty security list; the others inherit the document's.
    simdjson::dom::array security;
    bool public_in_document = operation["security"].get(security) == simdjson::SUCCESS && security.size() == 0;
    EXPECT_EQ(public_in_document, route.auth == http::Auth::kPublic) << route.pattern;
    if (route.pattern.find('{') != std::string::npos) {
      EXPECT_EQ(paths_[route.pattern]["parameters"].error(), simdjson::SUCCESS)
          << route.pattern << " has a path parameter the document does not declare";
    }
  }
}

TEST_F(OpenApiTest, DescribesNothingThatIsNotARoute) {
  std::vector<http::RouteInfo> routes = ApiRoutes();
  for (auto [path, item] : paths_) {
    simdjson::dom::object operations;
    ASSERT_EQ(item.get(operations), simdjson::SUCCESS) << path;
    for (auto [key, value] : operations) {
      if (std::find(std::begin(kOperations), std::end(kOperations), key) == std::end(kOperations)) continue;
      bool routed =
          std::any_of(routes.begin(), routes.end(), [&, key = key, path = path](const http::RouteInfo& route) {
            return route.pattern == path && LowerMethod(route.method) == key;
          });
      EXPECT_TRUE(routed) << key << " " << path << " is described but not routed";
    }
  }
}

TEST(OpenApiMergeTest, TheCompiledInFilesMerge) {
  Result<std::string> merged = MergeOpenApi(OpenApiTexts());
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(*merged, OpenApiDocument());
}

TEST(OpenApiMergeTest, AddsAFragmentsTagsPathsAndSchemas) {
  std::string_view texts[] = {
      R"({"openapi": "3.0.3", "tags": [{"name": "a"}], "paths": {"/a": {}}, "components": {"schemas": {"A": {}}, "x": 1}})",
      R"({"tags": [{"name": "b"}], "paths": {"/b": {"get": {}}}, "schemas": {"B": {"type": "object"}}})"};
  Result<std::string> merged = MergeOpenApi(texts);
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(*merged,
            R"({"openapi":"3.0.3","tags":[{"name":"a"},{"name":"b"}],"paths":{"/a":{},"/b":{"get":{}}},)"
            R"("components":{"schemas":{"A":{},"B":{"type":"object"}},"x":1}})");
}

TEST(OpenApiMergeTest, RefusesAPathOrSchemaDefinedTwiceAndUnknownMembers) {
  std::string_view twice[] = {R"({"paths": {"/a": {}}, "components": {"schemas": {}}})", R"({"paths": {"/a": {}}})"};
  Result<std::string> merged = MergeOpenApi(twice);
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("path '/a' is defined twice"), std::string::npos)
      << merged.status().message();
  std::string_view schema_twice[] = {R"({"components": {"schemas": {"A": {}}}})", R"({"schemas": {"A": {}}})"};
  EXPECT_FALSE(MergeOpenApi(schema_twice).ok());
  std::string_view unknown[] = {R"({"paths": {}})", R"({"info": {}})"};
  merged = MergeOpenApi(unknown);
  ASSERT_FALSE(merged.ok());
  EXPECT_NE(merged.status().message().find("'info'"), std::string::npos) << merged.status().message();
  std::string_view not_json[] = {R"({"paths": {}})", "{"};
  EXPECT_FALSE(MergeOpenApi(not_json).ok());
}

}  // namespace
}  // namespace kenes::rest
