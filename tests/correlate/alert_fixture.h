// AlertFixture: the default community in a fresh data directory (share's
// CommunityFixture), an alert database beside it, the AlertBook and
// DetailDesk on it, and objects of KZ and KG to raise alerts about.
#pragma once

#include <memory>
#include <string>

#include "correlate/alert_book.h"
#include "correlate/alert_database.h"
#include "correlate/detail_desk.h"
#include "share/access_label.h"
#include "share/community_fixture.h"

namespace kenes::correlate {

inline const std::string kKazakhstan = "identity--f893a2ee-fb32-455e-b1c1-8690ee42c90b";
inline const std::string kKyrgyzstan = "identity--e099ec6c-d736-4ca5-85e7-bb0f12278575";
inline const std::string kEuropeanUnion = "identity--1f841063-3ef3-46ac-8973-05c5d1aab99f";

class AlertFixture : public share::CommunityFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Stores indicator `number` of `organisation` with `label`'s TLP and
  // distribution, and returns its id.
  std::string StoreIndicator(int number, const std::string& organisation, share::Tlp tlp,
                             share::DistributionKind distribution);

  // A link of key ("ipv4-addr", `value`) made by `added` with `others`.
  static CrossBorderLink Link(const std::string& value, Holding added, std::vector<Holding> others, double score = 1.0);

  std::unique_ptr<AlertDatabase> database_;
  std::unique_ptr<AlertBook> alerts_;
  std::unique_ptr<DetailDesk> desk_;
};

}  // namespace kenes::correlate
