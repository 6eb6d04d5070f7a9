// The incident brief and its HTML report through the sharing matrix: what an
// organisation may not see (a task, a note, a linked object) is absent from
// both, hidden incidents read as unknown ones, and every text is escaped.
#include "respond/incident_brief.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "report/response_fixture.h"
#include "respond/incident_report.h"

namespace kenes::respond {
namespace {

using share::DistributionKind;
using share::Tlp;

const std::string kIncident = TestId("incident", 1);
const std::string kPlan = TestId("course-of-action", 2);
const std::string kSharedTask = TestId("task", 3);
const std::string kHiddenTask = TestId("task", 4);
const std::string kWaitingTask = TestId("task", 5);
const std::string kDecision = TestId("note", 6);
const std::string kSecretNote = TestId("note", 7);
const std::string kVisibleActor = TestId("threat-actor", 8);
const std::string kHiddenActor = TestId("threat-actor", 9);

Timestamp At(std::string_view text) { return ParseTimestamp(text).value(); }

class IncidentBriefTest : public ResponseFixture {
 protected:
  // An incident of Kazakhstan's with a plan of three tasks: Kyrgyzstan's
  // (done), Tajikistan's (shared with Kazakhstan only, then granted to
  // Tajikistan, overdue) and Kyrgyzstan's waiting on Tajikistan's.
  void WriteIncident(const std::string& name = "Heroin route", const std::string& task_name = "Close the corridor") {
    Import("KZ",
           {Incident(kIncident, "KZ", name, "new", "high", {"KZ", "KG", "TJ"}, "2026-05-01T00:00:00.000Z"),
            Incident(kIncident, "KZ", name, "open", "critical", {"KZ", "KG", "TJ"}, "2026-05-02T00:00:00.000Z"),
            Plan(kPlan, "KZ", kIncident, "Joint interdiction plan")},
           Tlp::kGreen, DistributionKind::kCommunity);
    Import("TJ", {ThreatActor(kVisibleActor, "TJ", "Visible syndicate")}, Tlp::kGreen, DistributionKind::kCommunity);
    Import("UZ", {ThreatActor(kHiddenActor, "UZ", "Hidden syndicate")}, Tlp::kAmber, DistributionKind::kOrganisation);
    Import("KZ",
           {Relationship(TestId("relationship", 10), "KZ", "related-to", kIncident, kVisibleActor),
            Relationship(TestId("relationship", 11), "KZ", "related-to", kIncident, kHiddenActor)},
           Tlp::kGreen, DistributionKind::kCommunity);

    TaskSpec shared{
        kSharedTask, task_name, "KG", "pending", "2026-05-20T00:00:00.000Z", {}, "", "2026-05-01T02:00:00.000Z"};
    std::vector<std::string> shared_versions = {Task(shared, "KZ", kPlan, kIncident)};
    shared.outcome = "ongoing";
    shared.changed_by = "KG";
    shared.modified = "2026-05-03T00:00:00.000Z";
    shared_versions.push_back(Task(shared, "KZ", kPlan, kIncident));
    shared.outcome = "successful";
    shared.modified = "2026-05-04T00:00:00.000Z";
    shared_versions.push_back(Task(shared, "KZ", kPlan, kIncident));
    TaskSpec waiting{kWaitingTask, "Arrest the couriers",      "KG",
                     "pending",    "2026-07-01T00:00:00.000Z", {kHiddenTask},
                     "",           "2026-05-01T02:00:00.000Z"};
    shared_versions.push_back(Task(waiting, "KZ", kPlan, kIncident));
    Import("KZ", shared_versions, Tlp::kGreen, DistributionKind::kCommunity);

    TaskSpec hidden{kHiddenTask, "Debrief the informant",   "TJ", "ongoing", "2026-05-10T00:00:00.000Z", {},
                    "",          "2026-05-01T02:00:00.000Z"};
    Import("KZ", {Task(hidden, "KZ", kPlan, kIncident)}, Tlp::kAmber, DistributionKind::kOrganisation);
    ASSERT_TRUE(store_->GrantObject(kHiddenTask, Org("TJ")).ok());

    Import("KZ", {Note(kDecision, "KZ", "Decision: the council closes the Batken corridor.", {kIncident})}, Tlp::kGreen,
           DistributionKind::kCommunity);
    Import("KZ", {Note(kSecretNote, "KZ", "Secret: the informant is in Khorog.", {kPlan})}, Tlp::kAmber,
           DistributionKind::kOrganisation);
  }

