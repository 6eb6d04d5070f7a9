#include "stix/validation/check_context.h"

#include <algorithm>

namespace kenes::stix::validation {
namespace {

std::string& PathBuffer() {
  thread_local std::string buffer;
  return buffer;
}

bool IsPlainName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

CheckContext::CheckContext(simdjson::dom::object root, std::string_view object_id, const TypeDefinition* definition,
                           std::vector<Finding>& findings)
    : root_(root), object_id_(object_id), definition_(definition), findings_(findings), path_(PathBuffer()) {
  path_.clear();
  path_.push_back('$');
}

void CheckContext::Report(Severity severity, std::string_view rule, std::string message) {
  findings_.push_back(Finding{severity, std::string(object_id_), path_, std::string(rule), std::move(message)});
}

CheckContext::Scope CheckContext::Property(std::string_view name) {
  size_t restore = path_.size();
  if (IsPlainName(name)) {
    path_ += '.';
    path_ += name;
  } else {
    // Keys such as "SHA-256" or "extension-definition--..." are not plain names.
    path_.append("['").append(name).append("']");
  }
  return Scope(path_, restore);
}

CheckContext::Scope CheckContext::Index(size_t index) {
  size_t restore = path_.size();
  path_ += '[';
  path_ += std::to_string(index);
  path_ += ']';
  return Scope(path_, restore);
}

std::string Quote(std::string_view text) {
  constexpr size_t kLimit = 80;
  std::string quoted;
  quoted.reserve(std::min(text.size(), kLimit) + 5);
  quoted.push_back('\'');
  // Control characters would break the one-line form of a finding.
  for (char c : text.substr(0, kLimit)) quoted.push_back(static_cast<unsigned char>(c) < ' ' ? '?' : c);
  if (text.size() > kLimit) quoted.append("...");
  quoted.push_back('\'');
  return quoted;
}

}  // namespace kenes::stix::validation
