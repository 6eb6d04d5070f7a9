// Listing: filters, added_after and cursors, also while writes continue.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "store_fixture.h"

namespace kenes::store {
namespace {

using ListTest = StoreFixture;

std::vector<std::string> Ids(const Page& page) {
  std::vector<std::string> ids;
  for (const StoredVersion& version : page.versions) ids.push_back(version.id);
  return ids;
}

// Lists every page of `query` and returns the ids in order.
std::vector<std::string> ListAll(Store& store, ListQuery query) {
  std::vector<std::string> ids;
  for (;;) {
    Result<Page> page = store.List(query);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return ids;
    for (const std::string& id : Ids(*page)) ids.push_back(id);
    if (!page->more) return ids;
    query.cursor = page->cursor;
  }
}

class ListFilters : public ListTest {
 protected:
  void SetUp() override {
    ListTest::SetUp();
    store_ = Open();
    stix::Object authored = MakeSdo(TestId("malware", 1), TestTime(1));
    authored.created_by_ref = TestId("identity", 1);
    PutAll(*store_, {MakeSdo(TestId("indicator", 1), TestTime(1)), authored,
                     MakeSco(TestId("ipv4-addr", 1), "192.0.2.1"), MakeSdo(TestId("indicator", 2), TestTime(1)),
                     MakeSdo(TestId("indicator", 1), TestTime(2))});
  }

  std::unique_ptr<Store> store_;
};

TEST_F(ListFilters, ListsEveryVersionInDateAddedOrder) {
  ListQuery query;
  query.limit = 2;
  EXPECT_EQ(ListAll(*store_, query),
            (std::vector{TestId("indicator", 1), TestId("malware", 1), TestId("ipv4-addr", 1),
                         TestId("indicator", 2), TestId("indicator", 1)}));
}

TEST_F(ListFilters, FiltersByTypesAuthorAndLatest) {
  ListQuery query;
  query.types = {"ipv4-addr", "indicator", "never-stored"};
  EXPECT_EQ(ListAll(*store_, query), (std::vector{TestId("indicator", 1), TestId("ipv4-addr", 1),
                                                  TestId("indicator", 2), TestId("indicator", 1)}));
  query.versions.last = true;
  query.limit = 1;
  EXPECT_EQ(ListAll(*store_, query),
            (std::vector{TestId("ipv4-addr", 1), TestId("indicator", 2), TestId("indicator", 1)}));

  ListQuery by_author;
  by_author.created_by_ref = TestId("identity", 1);
  EXPECT_EQ(ListAll(*store_, by_author), std::vector{TestId("malware", 1)});
  by_author.created_by_ref = TestId("identity", 2);
  EXPECT_TRUE(ListAll(*store_, by_author).empty());
  by_author.types = {"indicator"};
  by_author.created_by_ref = TestId("identity", 1);
  EXPECT_TRUE(ListAll(*store_, by_author).empty());
}

TEST_F(ListFilters, AddedAfterIsStrict) {
  ListQuery query;
  Result<Page> all = store_->List(query);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->versions.size(), 5u);
  query.added_after = all->versions[2].date_added;
  Result<Page> later = store_->List(query);
  ASSERT_TRUE(later.ok());
  EXPECT_EQ(Ids(*later), (std::vector{TestId("indicator", 2), TestId("indicator", 1)}));
  EXPECT_FALSE(later->more);
}

TEST_F(ListFilters, RefusesMalformedCursorsAndZeroLimits) {
  ListQuery query;
  query.cursor = "not a cursor";
  EXPECT_EQ(store_->List(query).status().code(), StatusCode::kInvalidArgument);
  query.cursor = "1.";
  EXPECT_EQ(store_->List(query).status().code(), StatusCode::kInvalidArgument);
  query.cursor.clear();
  query.limit = 0;
  EXPECT_EQ(store_->List(query).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ListFilters, TheLastPageCursorFindsLaterWrites) {
  ListQuery query;
  Result<Page> page = store_->List(query);
  ASSERT_TRUE(page.ok());
  EXPECT_FALSE(page->more);
  query.cursor = page->cursor;
  EXPECT_TRUE(store_->List(query)->versions.empty());
  PutAll(*store_, {MakeSdo(TestId("indicator", 3), TestTime(1))});
  EXPECT_EQ(Ids(*store_->List(query)), std::vector{TestId("indicator", 3)});
}

// A reader pages while a writer keeps adding: no version is skipped or seen
// twice, and what the reader saw is in date_added order.
TEST_F(ListTest, CursorPagingSeesEveryVersionOnceWhileWritesContinue) {
  auto store = Open();
  constexpr int kBatches = 40;
  constexpr int kBatchSize = 50;
  std::atomic<bool> writing = true;
  std::thread writer([&] {
    for (int batch = 0; batch < kBatches; ++batch) {
      std::vector<stix::Object> objects;
      for (int i = 0; i < kBatchSize; ++i) {
        const int number = batch * kBatchSize + i;
        objects.push_back(number % 3 == 0 ? MakeSco(TestId("domain-name", number), "example.org")
                                          : MakeSdo(TestId("indicator", number), TestTime(1)));
      }
      Result<std::vector<WriteResult>> results = store->Put(objects);
      EXPECT_TRUE(results.ok()) << results.status().ToString();
    }
    writing = false;
  });

  std::vector<std::string> seen;
  std::vector<Timestamp> dates;
  ListQuery query;
  query.limit = 7;
  int pages = 0;
  for (bool last_round = false;;) {
    if (!writing) last_round = true;  // after the writer ends, drain once more
    Result<Page> page = store->List(query);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ++pages;
    for (const StoredVersion& version : page->versions) {
      seen.push_back(version.id);
      dates.push_back(version.date_added);
    }
    query.cursor = page->cursor;
    if (last_round && !page->more) break;
  }
  writer.join();

  EXPECT_GT(pages, kBatches * kBatchSize / 7);
  EXPECT_EQ(seen.size(), static_cast<size_t>(kBatches * kBatchSize));
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
  for (size_t i = 1; i < dates.size(); ++i) ASSERT_LT(dates[i - 1], dates[i]) << i;
}

}  // namespace
}  // namespace kenes::store
