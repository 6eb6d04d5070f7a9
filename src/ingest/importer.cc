#include "ingest/importer.h"

#include <fmt/format.h>

#include "base/json_text.h"
#include "assist/assistance_types.h"
#include "observable/kenes_sco_types.h"
#include "respond/response_types.h"
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

// The id and version timestamp `item` declares, as far as they can be read.
void ReadIdAndVersion(const stix::ReadItem& item, ObjectOutcome& outcome) {
  if (!item.status.ok()) return;
  std::string_view text;
  if (item.json["id"].get(text) == simdjson::SUCCESS) outcome.id = text;
  for (const char* property : {"modified", "created"}) {
    if (item.json[property].get(text) == simdjson::SUCCESS) {
      outcome.version = ParseTimestamp(text);
      if (outcome.version) return;
    }
  }
}

}  // namespace

Importer::Importer(store::Store* store, ImportOptions options, std::function<void(const ImportMessage&)> on_message)
    : store_(store), options_(options), on_message_(std::move(on_message)) {
  if (options_.batch_size == 0) options_.batch_size = 1;
  // Every way in validates Kenes' own observables (phone numbers, wallets...) by their definitions.
  const Status registered = observable::RegisterKenesScoTypes();
  if (!registered.ok()) Report(true, "Kenes observable types unavailable: " + registered.ToString());
  // And Kenes' assistance requests and offers (assist/assistance_types.h).
  const Status assistance = assist::RegisterAssistanceTypes();
  if (!assistance.ok()) Report(true, "Kenes assistance types unavailable: " + assistance.ToString());
  // And incidents, response plans and tasks (respond/response_types.h).
  const Status response = respond::RegisterResponseTypes();
  if (!response.ok()) Report(true, "Kenes response types unavailable: " + response.ToString());
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
    Refuse(item, ObjectOutcome::Kind::kInvalid, item.status.message());
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
        Refuse(item, ObjectOutcome::Kind::kInvalid, "cannot add an id to this object");
        return;
      }
      item.text = text_with_id;
    }
  }

  std::vector<stix::Finding> findings;
  stix::ValidateObject(item.json, findings);
  std::string errors;
  for (const stix::Finding& finding : findings) {
    bool is_error = finding.severity == stix::Severity::kError;
    std::string text = finding.ToString();
    if (is_error) {
      if (!errors.empty()) errors += "; ";
      errors += text;
    } else {
      ++totals_.warnings;
    }
    Report(is_error, fmt::format("{}: {}", Where(source, item), text));
  }
  if (!errors.empty()) {
    ++totals_.invalid;
    Refuse(item, ObjectOutcome::Kind::kInvalid, std::move(errors));
    return;
  }
  std::string_view default_version = item.bundle_spec_version == "2.0" ? "2.0" : "2.1";
  Result<stix::Object> object = stix::ObjectFromJson(item.json, item.text, default_version);
  if (!object.ok()) {
    ++totals_.invalid;
    Report(true, fmt::format("{}: {}", Where(source, item), object.status().message()));
    Refuse(item, ObjectOutcome::Kind::kInvalid, object.status().message());
    return;
  }
  if (store_ == nullptr) return;
  if (options_.label) {
    const std::string id = object->id;  // the hook may take the object apart when it refuses it
    Result<store::AccessLabel> label = options_.label(*object);
    if (!label.ok()) {
      ++totals_.refused;
      Report(true, fmt::format("{}: {}: not stored: {}", Where(source, item), id, label.status().message()));
      Refuse(item, ObjectOutcome::Kind::kRefused, label.status().message());
      return;
    }
    pending_labels_.push_back(std::move(label).value());
  }
  pending_.push_back(std::move(object).value());
  pending_indexes_.push_back(item.index);
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
  storing_indexes_.swap(pending_indexes_);
  pending_indexes_.clear();
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
    ObjectOutcome outcome{storing_indexes_[i], storing_[i].id, storing_[i].VersionTimestamp(), result.date_added,
                          ObjectOutcome::Kind::kStored, ""};
    switch (result.outcome) {
      case store::WriteOutcome::kStored: ++totals_.stored; break;
      case store::WriteOutcome::kDuplicate:
        ++totals_.duplicates;
        outcome.kind = ObjectOutcome::Kind::kDuplicate;
        break;
      case store::WriteOutcome::kConflict:
      case store::WriteOutcome::kRevoked:
      case store::WriteOutcome::kInvalid:
        ++totals_.refused;
        outcome.kind = ObjectOutcome::Kind::kRefused;
        outcome.date_added.reset();
        outcome.message = fmt::format("not stored ({}): {}", store::WriteOutcomeName(result.outcome), result.message);
        Report(true, fmt::format("{}: {}", storing_[i].id, outcome.message));
        break;
    }
    if (options_.on_outcome) options_.on_outcome(outcome);
  }
  if (options_.on_batch) {
    options_.on_batch(StoredBatch{storing_, storing_labels_, *results, finishing_ && pending_.empty()});
  }
  storing_.clear();
  return Status::Ok();
}

Status Importer::Finish() {
  if (!store_status_.ok()) return store_status_;
  finishing_ = true;
  store_status_ = StorePendingInBackground();
  if (store_status_.ok()) store_status_ = AwaitStoring();
  return store_status_;
}

void Importer::Report(bool is_error, std::string text) {
  if (on_message_) on_message_(ImportMessage{is_error, std::move(text)});
}

void Importer::Refuse(const stix::ReadItem& item, ObjectOutcome::Kind kind, std::string message) {
  if (!options_.on_outcome) return;
  ObjectOutcome outcome;
  outcome.index = item.index;
  outcome.kind = kind;
  outcome.message = std::move(message);
  ReadIdAndVersion(item, outcome);
  options_.on_outcome(outcome);
}

}  // namespace kenes::ingest
