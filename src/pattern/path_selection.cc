#include "pattern/path_selection.h"

#include <fmt/format.h>

#include "pattern/binary_text.h"

namespace kenes::pattern {
namespace {

ObservedValue JsonOf(const JsonValue* json) {
  ObservedValue value;
  value.json = json;
  return value;
}

size_t ListSize(const ObservedValue& list) {
  return list.kind == ObservedValue::Kind::kReferences ? list.references.size() : list.json->items.size();
}

ObservedValue ListElement(const ObservedValue& list, size_t index) {
  return JsonOf(list.kind == ObservedValue::Kind::kReferences ? list.references[index] : &list.json->items[index]);
}

Status DecodeSuffixed(const std::string& key, const JsonValue& json, ValueArena& arena, ObservedValue& value) {
  const bool hex = key.ends_with("_hex");
  if (!hex && !key.ends_with("_bin")) {
    value = JsonOf(&json);
    return Status::Ok();
  }
  std::string& bytes = arena.NewBytes();
  const bool decoded = json.kind == JsonValue::Kind::kString &&
                       (hex ? AppendHexDecoded(json.text, bytes) : AppendBase64Decoded(json.text, bytes));
  if (!decoded) return Status::InvalidArgument(fmt::format("the value of '{}' is not {} text", key, hex ? "hex" : "base64"));
  value.kind = ObservedValue::Kind::kBytes;
  value.bytes = bytes;
  return Status::Ok();
}

Status ResolveReference(const std::string& key, const ObservedValue& reference, const ReferenceScope& scope,
                        const JsonValue*& target) {
  if (!reference.IsJson(JsonValue::Kind::kString)) {
    return Status::InvalidArgument(fmt::format("a value of reference property '{}' is not a string", key));
  }
  target = scope.set->Resolve(scope.observation, reference.json->text);
  return Status::Ok();
}

// One key step from `from`, appending to `to`.
Status StepKey(const std::string& key, const ObservedValue& from, const ReferenceScope& scope, ValueArena& arena,
               std::vector<ObservedValue>& to) {
  if (!from.IsJson(JsonValue::Kind::kObject)) return Status::Ok();
  const JsonValue* member = from.json->Member(key);
  if (member == nullptr) return Status::Ok();
  ObservedValue value;
  KENES_RETURN_IF_ERROR(DecodeSuffixed(key, *member, arena, value));
  if (key.ends_with("_ref")) {
    const JsonValue* target = nullptr;
    KENES_RETURN_IF_ERROR(ResolveReference(key, value, scope, target));
    if (target != nullptr) to.push_back(JsonOf(target));
  } else if (key.ends_with("_refs")) {
    if (!value.IsJson(JsonValue::Kind::kArray)) {
      return Status::InvalidArgument(fmt::format("the value of reference list property '{}' is not a list", key));
    }
    std::vector<const JsonValue*>& targets = arena.NewReferences();
    for (const JsonValue& item : value.json->items) {
      const JsonValue* target = nullptr;
      KENES_RETURN_IF_ERROR(ResolveReference(key, JsonOf(&item), scope, target));
      if (target != nullptr) targets.push_back(target);
    }
    // The reference drops a list none of whose names resolve.
    if (!targets.empty()) {
      ObservedValue list;
      list.kind = ObservedValue::Kind::kReferences;
      list.references = targets;
      to.push_back(list);
    }
  } else {
    to.push_back(value);
  }
  return Status::Ok();
}

void StepIndex(const PathStep& step, const ObservedValue& from, std::vector<ObservedValue>& to) {
  if (!from.IsList()) return;
  const size_t size = ListSize(from);
  if (step.kind == PathStep::Kind::kAnyIndex) {
    for (size_t i = 0; i < size; ++i) to.push_back(ListElement(from, i));
  } else if (step.index >= 0 && static_cast<uint64_t>(step.index) < size) {
    to.push_back(ListElement(from, static_cast<size_t>(step.index)));
  }
}

}  // namespace

Status SelectPathValues(const std::vector<PathStep>& steps, const JsonValue& root, const ReferenceScope& scope,
                        ValueArena& arena, std::vector<ObservedValue>& frontier, std::vector<ObservedValue>& out) {
  out.clear();
  out.push_back(JsonOf(&root));
  for (const PathStep& step : steps) {
    frontier.swap(out);
    out.clear();
    for (const ObservedValue& from : frontier) {
      if (step.kind == PathStep::Kind::kKey) {
        KENES_RETURN_IF_ERROR(StepKey(step.key, from, scope, arena, out));
      } else {
        StepIndex(step, from, out);
      }
    }
    if (out.empty()) break;
  }
  return Status::Ok();
}

}  // namespace kenes::pattern
