// TaskOutcome: where a response task stands, and the rules for moving it.
//
//   pending  -> ongoing | cancelled
//   ongoing  -> successful | failed | cancelled
//   successful, failed, cancelled: final
//
// The OASIS task extension's `unknown` is not a Kenes outcome: a task Kenes
// tracks always knows where it stands.
//
// Who moves it: the responsible organisation starts and finishes a task
// (ongoing, successful, failed); the plan's owner organisation, or a node
// administrator, cancels it. An organisation that is both may do both.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "base/status.h"

namespace kenes::respond {

enum class TaskOutcome { kPending, kOngoing, kSuccessful, kFailed, kCancelled };

// "pending", "ongoing", "successful", "failed", "cancelled".
std::string_view TaskOutcomeName(TaskOutcome outcome);
// The inverse of TaskOutcomeName; nullopt for anything else ("unknown" included).
std::optional<TaskOutcome> ParseTaskOutcome(std::string_view name);

bool IsFinal(TaskOutcome outcome);

// How the one moving a task stands to it.
struct TaskStanding {
  bool responsible = false;  // of the responsible organisation
  bool plan_owner = false;   // of the organisation that owns the task's plan
  bool administrator = false;
};

// OK when `standing` may move a task from `from` to `to`: FailedPrecondition
// for a move the state machine does not allow (naming the moves it does),
// PermissionDenied for one `standing` may not make. Dependencies are the
// caller's to check.
Status CheckOutcomeMove(TaskOutcome from, TaskOutcome to, const TaskStanding& standing);

}  // namespace kenes::respond
