#include "assist/assistance_request.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "assist/assistance_types.h"
#include "assist/stored_json.h"

namespace kenes::assist {

const NeedLine* AssistanceRequest::Need(std::string_view line_id) const {
  for (const NeedLine& need : needs) {
    if (need.line_id == line_id) return &need;
  }
  return nullptr;
}

Result<AssistanceRequest> ParseRequest(std::string_view json) {
  simdjson::dom::parser parser;
  KENES_ASSIGN_OR_RETURN(simdjson::dom::element object, ParseStored(parser, json, kRequestType));
  AssistanceRequest request;
  request.id = StringMember(object, "id");
  request.requester = StringMember(object, "created_by_ref");
  request.name = StringMember(object, "name");
  request.description = StringMember(object, "description");
  request.hazard = StringMember(object, "hazard");
  request.location_ref = StringMember(object, "location_ref");
  request.incident_ref = StringMember(object, "incident_ref");
  request.status = StringMember(object, "status");
  request.changed_by = StringMember(object, "changed_by_ref");
  request.modified = VersionOf(object);
  simdjson::dom::array needs;
  if (object["needs"].get(needs) == simdjson::SUCCESS) {
    for (simdjson::dom::element line : needs) {
      request.needs.push_back({StringMember(line, "line_id"), StringMember(line, "item"),
                               IntegerMember(line, "quantity"), StringMember(line, "unit"),
                               StringMember(line, "priority")});
    }
  }
  if (request.requester.empty() || request.status.empty() || request.needs.empty()) {
    return Status::Corruption(fmt::format("{} lacks its author, status or needs", request.id));
  }
  request.json = std::string(json);
  return request;
}

}  // namespace kenes::assist
