#include "pattern/matcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "pattern/binding_stream.h"
#include "pattern/comparison_predicate.h"
#include "pattern/path_selection.h"

namespace kenes::pattern {
namespace {

// A node of the comparison expression inside one pair of brackets; the nodes of all brackets share
// one array.
struct ExpressionNode {
  ComparisonExpressionKind kind = ComparisonExpressionKind::kComparison;
  int predicate = -1;         // kComparison
  std::vector<int> operands;  // kAnd, kOr: node ids
};

struct CompiledQualifier {
  QualifierKind kind = QualifierKind::kWithin;
  int64_t microseconds = 0;  // kWithin
  int64_t count = 0;         // kRepeats
  int64_t start = 0;         // kStartStop, microseconds since the epoch
  int64_t stop = 0;
};

struct ObservationNode {
  ObservationExpressionKind kind = ObservationExpressionKind::kObservation;
  int bracket = -1;  // kObservation: which pair of brackets, in pattern order
  std::vector<ObservationNode> operands;
  std::vector<CompiledQualifier> qualifiers;
};

// No real interval is that long (about 31,700 years); keeps WITHIN's additions from overflowing.
constexpr int64_t kLongestWithin = int64_t{1'000'000'000'000'000'000};
constexpr size_t kRootsPerChunk = 64;
// Steps a search may take before Evaluate gives up: far beyond what the reference's own
// combinatorial cases need (under a million), and about a second at most.
constexpr int64_t kSearchBudget = 5'000'000;
// Each observation expression nests one more generator, and resuming the outermost runs down the
// whole chain on the stack; real indicators have a handful (and the reference's recursion limit
// stops near a thousand too).
constexpr size_t kMostObservations = 1000;

Status QualifierError(const Qualifier& qualifier, std::string_view message) {
  return Status::InvalidArgument(fmt::format("at offset {}: {}", qualifier.offset, message));
}

Result<int64_t> QualifierInstant(const Qualifier& qualifier, const Literal& literal) {
  std::optional<int64_t> instant;
  // STIX 2.0 writes START/STOP as strings, which the reference parses when matching.
  if (literal.kind == LiteralKind::kTimestamp && literal.timestamp) instant = literal.timestamp->TotalMicroseconds();
  if (literal.kind == LiteralKind::kString) instant = TimestampMicroseconds(literal.text);
  if (!instant) return QualifierError(qualifier, fmt::format("START/STOP '{}' is not a timestamp", literal.text));
  return *instant;
}

Result<CompiledQualifier> CompileQualifier(const Qualifier& qualifier) {
  CompiledQualifier compiled;
  compiled.kind = qualifier.kind;
  switch (qualifier.kind) {
    case QualifierKind::kWithin:
      if (!(qualifier.seconds > 0)) return QualifierError(qualifier, "WITHIN needs a positive number of seconds");
      // Python's timedelta rounds to the microsecond, half to even, as nearbyint does by default.
      compiled.microseconds = static_cast<int64_t>(
          std::nearbyint(std::min(qualifier.seconds * 1e6, static_cast<double>(kLongestWithin))));
      break;
    case QualifierKind::kRepeats:
      if (qualifier.times < 1) return QualifierError(qualifier, "REPEATS needs at least 1 time");
      compiled.count = qualifier.times;
      break;
    case QualifierKind::kStartStop: {
      KENES_ASSIGN_OR_RETURN(compiled.start, QualifierInstant(qualifier, qualifier.start));
      KENES_ASSIGN_OR_RETURN(compiled.stop, QualifierInstant(qualifier, qualifier.stop));
      break;
    }
  }
  return compiled;
}

// What one Evaluate works with, kept per thread so that matching allocates little once warm.
struct Scratch {
  std::vector<size_t> observations;       // the observations evaluated, ascending
  std::vector<ObservationTimes> times;    // parallel to observations
  std::vector<const JsonValue*> objects;  // every observation's observables, one after the other
  std::vector<size_t> object_starts;      // where each observation's observables start; one more at the end
  std::vector<uint8_t> satisfied;         // [node * observations + position]: some root satisfies the node
  std::vector<std::vector<uint32_t>> orders;  // per bracket: the positions satisfying it, in the reference's order
  std::vector<ObservedValue> values;
  std::vector<ObservedValue> frontier;
  ValueArena arena;
  std::string text_buffer;
};

bool IsOfType(const JsonValue& object, const std::string& type) {
  const JsonValue* found = object.Member("type");
  return found != nullptr && found->kind == JsonValue::Kind::kString && found->text == type;
}

}  // namespace

struct Matcher::Compiled {
  Pattern pattern;
  std::vector<ComparisonPredicate> predicates;
  std::vector<ExpressionNode> nodes;
  std::vector<int> bracket_roots;  // the root node of each pair of brackets
  ObservationNode root;

