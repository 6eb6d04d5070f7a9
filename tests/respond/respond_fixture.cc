#include "respond/respond_fixture.h"

#include "share/access_viewer.h"

namespace kenes::respond {

void RespondFixture::SetUp() {
  CommunityFixture::SetUp();
  Result<std::unique_ptr<ReminderLedger>> ledger = ReminderLedger::Open(ReminderLedger::FileIn(directory_));
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  ledger_ = std::move(ledger).value();
  desk_ = std::make_unique<ResponseDesk>(
      *store_, *community_, ledger_.get(), [this](notify::Notice notice) { notices_.push_back(std::move(notice)); },
      nullptr, clock_);
  kz_ = AddUser("kz-analyst", "KZ", share::Role::kAnalyst);
  uz_ = AddUser("uz-analyst", "UZ", share::Role::kAnalyst);
  tj_ = AddUser("tj-analyst", "TJ", share::Role::kAnalyst);
  kz_reader_ = AddUser("kz-reader", "KZ", share::Role::kReader);
}

void RespondFixture::TearDown() {
  desk_.reset();
  ledger_.reset();
  CommunityFixture::TearDown();
}

Actor RespondFixture::As(const share::Principal& principal) {
  Result<std::optional<store::Viewer>> viewer = share::StoreViewerOf(*community_, principal);
  EXPECT_TRUE(viewer.ok()) << viewer.status().ToString();
  if (!viewer.ok() || !*viewer) return {principal, nullptr};
  viewers_.push_back(std::make_unique<store::Viewer>(std::move(**viewer)));
  return {principal, viewers_.back().get()};
}

std::string RespondFixture::IdOf(const std::string& code) {
  Result<share::Organisation> organisation = community_->FindOrganisation(code);
  EXPECT_TRUE(organisation.ok()) << code;
  return organisation.ok() ? organisation->id : "";
}

Incident RespondFixture::MakeIncident(const std::string& name) {
  IncidentDraft draft;
  draft.name = name;
  draft.severity = "high";
  draft.affected_states = {"KZ", "UZ", "TJ"};
  Result<Incident> incident = desk_->CreateIncident(As(kz_), draft);
  EXPECT_TRUE(incident.ok()) << incident.status().ToString();
  return incident.ok() ? *incident : Incident{};
}

ResponsePlan RespondFixture::MakePlan(const Incident& incident, Sharing sharing) {
  Result<ResponsePlan> plan = desk_->AddPlan(As(kz_), incident.id, {"Close the route", "", sharing});
  EXPECT_TRUE(plan.ok()) << plan.status().ToString();
  return plan.ok() ? *plan : ResponsePlan{};
}

Task RespondFixture::MakeTask(const ResponsePlan& plan, const std::string& responsible,
                              std::vector<std::string> depends_on) {
  TaskDraft draft;
  draft.name = "Check lorries at the border post";
  draft.responsible = responsible;
  draft.priority = 70;
  draft.depends_on = std::move(depends_on);
  Result<Task> task = desk_->AddTask(As(kz_), plan.id, draft);
  EXPECT_TRUE(task.ok()) << task.status().ToString();
  return task.ok() ? *task : Task{};
}

std::vector<notify::Notice> RespondFixture::NoticesOf(const std::string& kind) const {
  std::vector<notify::Notice> found;
  for (const notify::Notice& notice : notices_) {
    if (notice.kind == kind) found.push_back(notice);
  }
  return found;
}

}  // namespace kenes::respond
