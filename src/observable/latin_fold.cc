#include "observable/latin_fold.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "observable/ascii_text.h"

namespace kenes::observable {
namespace {

struct LookAlike {
  UChar32 cyrillic;  // upper case
  char latin;
};

constexpr LookAlike kLookAlikes[] = {
    {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
    {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
    {0x0406, 'I'}, {0x0408, 'J'}, {0x0405, 'S'}, {0x04AE, 'Y'},
};

bool IsGroupingSeparator(UChar32 c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == 0x00A0; }

}  // namespace

Result<std::string> FoldToLatinIdentifier(std::string_view text, std::string_view what) {
  std::string_view trimmed = TrimWhitespace(text);
  std::string out;
  int32_t length = static_cast<int32_t>(trimmed.size());
  for (int32_t offset = 0; offset < length;) {
    UChar32 c;
    U8_NEXT(trimmed.data(), offset, length, c);
    if (c < 0) return Status::InvalidArgument(std::string(what) + " is not valid UTF-8");
    if (IsGroupingSeparator(c)) continue;
    if (!u_isalnum(c)) {
      return Status::InvalidArgument(QuoteForMessage(text) + " is not " + std::string(what) +
                                     ": only letters and digits belong in it (spaces, hyphens, dots and slashes "
                                     "are ignored)");
    }
    UChar32 upper = u_toupper(c);
    char latin = 0;
    for (const LookAlike& look_alike : kLookAlikes) {
      if (look_alike.cyrillic == upper) latin = look_alike.latin;
    }
    if (latin != 0) {
      out += latin;
      continue;
    }
    // u_toupper returns a valid code point and the buffer fits any.
    char buffer[U8_MAX_LENGTH];
    int32_t written = 0;
    U8_APPEND_UNSAFE(buffer, written, upper);
    out.append(buffer, static_cast<size_t>(written));
  }
  if (out.empty()) return Status::InvalidArgument(std::string(what) + " must have a letter or digit");
  return out;
}

size_t CountCharacters(std::string_view text) {
  // Every byte but a continuation byte (10xxxxxx) starts a character.
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace kenes::observable
