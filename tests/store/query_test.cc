// ListQuery's filters, each alone and combined, with and without a viewer,
// read in one page and page by page through cursors.
#include <gtest/gtest.h>

#include <functional>

#include "store_fixture.h"

namespace kenes::store {
namespace {

const std::string kAuthorA = "identity--a";
const std::string kAuthorB = "identity--b";

// In date_added order:
//   indicator 1 @1  A, audience 1, level 1
//   indicator 2 @1  B, audience 1, level 1, spec_version 2.0
//   ipv4-addr 1     B, audience 2, level 1, group g
//   indicator 1 @2  A, audience 1, level 2
//   malware 1 @2    A, audience 1, level 3, created_by_ref A
//   indicator 1 @3  A, audience 0 (its author only)
class QueryTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_ = Open();
    stix::Object old_spec = MakeSdo(TestId("indicator", 2), TestTime(1));
    old_spec.spec_version = "2.0";
    stix::Object malware = MakeSdo(TestId("malware", 1), TestTime(2));
    malware.created_by_ref = kAuthorA;
    std::vector<WriteResult> results =
        PutAll(*store_,
               {MakeSdo(TestId("indicator", 1), TestTime(1)), old_spec, MakeSco(TestId("ipv4-addr", 1), "192.0.2.1"),
                MakeSdo(TestId("indicator", 1), TestTime(2)), malware, MakeSdo(TestId("indicator", 1), TestTime(3))},
               {{kAuthorA, 1, 1, ""},
                {kAuthorB, 1, 1, ""},
                {kAuthorB, 2, 1, "g"},
                {kAuthorA, 1, 2, ""},
                {kAuthorA, 1, 3, ""},
                {kAuthorA, 0, 0, ""}});
    for (const WriteResult& result : results) dates_.push_back(result.date_added);
  }

  std::unique_ptr<Store> store_;
  std::vector<Timestamp> dates_;
};

const std::string kIndicator1At1 = VersionName("indicator", 1, 1);
const std::string kIndicator2At1 = VersionName("indicator", 2, 1);
const std::string kIpv4 = VersionName("ipv4-addr", 1);
const std::string kIndicator1At2 = VersionName("indicator", 1, 2);
const std::string kMalware1At2 = VersionName("malware", 1, 2);
const std::string kIndicator1At3 = VersionName("indicator", 1, 3);

const Viewer kGrantedLevels1And2{"identity--c", {{1, 1u << 1 | 1u << 2, ""}}};
const Viewer kOwnOnly{kAuthorA, {}};

struct ListCase {
  const char* name;
  std::function<void(ListQuery&, const std::vector<Timestamp>& dates)> set;
  std::vector<std::string> expected;
};

