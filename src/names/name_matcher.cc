#include "names/name_matcher.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "names/blocking_keys.h"
#include "names/jaro_winkler.h"

namespace kenes::names {
namespace {

// Longer names are compared on their first tokens: the alignment tries every
// order, which grows with the factorial.
constexpr size_t kMaxAlignedTokens = 6;

// What a structural difference does to the score: enough to fall below any
// sensible threshold while still ranking near misses above far ones.
constexpr double kStructuralPenalty = 0.5;

struct TokenPairing {
  double similarity = 0;
  size_t left_fold = 0;
  size_t right_fold = 0;
  bool shares_skeleton = false;
};

TokenPairing Pair(const NameToken& left, const NameToken& right) {
  TokenPairing best;
  for (size_t i = 0; i < left.folds.size(); ++i) {
    for (size_t j = 0; j < right.folds.size(); ++j) {
      const double similarity = JaroWinkler(left.folds[i], right.folds[j]);
      if (similarity > best.similarity) {
        best.similarity = similarity;
        best.left_fold = i;
        best.right_fold = j;
      }
      if (!best.shares_skeleton) best.shares_skeleton = SameSkeleton(left.folds[i], right.folds[j]);
    }
  }
  return best;
}

std::vector<size_t> TokensWhere(const PersonName& name, bool patronymic) {
  std::vector<size_t> indices;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    if (name.tokens[i].patronymic == patronymic && indices.size() < kMaxAlignedTokens) indices.push_back(i);
  }
  return indices;
}

// Aligned token pairs as (left token, right token), the weakest pair as
// strong as it can be (then the sum as high as it can be).
struct Alignment {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::vector<TokenPairing> pairings;
  double weakest = 0;
};

Alignment Align(const PersonName& left, const PersonName& right, const std::vector<size_t>& left_core,
                const std::vector<size_t>& right_core) {
  const bool left_shorter = left_core.size() <= right_core.size();
  const std::vector<size_t>& rows = left_shorter ? left_core : right_core;
  const std::vector<size_t>& columns = left_shorter ? right_core : left_core;
  std::vector<std::vector<TokenPairing>> matrix(rows.size(), std::vector<TokenPairing>(columns.size()));
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < columns.size(); ++c) {
      matrix[r][c] = left_shorter ? Pair(left.tokens[rows[r]], right.tokens[columns[c]])
                                  : Pair(left.tokens[columns[c]], right.tokens[rows[r]]);
    }
  }
  std::vector<size_t> order(columns.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<size_t> best_order = order;
  double best_weakest = -1;
  double best_total = -1;
  do {
    double weakest = 1;
    double total = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
      weakest = std::min(weakest, matrix[r][order[r]].similarity);
      total += matrix[r][order[r]].similarity;
    }
    if (weakest > best_weakest || (weakest == best_weakest && total > best_total)) {
      best_weakest = weakest;
      best_total = total;
      best_order = order;
    }
  } while (std::next_permutation(order.begin(), order.end()));
  Alignment alignment;
  alignment.weakest = best_weakest;
  for (size_t r = 0; r < rows.size(); ++r) {
    const size_t row_token = rows[r];
    const size_t column_token = columns[best_order[r]];
    alignment.pairs.emplace_back(left_shorter ? row_token : column_token, left_shorter ? column_token : row_token);
    alignment.pairings.push_back(matrix[r][best_order[r]]);
  }
  return alignment;
}

// A man's and a woman's form of one name: surnames -ov/-ova (whatever the
// folds chosen), and any token that only lacks the other's final a
// (Aleksandr/Aleksandra, Ruslan/Ruslana).
bool GenderFormsDiffer(const NameToken& left, const NameToken& right, const TokenPairing& pairing) {
  if (left.gender != SurnameGender::kUnknown && right.gender != SurnameGender::kUnknown &&
      left.gender != right.gender) {
    return true;
  }
  const std::string& left_fold = left.folds[pairing.left_fold];
  const std::string& right_fold = right.folds[pairing.right_fold];
  return left_fold + 'a' == right_fold || right_fold + 'a' == left_fold;
}

// The tokens' folds in the order written: the fold an alignment chose, else
// the first; patronymics in parentheses.
std::string Folded(const PersonName& name, const std::vector<size_t>& chosen_fold) {
  std::string folded;
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    const NameToken& token = name.tokens[i];
    if (!folded.empty()) folded += ' ';
    const std::string& fold = token.folds[chosen_fold[i]];
    folded += token.patronymic ? "(" + fold + ")" : fold;
  }
  return folded;
}

