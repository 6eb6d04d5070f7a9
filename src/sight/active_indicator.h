// ActiveIndicator: an indicator version as the hunter uses it: its pattern
// ready to match, who wrote it, and when it is in force.
//
// Only patterns in the STIX patterning language are hunted (pattern_type
// "stix"; STIX 2.0 indicators have no pattern_type and are read in the 2.0
// dialect). An indicator is in force from valid_from until valid_until
// (exclusive) and not once revoked; both are judged at the time of the hunt,
// not of the observation, so that a new indicator finds what was seen
// before it was written (the retro-hunt).
//
// A pattern is "single-observation" when its root is one bracketed
// observation (possibly in parentheses) without REPEATS: whether it matches
// one observed-data depends on that observed-data alone. Any other pattern
// (AND, OR, FOLLOWEDBY between observations, REPEATS) needs the observer's
// other observed-data as context (hunter.h says which); `within` is the
// root's WITHIN qualifier, which bounds that context in time.
//
// Plain value type (move-only: it owns a Matcher); Evaluate is const and
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "base/timestamp.h"
#include "pattern/matcher.h"
#include "share/marking.h"
#include "store/store.h"

namespace kenes::sight {

struct ActiveIndicator {
  std::string id;
  Timestamp version;   // modified, else created
  std::string author;  // identity id of the author organisation; empty: none
  share::Tlp tlp = share::Tlp::kAmber;
  std::optional<store::AccessLabel> label;  // as stored, when known (it came through the hunter)
  std::optional<Timestamp> valid_from;
  std::optional<Timestamp> valid_until;
  bool needs_context = false;    // not single-observation (above)
  std::optional<double> within;  // seconds, from the root's WITHIN qualifier
  pattern::Matcher matcher;

  // Whether the indicator is in force at `now`.
  bool InForceAt(const Timestamp& now) const;
};

// Who wrote an indicator version and how far it travels, as the store labels it.
struct IndicatorOrigin {
  std::string author;
  share::Tlp tlp = share::Tlp::kAmber;
  std::optional<store::AccessLabel> label;  // the store label itself, when known
};

// The indicator in `json` (an indicator object of `spec_version`) ready to
// hunt, or nullopt when it is not to be hunted: revoked, expired at `now`,
// or its pattern_type is not stix. InvalidArgument when its pattern does
// not parse or the matcher refuses it, or the JSON lacks what an indicator has.
Result<std::optional<ActiveIndicator>> ReadIndicator(std::string_view json, std::string_view spec_version,
                                                     IndicatorOrigin origin, const Timestamp& now);

}  // namespace kenes::sight
