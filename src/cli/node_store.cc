#include "cli/node_store.h"

#include <system_error>

#include "store/sqlite/sqlite_store.h"

namespace kenes::cli {

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

}  // namespace kenes::cli
