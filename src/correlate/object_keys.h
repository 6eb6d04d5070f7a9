// ObjectKeys: what one STIX object offers the correlation index.
//
//   cyber observables   their correlation keys (observable::KeysOf)
//   indicator           the values of the `=` and `IN` atoms of its STIX
//                       pattern's cover (pattern/pattern_cover.h): each
//                       counts as an observation of that value by the
//                       indicator's author. An atom counts when its path is
//                       a chain of property names on an observable type
//                       whose keys observable::KeysOf reads from those
//                       properties, its literal a string, and the value
//                       normalises: X:value of ipv4-addr, ipv6-addr,
//                       domain-name, url, email-addr, phone-number (E.164 or
//                       international forms: no country to read a national
//                       form in) and cryptocurrency-wallet; file, artifact and
//                       x509-certificate :hashes.ALGORITHM; bank-account:iban
//                       and :account_number; vehicle:vin. Within brackets an
//                       AND contributes its cheapest operand's atoms only
//                       (the cover's choice), so a value ANDed with a rarer
//                       one is not counted.
//   identity (individual), threat-actor   a person's name, for the person
//                       index (person_index.h)
//
// Pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "observable/observable.h"
#include "stix/object.h"

namespace kenes::correlate {

struct ObjectKeys {
  std::vector<observable::CorrelationKey> keys;
  std::optional<std::string> person_name;
  bool versioned = false;  // an SDO: a new version's keys replace the old version's
};

// The STIX types ObjectKeysOf reads anything from (to list them from the store).
const std::vector<std::string>& CorrelatedTypes();

// InvalidArgument when the text is not JSON or an observable's value is
// malformed; a pattern that does not parse gives no keys.
Result<ObjectKeys> ObjectKeysOf(const stix::Object& object);

// The canonical key of `value` given as `kind` (a kind observable::KeysOf
// gives), normalised by the same rules; InvalidArgument naming the
// problem. "vehicle" values read "COUNTRY:PLATE"; "identity-document"
// values "COUNTRY:TYPE:NUMBER"; "user-account" kinds are not looked up this
// way (their keys join the account type to the id).
Result<observable::CorrelationKey> NormaliseKey(std::string_view kind, std::string_view value);

}  // namespace kenes::correlate
