// The community subcommands of `kenes`: org, user, key, group, audit and
// whoami, and the global --as option.
//
// The CLI runs on the node itself, so it trusts its operator: without --as a
// command acts as the node operator (role admin); with --as USER it acts as
// that user, with the user's organisation and role, and an unknown or
// disabled user is refused (exit 2). Every change is authorised by role and
// written to the audit log with the source "cli".
//
// CommunityCommands registers the subcommands on the CLI11 app; after
// parsing, Selected() says whether one of them was chosen and Run() runs it.
// Single-threaded, like the CLI.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/config.h"

namespace kenes::share {
class Community;
struct Principal;
}  // namespace kenes::share

namespace kenes::cli {

class CommunityCommands {
 public:
  // Adds org, user, key, group, audit and whoami to `app`.
  explicit CommunityCommands(CLI::App& app);

  bool Selected() const;

  // Runs the chosen subcommand as `as_user` (empty: the node operator) and
  // returns the exit code.
  int Run(const Config& config, const std::string& as_user);

 private:
  int RunOrg(share::Community& community, const share::Principal& actor);
  int RunUser(share::Community& community, const share::Principal& actor);
  int RunKey(share::Community& community, const share::Principal& actor);
  int RunGroup(share::Community& community, const share::Principal& actor);
  int RunAudit(share::Community& community, const share::Principal& actor);

  CLI::App* org_;
  CLI::App* org_add_;
  CLI::App* org_list_;
  CLI::App* org_set_;
  CLI::App* user_;
  CLI::App* user_add_;
  CLI::App* user_list_;
  CLI::App* user_disable_;
  CLI::App* key_;
  CLI::App* key_create_;
  CLI::App* key_list_;
  CLI::App* key_revoke_;
  CLI::App* group_;
  CLI::App* group_add_;
  CLI::App* group_list_;
  CLI::App* group_add_member_;
  CLI::App* group_remove_member_;
  CLI::App* audit_;
  CLI::App* audit_show_;
  CLI::App* audit_verify_;
  CLI::App* whoami_;

  // Option values, shared by the subcommands that take them.
  std::string code_;  // an organisation code or id
  std::string name_;  // an organisation's, user's or group's name
  std::string standing_;
  std::string country_;
  std::string parent_;
  std::string default_tlp_;
  std::string id_;
  std::string organisation_;
  std::string role_;
  bool password_stdin_ = false;
  std::string key_user_;
  std::string expires_;
  std::string label_;
  std::string key_id_;
  std::string owner_;
  std::string actor_;
  std::string action_;
  std::string since_;
  std::string until_;
};

}  // namespace kenes::cli
