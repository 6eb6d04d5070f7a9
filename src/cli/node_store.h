// Opening the store of a node's data directory, as every CLI command that
// reads or writes objects does.
#pragma once

#include <memory>

#include "base/status.h"
#include "cli/config.h"
#include "store/store.h"

namespace kenes::cli {

// Opens the store in config.data_dir. With `create`, makes the directory and
// an empty store when absent; otherwise a missing store is NotFound with a
// hint to run `kenes init`.
Result<std::unique_ptr<store::Store>> OpenNodeStore(const Config& config, bool create);

}  // namespace kenes::cli
