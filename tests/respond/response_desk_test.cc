// The response desk: dependencies, permissions, sharing (who sees an
// incident, plan and task), notices, the version history of a task, the
// timeline, and due/overdue reminders published once.
#include <gtest/gtest.h>

#include <algorithm>

#include "respond/respond_fixture.h"
#include "share/audit_log.h"

namespace kenes::respond {
namespace {

class ResponseDeskTest : public RespondFixture {
 protected:
  Result<Task> Move(const share::Principal& by, const Task& task, TaskOutcome to) {
    TaskChange change;
    change.outcome = to;
    return desk_->ChangeTask(As(by), task.id, change);
  }
};

TEST_F(ResponseDeskTest, IncidentIsStixWithBothExtensionsAndItsOwner) {
  Incident incident = MakeIncident();
  EXPECT_EQ(incident.owner, IdOf("KZ"));
  EXPECT_EQ(incident.status, "new");
  EXPECT_EQ(incident.severity, "high");
  EXPECT_EQ(incident.affected_states, (std::vector<std::string>{IdOf("KZ"), IdOf("UZ"), IdOf("TJ")}));
  EXPECT_NE(incident.stored.json.find("extension-definition--ef765651-680c-498d-9894-99799f2fa126"), std::string::npos);
  EXPECT_NE(incident.stored.json.find("\"investigation_status\":\"new\""), std::string::npos);
}

TEST_F(ResponseDeskTest, BadIncidentFieldsAreRefusedByName) {
  IncidentDraft draft;
  draft.name = "x";
  draft.severity = "apocalyptic";
  EXPECT_EQ(desk_->CreateIncident(As(kz_), draft).status().code(), StatusCode::kInvalidArgument);
  draft.severity = "low";
  draft.affected_states = {"ATLANTIS"};
  Result<Incident> refused = desk_->CreateIncident(As(kz_), draft);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("ATLANTIS"), std::string::npos);
  draft.affected_states.clear();
  draft.name = " ";
  EXPECT_EQ(desk_->CreateIncident(As(kz_), draft).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ResponseDeskTest, UpdateIsANewVersionByTheOwnerOnly) {
  Incident incident = MakeIncident();
  IncidentChange change;
  change.status = "open";
  EXPECT_EQ(desk_->UpdateIncident(As(uz_), incident.id, change).status().code(), StatusCode::kNotFound)
      << "UZ may not see KZ's incident: hidden reads as unknown";
  EXPECT_EQ(desk_->UpdateIncident(As(kz_reader_), incident.id, change).status().code(), StatusCode::kPermissionDenied);
  Result<Incident> updated = desk_->UpdateIncident(As(kz_), incident.id, change);
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->status, "open");
  EXPECT_EQ(updated->severity, "high");
  Result<std::vector<store::StoredVersion>> versions = store_->Versions(incident.id);
  ASSERT_TRUE(versions.ok());
  EXPECT_EQ(versions->size(), 2u);
}

TEST_F(ResponseDeskTest, ReadersChangeNothing) {
  Incident incident = MakeIncident();
  ResponsePlan plan = MakePlan(incident);
  Task task = MakeTask(plan, "UZ");
  IncidentDraft draft;
  draft.name = "by a reader";
  EXPECT_EQ(desk_->CreateIncident(As(kz_reader_), draft).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(desk_->AddPlan(As(kz_reader_), incident.id, {"plan", "", {}}).status().code(),
            StatusCode::kPermissionDenied);
  TaskDraft task_draft;
  task_draft.name = "t";
  task_draft.responsible = "UZ";
  EXPECT_EQ(desk_->AddTask(As(kz_reader_), plan.id, task_draft).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Move(kz_reader_, task, TaskOutcome::kCancelled).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(desk_->AddNote(As(kz_reader_), incident.id, {"", "a comment", {}}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(ResponseDeskTest, OnlyThePlanOwnerAddsReassignsAndEdits) {
  Incident incident = MakeIncident();
  ResponsePlan plan = MakePlan(incident, {std::nullopt, share::Distribution{share::DistributionKind::kMembers, ""}});
  TaskDraft draft;
  draft.name = "Seize the shipment";
  draft.responsible = "UZ";
  EXPECT_EQ(desk_->AddTask(As(tj_), plan.id, draft).status().code(), StatusCode::kPermissionDenied);
  Task task = MakeTask(plan, "UZ");
  TaskChange reassign;
  reassign.responsible = "TJ";
  EXPECT_EQ(desk_->ChangeTask(As(uz_), task.id, reassign).status().code(), StatusCode::kPermissionDenied)
      << "the responsible organisation does not reassign";
  EXPECT_EQ(desk_->ChangeTask(As(tj_), task.id, reassign).status().code(), StatusCode::kPermissionDenied);
  TaskChange priority;
  priority.priority = 101;
  EXPECT_EQ(desk_->ChangeTask(As(kz_), task.id, priority).status().code(), StatusCode::kInvalidArgument);
  Result<Task> reassigned = desk_->ChangeTask(As(kz_), task.id, reassign);
  ASSERT_TRUE(reassigned.ok()) << reassigned.status().ToString();
  EXPECT_EQ(reassigned->responsible, IdOf("TJ"));
  EXPECT_EQ(Move(uz_, *reassigned, TaskOutcome::kOngoing).status().code(), StatusCode::kPermissionDenied)
      << "UZ is no longer responsible";
  EXPECT_TRUE(Move(tj_, *reassigned, TaskOutcome::kOngoing).ok());
  std::vector<notify::Notice> assigned = NoticesOf("task.assigned");
  ASSERT_EQ(assigned.size(), 2u);
  EXPECT_EQ(assigned[1].organisations, std::vector<std::string>{IdOf("TJ")});
}

TEST_F(ResponseDeskTest, DependenciesAreTasksOfThePlanAndMustSucceedFirst) {
  Incident incident = MakeIncident();
  ResponsePlan plan = MakePlan(incident);
  ResponsePlan other_plan = MakePlan(incident);
  Task first = MakeTask(plan, "UZ");
  Task elsewhere = MakeTask(other_plan, "UZ");
  TaskDraft draft;
  draft.name = "Arrest the courier";
  draft.responsible = "UZ";
  draft.depends_on = {elsewhere.id};
  EXPECT_EQ(desk_->AddTask(As(kz_), plan.id, draft).status().code(), StatusCode::kInvalidArgument);
  draft.depends_on = {"task--00000000-0000-4000-8000-000000000000"};
  EXPECT_EQ(desk_->AddTask(As(kz_), plan.id, draft).status().code(), StatusCode::kInvalidArgument);
  Task second = MakeTask(plan, "UZ", {first.id});
  EXPECT_EQ(second.depends_on, std::vector<std::string>{first.id});

  Result<Task> blocked = Move(uz_, second, TaskOutcome::kOngoing);
  EXPECT_EQ(blocked.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(blocked.status().message().find(first.id), std::string::npos);
  ASSERT_TRUE(Move(uz_, first, TaskOutcome::kOngoing).ok());
  EXPECT_EQ(Move(uz_, second, TaskOutcome::kOngoing).status().code(), StatusCode::kFailedPrecondition)
      << "ongoing is not successful";
  Result<Task> done = desk_->reader().FindTask(nullptr, first.id);
  ASSERT_TRUE(done.ok());
  ASSERT_TRUE(Move(uz_, *done, TaskOutcome::kSuccessful).ok());
  EXPECT_TRUE(Move(uz_, second, TaskOutcome::kOngoing).ok());
}

TEST_F(ResponseDeskTest, AnOrganisationSeesOnlyWhatItMayAndTheResponsibleSeesItsTask) {
  Incident incident = MakeIncident();  // distribution organisation: KZ alone
  ResponsePlan plan = MakePlan(incident);
  Task task = MakeTask(plan, "UZ");
  ResponseReader& reader = desk_->reader();
  // UZ was granted the task, its plan and its incident.
  EXPECT_TRUE(reader.FindTask(As(uz_).viewer, task.id).ok());
  EXPECT_TRUE(reader.FindPlan(As(uz_).viewer, plan.id).ok());
  EXPECT_TRUE(reader.FindIncident(As(uz_).viewer, incident.id).ok());
  TaskFilter mine;
  mine.responsible = IdOf("UZ");
  Result<std::vector<Task>> uz_tasks = reader.Tasks(As(uz_).viewer, mine);
  ASSERT_TRUE(uz_tasks.ok());
  ASSERT_EQ(uz_tasks->size(), 1u);
  EXPECT_EQ(uz_tasks->front().id, task.id);
  // TJ, affected but neither owner nor responsible, sees none of it.
  EXPECT_EQ(reader.FindTask(As(tj_).viewer, task.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reader.FindPlan(As(tj_).viewer, plan.id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(reader.FindIncident(As(tj_).viewer, incident.id).status().code(), StatusCode::kNotFound);
  Result<std::vector<Incident>> tj_incidents = reader.Incidents(As(tj_).viewer, {});
  ASSERT_TRUE(tj_incidents.ok());
  EXPECT_TRUE(tj_incidents->empty());
  Result<std::vector<Task>> tj_tasks = reader.Tasks(As(tj_).viewer, {});
  ASSERT_TRUE(tj_tasks.ok());
  EXPECT_TRUE(tj_tasks->empty());
  EXPECT_EQ(reader.Timeline(As(tj_).viewer, incident.id).status().code(), StatusCode::kNotFound);
  // The grants are audited.
  share::AuditFilter grants;
  grants.action = "task.grant";
  Result<std::vector<share::AuditEntry>> entries = community_->audit().Show(grants);
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 3u);
}

TEST_F(ResponseDeskTest, NoticesGoToWhomTheyConcern) {
  Incident incident = MakeIncident();
  ASSERT_EQ(NoticesOf("incident.created").size(), 1u);
  std::vector<std::string> affected = {IdOf("KZ"), IdOf("UZ"), IdOf("TJ")};
  std::sort(affected.begin(), affected.end());
  EXPECT_EQ(NoticesOf("incident.created")[0].organisations, affected);
  EXPECT_EQ(NoticesOf("incident.created")[0].object_id, incident.id);
  Task task = MakeTask(MakePlan(incident), "UZ");
  ASSERT_EQ(NoticesOf("task.assigned").size(), 1u);
  EXPECT_EQ(NoticesOf("task.assigned")[0].organisations, std::vector<std::string>{IdOf("UZ")});
  EXPECT_EQ(NoticesOf("task.assigned")[0].object_id, task.id);
  ASSERT_TRUE(Move(uz_, task, TaskOutcome::kOngoing).ok());
  ASSERT_EQ(NoticesOf("task.updated").size(), 1u);
  std::vector<std::string> both = {IdOf("KZ"), IdOf("UZ")};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(NoticesOf("task.updated")[0].organisations, both);
  EXPECT_NE(NoticesOf("task.updated")[0].data.find("\"outcome\":\"ongoing\""), std::string::npos);
}

TEST_F(ResponseDeskTest, HistoryIsTheVersionListWithWhoMadeEachChange) {
  Task task = MakeTask(MakePlan(MakeIncident()), "UZ");
  ASSERT_TRUE(Move(uz_, task, TaskOutcome::kOngoing).ok());
  TaskChange finish;
  finish.outcome = TaskOutcome::kFailed;
  finish.error = "the lorry crossed before the post was told";
  ASSERT_TRUE(desk_->ChangeTask(As(uz_), task.id, finish).ok());
  Result<std::vector<Task>> history = desk_->reader().TaskHistory(As(uz_).viewer, task.id);
  ASSERT_TRUE(history.ok()) << history.status().ToString();
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[0].outcome, TaskOutcome::kPending);
  EXPECT_EQ((*history)[0].changed_by, IdOf("KZ"));
  EXPECT_EQ((*history)[1].outcome, TaskOutcome::kOngoing);
  EXPECT_EQ((*history)[2].outcome, TaskOutcome::kFailed);
  EXPECT_EQ((*history)[2].error, finish.error);
  for (const Task& version : *history) EXPECT_EQ(version.owner, IdOf("KZ"));
  EXPECT_EQ((*history)[2].changed_by, IdOf("UZ"));
  EXPECT_TRUE((*history)[2].end_time.has_value());
  EXPECT_EQ(Move(kz_, (*history)[2], TaskOutcome::kCancelled).status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(ResponseDeskTest, TimelineIsTheOrderedUnionOfVersionsAndNotes) {
  Incident incident = MakeIncident();
  clock_.Set(store::TestTime(10));
  ResponsePlan plan = MakePlan(incident);
  clock_.Set(store::TestTime(20));
  Task task = MakeTask(plan, "UZ");
  clock_.Set(store::TestTime(30));
  ASSERT_TRUE(desk_->AddNote(As(kz_), incident.id, {"Decision", "Close the border post at night", {}}).ok());
  clock_.Set(store::TestTime(40));
  ASSERT_TRUE(Move(uz_, task, TaskOutcome::kOngoing).ok());
  Result<std::vector<TimelineEvent>> timeline = desk_->reader().Timeline(As(kz_).viewer, incident.id);
  ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
  std::vector<std::string> kinds;
  for (const TimelineEvent& entry : *timeline) kinds.push_back(entry.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"incident", "plan", "task", "note", "task"}));
  EXPECT_TRUE(std::is_sorted(timeline->begin(), timeline->end(),
                             [](const TimelineEvent& a, const TimelineEvent& b) { return a.time < b.time; }));
}

TEST_F(ResponseDeskTest, LinksUseIncidentCoreRelationshipTypes) {
  EXPECT_EQ(RelationshipTypeFor("threat-actor"), "attributed-to");
  EXPECT_EQ(RelationshipTypeFor("location"), "located-at");
  EXPECT_EQ(RelationshipTypeFor("indicator"), "related-to");
  Incident incident = MakeIncident();
  Incident other = MakeIncident("A second route");
  Result<std::string> link = desk_->LinkIncident(As(kz_), incident.id, other.id);
  ASSERT_TRUE(link.ok()) << link.status().ToString();
  Result<store::StoredVersion> relationship = store_->Latest(*link);
  ASSERT_TRUE(relationship.ok());
  EXPECT_NE(relationship->json.find("\"relationship_type\":\"led-to\""), std::string::npos);
  Result<IncidentFile> file = desk_->reader().ReadIncident(As(kz_).viewer, incident.id);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file->links, std::vector<std::string>{other.id});
  EXPECT_EQ(desk_->LinkIncident(As(uz_), incident.id, other.id).status().code(), StatusCode::kNotFound);
}

TEST_F(ResponseDeskTest, DueAndOverdueArePublishedOncePerTaskAndKind) {
  ResponsePlan plan = MakePlan(MakeIncident());
  clock_.Set(store::TestTime(0));
  TaskDraft draft;
  draft.responsible = "UZ";
  draft.name = "due soon";
  draft.due = store::TestTime(2 * 3600);
  ASSERT_TRUE(desk_->AddTask(As(kz_), plan.id, draft).ok());
  draft.name = "late";
  draft.due = store::TestTime(-3600);
  ASSERT_TRUE(desk_->AddTask(As(kz_), plan.id, draft).ok());
  draft.name = "far off";
  draft.due = store::TestTime(72 * 3600);
  ASSERT_TRUE(desk_->AddTask(As(kz_), plan.id, draft).ok());

  Result<size_t> published = desk_->PublishDueNotices(store::TestTime(60));
  ASSERT_TRUE(published.ok()) << published.status().ToString();
  EXPECT_EQ(*published, 2u);
  EXPECT_EQ(NoticesOf("task.due").size(), 1u);
  EXPECT_EQ(NoticesOf("task.overdue").size(), 1u);
  EXPECT_EQ(*desk_->PublishDueNotices(store::TestTime(120)), 0u);
  // The ledger is durable: a restarted node does not remind again.
  desk_.reset();
  ledger_.reset();
  Result<std::unique_ptr<ReminderLedger>> reopened = ReminderLedger::Open(ReminderLedger::FileIn(directory_));
  ASSERT_TRUE(reopened.ok());
  ledger_ = std::move(reopened).value();
  desk_ = std::make_unique<ResponseDesk>(
      *store_, *community_, ledger_.get(), [this](notify::Notice notice) { notices_.push_back(std::move(notice)); },
      nullptr, clock_);
  EXPECT_EQ(*desk_->PublishDueNotices(store::TestTime(180)), 0u);
  // The due task becomes overdue: one more, once.
  EXPECT_EQ(*desk_->PublishDueNotices(store::TestTime(3 * 3600)), 1u);
  EXPECT_EQ(NoticesOf("task.overdue").size(), 2u);
}

}  // namespace
}  // namespace kenes::respond
