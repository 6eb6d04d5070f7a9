#include "pattern/observed_value.h"

namespace kenes::pattern {

std::string& ValueArena::NewBytes() {
  if (bytes_used_ == bytes_.size()) bytes_.emplace_back();
  std::string& bytes = bytes_[bytes_used_++];
  bytes.clear();
  return bytes;
}

std::vector<const JsonValue*>& ValueArena::NewReferences() {
  if (references_used_ == references_.size()) references_.emplace_back();
  std::vector<const JsonValue*>& references = references_[references_used_++];
  references.clear();
  return references;
}

void ValueArena::Reset() {
  bytes_used_ = 0;
  references_used_ = 0;
}

}  // namespace kenes::pattern
