// DemoGenerator: a stream of synthetic STIX 2.1 objects for demos and
// benchmarks, repeatable from a seed.
//
// First comes the base scenario (see base_scenario.h): TLP 2.0 markings, the
// member states' and partners' identities, places, trafficking networks,
// indicators, sightings, reports and a flood, then the joint response to a
// drug-trafficking incident (incident_scenario.h), whose tasks come in
// several versions each. Then, in scaled mode, objects
// of mixed types (observables, indicators, relationships, observed data,
// sightings, notes, reports) averaging about 500 bytes, until the stream
// holds `object_count` objects in all. They are authored by the scenario's identities and pointing only at
// objects emitted before them. Objects are produced one at a time, so memory
// stays constant however many are asked for: the generator keeps the base
// scenario, the seeded random state and the ids of the current episode.
//
// Each object is one line of compact JSON (NDJSON-ready) with valid STIX ids:
// deterministic (UUIDv5) for observables, seeded UUIDv4 for the rest.
// Not thread-safe; use one generator per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "demo/base_scenario.h"
#include "demo/object_writer.h"
#include "demo/seeded_random.h"

namespace kenes::demo {

struct DemoOptions {
  uint64_t seed = 1;
  // Objects in the whole stream, base scenario included; the base scenario is
  // always complete, so any count up to its size (0 too) gives just the base.
  size_t object_count = 0;
};

class DemoGenerator {
 public:
  explicit DemoGenerator(DemoOptions options);
  // Its writer refers to its own random state, so a generator stays put.
  DemoGenerator(const DemoGenerator&) = delete;
  DemoGenerator& operator=(const DemoGenerator&) = delete;

  // Writes the next object into `json_out` (replacing its content) and
  // returns true, or returns false when the stream is over.
  bool Next(std::string& json_out);

  // How many objects the base scenario has (all seeds have the same number).
  size_t base_object_count() const { return base_.objects.size(); }

 private:
  void NextScaled(std::string& out);
  Authoring By(std::string_view author, std::string_view marking);
  std::string_view AnyMember();
  std::string_view AnyAuthor();
  void WriteAddress(std::string& out);
  void WriteObservable(std::string& out);
  void WriteIndicator(std::string& out);
  void WriteRelationship(std::string& out);
  void WriteObservedData(std::string& out);
  void WriteSighting(std::string& out);
  void WriteNote(std::string& out);
  void WriteReport(std::string& out);

  DemoOptions options_;
  SeededRandom random_;
  ObjectWriter writer_;
  BaseScenario base_;
  size_t emitted_ = 0;
  int64_t clock_ms_ = 0;
  uint64_t address_serial_ = 0;
  uint64_t observable_serial_ = 0;

  // The current episode: an IP address and another observable seen with it,
  // the indicator for the latter, what was seen.
  std::string address_id_;
  std::string observable_id_;
  std::string pattern_;
  std::string observable_label_;
  std::string indicator_id_;
  std::string observed_data_id_;
  std::string sighting_id_;
  std::string target_id_;  // the threat actor or intrusion set this episode is about
};

}  // namespace kenes::demo
