// `kenes pattern check` and `kenes pattern match` as scripts use them: exit codes, the ids printed,
// and errors that say what is wrong.
#include <gtest/gtest.h>

#include "kenes_process_fixture.h"

namespace kenes::cli {
namespace {

class PatternCommand : public KenesProcessTest {};

// Two observations in the STIX 2.1 form: a bundle with observed-data and the objects it references.
constexpr char kBundle[] = R"({"type": "bundle", "id": "bundle--9a6c1c4e-3a2e-4e8e-9d0a-6f3f2c1b0a01", "objects": [
  {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e01",
   "created": "2026-05-01T10:00:00.000Z", "modified": "2026-05-01T10:00:00.000Z",
   "first_observed": "2026-05-01T09:00:00Z", "last_observed": "2026-05-01T09:05:00Z", "number_observed": 1,
   "object_refs": ["ipv4-addr--4b2c7b4e-1f0a-5e6b-8c9d-0e1f2a3b4c01"]},
  {"type": "ipv4-addr", "spec_version": "2.1", "id": "ipv4-addr--4b2c7b4e-1f0a-5e6b-8c9d-0e1f2a3b4c01", "value": "203.0.113.7"},
  {"type": "observed-data", "spec_version": "2.1", "id": "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e02",
   "created": "2026-05-01T10:00:00.000Z", "modified": "2026-05-01T10:00:00.000Z",
   "first_observed": "2026-05-01T09:10:00Z", "last_observed": "2026-05-01T09:10:00Z", "number_observed": 1,
   "object_refs": ["domain-name--4b2c7b4e-1f0a-5e6b-8c9d-0e1f2a3b4c02"]},
  {"type": "domain-name", "spec_version": "2.1", "id": "domain-name--4b2c7b4e-1f0a-5e6b-8c9d-0e1f2a3b4c02", "value": "courier.example"}
]})";

// The same first observation in the STIX 2.0 form, with embedded objects.
constexpr char kEmbedded[] = R"([{"type": "observed-data", "id": "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e03",
  "created": "2016-05-01T10:00:00.000Z", "modified": "2016-05-01T10:00:00.000Z",
  "first_observed": "2016-05-01T09:00:00Z", "last_observed": "2016-05-01T09:00:00Z", "number_observed": 3,
  "objects": {"0": {"type": "ipv4-addr", "value": "203.0.113.7"}}}])";

TEST_F(PatternCommand, CheckExitsZeroForValidAndOneWithWhereForInvalid) {
  Outcome valid = Kenes("pattern check \"[ipv4-addr:value = '203.0.113.7']\"");
  EXPECT_EQ(valid.exit_code, 0) << valid.err;

  Outcome invalid = Kenes("pattern check \"[ipv4-addr:value = ]\"");
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_NE(invalid.err.find("line 1, column 20"), std::string::npos) << invalid.err;

  // EXISTS came with STIX 2.1; a 2.0 peer's pattern must not use it.
  EXPECT_EQ(Kenes("pattern check \"[EXISTS file:name]\"").exit_code, 0);
  EXPECT_EQ(Kenes("pattern check --stix-version 2.0 \"[EXISTS file:name]\"").exit_code, 1);
}

TEST_F(PatternCommand, MatchPrintsTheMatchingObservedDataIds) {
  const std::string file = File("observations.json", kBundle);
  Outcome one = Kenes("pattern match \"[domain-name:value = 'courier.example']\" " + file);
  EXPECT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e02\n");

  Outcome both = Kenes(
      "pattern match \"[ipv4-addr:value = '203.0.113.7'] FOLLOWEDBY [domain-name:value = 'courier.example']\" " + file);
  EXPECT_EQ(both.exit_code, 0) << both.err;
  EXPECT_EQ(both.out,
            "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e01\n"
            "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e02\n");

  Outcome none = Kenes("pattern match \"[ipv4-addr:value = '198.51.100.1']\" " + file);
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_EQ(none.out, "");
}

TEST_F(PatternCommand, MatchReadsStix20EmbeddedObjectsAndStandardInput) {
  Outcome matched = Kenes(
      "pattern match --stix-version 2.0 \"[ipv4-addr:value = '203.0.113.7'] REPEATS 3 TIMES\" -", kEmbedded);
  EXPECT_EQ(matched.exit_code, 0) << matched.err;
  EXPECT_EQ(matched.out, "observed-data--6f0b5d5e-8c2b-4f3e-9a0e-1a2b3c4d5e03\n");
}

TEST_F(PatternCommand, MatchExitsTwoWhenThePatternOrTheDataIsInError) {
  const std::string file = File("observations.json", kBundle);
  Outcome bad_pattern = Kenes("pattern match \"[ipv4-addr:value = \" " + file);
  EXPECT_EQ(bad_pattern.exit_code, 2);
  EXPECT_NE(bad_pattern.err.find("invalid pattern"), std::string::npos) << bad_pattern.err;

  Outcome bad_json = Kenes("pattern match \"[ipv4-addr:value = '203.0.113.7']\" " + File("bad.json", "{\"type\": "));
  EXPECT_EQ(bad_json.exit_code, 2);
  EXPECT_NE(bad_json.err.find("bad.json"), std::string::npos) << bad_json.err;

  Outcome missing = Kenes("pattern match \"[ipv4-addr:value = '203.0.113.7']\" " + (dir_ / "absent.json").string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;

  // RE2 has no backreferences: refused with a reason, never matched differently.
  Outcome backreference = Kenes("pattern match \"[domain-name:value MATCHES '(a)\\\\1']\" " + file);
  EXPECT_EQ(backreference.exit_code, 2);
  EXPECT_FALSE(backreference.err.empty());
}

}  // namespace
}  // namespace kenes::cli
