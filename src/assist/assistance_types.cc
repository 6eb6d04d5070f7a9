#include "assist/assistance_types.h"

#include <fmt/format.h>

#include <deque>
#include <set>
#include <string>

#include "stix/validation/check_context.h"
#include "stix/validation/common_properties.h"
#include "stix/validator.h"

namespace kenes::assist {
namespace {

namespace validation = stix::validation;
using validation::CheckContext;
using validation::PropertyRule;

const validation::Vocabulary& VocabularyOf(std::string_view name, std::span<const std::string_view> terms) {
  // Kept for the life of the process (value checks point at their vocabulary), where the leak checker sees them.
  static std::deque<validation::Vocabulary> vocabularies;
  validation::Vocabulary& vocabulary = vocabularies.emplace_back(validation::Vocabulary{name, {}});
  for (std::string_view term : terms) vocabulary.terms.insert(term);
  return vocabulary;
}

// A new SDO names its extension definition with extension_type new-sdo (STIX 2.1 section 7.3).
void RequireExtensionEntry(simdjson::dom::object object, CheckContext& context, std::string_view definition_id) {
  std::string_view extension_type;
  simdjson::dom::element entry;
  if (object["extensions"][definition_id].get(entry) == simdjson::SUCCESS &&
      entry["extension_type"].get(extension_type) == simdjson::SUCCESS && extension_type == "new-sdo") {
    return;
  }
  auto scope = context.Property("extensions");
  context.Error("extension-definition",
                fmt::format("an object of this type names its definition: extensions must hold {{\"{}\": "
                            "{{\"extension_type\": \"new-sdo\"}}}}",
                            definition_id));
}

// Each line's line_id once in `list_name`.
void RequireUniqueLineIds(simdjson::dom::object object, CheckContext& context, std::string_view list_name) {
  simdjson::dom::array lines;
  if (object[list_name].get(lines) != simdjson::SUCCESS) return;
  std::set<std::string_view> seen;
  size_t index = 0;
  for (simdjson::dom::element line : lines) {
    std::string_view line_id;
    if (line["line_id"].get(line_id) == simdjson::SUCCESS && !seen.insert(line_id).second) {
      auto list_scope = context.Property(list_name);
      auto line_scope = context.Index(index);
      auto scope = context.Property("line_id");
      context.Error("duplicate-line", fmt::format("line_id '{}' is given twice", line_id));
    }
    ++index;
  }
}

void CheckRequest(simdjson::dom::object object, CheckContext& context) {
  RequireExtensionEntry(object, context, kRequestDefinitionId);
  RequireUniqueLineIds(object, context, "needs");
}

int64_t CountOr(simdjson::dom::element line, std::string_view name, int64_t otherwise) {
  int64_t value = 0;
  return line[name].get(value) == simdjson::SUCCESS ? value : otherwise;
}

// quantity >= accepted >= dispatched >= delivered, the absent ones 0 (accepted: 0 too).
void CheckOfferQuantities(simdjson::dom::object object, CheckContext& context) {
  simdjson::dom::array lines;
  if (object["lines"].get(lines) != simdjson::SUCCESS) return;
  size_t index = 0;
  for (simdjson::dom::element line : lines) {
    const int64_t quantity = CountOr(line, "quantity", 0);
    const int64_t accepted = CountOr(line, "accepted", 0);
    const int64_t dispatched = CountOr(line, "dispatched", 0);
    const int64_t delivered = CountOr(line, "delivered", 0);
    auto report = [&](std::string_view property, std::string message) {
      auto list_scope = context.Property("lines");
      auto line_scope = context.Index(index);
      auto scope = context.Property(property);
      context.Error("offer-quantity", std::move(message));
    };
    if (accepted > quantity)
      report("accepted", fmt::format("accepted {} is more than the {} pledged", accepted, quantity));
    if (dispatched > accepted) {
      report("dispatched", fmt::format("dispatched {} is more than the {} accepted", dispatched, accepted));
    }
    if (delivered > dispatched) {
      report("delivered", fmt::format("delivered {} is more than the {} dispatched", delivered, dispatched));
    }
    ++index;
  }
}

void CheckOffer(simdjson::dom::object object, CheckContext& context) {
  RequireExtensionEntry(object, context, kOfferDefinitionId);
  RequireUniqueLineIds(object, context, "lines");
  CheckOfferQuantities(object, context);
}

Status RegisterAll() {
  using validation::Count;
  using validation::Enum;
  using validation::Integer;
  using validation::ListOf;
  using validation::MakeShape;
  using validation::Nested;
  using validation::ReferenceTo;
  using validation::String;
  const auto& hazards = VocabularyOf("kenes-hazard-enum", kHazards);
  const auto& items = VocabularyOf("kenes-assistance-item-ov", kItems);
  const auto& priorities = VocabularyOf("kenes-assistance-priority-enum", kPriorities);
  const auto& request_statuses = VocabularyOf("kenes-assistance-request-status-enum", kRequestStatuses);
  const auto& offer_statuses = VocabularyOf("kenes-assistance-offer-status-enum", kOfferStatuses);

  const validation::ObjectShape* need_line = MakeShape("need line", {{"line_id", String(), true},
                                                                     {"item", validation::OpenVocabulary(items), true},
                                                                     {"quantity", Integer(1), true},
                                                                     {"unit", String(), true},
                                                                     {"priority", Enum(priorities), true}});
  const validation::ObjectShape* offer_line = MakeShape("offer line", {{"line_id", String(), true},
                                                                       {"quantity", Integer(1), true},
                                                                       {"unit", String(), true},
                                                                       {"note", String()},
                                                                       {"accepted", Count()},
                                                                       {"dispatched", Count()},
                                                                       {"delivered", Count()}});
  const PropertyRule author{"created_by_ref", ReferenceTo({"identity"}), true};
  const PropertyRule changed_by{"changed_by_ref", ReferenceTo({"identity"})};

  validation::TypeDefinition request = validation::DefineType(kRequestType, validation::Category::kSdo,
                                                              {author,
                                                               {"name", String(), true},
                                                               {"description", String()},
                                                               {"hazard", Enum(hazards), true},
                                                               {"location_ref", ReferenceTo({"location"}), true},
                                                               {"incident_ref", ReferenceTo({"incident"})},
                                                               {"status", Enum(request_statuses), true},
                                                               {"needs", ListOf(Nested(need_line)), true},
                                                               changed_by},
                                                              {CheckRequest});
  request.defined_by_extension = true;
  KENES_RETURN_IF_ERROR(stix::RegisterType(std::move(request)));

  validation::TypeDefinition offer = validation::DefineType(kOfferType, validation::Category::kSdo,
                                                            {author,
                                                             {"request_ref", ReferenceTo({kRequestType}), true},
                                                             {"status", Enum(offer_statuses), true},
                                                             {"lines", ListOf(Nested(offer_line)), true},
                                                             changed_by},
                                                            {CheckOffer});
  offer.defined_by_extension = true;
  return stix::RegisterType(std::move(offer));
}

}  // namespace

Status RegisterAssistanceTypes() {
  static const Status kStatus = RegisterAll();
  return kStatus;
}

}  // namespace kenes::assist
