// Helpers for writing JSON text. simdjson (our parser) has no writer in
// Debian 12's version, so output is built as text with correct escaping.
#pragma once

#include <string>
#include <string_view>

namespace kenes {

// Appends `value` as a JSON string literal (quotes included), escaping
// quotes, backslashes and control characters as RFC 8259 requires.
void AppendJsonString(std::string& out, std::string_view value);

// `value` as a JSON string literal.
std::string JsonString(std::string_view value);

}  // namespace kenes
