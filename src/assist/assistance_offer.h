// AssistanceOffer: one version of an assistance-offer object
// (assistance_types.h) as the desk reads it — who offers what against which
// need lines of a request, its status, and per line how much was accepted,
// dispatched and delivered.
//
// Plain value type; thread-compatible. Parsing is a pure function.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"

namespace kenes::assist {

struct OfferLine {
  std::string line_id;   // the need line answered
  int64_t quantity = 0;  // pledged
  std::string unit;
  std::string note;
  int64_t accepted = 0;
  int64_t dispatched = 0;
  int64_t delivered = 0;
};

struct AssistanceOffer {
  std::string id;
  std::string offerer;  // created_by_ref
  std::string request_ref;
  std::string status;  // pledged, accepted, declined, withdrawn
  std::vector<OfferLine> lines;
  std::string changed_by;  // changed_by_ref; empty when the offerer made the version
  std::optional<Timestamp> modified;
  std::string json;  // the version's text, from which the next version is made

  // The line answering need line `line_id`; nullptr when none.
  const OfferLine* Line(std::string_view line_id) const;
  // Whether any quantity has been delivered on any line.
  bool AnyDelivered() const;
};

// The offer in `json`, a stored assistance-offer. Corruption when it lacks
// what the validator requires.
Result<AssistanceOffer> ParseOffer(std::string_view json);

// The JSON list of `lines`, as the offer's "lines" property; zero
// accepted/dispatched/delivered quantities are left out.
std::string OfferLinesJson(const std::vector<OfferLine>& lines);

}  // namespace kenes::assist