  IncidentBrief Brief(const store::Viewer* viewer, BriefOptions options = {}) {
    if (!options.now) options.now = At("2026-06-01T00:00:00Z");
    Result<IncidentBrief> brief = GatherIncidentBrief(*store_, *community_, kIncident, viewer, options);
    EXPECT_TRUE(brief.ok()) << brief.status().ToString();
    return brief.ok() ? std::move(brief).value() : IncidentBrief{};
  }

  static std::vector<std::string> TaskIds(const IncidentBrief& brief) {
    std::vector<std::string> ids;
    for (const PlanSection& plan : brief.plans) {
      for (const TaskLine& task : plan.tasks) ids.push_back(task.id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static const TaskLine* FindTask(const IncidentBrief& brief, const std::string& id) {
    for (const PlanSection& plan : brief.plans) {
      for (const TaskLine& task : plan.tasks) {
        if (task.id == id) return &task;
      }
    }
    return nullptr;
  }

  static bool TimelineMentions(const IncidentBrief& brief, std::string_view text) {
    return std::any_of(brief.timeline.begin(), brief.timeline.end(),
                       [&](const TimelineEntry& entry) { return entry.summary.find(text) != std::string::npos; });
  }
};

TEST_F(IncidentBriefTest, TheNodeSeesTheWholeResponse) {
  WriteIncident();
  IncidentBrief brief = Brief(nullptr);
  EXPECT_EQ(brief.name, "Heroin route");
  EXPECT_EQ(brief.investigation_status, "open");
  EXPECT_EQ(brief.severity, "critical");
  EXPECT_EQ(brief.determination, "suspected");
  EXPECT_EQ(brief.criticality, 70);
  ASSERT_EQ(brief.affected_states.size(), 3u);
  EXPECT_EQ(brief.affected_states[0].id, Org("KZ"));
  EXPECT_NE(brief.affected_states[0].name, Org("KZ")) << "organisations are named, not listed by id";
  EXPECT_EQ(brief.concerns.size(), 2u);
  ASSERT_EQ(brief.plans.size(), 1u);
  EXPECT_EQ(brief.plans[0].owner.id, Org("KZ"));
  std::vector<std::string> all = {kSharedTask, kHiddenTask, kWaitingTask};
  std::sort(all.begin(), all.end());
  EXPECT_EQ(TaskIds(brief), all);
  EXPECT_TRUE(TimelineMentions(brief, "Secret: the informant"));
  EXPECT_TRUE(TimelineMentions(brief, "status new → open"));
  EXPECT_TRUE(TimelineMentions(brief, "pending → ongoing"));
  EXPECT_TRUE(TimelineMentions(brief, "ongoing → successful"));
  EXPECT_TRUE(std::is_sorted(brief.timeline.begin(), brief.timeline.end(),
                             [](const TimelineEntry& a, const TimelineEntry& b) { return a.time < b.time; }));
  EXPECT_FALSE(brief.assistance_gaps.has_value());
}

TEST_F(IncidentBriefTest, TasksAreJudgedAgainstNow) {
  WriteIncident();
  IncidentBrief brief = Brief(nullptr);
  const TaskLine* hidden = FindTask(brief, kHiddenTask);
  const TaskLine* shared = FindTask(brief, kSharedTask);
  const TaskLine* waiting = FindTask(brief, kWaitingTask);
  ASSERT_TRUE(hidden && shared && waiting);
  EXPECT_TRUE(hidden->overdue) << "ongoing and due 2026-05-10";
  EXPECT_FALSE(shared->overdue) << "successful tasks are never overdue";
  EXPECT_FALSE(waiting->overdue);
  EXPECT_TRUE(waiting->waiting);
  EXPECT_EQ(waiting->depends_on, std::vector<std::string>{"Debrief the informant"});
  EXPECT_EQ(shared->outcome, "successful");

  BriefOptions earlier_options;
  earlier_options.now = At("2026-05-05T00:00:00Z");
  IncidentBrief earlier = Brief(nullptr, earlier_options);
  EXPECT_FALSE(FindTask(earlier, kHiddenTask)->overdue);
}

TEST_F(IncidentBriefTest, AnOrganisationSeesOnlyWhatItMay) {
  WriteIncident();
  store::Viewer kyrgyzstan = ViewerOf("KG");
  IncidentBrief brief = Brief(&kyrgyzstan);
  std::vector<std::string> visible = {kSharedTask, kWaitingTask};
  std::sort(visible.begin(), visible.end());
  EXPECT_EQ(TaskIds(brief), visible);
  const TaskLine* waiting = FindTask(brief, kWaitingTask);
  ASSERT_NE(waiting, nullptr);
  EXPECT_EQ(waiting->depends_on, std::vector<std::string>{"a task not shared"});
  EXPECT_TRUE(waiting->waiting);
  ASSERT_EQ(brief.concerns.size(), 1u);
  EXPECT_EQ(brief.concerns[0].id, kVisibleActor);
  EXPECT_FALSE(TimelineMentions(brief, "Secret"));
  EXPECT_FALSE(TimelineMentions(brief, "Debrief the informant"));
  EXPECT_TRUE(TimelineMentions(brief, "Decision: the council closes"));
  for (const store::StoredVersion& version : brief.shown) {
    EXPECT_NE(version.id, kHiddenTask);
    EXPECT_NE(version.id, kSecretNote);
    EXPECT_NE(version.id, kHiddenActor);
  }

  std::string html = RenderIncidentReport(brief, {"Kyrgyzstan council", At("2026-06-01T10:00:00Z"), false});
  EXPECT_EQ(html.find("Debrief the informant"), std::string::npos);
  EXPECT_EQ(html.find("Secret"), std::string::npos);
  EXPECT_EQ(html.find("Hidden syndicate"), std::string::npos);
  EXPECT_EQ(html.find(kHiddenActor), std::string::npos);
  EXPECT_NE(html.find("Visible syndicate"), std::string::npos);
  EXPECT_NE(html.find("Rendered for <strong>Kyrgyzstan council</strong> on 2026-06-01 10:00 UTC"), std::string::npos);
  EXPECT_NE(html.find("shows only what Kyrgyzstan council may see"), std::string::npos);
}

TEST_F(IncidentBriefTest, TheResponsibleOrganisationSeesItsGrantedTask) {
  WriteIncident();
  store::Viewer tajikistan = ViewerOf("TJ");
  IncidentBrief brief = Brief(&tajikistan);
  const TaskLine* hidden = FindTask(brief, kHiddenTask);
  ASSERT_NE(hidden, nullptr);
  EXPECT_TRUE(hidden->overdue);
  EXPECT_EQ(hidden->responsible.id, Org("TJ"));
  EXPECT_FALSE(TimelineMentions(brief, "Secret"));
  EXPECT_EQ(brief.concerns.size(), 1u);
}

TEST_F(IncidentBriefTest, ContributionsCountWhatEachStateDid) {
  WriteIncident();
  IncidentBrief brief = Brief(nullptr);
  auto kyrgyzstan = std::find_if(brief.contributions.begin(), brief.contributions.end(),
                                 [&](const Contribution& c) { return c.state.id == Org("KG"); });
  ASSERT_NE(kyrgyzstan, brief.contributions.end());
  EXPECT_EQ(kyrgyzstan->tasks_completed, std::vector<std::string>{"Close the corridor"});
  EXPECT_EQ(kyrgyzstan->task_updates, 2u);
  auto kazakhstan = std::find_if(brief.contributions.begin(), brief.contributions.end(),
                                 [&](const Contribution& c) { return c.state.id == Org("KZ"); });
  ASSERT_NE(kazakhstan, brief.contributions.end());
  EXPECT_EQ(kazakhstan->notes.size(), 2u);
  EXPECT_GE(kazakhstan->authored.size(), 5u) << "the incident, the plan and three tasks";
}

TEST_F(IncidentBriefTest, AHiddenIncidentReadsAsAnUnknownOne) {
  Import("KZ", {Incident(kIncident, "KZ", "Ours", "new", "low", {"KZ"}, "2026-05-01T00:00:00.000Z")}, Tlp::kAmber,
         DistributionKind::kOrganisation);
  store::Viewer kyrgyzstan = ViewerOf("KG");
  Result<IncidentBrief> hidden = GatherIncidentBrief(*store_, *community_, kIncident, &kyrgyzstan);
  Result<IncidentBrief> unknown = GatherIncidentBrief(*store_, *community_, TestId("incident", 99), &kyrgyzstan);
  ASSERT_FALSE(hidden.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(hidden.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(hidden.status().message(), "no incident " + kIncident);
  EXPECT_EQ(unknown.status().message(), "no incident " + TestId("incident", 99));
  Result<IncidentBrief> not_incident = GatherIncidentBrief(*store_, *community_, kPlan, nullptr);
  EXPECT_EQ(not_incident.status().code(), StatusCode::kNotFound);
  store::Viewer kazakhstan = ViewerOf("KZ");
  EXPECT_TRUE(GatherIncidentBrief(*store_, *community_, kIncident, &kazakhstan).ok());
}

TEST_F(IncidentBriefTest, AssistanceGapsComeFromTheProviderWithTheReadersViewer) {
  WriteIncident();
  store::Viewer kyrgyzstan = ViewerOf("KG");
  const store::Viewer* asked_with = nullptr;
  std::string asked_about;
  BriefOptions options;
  options.assistance_gaps = [&](std::string_view incident,
                                const store::Viewer* viewer) -> Result<std::vector<AssistanceGapLine>> {
    asked_about = incident;
    asked_with = viewer;
    return std::vector<AssistanceGapLine>{
        {TestId("assistance-request", 1), "Drug detection dogs", Org("KG"), "", "dog team", "teams", 4, 2, 1, 2}};
  };
  IncidentBrief brief = Brief(&kyrgyzstan, options);
  EXPECT_EQ(asked_about, kIncident);
  EXPECT_EQ(asked_with, &kyrgyzstan);
  ASSERT_TRUE(brief.assistance_gaps.has_value());
  ASSERT_EQ(brief.assistance_gaps->size(), 1u);
  EXPECT_NE((*brief.assistance_gaps)[0].requesting_state_name, Org("KG"));
  std::string html = RenderIncidentReport(brief, {"Kyrgyzstan", At("2026-06-01T10:00:00Z"), false});
  EXPECT_NE(html.find("Drug detection dogs"), std::string::npos);
  EXPECT_EQ(html.find("not tracked"), std::string::npos);

  options.assistance_gaps = [](std::string_view, const store::Viewer*) -> Result<std::vector<AssistanceGapLine>> {
    return Status::IoError("assistance database unavailable");
  };
  Result<IncidentBrief> failed = GatherIncidentBrief(*store_, *community_, kIncident, &kyrgyzstan, options);
  EXPECT_EQ(failed.status().code(), StatusCode::kIoError);
}

TEST_F(IncidentBriefTest, TheReportSaysWhenAssistanceIsNotTracked) {
  WriteIncident();
  std::string html = RenderIncidentReport(Brief(nullptr), {"the node operator", At("2026-06-01T10:00:00Z"), false});
  EXPECT_NE(html.find("Mutual assistance is not tracked on this node."), std::string::npos);
}

TEST_F(IncidentBriefTest, AnAdministratorsReportSaysItShowsEverything) {
  WriteIncident();
  std::string html = RenderIncidentReport(Brief(nullptr), {"the node operator", At("2026-06-01T10:00:00Z"), true});
  EXPECT_NE(html.find("Rendered for <strong>the node operator</strong>"), std::string::npos);
  EXPECT_NE(html.find("whatever the sharing rules"), std::string::npos);
  EXPECT_EQ(html.find("shows only what"), std::string::npos);
}

TEST_F(IncidentBriefTest, TheReportIsOneSelfContainedDocumentWithEveryTextEscaped) {
  const std::string hostile = R"(<script>alert("x")</script> & 'co')";
  const std::string hostile_task = R"(<img src=x onerror=alert(1)>)";
  WriteIncident(hostile, hostile_task);
  std::string html = RenderIncidentReport(Brief(nullptr), {"<b>Reader</b>", At("2026-06-01T10:00:00Z"), false});
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>Reader"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;Reader&lt;/b&gt;"), std::string::npos);
  // Self-contained: no external assets, no scripts; print styles present.
  EXPECT_EQ(html.find("src="), html.find("src=x")) << "the only src= is the escaped hostile text";
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_NE(html.find("page-break-before"), std::string::npos);
}

TEST_F(IncidentBriefTest, TheReportShowsTaskStatusPerState) {
  WriteIncident();
  std::string html = RenderIncidentReport(Brief(nullptr), {"the node operator", At("2026-06-01T10:00:00Z"), false});
  EXPECT_NE(html.find("task status per state"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge overdue\">overdue</span>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge waiting\">waiting</span>"), std::string::npos);
  EXPECT_NE(html.find("Joint interdiction plan"), std::string::npos);
  EXPECT_NE(html.find("Decision: the council closes the Batken corridor."), std::string::npos);
}

}  // namespace
}  // namespace kenes::respond
