// NFC text: Unicode normalization form C, which the reference matcher applies
// to both sides of LIKE and MATCHES so that "ḍ̇" matches however its marks are
// composed. ASCII and text already in NFC are returned as they are, without
// copying. Thread-safe (ICU's normalizer instance is immutable).
#pragma once

#include <string>
#include <string_view>

namespace kenes::pattern {

// `text` in NFC: `text` itself when already normalized, else `buffer` filled with it. Invalid
// UTF-8 is returned unchanged.
std::string_view ToNfc(std::string_view text, std::string& buffer);

}  // namespace kenes::pattern
