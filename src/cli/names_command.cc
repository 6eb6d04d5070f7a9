// `kenes names compare LEFT RIGHT`: the person-name matcher (src/names) on
// two names, for analysts and for scripts (the exit code is the verdict).
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "names/names.h"

namespace kenes::cli {

int RunNamesCompare(const NamesCompareCommand& command) {
  Result<names::NameAnalyzer> analyzer = names::NameAnalyzer::Create();
  if (!analyzer.ok()) {
    fmt::print(stderr, "error: {}\n", analyzer.status().message());
    return kExitError;
  }
  const names::PersonName left = analyzer->Analyze(command.left);
  const names::PersonName right = analyzer->Analyze(command.right);
  for (const names::PersonName* name : {&left, &right}) {
    if (name->tokens.empty()) {
      fmt::print(stderr, "error: '{}' holds no name\n", name->text);
      return kExitError;
    }
  }
  const names::MatchResult match = names::MatchNames(left, right);
  fmt::print("score  {:.3f} ({} {:.3f})\n", match.score, match.same ? "same name: at least" : "different: below",
             names::kSameNameThreshold);
  fmt::print("left   {}\nright  {}\n", match.folded_left, match.folded_right);
  if (!match.reason.empty()) fmt::print("why    {}\n", match.reason);
  return match.same ? kExitOk : kExitFailed;
}

}  // namespace kenes::cli
