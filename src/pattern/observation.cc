#include "pattern/observation.h"

#include <simdjson.h>

#include <cstring>
#include <deque>
#include <unordered_map>

#include <fmt/format.h>

namespace kenes::pattern {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

std::string_view StringMember(simdjson::dom::object object, std::string_view key) {
  std::string_view text;
  if (object[key].get_string().get(text) != simdjson::SUCCESS) return {};
  return text;
}

// The instant of a first_observed/last_observed property. ParseTimestamp takes any number of fraction
// digits, as the reference does (it truncates beyond microseconds).
Result<Timestamp> ObservedTime(simdjson::dom::object object, std::string_view key) {
  std::string_view text;
  if (object[key].get_string().get(text) != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("observed-data without a string {}", key));
  }
  std::optional<Timestamp> timestamp = ParseTimestamp(text);
  if (!timestamp) return Status::InvalidArgument(fmt::format("observed-data with an invalid {}: {}", key, text));
  return *timestamp;
}

// Copies a DOM value into `target`, reusing the strings and vectors `target` already owns (Clear()
// keeps documents around so that filling the next batch allocates little).
void Fill(element source, JsonValue& target) {
  switch (source.type()) {
    case element_type::NULL_VALUE:
      target.kind = JsonValue::Kind::kNull;
      break;
    case element_type::BOOL:
      target.kind = JsonValue::Kind::kBoolean;
      target.boolean = source.get_bool().value_unsafe();
      break;
    case element_type::INT64:
      target.kind = JsonValue::Kind::kInteger;
      target.integer = source.get_int64().value_unsafe();
      break;
    case element_type::UINT64:
      // Beyond int64: kept as a float, which still compares by magnitude.
      target.kind = JsonValue::Kind::kFloat;
      target.real = static_cast<double>(source.get_uint64().value_unsafe());
      break;
    case element_type::DOUBLE:
      target.kind = JsonValue::Kind::kFloat;
      target.real = source.get_double().value_unsafe();
      break;
    case element_type::STRING:
      target.kind = JsonValue::Kind::kString;
      target.text.assign(source.get_string().value_unsafe());
      break;
    case element_type::ARRAY: {
      target.kind = JsonValue::Kind::kArray;
      simdjson::dom::array array = source.get_array().value_unsafe();
      target.items.resize(array.size());
      size_t i = 0;
      for (element item : array) Fill(item, target.items[i++]);
      break;
    }
    case element_type::OBJECT: {
      target.kind = JsonValue::Kind::kObject;
      simdjson::dom::object object = source.get_object().value_unsafe();
      target.members.resize(object.size());
      size_t i = 0;
      for (auto [key, value] : object) {
        auto& member = target.members[i++];
        member.first.assign(key);
        Fill(value, member.second);
      }
      break;
    }
  }
}

// How an observed-data names its observables.
struct Observables {
  const JsonValue* embedded = nullptr;     // 2.0: the `objects` dictionary
  const JsonValue* object_refs = nullptr;  // 2.1: the `object_refs` list
};

// What the validation pass learned about one top-level object, for the commit pass.
struct Pending {
  element value;
  bool is_observed_data = false;
  Timestamp first_observed;
  Timestamp last_observed;
  int64_t number_observed = 1;
};

Status CheckObservedData(simdjson::dom::object object, Pending& pending) {
  pending.is_observed_data = true;
  KENES_ASSIGN_OR_RETURN(pending.first_observed, ObservedTime(object, "first_observed"));
  KENES_ASSIGN_OR_RETURN(pending.last_observed, ObservedTime(object, "last_observed"));
  int64_t number = 0;
  if (object["number_observed"].get_int64().get(number) != simdjson::SUCCESS) {
    return Status::InvalidArgument("observed-data without an integer number_observed");
  }
  if (number < 1) {
    return Status::InvalidArgument(fmt::format("observed-data with number_observed {} (must be at least 1)", number));
  }
  pending.number_observed = number;
  return Status::Ok();
}

Status CollectObject(element value, std::vector<Pending>& pending);

Status CollectBundle(simdjson::dom::object bundle, std::vector<Pending>& pending) {
  simdjson::dom::array objects;
  if (bundle["objects"].get_array().get(objects) != simdjson::SUCCESS) {
    // An empty bundle may leave out `objects`.
    return bundle["objects"].error() == simdjson::NO_SUCH_FIELD
               ? Status::Ok()
               : Status::InvalidArgument("a bundle whose objects is not an array");
  }
  for (element object : objects) {
    if (object.type() != element_type::OBJECT) return Status::InvalidArgument("a bundle holds something other than objects");
    KENES_RETURN_IF_ERROR(CollectObject(object, pending));
  }
  return Status::Ok();
}

Status CollectObject(element value, std::vector<Pending>& pending) {
  simdjson::dom::object object = value.get_object().value_unsafe();
  const std::string_view type = StringMember(object, "type");
  if (type == "bundle") return CollectBundle(object, pending);
  Pending& entry = pending.emplace_back();
  entry.value = value;
  // "cybox-container" is what drafts of STIX 2.0 called observed-data; the OASIS cases still use it.
  if (type == "observed-data" || type == "cybox-container") return CheckObservedData(object, entry);
  return Status::Ok();
}

}  // namespace

