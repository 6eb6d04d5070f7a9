// What each kind of object offers the index: observables' keys in any
// spelling, indicators' equality atoms, persons' names; and values typed
// into a query normalised the same way.
#include "correlate/object_keys.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "observable/observable_kind.h"

namespace kenes::correlate {
namespace {

using observable::CorrelationKey;

stix::Object ObjectOf(std::string type, std::string json, bool versioned = false) {
  stix::Object object;
  object.id = type + "--5e0a1b2c-3d4e-4f50-8a6b-000000000001";
  object.type = std::move(type);
  object.spec_version = "2.1";
  if (versioned) object.modified = ParseTimestamp("2026-05-01T00:00:00Z");
  object.json = std::move(json);
  return object;
}

std::vector<CorrelationKey> KeysOf(const stix::Object& object) {
  Result<ObjectKeys> keys = ObjectKeysOf(object);
  EXPECT_TRUE(keys.ok()) << keys.status().ToString();
  return keys.ok() ? keys->keys : std::vector<CorrelationKey>{};
}

std::string IndicatorJson(const std::string& pattern) {
  return R"({"type":"indicator","spec_version":"2.1","pattern_type":"stix","pattern":")" + pattern + R"("})";
}

TEST(ObjectKeysTest, APhoneInNationalAndInternationalFormIsOneKey) {
  std::vector<CorrelationKey> national =
      KeysOf(ObjectOf("phone-number", R"({"type":"phone-number","value":"8 (701) 123-45-67","country":"KZ"})"));
  std::vector<CorrelationKey> international =
      KeysOf(ObjectOf("phone-number", R"({"type":"phone-number","value":"+7 701 123 45 67"})"));
  EXPECT_EQ(national, (std::vector<CorrelationKey>{{"phone-number", "+77011234567"}}));
  EXPECT_EQ(national, international);
}

TEST(ObjectKeysTest, AMalformedObservableIsAnError) {
  EXPECT_FALSE(ObjectKeysOf(ObjectOf("ipv4-addr", R"({"type":"ipv4-addr","value":"300.1.1.1"})")).ok());
  EXPECT_FALSE(ObjectKeysOf(ObjectOf("ipv4-addr", "not json")).ok());
}

struct IndicatorCase {
  std::string pattern;
  std::vector<CorrelationKey> keys;
  friend void PrintTo(const IndicatorCase& c, std::ostream* out) { *out << c.pattern; }
};

class IndicatorKeysTest : public ::testing::TestWithParam<IndicatorCase> {};

TEST_P(IndicatorKeysTest, EqualityAtomsOnKnownPathsAreObservations) {
  stix::Object indicator = ObjectOf("indicator", IndicatorJson(GetParam().pattern), true);
  Result<ObjectKeys> keys = ObjectKeysOf(indicator);
  ASSERT_TRUE(keys.ok()) << keys.status().ToString();
  EXPECT_EQ(keys->keys, GetParam().keys) << GetParam().pattern;
  EXPECT_TRUE(keys->versioned);
}

const std::string kSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

INSTANTIATE_TEST_SUITE_P(
    Patterns, IndicatorKeysTest,
    ::testing::Values(
        IndicatorCase{"[ipv4-addr:value = '95.59.10.20']", {{"ipv4-addr", "95.59.10.20"}}},
        IndicatorCase{"[domain-name:value = 'EVIL.Example.KZ.']", {{"domain-name", "evil.example.kz"}}},
        IndicatorCase{"[phone-number:value = '+7 (701) 123-45-67']", {{"phone-number", "+77011234567"}}},
        IndicatorCase{"[phone-number:value = '8 701 123 45 67']", {{"phone-number", "+77011234567"}}},
        IndicatorCase{"[phone-number:value = '0 555 123 456']", {}},  // national form: no country to read it in
        IndicatorCase{"[file:hashes.'SHA-256' = '" + kSha256 + "']", {{"hash:SHA-256", kSha256}}},
        IndicatorCase{"[ipv4-addr:value IN ('95.59.10.20', '95.59.10.21')]",
                      {{"ipv4-addr", "95.59.10.20"}, {"ipv4-addr", "95.59.10.21"}}},
        IndicatorCase{"[ipv4-addr:value = '95.59.10.20'] OR [url:value = 'http://evil.kz/a']",
                      {{"ipv4-addr", "95.59.10.20"}, {"url", "http://evil.kz/a"}}},
        IndicatorCase{"[ipv4-addr:value != '95.59.10.20']", {}},
        IndicatorCase{"[ipv4-addr:value ISSUBSET '95.59.0.0/16']", {}},
        IndicatorCase{"[network-traffic:dst_ref.value = '95.59.10.20']", {}},  // through a reference: no path we read
        IndicatorCase{"[ipv4-addr:value = 'not an address']", {}}, IndicatorCase{"this is not a pattern", {}}));

TEST(ObjectKeysTest, PersonsGiveTheirNames) {
  Result<ObjectKeys> person = ObjectKeysOf(
      ObjectOf("identity", R"({"type":"identity","identity_class":"individual","name":"Сейтказиев Нурлан"})", true));
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(person->person_name, "Сейтказиев Нурлан");
  Result<ObjectKeys> actor = ObjectKeysOf(ObjectOf("threat-actor", R"({"type":"threat-actor","name":"Ivanov"})", true));
  ASSERT_TRUE(actor.ok());
  EXPECT_EQ(actor->person_name, "Ivanov");
  Result<ObjectKeys> organisation = ObjectKeysOf(
      ObjectOf("identity", R"({"type":"identity","identity_class":"organization","name":"Kazakhtelecom"})", true));
  ASSERT_TRUE(organisation.ok());
  EXPECT_FALSE(organisation->person_name.has_value());
}

struct QueryCase {
  std::string kind, value;
  std::string canonical;  // empty: an error
  friend void PrintTo(const QueryCase& c, std::ostream* out) { *out << c.kind << " " << c.value; }
};

class NormaliseKeyTest : public ::testing::TestWithParam<QueryCase> {};

TEST_P(NormaliseKeyTest, QueriesNormaliseLikeObjects) {
  const QueryCase& c = GetParam();
  Result<CorrelationKey> key = NormaliseKey(c.kind, c.value);
  if (c.canonical.empty()) {
    EXPECT_FALSE(key.ok()) << c.kind << " " << c.value << " gave " << (key.ok() ? key->value : "");
    if (!key.ok()) {
      EXPECT_FALSE(key.status().message().empty());
    }
  } else {
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    EXPECT_EQ(*key, (CorrelationKey{c.kind, c.canonical}));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Values, NormaliseKeyTest,
    ::testing::Values(QueryCase{"phone-number", "+7 701 123-45-67", "+77011234567"},
                      QueryCase{"phone-number", "8 701 123 45 67", "+77011234567"},
                      QueryCase{"phone-number", "call me", ""},
                      QueryCase{"ipv6-addr", "2001:DB8:0:0::1", "2001:db8::1"}, QueryCase{"ipv4-addr", "010.0.0.1", ""},
                      QueryCase{"domain-name", "Example.KZ", "example.kz"}, QueryCase{"hash:SHA-256", kSha256, kSha256},
                      QueryCase{"autonomous-system", "64500", "64500"}, QueryCase{"autonomous-system", "AS64500", ""},
                      QueryCase{"vehicle", "no colon", ""}, QueryCase{"no-such-kind", "x", ""}));

// The rebuild lists these types from the store: each must give keys, and
// it must not miss an observable type with keys.
TEST(ObjectKeysTest, TheCorrelatedTypesAreTheObservablesWithKeysAndTheSdosRead) {
  std::set<std::string> observables;
  for (const std::string& type : CorrelatedTypes()) {
    if (type != "indicator" && type != "identity" && type != "threat-actor") {
      EXPECT_NE(observable::FindObservableKind(type), nullptr) << type;
      observables.insert(type);
    }
  }
  for (std::string type : {"ipv4-addr", "ipv6-addr", "domain-name", "url", "email-addr", "autonomous-system",
                           "user-account", "file", "artifact", "x509-certificate", "phone-number", "bank-account",
                           "cryptocurrency-wallet", "vehicle", "identity-document"}) {
    EXPECT_TRUE(observables.contains(type)) << type;
  }
}

}  // namespace
}  // namespace kenes::correlate