const std::vector<ListCase>& ListCases() {
  static const std::vector<ListCase> cases = {
      {"everything",
       [](ListQuery&, auto&) {},
       {kIndicator1At1, kIndicator2At1, kIpv4, kIndicator1At2, kMalware1At2, kIndicator1At3}},
      {"one id",
       [](ListQuery& q, auto&) { q.ids = {TestId("indicator", 1)}; },
       {kIndicator1At1, kIndicator1At2, kIndicator1At3}},
      {"two ids",
       [](ListQuery& q, auto&) {
         q.ids = {TestId("malware", 1), TestId("ipv4-addr", 1)};
       },
       {kIpv4, kMalware1At2}},
      {"an unknown id", [](ListQuery& q, auto&) { q.ids = {TestId("indicator", 9)}; }, {}},
      {"spec version 2.0", [](ListQuery& q, auto&) { q.spec_versions = {"2.0"}; }, {kIndicator2At1}},
      {"spec versions 2.0 or 2.1",
       [](ListQuery& q, auto&) {
         q.spec_versions = {"2.1", "2.0"};
       },
       {kIndicator1At1, kIndicator2At1, kIpv4, kIndicator1At2, kMalware1At2, kIndicator1At3}},
      {"added before, inclusive",
       [](ListQuery& q, auto& dates) { q.added_before = dates[2]; },
       {kIndicator1At1, kIndicator2At1, kIpv4}},
      {"added after and before",
       [](ListQuery& q, auto& dates) {
         q.added_after = dates[1];
         q.added_before = dates[3];
       },
       {kIpv4, kIndicator1At2}},
      {"first versions",
       [](ListQuery& q, auto&) { q.versions.first = true; },
       {kIndicator1At1, kIndicator2At1, kIpv4, kMalware1At2}},
      {"last versions",
       [](ListQuery& q, auto&) { q.versions.last = true; },
       {kIndicator2At1, kIpv4, kMalware1At2, kIndicator1At3}},
      {"versions at an instant",
       [](ListQuery& q, auto&) { q.versions.at = {TestTime(2)}; },
       {kIndicator1At2, kMalware1At2}},
      {"versions at either of two instants",
       [](ListQuery& q, auto&) {
         q.versions.at = {TestTime(3), TestTime(1)};
       },
       {kIndicator1At1, kIndicator2At1, kIndicator1At3}},
      {"the same instant written with other digits",
       [](ListQuery& q, auto&) {
         Timestamp precise = TestTime(2);
         precise.fraction_digits = 6;
         q.versions.at = {precise};
       },
       {kIndicator1At2, kMalware1At2}},
      {"first or at an instant",
       [](ListQuery& q, auto&) {
         q.versions.first = true;
         q.versions.at = {TestTime(2)};
       },
       {kIndicator1At1, kIndicator2At1, kIpv4, kIndicator1At2, kMalware1At2}},
      {"first or last",
       [](ListQuery& q, auto&) {
         q.versions.first = true;
         q.versions.last = true;
       },
       {kIndicator1At1, kIndicator2At1, kIpv4, kMalware1At2, kIndicator1At3}},
      {"label author",
       [](ListQuery& q, auto&) { q.label_author = kAuthorA; },
       {kIndicator1At1, kIndicator1At2, kMalware1At2, kIndicator1At3}},
      {"an unknown label author", [](ListQuery& q, auto&) { q.label_author = "identity--z"; }, {}},
      {"label group", [](ListQuery& q, auto&) { q.label_group = "g"; }, {kIpv4}},
      {"an unknown label group", [](ListQuery& q, auto&) { q.label_group = "h"; }, {}},
      {"label level 0", [](ListQuery& q, auto&) { q.label_levels = 1u << 0; }, {kIndicator1At3}},
      {"label level 1", [](ListQuery& q, auto&) { q.label_levels = 1u << 1; }, {kIndicator1At1, kIndicator2At1, kIpv4}},
      {"label levels 2 or 3",
       [](ListQuery& q, auto&) { q.label_levels = 1u << 2 | 1u << 3; },
       {kIndicator1At2, kMalware1At2}},
      {"a viewer",
       [](ListQuery& q, auto&) { q.viewer = kGrantedLevels1And2; },
       {kIndicator1At1, kIndicator2At1, kIndicator1At2}},
      {"last among the versions a viewer sees",
       [](ListQuery& q, auto&) {
         q.viewer = kGrantedLevels1And2;
         q.versions.last = true;
       },
       {kIndicator2At1, kIndicator1At2}},
      {"first among the versions a viewer sees",
       [](ListQuery& q, auto&) {
         q.viewer = kGrantedLevels1And2;
         q.versions.first = true;
       },
       {kIndicator1At1, kIndicator2At1}},
      {"a hidden version at an instant",
       [](ListQuery& q, auto&) {
         q.viewer = kGrantedLevels1And2;
         q.versions.at = {TestTime(3)};
       },
       {}},
      {"an author's own last versions",
       [](ListQuery& q, auto&) {
         q.viewer = kOwnOnly;
         q.versions.last = true;
       },
       {kMalware1At2, kIndicator1At3}},
      {"ids, last and a viewer",
       [](ListQuery& q, auto&) {
         q.viewer = kGrantedLevels1And2;
         q.ids = {TestId("indicator", 1), TestId("malware", 1)};
         q.versions.last = true;
       },
       {kIndicator1At2}},
      {"types, spec version, label levels and added before",
       [](ListQuery& q, auto& dates) {
         q.types = {"indicator", "malware"};
         q.spec_versions = {"2.1"};
         q.label_levels = 1u << 1 | 1u << 3;
         q.added_before = dates[4];
       },
       {kIndicator1At1, kMalware1At2}},
      {"author, label author and first",
       [](ListQuery& q, auto&) {
         q.created_by_ref = kAuthorA;
         q.label_author = kAuthorA;
         q.versions.first = true;
       },
       {kMalware1At2}},
      {"a label group the viewer may not see",
       [](ListQuery& q, auto&) {
         q.viewer = kGrantedLevels1And2;
         q.label_group = "g";
       },
       {}},
  };
  return cases;
}

