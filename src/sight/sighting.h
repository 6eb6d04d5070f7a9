// Sighting: the STIX sighting Kenes writes when an indicator's pattern
// matches observed-data, and who may see it.
//
// The sighting is the observer's statement "we saw this": created_by_ref and
// where_sighted_refs name the observing organisation, sighting_of_ref the
// indicator, observed_data_refs the observed-data that matched; first_seen,
// last_seen and count come from them. Everything in it is derived from its
// inputs, so the same match always gives the same text: the id is a UUIDv5
// over the indicator, the observed-data and the observer, created is the
// earliest observed-data's created and modified the latest observed-data's
// version. Matching again after a re-ingest therefore stores a duplicate;
// a new version of the observed-data gives a new version of the sighting.
//
// Who sees it: the observer (its author) and the indicator's author, to
// whom it is addressed (share/access_policy.h AddressedLabel), and no one
// else. Its TLP level is the strictest of AMBER, the indicator's and the
// observed-data's, and travels as its TLP marking. When the observer wrote
// the indicator itself, or the indicator names no author, the sighting is
// the observer's alone (distribution organisation).
//
// Pure functions over values; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "share/marking.h"
#include "stix/object.h"
#include "store/store.h"

namespace kenes::sight {

// One observed-data object a match took part in.
struct SightedObservation {
  std::string id;
  Timestamp created;
  Timestamp version;  // modified, else created
  Timestamp first_observed;
  Timestamp last_observed;
  int64_t number_observed = 1;
  share::Tlp tlp = share::Tlp::kAmber;
};

struct SightingFacts {
  std::string indicator_id;
  std::string indicator_author;  // identity id; empty when the indicator names none
  share::Tlp indicator_tlp = share::Tlp::kAmber;
  std::string observer;                          // identity id of the observing organisation
  std::vector<SightedObservation> observations;  // REQUIRES: at least one
};

// The sighting as STIX 2.1 JSON in a stix::Object, ready for Store::Put.
// InvalidArgument when `facts` has no observation or no observer.
Result<stix::Object> SightingObject(const SightingFacts& facts);

// Who may see it (see above).
store::AccessLabel SightingLabel(const SightingFacts& facts);

}  // namespace kenes::sight
