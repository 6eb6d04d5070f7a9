// SightFixture: a node in a temporary directory (store, default community,
// a clock the test moves) with a Hunter on it, and STIX objects made to
// order: indicators, observed-data and the addresses they report.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ingest/importer.h"
#include "share/community.h"
#include "share/distribution.h"
#include "share/marking.h"
#include "sight/hunter.h"
#include "stix/object.h"
#include "store/store.h"
#include "store/store_fixture.h"

namespace kenes::sight {

class SightFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The identity id of organisation `code` (KZ, KG, EU...).
  std::string Org(const std::string& code);

  // Imports `objects` (one JSON text each) as the node operator does, with
  // their created_by_ref as authors and `tlp` and `distribution` where their
  // markings do not say, every stored batch told to the hunter (and its
  // `last` flag kept in lasts_). Fails the test when an object is not stored.
  void Import(const std::vector<std::string>& objects, share::Tlp tlp = share::Tlp::kGreen,
              share::DistributionKind distribution = share::DistributionKind::kCommunity, size_t batch_size = 1000);

  // Every stored sighting (latest versions), as the node reads them.
  std::vector<store::StoredVersion> Sightings();
  // The ids of the sightings `code`'s organisation may see.
  std::vector<std::string> SightingsSeenBy(const std::string& code);
  store::Viewer ViewerOf(const std::string& code);

  std::filesystem::path directory_;
  // The community is founded at 2026-01-01; the tests start at 2026-06-01.
  store::ManualClock clock_{*ParseTimestamp("2026-01-01T00:00:00Z")};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<share::Community> community_;
  std::unique_ptr<Hunter> hunter_;
  std::vector<bool> lasts_;  // StoredBatch::last of every batch imported
};

// "ipv4-addr--<its deterministic id>" and the object.
std::string AddressId(const std::string& value);
std::string Address(const std::string& value);

// An indicator by `author` with `pattern`; `extra` adds properties (",\"revoked\":true").
std::string Indicator(const std::string& id, const std::string& author, const std::string& pattern,
                      const std::string& extra = "");

// A 2.1 observed-data by `author` listing `refs`, observed at `when`.
std::string ObservedData(const std::string& id, const std::string& author, const std::vector<std::string>& refs,
                         const std::string& when = "2026-05-20T10:00:00.000Z");

// `json` as the importer reads it.
Result<stix::Object> ParsedObject(const std::string& json);

// "<type>--<uuid ending in number>".
std::string TestObjectId(const std::string& type, int number);

}  // namespace kenes::sight
