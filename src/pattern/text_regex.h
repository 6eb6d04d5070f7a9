// TextRegex: the compiled right-hand side of LIKE or MATCHES, built once when
// a Matcher is created and run with RE2 (linear time, no backtracking).
//
// As in the reference matcher, the pattern and text values are put in NFC
// first. LIKE is SQL LIKE (% any run, _ one character, neither crossing a
// newline, the whole value). MATCHES searches anywhere with a Python-syntax
// regex (python_regex.h). Bytes values (*_hex, *_bin properties) are matched
// when every character of the pattern is below 256: MATCHES runs the pattern on
// the bytes as Latin-1, LIKE on the bytes read as UTF-8.
//
// Const after creation; Matches may run on any number of threads at once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace re2 {
class RE2;
}

namespace kenes::pattern {

class TextRegex {
 public:
  // Errors: InvalidArgument naming what RE2 cannot compile or what the translation refuses.
  static Result<TextRegex> ForLike(std::string_view like);
  static Result<TextRegex> ForMatches(std::string_view regex);

  // Whether UTF-8 `text` matches. `buffer` is scratch the caller reuses.
  bool MatchesText(std::string_view text, std::string& buffer) const;
  // Whether bytes match; Errors: InvalidArgument when LIKE meets bytes that are not UTF-8 (the
  // reference fails to decode them).
  Result<bool> MatchesBytes(std::string_view bytes, std::string& buffer) const;

  TextRegex(TextRegex&&) noexcept;
  TextRegex& operator=(TextRegex&&) noexcept;
  ~TextRegex();

 private:
  TextRegex();
  bool like_ = false;
  std::unique_ptr<re2::RE2> text_;
  std::unique_ptr<re2::RE2> bytes_;  // MATCHES on bytes; null when the pattern is not Latin-1
  bool latin1_ = false;              // every character of the pattern is below 256
};

}  // namespace kenes::pattern
