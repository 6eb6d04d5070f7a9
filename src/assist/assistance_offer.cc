#include "assist/assistance_offer.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "assist/assistance_types.h"
#include "assist/stored_json.h"
#include "base/json_text.h"

namespace kenes::assist {

const OfferLine* AssistanceOffer::Line(std::string_view line_id) const {
  for (const OfferLine& line : lines) {
    if (line.line_id == line_id) return &line;
  }
  return nullptr;
}

bool AssistanceOffer::AnyDelivered() const {
  for (const OfferLine& line : lines) {
    if (line.delivered > 0) return true;
  }
  return false;
}

Result<AssistanceOffer> ParseOffer(std::string_view json) {
  simdjson::dom::parser parser;
  KENES_ASSIGN_OR_RETURN(simdjson::dom::element object, ParseStored(parser, json, kOfferType));
  AssistanceOffer offer;
  offer.id = StringMember(object, "id");
  offer.offerer = StringMember(object, "created_by_ref");
  offer.request_ref = StringMember(object, "request_ref");
  offer.status = StringMember(object, "status");
  offer.changed_by = StringMember(object, "changed_by_ref");
  offer.modified = VersionOf(object);
  simdjson::dom::array lines;
  if (object["lines"].get(lines) == simdjson::SUCCESS) {
    for (simdjson::dom::element line : lines) {
      offer.lines.push_back({StringMember(line, "line_id"), IntegerMember(line, "quantity"), StringMember(line, "unit"),
                             StringMember(line, "note"), IntegerMember(line, "accepted"),
                             IntegerMember(line, "dispatched"), IntegerMember(line, "delivered")});
    }
  }
  if (offer.offerer.empty() || offer.request_ref.empty() || offer.status.empty() || offer.lines.empty()) {
    return Status::Corruption(fmt::format("{} lacks its author, request, status or lines", offer.id));
  }
  offer.json = std::string(json);
  return offer;
}

std::string OfferLinesJson(const std::vector<OfferLine>& lines) {
  std::string out = "[";
  for (const OfferLine& line : lines) {
    if (out.size() > 1) out += ',';
    out += fmt::format(R"({{"line_id":{},"quantity":{},"unit":{})", JsonString(line.line_id), line.quantity,
                       JsonString(line.unit));
    if (!line.note.empty()) out += fmt::format(R"(,"note":{})", JsonString(line.note));
    for (auto [name, value] : {std::pair{"accepted", line.accepted}, std::pair{"dispatched", line.dispatched},
                               std::pair{"delivered", line.delivered}}) {
      if (value > 0) out += fmt::format(R"(,"{}":{})", name, value);
    }
    out += '}';
  }
  out += ']';
  return out;
}

}  // namespace kenes::assist
