// NotifyFixture: the alert fixture's community, store and alert database
// (correlate/alert_fixture.h: organisations KZ, KG, EU; StoreIndicator),
// with notify.db beside them and an Inbox on it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "correlate/alert_fixture.h"
#include "notify/audience.h"
#include "notify/inbox.h"
#include "notify/notify_database.h"

namespace kenes::notify {

using correlate::kEuropeanUnion;
using correlate::kKazakhstan;
using correlate::kKyrgyzstan;

class NotifyFixture : public correlate::AlertFixture {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Closes and opens notify.db and the inbox again, as a restart does.
  void Reopen();

  // A notice of `kind` about `object_id` to `organisations` (empty: whoever may see it).
  static Notice MakeNotice(const std::string& kind, const std::string& object_id,
                           std::vector<std::string> organisations = {}, const std::string& title = "a notice");

  // The notices of `organisation`, oldest first.
  std::vector<StoredNotice> InboxOf(const std::string& organisation);

  std::unique_ptr<NotifyDatabase> notify_database_;
  std::unique_ptr<Audience> audience_;
  std::unique_ptr<Inbox> inbox_;
};

}  // namespace kenes::notify
