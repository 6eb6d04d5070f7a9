// Python regex: translating the regular expressions of MATCHES, written for
// Python's `re` as the reference matcher runs them, into RE2 syntax. What RE2
// cannot do at all is refused with an error naming the construct, so a pattern
// is never silently matched differently: backreferences (\1, (?P=name)),
// lookahead and lookbehind, atomic groups, possessive quantifiers, conditional
// groups and verbose mode. What differs only in spelling is rewritten: \Z, \uXXXX, octal escapes,
// {,n}, Python's `$` (which also matches before a final newline), \s (which includes \v) and,
// for text, Python's Unicode-aware \d, \w and \s. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace kenes::pattern {

enum class RegexSubject { kText, kBytes };

// The RE2 form of Python regex `regex`, to run on UTF-8 text or on bytes (whose \d and \w are ASCII
// in Python too). Errors: InvalidArgument naming the unsupported construct.
Result<std::string> TranslatePythonRegex(std::string_view regex, RegexSubject subject);

}  // namespace kenes::pattern
