// BaseScenario: the synthetic story every demo community starts with.
//
// The five member states of the Central Asia security dialogue (Kazakhstan,
// Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan) and the "Central Asia
// Plus" partners (EU, China, USA, GCC, Germany) share intelligence on drug
// and arms trafficking out of Afghanistan and an extremist recruitment
// network, and help each other in a flood in western and northern
// Kazakhstan. All names, addresses, domains and hashes are fictional
// (documentation IP ranges, .example/.test/.invalid domains); descriptions say
// "synthetic". Objects come in dependency order: every reference points to an
// object earlier in the list, except the TLP 2.0 extension definition's
// author, the OASIS CTI TC identity, which Kenes does not invent.
//
// A BaseScenario is a plain value; building one is deterministic for the
// state of the SeededRandom it is given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "demo/object_writer.h"
#include "demo/seeded_random.h"

namespace kenes::demo {

// The TLP 2.0 marking definitions (oasis-open/cti-stix-common-objects).
inline constexpr std::string_view kTlpExtensionDefinition =
    "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
inline constexpr std::string_view kTlpClear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
inline constexpr std::string_view kTlpGreen = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
inline constexpr std::string_view kTlpAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
inline constexpr std::string_view kTlpAmberStrict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
inline constexpr std::string_view kTlpRed = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

// The author of the TLP 2.0 extension definition, not part of the scenario.
inline constexpr std::string_view kOasisCtiIdentity = "identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01";

struct BaseScenario {
  std::vector<std::string> objects;            // JSON texts, dependency order
  std::vector<std::string> member_ids;         // security councils: KZ, KG, TJ, TM, UZ
  std::vector<std::string> partner_ids;        // EU, CN, US, GCC, DE
  std::vector<std::string> threat_actor_ids;   // the trafficking and recruitment networks
  std::vector<std::string> intrusion_set_ids;  // their operations
  std::vector<std::string> courier_lead_ids;   // lead indicators: phone (UZ, TJ), wallet (KZ, UZ)
  std::string courier_phone_id;                // the phone-number Kazakhstan observed
  std::string flood_incident_id;               // the spring flood in Kazakhstan
  std::vector<std::string> flood_zone_ids;     // its locations: Atyrau, Kostanay, Aktobe flood zones
  int64_t last_time_ms = 0;                    // the latest timestamp used
};

BaseScenario BuildBaseScenario(SeededRandom& random, ObjectWriter& writer);

}  // namespace kenes::demo
