// End-to-end tests of the `kenes` binary: real processes, a real data
// directory, exit codes and messages as a person or a script sees them.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <regex>
#include <string>

#include "kenes_process_fixture.h"

namespace {

namespace fs = std::filesystem;

// The first number `stats` prints after `label` ("objects" for the total, or a type name for its row).
long StatsFigure(const std::string& stats, const std::string& pattern) {
  std::smatch match;
  if (!std::regex_search(stats, match, std::regex(pattern))) return -1;
  return std::stol(match[1]);
}

using KenesCommand = kenes::cli::KenesProcessTest;
using kenes::cli::Outcome;

constexpr char kIdentity[] =
    R"({"type":"identity","spec_version":"2.1","id":"identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e4a10",)"
    R"("created":"2026-03-01T08:00:00.000Z","modified":"2026-03-01T08:00:00.000Z",)"
    R"("name":"Security Council of Kazakhstan, synthetic","identity_class":"organization"})";

constexpr char kIdentityV2[] =
    R"({"type":"identity","spec_version":"2.1","id":"identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e4a10",)"
    R"("created":"2026-03-01T08:00:00.000Z","modified":"2026-03-02T08:00:00.000Z",)"
    R"("name":"Security Council of the Republic of Kazakhstan, synthetic","identity_class":"organization"})";

constexpr char kIndicatorBadTime[] =
    R"({"type":"indicator","spec_version":"2.1","id":"indicator--0f7d4c1e-8a3b-4f5e-9d2c-6b1a7e3f9c40",)"
    R"("created":"2026-03-01T08:00:00.000Z","modified":"2026-03-01T08:00:00.000Z",)"
    R"("pattern":"[ipv4-addr:value = '203.0.113.7']","pattern_type":"stix","valid_from":"yesterday"})";

std::string Bundle(std::initializer_list<const char*> objects) {
  std::string bundle = R"({"type":"bundle","id":"bundle--2c6f9a4e-1b7d-4e3a-8f5c-9d0e1a2b3c4d","objects":[)";
  bool first = true;
  for (const char* object : objects) {
    if (!first) bundle += ",\n";
    bundle += object;
    first = false;
  }
  return bundle + "]}";
}

TEST_F(KenesCommand, InitCreatesTheStoreWithTheDefaultCommunity) {
  Outcome init = Kenes("init");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_TRUE(fs::exists(dir_ / "data" / "kenes.db"));
  Outcome stats = Kenes("stats");
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  // The ten organisations of the default community and Kenes' own identity.
  EXPECT_EQ(StatsFigure(stats.out, R"(\nidentity +(\d+))"), 11) << stats.out;
  Outcome again = Kenes("init");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(Kenes("stats").out, stats.out);  // a second init changes nothing
}

TEST_F(KenesCommand, CommandsWithoutAStoreExplainHowToCreateOne) {
  Outcome stats = Kenes("stats");
  EXPECT_EQ(stats.exit_code, 2);
  EXPECT_NE(stats.err.find("kenes init"), std::string::npos) << stats.err;
}

TEST_F(KenesCommand, ImportStoresValidObjectsAndReportsInvalidOnes) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  Outcome import = Kenes("import " + File("feed.json", Bundle({kIdentity, kIndicatorBadTime})));
  EXPECT_EQ(import.exit_code, 1) << import.err;
  EXPECT_NE(import.err.find("indicator--0f7d4c1e-8a3b-4f5e-9d2c-6b1a7e3f9c40"), std::string::npos) << import.err;
  EXPECT_NE(import.err.find("$.valid_from"), std::string::npos) << import.err;
  EXPECT_NE(import.out.find("1 stored"), std::string::npos) << import.out;

  Outcome get = Kenes("get identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e4a10");
  ASSERT_EQ(get.exit_code, 0) << get.err;
  EXPECT_EQ(get.out, std::string(kIdentity) + "\n");  // byte for byte what was sent

  Outcome again = Kenes("import " + File("again.json", kIdentity));
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("1 already stored"), std::string::npos) << again.out;
}

TEST_F(KenesCommand, KeepsEveryVersion) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  ASSERT_EQ(Kenes("import -", std::string(kIdentity) + "\n" + kIdentityV2 + "\n").exit_code, 0);
  Outcome latest = Kenes("get identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e4a10");
  EXPECT_EQ(latest.out, std::string(kIdentityV2) + "\n");
  Outcome first = Kenes("get identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e4a10 --version 2026-03-01T08:00:00Z");
  EXPECT_EQ(first.out, std::string(kIdentity) + "\n") << first.err;
  Outcome all = Kenes("get identity--6a9e4a1c-3f8b-4d2e-9c71-0b5f2d8e4a10 --all-versions");
  EXPECT_EQ(all.out, std::string(kIdentity) + "\n" + kIdentityV2 + "\n");
  Outcome stats = Kenes("stats");
  EXPECT_EQ(StatsFigure(stats.out, R"((\d+) objects)") - StatsFigure(stats.out, R"((\d+) versions)"), -1)
      << "one object with two versions besides the community's single-version identities:\n" << stats.out;
}

