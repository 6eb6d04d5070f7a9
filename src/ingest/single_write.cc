#include "ingest/single_write.h"

#include <fmt/format.h>

#include <string>

namespace kenes::ingest {

SingleWriteResult WriteSingle(store::Store& store, std::string_view text, std::string_view id,
                              const std::function<Result<store::AccessLabel>(stix::Object&)>& label,
                              const std::function<void(const StoredBatch&)>& on_batch) {
  SingleWriteResult result;
  Status refusal;  // why the sharing decision refused the object
  ImportOptions options;
  options.batch_size = 1;
  options.on_batch = on_batch;
  options.label = [&](stix::Object& object) -> Result<store::AccessLabel> {
    Result<store::AccessLabel> decided = label(object);
    if (decided.ok()) {
      result.version = object.VersionTimestamp();
    } else {
      refusal = decided.status();
    }
    return decided;
  };
  std::string problem;  // the importer's first error
  Importer importer(&store, options, [&problem](const ImportMessage& message) {
    if (message.is_error && problem.empty()) problem = message.text;
  });
  result.status = importer.ImportBuffer(text, id);
  if (result.status.ok()) result.status = importer.Finish();
  if (!result.status.ok()) return result;
  if (!refusal.ok()) {
    result.status = refusal;
    return result;
  }
  const ImportTotals& totals = importer.totals();
  if (totals.invalid > 0) {
    result.status = Status::InvalidArgument(problem);
  } else if (totals.refused > 0) {
    result.status = Status::AlreadyExists(problem);
  } else if (totals.stored + totals.duplicates != 1) {
    result.status = Status::Internal(fmt::format("{} was neither stored nor refused", id));
  }
  result.stored = totals.stored == 1;
  return result;
}

}  // namespace kenes::ingest
