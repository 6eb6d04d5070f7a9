// Persons across scripts: the same person's name from two organisations
// links them, with the matcher's score; different people do not.
#include "correlate/person_index.h"

#include <gtest/gtest.h>

namespace kenes::correlate {
namespace {

const std::string kKz = "identity--11111111-1111-4111-8111-111111111111";
const std::string kUz = "identity--22222222-2222-4222-8222-222222222222";

class PersonIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<PersonIndex>> created = PersonIndex::Create();
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    index_ = std::move(created).value();
  }
  std::unique_ptr<PersonIndex> index_;
};

TEST_F(PersonIndexTest, OneNameInTwoScriptsLinksTwoOrganisations) {
  EXPECT_TRUE(
      index_->Add({"identity--00000000-0000-4000-8000-000000000001", kKz}, "Сейтказиев Нурлан Маратович").empty());
  std::vector<CrossBorderLink> links =
      index_->Add({"identity--00000000-0000-4000-8000-000000000002", kUz}, "SEYTKAZIYEV NURLAN");
  ASSERT_EQ(links.size(), 1u);
  EXPECT_EQ(links[0].key, (observable::CorrelationKey{"person-name", "SEYTKAZIYEV NURLAN"}));
  EXPECT_EQ(links[0].others, (std::vector<Holding>{{"identity--00000000-0000-4000-8000-000000000001", kKz}}));
  EXPECT_GE(links[0].score, names::kSameNameThreshold);
  EXPECT_LE(links[0].score, 1.0);
}

TEST_F(PersonIndexTest, DifferentPeopleAndTheSameOrganisationDoNotLink) {
  index_->Add({"identity--00000000-0000-4000-8000-000000000001", kKz}, "Атамбаев Алмазбек");
  EXPECT_TRUE(index_->Add({"identity--00000000-0000-4000-8000-000000000002", kUz}, "Atabaev Almazbek").empty());
  EXPECT_TRUE(index_->Add({"identity--00000000-0000-4000-8000-000000000003", kKz}, "Atambaev Almazbek").empty());
  EXPECT_EQ(index_->size(), 3u);
}

TEST_F(PersonIndexTest, TheSameNameAgainDoesNotRealertAndRemovalForgets) {
  Holding first{"identity--00000000-0000-4000-8000-000000000001", kKz};
  Holding second{"identity--00000000-0000-4000-8000-000000000002", kUz};
  index_->Add(first, "Иванов Сергей");
  EXPECT_EQ(index_->Add(second, "Ivanov Sergei").size(), 1u);
  EXPECT_TRUE(index_->Add(second, "Ivanov Sergei").empty()) << "a new version with the same name";
  EXPECT_EQ(index_->NameOf(second.object_id), "Ivanov Sergei");
  index_->Remove(first.object_id);
  EXPECT_TRUE(index_->Matches("Ivanov Sergey").size() == 1);
  EXPECT_EQ(index_->Matches("Ivanov Sergey")[0].holding, second);
  EXPECT_FALSE(index_->NameOf(first.object_id).has_value());
}

}  // namespace
}  // namespace kenes::correlate
