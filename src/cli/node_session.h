// NodeSession: one command's hold on a node — its store, its community,
// who is acting, and what that actor may see.
//
// The CLI runs on the node itself and trusts its operator: without --as it
// acts as the node operator (an admin, who sees everything); with --as USER
// it acts as that user, with the user's organisation and role, and every
// read goes through the same access decision the server will use.
// Single-threaded, like the CLI.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "cli/config.h"
#include "notify/notifications.h"
#include "share/community.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::cli {

struct NodeSession {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<share::Community> community;
  share::Principal actor;
  std::optional<store::Viewer> viewer;  // what the actor may see; none: everything

  // The viewer to pass to store reads; nullptr reads unfiltered.
  const store::Viewer* visibility() const { return viewer ? &*viewer : nullptr; }
};

// Where the CLI's requests come from, for the audit log.
std::string CliSource();

// Opens the store in config.data_dir. With `create`, makes the directory and
// an empty store when absent; otherwise a missing store is NotFound with a
// hint to run `kenes init`.
Result<std::unique_ptr<store::Store>> OpenNodeStore(const Config& config, bool create);

// Opens the node in config.data_dir acting as `as_user` (empty: the node
// operator). InvalidArgument naming the user when it cannot act.
Result<NodeSession> OpenNodeSession(const Config& config, const std::string& as_user);

// The node's inboxes (notify.db), for a command that changes what concerns
// other organisations (a task assigned, an offer pledged): its notices are
// recorded as the server's are, and a running server's webhooks send them.
Result<std::unique_ptr<notify::Notifications>> OpenInboxes(const Config& config, NodeSession& session);

}  // namespace kenes::cli
