// The HTTP authenticator: Bearer and Basic API keys, one answer for every
// refusal, failures slowed down per client, and a cache that never outlives
// a revocation or an expiry.
#include "http/authenticator.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <thread>

#include "share/community_fixture.h"

namespace kenes::http {
namespace {

std::string Base64(std::string_view text) {
  std::string out(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

Request WithAuthorization(std::string value, std::string remote = "192.0.2.7:40000") {
  Request request;
  request.remote = std::move(remote);
  if (!value.empty()) request.headers.emplace_back("Authorization", std::move(value));
  return request;
}

size_t AuthEntries(share::Community& community) {
  share::AuditFilter filter;
  filter.action = "auth";
  return community.audit().Show(filter)->size();
}

class AuthenticatorTest : public share::CommunityFixture {
 protected:
  void SetUp() override {
    CommunityFixture::SetUp();
    AddUser("aida", "KZ", share::Role::kAnalyst);
    key_ = *community_->CreateKey(operator_, share::NewKey{"aida", std::nullopt, "test"});
    options_.throttle.first_delay = std::chrono::milliseconds(100);
    authenticator_ = std::make_unique<Authenticator>(*community_, options_, clock_);
  }

  std::string key_;
  AuthenticatorOptions options_;
  std::unique_ptr<Authenticator> authenticator_;
};

TEST_F(AuthenticatorTest, NoCredentialsIsAnonymousNotAnError) {
  AuthResult anonymous = authenticator_->Authenticate(WithAuthorization(""));
  EXPECT_TRUE(anonymous.status.ok());
  EXPECT_FALSE(anonymous.principal.has_value());
}

TEST_F(AuthenticatorTest, BearerAndBasicNameTheKeysUser) {
  AuthResult bearer = authenticator_->Authenticate(WithAuthorization("Bearer " + key_));
  ASSERT_TRUE(bearer.status.ok()) << bearer.status.ToString();
  EXPECT_EQ(bearer.principal->user, "aida");
  EXPECT_EQ(bearer.principal->role, share::Role::kAnalyst);
  EXPECT_EQ(bearer.principal->organisation, community_->FindOrganisation("KZ")->id);
  EXPECT_EQ(bearer.principal->source, "http 192.0.2.7");
  AuthResult basic = authenticator_->Authenticate(WithAuthorization("Basic " + Base64("aida:" + key_)));
  ASSERT_TRUE(basic.status.ok()) << basic.status.ToString();
  EXPECT_EQ(basic.principal->user, "aida");
  AuthResult lower_case = authenticator_->Authenticate(WithAuthorization("bearer " + key_));
  EXPECT_TRUE(lower_case.status.ok());
}

TEST_F(AuthenticatorTest, EveryRefusalReadsTheSame) {
  AddUser("bolat", "KG", share::Role::kReader);
  std::vector<std::string> bad = {
      "Bearer kenes_0000000000000000_" + std::string(64, 'a'),  // unknown key id
      "Bearer " + key_ + "x",                                    // wrong secret
      "Basic " + Base64("bolat:" + key_),                        // another user's key
      "Basic " + Base64("nobody:" + key_),                       // unknown user
      "Basic !!!not-base64",                                     // garbage
      "Basic " + Base64("no colon"),                             // no user/key split
      "Digest username=aida",                                    // unsupported scheme
      "Bearer",                                                  // nothing after the scheme
  };
  for (const std::string& header : bad) {
    AuthResult refused = authenticator_->Authenticate(WithAuthorization(header, "198.51.100.1:1"));
    EXPECT_EQ(refused.status.code(), StatusCode::kUnauthenticated) << header;
    EXPECT_EQ(refused.status.message(), "invalid credentials") << header;
    EXPECT_FALSE(refused.principal.has_value()) << header;
  }
}

TEST_F(AuthenticatorTest, RepeatedFailuresFromOneClientAreSlowedDownOthersAreNot) {
  std::string wrong = "Bearer " + key_ + "x";
  std::vector<std::chrono::milliseconds> delays;
  for (int i = 0; i < 6; ++i) delays.push_back(authenticator_->Authenticate(WithAuthorization(wrong)).delay);
  using std::chrono::milliseconds;
  EXPECT_EQ(delays, (std::vector<milliseconds>{milliseconds(0), milliseconds(0), milliseconds(0), milliseconds(100),
                                               milliseconds(200), milliseconds(400)}));
  // Another address starts clean; a success is not slowed down, and does not wipe the record.
  EXPECT_EQ(authenticator_->Authenticate(WithAuthorization(wrong, "203.0.113.9:5")).delay, milliseconds(0));
  AuthResult good = authenticator_->Authenticate(WithAuthorization("Bearer " + key_));
  EXPECT_TRUE(good.status.ok());
  EXPECT_EQ(good.delay, milliseconds(0));
  EXPECT_EQ(authenticator_->Authenticate(WithAuthorization(wrong)).delay, milliseconds(800));
}

TEST_F(AuthenticatorTest, TheDelayIsCapped) {
  std::string wrong = "Bearer " + key_ + "x";
  std::chrono::milliseconds last{0};
  for (int i = 0; i < 40; ++i) last = authenticator_->Authenticate(WithAuthorization(wrong)).delay;
  EXPECT_EQ(last, options_.throttle.max_delay);
}

TEST_F(AuthenticatorTest, ACachedKeyIsAuditedOnceNotPerRequest) {
  size_t before = AuthEntries(*community_);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(authenticator_->Authenticate(WithAuthorization("Bearer " + key_)).status.ok());
  EXPECT_EQ(AuthEntries(*community_), before + 1);
}

TEST_F(AuthenticatorTest, RevokingInAnotherProcessTakesEffectWithinTheLag) {
  ASSERT_TRUE(authenticator_->Authenticate(WithAuthorization("Bearer " + key_)).status.ok());
  // The CLI of the node runs in another process: another connection to the same file.
  Result<std::unique_ptr<share::Community>> cli = share::Community::Open(share::Community::FileIn(directory_), *store_, clock_);
  ASSERT_TRUE(cli.ok());
  ASSERT_TRUE((*cli)->RevokeKey(operator_, (*cli)->Keys(operator_)->back().key_id).ok());
  std::this_thread::sleep_for(share::Community::kOtherProcessLag);
  AuthResult after = authenticator_->Authenticate(WithAuthorization("Bearer " + key_));
  EXPECT_EQ(after.status.code(), StatusCode::kUnauthenticated);
}

TEST_F(AuthenticatorTest, DisablingTheUserHereTakesEffectOnTheNextRequest) {
  ASSERT_TRUE(authenticator_->Authenticate(WithAuthorization("Bearer " + key_)).status.ok());
  ASSERT_TRUE(community_->DisableUser(operator_, "aida").ok());
  EXPECT_EQ(authenticator_->Authenticate(WithAuthorization("Bearer " + key_)).status.code(),
            StatusCode::kUnauthenticated);
}

TEST_F(AuthenticatorTest, ACachedKeyStopsAtItsExpiry) {
  clock_.Set(store::TestTime(100));
  std::string expiring = *community_->CreateKey(operator_, share::NewKey{"aida", store::TestTime(200), "short"});
  Authenticator authenticator(*community_, options_, clock_);
  ASSERT_TRUE(authenticator.Authenticate(WithAuthorization("Bearer " + expiring)).status.ok());
  clock_.Set(store::TestTime(200));
  EXPECT_EQ(authenticator.Authenticate(WithAuthorization("Bearer " + expiring)).status.code(),
            StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace kenes::http
