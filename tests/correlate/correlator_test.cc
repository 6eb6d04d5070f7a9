// The correlator over a real store and community: batches from the
// importer's hook become links for the sink; the rebuild from the store
// gives the index the incremental one built.
#include "correlate/correlator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "correlate_fixture.h"

namespace kenes::correlate {
namespace {

using observable::CorrelationKey;

using CorrelatorTest = CorrelateFixture;

TEST_F(CorrelatorTest, APhoneInTwoSpellingsFromTwoCouncilsIsOneLink) {
  Import("KZ", {Phone("8 (701) 123-45-67", "KZ")});
  EXPECT_TRUE(links_.empty());
  Import("KG", {Phone("+7 701 123 4567")});
  ASSERT_EQ(links_.size(), 1u);
  EXPECT_EQ(links_[0].key, (CorrelationKey{"phone-number", "+77011234567"}));
  EXPECT_EQ(links_[0].added.organisation, Org("KG"));
  ASSERT_EQ(links_[0].others.size(), 1u);
  EXPECT_EQ(links_[0].others[0].organisation, Org("KZ"));
  EXPECT_TRUE(links_[0].others[0].object_id.starts_with("phone-number--"));
  EXPECT_EQ(correlator_->totals().links, 1u);
}

TEST_F(CorrelatorTest, TheSameObservableResubmittedByAnotherOrganisationLinks) {
  Import("KZ", {Address("95.59.10.20")});
  Import("TJ", {Address("95.59.10.20")});  // the same id: a duplicate in the store
  ASSERT_EQ(links_.size(), 1u);
  EXPECT_EQ(links_[0].added.object_id, links_[0].others[0].object_id);
  EXPECT_EQ(links_[0].added.organisation, Org("TJ"));
}

TEST_F(CorrelatorTest, AnIndicatorsEqualityAtomLinksWithAnObservable) {
  Import("KZ", {Address("95.59.10.20")});
  Import("EU", {Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.20']")});
  ASSERT_EQ(links_.size(), 1u);
  EXPECT_EQ(links_[0].added.object_id, SdoId("indicator", 1));
  EXPECT_EQ(links_[0].added.organisation, Org("EU"));
}

TEST_F(CorrelatorTest, ARevokedIndicatorLeavesTheIndex) {
  Import("EU", {Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.20']")});
  Import("EU", {Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.20']", "2026-05-02T00:00:00.000Z",
                          R"(,"revoked":true)")});
  EXPECT_TRUE(correlator_->index().Holders({"ipv4-addr", "95.59.10.20"}).holdings.empty());
  Import("KZ", {Address("95.59.10.20")});
  EXPECT_TRUE(links_.empty());
}

TEST_F(CorrelatorTest, ADeletedObjectLeavesTheIndexAndARemainingVersionTakesItsPlace) {
  Import("EU", {Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.20']", "2026-05-02T00:00:00.000Z"),
                Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.21']", "2026-05-03T00:00:00.000Z")});
  const std::string id = SdoId("indicator", 1);
  store::VersionMatch newest;
  newest.last = true;
  ASSERT_TRUE(store_->Delete(id, newest, {}, nullptr).ok());
  ASSERT_TRUE(correlator_->Deleted(id).ok());
  EXPECT_EQ(correlator_->index().KeysOf(id), (std::vector<CorrelationKey>{{"ipv4-addr", "95.59.10.20"}}));
  EXPECT_TRUE(correlator_->index().Holders({"ipv4-addr", "95.59.10.21"}).holdings.empty());

  ASSERT_TRUE(store_->Delete(id, store::VersionMatch{}, {}, nullptr).ok());
  ASSERT_TRUE(correlator_->Deleted(id).ok());
  EXPECT_TRUE(correlator_->index().KeysOf(id).empty());
  Import("KZ", {Address("95.59.10.20")});
  EXPECT_TRUE(links_.empty()) << "a deleted indicator still links";
}

TEST_F(CorrelatorTest, AnOlderVersionFillingInHistoryChangesNothing) {
  Import("EU", {Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.21']", "2026-05-03T00:00:00.000Z")});
  Import("EU", {Indicator(1, Org("EU"), "[ipv4-addr:value = '95.59.10.20']", "2026-05-02T00:00:00.000Z")});
  EXPECT_EQ(correlator_->index().KeysOf(SdoId("indicator", 1)),
            (std::vector<CorrelationKey>{{"ipv4-addr", "95.59.10.21"}}));
}

TEST_F(CorrelatorTest, PrivateAddressesAndPlaceholderNumbersNeverLink) {
  Import("KZ", {Address("10.1.2.3"), Phone("+77777777777")});
  Import("UZ", {Address("10.1.2.3"), Phone("+77777777777")});
  EXPECT_TRUE(links_.empty());
}

TEST_F(CorrelatorTest, ObjectsOfAuthorsOutsideTheCommunityAreNotIndexed) {
  std::string vendor = "identity--99999999-9999-4999-8999-999999999999";
  Import("KZ", {Indicator(1, vendor, "[ipv4-addr:value = '95.59.10.20']")});
  EXPECT_TRUE(correlator_->index().Holders({"ipv4-addr", "95.59.10.20"}).holdings.empty());
}

TEST_F(CorrelatorTest, APersonNamedInTwoScriptsLinksWithTheMatchersScore) {
  Import("KZ", {Person(1, Org("KZ"), "Сейтказиев Нурлан Маратович")});
  Import("UZ", {Person(2, Org("UZ"), "SEYTKAZIYEV NURLAN")});
  ASSERT_EQ(links_.size(), 1u);
  EXPECT_EQ(links_[0].key.kind, "person-name");
  EXPECT_EQ(links_[0].others[0].organisation, Org("KZ"));
  EXPECT_GT(links_[0].score, 0.9);
}

// Rebuilds `rebuilt` (from `snapshot` when given) and expects the holders
// of `keys` and the sizes `incremental` has.
void ExpectRebuildEqualsIncremental(std::unique_ptr<Correlator> rebuilt, Correlator& incremental,
                                    const std::vector<CorrelationKey>& keys, const std::filesystem::path& snapshot) {
  Result<RebuildTotals> totals = rebuilt->Rebuild(2, snapshot);  // small pages: the cursors are followed
  ASSERT_TRUE(totals.ok()) << totals.status().ToString();
  EXPECT_EQ(totals->failures, 0u);
  EXPECT_EQ(totals->from_snapshot, !snapshot.empty());
  EXPECT_EQ(totals->snapshot_problem, "");
  for (const CorrelationKey& key : keys) {
    KeyHolders expected = incremental.index().Holders(key);
    KeyHolders rebuild = rebuilt->index().Holders(key);
    auto by_id = [](const Holding& a, const Holding& b) { return a.object_id < b.object_id; };
    std::sort(expected.holdings.begin(), expected.holdings.end(), by_id);
    std::sort(rebuild.holdings.begin(), rebuild.holdings.end(), by_id);
    EXPECT_EQ(rebuild.holdings, expected.holdings) << key.value;
  }
  EXPECT_EQ(rebuilt->index().Size().holdings, incremental.index().Size().holdings);
  EXPECT_EQ(rebuilt->persons().size(), incremental.persons().size());
}

const std::vector<CorrelationKey> kRebuildKeys = {{"phone-number", "+77011234567"},
                                                  {"ipv4-addr", "95.59.10.20"},
                                                  {"ipv4-addr", "95.59.10.21"},
                                                  {"ipv4-addr", "95.59.10.22"}};

TEST_F(CorrelatorTest, TheRebuildGivesTheIndexTheIncrementalOneBuilt) {
  Import("KZ", {Phone("8 701 123 45 67", "KZ"), Address("95.59.10.20"), Address("95.59.10.22"),
                Person(1, Org("KZ"), "Иванов Сергей")});
  Import("KG", {Phone("+77011234567"), Indicator(2, Org("KG"), "[ipv4-addr:value = '95.59.10.21']")});
  Import("KG", {Indicator(2, Org("KG"), "[ipv4-addr:value = '95.59.10.20']", "2026-05-02T00:00:00.000Z")});
  Import("EU", {Indicator(3, Org("EU"), "[ipv4-addr:value = '95.59.10.22']"),
                Indicator(3, Org("EU"), "[ipv4-addr:value = '95.59.10.22']", "2026-05-02T00:00:00.000Z",
                          R"(,"revoked":true)")});
  ExpectRebuildEqualsIncremental(NewCorrelator(), *correlator_, kRebuildKeys, {});
}

TEST_F(CorrelatorTest, ASnapshotAndWhatCameAfterItGiveTheIncrementalIndex) {
  std::filesystem::path snapshot = directory_ / "correlation-index.snapshot";
  Import("KZ", {Phone("8 701 123 45 67", "KZ"), Address("95.59.10.20"), Person(1, Org("KZ"), "Иванов Сергей")});
  Import("KG", {Indicator(2, Org("KG"), "[ipv4-addr:value = '95.59.10.21']"),
                Indicator(3, Org("KG"), "[ipv4-addr:value = '95.59.10.22']")});
  // A node started now (kenes serve) saves its snapshot when it stops; the
  // imports that follow come from another process it never observes.
  std::unique_ptr<Correlator> started = NewCorrelator();
  ASSERT_TRUE(started->Rebuild().ok());
  ASSERT_TRUE(started->SaveSnapshot(snapshot).ok());
  // After the snapshot: a revision, a revocation, a new observable, a person.
  Import("KG", {Indicator(2, Org("KG"), "[ipv4-addr:value = '95.59.10.20']", "2026-05-02T00:00:00.000Z"),
                Indicator(3, Org("KG"), "[ipv4-addr:value = '95.59.10.22']", "2026-05-02T00:00:00.000Z",
                          R"(,"revoked":true)"),
                Phone("+77011234567"), Person(4, Org("KG"), "Ivanov Sergei")});
  ExpectRebuildEqualsIncremental(NewCorrelator(), *correlator_, kRebuildKeys, snapshot);
}

TEST_F(CorrelatorTest, AnUnreadableSnapshotIsSaidAndTheStoreRebuildsTheIndex) {
  std::filesystem::path snapshot = directory_ / "correlation-index.snapshot";
  Import("KZ", {Address("95.59.10.20")});
  std::ofstream(snapshot) << "not a snapshot";
  std::unique_ptr<Correlator> rebuilt = NewCorrelator();
  Result<RebuildTotals> totals = rebuilt->Rebuild(100, snapshot);
  ASSERT_TRUE(totals.ok());
  EXPECT_FALSE(totals->from_snapshot);
  EXPECT_NE(totals->snapshot_problem, "");
  EXPECT_EQ(rebuilt->index().Holders({"ipv4-addr", "95.59.10.20"}).holdings.size(), 1u);
}

}  // namespace
}  // namespace kenes::correlate
