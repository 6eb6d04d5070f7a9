#include "stix/sco_id.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "stix/validation/common_properties.h"
#include "stix/validator.h"

namespace kenes::stix {
namespace {

class ScoIdTest : public testing::Test {
 protected:
  simdjson::dom::element Parse(const std::string& json) {
    simdjson::dom::element element;
    EXPECT_EQ(parser_.parse(json).get(element), simdjson::SUCCESS) << json;
    return element;
  }

  std::string Id(const std::string& json) {
    Result<std::string> id = ScoId(Parse(json));
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : std::string();
  }

  simdjson::dom::parser parser_;
};

// 6ba7b810-9dad-11d1-80b4-00c04fd430c8, the RFC 4122 DNS namespace.
constexpr UuidBytes kDnsNamespace = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                     0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};

// The example in Python's uuid module documentation: uuid5(NAMESPACE_DNS, 'python.org').
TEST_F(ScoIdTest, UuidV5MatchesPythonDocumentation) {
  EXPECT_EQ(UuidV5("python.org", kDnsNamespace), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
  EXPECT_EQ(UuidV5("www.example.com", kDnsNamespace), "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

TEST_F(ScoIdTest, UuidV4FromBytesSetsVersionAndVariant) {
  UuidBytes bytes;
  bytes.fill(0xff);
  EXPECT_EQ(UuidV4FromBytes(bytes), "ffffffff-ffff-4fff-bfff-ffffffffffff");
  bytes.fill(0x00);
  EXPECT_EQ(UuidV4FromBytes(bytes), "00000000-0000-4000-8000-000000000000");
}

// cti-python-stix2, stix2/test/v21/test_deterministic_ids.py,
// test_id_gen_recursive_dict_conversion_1: nested extension with a float.
TEST_F(ScoIdTest, FileWithPeExtensionMatchesPythonStix2) {
  std::string file = R"({"type":"file","spec_version":"2.1","name":"example.exe","size":68000,
    "magic_number_hex":"50000000",
    "hashes":{"SHA-256":"841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649"},
    "extensions":{"windows-pebinary-ext":{"pe_type":"exe","machine_hex":"014c",
      "sections":[{"name":".data","size":4096,"entropy":7.980693,
        "hashes":{"SHA-256":"6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0"}}]}}})";
  EXPECT_EQ(Id(file), "file--ced31cd4-bdcb-537d-aefa-92d291bfc11d");
}

// Same file, test_id_gen_recursive_dict_conversion_2.
TEST_F(ScoIdTest, WindowsRegistryKeyMatchesPythonStix2) {
  std::string key = R"({"type":"windows-registry-key","spec_version":"2.1",
    "values":[{"name":"Foo","data":"qwerty"},{"name":"Bar","data":"42"}]})";
  EXPECT_EQ(Id(key), "windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588");
}

TEST_F(ScoIdTest, OnlyContributingPropertiesCount) {
  std::string plain = Id(R"({"type":"email-addr","value":"john@example.com"})");
  EXPECT_EQ(plain, Id(R"({"type":"email-addr","value":"john@example.com","display_name":"John Doe",
                          "spec_version":"2.1","id":"email-addr--00000000-0000-4000-8000-000000000000"})"));
  EXPECT_NE(plain, Id(R"({"type":"email-addr","value":"jane@example.com"})"));
  EXPECT_EQ(plain, "email-addr--" + UuidV5(R"({"value":"john@example.com"})"));
}

TEST_F(ScoIdTest, ContributingJsonIsCanonicalWhateverTheInputOrder) {
  Result<std::string> json = IdContributingJson(
      Parse(R"({"name": "a.txt", "type": "file", "size": 3, "hashes": {"SHA-256": "ab", "MD5": "cd"}})"));
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ(*json, R"({"hashes":{"MD5":"cd"},"name":"a.txt"})");
}

TEST_F(ScoIdTest, PrefersHashesInSpecificationOrder) {
  auto contributing = [&](const std::string& hashes) {
    Result<std::string> json = IdContributingJson(Parse(R"({"type":"file","hashes":)" + hashes + "}"));
    return json.ok() ? *json : json.status().ToString();
  };
  EXPECT_EQ(contributing(R"({"SHA-512":"d","SHA-256":"c","SHA-1":"b"})"), R"({"hashes":{"SHA-1":"b"}})");
  EXPECT_EQ(contributing(R"({"SHA-512":"d","SHA-256":"c"})"), R"({"hashes":{"SHA-256":"c"}})");
  EXPECT_EQ(contributing(R"({"SSDEEP":"x","SHA-512":"d"})"), R"({"hashes":{"SHA-512":"d"}})");
  EXPECT_EQ(contributing(R"({"TLSH":"t","SSDEEP":"x"})"), R"({"hashes":{"TLSH":"t"}})");
}

TEST_F(ScoIdTest, RejectsEmptyHashesAndNonObservables) {
  EXPECT_FALSE(ScoId(Parse(R"({"type":"file","hashes":{}})")).ok());
  EXPECT_FALSE(ScoId(Parse(R"({"type":"indicator","value":"x"})")).ok());
  EXPECT_FALSE(ScoId(Parse(R"({"value":"x"})")).ok());
  EXPECT_FALSE(ScoId(Parse(R"(["ipv4-addr"])")).ok());
}

TEST_F(ScoIdTest, WithoutContributingPropertiesIdsAreRandomVersion4) {
  std::set<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    std::string id = Id(R"({"type":"process","pid":1234})");
    ASSERT_EQ(id.size(), std::string("process--").size() + 36);
    EXPECT_EQ(id[std::string("process--").size() + 14], '4');
    ids.insert(id);
  }
  EXPECT_EQ(ids.size(), 3u);
  std::string message = Id(R"({"type":"email-message","is_multipart":false})");
  EXPECT_EQ(message[std::string("email-message--").size() + 14], '4');
}

TEST_F(ScoIdTest, KnowsTheSpecificationTypes) {
  EXPECT_TRUE(IsScoType("ipv4-addr"));
  EXPECT_TRUE(IsScoType("process"));
  EXPECT_FALSE(IsScoType("indicator"));
  ASSERT_EQ(IdContributingProperties("file").size(), 4u);
  EXPECT_EQ(IdContributingProperties("file")[3], "parent_directory_ref");
  EXPECT_TRUE(IdContributingProperties("process").empty());
}

// Types defined by extension (Kenes' phone-number and the like) get ids from
// the contributing properties they register, as standard SCOs do.
TEST_F(ScoIdTest, RegisteredScoTypesContributeTheirProperties) {
  EXPECT_FALSE(IsScoType("sco-id-test-plate"));
  validation::TypeDefinition definition = validation::DefineType(
      "sco-id-test-plate", validation::Category::kSco,
      {{"number", validation::String(), true}, {"region", validation::String()}, {"colour", validation::String()}});
  definition.defined_by_extension = true;
  definition.id_contributing_properties = {"number", "region"};
  ASSERT_TRUE(RegisterType(std::move(definition)).ok());
  EXPECT_TRUE(IsScoType("sco-id-test-plate"));
  ASSERT_EQ(IdContributingProperties("sco-id-test-plate").size(), 2u);
  // uuid5(SCO namespace, '{"number":"A1","region":"KZ"}') in Python.
  EXPECT_EQ(Id(R"({"type":"sco-id-test-plate","colour":"red","region":"KZ","number":"A1"})"),
            "sco-id-test-plate--2130fb6a-8c0b-5688-9097-634cd4ddad87");
}

}  // namespace
}  // namespace kenes::stix
