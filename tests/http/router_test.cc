#include "http/router.h"

#include <gtest/gtest.h>

#include <map>
#include <ostream>

namespace kenes::http {
namespace {

// Each route answers with its own pattern, so a case can say which one matched.
Router TaxiiLikeRouter() {
  Router router;
  auto answer_pattern = [](std::string pattern) {
    return [pattern](Request&) { return MakeResponse(200, "text/plain", pattern); };
  };
  for (const char* pattern :
       {"/taxii2/", "/taxii2/{root}/", "/taxii2/{root}/collections/",
        "/taxii2/{root}/collections/{collection}/objects/", "/taxii2/{root}/collections/{collection}/objects/{id}/",
        "/taxii2/{root}/status/{id}/", "/taxii2/kenes/status/{id}/", "/api/v1/objects/{id}"}) {
    router.Add(Method::kGet, pattern, Auth::kRequired, answer_pattern(pattern));
  }
  router.Add(Method::kPost, "/taxii2/{root}/collections/{collection}/objects/", Auth::kRequired,
             answer_pattern("POST objects"));
  router.Add(Method::kDelete, "/taxii2/{root}/collections/{collection}/objects/{id}/", Auth::kRequired,
             answer_pattern("DELETE object"));
  return router;
}

struct MatchCase {
  Method method;
  std::string path;
  int status;          // 200: a route matched
  std::string answer;  // the matched route's pattern, or the Allow header for 405
  std::map<std::string, std::string, std::less<>> params;

