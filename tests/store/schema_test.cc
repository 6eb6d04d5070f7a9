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
  std::unique_ptr<Connection> Raw() {
    Result<std::unique_ptr<Connection>> connection =
        Connection::Open(path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
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
