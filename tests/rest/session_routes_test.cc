// The web UI's sign-in over real HTTP: POST/GET/DELETE /api/v1/session, the
// session cookie as a credential everywhere, CSRF tokens on state-changing
// requests, refusals that read like any other and clear the cookie.
#include <gtest/gtest.h>

#include <string>

#include "rest/rest_node.h"

namespace kenes::rest {
namespace {

using http::Method;

constexpr std::string_view kPassword = "steppe eagle 1991";

class SessionRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Status added = node_.community().AddUser(share::NodeOperator("test"),
                                             share::User{"aida", "KZ", share::Role::kAnalyst, false, false},
                                             std::string(kPassword));
    ASSERT_TRUE(added.ok()) << added.ToString();
  }

  http::Response SignIn(std::string_view user, std::string_view password, std::string_view type = "application/json") {
    std::string body = "{\"user\":\"" + std::string(user) + "\",\"password\":\"" + std::string(password) + "\"}";
    return node_.Send(nullptr, Method::kPost, "/api/v1/session", body, {{"Content-Type", std::string(type)}});
  }

  // Signs aida in; the cookie to send back and the CSRF token.
  void SignInAida() {
    http::Response response = SignIn("aida", kPassword);
    ASSERT_EQ(response.status, 200) << response.body;
    std::string set_cookie(response.Header("Set-Cookie"));
    cookie_ = set_cookie.substr(0, set_cookie.find(';'));
    csrf_ = JsonBody(response.body).String("/csrf_token");
    ASSERT_FALSE(csrf_.empty());
  }

  http::Response AsBrowser(Method method, std::string_view target, std::string_view body = {},
                           std::string_view csrf = {}) {
    http::Fields headers = {{"Cookie", "lang=ru; " + cookie_}, {"Content-Type", "application/json"}};
    if (!csrf.empty()) headers.emplace_back("X-CSRF-Token", std::string(csrf));
    return node_.Send(nullptr, method, target, body, headers);
  }

  RestNode node_;
  std::string cookie_;
  std::string csrf_;
};