  friend void PrintTo(const MatchCase& c, std::ostream* out) { *out << MethodName(c.method) << " " << c.path; }
};

class RouterMatch : public testing::TestWithParam<MatchCase> {};

TEST_P(RouterMatch, FindsTheRouteOrTheError) {
  const MatchCase& c = GetParam();
  Router router = TaxiiLikeRouter();
  Request request;
  request.method = c.method;
  request.path = c.path;
  Response error;
  const RouteInfo* route = router.Find(request, error);
  if (c.status == 200) {
    ASSERT_NE(route, nullptr) << error.body;
    EXPECT_EQ(router.Call(route, request).body, c.answer);
    EXPECT_EQ(request.params, c.params);
  } else {
    EXPECT_EQ(route, nullptr);
    EXPECT_EQ(error.status, c.status);
    EXPECT_EQ(error.Header("Content-Type"), "application/json");
    if (c.status == 405) {
      EXPECT_EQ(error.Header("Allow"), c.answer);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, RouterMatch,
    testing::Values(MatchCase{Method::kGet, "/taxii2/", 200, "/taxii2/", {}},
                    MatchCase{Method::kGet, "/taxii2/kz/", 200, "/taxii2/{root}/", {{"root", "kz"}}},
                    MatchCase{Method::kGet,
                              "/taxii2/kz/collections/c1/objects/",
                              200,
                              "/taxii2/{root}/collections/{collection}/objects/",
                              {{"root", "kz"}, {"collection", "c1"}}},
                    MatchCase{Method::kPost,
                              "/taxii2/kz/collections/c1/objects/",
                              200,
                              "POST objects",
                              {{"root", "kz"}, {"collection", "c1"}}},
                    MatchCase{Method::kGet,
                              "/taxii2/kz/collections/c1/objects/indicator--1/",
                              200,
                              "/taxii2/{root}/collections/{collection}/objects/{id}/",
                              {{"root", "kz"}, {"collection", "c1"}, {"id", "indicator--1"}}},
                    // A literal segment wins over a parameter.
                    MatchCase{
                        Method::kGet, "/taxii2/kenes/status/s1/", 200, "/taxii2/kenes/status/{id}/", {{"id", "s1"}}},
                    MatchCase{Method::kGet,
                              "/taxii2/other/status/s1/",
                              200,
                              "/taxii2/{root}/status/{id}/",
                              {{"root", "other"}, {"id", "s1"}}},
                    // The trailing slash is significant, and a parameter never matches an empty segment.
                    MatchCase{Method::kGet, "/taxii2", 404, "", {}},
                    MatchCase{Method::kGet, "/taxii2/kz/collections", 404, "", {}},
                    MatchCase{Method::kGet, "/taxii2//collections/", 404, "", {}},
                    MatchCase{Method::kGet, "/api/v1/objects/x/", 404, "", {}},
                    MatchCase{Method::kGet, "/nothing/here", 404, "", {}},
                    // Known path, other method: 405 naming the allowed ones.
                    MatchCase{Method::kPut, "/taxii2/kz/collections/c1/objects/", 405, "GET, POST", {}},
                    MatchCase{Method::kPost, "/taxii2/", 405, "GET", {}},
                    MatchCase{Method::kPatch, "/taxii2/kz/collections/c1/objects/x/", 405, "GET, DELETE", {}}));

TEST(Router, DefaultErrorIsJsonNamingTheProblem) {
  Router router;
  Response error = router.Error("/x", 404, "Not Found", "no resource at /x");
  EXPECT_EQ(error.status, 404);
  EXPECT_EQ(error.body, R"({"title":"Not Found","description":"no resource at /x","http_status":"404"})");
}

TEST(Router, ErrorRendererOfTheLongestPrefixWins) {
  Router router;
  router.SetErrorRenderer("/taxii2/", [](int status, std::string_view title, std::string_view) {
    return MakeResponse(status, "application/taxii+json;version=2.1", std::string("taxii:") + std::string(title));
  });
  router.SetErrorRenderer("/taxii2/special/", [](int status, std::string_view, std::string_view) {
    return MakeResponse(status, "text/plain", "special");
  });
  EXPECT_EQ(router.Error("/taxii2/kz/", 404, "Not Found", "").body, "taxii:Not Found");
  EXPECT_EQ(router.Error("/taxii2/special/x", 404, "Not Found", "").body, "special");
  EXPECT_EQ(router.Error("/api/v1/x", 404, "Not Found", "").Header("Content-Type"), "application/json");

  Request request;
  request.path = "/taxii2/nowhere/at/all";
  Response error;
  EXPECT_EQ(router.Find(request, error), nullptr);
  EXPECT_EQ(error.body, "taxii:Not Found");
}

TEST(Router, ARestParameterTakesTheRestOfAnyPathLast) {
  Router router = TaxiiLikeRouter();
  router.Add(Method::kGet, "/{path...}", Auth::kPublic,
             [](Request& request) { return MakeResponse(200, "text/plain", "rest:" + request.params["path"]); });
  auto answer = [&router](Method method, std::string path) {
    Request request;
    request.method = method;
    request.path = std::move(path);
    Response error;
    const RouteInfo* route = router.Find(request, error);
    return route == nullptr ? std::to_string(error.status) : router.Call(route, request).body;
  };
  EXPECT_EQ(answer(Method::kGet, "/"), "rest:");
  EXPECT_EQ(answer(Method::kGet, "/search"), "rest:search");
  EXPECT_EQ(answer(Method::kGet, "/objects/indicator--1/graph"), "rest:objects/indicator--1/graph");
  EXPECT_EQ(answer(Method::kGet, "/taxii2/kz/"), "/taxii2/{root}/") << "a pattern without rest wins";
  EXPECT_EQ(answer(Method::kGet, "/taxii2/kz/collections"), "rest:taxii2/kz/collections");
  EXPECT_EQ(answer(Method::kPost, "/search"), "404") << "a GET catch-all makes no 405 of other methods";
  EXPECT_EQ(answer(Method::kPut, "/taxii2/kz/collections/c1/objects/"), "405");
}

TEST(Router, RoutesAreListedInOrderWithTheirIndex) {
  Router router = TaxiiLikeRouter();
  std::vector<RouteInfo> routes = router.Routes();
  ASSERT_EQ(routes.size(), 10u);
  for (size_t i = 0; i < routes.size(); ++i) EXPECT_EQ(routes[i].index, i);
  EXPECT_EQ(routes[8].method, Method::kPost);
  EXPECT_EQ(routes[9].pattern, "/taxii2/{root}/collections/{collection}/objects/{id}/");
}

}  // namespace
}  // namespace kenes::http
