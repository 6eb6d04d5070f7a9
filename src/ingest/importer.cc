#include "ingest/importer.h"

#include <fmt/format.h>

#include "base/json_text.h"
#include "stix/object_text.h"
#include "stix/sco_id.h"
#include "stix/validator.h"

namespace kenes::ingest {
namespace {

// "feed.json: line 12" for NDJSON, "feed.json: object 3" otherwise (1-based).
std::string Where(std::string_view source, const stix::ReadItem& item) {
  if (item.line > 0) return fmt::format("{}: line {}", source, item.line);
  return fmt::format("{}: object {}", source, item.index + 1);
}


}  // namespace

Importer::Importer(store::Store* store, ImportOptions options, std::function<void(const ImportMessage&)> on_message)
    : store_(store), options_(options), on_message_(std::move(on_message)) {
  if (options_.batch_size == 0) options_.batch_size = 1;
}

stix::ReadCallbacks Importer::Callbacks(std::string_view source) {
  stix::ReadCallbacks callbacks;
  callbacks.object = [this, source](stix::ReadItem& item) { HandleObject(item, source); };
  callbacks.bundle = [this, source](simdjson::dom::element bundle, std::string_view) {
    std::vector<stix::Finding> findings;
    stix::ValidateBundle(bundle, findings);
    std::string_view spec_version;
    if (bundle["spec_version"].get(spec_version) == simdjson::SUCCESS && spec_version == "2.0") {
      Report(false, fmt::format("{}: bundle: a STIX 2.0 bundle; its objects are checked as STIX 2.1, so those "
                                "without spec_version are refused",
                                source));
    }
    for (const stix::Finding& finding : findings) {
      Report(finding.severity == stix::Severity::kError, fmt::format("{}: bundle: {}", source, finding.ToString()));
    }
  };
  return callbacks;
}

Status Importer::ImportFile(std::FILE* file, std::string_view source, const std::function<void(size_t)>& progress) {
  stix::ReadCallbacks callbacks = Callbacks(source);
  callbacks.progress = progress;
  Status status = reader_.ReadFile(file, callbacks);
  if (!store_status_.ok()) return store_status_;
  if (!status.ok()) return Status(status.code() == StatusCode::kIoError ? status : Status::InvalidArgument(
                                      fmt::format("{}: {}", source, status.message())));
  return Status::Ok();
}

Status Importer::ImportBuffer(std::string_view bytes, std::string_view source) {
  Status status = reader_.ReadBuffer(bytes, Callbacks(source));
  if (!store_status_.ok()) return store_status_;
  if (!status.ok()) return Status::InvalidArgument(fmt::format("{}: {}", source, status.message()));
  return Status::Ok();
}

void Importer::HandleObject(stix::ReadItem& item, std::string_view source) {
  ++totals_.read;
  if (!store_status_.ok()) return;  // the store failed: stop storing, keep counting
  if (!item.status.ok()) {
    ++totals_.invalid;
    Report(true, fmt::format("{}: {}", Where(source, item), item.status.message()));
    return;
  }
  std::string text_with_id;
  std::string_view missing_id;
  if (options_.assign_missing_sco_ids && item.json["id"].error() == simdjson::NO_SUCH_FIELD) {
    Result<std::string> id = stix::ScoId(item.json);
    if (id.ok()) {
      text_with_id = stix::WithLeadingProperty(item.text, "id", JsonString(*id));
      if (reparser_.parse(text_with_id).get(item.json) != simdjson::SUCCESS) {
        ++totals_.invalid;
        Report(true, fmt::format("{}: cannot add an id to this object", Where(source, item)));
        return;
      }
      item.text = text_with_id;
    }
  }

  std::vector<stix::Finding> findings;
  stix::ValidateObject(item.json, findings);
  bool has_errors = false;
  for (const stix::Finding& finding : findings) {
    bool is_error = finding.severity == stix::Severity::kError;
    has_errors |= is_error;
    if (!is_error) ++totals_.warnings;
    Report(is_error, fmt::format("{}: {}", Where(source, item), finding.ToString()));
  }
  if (has_errors) {
    ++totals_.invalid;
    return;
  }
  std::string_view default_version = item.bundle_spec_version == "2.0" ? "2.0" : "2.1";
  Result<stix::Object> object = stix::ObjectFromJson(item.json, item.text, default_version);
  if (!object.ok()) {
    ++totals_.invalid;
    Report(true, fmt::format("{}: {}", Where(source, item), object.status().message()));
    return;
  }
  if (store_ == nullptr) return;
  if (options_.label) {
    const std::string id = object->id;  // the hook may take the object apart when it refuses it
    Result<store::AccessLabel> label = options_.label(*object);
    if (!label.ok()) {
      ++totals_.refused;
      Report(true, fmt::format("{}: {}: not stored: {}", Where(source, item), id, label.status().message()));
      return;
    }
    pending_labels_.push_back(std::move(label).value());
  }
  pending_.push_back(std::move(object).value());
  if (pending_.size() >= options_.batch_size) store_status_ = StorePendingInBackground();
}

Importer::~Importer() {
  if (stored_.valid()) stored_.wait();
}

Status Importer::StorePendingInBackground() {
  KENES_RETURN_IF_ERROR(AwaitStoring());
  if (pending_.empty() || store_ == nullptr) return Status::Ok();
  storing_.swap(pending_);
  pending_.clear();
  storing_labels_.swap(pending_labels_);
  pending_labels_.clear();
  stored_ = std::async(std::launch::async, [store = store_, &batch = storing_, &labels = storing_labels_] {
    return store->Put(batch, labels);
  });
  return Status::Ok();
}

Status Importer::AwaitStoring() {
  if (!stored_.valid()) return Status::Ok();
  Result<std::vector<store::WriteResult>> results = stored_.get();
  if (!results.ok()) return results.status();
  for (size_t i = 0; i < results->size(); ++i) {
    const store::WriteResult& result = (*results)[i];
    switch (result.outcome) {
      case store::WriteOutcome::kStored: ++totals_.stored; break;
      case store::WriteOutcome::kDuplicate: ++totals_.duplicates; break;
      case store::WriteOutcome::kConflict:
      case store::WriteOutcome::kRevoked:
      case store::WriteOutcome::kInvalid:
        ++totals_.refused;
        Report(true, fmt::format("{}: not stored ({}): {}", storing_[i].id, store::WriteOutcomeName(result.outcome),
                                 result.message));
        break;
    }
  }
  storing_.clear();
  return Status::Ok();
}

Status Importer::Finish() {
  if (!store_status_.ok()) return store_status_;
  store_status_ = StorePendingInBackground();
  if (store_status_.ok()) store_status_ = AwaitStoring();
  return store_status_;
}

void Importer::Report(bool is_error, std::string text) {
  if (on_message_) on_message_(ImportMessage{is_error, std::move(text)});
}

}  // namespace kenes::ingest
