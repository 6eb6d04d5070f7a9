// IncidentScenario: the demo's joint response to a drug-trafficking
// incident, in the STIX representation of joint response (src/respond).
//
// A heroin consignment of the Pamir Corridor Syndicate (synthetic) moves
// from Afghanistan across the Panj into Tajikistan, through Kyrgyzstan's
// Batken corridor and into Kazakhstan. Kazakhstan owns the incident (OASIS
// Incident Core and Kenes incident extensions; affected states Kazakhstan,
// Kyrgyzstan, Tajikistan) and its response plan; the incident is linked to
// the base scenario's syndicate, its operation and the courier leads. The
// plan has six tasks for the three states and the EU, in progress: one
// successful, one failed, two ongoing (one of them overdue), one waiting on a
// dependency, one cancelled by the plan owner. Each change of a
// task is its own version, authored as the plan owner with changed_by_ref
// naming the state that made it. Notes record the council's decisions and
// the states' reports; sightings place the courier phone at two crossings.
// (Kenes' response extension definitions are in the base scenario.)
//
// Objects are appended to the base scenario in dependency order (versions of
// one object oldest first); ids come from a random stream of their own, so
// the base scenario and the scaled stream are the same with or without it.
// Deterministic for a seed. Not thread-safe (it registers the response types
// with the validator once, which is).
#pragma once

#include <cstdint>
#include <string>

#include "demo/base_scenario.h"

namespace kenes::demo {

// Appends the incident, its plan, tasks, notes and sightings to `scenario`
// and moves its last_time_ms past them.
void AddIncidentScenario(uint64_t seed, BaseScenario& scenario);

}  // namespace kenes::demo
