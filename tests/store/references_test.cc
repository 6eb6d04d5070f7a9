// ReferencedBy and the terms the store indexes from each object's JSON.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "store/sqlite/indexed_terms.h"
#include "store_fixture.h"

namespace kenes::store {
namespace {

class ReferencesTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_ = Open();
  }

  std::vector<std::string> ReferencedBy(const std::string& id, const Viewer* viewer = nullptr, size_t limit = 100) {
    Result<std::vector<StoredVersion>> versions = store_->ReferencedBy(id, viewer, limit);
    EXPECT_TRUE(versions.ok()) << versions.status().ToString();
    std::vector<std::string> names;
    if (versions.ok()) {
      for (const StoredVersion& version : *versions) names.push_back(VersionName(version));
    }
    return names;
  }

  std::unique_ptr<Store> store_;
};

const std::string kIndicator = TestId("indicator", 1);
const std::string kMalware = TestId("malware", 1);
const std::string kIdentity = TestId("identity", 1);
const std::string kMarking = TestId("marking-definition", 1);

stix::Object Relationship(int number, int seconds, const std::string& source, const std::string& target) {
  stix::Object object =
      MakeSdo(TestId("relationship", number), TestTime(seconds),
              fmt::format(R"(,"relationship_type":"indicates","source_ref":"{}","target_ref":"{}")", source, target));
  object.created_by_ref = kIdentity;
  return object;
}

TEST_F(ReferencesTest, FindsBothEndsOfARelationshipAndEveryListedObject) {
  PutAll(*store_,
         {MakeSdo(kIndicator, TestTime(1)), MakeSdo(kMalware, TestTime(1)), Relationship(1, 1, kIndicator, kMalware),
          MakeSdo(TestId("report", 1), TestTime(1),
                  fmt::format(R"(,"created_by_ref":"{}","object_marking_refs":["{}"],"object_refs":["{}","{}"])",
                              kIdentity, kMarking, kMalware, TestId("relationship", 1))),
          MakeSdo(TestId("sighting", 1), TestTime(1),
                  fmt::format(R"(,"sighting_of_ref":"{}","where_sighted_refs":["{}"])", kIndicator, kIdentity)),
          MakeSco(TestId("email-message", 1), "x")});
  EXPECT_EQ(ReferencedBy(kIndicator), (std::vector{VersionName("sighting", 1, 1), VersionName("relationship", 1, 1)}));
  EXPECT_EQ(ReferencedBy(kMalware), (std::vector{VersionName("report", 1, 1), VersionName("relationship", 1, 1)}));
  EXPECT_EQ(ReferencedBy(TestId("relationship", 1)), std::vector{VersionName("report", 1, 1)});
  // where_sighted_refs counts; created_by_ref and object_marking_refs do not.
  EXPECT_EQ(ReferencedBy(kIdentity), std::vector{VersionName("sighting", 1, 1)});
  EXPECT_TRUE(ReferencedBy(kMarking).empty());
  EXPECT_TRUE(ReferencedBy(TestId("indicator", 9)).empty());
  // Newest first, at most `limit`.
  EXPECT_EQ(ReferencedBy(kIndicator, nullptr, 1), std::vector{VersionName("sighting", 1, 1)});
  EXPECT_TRUE(ReferencedBy(kIndicator, nullptr, 0).empty());
}

TEST_F(ReferencesTest, OnlyTheLatestVersionCounts) {
  PutAll(*store_, {Relationship(1, 1, kIndicator, kMalware)});
  EXPECT_EQ(ReferencedBy(kMalware), std::vector{VersionName("relationship", 1, 1)});
  // A newer version points elsewhere: the old target is no longer referenced.
  PutAll(*store_, {Relationship(1, 2, kIndicator, TestId("malware", 2))});
  EXPECT_TRUE(ReferencedBy(kMalware).empty());
  EXPECT_EQ(ReferencedBy(TestId("malware", 2)), std::vector{VersionName("relationship", 1, 2)});
  EXPECT_EQ(ReferencedBy(kIndicator), std::vector{VersionName("relationship", 1, 2)});
  // An older version arriving late changes nothing.
  PutAll(*store_, {Relationship(1, 0, TestId("indicator", 3), kMalware)});
  EXPECT_TRUE(ReferencedBy(kMalware).empty());
  EXPECT_TRUE(ReferencedBy(TestId("indicator", 3)).empty());
}

TEST_F(ReferencesTest, HiddenReferencingVersionsAreLeftOut) {
  // relationship 1: @1 shared (audience 1), @2 its author's only; relationship 2: its author's only.
  PutAll(*store_,
         {Relationship(1, 1, kIndicator, kMalware), Relationship(1, 2, kIndicator, TestId("malware", 2)),
          Relationship(2, 1, kIndicator, kMalware)},
         {{kIdentity, 1, 1, ""}, {kIdentity, 0, 1, ""}, {kIdentity, 0, 1, ""}});
  Viewer reader{"identity--c", {{1, 1u << 1, ""}}};
  // The reader's latest version of relationship 1 is @1, which names the malware.
  EXPECT_EQ(ReferencedBy(kMalware, &reader), std::vector{VersionName("relationship", 1, 1)});
  EXPECT_EQ(ReferencedBy(kIndicator, &reader), std::vector{VersionName("relationship", 1, 1)});
  EXPECT_TRUE(ReferencedBy(TestId("malware", 2), &reader).empty());
  Viewer author{kIdentity, {}};
  EXPECT_EQ(ReferencedBy(kMalware, &author), std::vector{VersionName("relationship", 2, 1)});
  EXPECT_EQ(ReferencedBy(kIndicator, &author),
            (std::vector{VersionName("relationship", 2, 1), VersionName("relationship", 1, 2)}));
  Viewer stranger{"identity--z", {}};
  EXPECT_TRUE(ReferencedBy(kIndicator, &stranger).empty());
}

