#include "http/message.h"

#include <gtest/gtest.h>

namespace kenes::http {
namespace {

struct QueryCase {
  std::string query;
  std::optional<Fields> expected;  // nullopt: malformed
};

class QueryParsing : public testing::TestWithParam<QueryCase> {};

TEST_P(QueryParsing, DecodesPairsInOrder) { EXPECT_EQ(ParseQuery(GetParam().query), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Cases, QueryParsing,
                         testing::Values(QueryCase{"", Fields{}}, QueryCase{"a=1", Fields{{"a", "1"}}},
                                         QueryCase{"a=1&b=x%20y", Fields{{"a", "1"}, {"b", "x y"}}},
                                         QueryCase{"q=a+b", Fields{{"q", "a b"}}},
                                         QueryCase{"match%5Btype%5D=indicator&match[type]=malware",
                                                   Fields{{"match[type]", "indicator"}, {"match[type]", "malware"}}},
                                         QueryCase{"flag&empty=", Fields{{"flag", ""}, {"empty", ""}}},
                                         QueryCase{"&&a=1&", Fields{{"a", "1"}}},
                                         QueryCase{"a=%e2%82%ac", Fields{{"a", "\xe2\x82\xac"}}},
                                         QueryCase{"a=%zz", std::nullopt}, QueryCase{"a=%4", std::nullopt},
                                         QueryCase{"%=1", std::nullopt}, QueryCase{"a=1&b=%", std::nullopt}));

TEST(PercentDecode, PlusIsASpaceOnlyInQueries) {
  EXPECT_EQ(PercentDecode("a+b%2Fc", false), "a+b/c");
  EXPECT_EQ(PercentDecode("a+b", true), "a b");
  EXPECT_EQ(PercentDecode("100%", false), std::nullopt);
}

TEST(Message, HeadersAreCaseInsensitiveAndSetHeaderReplaces) {
  Request request;
  request.headers = {{"Content-Type", "application/json"}, {"accept", "*/*"}};
  request.query = {{"limit", "10"}, {"limit", "20"}};
  EXPECT_EQ(request.Header("content-type"), "application/json");
  EXPECT_EQ(request.Header("ACCEPT"), "*/*");
  EXPECT_EQ(request.Header("Missing"), "");
  EXPECT_EQ(request.Query("limit"), "10");
  EXPECT_EQ(request.Query("next"), std::nullopt);

  Response response = MakeResponse(201, "text/plain", "made");
  response.SetHeader("content-type", "application/json");
  response.SetHeader("Location", "/x");
  EXPECT_EQ(response.headers.size(), 2u);
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
}

TEST(Message, MethodNamesRoundTrip) {
  for (Method method :
       {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete, Method::kOptions}) {
    EXPECT_EQ(ParseMethod(MethodName(method)), method);
  }
  EXPECT_EQ(ParseMethod("BREW"), Method::kOther);
  EXPECT_EQ(ReasonPhrase(431), "Request Header Fields Too Large");
}

}  // namespace
}  // namespace kenes::http
