// HashRule: the reference validator's check that a value compared with a hash
// (`file:hashes.'SHA-256' = '...'`) has the form of that hash algorithm.
//
// Algorithms are recognised by key, ignoring case and '-' (MD5, SHA-1, SHA-256,
// SHA3-512, SSDEEP, ...); unknown algorithms and `hashes[*]` are not checked.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "pattern/ast.h"

namespace kenes::pattern {

// Empty when `comparison` is not a hash comparison or its value fits the algorithm; otherwise why
// not, e.g. "'f00' is not a valid SHA-256 hash".
std::string HashValueProblem(const Comparison& comparison);

}  // namespace kenes::pattern
