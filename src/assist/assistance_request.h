// AssistanceRequest: one version of an assistance-request object
// (assistance_types.h) as the desk reads it — who asks, for what hazard,
// where, and the need lines offers answer.
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

struct NeedLine {
  std::string line_id;
  std::string item;
  int64_t quantity = 0;
  std::string unit;
  std::string priority;
};

struct AssistanceRequest {
  std::string id;
  std::string requester;  // created_by_ref: the requesting organisation
  std::string name;
  std::string description;
  std::string hazard;
  std::string location_ref;
  std::string incident_ref;  // empty when none
  std::string status;        // "open" or "closed"
  std::vector<NeedLine> needs;
  std::string changed_by;  // changed_by_ref; empty when the author made the version
  std::optional<Timestamp> modified;
  std::string json;  // the version's text, from which the next version is made

  bool open() const { return status == "open"; }
  // The need line `line_id`; nullptr when the request has none.
  const NeedLine* Need(std::string_view line_id) const;
};

// The request in `json`, a stored assistance-request. Corruption when it
// lacks what the validator requires (it was stored unchecked).
Result<AssistanceRequest> ParseRequest(std::string_view json);

}  // namespace kenes::assist
