// SessionBook: sessions opened by password, ended by idleness, age, sign-out
// and the user's disabling; cookies read and written as browsers need them.
#include "http/session_book.h"

#include <gtest/gtest.h>

#include <set>

#include "share/community_fixture.h"

namespace kenes::http {
namespace {

constexpr std::string_view kPassword = "correct horse battery";

Timestamp Later(Timestamp time, std::chrono::seconds by) {
  return TimestampFromMicroseconds(time.TotalMicroseconds() + by.count() * 1'000'000);
}

class SessionBookTest : public share::CommunityFixture {
 protected:
  void SetUp() override {
    CommunityFixture::SetUp();
    Status added = community_->AddUser(operator_, share::User{"aida", "KZ", share::Role::kAnalyst, false, false},
                                       std::string(kPassword));
    ASSERT_TRUE(added.ok()) << added.ToString();
    options_.idle_timeout = std::chrono::seconds(60);
    options_.absolute_timeout = std::chrono::seconds(300);
    options_.max_sessions = 3;
    book_ = std::make_unique<SessionBook>(*community_, options_, clock_);
  }

  Session Open() {
    Result<Session> session = book_->Open("aida", kPassword, "192.0.2.7:40000");
    EXPECT_TRUE(session.ok()) << session.status().ToString();
    return session.ok() ? *session : Session{};
  }

  void Advance(std::chrono::seconds by) { clock_.Set(Later(clock_.Now(), by)); }