TEST_F(KenesCommand, UnknownIdsAndBadInputFailClearly) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  Outcome unknown = Kenes("get identity--00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no object identity--00000000-0000-4000-8000-000000000000"), std::string::npos)
      << unknown.err;
  Outcome missing_file = Kenes("import " + (dir_ / "nope.json").string());
  EXPECT_EQ(missing_file.exit_code, 2);
  EXPECT_NE(missing_file.err.find("cannot open"), std::string::npos) << missing_file.err;
  Outcome malformed = Kenes("import " + File("bad.json", "{\"type\": \"bundle\", \"objects\": [ {"));
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_NE(malformed.err.find("malformed JSON"), std::string::npos) << malformed.err;
  Outcome bad_time = Kenes("export --added-after tomorrow");
  EXPECT_EQ(bad_time.exit_code, 2);
  EXPECT_NE(bad_time.err.find("not a STIX timestamp"), std::string::npos) << bad_time.err;
}

TEST_F(KenesCommand, ValidateStoresNothingAndSetsExitCode) {
  Outcome valid = Kenes("validate " + File("ok.json", kIdentity));
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  Outcome invalid = Kenes("validate " + File("bad.json", Bundle({kIdentity, kIndicatorBadTime})));
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_NE(invalid.out.find("[timestamp"), std::string::npos) << invalid.out;
  EXPECT_FALSE(fs::exists(dir_ / "data"));
}

TEST_F(KenesCommand, ExportWritesABundleFilteredByType) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  ASSERT_EQ(Kenes("import -q -", Kenes("demo").out).exit_code, 0);
  Outcome exported = Kenes("export --type identity");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  simdjson::dom::parser parser;
  simdjson::dom::element bundle;
  ASSERT_EQ(parser.parse(exported.out).get(bundle), simdjson::SUCCESS) << exported.out.substr(0, 500);
  simdjson::dom::array objects;
  ASSERT_EQ(bundle["objects"].get(objects), simdjson::SUCCESS);
  EXPECT_GE(objects.size(), 10u);  // ten council members and partners at least
  for (simdjson::dom::element object : objects) {
    std::string_view type;
    ASSERT_EQ(object["type"].get(type), simdjson::SUCCESS);
    EXPECT_EQ(type, "identity");
  }
}

TEST_F(KenesCommand, DemoDataImportsWithoutErrors) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  Outcome import = Kenes("import -q -", Kenes("demo --count 3000").out);
  EXPECT_EQ(import.exit_code, 0) << import.err.substr(0, 2000);
  EXPECT_EQ(import.err, "");
  EXPECT_NE(import.out.find("imported 3000 objects: 3000 stored"), std::string::npos) << import.out;
}

// The base scenario's courier leads: the same phone (two spellings), wallet (two cases) and person
// (Cyrillic and Latin, either order) from two states each link across the border, and Kazakhstan's
// observation of the phone sights Uzbekistan's indicator.
TEST_F(KenesCommand, DemoDataShowsCrossBorderLinksAndAutomaticSightings) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  Outcome import = Kenes("import -q --distribution community -", Kenes("demo").out);
  EXPECT_EQ(import.exit_code, 0) << import.err.substr(0, 2000);
  EXPECT_NE(import.out.find("cross-border links: 3\n"), std::string::npos) << import.out;
  EXPECT_NE(import.out.find("sightings: 12 new"), std::string::npos) << import.out;
}

TEST_F(KenesCommand, AssignsDeterministicIdsToObservablesWithoutOne) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  std::string input = R"({"type":"ipv4-addr","spec_version":"2.1","value":"198.51.100.3"})";
  Outcome refused = Kenes("import -", input);
  EXPECT_EQ(refused.exit_code, 1);
  Outcome import = Kenes("import --assign-ids -", input + "\n" + input + "\n");
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("1 stored, 1 already stored"), std::string::npos) << import.out;
  Outcome exported = Kenes("export --type ipv4-addr");
  EXPECT_NE(exported.out.find(R"({"id":"ipv4-addr--)"), std::string::npos) << exported.out;
}

TEST_F(KenesCommand, ConfigFileChoosesTheDataDirectory) {
  std::string config = File("kenes.conf", "data_dir = " + (dir_ / "elsewhere").string() + "\n");
  std::string command = std::string(KENES_BINARY) + " --config " + config + " init > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0);
  EXPECT_TRUE(fs::exists(dir_ / "elsewhere" / "kenes.db"));
  std::string bad = File("bad.conf", "data_directory = /tmp\n");
  Outcome outcome = Kenes("--config " + bad + " stats");
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("bad.conf:1: unknown setting 'data_directory'"), std::string::npos) << outcome.err;
}

