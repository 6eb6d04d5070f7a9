// Versions, duplicates, conflicts, revocation and date_added of the SQLite store.
#include <gtest/gtest.h>

#include "store_fixture.h"

namespace kenes::store {
namespace {

std::vector<WriteOutcome> Outcomes(const std::vector<WriteResult>& results) {
  std::vector<WriteOutcome> outcomes;
  for (const WriteResult& result : results) outcomes.push_back(result.outcome);
  return outcomes;
}

using SqliteStoreTest = StoreFixture;

TEST_F(SqliteStoreTest, KeepsEveryVersionAndTheLatestIsTheGreatestModified) {
  auto store = Open();
  const std::string id = TestId("indicator", 1);
  // Out of order on purpose: the latest is decided by modified, not by arrival.
  auto results = PutAll(*store, {MakeSdo(id, TestTime(20)), MakeSdo(id, TestTime(30)), MakeSdo(id, TestTime(10))});
  EXPECT_EQ(Outcomes(results), std::vector<WriteOutcome>(3, WriteOutcome::kStored));

  Result<StoredVersion> latest = store->Latest(id);
  ASSERT_TRUE(latest.ok()) << latest.status().ToString();
  EXPECT_EQ(latest->version, TestTime(30));
  EXPECT_EQ(latest->json, MakeSdo(id, TestTime(30)).json);
  EXPECT_EQ(latest->type, "indicator");

  Result<std::vector<StoredVersion>> versions = store->Versions(id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 3u);
  EXPECT_EQ((*versions)[0].version, TestTime(10));
  EXPECT_EQ((*versions)[1].version, TestTime(20));
  EXPECT_EQ((*versions)[2].version, TestTime(30));

  Result<StoredVersion> middle = store->Version(id, TestTime(20));
  ASSERT_TRUE(middle.ok());
  EXPECT_EQ(middle->json, MakeSdo(id, TestTime(20)).json);
  EXPECT_EQ(middle->date_added, results[0].date_added);
}

TEST_F(SqliteStoreTest, CreatorOfIsTheLatestVersionsAuthorOrNothingForAnUnknownId) {
  auto store = Open();
  const std::string id = TestId("indicator", 7);
  const std::string kz = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";
  const std::string kg = "identity--6e2b1c1e-3d4a-4f5b-8c9d-0e1f2a3b4c5d";
  stix::Object older = MakeSdo(id, TestTime(10), R"(,"created_by_ref":")" + kg + "\"");
  stix::Object newer = MakeSdo(id, TestTime(20), R"(,"created_by_ref":")" + kz + "\"");
  older.created_by_ref = kg;
  newer.created_by_ref = kz;
  PutAll(*store, {newer, older});  // arrival order does not decide: modified does
  EXPECT_EQ(store->CreatorOf(id).value(), std::optional<std::string>(kz));
  const std::string anonymous = TestId("malware", 7);
  PutAll(*store, {MakeSdo(anonymous, TestTime(1))});
  EXPECT_EQ(store->CreatorOf(anonymous).value(), std::optional<std::string>(""));
  EXPECT_EQ(store->CreatorOf(TestId("indicator", 8)).value(), std::nullopt);
}

TEST_F(SqliteStoreTest, AVersionWithSubSecondModifiedIsNewer) {
  auto store = Open();
  const std::string id = TestId("malware", 1);
  PutAll(*store, {MakeSdo(id, TestTime(5)), MakeSdo(id, TestTime(5, 1))});
  // As text "…:05Z" > "…:05.001Z" ('Z' sorts after '.'); as instants it is older.
  EXPECT_EQ(store->Latest(id)->version, TestTime(5, 1));
}

TEST_F(SqliteStoreTest, ResubmittingAVersionIsADuplicateEvenWithOtherPrecision) {
  auto store = Open();
  const std::string id = TestId("indicator", 2);
  stix::Object first = MakeSdo(id, TestTime(1));
  auto stored = PutAll(*store, {first});
  // The same instant written with more digits is the same version; same text: duplicate.
  auto again = PutAll(*store, {first, first});
  EXPECT_EQ(Outcomes(again), (std::vector{WriteOutcome::kDuplicate, WriteOutcome::kDuplicate}));
  EXPECT_EQ(again[0].date_added, stored[0].date_added);

  Timestamp precise = TestTime(1);
  precise.fraction_digits = 6;
  auto other_text = PutAll(*store, {MakeSdo(id, precise)});
  EXPECT_EQ(other_text[0].outcome, WriteOutcome::kConflict);
  EXPECT_FALSE(other_text[0].message.empty());

  EXPECT_EQ(store->Versions(id)->size(), 1u);
  EXPECT_EQ(store->Latest(id)->json, first.json);  // the first text is kept
  Result<Counts> counts = store->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->versions, 1);
  EXPECT_EQ(counts->objects, 1);
}

