// Folding of identifiers written with Cyrillic letters that look like Latin
// ones, the way plates and document numbers of the region are typed: a
// Russian or Kazakh plate's "А123ВС" is entered in Cyrillic on one keyboard
// and in Latin on another, and both must be one key.
//
// The twelve letters used on Russian-standard plates (А В Е К М Н О Р С Т У
// Х) and the Kazakh and Ukrainian look-alikes І, Ј, Ѕ and Ү become their
// Latin twins; every letter is upper-cased; spaces, hyphens, dots and
// slashes, which only group characters, are removed. Other letters (other
// Cyrillic letters, Chinese characters of Chinese plates) are kept,
// upper-cased.
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::observable {

// InvalidArgument when `text` is not UTF-8, has characters other than
// letters, digits and the separators, or holds no letter or digit; `what`
// names the value in the message ("a registration plate").
Result<std::string> FoldToLatinIdentifier(std::string_view text, std::string_view what);

// The number of characters (code points) of UTF-8 `text`, for length rules.
size_t CountCharacters(std::string_view text);

}  // namespace kenes::observable
