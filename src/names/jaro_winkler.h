// Jaro-Winkler similarity of two byte strings: 1 for equal strings, 0 for
// strings with nothing in common, with a bonus for a shared prefix (up to 4
// bytes, scale 0.1) because names differing late are more often the same.
// Meant for the folded ASCII forms of name tokens (folding.h). A pure
// function: safe from any thread.
#pragma once

#include <string_view>

namespace kenes::names {

double JaroWinkler(std::string_view left, std::string_view right);

}  // namespace kenes::names
