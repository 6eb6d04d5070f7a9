// SourceLocation: where in a pattern's text something is, as people count it,
// and the error that points there. Pattern text often arrives on one line but
// may span several; the AST keeps byte offsets and turns them into lines and
// columns only when an error is reported. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"

namespace kenes::pattern {

// 1-based line and column; columns count UTF-8 characters, not bytes.
struct SourceLocation {
  size_t line = 1;
  size_t column = 1;
};

SourceLocation LocationOf(std::string_view text, size_t offset);

// InvalidArgument("line L, column C: <message>") for the place `offset` bytes into `text`.
Status ErrorAtOffset(std::string_view text, size_t offset, std::string_view message);

}  // namespace kenes::pattern
