// The indicator index: which atoms a pattern is filed under (its cover), and which patterns an
// observation makes candidates.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "pattern/indicator_index.h"
#include "pattern/pattern.h"
#include "pattern/pattern_cover.h"
#include "pattern/value_key.h"
#include "pattern/value_table.h"

namespace kenes::pattern {
namespace {

Pattern Parsed(const std::string& text, StixVersion version = StixVersion::k21) {
  Result<Pattern> parsed = Parse(text, version);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.status().ToString();
  return parsed.ok() ? std::move(parsed).value() : Pattern{};
}

// The cover of `text` written back compactly, sorted: "type:path=key" for a value atom with
// string keys shown as 'text' and number keys as the number, "type:path LIKE 'text%'" and
// "'%text'" for prefix and suffix atoms, "type:path ISSUBSET <bits>/n" for a network atom,
// "type:*" for a type atom.
std::vector<std::string> Cover(const std::string& text) {
  std::vector<std::string> shown;
  for (const CoverAtom& atom : CoverOf(Parsed(text))) {
    if (atom.IsTypeAtom()) {
      shown.push_back(atom.object_type + ":*");
      continue;
    }
    std::string path;
    for (const PathStep& step : atom.steps) {
      if (step.kind == PathStep::Kind::kKey) path += (path.empty() ? "" : ".") + step.key;
      if (step.kind == PathStep::Kind::kIndex) path += "[" + std::to_string(step.index) + "]";
      if (step.kind == PathStep::Kind::kAnyIndex) path += "[*]";
    }
    std::string value;
    if (atom.kind == CoverAtom::Kind::kPrefix) {
      value = " LIKE '" + atom.text + "%'";
    } else if (atom.kind == CoverAtom::Kind::kSuffix) {
      value = " LIKE '%" + atom.text + "'";
    } else if (atom.kind == CoverAtom::Kind::kRegex) {
      value = " MATCHES '" + atom.text + "'";
    } else if (atom.kind == CoverAtom::Kind::kNetwork) {
      value = std::string(" ISSUBSET ") + (atom.network.v6 ? "v6 " : "v4 ") + std::to_string(atom.network.address[0]) +
              "/" + std::to_string(atom.network.prefix);
    } else if (atom.text[0] == 's') {
      value = "='" + atom.text.substr(1) + "'";
    } else {
      double number = 0;
      std::memcpy(&number, atom.text.data() + 1, sizeof number);
      value = "=" + std::to_string(number);
    }
    shown.push_back(atom.object_type + ":" + path + value);
  }
  std::sort(shown.begin(), shown.end());
  return shown;
}

using Atoms = std::vector<std::string>;

TEST(PatternCover, EqualityIsOneValueAtom) {
  EXPECT_EQ(Cover("[ipv4-addr:value = '198.51.100.7']"), Atoms({"ipv4-addr:value='198.51.100.7'"}));
  EXPECT_EQ(Cover("[file:hashes.'SHA-256' = 'ab12']"), Atoms({"file:hashes.SHA-256='ab12'"}));
  EXPECT_EQ(Cover("[network-traffic:dst_ref.value = '203.0.113.1']"),
            Atoms({"network-traffic:dst_ref.value='203.0.113.1'"}));
  EXPECT_EQ(Cover("[file:extensions.'archive-ext'.contains_refs[*].name = 'a.exe']"),
            Atoms({"file:extensions.archive-ext.contains_refs[*].name='a.exe'"}));
}

TEST(PatternCover, InIsOneAtomPerValue) {
  EXPECT_EQ(Cover("[domain-name:value IN ('a.example', 'b.example', 'a.example')]"),
            Atoms({"domain-name:value='a.example'", "domain-name:value='b.example'"}));
  // Never true, so nothing to file it under.
  EXPECT_EQ(Cover("[domain-name:value IN ()]"), Atoms({}));
}

TEST(PatternCover, NumbersKeyByValueAcrossIntegerAndFloat) {
  EXPECT_EQ(CoverOf(Parsed("[x:n = 5]"))[0].text, CoverOf(Parsed("[x:n = 5.0]"))[0].text);
  EXPECT_NE(CoverOf(Parsed("[x:n = 5]"))[0].text, CoverOf(Parsed("[x:n = 5.5]"))[0].text);
  EXPECT_NE(CoverOf(Parsed("[x:n = 5]"))[0].text, CoverOf(Parsed("[x:n = '5']"))[0].text);
  EXPECT_EQ(CoverOf(Parsed("[x:n = 0]"))[0].text, CoverOf(Parsed("[x:n = -0.0]"))[0].text);
  EXPECT_EQ(CoverOf(Parsed("[x:n = true]"))[0].text, CoverOf(Parsed("[x:n = 1]"))[0].text);
}

TEST(PatternCover, LikeFilesTheLongerFixedEnd) {
  EXPECT_EQ(Cover("[domain-name:value LIKE '%.example']"), Atoms({"domain-name:value LIKE '%.example'"}));
  EXPECT_EQ(Cover("[url:value LIKE 'https://%/x_y']"), Atoms({"url:value LIKE 'https://%'"}));
  EXPECT_EQ(Cover("[url:value LIKE 'a%b_cdef']"), Atoms({"url:value LIKE '%cdef'"}));
  EXPECT_EQ(Cover("[url:value LIKE 'abc']"), Atoms({"url:value LIKE 'abc%'"}));
  const std::string long_text(100, 'a');
  EXPECT_EQ(Cover("[url:value LIKE '" + long_text + "%']"), Atoms({"url:value LIKE '" + long_text.substr(0, kMaxAffix) + "%'"}));
  EXPECT_EQ(Cover("[url:value LIKE '%b" + long_text + "']"), Atoms({"url:value LIKE '%" + long_text.substr(0, kMaxAffix) + "'"}));
  // The matcher puts text in NFC before LIKE: only ASCII is sure to stay as written.
  EXPECT_EQ(Cover("[x:s LIKE 'caf\u00e9%.fr']"), Atoms({"x:s LIKE '%.fr'"}));
  EXPECT_EQ(Cover("[x:s LIKE 'caf\u00e9%']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:s LIKE '%']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:s LIKE '_%_']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:s NOT LIKE 'a%']"), Atoms({"x:*"}));
}

TEST(PatternCover, IsSubsetFilesTheBlock) {
  EXPECT_EQ(Cover("[ipv4-addr:value ISSUBSET '198.51.100.0/24']"), Atoms({"ipv4-addr:value ISSUBSET v4 198/24"}));
  EXPECT_EQ(Cover("[ipv6-addr:value ISSUBSET '2001:db8::/32']"), Atoms({"ipv6-addr:value ISSUBSET v6 32/32"}));
  // What the matcher cannot read as a block (it errs when evaluating) and negation.
  EXPECT_EQ(Cover("[ipv4-addr:value ISSUBSET '198.51.100.7']"), Atoms({"ipv4-addr:*"}));
  EXPECT_EQ(Cover("[ipv4-addr:value ISSUBSET '198.51.100.0/0']"), Atoms({"ipv4-addr:*"}));
  EXPECT_EQ(Cover("[ipv4-addr:value NOT ISSUBSET '198.51.100.0/24']"), Atoms({"ipv4-addr:*"}));
  EXPECT_EQ(Cover("[ipv4-addr:value ISSUPERSET '198.51.100.0/24']"), Atoms({"ipv4-addr:*"}));
}

TEST(PatternCover, MatchesFilesTheRegex) {
  EXPECT_EQ(Cover("[url:value MATCHES '^https?://']"), Atoms({"url:value MATCHES '^https?://'"}));
  EXPECT_EQ(Cover("[url:value NOT MATCHES '^https?://']"), Atoms({"url:*"}));
  EXPECT_EQ(Cover("[artifact:payload_bin MATCHES 'MZ']"), Atoms({"artifact:*"}));
}

TEST(PatternCover, OtherComparisonsFallBackToTheirType) {
  EXPECT_EQ(Cover("[x:n > 5]"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:n != 5]"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:s NOT = 'a']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:s NOT IN ('a', 'b')]"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[EXISTS x:s]"), Atoms({"x:*"}));
  // Literals the matcher reads rather than compares as text.
  EXPECT_EQ(Cover("[x:t = t'2020-01-01T00:00:00Z']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:b = b'AQID']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:h = h'0102']"), Atoms({"x:*"}));
  EXPECT_EQ(Cover("[x:s IN (t'2020-01-01T00:00:00Z', t'2021-01-01T00:00:00Z')]"), Atoms({"x:*"}));
  // The reference reads _hex and _bin properties as bytes, equal to a string literal of those bytes.
  EXPECT_EQ(Cover("[artifact:payload_bin = 'abc']"), Atoms({"artifact:*"}));
  EXPECT_EQ(Cover("[x:key_hex.y = 'abc']"), Atoms({"x:*"}));
}

TEST(PatternCover, AndTakesTheCheapestOperand) {
  EXPECT_EQ(Cover("[file:name LIKE '%.exe' AND file:hashes.MD5 = 'aa']"), Atoms({"file:hashes.MD5='aa'"}));
  EXPECT_EQ(Cover("[file:hashes.MD5 IN ('aa', 'bb') AND file:size = 10]"), Atoms({"file:size=10.000000"}));
  EXPECT_EQ(Cover("[file:name LIKE 'a%' AND file:size > 10]"), Atoms({"file:name LIKE 'a%'"}));
  EXPECT_EQ(Cover("[file:name MATCHES 'a' AND file:size > 10]"), Atoms({"file:name MATCHES 'a'"}));
  EXPECT_EQ(Cover("[file:name != 'a' AND file:size > 10]"), Atoms({"file:*"}));
  // A nested OR with value atoms beats a lone type atom.
  EXPECT_EQ(Cover("[x:a MATCHES 'q' AND (x:b = 1 OR x:c = 2)]"), Atoms({"x:b=1.000000", "x:c=2.000000"}));
}

TEST(PatternCover, OrTakesTheUnion) {
  EXPECT_EQ(Cover("[ipv4-addr:value = '1.1.1.1' OR ipv6-addr:value = '::1']"),
            Atoms({"ipv4-addr:value='1.1.1.1'", "ipv6-addr:value='::1'"}));
  EXPECT_EQ(Cover("[ipv4-addr:value = '1.1.1.1' OR domain-name:value LIKE '%.example']"),
            Atoms({"domain-name:value LIKE '%.example'", "ipv4-addr:value='1.1.1.1'"}));
}

TEST(PatternCover, ObservationOperatorsTakeTheUnionWhateverTheQualifiers) {
  EXPECT_EQ(Cover("[x:a = 'p'] AND [y:b = 'q'] WITHIN 300 SECONDS"), Atoms({"x:a='p'", "y:b='q'"}));
  EXPECT_EQ(Cover("([x:a = 'p'] FOLLOWEDBY [y:b > 'q']) REPEATS 2 TIMES"), Atoms({"x:a='p'", "y:*"}));
  EXPECT_EQ(Cover("[x:a = 'p'] OR [x:a = 'p'] START t'2020-01-01T00:00:00Z' STOP t'2021-01-01T00:00:00Z'"),
            Atoms({"x:a='p'"}));
}

TEST(PatternCover, StepsKeyTellsPathsApart) {
  const auto steps = [](const std::string& text) { return CoverOf(Parsed("[x:" + text + " = 1]"))[0].steps; };
  EXPECT_EQ(StepsKey(steps("a.b")), StepsKey(steps("'a'.'b'")));
  EXPECT_NE(StepsKey(steps("a.b")), StepsKey(steps("'a.b'")));
  EXPECT_NE(StepsKey(steps("a[1]")), StepsKey(steps("a[*]")));
  EXPECT_NE(StepsKey(steps("a[1]")), StepsKey(steps("a[-1]")));
}

// An observed-data in the 2.1 form with `observables`, each a JSON object with an id.
std::string Observation(const std::vector<std::string>& observables) {
  std::string refs;
  std::string objects;
  for (const std::string& observable : observables) {
    const size_t id_at = observable.find("\"id\": \"") + 7;
    const std::string id = observable.substr(id_at, observable.find('"', id_at) - id_at);
    refs += (refs.empty() ? "\"" : ", \"") + id + "\"";
    objects += ", " + observable;
  }
  return R"([{"type": "observed-data", "id": "observed-data--1", "number_observed": 1,
             "first_observed": "2020-01-01T00:00:00Z", "last_observed": "2020-01-01T00:00:00Z",
             "object_refs": [)" + refs + "]}" + objects + "]";
}

