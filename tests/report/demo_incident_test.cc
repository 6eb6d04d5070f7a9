// The report of the demo's drug-trafficking incident, imported as `make run`
// imports the demo (distribution community): its status, task status per
// state, the overdue task, what it concerns, its sightings and notes.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "demo/demo_generator.h"
#include "report/response_fixture.h"
#include "respond/incident_brief.h"
#include "respond/incident_report.h"

namespace kenes::respond {
namespace {

class DemoIncidentTest : public ResponseFixture {
 protected:
  void SetUp() override {
    ResponseFixture::SetUp();
    demo::DemoGenerator generator({.seed = 1});
    std::vector<std::string> objects;
    std::string json;
    while (generator.Next(json)) {
      if (json.starts_with(R"({"type":"incident")") && json.find("Heroin consignment") != std::string::npos) {
        size_t at = json.find(R"("id":")") + 6;
        incident_ = json.substr(at, json.find('"', at) - at);
      }
      objects.push_back(json);
    }
    ASSERT_FALSE(incident_.empty()) << "the demo has its drug-trafficking incident";
    Import("KZ", objects, share::Tlp::kAmber, share::DistributionKind::kCommunity);
  }

  IncidentBrief Brief(const std::string& code, std::string_view now) {
    store::Viewer viewer = ViewerOf(code);
    BriefOptions options;
    options.now = ParseTimestamp(now);
    Result<IncidentBrief> brief = GatherIncidentBrief(*store_, *community_, incident_, &viewer, options);
    EXPECT_TRUE(brief.ok()) << brief.status().ToString();
    return brief.ok() ? std::move(brief).value() : IncidentBrief{};
  }

  std::string incident_;
};

// Outcomes of the demo plan's tasks, by the responsible organisation's code.
std::map<std::string, std::multiset<std::string>> OutcomesByState(const IncidentBrief& brief,
                                                                  const std::map<std::string, std::string>& codes) {
  std::map<std::string, std::multiset<std::string>> outcomes;
  for (const PlanSection& plan : brief.plans) {
    for (const TaskLine& task : plan.tasks) outcomes[codes.at(task.responsible.id)].insert(task.outcome);
  }
  return outcomes;
}

TEST_F(DemoIncidentTest, TheReportShowsTheResponseInProgress) {
  // A week after the last task was created, before the long-running tasks are due.
  IncidentBrief brief = Brief("KG", "2026-04-01T00:00:00Z");
  EXPECT_EQ(brief.investigation_status, "open");
  EXPECT_EQ(brief.severity, "critical");
  std::vector<std::string> affected;
  for (const StateRef& state : brief.affected_states) affected.push_back(state.id);
  EXPECT_EQ(affected, (std::vector<std::string>{Org("KZ"), Org("KG"), Org("TJ")}));
  EXPECT_EQ(brief.owner.id, Org("KZ"));

  std::map<std::string, std::string> codes;
  for (const char* code : {"KZ", "KG", "TJ", "EU"}) codes[Org(code)] = code;
  std::map<std::string, std::multiset<std::string>> expected = {
      {"TJ", {"successful"}},
      {"KG", {"failed", "cancelled"}},
      {"KZ", {"ongoing", "pending"}},
      {"EU", {"ongoing"}},
  };
  ASSERT_EQ(brief.plans.size(), 1u);
  EXPECT_EQ(OutcomesByState(brief, codes), expected);

  std::vector<std::string> overdue;
  std::vector<std::string> waiting;
  for (const TaskLine& task : brief.plans[0].tasks) {
    if (task.overdue) overdue.push_back(task.name);
    if (task.waiting) waiting.push_back(task.name);
  }
  EXPECT_EQ(overdue, std::vector<std::string>{"Secondary inspection of rail freight at Kordai (synthetic)"});
  EXPECT_EQ(waiting, std::vector<std::string>{"Controlled delivery into Almaty (synthetic)"});

  std::multiset<std::string> concerned;
  for (const ConcernedObject& object : brief.concerns) concerned.insert(object.type);
  EXPECT_EQ(concerned.count("intrusion-set"), 1u);
  EXPECT_EQ(concerned.count("threat-actor"), 1u);
  EXPECT_EQ(concerned.count("indicator"), 3u);
  EXPECT_EQ(concerned.count("phone-number"), 1u);

  size_t sightings = std::count_if(brief.timeline.begin(), brief.timeline.end(),
                                   [](const TimelineEntry& entry) { return entry.object_type == "sighting"; });
  size_t notes = std::count_if(brief.timeline.begin(), brief.timeline.end(),
                               [](const TimelineEntry& entry) { return entry.object_type == "note"; });
  EXPECT_GE(sightings, 2u);
  EXPECT_EQ(notes, 5u);

  auto tajikistan = std::find_if(brief.contributions.begin(), brief.contributions.end(),
                                 [&](const Contribution& c) { return c.state.id == Org("TJ"); });
  ASSERT_NE(tajikistan, brief.contributions.end());
  EXPECT_EQ(tajikistan->tasks_completed,
            std::vector<std::string>{"Inspect river cargo at the Nizhny Panj crossing (synthetic)"});

  std::string html = RenderIncidentReport(brief, {"Kyrgyzstan", *ParseTimestamp("2026-04-01T00:00:00Z"), false});
  EXPECT_NE(html.find("Heroin consignment on the Panj–Batken–Kordai route (synthetic)"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"badge overdue\">overdue</span>"), std::string::npos);
  EXPECT_NE(html.find("Council decision (synthetic)"), std::string::npos);
}

TEST_F(DemoIncidentTest, LaterTheLongRunningTasksAreOverdueToo) {
  IncidentBrief brief = Brief("EU", "2027-03-01T00:00:00Z");
  std::vector<std::string> overdue;
  for (const TaskLine& task : brief.plans.at(0).tasks) {
    if (task.overdue) overdue.push_back(task.name);
  }
  std::sort(overdue.begin(), overdue.end());
  EXPECT_EQ(overdue, (std::vector<std::string>{"Controlled delivery into Almaty (synthetic)",
                                               "Forensic analysis of the courier wallet (synthetic)",
                                               "Secondary inspection of rail freight at Kordai (synthetic)"}));
}

}  // namespace
}  // namespace kenes::respond
