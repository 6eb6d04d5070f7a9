// The joint-response routes end to end over HTTP (rest/incident_routes.h):
// an incident, its plan and a task through the API; moves refused by the
// state machine and by who asks; sharing; 400s for bad bodies; 503 without
// a desk.
#include <gtest/gtest.h>

#include <memory>

#include "respond/reminder_ledger.h"
#include "respond/response_desk.h"
#include "rest/rest_node.h"

namespace kenes::rest {
namespace {

using share::Role;

class IncidentRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    node_ = std::make_unique<RestNode>(std::vector<share::OrganisationSpec>{}, ApiOptions{}, http::ServerOptions{},
                                       [this](store::Store& store, share::Community& community,
                                              const std::filesystem::path& directory, ApiOptions& options) {
                                         Result<std::unique_ptr<respond::ReminderLedger>> ledger =
                                             respond::ReminderLedger::Open(respond::ReminderLedger::FileIn(directory));
                                         ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
                                         ledger_ = std::move(ledger).value();
                                         desk_ = std::make_unique<respond::ResponseDesk>(
                                             store, community, ledger_.get(), notify::NoticeSink());
                                         options.response = desk_.get();
                                       });
    kz_ = node_->AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kz_reader_ = node_->AddUser("kz.reader", "KZ", Role::kReader);
    uz_ = node_->AddUser("uz.analyst", "UZ", Role::kAnalyst);
    tj_ = node_->AddUser("tj.analyst", "TJ", Role::kAnalyst);
  }

  void TearDown() override { node_.reset(); }  // the server stops before the desk goes

  http::Response Patch(const TestUser& user, std::string_view target, std::string_view body) {
    return node_->Send(&user, http::Method::kPatch, target, body);
  }

  // KZ's incident, plan (distribution organisation) and a task for UZ; returns the task's id.
  std::string MakeTask() {
    http::Response incident =
        node_->Post(kz_, "/api/v1/incidents",
                    R"({"name":"Heroin route","severity":"high","affected_states":["KZ","UZ","TJ"],"criticality":70})");
    EXPECT_EQ(incident.status, 201) << incident.body;
    incident_ = JsonBody(incident.body).String("/id");
    http::Response plan = node_->Post(kz_, "/api/v1/incidents/" + incident_ + "/plans", R"({"name":"Close it"})");
    EXPECT_EQ(plan.status, 201) << plan.body;
    plan_ = JsonBody(plan.body).String("/id");
    http::Response task = node_->Post(kz_, "/api/v1/plans/" + plan_ + "/tasks",
                                      R"({"name":"Check lorries","responsible":"UZ","priority":80,)"
                                      R"("due":"2030-01-01T00:00:00Z"})");
    EXPECT_EQ(task.status, 201) << task.body;
    return JsonBody(task.body).String("/id");
  }

  std::unique_ptr<respond::ReminderLedger> ledger_;
  std::unique_ptr<respond::ResponseDesk> desk_;
  std::unique_ptr<RestNode> node_;
  TestUser kz_, kz_reader_, uz_, tj_;
  std::string incident_, plan_;
};

TEST_F(IncidentRoutesTest, AResponseEndToEnd) {
  const std::string task = MakeTask();
  JsonBody file(node_->Get(kz_, "/api/v1/incidents/" + incident_).body);
  ASSERT_TRUE(file.ok());
  EXPECT_EQ(file.String("/incident/severity"), "high");
  EXPECT_EQ(file.String("/incident/status"), "new");
  EXPECT_EQ(file.String("/plans/0/id"), plan_);
  EXPECT_EQ(file.String("/plans/0/tasks/0/id"), task);
  EXPECT_EQ(file.String("/plans/0/tasks/0/outcome"), "pending");

  // UZ sees the task assigned to it, starts it and finishes it.
  JsonBody mine(node_->Get(uz_, "/api/v1/tasks").body);
  EXPECT_EQ(mine.Strings("/tasks", "/id"), std::vector<std::string>{task});
  EXPECT_EQ(Patch(uz_, "/api/v1/tasks/" + task, R"({"outcome":"ongoing"})").status, 200);
  http::Response done = Patch(uz_, "/api/v1/tasks/" + task, R"({"outcome":"successful"})");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(JsonBody(done.body).String("/outcome"), "successful");
  EXPECT_EQ(JsonBody(done.body).String("/owner"), file.String("/incident/owner")) << "versions stay the owner's";
  JsonBody history(node_->Get(uz_, "/api/v1/tasks/" + task + "/history").body);
  EXPECT_EQ(history.Strings("/versions", "/outcome"), (std::vector<std::string>{"pending", "ongoing", "successful"}));

  // A final task moves no more: 409.
  EXPECT_EQ(Patch(kz_, "/api/v1/tasks/" + task, R"({"outcome":"cancelled"})").status, 409);

  http::Response note =
      node_->Post(kz_, "/api/v1/objects/" + incident_ + "/notes", R"({"abstract":"Decision","content":"Done"})");
  EXPECT_EQ(note.status, 201) << note.body;
  JsonBody timeline(node_->Get(kz_, "/api/v1/incidents/" + incident_ + "/timeline").body);
  EXPECT_EQ(timeline.Strings("/timeline", "/kind"),
            (std::vector<std::string>{"incident", "plan", "task", "task", "task", "note"}));
  http::Response closed = Patch(kz_, "/api/v1/incidents/" + incident_, R"({"status":"closed"})");
  EXPECT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(JsonBody(node_->Get(kz_, "/api/v1/incidents?status=closed").body).Strings("/incidents", "/id"),
            std::vector<std::string>{incident_});
  EXPECT_TRUE(JsonBody(node_->Get(kz_, "/api/v1/incidents?status=open").body).Strings("/incidents", "/id").empty());
}

