#include "pattern/path_values.h"

namespace kenes::pattern {
namespace {

struct Walk {
  const ObservationSet& set;
  size_t index;
  const std::vector<PathStep>& steps;
  std::vector<const JsonValue*>* values;

  void Select(const JsonValue& value) {
    values->push_back(&value);
    if (value.kind != JsonValue::Kind::kArray) return;
    for (const JsonValue& item : value.items) Select(item);
  }

  void Follow(const JsonValue& reference, size_t next) {
    if (reference.kind == JsonValue::Kind::kString) {
      if (const JsonValue* target = set.Resolve(index, reference.text)) From(*target, next);
    } else if (reference.kind == JsonValue::Kind::kArray) {
      for (const JsonValue& item : reference.items) Follow(item, next);
    }
  }

  void From(const JsonValue& value, size_t step_index) {
    if (step_index == steps.size()) return Select(value);
    const PathStep& step = steps[step_index];
    if (step.kind != PathStep::Kind::kKey) {
      if (value.kind != JsonValue::Kind::kArray) return From(value, step_index + 1);
      for (const JsonValue& item : value.items) From(item, step_index + 1);
      return;
    }
    if (value.kind == JsonValue::Kind::kArray) {
      for (const JsonValue& item : value.items) From(item, step_index);
      return;
    }
    const JsonValue* member = value.Member(step.key);
    if (member == nullptr) return;
    if (step.IsReference()) return Follow(*member, step_index + 1);
    From(*member, step_index + 1);
  }
};

}  // namespace

void ValuesAtPath(const ObservationSet& set, size_t index, const JsonValue& object, const std::vector<PathStep>& steps,
                  std::vector<const JsonValue*>* values) {
  Walk{set, index, steps, values}.From(object, 0);
}

}  // namespace kenes::pattern
