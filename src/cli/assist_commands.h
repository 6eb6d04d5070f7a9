// The `kenes assist` subcommands: mutual assistance from the command line,
// for scripts and operators (assist/assistance_desk.h says who may do what).
//
//   kenes assist request --name N --hazard H --location ID [--incident ID] [--description D]
//                        --need ITEM:QUANTITY:UNIT[:PRIORITY[:LINE_ID]]... [--tlp T] [--distribution D]
//   kenes assist list [--status open|closed] [--hazard H] [--requester ORG]
//   kenes assist show REQUEST_ID              the request, its ledger and the offers you may see
//   kenes assist offer REQUEST_ID --line LINE_ID:QUANTITY[:NOTE]... [--tlp T] [--distribution D]
//   kenes assist accept OFFER_ID [--line LINE_ID:QUANTITY]...   (in part with --line)
//   kenes assist decline|withdraw OFFER_ID
//   kenes assist deliver OFFER_ID [--dispatched LINE_ID:TOTAL]... [--delivered LINE_ID:TOTAL]...
//   kenes assist close REQUEST_ID
//
// Each acts as the --as user (the node operator, who belongs to no
// organisation, may only read). request and offer print the new object's
// id; the others print what changed. Changes notify the organisations
// concerned through their inboxes (notify.db), as the server's do. Exit codes as every command's: 1 for a
// refused change (the rule broken is printed), 2 for bad usage or a node
// that cannot be opened. Single-threaded, like the CLI.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/config.h"

namespace kenes::cli {

class AssistCommands {
 public:
  // Adds `assist` and its subcommands to `app`.
  explicit AssistCommands(CLI::App& app);

  bool Selected() const;

  // Runs the chosen subcommand as `as_user` (empty: the node operator).
  int Run(const Config& config, const std::string& as_user);

 private:
  CLI::App* assist_;
  CLI::App* request_;
  CLI::App* list_;
  CLI::App* show_;
  CLI::App* offer_;
  CLI::App* accept_;
  CLI::App* decline_;
  CLI::App* withdraw_;
  CLI::App* deliver_;
  CLI::App* close_;

  std::string id_;  // the request or offer acted on
  std::string name_;
  std::string description_;
  std::string hazard_;
  std::string location_;
  std::string incident_;
  std::vector<std::string> needs_;
  std::vector<std::string> lines_;
  std::vector<std::string> dispatched_;
  std::vector<std::string> delivered_;
  std::string tlp_;
  std::string distribution_;
  std::string status_;
  std::string requester_;
};

}  // namespace kenes::cli