  Result<int> CompileExpression(const ComparisonExpression& expression);
  Result<ObservationNode> CompileObservation(const ObservationExpression& expression);

  // Evaluation, in the order it happens.
  Status PrepareScratch(const ObservationSet& set, std::span<const size_t> among, Scratch& scratch) const;
  Status EvaluateBrackets(const ObservationSet& set, Scratch& scratch) const;
  Result<uint64_t> EvaluateNode(int node, size_t position, size_t chunk, const ObservationSet& set,
                                Scratch& scratch) const;
  Result<bool> EvaluatePredicate(const ComparisonPredicate& predicate, const JsonValue& object,
                                 const ReferenceScope& scope, Scratch& scratch) const;
  void AppendOrder(int node, const Scratch& scratch, std::vector<uint32_t>& out) const;
  Generator<Binding> Bindings(const ObservationNode& node, const Scratch& scratch, SearchBudget& budget) const;
};

Result<int> Matcher::Compiled::CompileExpression(const ComparisonExpression& expression) {
  ExpressionNode node;
  node.kind = expression.kind;
  if (expression.kind == ComparisonExpressionKind::kComparison) {
    KENES_ASSIGN_OR_RETURN(ComparisonPredicate predicate, ComparisonPredicate::Create(expression.comparison));
    node.predicate = static_cast<int>(predicates.size());
    predicates.push_back(std::move(predicate));
  } else {
    for (const ComparisonExpression& operand : expression.operands) {
      KENES_ASSIGN_OR_RETURN(const int id, CompileExpression(operand));
      node.operands.push_back(id);
    }
  }
  nodes.push_back(std::move(node));
  return static_cast<int>(nodes.size() - 1);
}

Result<ObservationNode> Matcher::Compiled::CompileObservation(const ObservationExpression& expression) {
  ObservationNode node;
  node.kind = expression.kind;
  if (expression.kind == ObservationExpressionKind::kObservation) {
    KENES_ASSIGN_OR_RETURN(const int id, CompileExpression(expression.comparison));
    node.bracket = static_cast<int>(bracket_roots.size());
    bracket_roots.push_back(id);
  }
  for (const ObservationExpression& operand : expression.operands) {
    KENES_ASSIGN_OR_RETURN(ObservationNode compiled, CompileObservation(operand));
    node.operands.push_back(std::move(compiled));
  }
  for (const Qualifier& qualifier : expression.qualifiers) {
    KENES_ASSIGN_OR_RETURN(CompiledQualifier compiled, CompileQualifier(qualifier));
    node.qualifiers.push_back(compiled);
  }
  return node;
}

Status Matcher::Compiled::PrepareScratch(const ObservationSet& set, std::span<const size_t> among,
                                         Scratch& scratch) const {
  const std::vector<ObservedData>& all = set.observed_data();
  scratch.observations.assign(among.begin(), among.end());
  std::sort(scratch.observations.begin(), scratch.observations.end());
  scratch.observations.erase(std::unique(scratch.observations.begin(), scratch.observations.end()),
                             scratch.observations.end());
  if (!scratch.observations.empty() && scratch.observations.back() >= all.size()) {
    return Status::InvalidArgument(fmt::format("no observation {} in the set", scratch.observations.back()));
  }
  scratch.times.clear();
  scratch.objects.clear();
  scratch.object_starts.clear();
  for (const size_t index : scratch.observations) {
    const ObservedData& observation = all[index];
    scratch.times.push_back(ObservationTimes{observation.first_observed.TotalMicroseconds(),
                                             observation.last_observed.TotalMicroseconds(),
                                             observation.number_observed});
    scratch.object_starts.push_back(scratch.objects.size());
    set.ObjectsOf(index, scratch.objects);
  }
  scratch.object_starts.push_back(scratch.objects.size());
  scratch.satisfied.assign(nodes.size() * scratch.observations.size(), 0);
  scratch.arena.Reset();
  return Status::Ok();
}

// Every comparison is tested on every observable of every observation, as the reference does, so
// that an error one of them raises is reported whatever the others match.
Status Matcher::Compiled::EvaluateBrackets(const ObservationSet& set, Scratch& scratch) const {
  for (const int root_node : bracket_roots) {
    for (size_t position = 0; position < scratch.observations.size(); ++position) {
      const size_t object_count = scratch.object_starts[position + 1] - scratch.object_starts[position];
      for (size_t chunk = 0; chunk * kRootsPerChunk < object_count; ++chunk) {
        KENES_RETURN_IF_ERROR(EvaluateNode(root_node, position, chunk, set, scratch).status());
      }
    }
  }
  scratch.orders.resize(bracket_roots.size());
  for (size_t bracket = 0; bracket < bracket_roots.size(); ++bracket) {
    scratch.orders[bracket].clear();
    AppendOrder(bracket_roots[bracket], scratch, scratch.orders[bracket]);
  }
  return Status::Ok();
}

// The roots (observables, in chunks of 64) of observation `position` that satisfy `node`, as bits.
// AND intersects and OR unites the roots: both sides must hold for the same observable.
Result<uint64_t> Matcher::Compiled::EvaluateNode(int node, size_t position, size_t chunk, const ObservationSet& set,
                                                 Scratch& scratch) const {
  const ExpressionNode& expression = nodes[node];
  uint64_t roots = 0;
  if (expression.kind == ComparisonExpressionKind::kComparison) {
    const ComparisonPredicate& predicate = predicates[expression.predicate];
    const ReferenceScope scope{&set, scratch.observations[position]};
    const size_t begin = scratch.object_starts[position] + chunk * kRootsPerChunk;
    const size_t end = std::min(begin + kRootsPerChunk, scratch.object_starts[position + 1]);
    for (size_t i = begin; i < end; ++i) {
      KENES_ASSIGN_OR_RETURN(const bool satisfied, EvaluatePredicate(predicate, *scratch.objects[i], scope, scratch));
      if (satisfied) roots |= uint64_t{1} << (i - begin);
    }
  } else {
    roots = expression.kind == ComparisonExpressionKind::kAnd ? ~uint64_t{0} : 0;
    for (const int operand : expression.operands) {
      KENES_ASSIGN_OR_RETURN(const uint64_t operand_roots, EvaluateNode(operand, position, chunk, set, scratch));
      roots = expression.kind == ComparisonExpressionKind::kAnd ? roots & operand_roots : roots | operand_roots;
    }
  }
  if (roots != 0) scratch.satisfied[node * scratch.observations.size() + position] = 1;
  return roots;
}

// Whether the observable `object` satisfies `predicate`: some value its path selects passes (the
// reference stops at the first), or for EXISTS, the path selects something.
Result<bool> Matcher::Compiled::EvaluatePredicate(const ComparisonPredicate& predicate, const JsonValue& object,
                                                  const ReferenceScope& scope, Scratch& scratch) const {
  const Comparison& comparison = predicate.comparison();
  if (!IsOfType(object, comparison.path.object_type)) return false;
  KENES_RETURN_IF_ERROR(
      SelectPathValues(comparison.path.steps, object, scope, scratch.arena, scratch.frontier, scratch.values));
  if (predicate.IsExists()) return scratch.values.empty() == comparison.negated;
  for (const ObservedValue& value : scratch.values) {
    KENES_ASSIGN_OR_RETURN(const bool passed, predicate.Test(value, scratch.text_buffer));
    if (passed) return true;
  }
  return false;
}

// The positions satisfying `node` in the order the reference lists them: ascending for a
// comparison, the first operand's order for AND, and for OR each operand's order in turn, skipping
// positions already listed. One observation needs no ordering (the common case when ingesting).
void Matcher::Compiled::AppendOrder(int node, const Scratch& scratch, std::vector<uint32_t>& out) const {
  const ExpressionNode& expression = nodes[node];
  const size_t count = scratch.observations.size();
  const uint8_t* satisfied = &scratch.satisfied[node * count];
  if (expression.kind == ComparisonExpressionKind::kComparison || count == 1) {
    for (size_t position = 0; position < count; ++position) {
      if (satisfied[position]) out.push_back(static_cast<uint32_t>(position));
    }
    return;
  }
  const size_t base = out.size();
  if (expression.kind == ComparisonExpressionKind::kAnd) {
    AppendOrder(expression.operands.front(), scratch, out);
    out.erase(std::remove_if(out.begin() + base, out.end(), [satisfied](uint32_t p) { return !satisfied[p]; }),
              out.end());
    return;
  }
  std::vector<uint8_t> listed(count, 0);
  for (const int operand : expression.operands) {
    const size_t start = out.size();
    AppendOrder(operand, scratch, out);
    size_t kept = start;
    for (size_t i = start; i < out.size(); ++i) {
      if (!listed[out[i]]) {
        listed[out[i]] = 1;
        out[kept++] = out[i];
      }
    }
    out.resize(kept);
  }
}

Generator<Binding> Matcher::Compiled::Bindings(const ObservationNode& node, const Scratch& scratch,
                                                SearchBudget& budget) const {
  const std::span<const ObservationTimes> times = scratch.times;
  Generator<Binding> bindings = node.kind == ObservationExpressionKind::kObservation
                                    ? InstancesOf(scratch.orders[node.bracket], times, budget)
                                    : Bindings(node.operands.front(), scratch, budget);
  // The grammar's operators associate to the left: a AND b AND c is (a AND b) AND c.
  for (size_t i = 1; i < node.operands.size(); ++i) {
    Generator<Binding> right = Bindings(node.operands[i], scratch, budget);
    switch (node.kind) {
      case ObservationExpressionKind::kAnd: bindings = BothOf(std::move(bindings), std::move(right), budget); break;
      case ObservationExpressionKind::kOr: bindings = EitherOf(std::move(bindings), std::move(right), budget); break;
      default: bindings = FollowedBy(std::move(bindings), std::move(right), times, budget); break;
    }
  }
  for (const CompiledQualifier& qualifier : node.qualifiers) {
    switch (qualifier.kind) {
      case QualifierKind::kWithin: bindings = Within(std::move(bindings), qualifier.microseconds, times, budget); break;
      case QualifierKind::kRepeats: bindings = Repeated(std::move(bindings), qualifier.count, budget); break;
      case QualifierKind::kStartStop:
        bindings = StartStop(std::move(bindings), qualifier.start, qualifier.stop, times, budget);
        break;
    }
  }
  return bindings;
}

Result<Matcher> Matcher::Create(Pattern pattern) {
  auto compiled = std::make_unique<Compiled>();
  compiled->pattern = std::move(pattern);
  KENES_ASSIGN_OR_RETURN(compiled->root, compiled->CompileObservation(compiled->pattern.root));
  if (compiled->bracket_roots.size() > kMostObservations) {
    return Status::InvalidArgument(fmt::format("more than {} observation expressions ([...]) in one pattern",
                                               kMostObservations));
  }
  return Matcher(std::move(compiled));
}

Result<std::optional<Match>> Matcher::Evaluate(const ObservationSet& set) const {
  thread_local std::vector<size_t> everything;
  everything.resize(set.observed_data().size());
  for (size_t i = 0; i < everything.size(); ++i) everything[i] = i;
  return Evaluate(set, everything);
}

Result<std::optional<Match>> Matcher::Evaluate(const ObservationSet& set, std::span<const size_t> among) const {
  thread_local Scratch scratch;
  KENES_RETURN_IF_ERROR(compiled_->PrepareScratch(set, among, scratch));
  KENES_RETURN_IF_ERROR(compiled_->EvaluateBrackets(set, scratch));

  const ObservationNode& root = compiled_->root;
  if (root.kind == ObservationExpressionKind::kObservation && root.qualifiers.empty()) {
    // One pair of brackets: the first observation satisfying it is the match, no binding needed.
    const std::vector<uint32_t>& order = scratch.orders[root.bracket];
    if (order.empty()) return std::optional<Match>();
    return std::optional<Match>(Match{{scratch.observations[order.front()]}});
  }
  SearchBudget budget{kSearchBudget};
  Generator<Binding> bindings = compiled_->Bindings(root, scratch, budget);
  if (!bindings.Next()) {
    if (!budget.exhausted()) return std::optional<Match>();
    return Status::ResourceExhausted(fmt::format(
        "the pattern's observations combine in too many ways to search (more than {} steps)", kSearchBudget));
  }
  Match match;
  for (const Instance& instance : bindings.value()) {
    // The reference reports an observed-data only through its first instance.
    if (instance.copy == 0) match.observations.push_back(scratch.observations[instance.observation]);
  }
  std::sort(match.observations.begin(), match.observations.end());
  match.observations.erase(std::unique(match.observations.begin(), match.observations.end()), match.observations.end());
  // ... so a first binding made only of later instances is, to the reference, no match.
  if (match.observations.empty()) return std::optional<Match>();
  return std::optional<Match>(std::move(match));
}

const Pattern& Matcher::pattern() const { return compiled_->pattern; }

Matcher::Matcher(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

}  // namespace kenes::pattern
