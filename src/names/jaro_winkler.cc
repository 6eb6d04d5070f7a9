#include "names/jaro_winkler.h"

#include <algorithm>
#include <array>

namespace kenes::names {
namespace {

// Name tokens are short; longer inputs are compared on this many bytes.
constexpr size_t kMaxLength = 64;

double Jaro(std::string_view left, std::string_view right) {
  if (left.empty() && right.empty()) return 1.0;
  if (left.empty() || right.empty()) return 0.0;
  const size_t window = std::max(left.size(), right.size()) / 2 - (std::max(left.size(), right.size()) >= 2 ? 1 : 0);
  std::array<bool, kMaxLength> left_matched{};
  std::array<bool, kMaxLength> right_matched{};
  size_t matches = 0;
  for (size_t i = 0; i < left.size(); ++i) {
    const size_t from = i > window ? i - window : 0;
    const size_t to = std::min(right.size(), i + window + 1);
    for (size_t j = from; j < to; ++j) {
      if (right_matched[j] || left[i] != right[j]) continue;
      left_matched[i] = right_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t out_of_order = 0;
  for (size_t i = 0, j = 0; i < left.size(); ++i) {
    if (!left_matched[i]) continue;
    while (!right_matched[j]) ++j;
    if (left[i] != right[j]) ++out_of_order;
    ++j;
  }
  const double m = static_cast<double>(matches);
  return (m / left.size() + m / right.size() + (m - out_of_order / 2.0) / m) / 3.0;
}

}  // namespace

double JaroWinkler(std::string_view left, std::string_view right) {
  left = left.substr(0, kMaxLength);
  right = right.substr(0, kMaxLength);
  const double jaro = Jaro(left, right);
  size_t prefix = 0;
  while (prefix < 4 && prefix < left.size() && prefix < right.size() && left[prefix] == right[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

}  // namespace kenes::names
