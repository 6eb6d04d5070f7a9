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
// Access: every version carries an AccessLabel, and every read may name a
// Viewer; the store then answers with only the versions that viewer may see,
// deciding in the query itself, so limits, cursors and counts cover visible
// versions only and a hidden id reads exactly like an unknown one. The store
// does not know what the labels mean (share/access_policy.h does): a version
// is visible to a viewer whose `author` is the label's author, or whose
// grants list the label's (audience, level, group), or whose author was
// granted the object (GrantObject). Reads without a viewer
// see everything: the node's own use (export, administration).
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

// Who may see one version, in the store's neutral terms. The share layer
// fills it in: author organisation, TLP level, distribution kind and group.
struct AccessLabel {
  std::string author;  // identity id of the organisation the version belongs to; empty: none
  int audience = 0;    // 0-15: a class of recipients; 0 is granted to no one but the author
  int level = 0;       // 0-15: a sensitivity level
  std::string group;   // for an audience naming a group: its id; else empty
};

// What a reader may see, besides its own versions: each grant admits the
// versions labelled with its audience, with a level whose bit is set in
// `levels`, and with its group (an empty group admits group-less labels).
struct AccessGrant {
  int audience = 0;
  uint32_t levels = 0;  // bit n admits level n
  std::string group;
};

struct Viewer {
  std::string author;  // sees every version labelled with this author
  std::vector<AccessGrant> grants;
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

// Which versions of each id a list or a delete selects (TAXII's
// match[version]). A version is selected when any selector admits it; with
// no selector set, every version is. "first" and "last" are among the
// versions the reader may see; an SCO's single version is both.
struct VersionMatch {
  bool first = false;          // the oldest version of each id
  bool last = false;           // the newest version of each id
  std::vector<Timestamp> at;   // versions whose version timestamp equals one of these, as instants

  bool Everything() const { return !first && !last && at.empty(); }
};

// A filtered, paged listing ordered by date_added. Every filter set must
// hold (AND); within a list-valued filter any element may match (OR).
struct ListQuery {
  std::vector<std::string> ids;            // any of these ids; empty: all ids
  std::vector<std::string> types;          // any of these types; empty: all types
  std::vector<std::string> spec_versions;  // any of these spec_version values; empty: all
  std::string created_by_ref;              // only this author; empty: any
  std::optional<Timestamp> added_after;    // date_added strictly after this
  std::optional<Timestamp> added_before;   // date_added at or before this
  VersionMatch versions;                   // which versions of each id; default: all
  // Only versions whose AccessLabel says so: `label_author` its author (an
  // organisation's own objects), `label_group` its group, `label_levels`
  // (bit n admits level n; 0: any) its level.
  std::string label_author;
  std::string label_group;
  uint32_t label_levels = 0;
  // Full-text search over the `name`, `description` (and `aliases`) of the
  // latest version of each id: words, all of which must occur (prefix
  // match with a trailing '*'), letters compared without case or
  // diacritics; punctuation inside a word separates the parts of a phrase.
  // Nothing in it is search syntax. Empty: no text filter. Only versions
  // that are the latest of their id (among those the viewer may see) match
  // a text. InvalidArgument when it holds no letter or digit, or more than
  // 64 words.
  std::string text;
  bool with_json = true;                   // false: StoredVersion::json left empty (manifests)
  std::optional<Viewer> viewer;            // only what this viewer may see; nullopt: everything
  size_t limit = 100;                      // at most this many versions per page; REQUIRES: > 0
  std::string cursor;                      // a Page::cursor from an earlier call with the same filters, or empty
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
  // cost of making a commit durable. `labels` holds one label per object, or
  // is empty: each version is then labelled {author: its created_by_ref,
  // audience 0}, seen by its author only. A duplicate keeps the first label.
  // InvalidArgument if the sizes differ or a label's audience or level is
  // outside 0-15.
  virtual Result<std::vector<WriteResult>> Put(std::span<const stix::Object> objects,
                                               std::span<const AccessLabel> labels) = 0;
  Result<std::vector<WriteResult>> Put(std::span<const stix::Object> objects) { return Put(objects, {}); }

  // In the reads below, `viewer` nullptr sees every version; otherwise only
  // the versions it may see exist, and a hidden id gives the same NotFound as
  // an unknown one.

  // The version of `id` with the greatest version timestamp. NotFound if none.
  virtual Result<StoredVersion> Latest(std::string_view id, const Viewer* viewer) = 0;
  Result<StoredVersion> Latest(std::string_view id) { return Latest(id, nullptr); }

  // Every version of `id`, oldest version timestamp first. NotFound if none.
  virtual Result<std::vector<StoredVersion>> Versions(std::string_view id, const Viewer* viewer) = 0;
  Result<std::vector<StoredVersion>> Versions(std::string_view id) { return Versions(id, nullptr); }

  // The version of `id` whose version timestamp equals `version` as an
  // instant; nullopt asks for the single version of an SCO. NotFound if none.
  virtual Result<StoredVersion> Version(std::string_view id, const std::optional<Timestamp>& version,
                                        const Viewer* viewer) = 0;
  Result<StoredVersion> Version(std::string_view id, const std::optional<Timestamp>& version) {
    return Version(id, version, nullptr);
  }

  // One page of versions matching `query`, in date_added order. Cursors stay
  // valid while writes continue: later writes only ever appear after them.
  // InvalidArgument for a malformed cursor or a zero limit.
  virtual Result<Page> List(const ListQuery& query) = 0;

  // Removes the versions of `id` that `match` selects, restricted to the
  // given spec_versions (empty: any), among those `viewer` may see; a viewer
  // with an author and no grants removes only its own versions. Returns the
  // number removed, after the removal is durable; NotFound when none matched.
  virtual Result<size_t> Delete(std::string_view id, const VersionMatch& match,
                                std::span<const std::string> spec_versions, const Viewer* viewer) = 0;

  // The latest versions (among those `viewer` may see) of the objects whose
  // own latest version names `id` in a top-level reference property
  // (`*_ref`, `*_refs`: a relationship's ends, a sighting's refs, a report's
  // object_refs...), leaving out created_by_ref and marking refs, which
  // nearly everything names. At most `limit` (0: none), newest date_added
  // first. Whether `id` itself is visible is the caller's question.
  virtual Result<std::vector<StoredVersion>> ReferencedBy(std::string_view id, const Viewer* viewer,
                                                          size_t limit) = 0;

  // Lets organisation `grantee` (an identity id, as Viewer::author) read
  // every version of `id`, stored or to come, whatever its labels say: what
  // a holder shares when it approves a request for details, without a new
  // version of its object (SCOs have none to give). Reads with a viewer
  // whose author is `grantee` see the object as if it were its own; Delete
  // does not (a grant lets read, never remove). Durable when it returns;
  // granting twice is granting once, and there is no revoking.
  virtual Status GrantObject(std::string_view id, std::string_view grantee) = 0;

  // Who created `id`: the created_by_ref of its latest stored version (""
  // when that names none), nullopt when the id is not stored. Reads every
  // version, whoever may see it: writers ask it to hold "only the creator
  // versions an object", which holds for objects hidden from them too. One
  // index probe: it runs for every object a user writes.
  virtual Result<std::optional<std::string>> CreatorOf(std::string_view id) = 0;

  // Without a viewer this reads kept counters; with one it counts the
  // visible versions, which reads every version.
  virtual Result<Counts> Count(const Viewer* viewer) = 0;
  Result<Counts> Count() { return Count(nullptr); }
};

}  // namespace kenes::store
