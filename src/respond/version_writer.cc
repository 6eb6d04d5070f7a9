#include "respond/version_writer.h"

#include <fmt/format.h>

#include <optional>
#include <utility>

#include "share/write_labeller.h"

namespace kenes::respond {

VersionWriter::VersionWriter(store::Store& store, share::Community& community,
                             std::function<void(const ingest::StoredBatch&)> on_batch)
    : store_(store), community_(community), on_batch_(std::move(on_batch)) {}

Result<store::StoredVersion> VersionWriter::Write(const Writing& writing, std::string_view id, std::string json) {
  KENES_ASSIGN_OR_RETURN(share::WriteLabel labeller,
                         share::WriteLabeller(store_, community_, writing.writer, writing.defaults));
  Status refusal;  // why the sharing rules refused the object
  std::optional<ingest::ObjectOutcome> outcome;
  ingest::ImportOptions options;
  options.batch_size = 1;
  options.on_batch = on_batch_;
  options.label = [&](stix::Object& object) -> Result<store::AccessLabel> {
    Result<store::AccessLabel> label = labeller(object);
    if (!label.ok()) refusal = label.status();
    return label;
  };
  options.on_outcome = [&](const ingest::ObjectOutcome& seen) { outcome = seen; };
  std::string problem;  // the importer's last error
  ingest::Importer importer(&store_, options, [&](const ingest::ImportMessage& message) {
    if (message.is_error) problem = message.text;
  });
  Status status = importer.ImportBuffer(json, id);
  if (status.ok()) status = importer.Finish();
  if (status.ok() && !refusal.ok()) status = refusal;
  if (status.ok() && (!outcome || outcome->kind == ingest::ObjectOutcome::Kind::kInvalid)) {
    status = Status::InvalidArgument(problem.empty() ? fmt::format("{} was not stored", id) : problem);
  }
  if (status.ok() && outcome->kind != ingest::ObjectOutcome::Kind::kStored) {
    status = Status::AlreadyExists(problem.empty() ? fmt::format("{} is stored already in this version", id) : problem);
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
  return store_.Version(id, outcome->version, nullptr);
}

}  // namespace kenes::respond
