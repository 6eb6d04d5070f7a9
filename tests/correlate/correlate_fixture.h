// CorrelateFixture: a node in a temporary directory (store, default
// community: share::CommunityFixture) with a Correlator whose links the test
// collects, and STIX objects made to order.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "correlate/correlator.h"
#include "share/community_fixture.h"
#include "share/distribution.h"
#include "share/marking.h"

namespace kenes::correlate {

class CorrelateFixture : public share::CommunityFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A correlator on the fixture's store whose links go to links_.
  std::unique_ptr<Correlator> NewCorrelator();
  // The identity id of organisation `code` (KZ, KG, EU...).
  std::string Org(const std::string& code);

  // Imports `objects` as the node operator does, observables as `code`'s,
  // with `tlp` and `distribution` where markings do not say, every batch
  // told to correlator_. Fails the test when one is refused.
  void Import(const std::string& code, const std::vector<std::string>& objects, share::Tlp tlp = share::Tlp::kGreen,
              share::DistributionKind distribution = share::DistributionKind::kCommunity);

  std::unique_ptr<Correlator> correlator_;
  std::vector<CrossBorderLink> links_;
};

// A phone-number with an id from its value as written.
std::string Phone(const std::string& value, const std::string& country = "");
// An ipv4-addr without an id (the import gives it its deterministic one).
std::string Address(const std::string& value);
// The id the import gives Address(value).
std::string AddressId(const std::string& value);

// An SDO of `type` numbered `number` by `author` with `members` (JSON text).
std::string Sdo(const std::string& type, int number, const std::string& author, const std::string& members,
                const std::string& modified = "2026-05-01T00:00:00.000Z");
std::string SdoId(const std::string& type, int number);
std::string Indicator(int number, const std::string& author, const std::string& pattern,
                      const std::string& modified = "2026-05-01T00:00:00.000Z", const std::string& extra = "");
std::string Person(int number, const std::string& author, const std::string& name);

}  // namespace kenes::correlate
