// The task state machine as data (cases/task_moves.tsv): every move from
// every outcome to every outcome, by each kind of organisation, checked on
// the rule alone and through the response desk on stored tasks.
#include "respond/task_outcome.h"

#include <gtest/gtest.h>

#include "respond/respond_fixture.h"
#include "share/case_table.h"

namespace kenes::respond {
namespace {

struct Move {
  TaskOutcome from;
  TaskOutcome to;
  std::string who;
  std::string expected;
};

std::vector<Move> Moves() {
  std::vector<Move> moves;
  for (const share::CaseRow& row :
       share::ReadCaseTable(std::filesystem::path(KENES_RESPOND_CASES) / "task_moves.tsv", 4)) {
    std::optional<TaskOutcome> from = ParseTaskOutcome(row[0]);
    std::optional<TaskOutcome> to = ParseTaskOutcome(row[1]);
    EXPECT_TRUE(from && to) << row[0] << " " << row[1];
    if (from && to) moves.push_back({*from, *to, row[2], row[3]});
  }
  return moves;
}

std::string Expected(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kPermissionDenied: return "denied";
    case StatusCode::kFailedPrecondition: return "refused";
    default: return status.ToString();
  }
}

std::string Describe(const Move& move) {
  return std::string(TaskOutcomeName(move.from)) + " -> " + std::string(TaskOutcomeName(move.to)) + " by " + move.who;
}

TEST(TaskOutcomeTest, NamesRoundTripAndUnknownIsNotKenes) {
  for (TaskOutcome outcome : {TaskOutcome::kPending, TaskOutcome::kOngoing, TaskOutcome::kSuccessful,
                              TaskOutcome::kFailed, TaskOutcome::kCancelled}) {
    EXPECT_EQ(ParseTaskOutcome(TaskOutcomeName(outcome)), outcome);
  }
  EXPECT_FALSE(ParseTaskOutcome("unknown"));
}

TEST(TaskOutcomeTest, TheTableCoversEveryMoveByEveryone) { EXPECT_EQ(Moves().size(), 5u * 5u * 5u); }

TEST(TaskOutcomeTest, RuleFollowsTheTable) {
  for (const Move& move : Moves()) {
    TaskStanding standing;
    standing.responsible = move.who == "responsible" || move.who == "both";
    standing.plan_owner = move.who == "owner" || move.who == "both";
    standing.administrator = move.who == "admin";
    Status status = CheckOutcomeMove(move.from, move.to, standing);
    EXPECT_EQ(Expected(status), move.expected) << Describe(move) << ": " << status.ToString();
  }
}

class TaskMoveDeskTest : public RespondFixture {
 protected:
  // A stored task of KZ's plan in outcome `from`, given to UZ (or to KZ itself for "both").
  Task TaskIn(TaskOutcome from, const std::string& who) {
    Task task = MakeTask(plan_, who == "both" ? "KZ" : "UZ");
    const share::Principal& responsible = who == "both" ? kz_ : uz_;
    auto move = [&](TaskOutcome to, const share::Principal& by) {
      TaskChange change;
      change.outcome = to;
      Result<Task> moved = desk_->ChangeTask(As(by), task.id, change);
      EXPECT_TRUE(moved.ok()) << moved.status().ToString();
      if (moved.ok()) task = *moved;
    };
    if (from == TaskOutcome::kCancelled) move(TaskOutcome::kCancelled, kz_);
    if (from == TaskOutcome::kOngoing || from == TaskOutcome::kSuccessful || from == TaskOutcome::kFailed) {
      move(TaskOutcome::kOngoing, responsible);
    }
    if (from == TaskOutcome::kSuccessful || from == TaskOutcome::kFailed) move(from, responsible);
    return task;
  }

  const share::Principal& Mover(const std::string& who) {
    if (who == "responsible") return uz_;
    if (who == "owner" || who == "both") return kz_;
    if (who == "admin") return operator_;
    return tj_;
  }

  ResponsePlan plan_;
};

TEST_F(TaskMoveDeskTest, DeskFollowsTheTable) {
  // Shared with the members, so the third organisation sees the tasks and is refused by the rules, not by sight.
  IncidentDraft draft;
  draft.name = "Shared incident";
  draft.sharing.distribution = share::Distribution{share::DistributionKind::kMembers, ""};
  Result<Incident> incident = desk_->CreateIncident(As(kz_), draft);
  ASSERT_TRUE(incident.ok()) << incident.status().ToString();
  plan_ = MakePlan(*incident, draft.sharing);
  for (const Move& move : Moves()) {
    Task task = TaskIn(move.from, move.who);
    ASSERT_EQ(task.outcome, move.from) << Describe(move);
    TaskChange change;
    change.outcome = move.to;
    Actor actor = As(Mover(move.who));
    Result<Task> moved = desk_->ChangeTask(actor, task.id, change);
    EXPECT_EQ(Expected(moved.status()), move.expected) << Describe(move) << ": " << moved.status().ToString();
    if (moved.ok()) {
      EXPECT_EQ(moved->outcome, move.to);
      EXPECT_EQ(moved->owner, IdOf("KZ")) << "created_by_ref stays the plan owner's";
      EXPECT_EQ(moved->changed_by, actor.principal.organisation);
    }
  }
}

}  // namespace
}  // namespace kenes::respond
