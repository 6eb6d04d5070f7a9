// `kenes pattern check` and `kenes pattern match`: the patterning engine for
// people and scripts, with exit codes a shell can branch on.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands.h"
#include "pattern/matcher.h"
#include "pattern/observation.h"
#include "pattern/pattern.h"

namespace kenes::cli {
namespace {

Result<pattern::StixVersion> VersionNamed(const std::string& name) {
  if (name == "2.1") return pattern::StixVersion::k21;
  if (name == "2.0") return pattern::StixVersion::k20;
  return Status::InvalidArgument(fmt::format("--stix-version must be 2.0 or 2.1, not '{}'", name));
}

// The whole of `name`, or of standard input for "-".
Result<std::string> ReadAll(const std::string& name) {
  if (name == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream file(name, std::ios::binary);
  if (!file) return Status::IoError(fmt::format("cannot read {}", name));
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (file.bad()) return Status::IoError(fmt::format("cannot read {}", name));
  return bytes.str();
}

}  // namespace

int RunPatternCheck(const PatternCommand& command) {
  Result<pattern::StixVersion> version = VersionNamed(command.stix_version);
  if (!version.ok()) {
    fmt::print(stderr, "error: {}\n", version.status().message());
    return kExitError;
  }
  const Status checked = pattern::CheckSyntax(command.pattern, *version);
  if (!checked.ok()) {
    fmt::print(stderr, "invalid pattern: {}\n", checked.message());
    return kExitFailed;
  }
  fmt::print("valid STIX {} pattern\n", command.stix_version);
  return kExitOk;
}

int RunPatternMatch(const PatternCommand& command) {
  Result<pattern::StixVersion> version = VersionNamed(command.stix_version);
  if (!version.ok()) {
    fmt::print(stderr, "error: {}\n", version.status().message());
    return kExitError;
  }
  Result<pattern::Pattern> parsed = pattern::Parse(command.pattern, *version);
  if (!parsed.ok()) {
    fmt::print(stderr, "invalid pattern: {}\n", parsed.status().message());
    return kExitError;
  }
  Result<pattern::Matcher> matcher = pattern::Matcher::Create(std::move(*parsed));
  if (!matcher.ok()) {
    fmt::print(stderr, "pattern cannot be matched: {}\n", matcher.status().message());
    return kExitError;
  }
  pattern::ObservationSet observations;
  for (const std::string& file : command.files) {
    Result<std::string> bytes = ReadAll(file);
    Status added = bytes.ok() ? observations.AddJson(*bytes) : bytes.status();
    if (!added.ok()) {
      fmt::print(stderr, "error: {}: {}\n", file == "-" ? "stdin" : file, added.message());
      return kExitError;
    }
  }
  Result<std::optional<pattern::Match>> match = matcher->Evaluate(observations);
  if (!match.ok()) {
    fmt::print(stderr, "error: {}\n", match.status().message());
    return kExitError;
  }
  if (!*match) {
    fmt::print(stderr, "no match among {} observed-data\n", observations.observed_data().size());
    return kExitFailed;
  }
  for (size_t index : (*match)->observations) {
    const std::string& id = observations.observed_data()[index].id;
    fmt::print("{}\n", id.empty() ? fmt::format("observed-data #{}", index + 1) : id);
  }
  return kExitOk;
}

}  // namespace kenes::cli