MatchResult MatchAsWritten(const PersonName& left, const PersonName& right) {
  MatchResult result;
  std::vector<size_t> left_fold(left.tokens.size(), 0);
  std::vector<size_t> right_fold(right.tokens.size(), 0);
  const std::vector<size_t> left_core = TokensWhere(left, false);
  const std::vector<size_t> right_core = TokensWhere(right, false);
  std::vector<std::string> reasons;
  if (left_core.empty() || right_core.empty()) {
    reasons.push_back("a name without a given or family name");
  } else {
    const Alignment alignment = Align(left, right, left_core, right_core);
    result.score = alignment.weakest;
    bool shares_skeleton = false;
    for (size_t i = 0; i < alignment.pairs.size(); ++i) {
      const auto [l, r] = alignment.pairs[i];
      const TokenPairing& pairing = alignment.pairings[i];
      left_fold[l] = pairing.left_fold;
      right_fold[r] = pairing.right_fold;
      shares_skeleton = shares_skeleton || pairing.shares_skeleton;
      if (GenderFormsDiffer(left.tokens[l], right.tokens[r], pairing)) {
        reasons.push_back(left.tokens[l].text + " and " + right.tokens[r].text + " are different gender forms");
        result.score *= kStructuralPenalty;
      } else if (pairing.similarity < kSameNameThreshold) {
        reasons.push_back(left.tokens[l].text + " and " + right.tokens[r].text + " differ");
      }
    }
    // A lone name says too little against one with a patronymic (Aigerim,
    // Aigerim Nurlankyzy: in Kazakhstan often the surname).
    const bool lone_against_more =
        left_core.size() == 1 && right_core.size() == 1 && left.tokens.size() != right.tokens.size();
    if (left_core.size() != right_core.size() || lone_against_more) {
      reasons.push_back("one name has a token the other lacks");
      result.score *= kStructuralPenalty;
    }
    if (!shares_skeleton) {
      reasons.push_back("no token has the same consonants");
      result.score *= kStructuralPenalty;
    }
    const std::vector<size_t> left_patronymics = TokensWhere(left, true);
    const std::vector<size_t> right_patronymics = TokensWhere(right, true);
    if (!left_patronymics.empty() && !right_patronymics.empty()) {
      const size_t l = left_patronymics.front();
      const size_t r = right_patronymics.front();
      const TokenPairing pairing = Pair(left.tokens[l], right.tokens[r]);
      left_fold[l] = pairing.left_fold;
      right_fold[r] = pairing.right_fold;
      if (pairing.similarity < kSameNameThreshold) {
        reasons.push_back("patronymics " + left.tokens[l].text + " and " + right.tokens[r].text + " differ");
        result.score *= kStructuralPenalty;
      }
    }
  }
  result.same = reasons.empty() && result.score >= kSameNameThreshold;
  for (const std::string& reason : reasons) result.reason += (result.reason.empty() ? "" : "; ") + reason;
  result.folded_left = Folded(left, left_fold);
  result.folded_right = Folded(right, right_fold);
  return result;
}

// `name` with the core token at `first` joined to the next core token.
PersonName WithTokensJoined(const PersonName& name, size_t first) {
  PersonName joined{name.text, {}};
  for (size_t i = 0; i < name.tokens.size(); ++i) {
    if (i != first) {
      joined.tokens.push_back(name.tokens[i]);
      continue;
    }
    size_t next = i + 1;
    while (next < name.tokens.size() && name.tokens[next].patronymic) joined.tokens.push_back(name.tokens[next++]);
    if (next == name.tokens.size()) return name;
    joined.tokens.push_back(JoinedToken(name.tokens[i], name.tokens[next]));
    i = next;
  }
  return joined;
}

}  // namespace

MatchResult MatchNames(const PersonName& left, const PersonName& right) {
  MatchResult as_written = MatchAsWritten(left, right);
  const size_t left_count = TokensWhere(left, false).size();
  const size_t right_count = TokensWhere(right, false).size();
  if (as_written.same || (left_count != right_count + 1 && right_count != left_count + 1)) return as_written;
  // One token more on one side: perhaps a name the other side writes as one word.
  const bool left_longer = left_count > right_count;
  const PersonName& longer = left_longer ? left : right;
  for (size_t first = 0; first < longer.tokens.size(); ++first) {
    if (longer.tokens[first].patronymic) continue;
    const PersonName joined = WithTokensJoined(longer, first);
    MatchResult match = left_longer ? MatchAsWritten(joined, right) : MatchAsWritten(left, joined);
    if (match.same) return match;
  }
  return as_written;
}

}  // namespace kenes::names
