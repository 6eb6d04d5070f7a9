// The syntax tree of a STIX pattern, as the parser builds it and the matcher
// walks it.
//
// The tree mirrors the STIX 2.1 grammar (STIXPattern.g4) one level per rule:
// a Pattern holds one ObservationExpression (FOLLOWEDBY, OR, AND between
// observations, a parenthesised group, or one bracketed observation with its
// qualifiers), and each bracketed observation holds a ComparisonExpression
// (OR, AND between comparisons, or one Comparison). The grammar's operators
// are left-associative, and a chain of one operator becomes one node with all
// its operands in order: `a AND b AND c` is AND(a, b, c), while
// `(a AND b) AND c` keeps its inner node. This loses nothing (for FOLLOWEDBY,
// `(a FOLLOWEDBY b) FOLLOWEDBY c` means each operand follows the one before)
// and keeps the tree shallow however long an indicator's list of ORs. Literals are decoded (string escapes removed,
// base64 and hex turned into bytes) so the matcher never re-reads pattern text.
//
// Plain value types: copy, move and read them from any number of threads;
// nothing is shared between two trees. pattern_text.h writes a tree back out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/timestamp.h"

namespace kenes::pattern {

enum class StixVersion { k20, k21 };

enum class LiteralKind { kInteger, kFloat, kString, kBoolean, kTimestamp, kBinary, kHex };

struct Literal {
  LiteralKind kind = LiteralKind::kInteger;
  int64_t integer = 0;   // kInteger
  double real = 0;       // kFloat
  bool boolean = false;  // kBoolean
  // kString: the text without quotes and escapes. kBinary, kHex: the decoded bytes.
  // kTimestamp: the text between the quotes.
  std::string text;
  // kTimestamp: the instant, or nullopt when the literal has the grammar's form but names no real
  // date (t'2024-02-30T00:00:00Z' is accepted by the reference grammar, so the matcher decides).
  std::optional<Timestamp> timestamp;
};

// One step of an object path after the object type: `.name`, `.'quoted name'`, `[3]`, `[*]`.
struct PathStep {
  enum class Kind { kKey, kIndex, kAnyIndex };
  Kind kind = Kind::kKey;
  std::string key;    // kKey
  int64_t index = 0;  // kIndex; the grammar allows a negative index, which selects nothing (as in the reference matcher)

  // A key ending in _ref or _refs names other objects: the matcher follows it before the next step.
  bool IsReference() const;
};

// `file:extensions.'windows-pebinary-ext'.sections[*].entropy` is object_type "file" and the steps
// extensions, windows-pebinary-ext, sections, [*], entropy. The first step is always a key.
struct ObjectPath {
  std::string object_type;
  std::vector<PathStep> steps;
};

enum class ComparisonOperator {
  kEqual,
  kNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual,
  kIn,
  kLike,
  kMatches,
  kIsSubset,
  kIsSuperset,
  kExists,  // STIX 2.1 only; has no value
};

struct Comparison {
  uint32_t offset = 0;  // where the comparison starts in the pattern text, in bytes
  ObjectPath path;
  ComparisonOperator op = ComparisonOperator::kEqual;
  bool negated = false;         // written with the NOT prefix
  Literal value;                // every operator but kIn and kExists
  std::vector<Literal> values;  // kIn, possibly empty
};

enum class ComparisonExpressionKind { kComparison, kAnd, kOr };

struct ComparisonExpression {
  ComparisonExpressionKind kind = ComparisonExpressionKind::kComparison;
  Comparison comparison;                       // kComparison
  std::vector<ComparisonExpression> operands;  // kAnd, kOr: left then right
};

enum class QualifierKind { kWithin, kRepeats, kStartStop };

struct Qualifier {
  uint32_t offset = 0;  // where the qualifier's keyword is in the pattern text, in bytes
  QualifierKind kind = QualifierKind::kWithin;
  double seconds = 0;  // kWithin
  int64_t times = 0;   // kRepeats
  // kStartStop: timestamps in STIX 2.1; in STIX 2.0 also strings, which the matcher must parse.
  Literal start;
  Literal stop;
};

enum class ObservationExpressionKind { kObservation, kGroup, kAnd, kOr, kFollowedBy };

struct ObservationExpression {
  ObservationExpressionKind kind = ObservationExpressionKind::kObservation;
  ComparisonExpression comparison;              // kObservation: what is inside the brackets
  std::vector<ObservationExpression> operands;  // kGroup: the one inside; kAnd, kOr, kFollowedBy: left, right
  std::vector<Qualifier> qualifiers;            // kObservation, kGroup: in the order written
};

struct Pattern {
  StixVersion version = StixVersion::k21;
  ObservationExpression root;
};

}  // namespace kenes::pattern
