// PatternText: writing a pattern's tree back out as text, for people (Describe,
// which shows the tree's shape) and for storage and comparison (ToPatternText,
// canonical pattern text that parses back to the same tree).
//
// Pure functions of the tree; thread-safe.
#pragma once

#include <string>

#include "pattern/ast.h"

namespace kenes::pattern {

// A one-line, fully parenthesised rendering of the tree for tests and logs, e.g.
// "(FOLLOWEDBY [(AND file:name = 'a' file:size > 3)] ([EXISTS x:y]) WITHIN 5 SECONDS)".
std::string Describe(const Pattern& pattern);

// The pattern in canonical text: single spaces, decoded literals written one way (hex in lower case,
// floats without exponents), quotes only where needed, parentheses only where the tree has them
// or where nested operators inside brackets need them. Parsing it with the pattern's version gives
// an equal tree; two patterns that differ only in spelling get the same text.
std::string ToPatternText(const Pattern& pattern);

}  // namespace kenes::pattern
