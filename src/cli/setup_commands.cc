// Commands that prepare a node: `kenes init` and `kenes demo`.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/node_store.h"
#include "demo/demo_generator.h"

namespace kenes::cli {

int RunInit(const Config& config) {
  bool existed = std::filesystem::exists(config.DatabasePath());
  Result<std::unique_ptr<store::Store>> store = OpenNodeStore(config, /*create=*/true);
  if (!store.ok()) {
    fmt::print(stderr, "error: {}\n", store.status().message());
    return kExitError;
  }
  fmt::print("{} Kenes store {}\n", existed ? "Opened existing" : "Created", config.DatabasePath().string());
  return kExitOk;
}

int RunDemo(const DemoCommand& command) {
  demo::DemoOptions options;
  options.seed = command.seed;
  options.object_count = command.count;
  demo::DemoGenerator generator(options);
  std::string json;
  while (generator.Next(json)) {
    json += '\n';
    if (std::fwrite(json.data(), 1, json.size(), stdout) != json.size()) {
      // The reader went away (e.g. `kenes demo | head`): not an error of ours.
      return kExitOk;
    }
  }
  return kExitOk;
}

}  // namespace kenes::cli
