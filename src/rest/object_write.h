// ObjectWrite: creating and revising objects as a user over the REST API.
//
// The request body is
//   {"object": {...a STIX object...}, "tlp": "amber", "distribution": "members"}
// where "tlp" and "distribution" (organisation, members, community or
// group:<sharing group id>) are optional and say who may see an object
// whose markings do not; when the object's markings do say, the two must
// agree. Without them the object takes its organisation's default TLP and
// distribution organisation, as `kenes import --as` does.
//
// The server fills in what the user need not write: spec_version 2.1, an id
// (random, or the deterministic id of an observable), created and modified;
// for an admin of an organisation, which the labeller leaves as written,
// also created_by_ref, so that what it writes here is its organisation's.
// A revision keeps the object's id, type and created; its modified is set to
// now when absent or not newer than the latest version. Then the object
// goes through the importer with share::WriteLabeller, exactly as
// `kenes import` takes it: the same validation and sharing rules, which set
// created_by_ref to the user's organisation and add the TLP and
// distribution markings. The write is audited ("object.write").
//
// Answers: 201 with the stored object as an entry (object_json.h) and the
// validator's warnings; 400 naming the invalid property (the validator's
// findings as details) or the bad body; 403 for readers and for another
// organisation's object; 404 for an object to revise the user may not see;
// 409 for an id that exists, a revoked object, an observable's second
// version or a conflicting text.
//
// Thread-safety: any number of requests at once (the store serialises writes).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string_view>

#include "http/message.h"
#include "ingest/importer.h"
#include "share/community.h"
#include "share/principal.h"
#include "share/write_labeller.h"
#include "store/store.h"

namespace kenes::rest {

struct WriteDraft;  // a write request as the server completed it (object_write.cc)

class ObjectWrite {
 public:
  // `on_stored` (optional) learns how many versions each write stored,
  // `on_batch` (optional) the batch stored (ingest::ImportOptions::on_batch).
  ObjectWrite(store::Store& store, share::Community& community, std::function<void(size_t)> on_stored,
              std::function<void(const ingest::StoredBatch&)> on_batch = {});

  // POST /api/v1/objects.
  http::Response Create(const share::Principal& principal, const store::Viewer* viewer, std::string_view body);
  // PUT /api/v1/objects/{id}.
  http::Response Revise(const share::Principal& principal, const store::Viewer* viewer, std::string_view id,
                        std::string_view body);
  // POST /api/v1/validate: what Create would say of `body`'s object, storing nothing:
  // {"valid": bool, "object": <as the server completed it>, "errors": [...], "warnings": [...]}.
  http::Response Validate(const share::Principal& principal, const store::Viewer* viewer, std::string_view body);

 private:
  Result<WriteDraft> Prepare(const share::Principal& principal, const store::Viewer* viewer, std::string_view body,
                             std::string_view revised_id);
  // Create and Revise (`revised_id` empty for a create).
  http::Response Submit(const share::Principal& principal, const store::Viewer* viewer, std::string_view body,
                        std::string_view revised_id);
  Result<http::Response> Write(const share::Principal& principal, const WriteDraft& draft);

  // What became of a draft in the importer; the write is audited either way.
  struct Imported {
    Status status;                     // why it was not stored
    size_t stored = 0;                 // 1: a new version; 0: this exact version was there
    std::optional<Timestamp> version;  // of the object as stored
    Status audited;                    // whether the audit log took the write
  };
  Imported Import(const share::Principal& principal, const share::WriteLabel& labeller, const WriteDraft& draft);

  store::Store& store_;
  share::Community& community_;
  std::function<void(size_t)> on_stored_;
  std::function<void(const ingest::StoredBatch&)> on_batch_;
};

}  // namespace kenes::rest
