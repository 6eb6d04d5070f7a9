// AssistanceScenario: the demo's mutual assistance in the spring flood in
// western and northern Kazakhstan (the base scenario's flood incident), in
// Kenes' assistance types (src/assist).
//
// Kazakhstan requests assistance for the Atyrau Region flood zone (a
// location with coordinates), naming the flood incident, with six need
// lines: pumps, boats, rescue teams, drinking water, tents and helicopters.
// Offers from members and partners stand in different states: Uzbekistan's
// pumps accepted and partly delivered, Kyrgyzstan's rescue teams and boats
// accepted (in part) and partly delivered, the EU's water and tents and the
// GCC's tents pledged and awaiting Kazakhstan's answer, China's helicopters
// declined. So some needs are partly met, others wholly open, and the gaps
// show. Each change is its own version (the offerer's object; Kazakhstan's
// decisions carry changed_by_ref).
//
// Objects are appended to the scenario in dependency order (versions of one
// object oldest first), with ids from a random stream of their own, so the
// rest of the demo is the same with or without it. Deterministic for a
// seed. Not thread-safe (it registers the assistance types with the
// validator once, which is).
#pragma once

#include <cstdint>

#include "demo/base_scenario.h"

namespace kenes::demo {

// Appends the assistance extension definitions, the request and its offers
// to `scenario` and moves its last_time_ms past them.
void AddAssistanceScenario(uint64_t seed, BaseScenario& scenario);

}  // namespace kenes::demo
