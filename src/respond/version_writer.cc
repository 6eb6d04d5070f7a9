#include "respond/version_writer.h"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "ingest/single_write.h"
#include "share/write_labeller.h"

namespace kenes::respond {

VersionWriter::VersionWriter(store::Store& store, share::Community& community,
                             std::function<void(const ingest::StoredBatch&)> on_batch)
    : store_(store), community_(community), on_batch_(std::move(on_batch)) {}

Result<store::StoredVersion> VersionWriter::Write(const Writing& writing, std::string_view id, std::string json) {
  KENES_ASSIGN_OR_RETURN(share::WriteLabel labeller,
                         share::WriteLabeller(store_, community_, writing.writer, writing.defaults));
  ingest::SingleWriteResult written = ingest::WriteSingle(store_, json, id, labeller, on_batch_);
  Status status = written.status;
  // The desk composes every version anew: one already stored is a change that did not happen.
  if (status.ok() && !written.stored) {
    status = Status::AlreadyExists(fmt::format("{} is stored already in this version", id));
  }

  share::AuditEvent event;
  event.actor = writing.actor;
  event.action = "object.write";
  event.target = std::string(id);
  event.outcome = status.ok()                                      ? share::AuditOutcome::kOk
                  : status.code() == StatusCode::kPermissionDenied ? share::AuditOutcome::kDenied
                                                                   : share::AuditOutcome::kFailed;
  event.detail = status.ok() ? "respond: stored" : "respond: " + status.message();
  KENES_RETURN_IF_ERROR(community_.audit().Record(event));
  KENES_RETURN_IF_ERROR(status);
  // Read as the node: the writer's organisation may see its own version, and the caller asked for it.
  return store_.Version(id, written.version, nullptr);
}

}  // namespace kenes::respond
