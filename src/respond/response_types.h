// ResponseTypes: the STIX vocabulary of joint response, registered with the
// validator so that every way into the node (kenes import, TAXII, REST, the
// response desk) checks it the same way.
//
//   incident          Incident Core (OASIS) and the Kenes incident extension:
//                     investigation status, determination, criticality;
//                     severity and affected states
//   course-of-action  the Kenes response-plan extension: the plan's incident
//   task              the OASIS task SDO (new-sdo) with the Kenes task
//                     extension: plan, incident, responsible organisation,
//                     due date, dependencies, who made the version
//
// Kenes' three extension definitions ship as src/respond/definitions/*.json
// (ExtensionDefinitionTexts(), extension_definitions.h) and are stored with
// the demo data, so partners' tools can learn them.
//
// Whatever validates objects calls RegisterResponseTypes() at start-up (the
// importer does); until then tasks are custom objects and the extensions'
// properties go unchecked. Safe from any thread, any number of times.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"

namespace kenes::respond {

inline constexpr std::string_view kIncidentCoreExtension = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
inline constexpr std::string_view kTaskObjectExtension = "extension-definition--2074a052-8be4-4932-849e-f5e7798e0030";
inline constexpr std::string_view kIncidentExtension = "extension-definition--b05dca82-07d9-4457-8d5b-7ce09de4a7c5";
inline constexpr std::string_view kPlanExtension = "extension-definition--4df9ce4f-7814-4f1f-982b-8bcae5de11bd";
inline constexpr std::string_view kTaskExtension = "extension-definition--16b0ada2-9d57-4f9f-b4c1-d023634b2317";

// Kenes' own extension definitions, in the order of definitions/*.json's file names.
std::span<const std::string_view> KenesExtensionIds();

// Registers the task type and the four property extensions. The first call
// does the work; later calls return its status.
Status RegisterResponseTypes();

}  // namespace kenes::respond
