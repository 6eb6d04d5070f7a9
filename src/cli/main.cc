// `kenes`: the command line of a Kenes node.
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/assist_commands.h"
#include "cli/commands.h"
#include "cli/community_commands.h"
#include "cli/config.h"
#include "cli/incident_commands.h"
#include "cli/report_command.h"

namespace {

// Flags beat the environment, which beats the config file, which beats defaults.
kenes::Result<kenes::cli::Config> ResolveConfig(const std::string& config_file, const std::string& data_dir_flag) {
  kenes::cli::Config config = kenes::cli::DefaultConfig();
  std::string file = config_file;
  if (file.empty()) {
    if (const char* from_env = std::getenv("KENES_CONFIG"); from_env && *from_env) file = from_env;
  }
  if (!file.empty()) {
    KENES_RETURN_IF_ERROR(kenes::cli::LoadConfigFile(file, config));
  }
  if (const char* from_env = std::getenv("KENES_DATA_DIR"); from_env && *from_env) config.data_dir = from_env;
  if (!data_dir_flag.empty()) config.data_dir = data_dir_flag;
  return config;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kenes::cli;
  CLI::App app{"Kenes: STIX 2.1 intelligence sharing for regional security councils"};
  app.require_subcommand(1);
  std::string config_file;
  std::string data_dir;
  app.add_option("--config", config_file, "Config file (also $KENES_CONFIG); see README for the format");
  app.add_option("--data-dir", data_dir, "Data directory (also $KENES_DATA_DIR; default ~/.local/share/kenes)");
  std::string as_user;
  app.add_option("--as", as_user, "Act as this user (default: the node operator, an admin)");

  InitCommand init_command;
  auto* init = app.add_subcommand("init", "Create the data directory, an empty store and the community");
  init->add_option("--community", init_command.community_file, "Found the community this JSON file declares (see README)");

  ImportCommand import_command;
  auto* import = app.add_subcommand("import", "Validate and store STIX objects, bundles or NDJSON");
  import->add_option("files", import_command.files, "Files to import; - reads standard input")->required();
  import->add_flag("--assign-ids", import_command.assign_ids,
                   "Give observables that arrive without an id their deterministic STIX id");
  import->add_flag("-q,--quiet", import_command.quiet, "Only errors and the summary; no warnings, no progress");
  import->add_option("--tlp", import_command.tlp, "TLP for objects whose markings name none (default: your organisation's default TLP; amber)");
  import->add_option("--distribution", import_command.distribution,
                     "organisation, members, community or group:ID, for objects whose markings name none "
                     "(default organisation)");

  ValidateCommand validate_command;
  auto* validate = app.add_subcommand("validate", "Check STIX content against the 2.1 specification; stores nothing");
  validate->add_option("files", validate_command.files, "Files to check; - reads standard input")->required();
  validate->add_flag("--errors-only", validate_command.errors_only, "Do not print warnings");

  ExportCommand export_command;
  auto* export_ = app.add_subcommand("export", "Write stored objects as one bundle to standard output");
  export_->add_option("--type", export_command.types, "Only objects of this type (repeatable)");
  export_->add_option("--added-after", export_command.added_after, "Only versions added after this timestamp");
  export_->add_flag("--all-versions", export_command.all_versions, "Every version, not only the latest");

  GetCommand get_command;
  auto* get = app.add_subcommand("get", "Print one object (its latest version by default)");
  get->add_option("id", get_command.id, "Object id, e.g. indicator--...")->required();
  auto* version_option = get->add_option("--version", get_command.version, "The version with this modified time");
  get->add_flag("--all-versions", get_command.all_versions, "Every version, oldest first, one per line")
      ->excludes(version_option);

  auto* stats = app.add_subcommand("stats", "Count what the store holds");

  std::string listen;
  auto* serve = app.add_subcommand("serve", "Serve the node: TAXII 2.1, the REST API, /healthz and /metrics");
  serve->add_option("--listen", listen, "address:port to listen on (default: serve.listen, 127.0.0.1:8080)");

  DemoCommand demo_command;
  auto* demo = app.add_subcommand("demo", "Write the synthetic demo scenario as NDJSON to standard output");
  demo->add_option("--seed", demo_command.seed, "Seed: the same seed gives the same data");
  demo->add_option("--count", demo_command.count, "Total objects, scaling the scenario up (0: base scenario only)");

  PatternCommand pattern_command;
  auto* pattern = app.add_subcommand("pattern", "Check STIX patterns and match them against observed-data");
  pattern->require_subcommand(1);
  auto* pattern_check = pattern->add_subcommand("check", "Check a pattern's syntax: exit 0 valid, 1 invalid");
  auto* pattern_match = pattern->add_subcommand(
      "match", "Print the observed-data ids a pattern matches in FILEs: exit 0 match, 1 none, 2 error");
  for (CLI::App* command : {pattern_check, pattern_match}) {
    command->add_option("pattern", pattern_command.pattern, "The pattern, e.g. \"[ipv4-addr:value = '203.0.113.7']\"")
        ->required();
    command->add_option("--stix-version", pattern_command.stix_version, "2.0 or 2.1 (default 2.1)")
        ->check(CLI::IsMember({"2.0", "2.1"}));
  }
  pattern_match
      ->add_option("files", pattern_command.files,
                   "Observed-data objects or bundles, alone or in a JSON array; - reads standard input")
      ->required();

  NamesCompareCommand names_compare_command;
  auto* names = app.add_subcommand("names", "Person names across scripts and transliterations");
  names->require_subcommand(1);
  auto* names_compare = names->add_subcommand("compare", "Score two person names; exit 0 when the same, 1 when not");
  names_compare->add_option("left", names_compare_command.left, "A name, in any script and order")->required();
  names_compare->add_option("right", names_compare_command.right, "Another name")->required();

  // `kenes incident ...`: joint response. Each subcommand of the group adds itself here; `report` is
  // report_command.h's.
  auto* incident = app.add_subcommand("incident", "Incidents of joint response: reports, plans, tasks");
  incident->require_subcommand(1);
  IncidentReportCommand incident_report_command;
  auto* incident_report =
      incident->add_subcommand("report", "Write an incident as a printable HTML report for a council meeting");
  incident_report->add_option("id", incident_report_command.id, "Incident id, e.g. incident--...")->required();
  incident_report->add_option("--output,-o", incident_report_command.output,
                              "Write the report to this file (whole or not at all) instead of standard output");

  IncidentCommands incident_commands(app, *incident);  // create, list, show, update, link, plan, timeline; task; note

  CommunityCommands community_commands(app);

  // `kenes assist ...`: mutual assistance requests and offers (assist_commands.h).
  AssistCommands assist_commands(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? kExitOk : kExitError;
  }

  if (*validate) return RunValidate(validate_command);
  if (*demo) return RunDemo(demo_command);
  if (*names_compare) return RunNamesCompare(names_compare_command);
  if (*pattern_check) return RunPatternCheck(pattern_command);
  if (*pattern_match) return RunPatternMatch(pattern_command);

  kenes::Result<Config> config = ResolveConfig(config_file, data_dir);
  if (!config.ok()) {
    fmt::print(stderr, "error: {}\n", config.status().message());
    return kExitError;
  }
  if (*init) return RunInit(*config, init_command);
  if (community_commands.Selected()) return community_commands.Run(*config, as_user);
  if (assist_commands.Selected()) return assist_commands.Run(*config, as_user);
  if (*import) return RunImport(*config, as_user, import_command);
  if (*export_) return RunExport(*config, as_user, export_command);
  if (*get) return RunGet(*config, as_user, get_command);
  if (incident_commands.Selected()) return incident_commands.Run(*config, as_user);
  if (*incident_report) return RunIncidentReport(*config, as_user, incident_report_command);
  if (*stats) return RunStats(*config, as_user);
  if (*serve) {
    if (!as_user.empty()) {
      fmt::print(stderr, "error: serve runs as the node; users authenticate per request\n");
      return kExitError;
    }
    if (!listen.empty()) config->serve.listen = listen;
    return RunServe(*config);
  }
  return kExitError;
}
