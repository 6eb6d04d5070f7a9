// ObjectWriter: the common frame of every demo object, written one way.
//
// Domain objects and relationships get a seeded UUIDv4 id, their author
// (created_by_ref), created <= modified timestamps in milliseconds and a TLP
// 2.0 marking; cyber observables get the deterministic id STIX prescribes,
// computed by stix::ScoId from the object itself. Not thread-safe: it shares
// the generator's SeededRandom and keeps one parser for observable ids.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "demo/seeded_random.h"
#include "stix/json_object_builder.h"

namespace kenes::demo {

// Who wrote an object, when, and how it may be shared.
struct Authoring {
  std::string_view author;   // an identity id
  std::string_view marking;  // a marking-definition id
  int64_t created_ms = 0;    // since the epoch
  int64_t modified_ms = 0;   // >= created_ms
};

class ObjectWriter {
 public:
  explicit ObjectWriter(SeededRandom& random) : random_(random) {}

  // Starts a domain object or relationship of `type` in `out` with a fresh
  // id (stored in `id`) and the common properties of `authoring`.
  stix::JsonObjectBuilder Begin(std::string& out, std::string_view type, std::string& id, const Authoring& authoring);

  // As Begin, for an object whose id is fixed elsewhere (the community's organisations).
  stix::JsonObjectBuilder BeginWithId(std::string& out, std::string_view type, std::string_view id,
                                      const Authoring& authoring);

  // Starts an observable of `type` in `out`; add its properties, then call
  // FinishObservable, which inserts its deterministic id.
  stix::JsonObjectBuilder BeginObservable(std::string& out, std::string_view type);

  // Closes the observable in `out` and inserts "id" after "spec_version";
  // the id is also stored in `id`.
  void FinishObservable(stix::JsonObjectBuilder& builder, std::string& out, std::string& id);

  // "2026-03-01T00:00:00.000Z" for milliseconds since the epoch.
  static std::string TimeText(int64_t milliseconds);

 private:
  SeededRandom& random_;
  simdjson::dom::parser parser_;
};

}  // namespace kenes::demo