TEST_F(QueryTest, EachFilterAloneAndCombinedInOnePageAndPageByPage) {
  for (const ListCase& list_case : ListCases()) {
    SCOPED_TRACE(list_case.name);
    ListQuery query;
    list_case.set(query, dates_);
    EXPECT_EQ(ListNames(*store_, query), list_case.expected);
    query.limit = 1;
    EXPECT_EQ(ListNames(*store_, query), list_case.expected) << "page by page";
    query.limit = 2;
    query.with_json = false;
    EXPECT_EQ(ListNames(*store_, query), list_case.expected) << "without JSON";
  }
}

TEST_F(QueryTest, WithoutJsonEverythingButTheTextIsRead) {
  ListQuery query;
  query.ids = {TestId("malware", 1)};
  query.with_json = false;
  Result<Page> page = store_->List(query);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->versions.size(), 1u);
  const StoredVersion& version = page->versions[0];
  EXPECT_TRUE(version.json.empty());
  EXPECT_EQ(version.type, "malware");
  EXPECT_EQ(version.spec_version, "2.1");
  EXPECT_EQ(version.version, TestTime(2));
  EXPECT_EQ(version.created_by_ref, kAuthorA);
  EXPECT_EQ(version.date_added, dates_[4]);
  query.with_json = true;
  EXPECT_EQ(store_->List(query)->versions[0].json, MakeSdo(TestId("malware", 1), TestTime(2)).json);
}

TEST_F(QueryTest, ACursorContinuesAfterItsPageAndPicksUpLaterMatches) {
  ListQuery query;
  query.versions.last = true;
  query.types = {"indicator"};
  query.limit = 1;
  Result<Page> first = store_->List(query);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(VersionName(first->versions.at(0)), kIndicator2At1);
  EXPECT_TRUE(first->more);
  query.cursor = first->cursor;
  Result<Page> second = store_->List(query);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(VersionName(second->versions.at(0)), kIndicator1At3);
  EXPECT_FALSE(second->more);
  query.cursor = second->cursor;
  EXPECT_TRUE(store_->List(query)->versions.empty());
  PutAll(*store_, {MakeSdo(TestId("indicator", 2), TestTime(4)), MakeSdo(TestId("malware", 1), TestTime(5))});
  EXPECT_EQ(ListNames(*store_, query), std::vector{VersionName("indicator", 2, 4)});
}

TEST_F(QueryTest, MalformedCursorsAreRefusedWhateverTheFilters) {
  for (const char* cursor : {"x", "1.", "1.-5", "1.zz", "2.10", "1.10 ", "1.ffffffffffffffffff"}) {
    SCOPED_TRACE(cursor);
    ListQuery query;
    query.cursor = cursor;
    query.ids = {TestId("indicator", 1)};
    query.versions.first = true;
    query.text = "word";
    EXPECT_EQ(store_->List(query).status().code(), StatusCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace kenes::store