// The sharing rules as a user of the CLI meets them (--as): the matrix of
// every case is tests/share; this is the path from command to store.
TEST_F(KenesCommand, ActingUsersSeeAndWriteOnlyWhatTheSharingRulesAllow) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  for (const char* user : {"kz-analyst --org KZ --role analyst", "kg-reader --org KG --role reader",
                           "kg-analyst --org KG --role analyst", "eu-reader --org EU --role reader"}) {
    ASSERT_EQ(Kenes(std::string("user add ") + user).exit_code, 0) << user;
  }
  const std::string amber = R"({"type":"indicator","spec_version":"2.1","id":"indicator--3c1e4b2a-9f7d-4e6c-8a5b-1d2e3f4a5b6c",)"
                            R"("created":"2026-03-01T08:00:00.000Z","modified":"2026-03-01T08:00:00.000Z",)"
                            R"("pattern":"[ipv4-addr:value = '203.0.113.9']","pattern_type":"stix",)"
                            R"("valid_from":"2026-03-01T08:00:00Z",)"
                            R"("object_marking_refs":["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"]})";
  const std::string id = "indicator--3c1e4b2a-9f7d-4e6c-8a5b-1d2e3f4a5b6c";
  Outcome written = Kenes("--as kz-analyst import --distribution members -", amber);
  ASSERT_EQ(written.exit_code, 0) << written.err;

  // The node, not the client, sets the author.
  Outcome member = Kenes("--as kg-reader get " + id);
  ASSERT_EQ(member.exit_code, 0) << member.err;
  EXPECT_NE(member.out.find("\"created_by_ref\":\"identity--"), std::string::npos) << member.out;
  // ... and adds the distribution marking next to the TLP one, so the decision travels with the object.
  size_t markings = 0;
  for (size_t at = member.out.find("marking-definition--"); at != std::string::npos;
       at = member.out.find("marking-definition--", at + 1)) {
    ++markings;
  }
  EXPECT_EQ(markings, 2u) << member.out;

  // A partner may not see a members-only object, and cannot tell it from an unknown id.
  Outcome partner = Kenes("--as eu-reader get " + id);
  EXPECT_EQ(partner.exit_code, 1);
  EXPECT_EQ(partner.err, "error: no object " + id + "\n");
  Outcome unknown = Kenes("--as eu-reader get indicator--00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.err, "error: no object indicator--00000000-0000-4000-8000-000000000000\n");
  Outcome partner_export = Kenes("--as eu-reader export --type indicator");
  EXPECT_EQ(partner_export.out.find(id), std::string::npos);
  EXPECT_NE(Kenes("--as kg-reader export --type indicator").out.find(id), std::string::npos);

  // Readers do not write; only the creator versions an object; RED is never for all members.
  Outcome reader_write = Kenes("--as eu-reader import -", amber);
  EXPECT_EQ(reader_write.exit_code, 1);
  EXPECT_NE(reader_write.err.find("may not write"), std::string::npos) << reader_write.err;
  std::string newer = amber;
  newer.replace(newer.find("\"modified\":\"2026-03-01"), 22, "\"modified\":\"2026-03-02");
  Outcome other_org = Kenes("--as kg-analyst import --distribution members -", newer);
  EXPECT_EQ(other_org.exit_code, 1);
  EXPECT_NE(other_org.err.find("only its creator may write new versions"), std::string::npos) << other_org.err;
  std::string red = amber;
  red.replace(red.find("55d920b0-5e8b-4f79-9ee9-91f868d9b421"), 36, "e828b379-4e03-4974-9ac4-e53a884c97c1");
  red.replace(red.find("3c1e4b2a"), 8, "4c1e4b2a");
  Outcome red_to_members = Kenes("--as kz-analyst import --distribution members -", red);
  EXPECT_EQ(red_to_members.exit_code, 1);
  EXPECT_NE(red_to_members.err.find("TLP:RED goes to named recipients only"), std::string::npos) << red_to_members.err;

  // What a user writes without a TLP marking takes the organisation's default.
  ASSERT_EQ(Kenes("org set KZ --default-tlp red").exit_code, 0);
  std::string unmarked = amber;
  unmarked.erase(unmarked.find(",\"object_marking_refs\""), std::string::npos).append("}");
  unmarked.replace(unmarked.find("3c1e4b2a"), 8, "5c1e4b2a");
  Outcome red_by_default = Kenes("--as kz-analyst import --distribution members -", unmarked);
  EXPECT_EQ(red_by_default.exit_code, 1);
  EXPECT_NE(red_by_default.err.find("TLP:RED goes to named recipients only"), std::string::npos) << red_by_default.err;
  EXPECT_EQ(Kenes("--as kz-analyst import --tlp green --distribution members -", unmarked).exit_code, 0);

  // Reads of AMBER objects and every import are in the audit log, with who did them.
  Outcome reads = Kenes("audit show --action object.read");
  EXPECT_NE(reads.out.find("kg-reader KG object.read " + id), std::string::npos) << reads.out;
  EXPECT_EQ(reads.out.find("eu-reader"), std::string::npos) << "nothing was shown to eu-reader:\n" << reads.out;
  Outcome writes = Kenes("audit show --action object.write");
  EXPECT_NE(writes.out.find("kz-analyst KZ object.write"), std::string::npos) << writes.out;
  EXPECT_EQ(Kenes("audit verify").exit_code, 0);

  Outcome nobody = Kenes("--as nobody stats");
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_NE(nobody.err.find("cannot act as 'nobody'"), std::string::npos) << nobody.err;
}

}  // namespace