TEST_F(ReferencesTest, DeletingTheReferringVersionsDropsTheirReferences) {
  PutAll(*store_, {Relationship(1, 1, kIndicator, kMalware), Relationship(1, 2, kIndicator, TestId("malware", 2))});
  VersionMatch last;
  last.last = true;
  ASSERT_TRUE(store_->Delete(TestId("relationship", 1), last, {}, nullptr).ok());
  EXPECT_EQ(ReferencedBy(kMalware), std::vector{VersionName("relationship", 1, 1)});
  EXPECT_TRUE(ReferencedBy(TestId("malware", 2)).empty());
  ASSERT_TRUE(store_->Delete(TestId("relationship", 1), {}, {}, nullptr).ok());
  EXPECT_TRUE(ReferencedBy(kMalware).empty());
  EXPECT_TRUE(ReferencedBy(kIndicator).empty());
}

TEST_F(ReferencesTest, FindsReferencesInBothLevelsOfTheIndex) {
  store_.reset();
  SqliteStoreOptions options;
  options.recent_ids_limit = 2;
  store_ = Open(options);
  PutAll(*store_, {Relationship(1, 1, kIndicator, kMalware), Relationship(2, 1, kIndicator, kMalware)});
  // One reference: below the limit, it stays in the small level.
  PutAll(*store_, {MakeSdo(TestId("note", 1), TestTime(1), fmt::format(R"(,"object_refs":["{}"])", kIndicator))});
  EXPECT_EQ(ReferencedBy(kIndicator), (std::vector{VersionName("note", 1, 1), VersionName("relationship", 2, 1),
                                                   VersionName("relationship", 1, 1)}));
  ASSERT_TRUE(store_->Delete(TestId("relationship", 1), {}, {}, nullptr).ok());
  EXPECT_EQ(ReferencedBy(kMalware), std::vector{VersionName("relationship", 2, 1)});
}

// Large batches have their terms extracted on a second thread: every
// object's terms still land on its own version.
TEST_F(ReferencesTest, ALargeBatchIndexesEveryObject) {
  constexpr int kCount = 3000;
  std::vector<stix::Object> objects;
  for (int i = 0; i < kCount; ++i) {
    objects.push_back(i % 2 == 0 ? MakeSdo(TestId("indicator", i), TestTime(1), fmt::format(R"(,"name":"word{}")", i))
                                 : Relationship(i, 1, TestId("indicator", i - 1), kMalware));
  }
  PutAll(*store_, objects);
  for (int i : {0, 998, 1000, 2998}) {
    ListQuery query;
    query.text = fmt::format("word{}", i);
    EXPECT_EQ(ListNames(*store_, query), std::vector{VersionName("indicator", i, 1)});
    EXPECT_EQ(ReferencedBy(TestId("indicator", i)), std::vector{VersionName("relationship", i + 1, 1)});
  }
  EXPECT_EQ(store_->ReferencedBy(kMalware, nullptr, 10000)->size(), static_cast<size_t>(kCount / 2));
}

struct TermsCase {
  const char* json;
  std::string search_text;
  std::vector<std::string> references;
};

TEST(IndexedTerms, TakesTopLevelTextAndReferences) {
  const std::vector<TermsCase> cases = {
      {R"({"name":"N","description":"D","aliases":["A","B"]})", "N\nD\nA\nB", {}},
      {R"({"aliases":["A",3,{"x":"y"}],"name":7,"description":""})", "A", {}},
      {R"({"name":"quote \" and \u00e9"})", "quote \" and \u00e9", {}},
      {R"({"source_ref":"a--1","target_ref":"b--2","created_by_ref":"c--3","object_marking_refs":["d--4"]})",
       "",
       {"a--1", "b--2"}},
      {R"({"object_refs":["a--1","a--1",5],"sample_refs":"b--2","extensions":{"x":{"parent_ref":"c--3"}}})",
       "",
       {"a--1", "a--1", "b--2"}},
      {R"({"granular_markings":[{"marking_ref":"m--1"}],"refs":"r--1","_ref":"s--1"})", "", {"s--1"}},
      {"not json", "", {}},
      {R"(["name","x"])", "", {}},
      {R"({"name":"truncated)", "", {}},
  };
  for (const TermsCase& terms_case : cases) {
    SCOPED_TRACE(terms_case.json);
    sqlite::IndexedTerms terms = sqlite::ExtractIndexedTerms(terms_case.json);
    EXPECT_EQ(terms.search_text, terms_case.search_text);
    EXPECT_EQ(terms.references, terms_case.references);
  }
}

}  // namespace
}  // namespace kenes::store