  SessionOptions options_;
  std::unique_ptr<SessionBook> book_;
};

TEST_F(SessionBookTest, OpenGivesDistinctRandomTokensForTheUser) {
  Session first = Open();
  Session second = Open();
  EXPECT_EQ(first.principal.user, "aida");
  EXPECT_EQ(first.principal.role, share::Role::kAnalyst);
  EXPECT_EQ(first.principal.organisation, community_->FindOrganisation("KZ")->id);
  EXPECT_GE(first.token.size(), 43u);  // 256 bits in base64
  std::set<std::string> tokens = {first.token, first.csrf_token, second.token, second.csrf_token};
  EXPECT_EQ(tokens.size(), 4u);
  Result<Session> found = book_->Find(first.token, "http 192.0.2.7");
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->csrf_token, first.csrf_token);
  EXPECT_EQ(found->principal.source, "http 192.0.2.7");
}

TEST_F(SessionBookTest, WrongPasswordAndUnknownUserReadTheSame) {
  Result<Session> wrong = book_->Open("aida", "not the password", "192.0.2.7:1");
  Result<Session> unknown = book_->Open("nobody", kPassword, "192.0.2.8:1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(wrong.status().message(), "invalid credentials");
  EXPECT_EQ(unknown.status().message(), wrong.status().message());
  EXPECT_EQ(book_->Find("made-up-token", "http x").status().message(), "invalid credentials");
}

TEST_F(SessionBookTest, IdleSessionsEndAndUseKeepsThemAlive) {
  Session session = Open();
  Advance(std::chrono::seconds(50));
  ASSERT_TRUE(book_->Find(session.token, "").ok());
  Advance(std::chrono::seconds(50));  // 100 s since opened, 50 s since used
  ASSERT_TRUE(book_->Find(session.token, "").ok());
  Advance(std::chrono::seconds(61));
  EXPECT_EQ(book_->Find(session.token, "").status().code(), StatusCode::kUnauthenticated);
}

TEST_F(SessionBookTest, SessionsEndAtTheirAbsoluteTimeoutHoweverBusy) {
  Session session = Open();
  EXPECT_EQ(session.expires.TotalMicroseconds(), Later(clock_.Now(), std::chrono::seconds(300)).TotalMicroseconds());
  for (int step = 0; step < 5; ++step) {
    Advance(std::chrono::seconds(59));
    ASSERT_TRUE(book_->Find(session.token, "").ok()) << step;
  }
  Advance(std::chrono::seconds(10));
  EXPECT_FALSE(book_->Find(session.token, "").ok());
}

TEST_F(SessionBookTest, CloseEndsOnlyThatSession) {
  Session first = Open();
  Session second = Open();
  book_->Close(first.token);
  EXPECT_FALSE(book_->Find(first.token, "").ok());
  EXPECT_TRUE(book_->Find(second.token, "").ok());
}

TEST_F(SessionBookTest, DisablingTheUserEndsItsSessions) {
  ASSERT_TRUE(
      community_
          ->AddUser(operator_, share::User{"bolat", "KG", share::Role::kReader, false, false}, std::string(kPassword))
          .ok());
  Session aida = Open();
  Result<Session> bolat = book_->Open("bolat", kPassword, "192.0.2.9:1");
  ASSERT_TRUE(bolat.ok());
  ASSERT_TRUE(community_->DisableUser(operator_, "aida").ok());
  EXPECT_EQ(book_->Find(aida.token, "").status().message(), "invalid credentials");
  EXPECT_TRUE(book_->Find(bolat->token, "").ok());
  EXPECT_FALSE(book_->Open("aida", kPassword, "192.0.2.7:1").ok());
}

TEST_F(SessionBookTest, BeyondTheLimitTheLeastRecentlyUsedSessionEnds) {
  Session first = Open();
  Advance(std::chrono::seconds(1));
  Session second = Open();
  Advance(std::chrono::seconds(1));
  Session third = Open();
  Advance(std::chrono::seconds(1));
  ASSERT_TRUE(book_->Find(first.token, "").ok());  // now second is the least recently used
  Advance(std::chrono::seconds(1));
  Session fourth = Open();
  EXPECT_TRUE(book_->Find(first.token, "").ok());
  EXPECT_FALSE(book_->Find(second.token, "").ok());
  EXPECT_TRUE(book_->Find(third.token, "").ok());
  EXPECT_TRUE(book_->Find(fourth.token, "").ok());
}

TEST_F(SessionBookTest, RepeatedFailuresAreRefusedWithoutCheckingThePassword) {
  for (int i = 0; i < options_.throttle.free_failures + 1; ++i) {
    EXPECT_EQ(book_->Open("aida", "guess number " + std::to_string(i), "192.0.2.66:1").status().code(),
              StatusCode::kUnauthenticated);
  }
  Result<Session> refused = book_->Open("aida", kPassword, "192.0.2.66:2");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(book_->Open("aida", kPassword, "192.0.2.67:1").ok()) << "another address is not held back";
}

TEST_F(SessionBookTest, CookiesAreReadAmongOthersAndWrittenForBrowsers) {
  Session session = Open();
  Request request;
  request.headers.emplace_back("Cookie", "theme=dark; kenes_session_old=x; kenes_session=" + session.token + "; a=b");
  EXPECT_EQ(SessionBook::TokenOf(request), session.token);
  EXPECT_EQ(SessionBook::TokenOf(Request{}), "");
  EXPECT_EQ(book_->SetCookie(session), "kenes_session=" + session.token + "; Path=/; HttpOnly; SameSite=Strict");
  EXPECT_EQ(book_->ClearCookie(), "kenes_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  options_.secure_cookie = true;
  SessionBook secure(*community_, options_, clock_);
  EXPECT_TRUE(secure.SetCookie(session).ends_with("; Secure"));

  request.headers.emplace_back("X-CSRF-Token", session.csrf_token);
  EXPECT_TRUE(SessionBook::CarriesCsrfToken(request, session));
  Request forged;
  forged.headers.emplace_back("X-CSRF-Token", session.csrf_token.substr(1));
  EXPECT_FALSE(SessionBook::CarriesCsrfToken(forged, session));
  EXPECT_FALSE(SessionBook::CarriesCsrfToken(Request{}, session));
}

}  // namespace
}  // namespace kenes::http
