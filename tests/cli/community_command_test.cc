// End-to-end tests of the community commands of the `kenes` binary: init
// founds the community, --as acts as a user, roles limit what each may do,
// keys are shown once, and `audit verify` catches a tampered log.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "kenes_process_fixture.h"

namespace {

namespace fs = std::filesystem;

using CommunityCommand = kenes::cli::KenesProcessTest;
using Ran = kenes::cli::Outcome;

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_F(CommunityCommand, InitFoundsTheDefaultCommunityWithTheDemoIdentities) {
  Ran init = Kenes("init");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_TRUE(Has(init.out, "10 organisations")) << init.out;
  Ran list = Kenes("org list");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  for (const char* row : {"KZ         member   KZ", "UZ         member   UZ", "GCC        partner  -",
                          "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b"}) {
    EXPECT_TRUE(Has(list.out, row)) << row << "\n" << list.out;
  }
  // The identities travel: they are in the store, with the extension that defines their attributes.
  Ran identity = Kenes("get identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b");
  EXPECT_TRUE(Has(identity.out, R"("standing":"member","country":"KZ")")) << identity.out << identity.err;
  EXPECT_EQ(Kenes("get extension-definition--96ad16cf-d4d4-4c75-b8c3-575b766d6542").exit_code, 0);
  Ran again = Kenes("init");
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Has(again.out, "Kept the existing community")) << again.out;
}

TEST_F(CommunityCommand, InitCanFoundAnotherCommunityFromAFile) {
  std::ofstream(dir_ / "community.json")
      << R"({"organisations":[{"code":"NO","name":"Nordic council","standing":"member","country":"NO"},)"
         R"({"code":"NO-CERT","name":"Nordic CERT","standing":"member","country":"NO","parent":"NO"}]})";
  Ran init = Kenes("init --community " + (dir_ / "community.json").string());
  ASSERT_EQ(init.exit_code, 0) << init.err;
  Ran list = Kenes("org list");
  EXPECT_TRUE(Has(list.out, "NO-CERT    member   NO      NO")) << list.out;
  EXPECT_FALSE(Has(list.out, "KZ")) << list.out;

  std::ofstream(dir_ / "bad.json") << R"({"organisations":[{"code":"NO","name":"x","standing":"observer"}]})";
  fs::remove_all(dir_ / "data");
  Ran bad = Kenes("init --community " + (dir_ / "bad.json").string());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(Has(bad.err, "standing must be")) << bad.err;
}

TEST_F(CommunityCommand, ActingAsAUserFollowsItsRole) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  ASSERT_EQ(Kenes("user add aigerim --org KZ --role org-admin").exit_code, 0);
  Ran whoami = Kenes("--as aigerim whoami");
  EXPECT_EQ(whoami.out, "aigerim of KZ (org-admin)\n") << whoami.err;
  EXPECT_EQ(Kenes("whoami").out, "the node operator (admin)\n");

  EXPECT_EQ(Kenes("--as aigerim user add bolat --org KZ --role analyst").exit_code, 0);
  Ran foreign = Kenes("--as aigerim user add chen --org CN --role analyst");
  EXPECT_EQ(foreign.exit_code, 1);
  EXPECT_TRUE(Has(foreign.err, "own organisation")) << foreign.err;
  Ran escalate = Kenes("--as aigerim user add root2 --org KZ --role admin");
  EXPECT_EQ(escalate.exit_code, 1);
  Ran org = Kenes("--as aigerim org add KZ-X --name X --standing member");
  EXPECT_EQ(org.exit_code, 1);
  EXPECT_TRUE(Has(org.err, "only an admin")) << org.err;
  EXPECT_EQ(Kenes("--as aigerim audit verify").exit_code, 1);

  Ran users = Kenes("user list");
  EXPECT_TRUE(Has(users.out, "aigerim                  KZ         org-admin  active")) << users.out;
  EXPECT_TRUE(Has(users.out, "bolat                    KZ         analyst    active")) << users.out;
  EXPECT_EQ(Kenes("--as bolat user list").exit_code, 1);

  Ran unknown = Kenes("--as nobody stats");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_TRUE(Has(unknown.err, "cannot act as 'nobody': no user 'nobody'")) << unknown.err;
  ASSERT_EQ(Kenes("user disable bolat").exit_code, 0);
  Ran disabled = Kenes("--as bolat export");
  EXPECT_EQ(disabled.exit_code, 2);
  EXPECT_TRUE(Has(disabled.err, "user bolat is disabled")) << disabled.err;
}

