// AlertBook: a link raises one alert to each organisation involved, once
// however often it is recorded, durably; listing filters and pages; an
// alert is acknowledged once, by its own organisation only.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "correlate/alert_fixture.h"

namespace kenes::correlate {
namespace {

class AlertBookTest : public AlertFixture {
 protected:
  std::vector<Alert> AlertsOf(const std::string& organisation, AlertFilter filter = {}) {
    filter.organisation = organisation;
    Result<std::vector<Alert>> alerts = alerts_->List(filter);
    EXPECT_TRUE(alerts.ok()) << alerts.status().ToString();
    return alerts.ok() ? *alerts : std::vector<Alert>{};
  }

  const Holding kz_{"indicator--00000000-0000-4000-8000-000000000001", kKazakhstan};
  const Holding kg_{"indicator--00000000-0000-4000-8000-000000000002", kKyrgyzstan};
  const Holding eu_{"indicator--00000000-0000-4000-8000-000000000003", kEuropeanUnion};
};

TEST_F(AlertBookTest, OneAlertToEachOrganisationInvolved) {
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kg_, eu_})}).ok());
  std::vector<Alert> kazakh = AlertsOf(kKazakhstan);
  ASSERT_EQ(kazakh.size(), 2u);  // one per other organisation, newest first
  EXPECT_EQ(kazakh[0].other_organisation, kEuropeanUnion);
  EXPECT_EQ(kazakh[1].other_organisation, kKyrgyzstan);
  EXPECT_EQ(kazakh[1].object_id, kz_.object_id);
  EXPECT_EQ(kazakh[1].other_object_id, kg_.object_id);
  EXPECT_EQ(kazakh[1].key, (observable::CorrelationKey{"ipv4-addr", "198.51.100.7"}));
  EXPECT_FALSE(kazakh[1].acknowledged);
  std::vector<Alert> kyrgyz = AlertsOf(kKyrgyzstan);
  ASSERT_EQ(kyrgyz.size(), 1u);
  EXPECT_EQ(kyrgyz[0].object_id, kg_.object_id);
  EXPECT_EQ(kyrgyz[0].other_organisation, kKazakhstan);
  EXPECT_EQ(kyrgyz[0].other_object_id, kz_.object_id);
  EXPECT_EQ(AlertsOf(kEuropeanUnion).size(), 1u);
  EXPECT_EQ(AlertsOf("").size(), 4u);  // everyone's
}

TEST_F(AlertBookTest, TheSameLinkTwiceIsOneAlert) {
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kg_})}).ok());
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kg_}), Link("198.51.100.7", kz_, {kg_})}).ok());
  auto sink = alerts_->Sink();
  sink({Link("198.51.100.7", kz_, {kg_})});
  EXPECT_TRUE(alerts_->last_failure().ok());
  EXPECT_EQ(AlertsOf("").size(), 2u);
}

TEST_F(AlertBookTest, HoldingsOfOneOrganisationRaiseNothing) {
  Holding kz_other{"ipv4-addr--00000000-0000-4000-8000-000000000009", kKazakhstan};
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kz_other})}).ok());
  EXPECT_TRUE(AlertsOf("").empty());
}

TEST_F(AlertBookTest, AFuzzyMatchKeepsTheOtherSidesSpellingFromIt) {
  CrossBorderLink link{{"person-name", "Nurlan Abenov"}, kz_, {kg_}, 0.93};
  Status recorded = alerts_->Record({link});
  ASSERT_TRUE(recorded.ok()) << recorded.ToString();
  EXPECT_EQ(AlertsOf(kKazakhstan).at(0).key.value, "Nurlan Abenov");  // its own spelling
  EXPECT_EQ(AlertsOf(kKyrgyzstan).at(0).key.value, "");               // it spells the name its own way
  EXPECT_EQ(AlertsOf(kKyrgyzstan).at(0).key.kind, "person-name");
  EXPECT_DOUBLE_EQ(AlertsOf(kKyrgyzstan).at(0).score, 0.93);
}

