#include "pattern/source_location.h"

#include <fmt/format.h>

namespace kenes::pattern {

SourceLocation LocationOf(std::string_view text, size_t offset) {
  SourceLocation location;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++location.line;
      location.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // not a UTF-8 continuation byte
      ++location.column;
    }
  }
  return location;
}

Status ErrorAtOffset(std::string_view text, size_t offset, std::string_view message) {
  const SourceLocation location = LocationOf(text, offset);
  return Status::InvalidArgument(fmt::format("line {}, column {}: {}", location.line, location.column, message));
}

}  // namespace kenes::pattern
