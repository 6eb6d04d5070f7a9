// AssistanceTypes: Kenes' two SDO types for mutual assistance in an
// emergency, assistance-request (a state's needs, line by line) and
// assistance-offer (another organisation's help against those lines), each
// defined by an extension definition (extension_definitions.h, whose
// `schema` text documents every property) and registered here with the
// STIX validator: property tables, closed and open vocabularies, and the
// rules that tie properties together (line ids unique, an offer line's
// accepted <= quantity, dispatched <= accepted, delivered <= dispatched,
// the new-sdo extension entry present, created_by_ref present).
//
// The vocabularies are listed here once, for the validator, the desk that
// checks what users ask for, and the CLI's help.
//
// Whatever validates objects calls RegisterAssistanceTypes() at start-up
// (the importer does, so every way in accepts and checks these types); until
// then they are custom objects to the validator. Safe to call from any
// thread and any number of times.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"

namespace kenes::assist {

inline constexpr std::string_view kRequestType = "assistance-request";
inline constexpr std::string_view kOfferType = "assistance-offer";
inline constexpr std::string_view kRequestDefinitionId = "extension-definition--9cbf5c25-51bf-45fe-bb49-489f695f37a4";
inline constexpr std::string_view kOfferDefinitionId = "extension-definition--8147af8b-7a16-41dd-aaff-959a4c8a05b2";

// kenes-hazard-enum: what the emergency is.
inline constexpr std::string_view kHazards[] = {"flood",    "earthquake",           "mudslide",
                                                "epidemic", "mass-casualty-attack", "other"};
// kenes-assistance-item-ov: what is needed; other items are allowed with a warning.
inline constexpr std::string_view kItems[] = {
    "rescue-team", "pump",          "boat",      "tent",    "drinking-water", "medical-supplies",
    "helicopter",  "field-kitchen", "generator", "blanket", "food-ration",    "other"};
// Need priorities, most urgent first.
inline constexpr std::string_view kPriorities[] = {"critical", "high", "medium", "low"};
inline constexpr std::string_view kRequestStatuses[] = {"open", "closed"};
inline constexpr std::string_view kOfferStatuses[] = {"pledged", "accepted", "declined", "withdrawn"};

// Registers both types with the STIX type registry. The first call does the
// work; later calls return its status.
Status RegisterAssistanceTypes();

}  // namespace kenes::assist
