// JsonObjectBuilder: writes one JSON object as compact text, member by member.
//
// The demo emits millions of objects (and the desks compose versions), so the builder appends to a string the
// caller owns and reuses (no allocation once its capacity has grown), and
// escapes strings with the project's one JSON string writer. Members appear
// in the order they are added; the caller keeps names unique.
// Not thread-safe; the target string is borrowed for the builder's lifetime.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "base/json_text.h"

namespace kenes::stix {

class JsonObjectBuilder {
 public:
  // Clears `out` and starts an object in it.
  explicit JsonObjectBuilder(std::string& out);

  JsonObjectBuilder& String(std::string_view name, std::string_view value);
  JsonObjectBuilder& Integer(std::string_view name, int64_t value);
  JsonObjectBuilder& Number(std::string_view name, double value);
  // A list of strings from any range of things convertible to string_view.
  template <typename Range>
  JsonObjectBuilder& StringList(std::string_view name, const Range& values) {
    Name(name);
    out_ += '[';
    bool first = true;
    for (const auto& value : values) {
      if (!first) out_ += ',';
      first = false;
      AppendJsonString(out_, std::string_view(value));
    }
    out_ += ']';
    return *this;
  }
  JsonObjectBuilder& StringList(std::string_view name, std::initializer_list<std::string_view> values) {
    return StringList<std::initializer_list<std::string_view>>(name, values);
  }
  // `json` must already be valid JSON text (an object, a list, a literal).
  JsonObjectBuilder& Raw(std::string_view name, std::string_view json);

  // Closes the object; the builder must not be used afterwards.
  void Finish();

 private:
  void Name(std::string_view name);

  std::string& out_;
};

}  // namespace kenes::stix
