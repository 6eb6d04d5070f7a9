// Full-text search (ListQuery::text): words, prefixes, only the latest
// version of each id, and user text that must never reach FTS5 as syntax.
#include <gtest/gtest.h>

#include "store/sqlite/indexed_terms.h"
#include "store_fixture.h"

namespace kenes::store {
namespace {

class SearchTest : public StoreFixture {
 protected:
  void SetUp() override {
    StoreFixture::SetUp();
    store_ = Open();
    PutAll(*store_,
           {MakeSdo(TestId("indicator", 1), TestTime(1), R"(,"name":"Opium convoy near Badakhshan")"),
            MakeSdo(TestId("indicator", 1), TestTime(2),
                    R"(,"name":"Heroin route","description":"Crossing the Panj river at night")"),
            MakeSdo(TestId("malware", 1), TestTime(1),
                    R"(,"name":"Flood relief","aliases":["Almaty-flood","СЕЛЬ"],"pattern":"heroin")"),
            MakeSdo(TestId("note", 1), TestTime(1), R"(,"description":"He said \"stop\" (twice) AND NEAR: left")"),
            MakeSco(TestId("ipv4-addr", 1), "heroin")},
           {{"identity--a", 1, 1, ""},
            {"identity--a", 1, 2, ""},
            {"identity--a", 1, 1, ""},
            {"identity--a", 1, 1, ""},
            {"identity--a", 1, 1, ""}});
  }

  std::vector<std::string> Search(std::string text, const Viewer* viewer = nullptr) {
    ListQuery query;
    query.text = std::move(text);
    if (viewer != nullptr) query.viewer = *viewer;
    return ListNames(*store_, query);
  }

