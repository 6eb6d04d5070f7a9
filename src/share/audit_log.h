// AuditLog: the append-only record of who did what, when, and from where.
//
// Kenes records authentication attempts (with the precise reason a failure
// had, which the caller never learns), API key creation and use, writes,
// reads of TLP:AMBER and TLP:RED objects, and every administrative change.
// Entries form a hash chain: each carries the BLAKE2b-256 hash of the one
// before it and its own hash over a canonical encoding of all its fields,
// so Verify() finds any entry edited, removed or moved, and names the first
// one that breaks the chain. The chain cannot tell a log cut short at its
// end from one that was never longer: Verify() reports the head hash so an
// operator can note it elsewhere and compare later.
//
// The log lives in community.db (community_schema.h), so an administrative
// change and its entry commit together. Thread-safety: every method may be
// called from any thread; appends are serialised. Concurrent Record calls
// share one transaction, and so one fsync (group commit): a busy server
// audits each sensitive read without a disk flush per request.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/timestamp.h"
#include "share/principal.h"
#include "store/clock.h"
#include "store/sqlite/connection.h"

namespace kenes::share {

enum class AuditOutcome {
  kOk,      // it happened
  kDenied,  // refused: bad credentials, not allowed
  kFailed,  // allowed but it could not be done (unknown user, invalid input)
};

std::string_view AuditOutcomeName(AuditOutcome outcome);

// What happened, as a caller describes it.
struct AuditEvent {
  Principal actor;     // who (user "" when nobody could be identified); source is "from where"
  std::string action;  // "auth.key", "key.create", "user.add", "object.write", "object.read", ...
  std::string target;  // what it was about: a user, a key id, an object id
  AuditOutcome outcome = AuditOutcome::kOk;
  std::string detail;  // anything else worth knowing, e.g. why it was refused
};

// One entry as stored.
struct AuditEntry {
  int64_t sequence = 0;  // 1, 2, 3, ... in the order appended
  Timestamp time;
  std::string actor;
  std::string organisation;
  std::string action;
  std::string target;
  std::string outcome;
  std::string detail;
  std::string source;
  std::string previous_hash;  // hex; 64 zeros for the first entry
  std::string hash;           // hex BLAKE2b-256 of the canonical encoding of all the fields above
};

struct AuditFilter {
  std::string actor;               // only this user; empty: anyone
  std::string action;              // this action, or every action under it when it ends with '.'; empty: all
  std::optional<Timestamp> since;  // time >= since
  std::optional<Timestamp> until;  // time < until
};

struct AuditVerification {
  int64_t entries = 0;  // entries read
  bool intact = true;
  int64_t first_broken = 0;  // sequence (or position) of the first entry that breaks the chain
  std::string problem;       // what is wrong with it
  std::string head_hash;     // hash of the last entry when intact
};

class AuditLog {
 public:
  // Uses `connection` under `mutex` (shared with the Community that owns both).
  AuditLog(store::sqlite::Connection& connection, std::mutex& mutex, store::Clock& clock)
      : connection_(connection), mutex_(mutex), clock_(clock) {}

  // Appends `event` durably, returning once it is on disk.
  Status Record(const AuditEvent& event);

  // Entries matching `filter`, oldest first.
  Result<std::vector<AuditEntry>> Show(const AuditFilter& filter);

  // Walks the whole chain. A broken chain is a result, not an error; the
  // Status is for failures to read the log.
  Result<AuditVerification> Verify();

  // Appends `event` at `time` within the caller's open write transaction.
  // REQUIRES: the caller holds the mutex and has begun a transaction.
  static Status AppendInTransaction(store::sqlite::Connection& connection, Timestamp time, const AuditEvent& event);

 private:
  // A Record call waiting for its entry to be written.
  struct PendingRecord {
    const AuditEvent* event;
    Timestamp time;
    Status status;
    bool done = false;
  };

  store::sqlite::Connection& connection_;
  std::mutex& mutex_;
  store::Clock& clock_;

  std::mutex queue_mutex_;  // guards the three below; taken before mutex_, never while holding it
  std::condition_variable recorded_;
  std::vector<PendingRecord*> queue_;
  bool writing_ = false;
};

// The hex BLAKE2b-256 of `entry`'s canonical encoding (its hash field ignored).
std::string AuditEntryHash(const AuditEntry& entry);

}  // namespace kenes::share
