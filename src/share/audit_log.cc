#include "share/audit_log.h"

#include <fmt/format.h>
#include <sodium.h>

#include "share/sodium_library.h"
#include "share/write_transaction.h"

namespace kenes::share {
namespace {

using store::sqlite::Connection;
using store::sqlite::Statement;

const std::string kGenesisHash(64, '0');

constexpr const char* kColumns =
    "sequence, time_us, actor, organisation, action, target, outcome, detail, source, previous_hash, hash";

// Length-prefixed fields: no two different entries encode the same, whatever
// bytes their texts hold.
void AppendField(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ',';
}

AuditEntry ReadEntry(const Statement& row) {
  AuditEntry entry;
  entry.sequence = row.Int(0);
  entry.time = TimestampFromMicroseconds(row.Int(1));
  entry.actor = row.Text(2);
  entry.organisation = row.Text(3);
  entry.action = row.Text(4);
  entry.target = row.Text(5);
  entry.outcome = row.Text(6);
  entry.detail = row.Text(7);
  entry.source = row.Text(8);
  entry.previous_hash = row.Text(9);
  entry.hash = row.Text(10);
  return entry;
}

}  // namespace

std::string_view AuditOutcomeName(AuditOutcome outcome) {
  switch (outcome) {
    case AuditOutcome::kOk: return "ok";
    case AuditOutcome::kDenied: return "denied";
    case AuditOutcome::kFailed: return "failed";
  }
  return "unknown";
}

std::string AuditEntryHash(const AuditEntry& entry) {
  EnsureSodium();
  std::string encoding = "kenes-audit-1,";
  AppendField(encoding, std::to_string(entry.sequence));
  AppendField(encoding, std::to_string(entry.time.TotalMicroseconds()));
  for (const std::string* field : {&entry.actor, &entry.organisation, &entry.action, &entry.target, &entry.outcome,
                                   &entry.detail, &entry.source, &entry.previous_hash}) {
    AppendField(encoding, *field);
  }
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(encoding.data()), encoding.size(),
                     nullptr, 0);
  char hex[sizeof digest * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

Status AuditLog::AppendInTransaction(Connection& connection, Timestamp time, const AuditEvent& event) {
  AuditEntry entry;
  entry.sequence = 1;
  entry.previous_hash = kGenesisHash;
  {
    KENES_ASSIGN_OR_RETURN(Statement head,
                           connection.Prepare("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1"));
    KENES_ASSIGN_OR_RETURN(bool found, head.Step());
    if (found) {
      entry.sequence = head.Int(0) + 1;
      entry.previous_hash = head.Text(1);
    }
  }
  // Stored at microsecond precision, so hash what is stored.
  entry.time = TimestampFromMicroseconds(time.TotalMicroseconds());
  entry.actor = event.actor.user;
  entry.organisation = event.actor.organisation;
  entry.action = event.action;
  entry.target = event.target;
  entry.outcome = AuditOutcomeName(event.outcome);
  entry.detail = event.detail;
  entry.source = event.actor.source;
  entry.hash = AuditEntryHash(entry);
  KENES_ASSIGN_OR_RETURN(Statement insert, connection.Prepare(fmt::format(
                                               "INSERT INTO audit_log({}) VALUES (?,?,?,?,?,?,?,?,?,?,?)", kColumns)));
  insert.BindInt(1, entry.sequence);
  insert.BindInt(2, entry.time.TotalMicroseconds());
  int index = 3;
  for (const std::string* field : {&entry.actor, &entry.organisation, &entry.action, &entry.target, &entry.outcome,
                                   &entry.detail, &entry.source, &entry.previous_hash, &entry.hash}) {
    insert.BindText(index++, *field);
  }
  return insert.Run();
}

Status AuditLog::Record(const AuditEvent& event) {
  std::unique_lock queue_lock(queue_mutex_);
  PendingRecord mine{&event, clock_.Now(), Status::Ok()};
  queue_.push_back(&mine);
  // The first caller to find no writer writes everyone queued so far in one
  // transaction; the others wait for it, and their entries are done too.
  while (!mine.done) {
    if (writing_) {
      recorded_.wait(queue_lock);
      continue;
    }
    writing_ = true;
    std::vector<PendingRecord*> batch;
    batch.swap(queue_);
    queue_lock.unlock();
    Status status;
    {
      std::lock_guard lock(mutex_);
      status = InWriteTransaction(connection_, [&] {
        for (const PendingRecord* pending : batch) {
          KENES_RETURN_IF_ERROR(AppendInTransaction(connection_, pending->time, *pending->event));
        }
        return Status::Ok();
      });
    }
    queue_lock.lock();
    for (PendingRecord* pending : batch) {
      pending->status = status;
      pending->done = true;
    }
    writing_ = false;
    recorded_.notify_all();
  }
  return mine.status;
}

Result<std::vector<AuditEntry>> AuditLog::Show(const AuditFilter& filter) {
  std::lock_guard lock(mutex_);
  std::string prefix = filter.action.ends_with('.') ? filter.action : "";
  KENES_ASSIGN_OR_RETURN(
      Statement query,
      connection_.Prepare(fmt::format("SELECT {} FROM audit_log WHERE (?1 = '' OR actor = ?1) AND "
                                      "(?2 = '' OR action = ?2 OR (?3 <> '' AND substr(action, 1, length(?3)) = ?3)) "
                                      "AND time_us >= ?4 AND time_us < ?5 ORDER BY sequence",
                                      kColumns)));
  query.BindText(1, filter.actor);
  query.BindText(2, filter.action);
  query.BindText(3, prefix);
  query.BindInt(4, filter.since ? filter.since->TotalMicroseconds() : INT64_MIN);
  query.BindInt(5, filter.until ? filter.until->TotalMicroseconds() : INT64_MAX);
  std::vector<AuditEntry> entries;
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    entries.push_back(ReadEntry(query));
  }
  return entries;
}

Result<AuditVerification> AuditLog::Verify() {
  std::lock_guard lock(mutex_);
  KENES_ASSIGN_OR_RETURN(Statement query,
                         connection_.Prepare(fmt::format("SELECT {} FROM audit_log ORDER BY sequence", kColumns)));
  AuditVerification verification;
  std::string previous_hash = kGenesisHash;
  while (true) {
    KENES_ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) break;
    AuditEntry entry = ReadEntry(query);
    int64_t expected = verification.entries + 1;
    ++verification.entries;
    auto broken = [&](std::string problem) {
      verification.intact = false;
      verification.first_broken = expected;
      verification.problem = std::move(problem);
      return verification;
    };
    if (entry.sequence != expected) {
      return broken(fmt::format("entry {} is missing (the next entry is number {}): an entry was removed", expected,
                                entry.sequence));
    }
    if (entry.previous_hash != previous_hash) {
      return broken(
          fmt::format("entry {} does not follow entry {}: an entry before it was removed, replaced or "
                      "moved",
                      expected, expected - 1));
    }
    if (AuditEntryHash(entry) != entry.hash) {
      return broken(fmt::format("entry {} was altered: its content does not match its hash", expected));
    }
    previous_hash = entry.hash;
  }
  verification.head_hash = previous_hash == kGenesisHash ? "" : previous_hash;
  return verification;
}

}  // namespace kenes::share
