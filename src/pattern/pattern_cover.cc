#include "pattern/pattern_cover.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <tuple>

#include "pattern/value_key.h"

namespace kenes::pattern {
namespace {

size_t Weight(const std::vector<CoverAtom>& atoms) {
  size_t weight = 0;
  for (const CoverAtom& atom : atoms) {
    weight += atom.kind == CoverAtom::Kind::kValue ? 1 : atom.IsTypeAtom() ? kTypeAtomWeight : kTextAtomWeight;
  }
  return weight;
}

// The longer of the texts a LIKE literal fixes at its start and at its end, or nullopt when both
// are empty or not ASCII. The matcher reads no escapes in LIKE: only % and _ are wildcards.
std::optional<CoverAtom> LikeAtom(const Comparison& comparison) {
  const std::string& like = comparison.value.text;
  const size_t first = like.find_first_of("%_");
  const size_t last = like.find_last_of("%_");
  // Beyond kMaxAffix characters a text adds little to tell values apart; the index keeps it short.
  const std::string_view prefix = std::string_view(like).substr(0, std::min(first, kMaxAffix));
  std::string_view suffix = last == std::string::npos ? std::string_view(like) : std::string_view(like).substr(last + 1);
  suffix.remove_prefix(suffix.size() - std::min(suffix.size(), kMaxAffix));
  const bool use_prefix = IsAscii(prefix) && !prefix.empty() && (prefix.size() >= suffix.size() || !IsAscii(suffix));
  const bool use_suffix = !use_prefix && IsAscii(suffix) && !suffix.empty();
  if (!use_prefix && !use_suffix) return std::nullopt;
  CoverAtom atom{use_prefix ? CoverAtom::Kind::kPrefix : CoverAtom::Kind::kSuffix, comparison.path.object_type,
                 comparison.path.steps, std::string(use_prefix ? prefix : suffix), {}};
  return atom;
}

// ISSUBSET's literal as the matcher reads it; nullopt when it reads none (and evaluating errs).
std::optional<CoverAtom> NetworkAtom(const Comparison& comparison) {
  Result<IpNetwork> network = ParseIpNetwork(comparison.value.text, true);
  if (!network.ok()) return std::nullopt;
  return CoverAtom{CoverAtom::Kind::kNetwork, comparison.path.object_type, comparison.path.steps, {}, *network};
}

// The reference reads a property whose name ends in _hex or _bin as bytes, which compare with a
// string literal byte by byte rather than by text.
bool ReadsBytes(const ObjectPath& path) {
  return std::any_of(path.steps.begin(), path.steps.end(), [](const PathStep& step) {
    return step.kind == PathStep::Kind::kKey && (step.key.ends_with("_hex") || step.key.ends_with("_bin"));
  });
}

// The atoms of a comparison finer than its type, or nullopt when it has none to give.
std::optional<std::vector<CoverAtom>> FineAtoms(const Comparison& comparison) {
  if (comparison.negated || ReadsBytes(comparison.path)) return std::nullopt;
  if (comparison.op == ComparisonOperator::kMatches) {
    return std::vector<CoverAtom>{
        {CoverAtom::Kind::kRegex, comparison.path.object_type, comparison.path.steps, comparison.value.text, {}}};
  }
  if (comparison.op == ComparisonOperator::kLike || comparison.op == ComparisonOperator::kIsSubset) {
    std::optional<CoverAtom> atom = comparison.op == ComparisonOperator::kLike ? LikeAtom(comparison) : NetworkAtom(comparison);
    if (!atom) return std::nullopt;
    return std::vector<CoverAtom>{std::move(*atom)};
  }
  std::vector<const Literal*> literals;
  if (comparison.op == ComparisonOperator::kEqual) {
    literals.push_back(&comparison.value);
  } else if (comparison.op == ComparisonOperator::kIn) {
    for (const Literal& literal : comparison.values) literals.push_back(&literal);
  } else {
    return std::nullopt;
  }
  std::vector<CoverAtom> atoms;
  for (const Literal* literal : literals) {
    std::optional<std::string> key = LiteralKey(*literal);
    if (!key) return std::nullopt;
    atoms.push_back({CoverAtom::Kind::kValue, comparison.path.object_type, comparison.path.steps, std::move(*key), {}});
  }
  return atoms;
}

std::vector<CoverAtom> ComparisonCover(const ComparisonExpression& expression) {
  switch (expression.kind) {
    case ComparisonExpressionKind::kComparison: {
      std::optional<std::vector<CoverAtom>> atoms = FineAtoms(expression.comparison);
      if (atoms) return std::move(*atoms);
      CoverAtom type_atom;
      type_atom.object_type = expression.comparison.path.object_type;
      return {std::move(type_atom)};
    }
    case ComparisonExpressionKind::kAnd: {
      std::vector<CoverAtom> best;
      size_t best_weight = SIZE_MAX;
      for (const ComparisonExpression& operand : expression.operands) {
        std::vector<CoverAtom> cover = ComparisonCover(operand);
        const size_t weight = Weight(cover);
        if (weight < best_weight) {
          best = std::move(cover);
          best_weight = weight;
        }
      }
      return best;
    }
    case ComparisonExpressionKind::kOr: {
      std::vector<CoverAtom> all;
      for (const ComparisonExpression& operand : expression.operands) {
        std::vector<CoverAtom> cover = ComparisonCover(operand);
        std::move(cover.begin(), cover.end(), std::back_inserter(all));
      }
      return all;
    }
  }
  return {};
}

void CollectObservationCover(const ObservationExpression& expression, std::vector<CoverAtom>& atoms) {
  if (expression.kind == ObservationExpressionKind::kObservation) {
    std::vector<CoverAtom> cover = ComparisonCover(expression.comparison);
    std::move(cover.begin(), cover.end(), std::back_inserter(atoms));
    return;
  }
  for (const ObservationExpression& operand : expression.operands) CollectObservationCover(operand, atoms);
}

}  // namespace

std::string StepsKey(const std::vector<PathStep>& steps) {
  std::string key;
  for (const PathStep& step : steps) {
    switch (step.kind) {
      case PathStep::Kind::kKey:
        // Length-prefixed: a quoted key may hold any character, '.' and '[' included.
        key += '.';
        key += std::to_string(step.key.size());
        key += ':';
        key += step.key;
        break;
      case PathStep::Kind::kIndex:
        key += '[';
        key += std::to_string(step.index);
        key += ']';
        break;
      case PathStep::Kind::kAnyIndex:
        key += '*';
        break;
    }
  }
  return key;
}

std::vector<CoverAtom> CoverOf(const Pattern& pattern) {
  std::vector<CoverAtom> atoms;
  CollectObservationCover(pattern.root, atoms);
  const auto identity = [](const CoverAtom& atom) {
    return std::make_tuple(atom.kind, std::string_view(atom.object_type), StepsKey(atom.steps),
                           std::string_view(atom.text), atom.network.v6, atom.network.address, atom.network.prefix);
  };
  std::sort(atoms.begin(), atoms.end(), [&](const CoverAtom& a, const CoverAtom& b) { return identity(a) < identity(b); });
  atoms.erase(std::unique(atoms.begin(), atoms.end(),
                          [&](const CoverAtom& a, const CoverAtom& b) { return identity(a) == identity(b); }),
              atoms.end());
  return atoms;
}

}  // namespace kenes::pattern