JsonValue::JsonValue() = default;
JsonValue::~JsonValue() = default;
JsonValue::JsonValue(const JsonValue&) = default;
JsonValue::JsonValue(JsonValue&&) noexcept = default;
JsonValue& JsonValue::operator=(const JsonValue&) = default;
JsonValue& JsonValue::operator=(JsonValue&&) noexcept = default;

const JsonValue* JsonValue::Member(std::string_view key) const {
  if (kind != Kind::kObject) return nullptr;
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

struct ObservationSet::State {
  simdjson::dom::parser parser;
  std::vector<char> input;  // the JSON text with simdjson's padding, reused between calls
  std::vector<Pending> pending;

  // Every top-level object added. A deque keeps addresses stable as it grows; Clear() keeps the
  // values (and their strings' capacity) and only resets the count in use.
  std::deque<JsonValue> documents;
  size_t documents_used = 0;

  std::vector<ObservedData> observed_data;
  std::vector<Observables> observables;  // parallel to observed_data
  std::unordered_map<std::string_view, const JsonValue*> by_id;  // keys view into documents

  JsonValue& NextDocument() {
    if (documents_used == documents.size()) documents.emplace_back();
    return documents[documents_used++];
  }

  void Commit(const Pending& entry) {
    JsonValue& document = NextDocument();
    Fill(entry.value, document);
    const JsonValue* id = document.Member("id");
    if (id != nullptr && id->kind == JsonValue::Kind::kString) by_id.insert_or_assign(id->text, &document);
    if (!entry.is_observed_data) return;
    ObservedData& observation = observed_data.emplace_back();
    if (id != nullptr && id->kind == JsonValue::Kind::kString) observation.id = id->text;
    observation.first_observed = entry.first_observed;
    observation.last_observed = entry.last_observed;
    observation.number_observed = entry.number_observed;
    observation.document = &document;
    Observables& listed = observables.emplace_back();
    // 2.1 objects may carry an empty `objects` beside `object_refs`; the references win.
    const JsonValue* refs = document.Member("object_refs");
    if (refs != nullptr && refs->kind == JsonValue::Kind::kArray) {
      listed.object_refs = refs;
    } else if (const JsonValue* embedded = document.Member("objects");
               embedded != nullptr && embedded->kind == JsonValue::Kind::kObject) {
      listed.embedded = embedded;
    }
  }
};

ObservationSet::ObservationSet() : state_(std::make_unique<State>()) {}
ObservationSet::~ObservationSet() = default;
ObservationSet::ObservationSet(ObservationSet&&) noexcept = default;
ObservationSet& ObservationSet::operator=(ObservationSet&&) noexcept = default;

Status ObservationSet::AddJson(std::string_view json) {
  State& state = *state_;
  state.input.resize(json.size() + simdjson::SIMDJSON_PADDING);
  std::memcpy(state.input.data(), json.data(), json.size());
  element root;
  if (auto error = state.parser.parse(state.input.data(), json.size(), false).get(root); error != simdjson::SUCCESS) {
    return Status::InvalidArgument(fmt::format("malformed JSON: {}", simdjson::error_message(error)));
  }

  // First check everything, then add everything: a failure leaves the set as it was.
  state.pending.clear();
  if (root.type() == element_type::ARRAY) {
    const simdjson::dom::array items = root.get_array().value_unsafe();
    for (element item : items) {
      if (item.type() != element_type::OBJECT) return Status::InvalidArgument("a JSON array holding something other than objects");
      KENES_RETURN_IF_ERROR(CollectObject(item, state.pending));
    }
  } else if (root.type() == element_type::OBJECT) {
    KENES_RETURN_IF_ERROR(CollectObject(root, state.pending));
  } else {
    return Status::InvalidArgument("expected an object, a bundle or an array of them");
  }
  for (const Pending& entry : state.pending) state.Commit(entry);
  return Status::Ok();
}

const std::vector<ObservedData>& ObservationSet::observed_data() const { return state_->observed_data; }

std::vector<const JsonValue*> ObservationSet::ObjectsOf(size_t index) const {
  std::vector<const JsonValue*> objects;
  ObjectsOf(index, objects);
  return objects;
}

void ObservationSet::ObjectsOf(size_t index, std::vector<const JsonValue*>& out) const {
  const Observables& listed = state_->observables[index];
  if (listed.embedded != nullptr) {
    for (const auto& member : listed.embedded->members) out.push_back(&member.second);
  } else if (listed.object_refs != nullptr) {
    for (const JsonValue& reference : listed.object_refs->items) {
      if (reference.kind != JsonValue::Kind::kString) continue;
      const auto found = state_->by_id.find(reference.text);
      if (found != state_->by_id.end()) out.push_back(found->second);
    }
  }
}

const JsonValue* ObservationSet::Resolve(size_t index, std::string_view reference) const {
  const Observables& listed = state_->observables[index];
  if (listed.embedded != nullptr) return listed.embedded->Member(reference);
  const auto found = state_->by_id.find(reference);
  return found == state_->by_id.end() ? nullptr : found->second;
}

void ObservationSet::Clear() {
  State& state = *state_;
  state.documents_used = 0;
  state.observed_data.clear();
  state.observables.clear();
  state.by_id.clear();
}

}  // namespace kenes::pattern
