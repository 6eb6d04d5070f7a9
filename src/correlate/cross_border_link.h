// CrossBorderLink: the event correlation exists for. When an object of one
// organisation holds a correlation key (observable/observable.h: a kind and a
// canonical value, e.g. ("phone-number", "+992900000001")) that objects of
// other member or partner organisations already hold, each organisation
// involved must learn of it: the correlation index (correlation_index.h)
// reports the link, the alert book (alert_book.h) turns it into one alert per
// organisation, and the sharing rules decide at read time how much of the
// other side each may see.
//
// Plain value types; thread-safe as values.
#pragma once

#include <string>
#include <vector>

#include "observable/observable.h"

namespace kenes::correlate {

// One object holding a key, and whose it is.
struct Holding {
  std::string object_id;     // "phone-number--...", "indicator--...", "identity--..."
  std::string organisation;  // identity id of the organisation the object belongs to (its store label author)
  bool operator==(const Holding&) const = default;
};

struct CrossBorderLink {
  observable::CorrelationKey key;  // for persons: ("person-name", the name as the newer object spells it)
  Holding added;                   // the holding that made the link
  std::vector<Holding> others;     // holdings of the same key by other organisations, one or more each
  double score = 1.0;              // 1 for equal keys; the name matcher's score for persons
};

}  // namespace kenes::correlate
