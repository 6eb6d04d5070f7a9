// StaticSite: the built web UI served with content types, caching and
// security headers, index.html for client-side routes, the APIs' 404s kept.
#include "http/static_site.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

namespace kenes::http {
namespace {

class StaticSiteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "kenes-web-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    Write("index.html", "<!doctype html><title>Kenes</title><script type=module src=/assets/index-4f3a.js></script>");
    Write("assets/index-4f3a.js", "console.log('kenes')");
    Write("assets/index-9b1c.css", "body{}");
    Write("favicon.svg", "<svg/>");
    router_.Add(Method::kGet, "/api/v1/me", Auth::kPublic, [](Request&) { return MakeResponse(200, "x", "me"); });
    router_.SetErrorRenderer("/api/v1/", [](int status, std::string_view, std::string_view) {
      return MakeResponse(status, "application/json", "{\"error\":{}}");
    });
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void Write(const std::string& name, const std::string& content) {
    std::filesystem::create_directories((root_ / name).parent_path());
    std::ofstream(root_ / name) << content;
  }

  Response Get(const std::string& path, Method method = Method::kGet) {
    Request request;
    request.method = method;
    request.path = path;
    Response error;
    const RouteInfo* route = router_.Find(request, error);
    return route == nullptr ? error : router_.Call(route, request);
  }

  std::filesystem::path root_;
  Router router_;
};

TEST_F(StaticSiteTest, FilesHaveTheirTypesAndHashedAssetsAreImmutable) {
  Result<std::unique_ptr<StaticSite>> site = StaticSite::Load(root_);
  ASSERT_TRUE(site.ok()) << site.status().ToString();
  (*site)->Register(router_);
  EXPECT_EQ((*site)->file_count(), 4u);

  Response index = Get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.Header("Cache-Control"), "no-cache");
  EXPECT_NE(index.body.find("<title>Kenes</title>"), std::string::npos);

  Response script = Get("/assets/index-4f3a.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(script.Header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(script.body, "console.log('kenes')");
  EXPECT_EQ(Get("/assets/index-9b1c.css").Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Get("/favicon.svg").Header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(Get("/favicon.svg").Header("Cache-Control"), "no-cache");
}

TEST_F(StaticSiteTest, EveryAnswerForbidsInlineScriptsFramingAndSniffing) {
  auto site = StaticSite::Load(root_);
  ASSERT_TRUE(site.ok());
  (*site)->Register(router_);
  for (const std::string path : {"/", "/assets/index-4f3a.js", "/search", "/assets/gone.js"}) {
    Response response = Get(path);
    std::string_view policy = response.Header("Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self'"), std::string_view::npos) << path;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string_view::npos) << path;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string_view::npos) << path;
    EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff") << path;
  }
}

TEST_F(StaticSiteTest, ClientSideRoutesGetTheIndexAndMissingFilesA404) {
  auto site = StaticSite::Load(root_);
  ASSERT_TRUE(site.ok());
  (*site)->Register(router_);
  for (const std::string path : {"/search", "/objects/indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "/admin/"}) {
    Response page = Get(path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8") << path;
  }
  EXPECT_EQ(Get("/assets/index-0000.js").status, 404) << "a missing script is never answered with HTML";
  EXPECT_EQ(Get("/robots.txt").status, 404);
  Response escape = Get("/../../etc/passwd");
  EXPECT_EQ(escape.body, Get("/").body) << "only the loaded files can be answered";
}

TEST_F(StaticSiteTest, ApiPathsKeepTheirOwnAnswers) {
  auto site = StaticSite::Load(root_);
  ASSERT_TRUE(site.ok());
  (*site)->Register(router_);
  EXPECT_EQ(Get("/api/v1/me").body, "me") << "a route with literal segments wins";
  Response unknown = Get("/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body, "{\"error\":{}}") << "rendered by the API, not the UI";
  EXPECT_EQ(Get("/taxii2/").status, 404);
  EXPECT_EQ(Get("/search", Method::kPost).status, 404) << "the UI's GET route allows no other method";
}

TEST_F(StaticSiteTest, AFolderWithoutIndexIsNoUi) {
  std::filesystem::remove(root_ / "index.html");
  Result<std::unique_ptr<StaticSite>> site = StaticSite::Load(root_);
  ASSERT_FALSE(site.ok());
  EXPECT_EQ(site.status().code(), StatusCode::kNotFound);
  EXPECT_NE(site.status().message().find("not built"), std::string::npos);
}

}  // namespace
}  // namespace kenes::http