class IndicatorIndexTest : public ::testing::Test {
 protected:
  void File(IndicatorIndex::Handle handle, const std::string& text) { index_.Add(handle, Parsed(text)); }

  std::vector<IndicatorIndex::Handle> CandidatesOf(const std::vector<std::string>& observables) {
    ObservationSet set;
    const Status added = set.AddJson(Observation(observables));
    EXPECT_TRUE(added.ok()) << added.ToString();
    std::vector<IndicatorIndex::Handle> out;
    index_.Candidates(set, 0, &out);
    std::sort(out.begin(), out.end());
    return out;
  }

  IndicatorIndex index_;
};

using Handles = std::vector<IndicatorIndex::Handle>;

TEST_F(IndicatorIndexTest, FindsPatternsByTheValuesObservablesHold) {
  File(1, "[ipv4-addr:value = '198.51.100.7']");
  File(2, "[ipv4-addr:value = '198.51.100.8']");
  File(3, "[domain-name:value = '198.51.100.7']");
  File(4, "[x-kenes-phone-number:value IN ('+77011234567', '+77011234568')]");
  EXPECT_EQ(CandidatesOf({R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "198.51.100.7"})"}), Handles({1}));
  EXPECT_EQ(CandidatesOf({R"({"type": "x-kenes-phone-number", "id": "x-kenes-phone-number--1", "value": "+77011234568"})",
                          R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "198.51.100.8"})"}),
            Handles({2, 4}));
  EXPECT_EQ(CandidatesOf({R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "203.0.113.1"})"}), Handles({}));
  EXPECT_EQ(index_.size(), 4u);
  EXPECT_EQ(index_.unindexed_size(), 0u);
}

TEST_F(IndicatorIndexTest, ComparesNumbersByValue) {
  File(1, "[network-traffic:dst_port = 443]");
  File(2, "[network-traffic:dst_port = 80.0]");
  EXPECT_EQ(CandidatesOf({R"({"type": "network-traffic", "id": "network-traffic--1", "dst_port": 443.0})"}), Handles({1}));
  EXPECT_EQ(CandidatesOf({R"({"type": "network-traffic", "id": "network-traffic--1", "dst_port": 80})"}), Handles({2}));
  EXPECT_EQ(CandidatesOf({R"({"type": "network-traffic", "id": "network-traffic--1", "dst_port": "80"})"}), Handles({}));
}

TEST_F(IndicatorIndexTest, FollowsReferencesAndLists) {
  File(1, "[network-traffic:dst_ref.value = '203.0.113.1']");
  File(2, "[email-message:to_refs[*].value = 'a@example.com']");
  File(3, "[x-thing:names[*] = 'n2']");
  EXPECT_EQ(CandidatesOf({R"({"type": "network-traffic", "id": "network-traffic--1", "dst_ref": "ipv4-addr--9"})",
                          R"({"type": "ipv4-addr", "id": "ipv4-addr--9", "value": "203.0.113.1"})"}),
            Handles({1}));
  EXPECT_EQ(CandidatesOf({R"({"type": "email-message", "id": "email-message--1", "to_refs": ["email-addr--1", "email-addr--2"]})",
                          R"({"type": "email-addr", "id": "email-addr--1", "value": "b@example.com"})",
                          R"({"type": "email-addr", "id": "email-addr--2", "value": "a@example.com"})"}),
            Handles({2}));
  EXPECT_EQ(CandidatesOf({R"({"type": "x-thing", "id": "x-thing--1", "names": ["n1", "n2"]})"}), Handles({3}));
  // A reference the set cannot resolve selects nothing.
  EXPECT_EQ(CandidatesOf({R"({"type": "network-traffic", "id": "network-traffic--1", "dst_ref": "ipv4-addr--404"})"}),
            Handles({}));
}

TEST_F(IndicatorIndexTest, FindsLikePatternsByTheirFixedEnds) {
  File(1, "[domain-name:value LIKE '%.evil.example']");
  File(2, "[domain-name:value LIKE 'mail.%']");
  File(3, "[domain-name:value LIKE 'mail.%.example']");
  const auto domain = [](const std::string& value) {
    return R"({"type": "domain-name", "id": "domain-name--1", "value": ")" + value + R"("})";
  };
  // The third is filed under its longer end, '.example'.
  EXPECT_EQ(CandidatesOf({domain("a.evil.example")}), Handles({1, 3}));
  EXPECT_EQ(CandidatesOf({domain("mail.evil.example")}), Handles({1, 2, 3}));
  EXPECT_EQ(CandidatesOf({domain("mail.evil.org")}), Handles({2}));
  EXPECT_EQ(CandidatesOf({domain("evil.example")}), Handles({3}));
  EXPECT_EQ(CandidatesOf({domain("a.example.org")}), Handles({}));
  // Python's '$' ends LIKE: a final newline is allowed.
  EXPECT_EQ(CandidatesOf({domain("a.evil.example\\n")}), Handles({1, 3}));
  // Text beyond ASCII may change in NFC: every LIKE on the path is evaluated.
  EXPECT_EQ(CandidatesOf({domain("caf\\u00e9.org")}), Handles({1, 2, 3}));
}

TEST_F(IndicatorIndexTest, FindsSubsetPatternsByTheBlocksHoldingTheAddress) {
  File(1, "[ipv4-addr:value ISSUBSET '10.0.0.0/8']");
  File(2, "[ipv4-addr:value ISSUBSET '10.1.2.0/24']");
  File(3, "[ipv4-addr:value ISSUBSET '10.1.2.128/25']");
  File(4, "[ipv6-addr:value ISSUBSET '2001:db8::/32']");
  const auto address = [](const std::string& type, const std::string& value) {
    return R"({"type": ")" + type + R"(", "id": "x--1", "value": ")" + value + R"("})";
  };
  EXPECT_EQ(CandidatesOf({address("ipv4-addr", "10.1.2.3")}), Handles({1, 2}));
  EXPECT_EQ(CandidatesOf({address("ipv4-addr", "10.1.2.200")}), Handles({1, 2, 3}));
  EXPECT_EQ(CandidatesOf({address("ipv4-addr", "10.1.0.0/16")}), Handles({1}));
  EXPECT_EQ(CandidatesOf({address("ipv4-addr", "11.1.2.3")}), Handles({}));
  // Read as the matcher reads it (inet_aton): 10.258 is 10.0.1.2.
  EXPECT_EQ(CandidatesOf({address("ipv4-addr", "10.258")}), Handles({1}));
  // What the matcher cannot read makes it err: every ISSUBSET on the path is evaluated.
  EXPECT_EQ(CandidatesOf({address("ipv4-addr", "not an address")}), Handles({1, 2, 3}));
  EXPECT_EQ(CandidatesOf({address("ipv6-addr", "2001:db8:1::5")}), Handles({4}));
  EXPECT_EQ(CandidatesOf({address("ipv6-addr", "2001:db9::5")}), Handles({}));
}

TEST_F(IndicatorIndexTest, FindsMatchesPatternsByTheLiteralsTheirRegexesNeed) {
  File(1, "[url:value MATCHES '^https://[a-z]+\\\\.evil\\\\.example/']");
  File(2, "[url:value MATCHES 'login|signin']");
  File(3, "[url:value MATCHES '.*']");
  const auto url = [](const std::string& value) { return R"({"type": "url", "id": "url--1", "value": )" + value + "}"; };
  EXPECT_EQ(CandidatesOf({url(R"("https://a.evil.example/x")")}), Handles({1, 3}));
  // Literals are looked for in lower case: the matcher decides case.
  EXPECT_EQ(CandidatesOf({url(R"("https://a.good.example/LOGIN")")}), Handles({2, 3}));
  EXPECT_EQ(CandidatesOf({url(R"("https://a.good.example/")")}), Handles({3}));
  // Text beyond ASCII may change in NFC: every regex on the path is evaluated.
  EXPECT_EQ(CandidatesOf({url(R"("https://caf\u00e9.example/")")}), Handles({1, 2, 3}));
  EXPECT_EQ(CandidatesOf({url("5")}), Handles({}));
  // Two regexes of one pattern on one path go together.
  File(4, "[url:value MATCHES 'signin' OR url:value MATCHES 'evil']");
  EXPECT_EQ(CandidatesOf({url(R"("https://a.evil.example/signin")")}), Handles({1, 2, 3, 4}));
  index_.Remove(4);
  index_.Remove(3);
  EXPECT_EQ(CandidatesOf({url(R"("https://a.evil.example/signin")")}), Handles({1, 2}));
  index_.Remove(1);
  index_.Remove(2);
  EXPECT_EQ(CandidatesOf({url(R"("https://a.evil.example/signin")")}), Handles({}));
}

TEST_F(IndicatorIndexTest, PatternsWithoutFinerAtomsAreCandidatesForTheirTypesOnly) {
  File(1, "[domain-name:value > 'a']");
  File(2, "[ipv4-addr:value NOT ISSUBSET '198.51.100.0/24' OR domain-name:value = 'a.example']");
  File(3, "[ipv4-addr:value = '198.51.100.7']");
  EXPECT_EQ(index_.unindexed_size(), 2u);
  EXPECT_EQ(CandidatesOf({R"({"type": "domain-name", "id": "domain-name--1", "value": "b.example"})"}), Handles({1}));
  EXPECT_EQ(CandidatesOf({R"({"type": "domain-name", "id": "domain-name--1", "value": "a.example"})",
                          R"({"type": "domain-name", "id": "domain-name--2", "value": "c.example"})"}),
            Handles({1, 2}));
  EXPECT_EQ(CandidatesOf({R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "198.51.100.7"})"}), Handles({2, 3}));
  EXPECT_EQ(CandidatesOf({R"({"type": "file", "id": "file--1", "name": "a.example"})"}), Handles({}));
}

TEST_F(IndicatorIndexTest, ListsEachCandidateOnce) {
  File(7, "[ipv4-addr:value = '1.1.1.1' OR ipv4-addr:value = '2.2.2.2'] AND [ipv4-addr:value = '1.1.1.1']");
  File(8, "[ipv4-addr:value MATCHES '^1']");
  EXPECT_EQ(CandidatesOf({R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "1.1.1.1"})",
                          R"({"type": "ipv4-addr", "id": "ipv4-addr--2", "value": "2.2.2.2"})",
                          R"({"type": "ipv4-addr", "id": "ipv4-addr--3", "value": "1.1.1.1"})"}),
            Handles({7, 8}));
}

TEST_F(IndicatorIndexTest, RemovedPatternsAreNoLongerCandidates) {
  File(1, "[ipv4-addr:value = '1.1.1.1']");
  File(2, "[ipv4-addr:value = '1.1.1.1' OR domain-name:value MATCHES 'example']");
  File(3, "[ipv4-addr:value = '1.1.1.1']");
  File(4, "[domain-name:value LIKE '%.example' OR ipv4-addr:value ISSUBSET '1.0.0.0/8']");
  const std::string ip = R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "1.1.1.1"})";
  const std::string domain = R"({"type": "domain-name", "id": "domain-name--1", "value": "b.example"})";
  const size_t memory_with_four = index_.MemoryBytes();
  EXPECT_EQ(CandidatesOf({ip}), Handles({1, 2, 3, 4}));
  index_.Remove(4);
  index_.Remove(1);
  EXPECT_EQ(CandidatesOf({ip}), Handles({2, 3}));
  index_.Remove(2);
  index_.Remove(2);
  index_.Remove(99);
  EXPECT_EQ(CandidatesOf({ip, domain}), Handles({3}));
  EXPECT_EQ(index_.size(), 1u);
  EXPECT_EQ(index_.unindexed_size(), 0u);
  EXPECT_LT(index_.MemoryBytes(), memory_with_four);
  index_.Remove(3);
  EXPECT_EQ(CandidatesOf({ip, domain}), Handles({}));
  // A handle may be filed again once removed.
  File(1, "[domain-name:value = 'b.example']");
  EXPECT_EQ(CandidatesOf({ip, domain}), Handles({1}));
}

// Candidates is const and runs on many threads at once, also the first time after changes, when
// a path's regex filter is rebuilt.
TEST_F(IndicatorIndexTest, ListsCandidatesOnManyThreadsAtOnce) {
  for (IndicatorIndex::Handle handle = 0; handle < 50; ++handle) {
    File(handle, "[url:value MATCHES 'evil" + std::to_string(handle) + "\\\\.example']");
  }
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(Observation({R"({"type": "url", "id": "url--1", "value": "https://evil7.example/"})"})).ok());
  std::vector<std::vector<IndicatorIndex::Handle>> found(4);
  std::vector<std::thread> threads;
  for (auto& out : found) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        out.clear();
        index_.Candidates(set, 0, &out);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& out : found) EXPECT_EQ(out, Handles({7}));
}

TEST_F(IndicatorIndexTest, KeepsWhatTheCallerAlreadyHasInOut) {
  File(1, "[ipv4-addr:value = '1.1.1.1']");
  ObservationSet set;
  ASSERT_TRUE(set.AddJson(Observation({R"({"type": "ipv4-addr", "id": "ipv4-addr--1", "value": "1.1.1.1"})"})).ok());
  std::vector<IndicatorIndex::Handle> out = {9, 1};
  index_.Candidates(set, 0, &out);
  EXPECT_EQ(out, Handles({9, 1, 1}));
}

// Random adds and removes against a std::map model: backward-shift deletion must never hide a key
// behind a hole, and growing must keep every entry.
TEST(ValueTable, AgreesWithAMapThroughAddsAndRemoves) {
  std::mt19937 random(5);
  ValueTable table;
  std::map<std::string, std::set<ValueTable::Handle>> model;
  std::map<std::pair<std::string, ValueTable::Handle>, uint32_t> entries;
  for (int step = 0; step < 20000; ++step) {
    const std::string key = "k" + std::to_string(random() % 500);
    const ValueTable::Handle handle = random() % 4;
    if (model[key].count(handle) == 0 && random() % 3 != 0) {
      entries[{key, handle}] = table.Add(key, handle);
      model[key].insert(handle);
    } else if (model[key].count(handle) != 0) {
      table.Remove(entries[{key, handle}], handle);
      model[key].erase(handle);
    }
    if (step % 1000 != 999) continue;
    size_t keys = 0;
    for (int k = 0; k < 520; ++k) {
      const std::string probe = "k" + std::to_string(k);
      std::vector<ValueTable::Handle> found;
      const bool any = table.AppendHandles(probe, &found);
      const std::set<ValueTable::Handle>& expected = model[probe];
      EXPECT_EQ(any, !expected.empty()) << probe;
      EXPECT_EQ(std::set<ValueTable::Handle>(found.begin(), found.end()), expected) << probe;
      EXPECT_EQ(found.size(), expected.size()) << probe;
      keys += expected.empty() ? 0 : 1;
    }
    EXPECT_EQ(table.size(), keys);
  }
}

}  // namespace
}  // namespace kenes::pattern
