#include "respond/task_outcome.h"

#include <fmt/format.h>

namespace kenes::respond {
namespace {

constexpr TaskOutcome kOutcomes[] = {TaskOutcome::kPending, TaskOutcome::kOngoing, TaskOutcome::kSuccessful,
                                     TaskOutcome::kFailed, TaskOutcome::kCancelled};

bool Allowed(TaskOutcome from, TaskOutcome to) {
  switch (from) {
    case TaskOutcome::kPending: return to == TaskOutcome::kOngoing || to == TaskOutcome::kCancelled;
    case TaskOutcome::kOngoing:
      return to == TaskOutcome::kSuccessful || to == TaskOutcome::kFailed || to == TaskOutcome::kCancelled;
    default: return false;
  }
}

std::string NextOutcomes(TaskOutcome from) {
  std::string names;
  for (TaskOutcome to : kOutcomes) {
    if (!Allowed(from, to)) continue;
    if (!names.empty()) names += " or ";
    names += TaskOutcomeName(to);
  }
  return names;
}

}  // namespace

std::string_view TaskOutcomeName(TaskOutcome outcome) {
  switch (outcome) {
    case TaskOutcome::kPending: return "pending";
    case TaskOutcome::kOngoing: return "ongoing";
    case TaskOutcome::kSuccessful: return "successful";
    case TaskOutcome::kFailed: return "failed";
    case TaskOutcome::kCancelled: return "cancelled";
  }
  return "pending";
}

std::optional<TaskOutcome> ParseTaskOutcome(std::string_view name) {
  for (TaskOutcome outcome : kOutcomes) {
    if (TaskOutcomeName(outcome) == name) return outcome;
  }
  return std::nullopt;
}

bool IsFinal(TaskOutcome outcome) {
  return outcome == TaskOutcome::kSuccessful || outcome == TaskOutcome::kFailed || outcome == TaskOutcome::kCancelled;
}

Status CheckOutcomeMove(TaskOutcome from, TaskOutcome to, const TaskStanding& standing) {
  if (IsFinal(from)) {
    return Status::FailedPrecondition(
        fmt::format("the task is {}, which is final: its outcome no longer changes", TaskOutcomeName(from)));
  }
  if (!Allowed(from, to)) {
    return Status::FailedPrecondition(fmt::format("a {} task moves to {}, not to {}", TaskOutcomeName(from),
                                                  NextOutcomes(from), TaskOutcomeName(to)));
  }
  if (to == TaskOutcome::kCancelled) {
    if (standing.plan_owner || standing.administrator) return Status::Ok();
    return Status::PermissionDenied("only the plan's owner organisation (or an administrator) cancels a task");
  }
  if (standing.responsible) return Status::Ok();
  return Status::PermissionDenied(
      fmt::format("only the responsible organisation moves a task to {}", TaskOutcomeName(to)));
}

}  // namespace kenes::respond