TEST_F(SessionRoutesTest, SignInGivesAnHttpOnlyStrictCookieThatAuthenticates) {
  http::Response response = SignIn("aida", kPassword);
  ASSERT_EQ(response.status, 200) << response.body;
  std::string_view set_cookie = response.Header("Set-Cookie");
  EXPECT_TRUE(set_cookie.starts_with("kenes_session=")) << set_cookie;
  EXPECT_NE(set_cookie.find("; HttpOnly"), std::string_view::npos);
  EXPECT_NE(set_cookie.find("; SameSite=Strict"), std::string_view::npos);
  EXPECT_NE(set_cookie.find("; Path=/"), std::string_view::npos);
  EXPECT_EQ(set_cookie.find("Secure"), std::string_view::npos) << "plain HTTP";
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  JsonBody body(response.body);
  EXPECT_EQ(body.String("/user"), "aida");
  EXPECT_EQ(body.String("/role"), "analyst");
  EXPECT_EQ(body.String("/organisation"), node_.community().FindOrganisation("KZ")->id);

  SignInAida();
  http::Response me = AsBrowser(Method::kGet, "/api/v1/me");
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(JsonBody(me.body).String("/user"), "aida");
  http::Response session = AsBrowser(Method::kGet, "/api/v1/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(JsonBody(session.body).String("/csrf_token"), csrf_);
  EXPECT_EQ(JsonBody(session.body).String("/via"), "session");
}

TEST_F(SessionRoutesTest, AnonymousSessionSaysSignedOutWithoutAnError) {
  http::Response response = node_.Send(nullptr, Method::kGet, "/api/v1/session");
  ASSERT_EQ(response.status, 200);
  simdjson::dom::element signed_in;
  JsonBody body(response.body);
  ASSERT_EQ(body.root().at_pointer("/signed_in").get(signed_in), simdjson::SUCCESS);
  EXPECT_FALSE(signed_in.get_bool().value());
  TestUser keyed = node_.AddUser("bolat", "KG", share::Role::kReader);
  http::Response by_key = node_.Get(keyed, "/api/v1/session");
  EXPECT_EQ(JsonBody(by_key.body).String("/user"), "bolat");
  EXPECT_EQ(JsonBody(by_key.body).String("/via"), "credentials");
  EXPECT_EQ(JsonBody(by_key.body).String("/csrf_token"), "");
}

TEST_F(SessionRoutesTest, WrongPasswordAndUnknownUserReadTheSame) {
  http::Response wrong = SignIn("aida", "not the password");
  http::Response unknown = SignIn("nobody", std::string(kPassword));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(JsonBody(wrong.body).String("/error/message"), "invalid credentials");
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(wrong.Header("Set-Cookie"), "");
}

TEST_F(SessionRoutesTest, SignInTakesOnlyJsonSoNoOtherSiteCanPostIt) {
  http::Response form = SignIn("aida", kPassword, "text/plain");
  EXPECT_EQ(form.status, 415);
  EXPECT_EQ(form.Header("Set-Cookie"), "");
  http::Response missing = node_.Send(nullptr, Method::kPost, "/api/v1/session", R"({"user":"aida"})",
                                      {{"Content-Type", "application/json"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(JsonBody(missing.body).String("/error/message").find("password"), std::string::npos);
}

TEST_F(SessionRoutesTest, StateChangingRequestsNeedTheCsrfToken) {
  SignInAida();
  std::string key_body = R"({"label":"from the browser"})";
  http::Response without = AsBrowser(Method::kPost, "/api/v1/keys", key_body);
  EXPECT_EQ(without.status, 403) << without.body;
  EXPECT_NE(JsonBody(without.body).String("/error/message").find("X-CSRF-Token"), std::string::npos);
  http::Response forged = AsBrowser(Method::kPost, "/api/v1/keys", key_body, "forged-token");
  EXPECT_EQ(forged.status, 403);
  http::Response with = AsBrowser(Method::kPost, "/api/v1/keys", key_body, csrf_);
  EXPECT_EQ(with.status, 201) << with.body;
  EXPECT_EQ(AsBrowser(Method::kGet, "/api/v1/keys").status, 200) << "reads need no token";
  EXPECT_EQ(AsBrowser(Method::kDelete, "/api/v1/session").status, 403) << "nor does signing out without it";
}

TEST_F(SessionRoutesTest, SignOutEndsTheSessionAndClearsTheCookie) {
  SignInAida();
  http::Response out = AsBrowser(Method::kDelete, "/api/v1/session", {}, csrf_);
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(out.Header("Set-Cookie").starts_with("kenes_session=;"));
  EXPECT_NE(out.Header("Set-Cookie").find("Max-Age=0"), std::string_view::npos);
  http::Response after = AsBrowser(Method::kGet, "/api/v1/me");
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(JsonBody(after.body).String("/error/message"), "invalid credentials");
  EXPECT_TRUE(after.Header("Set-Cookie").starts_with("kenes_session=;")) << "a refused cookie is cleared";
  // The browser, its cookie cleared, signs in again.
  SignInAida();
  EXPECT_EQ(AsBrowser(Method::kGet, "/api/v1/me").status, 200);
}

TEST_F(SessionRoutesTest, DisablingTheUserEndsItsSessions) {
  SignInAida();
  ASSERT_EQ(AsBrowser(Method::kGet, "/api/v1/me").status, 200);
  ASSERT_TRUE(node_.community().DisableUser(share::NodeOperator("test"), "aida").ok());
  EXPECT_EQ(AsBrowser(Method::kGet, "/api/v1/me").status, 401);
}

TEST_F(SessionRoutesTest, AForgedCookieReadsLikeABadKeyAndBrowserScriptsGetNoBasicChallenge) {
  http::Response forged = node_.Send(nullptr, Method::kGet, "/api/v1/me", {},
                                     {{"Cookie", "kenes_session=forged"}, {"Sec-Fetch-Dest", "empty"}});
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(JsonBody(forged.body).String("/error/message"), "invalid credentials");
  EXPECT_EQ(forged.Header("WWW-Authenticate"), "Bearer") << "no password dialog over the web UI";
  http::Response tool = node_.Send(nullptr, Method::kGet, "/api/v1/me");
  EXPECT_NE(tool.Header("WWW-Authenticate").find("Basic"), std::string_view::npos);
}

TEST_F(SessionRoutesTest, BearerCredentialsWinOverACookieAndNeedNoCsrfToken) {
  SignInAida();
  TestUser bolat = node_.AddUser("bolat", "KG", share::Role::kReader);
  http::Response response =
      node_.Send(&bolat, Method::kPost, "/api/v1/keys", R"({"label":"script"})", {{"Cookie", cookie_}});
  EXPECT_EQ(response.status, 201) << response.body;
  EXPECT_EQ(node_.Send(&bolat, Method::kDelete, "/api/v1/session").status, 400) << "no session to end";
}

}  // namespace
}  // namespace kenes::rest