TEST_F(IncidentRoutesTest, WhoMayDoWhat) {
  const std::string task = MakeTask();
  EXPECT_EQ(Patch(kz_, "/api/v1/tasks/" + task, R"({"outcome":"ongoing"})").status, 403)
      << "only the responsible organisation starts a task";
  EXPECT_EQ(Patch(uz_, "/api/v1/tasks/" + task, R"({"responsible":"TJ"})").status, 403)
      << "only the plan's owner reassigns";
  EXPECT_EQ(Patch(kz_reader_, "/api/v1/tasks/" + task, R"({"outcome":"cancelled"})").status, 403);
  EXPECT_EQ(node_->Post(kz_reader_, "/api/v1/incidents", R"({"name":"x"})").status, 403);
  // TJ sees nothing of KZ's incident: 404 as for an unknown id.
  EXPECT_EQ(node_->Get(tj_, "/api/v1/incidents/" + incident_).status, 404);
  EXPECT_EQ(Patch(tj_, "/api/v1/tasks/" + task, R"({"outcome":"ongoing"})").status, 404);
  EXPECT_TRUE(JsonBody(node_->Get(tj_, "/api/v1/tasks?responsible=any").body).Strings("/tasks", "/id").empty());
  EXPECT_TRUE(JsonBody(node_->Get(tj_, "/api/v1/incidents").body).Strings("/incidents", "/id").empty());
  // Reassigned to TJ, the task (and its plan and incident) becomes visible to TJ.
  EXPECT_EQ(Patch(kz_, "/api/v1/tasks/" + task, R"({"responsible":"TJ"})").status, 200);
  EXPECT_EQ(JsonBody(node_->Get(tj_, "/api/v1/tasks").body).Strings("/tasks", "/id"), std::vector<std::string>{task});
  EXPECT_EQ(node_->Get(tj_, "/api/v1/incidents/" + incident_).status, 200);
}

TEST_F(IncidentRoutesTest, BadBodiesAreNamed400s) {
  const std::string task = MakeTask();
  struct Case {
    std::string target;
    std::string body;
    std::string words;
  };
  const std::vector<Case> cases = {
      {"/api/v1/incidents", R"({"name":"x","severity":"apocalyptic"})", "severity"},
      {"/api/v1/incidents", R"({"name":"x","colour":"red"})", "colour"},
      {"/api/v1/incidents", R"({"name":"x","criticality":170})", "criticality"},
      {"/api/v1/incidents", R"({"name":"x","affected_states":"KZ"})", "affected_states"},
      {"/api/v1/incidents", R"(not json)", "JSON object"},
      {"/api/v1/plans/" + plan_ + "/tasks", R"({"name":"x"})", "responsible"},
      {"/api/v1/plans/" + plan_ + "/tasks", R"({"name":"x","responsible":"UZ","due":"tomorrow"})", "due"},
      {"/api/v1/plans/" + plan_ + "/tasks", R"({"name":"x","responsible":"NOWHERE"})", "NOWHERE"},
  };
  for (const Case& bad : cases) {
    http::Response response = node_->Post(kz_, bad.target, bad.body);
    EXPECT_EQ(response.status, 400) << bad.body << " " << response.body;
    EXPECT_NE(JsonBody(response.body).String("/error/message").find(bad.words), std::string::npos) << response.body;
  }
  http::Response outcome = Patch(uz_, "/api/v1/tasks/" + task, R"({"outcome":"unknown"})");
  EXPECT_EQ(outcome.status, 400) << outcome.body;
  EXPECT_EQ(node_->Get(kz_, "/api/v1/incidents/not-an-id").status, 400);
}

TEST(IncidentRoutesWithoutDeskTest, Answer503) {
  RestNode node;
  TestUser kz = node.AddUser("kz.analyst", "KZ", Role::kAnalyst);
  EXPECT_EQ(node.Get(kz, "/api/v1/incidents").status, 503);
  EXPECT_EQ(node.Get(kz, "/api/v1/tasks").status, 503);
}

}  // namespace
}  // namespace kenes::rest
