#include "pattern/hash_rule.h"

#include <fmt/format.h>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string_view>

namespace kenes::pattern {
namespace {

bool IsHexDigit(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool IsHexOfLength(std::string_view value, std::initializer_list<size_t> lengths) {
  return std::find(lengths.begin(), lengths.end(), value.size()) != lengths.end() &&
         std::all_of(value.begin(), value.end(), IsHexDigit);
}

bool IsSsdeep(std::string_view value) {
  return !value.empty() && value.size() <= 128 && std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '+' ||
           c == ':' || c == '.';
  });
}

// The algorithm's key upper-cased without '-', as the reference validator normalises it.
std::string NormalisedAlgorithm(std::string_view key) {
  std::string normalised;
  normalised.reserve(key.size());
  for (char c : key) {
    if (c == '-') continue;
    normalised.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return normalised;
}

// nullopt: the algorithm is not one the validator knows, so any value goes.
std::optional<bool> FitsAlgorithm(std::string_view algorithm, std::string_view value) {
  if (algorithm == "MD5") return IsHexOfLength(value, {32});
  // The reference's MD6 expression accepts every length MD6 can produce.
  if (algorithm == "MD6") return IsHexOfLength(value, {32, 40, 56, 64, 96, 128});
  if (algorithm == "RIPEMD160" || algorithm == "SHA1") return IsHexOfLength(value, {40});
  if (algorithm == "SHA224" || algorithm == "SHA3224") return IsHexOfLength(value, {56});
  if (algorithm == "SHA256" || algorithm == "SHA3256") return IsHexOfLength(value, {64});
  if (algorithm == "SHA384" || algorithm == "SHA3384") return IsHexOfLength(value, {96});
  if (algorithm == "SHA512" || algorithm == "SHA3512" || algorithm == "WHIRLPOOL") {
    return IsHexOfLength(value, {128});
  }
  if (algorithm == "SSDEEP") return IsSsdeep(value);
  return std::nullopt;
}

}  // namespace

std::string HashValueProblem(const Comparison& comparison) {
  const std::vector<PathStep>& steps = comparison.path.steps;
  if (comparison.op == ComparisonOperator::kIn || comparison.op == ComparisonOperator::kExists) return {};
  if (steps.empty() || steps.back().kind != PathStep::Kind::kKey) return {};
  const bool under_hashes = std::any_of(steps.begin(), steps.end() - 1, [](const PathStep& step) {
    return step.kind == PathStep::Kind::kKey && step.key == "hashes";
  });
  if (!under_hashes) return {};
  const std::string& algorithm_key = steps.back().key;
  const std::string algorithm = NormalisedAlgorithm(algorithm_key);
  if (!FitsAlgorithm(algorithm, "").has_value()) return {};
  // Only strings can hold a hash; the reference rejects other literals too.
  if (comparison.value.kind != LiteralKind::kString) {
    return fmt::format("a {} hash must be compared with a string", algorithm_key);
  }
  if (*FitsAlgorithm(algorithm, comparison.value.text)) return {};
  return fmt::format("'{}' is not a valid {} hash", comparison.value.text, algorithm_key);
}

}  // namespace kenes::pattern
