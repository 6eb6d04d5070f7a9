// Binary text: decoding the hex and base64 strings that observable properties
// named *_hex and *_bin hold, which the matcher compares as bytes (as the
// reference matcher does). Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kenes::pattern {

// Append the decoded bytes to `out` and return true, or return false (with `out` partly written)
// when `text` is not an even number of hex digits / not padded RFC 4648 base64.
bool AppendHexDecoded(std::string_view text, std::string& out);
bool AppendBase64Decoded(std::string_view text, std::string& out);

}  // namespace kenes::pattern
