// WordList: how notify.db keeps a short list of words (identity ids, notice
// kinds) in one column: separated by single spaces, which neither contains.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kenes::notify {

std::string JoinWords(const std::vector<std::string>& words);
// The inverse of JoinWords; "" is the empty list.
std::vector<std::string> SplitWords(std::string_view text);

}  // namespace kenes::notify
