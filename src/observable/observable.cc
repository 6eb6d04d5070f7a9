#include "observable/observable.h"

#include "observable/observable_kind.h"

namespace kenes::observable {

Result<std::vector<CorrelationKey>> KeysOf(simdjson::dom::element element) {
  simdjson::dom::object object;
  std::string_view type;
  if (element.get_object().get(object) != simdjson::SUCCESS || object["type"].get(type) != simdjson::SUCCESS) {
    return Status::InvalidArgument("a STIX object must be a JSON object with a string \"type\"");
  }
  std::vector<CorrelationKey> keys;
  const ObservableKind* kind = FindObservableKind(type);
  if (kind == nullptr) return keys;
  Status status = kind->extract_keys(object, keys);
  if (status.code() == StatusCode::kInvalidArgument) {
    return Status::InvalidArgument(std::string(type) + " " + status.message());
  }
  if (!status.ok()) return status;
  return keys;
}

Result<CorrelationKey> KeyOfValue(std::string_view kind, std::string_view text) {
  ValueNormaliser normalise = FindValueNormaliser(kind);
  if (normalise == nullptr) {
    return Status::InvalidArgument("'" + std::string(kind) + "' is not a key kind made of a single value");
  }
  KENES_ASSIGN_OR_RETURN(std::string value, normalise(text));
  return CorrelationKey{std::string(kind), std::move(value)};
}

Result<std::vector<CorrelationKey>> KeysOf(const stix::Object& object) {
  // One parser per thread: its buffers are reused, and the keys are copied
  // out before the next parse invalidates the document.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element element;
  if (parser.parse(object.json).get(element) != simdjson::SUCCESS) {
    return Status::InvalidArgument("the text of " + object.id + " is not JSON");
  }
  return KeysOf(element);
}

}  // namespace kenes::observable
