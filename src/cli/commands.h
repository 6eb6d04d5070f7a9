// The `kenes` subcommands. Each takes the resolved configuration, the user it
// acts as (--as; empty: the node operator) and its own options, prints for
// people on stdout/stderr, and returns the exit code:
// 0 success, 1 the work failed (invalid objects, unknown id), 2 the command
// could not run (unreadable file, no data directory, bad usage).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cli/config.h"

namespace kenes::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitError = 2;

struct InitCommand {
  std::string community_file;  // found the community it declares (share/community_file.h); empty: the default one
};
int RunInit(const Config& config, const InitCommand& command);

struct ImportCommand {
  std::vector<std::string> files;  // "-" reads standard input
  bool assign_ids = false;
  bool quiet = false;              // no per-object warnings, no progress bar
  std::string tlp;                 // for objects whose markings name no TLP level; empty: the
                                   // acting user's organisation's default (amber for the operator)
  std::string distribution = "organisation";  // for objects whose markings name no distribution
};
int RunImport(const Config& config, const std::string& as_user, const ImportCommand& command);

struct ValidateCommand {
  std::vector<std::string> files;
  bool errors_only = false;
};
int RunValidate(const ValidateCommand& command);

struct ExportCommand {
  std::vector<std::string> types;
  std::string added_after;  // STIX timestamp, or empty
  bool all_versions = false;
};
int RunExport(const Config& config, const std::string& as_user, const ExportCommand& command);

struct GetCommand {
  std::string id;
  std::string version;  // a STIX timestamp, or empty for the latest
  bool all_versions = false;
};
int RunGet(const Config& config, const std::string& as_user, const GetCommand& command);

int RunStats(const Config& config, const std::string& as_user);

// Serves the node (TAXII, REST, health, metrics) until SIGINT or SIGTERM.
int RunServe(const Config& config);

struct DemoCommand {
  uint64_t seed = 1;
  uint64_t count = 0;  // 0: the base scenario only
};
int RunDemo(const DemoCommand& command);

// `kenes pattern check PATTERN`: 0 valid, 1 invalid (the error says where and what was expected).
// `kenes pattern match PATTERN FILE...`: 0 and the matching observed-data ids on standard output,
// 1 no match, 2 the pattern or the data is in error.
struct PatternCommand {
  std::string pattern;
  std::string stix_version = "2.1";
  std::vector<std::string> files;  // match only; "-" reads standard input
};
int RunPatternCheck(const PatternCommand& command);
int RunPatternMatch(const PatternCommand& command);

// Prints the score and the folded forms of two person names; 0 when they are
// judged the same name, 1 when not.
struct NamesCompareCommand {
  std::string left;
  std::string right;
};
int RunNamesCompare(const NamesCompareCommand& command);

}  // namespace kenes::cli