  std::unique_ptr<Store> store_;
};

const std::string kIndicatorLatest = VersionName("indicator", 1, 2);
const std::string kMalware = VersionName("malware", 1, 1);
const std::string kNote = VersionName("note", 1, 1);

struct SearchCase {
  const char* text;
  std::vector<std::string> expected;
};

TEST_F(SearchTest, FindsWordsInNamesDescriptionsAndAliases) {
  const std::vector<SearchCase> cases = {
      {"heroin", {kIndicatorLatest}},  // not the malware's pattern, nor the SCO's value
      {"HEROIN", {kIndicatorLatest}},
      {"panj river", {kIndicatorLatest}},
      {"river panj", {kIndicatorLatest}},
      {"river opium", {}},  // every word must occur
      {"pan*", {kIndicatorLatest}},
      {"pa*", {kIndicatorLatest}},
      {"pan", {}},  // a whole word without '*'
      {"flood", {kMalware}},
      {"almaty", {kMalware}},
      {"сель", {kMalware}},
      {"relief almaty-flood", {kMalware}},
      {"stop twice", {kNote}},
      {"  said\t\nstop  ", {kNote}},
  };
  for (const SearchCase& search : cases) {
    SCOPED_TRACE(search.text);
    EXPECT_EQ(Search(search.text), search.expected);
  }
}

TEST_F(SearchTest, OnlyTheLatestVersionOfAnIdMatches) {
  EXPECT_TRUE(Search("opium").empty());
  EXPECT_TRUE(Search("badakhshan").empty());
  // A viewer who may not see the latest version finds the one it may.
  Viewer level_one{"identity--c", {{1, 1u << 1, ""}}};
  EXPECT_EQ(Search("opium", &level_one), std::vector{VersionName("indicator", 1, 1)});
  EXPECT_TRUE(Search("heroin", &level_one).empty());
  Viewer stranger{"identity--c", {{2, 0xffff, ""}}};
  EXPECT_TRUE(Search("flood", &stranger).empty());
}

TEST_F(SearchTest, CombinesWithOtherFiltersAndPages) {
  PutAll(*store_, {MakeSdo(TestId("indicator", 2), TestTime(1), R"(,"name":"Flood gauge")"),
                   MakeSdo(TestId("note", 2), TestTime(1), R"(,"name":"Flood warning")")});
  ListQuery query;
  query.text = "flood";
  query.limit = 1;
  EXPECT_EQ(ListNames(*store_, query),
            (std::vector{kMalware, VersionName("indicator", 2, 1), VersionName("note", 2, 1)}));
  query.types = {"note", "indicator"};
  EXPECT_EQ(ListNames(*store_, query), (std::vector{VersionName("indicator", 2, 1), VersionName("note", 2, 1)}));
  query.versions.first = true;
  query.ids = {TestId("note", 2)};
  EXPECT_EQ(ListNames(*store_, query), std::vector{VersionName("note", 2, 1)});
}

// Every input gives an answer or InvalidArgument: quotes, FTS5 operators,
// column filters, parentheses, lone stars and control characters are text.
TEST_F(SearchTest, UserTextIsNeverFts5Syntax) {
  const std::vector<SearchCase> answered = {
      {"\"stop\"", {kNote}},
      {"stop\"", {kNote}},
      {"\"stop", {kNote}},
      {"AND", {kNote}},
      {"NEAR", {kNote}},
      {"near:", {kNote}},
      {"(twice)", {kNote}},
      {"heroin OR flood", {}},
      {"NOT heroin", {}},
      {"-heroin", {kIndicatorLatest}},
      {"description:heroin", {}},
      {"{name}:heroin", {}},
      {"heroin*\"*", {kIndicatorLatest}},
      {"he\"roin", {}},
      {"heroin ^ *", {kIndicatorLatest}},
      {"^heroin", {kIndicatorLatest}},
      {"heroin )(", {kIndicatorLatest}},
      {"NEAR(heroin route, 2)", {}},
  };
  for (const SearchCase& search : answered) {
    SCOPED_TRACE(search.text);
    EXPECT_EQ(Search(search.text), search.expected);
  }
  for (const char* nothing_to_find : {"*", "\"\"", " ", "()", "- * ^", "\"*\""}) {
    SCOPED_TRACE(nothing_to_find);
    ListQuery query;
    query.text = nothing_to_find;
    EXPECT_EQ(store_->List(query).status().code(), StatusCode::kInvalidArgument);
  }
  ListQuery many;
  for (int i = 0; i < 100; ++i) many.text += "word ";
  EXPECT_EQ(store_->List(many).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SearchTest, ArbitraryBytesNeverFail) {
  // Every byte value, alone and around a word.
  for (int byte = 0; byte < 256; ++byte) {
    const char c = static_cast<char>(byte);
    for (const std::string& text : {std::string(1, c), "heroin" + std::string(1, c), std::string(1, c) + "heroin*"}) {
      ListQuery query;
      query.text = text;
      Result<Page> page = store_->List(query);
      EXPECT_TRUE(page.ok() || page.status().code() == StatusCode::kInvalidArgument)
          << byte << ": " << page.status().ToString();
    }
  }
}

TEST_F(SearchTest, DeletingTheLatestVersionUncoversTheOneBefore) {
  VersionMatch last;
  last.last = true;
  ASSERT_TRUE(store_->Delete(TestId("indicator", 1), last, {}, nullptr).ok());
  EXPECT_TRUE(Search("heroin").empty());
  EXPECT_EQ(Search("opium"), std::vector{VersionName("indicator", 1, 1)});
  ASSERT_TRUE(store_->Delete(TestId("indicator", 1), {}, {}, nullptr).ok());
  EXPECT_TRUE(Search("opium").empty());
}

TEST_F(SearchTest, SearchSurvivesReopening) {
  store_.reset();
  store_ = Open();
  EXPECT_EQ(Search("panj"), std::vector{kIndicatorLatest});
}

TEST(FullTextQuery, QuotesEachWordAndKeepsTrailingStars) {
  EXPECT_EQ(sqlite::FullTextQuery("heroin route*").value(), "\"heroin\" \"route\"*");
  EXPECT_EQ(sqlite::FullTextQuery("say \"hi\"").value(), "\"say\" \"\"\"hi\"\"\"");
  EXPECT_EQ(sqlite::FullTextQuery("a** * b").value(), "\"a\"* \"b\"");
  EXPECT_EQ(sqlite::FullTextQuery("- --").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kenes::store
