#include "cli/node_session.h"

#include <fmt/format.h>
#include <unistd.h>

#include <system_error>

#include "share/access_viewer.h"
#include "store/sqlite/sqlite_store.h"

namespace kenes::cli {

std::string CliSource() { return fmt::format("cli uid {}", ::getuid()); }

Result<std::unique_ptr<store::Store>> OpenNodeStore(const Config& config, bool create) {
  std::error_code error;
  if (!std::filesystem::exists(config.DatabasePath(), error)) {
    if (!create) {
      return Status::NotFound("no Kenes data in " + config.data_dir.string() +
                              " (run `kenes init`, or pass --data-dir)");
    }
    std::filesystem::create_directories(config.data_dir, error);
    if (error) return Status::IoError("cannot create " + config.data_dir.string() + ": " + error.message());
  }
  return store::OpenSqliteStore(config.DatabasePath(), store::SqliteStoreOptions{});
}

Result<NodeSession> OpenNodeSession(const Config& config, const std::string& as_user) {
  NodeSession session;
  KENES_ASSIGN_OR_RETURN(session.store, OpenNodeStore(config, /*create=*/false));
  KENES_ASSIGN_OR_RETURN(session.community,
                         share::Community::Open(share::Community::FileIn(config.data_dir), *session.store));
  if (as_user.empty()) {
    session.actor = share::NodeOperator(CliSource());
    return session;
  }
  Result<share::Principal> actor = session.community->ActAs(as_user, CliSource());
  if (!actor.ok()) {
    return Status::InvalidArgument(fmt::format("cannot act as '{}': {}", as_user, actor.status().message()));
  }
  session.actor = std::move(actor).value();
  KENES_ASSIGN_OR_RETURN(session.viewer, share::StoreViewerOf(*session.community, session.actor));
  return session;
}

Result<std::unique_ptr<notify::Notifications>> OpenInboxes(const Config& config, NodeSession& session) {
  notify::NotificationOptions options;
  options.send_webhooks = false;
  return notify::Notifications::Open(config.data_dir, *session.store, *session.community, options);
}

}  // namespace kenes::cli
