// The joint-response subcommands of `kenes` (respond/response_desk.h says
// who may do what):
//
//   kenes incident create NAME [--description D] [--severity S] [--status S] [--determination D]
//                         [--criticality N] [--affects ORG]... [--link ID]... [--tlp T] [--distribution D]
//   kenes incident list [--status S] [--severity S] [--affects ORG]
//   kenes incident show ID                 the incident, its plans and tasks, what it concerns
//   kenes incident update ID [--name] [--description] [--severity] [--status] [--determination]
//                            [--criticality] [--affects ORG]...
//   kenes incident link ID OBJECT_ID       the incident concerns that object
//   kenes incident plan ID NAME [--description D] [--tlp T] [--distribution D]   add a response plan
//   kenes incident timeline ID
//   kenes task add PLAN_ID NAME --responsible ORG [--priority N] [--due TS] [--depends-on TASK_ID]...
//                               [--description D]
//   kenes task list [--responsible ORG|any] [--outcome O] [--incident ID] [--open]
//   kenes task move TASK_ID OUTCOME [--error TEXT]
//   kenes task reassign TASK_ID ORG
//   kenes task history TASK_ID
//   kenes note add OBJECT_ID CONTENT [--abstract A] [--tlp T] [--distribution D]
//
// Each acts as the --as user. create, plan, add and note print the new
// object's id on standard output; the others print what they read or
// changed. Exit codes as every command's: 1 for a refused change or an
// unknown id (the rule broken is printed), 2 for bad usage or a node that
// cannot be opened. Notices are published by `kenes serve`'s desk only.
//
// The `incident` group is main.cc's, shared with `kenes incident report`
// (report_command.h): IncidentCommands adds its subcommands to the group it
// is given, so another subcommand is added beside them in main.cc the same
// way. Single-threaded, like the CLI.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/config.h"

namespace kenes::cli {

class IncidentCommands {
 public:
  // Adds its subcommands to the `incident` group, and `task` and `note` to `app`.
  IncidentCommands(CLI::App& app, CLI::App& incident);

  bool Selected() const;

  // Runs the chosen subcommand as `as_user` (empty: the node operator).
  int Run(const Config& config, const std::string& as_user);

 private:
  CLI::App* create_;
  CLI::App* list_;
  CLI::App* show_;
  CLI::App* update_;
  CLI::App* link_;
  CLI::App* plan_;
  CLI::App* timeline_;
  CLI::App* task_;
  CLI::App* task_add_;
  CLI::App* task_list_;
  CLI::App* task_move_;
  CLI::App* task_reassign_;
  CLI::App* task_history_;
  CLI::App* note_;
  CLI::App* note_add_;

  std::string id_;      // the incident, plan, task or object acted on
  std::string target_;  // the second positional: a name, an object id, an outcome, an organisation, content
  std::string name_;
  std::string description_;
  std::string severity_;
  std::string status_;
  std::string determination_;
  int criticality_ = -1;  // -1: not given
  std::vector<std::string> affects_;
  std::vector<std::string> links_;
  std::string tlp_;
  std::string distribution_;
  std::string responsible_;
  int priority_ = 50;
  std::string due_;
  std::vector<std::string> depends_on_;
  std::string outcome_;
  std::string incident_;
  bool open_ = false;
  std::string error_;
  std::string abstract_;
};

}  // namespace kenes::cli
