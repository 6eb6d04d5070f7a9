// CheckContext: where the validator is inside one object, and where its
// findings go.
//
// It tracks the JSON path of the value being checked (push a scope per
// property or list index) so that every finding names its place, e.g.
// "$.external_references[0].source_name". The path buffer is reused per
// thread, so valid objects cost no allocation. One context per object on one
// thread; not shareable.
#pragma once

#include <simdjson.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "stix/finding.h"

namespace kenes::stix::validation {

struct TypeDefinition;

class CheckContext {
 public:
  // `root` and `object_id` must outlive the context.
  CheckContext(simdjson::dom::object root, std::string_view object_id, const TypeDefinition* definition,
               std::vector<Finding>& findings);
  CheckContext(const CheckContext&) = delete;
  CheckContext& operator=(const CheckContext&) = delete;

  void Error(std::string_view rule, std::string message) { Report(Severity::kError, rule, std::move(message)); }
  void Warning(std::string_view rule, std::string message) { Report(Severity::kWarning, rule, std::move(message)); }
  void Report(Severity severity, std::string_view rule, std::string message);

  // Extends the path for as long as the scope lives.
  class Scope {
   public:
    Scope(std::string& path, size_t restore) : path_(path), restore_(restore) {}
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope() { path_.resize(restore_); }

   private:
    std::string& path_;
    size_t restore_;
  };
  [[nodiscard]] Scope Property(std::string_view name);
  [[nodiscard]] Scope Index(size_t index);

  simdjson::dom::object root() const { return root_; }
  std::string_view object_id() const { return object_id_; }
  // The definition of the object's type; nullptr for custom objects.
  const TypeDefinition* definition() const { return definition_; }

  // Set when the object declares a toplevel-property-extension, whose
  // properties sit beside the standard ones without an "x_" prefix.
  bool has_toplevel_extension = false;

 private:
  simdjson::dom::object root_;
  std::string_view object_id_;
  const TypeDefinition* definition_;
  std::vector<Finding>& findings_;
  std::string& path_;
};

// "'text'" shortened to a readable length, control characters shown as
// '?', for messages.
std::string Quote(std::string_view text);

}  // namespace kenes::stix::validation
