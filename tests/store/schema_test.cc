// Schema versions: migrating an older database, refusing a newer or foreign one.
#include "store/sqlite/schema.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/sqlite/connection.h"
#include "store/sqlite/id_hash.h"
#include "store_fixture.h"

namespace kenes::store {
namespace {

using sqlite::Connection;

class SchemaTest : public StoreFixture {
 protected:
  // The store's database, or with `index` its index database.
  std::unique_ptr<Connection> Raw(bool index = false) {
    Result<std::unique_ptr<Connection>> connection = Connection::Open(
        index ? path().parent_path() / "kenes-index.db" : path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    EXPECT_TRUE(connection.ok()) << connection.status().ToString();
    return std::move(connection).value();
  }

  int64_t UserVersion() {
    auto connection = Raw();
    Result<sqlite::Statement> statement = connection->Prepare("PRAGMA user_version");
    EXPECT_TRUE(statement.ok() && statement->Step().ok());
    return statement->Int(0);
  }
};

TEST_F(SchemaTest, MigratesAFirstReleaseDatabaseWithItsData) {
  {
    auto connection = Raw();
    ASSERT_TRUE(sqlite::Migrate(*connection, 1).ok());
    // Two versions of one indicator, as release 1 wrote them.
    const std::string id = TestId("indicator", 1);
    ASSERT_TRUE(connection
                    ->Execute(fmt::format(
                        "INSERT INTO types VALUES (1, 'indicator');"
                        "INSERT INTO versions VALUES (1000, {0}, 10, 0, 0, 1, NULL, 0, '{1}', '2.1', NULL, '{{\"v\":1}}');"
                        "INSERT INTO versions VALUES (2000, {0}, 20, 0, 0, 1, NULL, 0, '{1}', '2.1', NULL, '{{\"v\":2}}');"
                        "INSERT INTO ids VALUES ({0}, 1000);"
                        "INSERT INTO recent_ids VALUES ({0}, 2000);",
                        sqlite::IdHash(id), id))
                    .ok());
  }
  EXPECT_EQ(UserVersion(), 1);

  auto store = Open();
  ASSERT_NE(store, nullptr);
  Result<Counts> counts = store->Count();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->versions, 2);
  EXPECT_EQ(counts->objects, 1);
  EXPECT_EQ(store->Latest(TestId("indicator", 1))->json, "{\"v\":2}");
  // Versions from before access labels are seen by their author only (here: none).
  Viewer anyone{"identity--a", {{1, 0xffff, ""}, {2, 0xffff, ""}}};
  EXPECT_EQ(store->Latest(TestId("indicator", 1), &anyone).status().code(), StatusCode::kNotFound);
  // New writes continue after the migrated data, counters included.
  auto results = PutAll(*store, {MakeSdo(TestId("indicator", 1), TestTime(0, 30))});
  EXPECT_EQ(results[0].outcome, WriteOutcome::kStored);
  EXPECT_EQ(store->Count()->versions, 3);
  store.reset();
  EXPECT_EQ(UserVersion(), sqlite::kLatestSchemaVersion);
}

// Step 4 indexes the references and the text of the versions already stored.
TEST_F(SchemaTest, MigratingAStepThreeDatabaseIndexesItsReferencesAndText) {
  const std::string relationship = TestId("relationship", 1);
  const std::string malware = TestId("malware", 1);
  {
    auto connection = Raw();
    ASSERT_TRUE(sqlite::Migrate(*connection, 3).ok());
    struct Row {
      int64_t date_added;
      std::string id;
      int type_id;
      int seconds;
      std::string properties;
    };
    const std::vector<Row> rows = {
        {1000, relationship, 1, 1,
         fmt::format(R"("name":"Smuggling link","source_ref":"{}","target_ref":"{}")", TestId("indicator", 1), malware)},
        {2000, malware, 2, 1, R"("name":"Opium","aliases":["Poppy"])"},
        {3000, relationship, 1, 2,
         fmt::format(R"("description":"Trafficking link","source_ref":"{}","target_ref":"{}")", TestId("indicator", 1),
                     TestId("malware", 2))},
    };
    std::string sql =
        "INSERT INTO types VALUES (1, 'relationship'), (2, 'malware');"
        "INSERT INTO type_counts VALUES (1, 2, 1), (2, 1, 1);";
    for (const Row& row : rows) {
      sql += fmt::format(
          "INSERT INTO versions (date_added, id_hash, version_seconds, version_nanos, version_digits, type_id, "
          "revoked, id, spec_version, json) VALUES ({0}, {1}, {2}, 0, 3, {3}, 0, '{4}', '2.1', '{{\"id\":\"{4}\",{5}}}');"
          "INSERT INTO recent_ids VALUES ({1}, {0});",
          row.date_added, sqlite::IdHash(row.id), TestTime(row.seconds).seconds, row.type_id, row.id, row.properties);
    }
    ASSERT_TRUE(connection->Execute(sql).ok()) << sql;
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  auto names = [&](ListQuery query) { return ListNames(*store, query); };
  ListQuery search;
  search.text = "trafficking";
  EXPECT_EQ(names(search), std::vector{VersionName("relationship", 1, 2)});
  search.text = "smuggling";
  EXPECT_TRUE(names(search).empty());  // no longer the latest
  search.text = "poppy";
  EXPECT_EQ(names(search), std::vector{VersionName("malware", 1, 1)});
  auto referenced_by = [&](const std::string& id) {
    std::vector<std::string> found;
    Result<std::vector<StoredVersion>> versions = store->ReferencedBy(id, nullptr, 10);
    EXPECT_TRUE(versions.ok()) << versions.status().ToString();
    for (const StoredVersion& version : versions.value()) found.push_back(VersionName(version));
    return found;
  };
  EXPECT_EQ(referenced_by(TestId("malware", 2)), std::vector{VersionName("relationship", 1, 2)});
  EXPECT_EQ(referenced_by(TestId("indicator", 1)), std::vector{VersionName("relationship", 1, 2)});
  EXPECT_TRUE(referenced_by(malware).empty());

  // What the migration indexed, Delete removes.
  ASSERT_EQ(store->Delete(relationship, {}, {}, nullptr).value(), 2u);
  search.text = "trafficking";
  EXPECT_TRUE(names(search).empty());
  EXPECT_TRUE(referenced_by(TestId("indicator", 1)).empty());
  EXPECT_EQ(store->Count()->versions, 1);
  store.reset();
  auto connection = Raw(/*index=*/true);
  EXPECT_TRUE(connection->Execute("INSERT INTO search_texts (search_texts) VALUES ('integrity-check')").ok());
  Result<sqlite::Statement> leftovers =
      connection->Prepare("SELECT (SELECT count(*) FROM refs) + (SELECT count(*) FROM recent_refs)");
  ASSERT_TRUE(leftovers.ok() && leftovers->Step().ok());
  EXPECT_EQ(leftovers->Int(0), 0);
}

// The index database holds only what the versions say: without it, or
// behind them, the store indexes what it lacks when it opens.
TEST_F(SchemaTest, AMissingIndexDatabaseIsRebuilt) {
  const std::string relationship = TestId("relationship", 1);
  PutAll(*Open(), {MakeSdo(relationship, TestTime(1),
                           fmt::format(R"(,"name":"Border crossing","target_ref":"{}")", TestId("malware", 1)))});
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path().parent_path() / (std::string("kenes-index.db") + suffix));
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ListQuery search;
  search.text = "border";
  EXPECT_EQ(ListNames(*store, search), std::vector{VersionName("relationship", 1, 1)});
  Result<std::vector<StoredVersion>> referrers = store->ReferencedBy(TestId("malware", 1), nullptr, 10);
  ASSERT_TRUE(referrers.ok()) << referrers.status().ToString();
  EXPECT_EQ(referrers->size(), 1u);
}

TEST_F(SchemaTest, RefusesAnIndexDatabaseOfAnotherKind) {
  Open().reset();
  ASSERT_TRUE(Raw(/*index=*/true)->Execute("PRAGMA application_id = 1").ok());
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SchemaTest, RefusesADatabaseFromANewerRelease) {
  Open().reset();
  ASSERT_TRUE(Raw()->Execute(fmt::format("PRAGMA user_version = {}", sqlite::kLatestSchemaVersion + 1)).ok());
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos) << store.status().ToString();
}

TEST_F(SchemaTest, RefusesADatabaseThatIsNotAKenesStore) {
  ASSERT_TRUE(Raw()->Execute("CREATE TABLE accounts(name TEXT)").ok());
  Result<std::unique_ptr<Store>> store = OpenSqliteStore(path());
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SchemaTest, ReopeningDoesNotMigrateAgain) {
  PutAll(*Open(), {MakeSdo(TestId("indicator", 1), TestTime(1))});
  auto store = Open();
  EXPECT_EQ(store->Count()->versions, 1);
}

}  // namespace
}  // namespace kenes::store
