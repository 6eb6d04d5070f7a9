// Store: where Kenes keeps every version of every STIX object it accepts.
//
// A version is identified by (id, version timestamp), the timestamp being
// `modified`, else `created` (stix::Object::VersionTimestamp()). Cyber
// observables (SCOs) have neither and so exactly one version: the first JSON
// text stored for an SCO id is kept, resubmitting it is a duplicate, and a
// different text for the same id is reported as a conflict and not stored.
// Likewise a different text for an existing (id, modified) is a conflict.
// Following STIX 2.1 section 3.6, once a version with `revoked: true` is
// stored, versions newer than it are refused; older ones may still fill in
// history. The "latest" version of an id is the one with the greatest
// version timestamp, compared as instants, never as text.
//
// Every stored version gets a server `date_added`, strictly increasing across
// the whole store (across batches, restarts and system clock steps backwards),
// with microsecond resolution. Lists are ordered by it, which is what TAXII
// paging (added_after, next) relies on.
//
// A write is acknowledged only after it is durable: when Put returns OK, its
// versions survive a process crash or power loss.
//
// Thread-safety: every method may be called from any thread concurrently.
// Implementations serialise writers and give concurrent readers their own
// snapshot; a List page is one consistent snapshot. Returned values are owned
// by the caller.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "stix/object.h"

namespace kenes::store {

// What happened to one object of a Put batch.
enum class WriteOutcome {
  kStored,     // a new version, now durable
  kDuplicate,  // this exact version was already stored byte for byte: nothing written
  kConflict,   // (id, version) or the SCO id exists with a different JSON text: first one kept
  kRevoked,    // newer than a revoked version of the same object: refused
  kInvalid,    // the object lacks what the store needs (id, matching type, JSON): refused
};

std::string_view WriteOutcomeName(WriteOutcome outcome);

struct WriteResult {
  WriteOutcome outcome = WriteOutcome::kStored;
  Timestamp date_added;  // of the stored version, or of the one already there (duplicate, conflict)
  std::string message;   // why, for kConflict, kRevoked and kInvalid
};

// One stored version, as read back.
struct StoredVersion {
  std::string id;
  std::string type;
  std::string spec_version;
  std::optional<Timestamp> version;  // modified, else created; none for SCOs
  Timestamp date_added;
  std::string created_by_ref;  // empty when absent
  std::vector<std::string> object_marking_refs;
  bool revoked = false;
  std::string json;  // byte for byte what the producer sent
};

// A filtered, paged listing ordered by date_added.
struct ListQuery {
  std::vector<std::string> types;      // any of these; empty: all types
  std::string created_by_ref;          // only this author; empty: any
  std::optional<Timestamp> added_after;  // date_added strictly after this
  bool latest_only = false;            // only versions that are currently the latest of their id
  size_t limit = 100;                  // at most this many versions per page; REQUIRES: > 0
  std::string cursor;                  // a Page::cursor from an earlier call with the same filters, or empty
};

struct Page {
  std::vector<StoredVersion> versions;
  // Pass back in ListQuery::cursor to continue after this page. Always set,
  // also on the last page, so a caller can poll later for newer versions.
  std::string cursor;
  bool more = false;  // more matching versions existed when this page was read
};

struct TypeCounts {
  int64_t versions = 0;
  int64_t objects = 0;
};

struct Counts {
  int64_t versions = 0;  // stored versions
  int64_t objects = 0;   // distinct ids
  std::map<std::string, TypeCounts> by_type;
};

class Store {
 public:
  virtual ~Store() = default;

  // Stores a batch in one transaction and returns one result per object, in
  // order, after the transaction is durable. A non-OK status means nothing
  // of the batch was stored. Batches of a few thousand objects amortise the
  // cost of making a commit durable.
  virtual Result<std::vector<WriteResult>> Put(std::span<const stix::Object> objects) = 0;

  // The version of `id` with the greatest version timestamp. NotFound if none.
  virtual Result<StoredVersion> Latest(std::string_view id) = 0;

  // Every version of `id`, oldest version timestamp first. NotFound if none.
  virtual Result<std::vector<StoredVersion>> Versions(std::string_view id) = 0;

  // The version of `id` whose version timestamp equals `version` as an
  // instant; nullopt asks for the single version of an SCO. NotFound if none.
  virtual Result<StoredVersion> Version(std::string_view id, const std::optional<Timestamp>& version) = 0;

  // One page of versions matching `query`, in date_added order. Cursors stay
  // valid while writes continue: later writes only ever appear after them.
  // InvalidArgument for a malformed cursor or a zero limit.
  virtual Result<Page> List(const ListQuery& query) = 0;

  virtual Result<Counts> Count() = 0;
};

}  // namespace kenes::store