TEST_F(AlertBookTest, AlertsAreDurable) {
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kg_})}).ok());
  desk_.reset();
  alerts_.reset();
  database_.reset();
  Result<std::unique_ptr<AlertDatabase>> reopened = AlertDatabase::Open(AlertDatabase::FileIn(directory_), clock_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  database_ = std::move(reopened).value();
  alerts_ = std::make_unique<AlertBook>(*database_);
  EXPECT_EQ(AlertsOf("").size(), 2u);
}

TEST_F(AlertBookTest, FiltersAndPages) {
  clock_.Set(store::TestTime(10));
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kg_})}).ok());
  clock_.Set(store::TestTime(20));
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.8", kz_, {eu_})}).ok());
  ASSERT_TRUE(alerts_->Record({CrossBorderLink{{"phone-number", "+77011234567"}, kz_, {kg_}, 1.0}}).ok());

  AlertFilter by_kind;
  by_kind.kind = "phone-number";
  EXPECT_EQ(AlertsOf(kKazakhstan, by_kind).size(), 1u);
  AlertFilter by_other;
  by_other.other_organisation = kKyrgyzstan;
  EXPECT_EQ(AlertsOf(kKazakhstan, by_other).size(), 2u);
  AlertFilter since;
  since.since = store::TestTime(15);
  EXPECT_EQ(AlertsOf(kKazakhstan, since).size(), 2u);

  AlertFilter page;
  page.limit = 2;
  std::vector<Alert> first = AlertsOf(kKazakhstan, page);
  ASSERT_EQ(first.size(), 2u);
  page.before_id = first.back().id;
  std::vector<Alert> second = AlertsOf(kKazakhstan, page);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_LT(second[0].id, first[1].id);

  AlertFilter newer;  // what an event stream asks: after an id, oldest first
  newer.after_id = second[0].id;
  newer.oldest_first = true;
  std::vector<Alert> since_oldest = AlertsOf(kKazakhstan, newer);
  ASSERT_EQ(since_oldest.size(), 2u);
  EXPECT_EQ(since_oldest[0].id, first[1].id);
  EXPECT_EQ(since_oldest[1].id, first[0].id);
}

TEST_F(AlertBookTest, AcknowledgedOnceByItsOwnOrganisation) {
  ASSERT_TRUE(alerts_->Record({Link("198.51.100.7", kz_, {kg_})}).ok());
  const int64_t id = AlertsOf(kKazakhstan).at(0).id;
  Result<Alert> foreign = alerts_->Acknowledge(id, kKyrgyzstan, "kg-analyst");
  EXPECT_EQ(foreign.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(foreign.status().message(), fmt::format("no alert {}", id));  // as for an unknown id
  EXPECT_EQ(alerts_->Acknowledge(9999, kKazakhstan, "kz-analyst").status().message(), "no alert 9999");

  clock_.Set(store::TestTime(30));
  Result<Alert> acknowledged = alerts_->Acknowledge(id, kKazakhstan, "kz-analyst");
  ASSERT_TRUE(acknowledged.ok()) << acknowledged.status().ToString();
  EXPECT_EQ(acknowledged->acknowledged_by, "kz-analyst");
  EXPECT_EQ(acknowledged->acknowledged, store::TestTime(30));
  EXPECT_EQ(alerts_->Acknowledge(id, kKazakhstan, "kz-other").status().code(), StatusCode::kAlreadyExists);

  AlertFilter open;
  open.acknowledged = false;
  EXPECT_TRUE(AlertsOf(kKazakhstan, open).empty());
  EXPECT_EQ(AlertsOf(kKyrgyzstan, open).size(), 1u);  // the other side's alert is its own
  AlertFilter done;
  done.acknowledged = true;
  EXPECT_EQ(AlertsOf(kKazakhstan, done).at(0).acknowledged_by, "kz-analyst");
}

}  // namespace
}  // namespace kenes::correlate