TEST_F(SqliteStoreTest, AnScoHasOneVersionAndKeepsItsFirstText) {
  auto store = Open();
  const std::string id = TestId("ipv4-addr", 1);
  auto results = PutAll(*store, {MakeSco(id, "198.51.100.1"), MakeSco(id, "198.51.100.1"),
                                 MakeSco(id, "198.51.100.2")});
  EXPECT_EQ(Outcomes(results),
            (std::vector{WriteOutcome::kStored, WriteOutcome::kDuplicate, WriteOutcome::kConflict}));
  Result<StoredVersion> latest = store->Latest(id);
  ASSERT_TRUE(latest.ok());
  EXPECT_FALSE(latest->version.has_value());
  EXPECT_EQ(latest->json, MakeSco(id, "198.51.100.1").json);
  EXPECT_TRUE(store->Version(id, std::nullopt).ok());
  EXPECT_EQ(store->Version(id, TestTime(1)).status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, NoVersionNewerThanARevokedOneIsAccepted) {
  auto store = Open();
  const std::string id = TestId("indicator", 3);
  stix::Object revoked = MakeSdo(id, TestTime(20), R"(,"revoked":true)");
  revoked.revoked = true;
  auto results = PutAll(*store, {MakeSdo(id, TestTime(10)), revoked, MakeSdo(id, TestTime(30)),
                                 MakeSdo(id, TestTime(15))});
  EXPECT_EQ(Outcomes(results), (std::vector{WriteOutcome::kStored, WriteOutcome::kStored, WriteOutcome::kRevoked,
                                            WriteOutcome::kStored}));
  EXPECT_NE(results[2].message.find("revoked"), std::string::npos);

  Result<StoredVersion> latest = store->Latest(id);
  ASSERT_TRUE(latest.ok());
  EXPECT_TRUE(latest->revoked);
  EXPECT_EQ(latest->version, TestTime(20));
  EXPECT_EQ(store->Versions(id)->size(), 3u);

  // The refusal holds after a restart too: it is read from the database.
  store.reset();
  store = Open();
  EXPECT_EQ(PutAll(*store, {MakeSdo(id, TestTime(40))})[0].outcome, WriteOutcome::kRevoked);
}

TEST_F(SqliteStoreTest, RefusesObjectsWithoutUsableIdentity) {
  auto store = Open();
  stix::Object no_json = MakeSdo(TestId("indicator", 4), TestTime(1));
  no_json.json.clear();
  stix::Object wrong_type = MakeSdo(TestId("indicator", 5), TestTime(1));
  wrong_type.type = "malware";
  stix::Object prefix_only = MakeSdo(TestId("indicator", 6), TestTime(1));
  prefix_only.type = "indic";
  stix::Object good = MakeSdo(TestId("indicator", 7), TestTime(1));
  auto results = PutAll(*store, {no_json, wrong_type, prefix_only, good});
  EXPECT_EQ(Outcomes(results), (std::vector{WriteOutcome::kInvalid, WriteOutcome::kInvalid, WriteOutcome::kInvalid,
                                            WriteOutcome::kStored}));
  EXPECT_EQ(store->Count()->versions, 1);
}

TEST_F(SqliteStoreTest, UnknownIdsAreNotFound) {
  auto store = Open();
  PutAll(*store, {MakeSdo(TestId("indicator", 8), TestTime(1))});
  const std::string unknown = TestId("indicator", 9);
  EXPECT_EQ(store->Latest(unknown).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->Versions(unknown).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->Version(unknown, TestTime(1)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->Version(TestId("indicator", 8), TestTime(2)).status().code(), StatusCode::kNotFound);
}

TEST_F(SqliteStoreTest, KeepsAuthorMarkingsAndSpecVersion) {
  auto store = Open();
  stix::Object object = MakeSdo(TestId("report", 1), TestTime(1));
  object.created_by_ref = TestId("identity", 1);
  object.object_marking_refs = {TestId("marking-definition", 1), TestId("marking-definition", 2)};
  object.spec_version = "2.0";
  PutAll(*store, {object});
  Result<StoredVersion> stored = store->Latest(object.id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->created_by_ref, object.created_by_ref);
  EXPECT_EQ(stored->object_marking_refs, object.object_marking_refs);
  EXPECT_EQ(stored->spec_version, "2.0");
  EXPECT_EQ(stored->version->fraction_digits, 3);
}

TEST_F(SqliteStoreTest, DateAddedStrictlyIncreasesWhenTheClockStepsBack) {
  ManualClock clock(TestTime(100));
  SqliteStoreOptions options;
  options.clock = &clock;
  auto store = Open(options);
  std::vector<stix::Object> batch;
  for (int i = 0; i < 5; ++i) batch.push_back(MakeSdo(TestId("indicator", 100 + i), TestTime(1)));
  std::vector<WriteResult> results = PutAll(*store, batch);  // five in the same microsecond of the clock

  clock.Set(TestTime(50));  // an hour of NTP correction, say
  results.push_back(PutAll(*store, {MakeSdo(TestId("indicator", 200), TestTime(1))})[0]);
  store.reset();  // and across a restart
  store = Open(options);
  clock.Set(TestTime(10));
  results.push_back(PutAll(*store, {MakeSdo(TestId("indicator", 201), TestTime(1))})[0]);
  clock.Set(TestTime(200));
  results.push_back(PutAll(*store, {MakeSdo(TestId("indicator", 202), TestTime(1))})[0]);

  EXPECT_EQ(results.front().date_added, TestTime(100));
  for (size_t i = 1; i < results.size(); ++i) {
    EXPECT_LT(results[i - 1].date_added, results[i].date_added) << i;
  }
  EXPECT_EQ(results.back().date_added, TestTime(200));  // back on the clock once it is ahead again
  EXPECT_EQ(store->Latest(TestId("indicator", 201))->date_added, results[6].date_added);
}

TEST_F(SqliteStoreTest, CountsVersionsAndObjectsPerType) {
  auto store = Open();
  PutAll(*store, {MakeSdo(TestId("indicator", 1), TestTime(1)), MakeSdo(TestId("indicator", 1), TestTime(2)),
                  MakeSdo(TestId("indicator", 2), TestTime(1)), MakeSco(TestId("ipv4-addr", 1), "192.0.2.1")});
  PutAll(*store, {MakeSdo(TestId("indicator", 2), TestTime(2)), MakeSdo(TestId("indicator", 2), TestTime(2))});
  Result<Counts> counts = store->Count();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->versions, 5);
  EXPECT_EQ(counts->objects, 3);
  EXPECT_EQ(counts->by_type["indicator"].versions, 4);
  EXPECT_EQ(counts->by_type["indicator"].objects, 2);
  EXPECT_EQ(counts->by_type["ipv4-addr"].versions, 1);
}

// With a tiny first level, versions of one id end up spread over both
// levels of the id index; every read and check must still see them all.
TEST_F(SqliteStoreTest, FindsVersionsAcrossBothLevelsOfTheIdIndex) {
  SqliteStoreOptions options;
  options.recent_ids_limit = 5;  // batches of 3: versions 1-2 are merged, 3-4 stay recent
  auto store = Open(options);
  const std::string id = TestId("indicator", 50);
  for (int version = 1; version <= 4; ++version) {
    std::vector<stix::Object> batch = {MakeSdo(id, TestTime(version))};
    for (int other = 0; other < (version < 4 ? 2 : 0); ++other) batch.push_back(MakeSdo(TestId("malware", version * 10 + other), TestTime(1)));
    EXPECT_EQ(PutAll(*store, batch)[0].outcome, WriteOutcome::kStored);
  }
  EXPECT_EQ(store->Versions(id)->size(), 4u);
  EXPECT_EQ(store->Latest(id)->version, TestTime(4));
  EXPECT_TRUE(store->Version(id, TestTime(1)).ok());
  EXPECT_EQ(PutAll(*store, {MakeSdo(id, TestTime(1))})[0].outcome, WriteOutcome::kDuplicate);
  EXPECT_EQ(PutAll(*store, {MakeSdo(id, TestTime(2), R"(,"name":"changed")")})[0].outcome, WriteOutcome::kConflict);

  ListQuery latest;
  latest.types = {"indicator"};
  latest.versions.last = true;
  Result<Page> page = store->List(latest);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->versions.size(), 1u);
  EXPECT_EQ(page->versions[0].version, TestTime(4));
  Result<Counts> counts = store->Count();
  EXPECT_EQ(counts->objects, 7);
  EXPECT_EQ(counts->versions, 10);
}

}  // namespace
}  // namespace kenes::store
