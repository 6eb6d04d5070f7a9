// ASCII text helpers shared by the normalisers: case folding that leaves
// UTF-8 bytes alone, and character classes without the locale dependence of
// <cctype>. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kenes::observable {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiHexDigit(char c) { return IsAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
inline char ToAsciiLower(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + ('a' - 'A')) : c; }
inline char ToAsciiUpper(char c) { return IsAsciiLower(c) ? static_cast<char>(c - ('a' - 'A')) : c; }

std::string AsciiLower(std::string_view text);
std::string AsciiUpper(std::string_view text);

// `text` without leading and trailing spaces, tabs and line breaks.
std::string_view TrimWhitespace(std::string_view text);

// `text` quoted for an error message: 'text', cut after 80 bytes.
std::string QuoteForMessage(std::string_view text);

}  // namespace kenes::observable
