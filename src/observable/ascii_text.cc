#include "observable/ascii_text.h"

namespace kenes::observable {

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ToAsciiLower(c);
  return out;
}

std::string AsciiUpper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = ToAsciiUpper(c);
  return out;
}

std::string_view TrimWhitespace(std::string_view text) {
  constexpr std::string_view kWhitespace = " \t\r\n";
  size_t first = text.find_first_not_of(kWhitespace);
  if (first == std::string_view::npos) return {};
  size_t last = text.find_last_not_of(kWhitespace);
  return text.substr(first, last - first + 1);
}

std::string QuoteForMessage(std::string_view text) {
  constexpr size_t kLimit = 80;
  if (text.size() <= kLimit) return "'" + std::string(text) + "'";
  size_t cut = kLimit;
  // Never cut inside a UTF-8 sequence: continuation bytes are 10xxxxxx.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

}  // namespace kenes::observable
