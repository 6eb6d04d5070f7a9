// WarningList: correlation keys that say nothing about who holds them, so a
// match on them is noise, not intelligence (MISP's warning lists): private
// and reserved IP ranges (RFC 1918, loopback, link-local, CGNAT, the
// documentation ranges TEST-NET-1/2/3 and 2001:db8::/32, multicast, the
// broadcast address, unspecified addresses), very common domains (and the
// names under them: update.microsoft.com), and placeholder phone numbers (all
// one digit, ascending or descending runs such as 1234567890, a
// country code followed by nothing but zeros: +70000000000).
//
// The built-in lists are constant; Check is a pure function of the key:
// safe from any thread.
#pragma once

#include <optional>
#include <string_view>

#include "observable/observable.h"

namespace kenes::correlate {

// Why `key` (canonical, as observable::KeysOf gives it) is on a warning list
// ("private range 10.0.0.0/8", "very common domain", "placeholder number"),
// or nullopt when it may correlate.
std::optional<std::string_view> WarningFor(const observable::CorrelationKey& key);

}  // namespace kenes::correlate