TEST_F(CommunityCommand, KeysAreShownOnceListedAndRevoked) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  ASSERT_EQ(Kenes("user add dana --org TJ --role analyst").exit_code, 0);
  Ran created = Kenes("--as dana key create dana --expires 30d --label laptop");
  ASSERT_EQ(created.exit_code, 0) << created.err;
  ASSERT_TRUE(created.out.starts_with("kenes_")) << created.out;
  std::string key_id = created.out.substr(6, 16);
  Ran list = Kenes("--as dana key list");
  EXPECT_TRUE(Has(list.out, key_id)) << list.out;
  EXPECT_TRUE(Has(list.out, "active   laptop")) << list.out;
  EXPECT_FALSE(Has(list.out, created.out.substr(23, 20))) << "the secret must never be listed";
  EXPECT_EQ(Kenes("key create dana --expires yesterday").exit_code, 1);
  EXPECT_EQ(Kenes("--as dana key revoke " + key_id).exit_code, 0);
  EXPECT_TRUE(Has(Kenes("key list").out, "revoked"));
}

TEST_F(CommunityCommand, SharingGroupsBelongToAnOrganisation) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  ASSERT_EQ(Kenes("user add kz-admin --org KZ --role org-admin").exit_code, 0);
  ASSERT_EQ(Kenes("user add kg-admin --org KG --role org-admin").exit_code, 0);
  ASSERT_EQ(Kenes("--as kz-admin group add panj-border").exit_code, 0);
  ASSERT_EQ(Kenes("--as kz-admin group add-member panj-border TJ").exit_code, 0);
  EXPECT_EQ(Kenes("--as kg-admin group add-member panj-border KG").exit_code, 1);
  EXPECT_TRUE(Has(Kenes("--as kz-admin group list").out, "panj-border"));
  EXPECT_FALSE(Has(Kenes("--as kg-admin group list").out, "panj-border"));
  EXPECT_EQ(Kenes("group add no-owner").exit_code, 1);  // the operator belongs to no organisation
}

TEST_F(CommunityCommand, AuditShowFiltersAndVerifyCatchesTampering) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  ASSERT_EQ(Kenes("user add erlan --org KZ --role reader").exit_code, 0);
  ASSERT_EQ(Kenes("user add farida --org KG --role reader").exit_code, 0);
  Ran shown = Kenes("audit show --action user.");
  EXPECT_TRUE(Has(shown.out, "user.add erlan ok")) << shown.out;
  EXPECT_TRUE(Has(shown.out, "user.add farida ok")) << shown.out;
  EXPECT_FALSE(Has(shown.out, "community.found")) << shown.out;
  EXPECT_EQ(Kenes("audit show --since tomorrow").exit_code, 1);
  Ran intact = Kenes("audit verify");
  EXPECT_EQ(intact.exit_code, 0) << intact.out << intact.err;
  EXPECT_TRUE(Has(intact.out, "audit log intact: 3 entries")) << intact.out;

  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "data" / "community.db").c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db,
                         "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET target = 'someone' "
                         "WHERE sequence = 2",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  Ran broken = Kenes("audit verify");
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_TRUE(Has(broken.out, "BROKEN at entry 2")) << broken.out;
}

TEST_F(CommunityCommand, BadInputIsRefusedClearly) {
  ASSERT_EQ(Kenes("init").exit_code, 0);
  struct Case {
    std::string args;
    int exit_code;
    std::string message;
  };
  const Case cases[] = {
      {"org add KZ2 --name X --standing observer", 1, "--standing must be member or partner"},
      {"org add KZ2 --name X --standing member --country XYZ", 1, "not an ISO 3166-1 alpha-2"},
      {"org add KZ2 --name X --standing member --parent NOPE", 1, "no organisation 'NOPE'"},
      {"org set KZ --parent KZ", 1, "cycle"},
      {"user add x --org KZ --role boss", 1, "--role must be"},
      {"user add x --org KZ --role reader --password-stdin", 1, "at least 12 characters"},
      {"key revoke 0000000000000000", 1, "no API key"},
      {"user disable nobody", 1, "no user 'nobody'"},
      {"org", 2, ""},
  };
  for (const Case& test : cases) {
    Ran run = Kenes(test.args, "short\n");
    EXPECT_EQ(run.exit_code, test.exit_code) << test.args << "\n" << run.err;
    EXPECT_TRUE(Has(run.err, test.message)) << test.args << "\n" << run.err;
  }
}

}  // namespace
