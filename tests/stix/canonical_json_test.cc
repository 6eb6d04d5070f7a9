#include "stix/canonical_json.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <string>

namespace kenes::stix {
namespace {

std::string Canonical(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  EXPECT_EQ(parser.parse(json).get(element), simdjson::SUCCESS) << json;
  Result<std::string> result = CanonicalJson(element);
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? *result : std::string();
}

// RFC 8785 section 3.2.2 and 3.2.4: the specification's own example.
TEST(CanonicalJson, Rfc8785Example) {
  std::string input = R"({
    "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
    "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
    "literals": [null, true, false]
  })";
  EXPECT_EQ(Canonical(input),
            "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            "\"string\":\"\xe2\x82\xac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

// RFC 8785 section 3.2.3: members sort by UTF-16 code units, so the emoji
// (a surrogate pair, 0xD83D...) sorts before U+FB33 although its UTF-8 bytes
// (F0 ...) sort after EF AC B3.
TEST(CanonicalJson, SortsMemberNamesByUtf16CodeUnits) {
  std::string input = R"({
    "\u20ac": "Euro Sign",
    "\r": "Carriage Return",
    "\ufb33": "Hebrew Letter Dalet With Dagesh",
    "1": "One",
    "\ud83d\ude00": "Emoji: Grinning Face",
    "\u0080": "Control",
    "\u00f6": "Latin Small Letter O With Diaeresis"
  })";
  EXPECT_EQ(Canonical(input),
            "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xc2\x80\":\"Control\","
            "\"\xc3\xb6\":\"Latin Small Letter O With Diaeresis\",\"\xe2\x82\xac\":\"Euro Sign\","
            "\"\xf0\x9f\x98\x80\":\"Emoji: Grinning Face\",\"\xef\xac\xb3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

TEST(CanonicalJson, NestedStructuresLoseWhitespaceAndKeepArrayOrder) {
  EXPECT_EQ(Canonical(R"( { "b" : [ 3, 1, {"z": 1, "a": 2} ], "a" : { } , "c": [] } )"),
            R"({"a":{},"b":[3,1,{"a":2,"z":1}],"c":[]})");
}

TEST(CanonicalJson, IntegersAreNumbersLikeAnyOther) {
  EXPECT_EQ(Canonical("[1.0, 1e0, -0, 0.0, 100, 1e2, -7, 18446744073709551615]"),
            "[1,1,0,0,100,100,-7,18446744073709552000]");
}

TEST(CanonicalJson, RejectsDuplicateMemberNames) {
  simdjson::dom::parser parser;
  simdjson::dom::element element;
  ASSERT_EQ(parser.parse(std::string(R"({"a":1,"a":2})")).get(element), simdjson::SUCCESS);
  Result<std::string> result = CanonicalJson(element);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
}

struct NumberCase {
  uint64_t ieee_bits;
  const char* expected;
};

// RFC 8785 Appendix B: IEEE 754 bit patterns and their canonical text.
class CanonicalNumberTest : public testing::TestWithParam<NumberCase> {};

TEST_P(CanonicalNumberTest, MatchesRfc8785AppendixB) {
  double value = std::bit_cast<double>(GetParam().ieee_bits);
  EXPECT_EQ(CanonicalNumber(value), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Rfc8785, CanonicalNumberTest,
    testing::Values(NumberCase{0x0000000000000000, "0"}, NumberCase{0x8000000000000000, "0"},
                    NumberCase{0x0000000000000001, "5e-324"}, NumberCase{0x8000000000000001, "-5e-324"},
                    NumberCase{0x7fefffffffffffff, "1.7976931348623157e+308"},
                    NumberCase{0xffefffffffffffff, "-1.7976931348623157e+308"},
                    NumberCase{0x4340000000000000, "9007199254740992"},
                    NumberCase{0xc340000000000000, "-9007199254740992"},
                    NumberCase{0x4430000000000000, "295147905179352830000"},
                    NumberCase{0x44b52d02c7e14af5, "9.999999999999997e+22"},
                    NumberCase{0x44b52d02c7e14af6, "1e+23"},
                    NumberCase{0x44b52d02c7e14af7, "1.0000000000000001e+23"},
                    NumberCase{0x444b1ae4d6e2ef4e, "999999999999999700000"},
                    NumberCase{0x444b1ae4d6e2ef4f, "999999999999999900000"},
                    NumberCase{0x444b1ae4d6e2ef50, "1e+21"},
                    NumberCase{0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
                    NumberCase{0x3eb0c6f7a0b5ed8d, "0.000001"},
                    NumberCase{0x41b3de4355555553, "333333333.3333332"},
                    NumberCase{0x41b3de4355555554, "333333333.33333325"},
                    NumberCase{0x41b3de4355555555, "333333333.3333333"},
                    NumberCase{0x41b3de4355555556, "333333333.3333334"},
                    NumberCase{0x41b3de4355555557, "333333333.33333343"},
                    NumberCase{0xbecbf647612f3696, "-0.0000033333333333333333"},
                    NumberCase{0x43143ff3c1cb0959, "1424953923781206.2"}));

}  // namespace
}  // namespace kenes::stix
