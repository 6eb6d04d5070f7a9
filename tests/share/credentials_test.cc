// API keys and passwords: issuing, authenticating, revoking, expiry, disabled
// users, who may manage whose keys, and the audit trail of every attempt.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <thread>

#include "share/api_key.h"
#include "share/community_fixture.h"
#include "share/password_hash.h"

namespace kenes::share {
namespace {

using CredentialsTest = CommunityFixture;

// The precise reason recorded for the last authentication attempt.
std::string LastAuthDetail(Community& community) {
  AuditFilter filter;
  filter.action = "auth";
  Result<std::vector<AuditEntry>> entries = community.audit().Show(filter);
  return entries.ok() && !entries->empty() ? entries->back().outcome + ": " + entries->back().detail : "";
}

TEST(ApiKeyTest, KeysAreRandomAndCarryTheirId) {
  ApiKey first = NewApiKey();
  ApiKey second = NewApiKey();
  EXPECT_NE(first.text, second.text);
  EXPECT_EQ(ApiKeyId(first.text), first.key_id);
  EXPECT_EQ(first.key_id.size(), 16u);
  EXPECT_TRUE(SameApiKeyHash(ApiKeyHash(first.text), ApiKeyHash(first.text)));
  EXPECT_FALSE(SameApiKeyHash(ApiKeyHash(first.text), ApiKeyHash(second.text)));
  for (std::string_view malformed : {"", "kenes_", "kenes_0123456789abcdef", "kenes_0123456789abcdef_",
                                     "kenes_0123456789ABCDEF_secret", "other_0123456789abcdef_secret"}) {
    EXPECT_FALSE(ApiKeyId(malformed).has_value()) << malformed;
  }
}

TEST(PasswordHashTest, Argon2idRoundTrip) {
  Result<std::string> hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$")) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapler"));
  EXPECT_NE(*HashPassword("correct horse battery staple"), *hash);  // salted
}

