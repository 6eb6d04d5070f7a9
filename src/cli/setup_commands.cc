// Commands that prepare a node: `kenes init` and `kenes demo`.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/node_session.h"
#include "demo/demo_generator.h"
#include "share/community.h"
#include "share/community_file.h"
#include "share/default_community.h"

namespace kenes::cli {
namespace {

// Creates the store and founds the community of `organisations` in it; an
// existing community is kept as it is.
int InitNode(const Config& config, const std::vector<share::OrganisationSpec>& organisations) {
  bool existed = std::filesystem::exists(config.DatabasePath());
  Result<std::unique_ptr<store::Store>> store = OpenNodeStore(config, /*create=*/true);
  if (!store.ok()) {
    fmt::print(stderr, "error: {}\n", store.status().message());
    return kExitError;
  }
  fmt::print("{} Kenes store {}\n", existed ? "Opened existing" : "Created", config.DatabasePath().string());
  std::filesystem::path file = share::Community::FileIn(config.data_dir);
  Result<std::unique_ptr<share::Community>> community = share::Community::Open(file, **store);
  if (!community.ok()) {
    fmt::print(stderr, "error: {}\n", community.status().message());
    return kExitError;
  }
  Result<size_t> founded = (*community)->Found(share::NodeOperator("cli init"), organisations);
  if (!founded.ok()) {
    fmt::print(stderr, "error: {}\n", founded.status().message());
    return kExitFailed;
  }
  if (*founded == 0) {
    fmt::print("Kept the existing community in {}\n", file.string());
  } else {
    fmt::print("Created the community in {}: {} organisations\n", file.string(), *founded);
  }
  return kExitOk;
}

}  // namespace

int RunInit(const Config& config, const InitCommand& command) {
  if (command.community_file.empty()) return InitNode(config, share::DefaultCommunity());
  Result<std::vector<share::OrganisationSpec>> organisations = share::ReadCommunityFile(command.community_file);
  if (!organisations.ok()) {
    fmt::print(stderr, "error: {}\n", organisations.status().message());
    return kExitError;
  }
  return InitNode(config, *organisations);
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
