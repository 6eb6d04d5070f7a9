// ComparisonPredicate: one comparison of a pattern (`file:size > 5`,
// `x:name NOT LIKE 'a%'`) prepared for matching: its literal decoded, its
// regular expression compiled, its network parsed, and its IN set checked, all
// once. Test applies the operator and NOT to one selected value with the
// reference matcher's semantics (see value_comparison.h, text_regex.h,
// ip_network.h). EXISTS has no value to test: the matcher asks IsExists.
//
// Const after creation; Test may run on any number of threads at once. Views
// the Comparison it was made from, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "pattern/ast.h"
#include "pattern/ip_network.h"
#include "pattern/observed_value.h"
#include "pattern/text_regex.h"
#include "pattern/value_comparison.h"

namespace kenes::pattern {

class ComparisonPredicate {
 public:
  // Errors: InvalidArgument where the reference refuses the comparison whatever the data (an IN set
  // mixing types, an impossible timestamp, a regular expression RE2 cannot run).
  static Result<ComparisonPredicate> Create(const Comparison& comparison);

  const Comparison& comparison() const { return *comparison_; }
  bool IsExists() const { return comparison_->op == ComparisonOperator::kExists; }

  // Whether `value` satisfies the comparison, NOT included. `buffer` is scratch the caller reuses.
  // Errors: InvalidArgument where the reference raises on this value (a string that should be a
  // timestamp or an IP address and is not, or an invalid network in the pattern met by a string).
  Result<bool> Test(const ObservedValue& value, std::string& buffer) const;

 private:
  explicit ComparisonPredicate(const Comparison& comparison) : comparison_(&comparison) {}
  Result<bool> TestOperator(const ObservedValue& value, std::string& buffer) const;
  Result<bool> TestNetwork(const ObservedValue& value) const;

  const Comparison* comparison_;
  PreparedLiteral literal_;
  std::vector<PreparedLiteral> set_;
  std::optional<TextRegex> regex_;
  // ISSUBSET/ISSUPERSET: the pattern's network, or why it is none (reported only when a string value
  // is tested, which is when the reference notices).
  std::optional<IpNetwork> network_;
  Status network_error_;
};

}  // namespace kenes::pattern