TEST_F(CredentialsTest, AKeyAuthenticatesItsUserUntilRevoked) {
  Principal analyst = AddUser("timur", "UZ", Role::kAnalyst);
  Result<std::string> key = community_->CreateKey(analyst, NewKey{"timur", std::nullopt, "laptop"});
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  Result<Principal> principal = community_->Authenticate(*key, "http 192.0.2.1");
  ASSERT_TRUE(principal.ok()) << principal.status().ToString();
  EXPECT_EQ(principal->user, "timur");
  EXPECT_EQ(principal->organisation, analyst.organisation);
  EXPECT_EQ(principal->role, Role::kAnalyst);
  EXPECT_EQ(principal->source, "http 192.0.2.1");

  Result<std::vector<KeyInfo>> keys = community_->Keys(analyst);
  ASSERT_TRUE(keys.ok());
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ(keys->front().label, "laptop");
  EXPECT_TRUE(key->find(keys->front().key_id) != std::string::npos);

  ASSERT_TRUE(community_->RevokeKey(analyst, keys->front().key_id).ok());
  Result<Principal> refused = community_->Authenticate(*key, "http 192.0.2.1");
  EXPECT_EQ(refused.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(refused.status().message(), "invalid credentials");
  EXPECT_EQ(LastAuthDetail(*community_), "denied: API key revoked");
}

TEST_F(CredentialsTest, AKeyExpires) {
  AddUser("nurlan", "KG", Role::kReader);
  NewKey request{"nurlan", store::TestTime(10), ""};
  Result<std::string> key = community_->CreateKey(operator_, request);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  clock_.Set(store::TestTime(9, 999));
  Result<AuthenticatedKey> authenticated = community_->AuthenticateKey(*key, "test");
  ASSERT_TRUE(authenticated.ok());
  EXPECT_EQ(authenticated->principal.user, "nurlan");
  EXPECT_EQ(authenticated->expires, store::TestTime(10));  // so a cache can stop trusting it in time
  clock_.Set(store::TestTime(10));
  EXPECT_EQ(community_->Authenticate(*key, "test").status().message(), "invalid credentials");
  EXPECT_EQ(LastAuthDetail(*community_), "denied: API key expired at 2026-01-01T00:00:10Z");
  // An expiry already past is refused when the key is made.
  EXPECT_EQ(community_->CreateKey(operator_, request).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(CredentialsTest, TheGenerationMovesWithEveryChangeHereOrInAnotherProcess) {
  Result<uint64_t> before = community_->Generation();
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ(*community_->Generation(), *before);  // reading changes nothing
  AddUser("aibek", "KZ", Role::kReader);
  Result<uint64_t> after_user = community_->Generation();
  EXPECT_NE(*after_user, *before);
  // Another process: a second Community on the same file revokes a key.
  Result<std::string> key = community_->CreateKey(operator_, NewKey{"aibek", std::nullopt, ""});
  ASSERT_TRUE(key.ok());
  uint64_t before_revoke = *community_->Generation();
  Result<std::unique_ptr<Community>> other = Community::Open(Community::FileIn(directory_), *store_, clock_);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  std::string key_id = (*other)->Keys(operator_)->back().key_id;
  ASSERT_TRUE((*other)->RevokeKey(operator_, key_id).ok());
  // Another process's change is seen within kOtherProcessLag.
  std::this_thread::sleep_for(Community::kOtherProcessLag);
  EXPECT_NE(*community_->Generation(), before_revoke);
}

TEST_F(CredentialsTest, EveryRefusalLooksTheSameToTheCallerButNotInTheAuditLog) {
  AddUser("gulnara", "TM", Role::kReader);
  Result<std::string> key = community_->CreateKey(operator_, NewKey{"gulnara", std::nullopt, ""});
  ASSERT_TRUE(key.ok());
  std::string wrong_secret = key->substr(0, key->size() - 2) + (key->back() == 'A' ? "BB" : "AA");
  std::string unknown_id = "kenes_0000000000000000" + key->substr(key->find('_', 6));
  struct Case {
    std::string key;
    std::string reason;
  };
  const Case cases[] = {
      {"", "denied: malformed API key"},
      {"Bearer nonsense", "denied: malformed API key"},
      {unknown_id, "denied: unknown API key id"},
      {wrong_secret, "denied: wrong secret for the API key"},
  };
  for (const Case& test : cases) {
    Result<Principal> refused = community_->Authenticate(test.key, "test");
    EXPECT_EQ(refused.status().code(), StatusCode::kUnauthenticated) << test.key;
    EXPECT_EQ(refused.status().message(), "invalid credentials") << test.key;
    EXPECT_EQ(LastAuthDetail(*community_), test.reason) << test.key;
  }
  ASSERT_TRUE(community_->DisableUser(operator_, "gulnara").ok());
  EXPECT_EQ(community_->Authenticate(*key, "test").status().message(), "invalid credentials");
  EXPECT_EQ(LastAuthDetail(*community_), "denied: user is disabled");
  // A disabled user gets no new keys either.
  EXPECT_EQ(community_->CreateKey(operator_, NewKey{"gulnara", std::nullopt, ""}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(CredentialsTest, KeysAreManagedByTheirUserTheirOrgAdminAndTheAdmin) {
  Principal kz_admin = AddUser("kz-admin", "KZ", Role::kOrgAdmin);
  Principal kz_reader = AddUser("kz-reader", "KZ", Role::kReader);
  Principal kz_other = AddUser("kz-other", "KZ", Role::kReader);
  Principal kg_admin = AddUser("kg-admin", "KG", Role::kOrgAdmin);
  AddUser("kz-node-admin", "KZ", Role::kAdmin);
  EXPECT_TRUE(community_->CreateKey(kz_reader, NewKey{"kz-reader", std::nullopt, "own"}).ok());
  EXPECT_TRUE(community_->CreateKey(kz_admin, NewKey{"kz-reader", std::nullopt, "by org-admin"}).ok());
  EXPECT_EQ(community_->CreateKey(kz_other, NewKey{"kz-reader", std::nullopt, ""}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(community_->CreateKey(kg_admin, NewKey{"kz-reader", std::nullopt, ""}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(community_->CreateKey(kz_admin, NewKey{"kz-node-admin", std::nullopt, ""}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(community_->Keys(kz_reader)->size(), 2u);
  EXPECT_EQ(community_->Keys(kz_other)->size(), 0u);
  EXPECT_EQ(community_->Keys(kg_admin)->size(), 0u);
  EXPECT_EQ(community_->Keys(kz_admin)->size(), 2u);
  std::string key_id = community_->Keys(kz_reader)->front().key_id;
  EXPECT_EQ(community_->RevokeKey(kg_admin, key_id).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(community_->RevokeKey(kz_admin, key_id).ok());
  EXPECT_EQ(community_->RevokeKey(kz_admin, key_id).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(community_->RevokeKey(operator_, "0000000000000000").code(), StatusCode::kNotFound);
}

TEST_F(CredentialsTest, KeysAreStoredOnlyAsHashes) {
  AddUser("saule", "KZ", Role::kReader);
  Result<std::string> key = community_->CreateKey(operator_, NewKey{"saule", std::nullopt, ""});
  ASSERT_TRUE(key.ok());
  community_.reset();  // closes the database so its file holds everything
  std::string secret = key->substr(key->rfind('_') + 1);
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream file(Community::FileIn(directory_).string() + suffix, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    EXPECT_EQ(content.find(secret), std::string::npos) << suffix;
  }
}

TEST_F(CredentialsTest, PasswordsAuthenticateLikeKeys) {
  ASSERT_TRUE(
      community_
          ->AddUser(operator_, User{"erlan", "KZ", Role::kAnalyst, false, false}, std::string("a long enough password"))
          .ok());
  Result<Principal> principal = community_->AuthenticatePassword("erlan", "a long enough password", "web");
  ASSERT_TRUE(principal.ok()) << principal.status().ToString();
  EXPECT_EQ(principal->role, Role::kAnalyst);
  EXPECT_EQ(community_->AuthenticatePassword("erlan", "a wrong password!", "web").status().message(),
            "invalid credentials");
  EXPECT_EQ(LastAuthDetail(*community_), "denied: wrong password");
  EXPECT_EQ(community_->AuthenticatePassword("nobody", "a long enough password", "web").status().message(),
            "invalid credentials");
  EXPECT_EQ(LastAuthDetail(*community_), "denied: unknown user");
}

}  // namespace
}  // namespace kenes::share
