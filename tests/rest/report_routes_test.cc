// GET /api/v1/incidents/{id}/report over real HTTP: the HTML document as
// each organisation may see it, hidden incidents as unknown ones, audited
// TLP:AMBER reads, and the assistance gaps ApiOptions provides.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "rest/rest_node.h"

namespace kenes::rest {
namespace {

using share::Role;

const std::string kIncident = "incident--3f1d2c6e-8a4b-4c1e-9d2f-5b6a7c8d9e01";
const std::string kPlan = "course-of-action--3f1d2c6e-8a4b-4c1e-9d2f-5b6a7c8d9e02";
const std::string kTask = "task--3f1d2c6e-8a4b-4c1e-9d2f-5b6a7c8d9e03";
const std::string kUnknown = "incident--3f1d2c6e-8a4b-4c1e-9d2f-5b6a7c8d9e99";

std::string IncidentJson(const std::string& id, const std::string& name) {
  return fmt::format(
      R"({{"type":"incident","id":"{}","name":"{}","extensions":{{)"
      R"("extension-definition--ef765651-680c-498d-9894-99799f2fa126":{{"extension_type":"property-extension",)"
      R"("investigation_status":"open","determination":"suspected"}},)"
      R"("extension-definition--b05dca82-07d9-4457-8d5b-7ce09de4a7c5":{{"extension_type":"property-extension",)"
      R"("severity":"high"}}}}}})",
      id, name);
}

class ReportRoutesTest : public ::testing::Test {
 protected:
  void Start(ApiOptions options = {}) {
    node_ = std::make_unique<RestNode>(std::vector<share::OrganisationSpec>{}, std::move(options));
    kz_analyst_ = node_->AddUser("kz.analyst", "KZ", Role::kAnalyst);
    kg_reader_ = node_->AddUser("kg.reader", "KG", Role::kReader);
  }

  void Create(const std::string& object, std::string_view extra) {
    http::Response response = node_->Post(kz_analyst_, "/api/v1/objects", WriteBody(object, extra));
    ASSERT_EQ(response.status, 201) << response.body;
  }

  // Kazakhstan's incident and plan for the community; a task for Kazakhstan only, at TLP:AMBER.
  void WriteIncident() {
    Create(IncidentJson(kIncident, "Heroin route through Batken"), R"("tlp":"green","distribution":"community")");
    Create(fmt::format(R"({{"type":"course-of-action","id":"{}","name":"Interdiction plan","extensions":{{)"
                       R"("extension-definition--4df9ce4f-7814-4f1f-982b-8bcae5de11bd":{{)"
                       R"("extension_type":"property-extension","incident_ref":"{}"}}}}}})",
                       kPlan, kIncident),
           R"("tlp":"green","distribution":"community")");
    Create(fmt::format(R"({{"type":"task","id":"{}","name":"Brief the informant","outcome":"pending","extensions":{{)"
                       R"("extension-definition--2074a052-8be4-4932-849e-f5e7798e0030":{{"extension_type":"new-sdo"}},)"
                       R"("extension-definition--16b0ada2-9d57-4f9f-b4c1-d023634b2317":{{)"
                       R"("extension_type":"property-extension","plan_ref":"{}","incident_ref":"{}",)"
                       R"("responsible_ref":"{}"}}}}}})",
                       kTask, kPlan, kIncident, kz_analyst_.principal.organisation),
           R"("tlp":"amber","distribution":"organisation")");
  }

  std::unique_ptr<RestNode> node_;
  TestUser kz_analyst_;
  TestUser kg_reader_;
};

TEST_F(ReportRoutesTest, EachOrganisationGetsTheReportItMaySee) {
  Start();
  WriteIncident();
  http::Response ours = node_->Get(kz_analyst_, "/api/v1/incidents/" + kIncident + "/report");
  ASSERT_EQ(ours.status, 200) << ours.body;
  EXPECT_EQ(ours.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(ours.Header("Cache-Control"), "private, no-store");
  EXPECT_TRUE(ours.body.starts_with("<!DOCTYPE html>"));
  EXPECT_NE(ours.body.find("Heroin route through Batken"), std::string::npos);
  EXPECT_NE(ours.body.find("Brief the informant"), std::string::npos);
  EXPECT_NE(ours.body.find("Mutual assistance is not tracked on this node."), std::string::npos);
  Result<share::Organisation> kazakhstan = node_->community().FindOrganisation("KZ");
  ASSERT_TRUE(kazakhstan.ok());
  EXPECT_NE(ours.body.find("Rendered for <strong>" + kazakhstan->name + "</strong>"), std::string::npos);

  http::Response theirs = node_->Get(kg_reader_, "/api/v1/incidents/" + kIncident + "/report");
  ASSERT_EQ(theirs.status, 200) << theirs.body;
  EXPECT_NE(theirs.body.find("Interdiction plan"), std::string::npos);
  EXPECT_EQ(theirs.body.find("Brief the informant"), std::string::npos);
  Result<share::Organisation> kyrgyzstan = node_->community().FindOrganisation("KG");
  ASSERT_TRUE(kyrgyzstan.ok());
  EXPECT_NE(theirs.body.find("Rendered for <strong>" + kyrgyzstan->name + "</strong>"), std::string::npos);
}

TEST_F(ReportRoutesTest, AmberContentsAreAuditedForTheirReader) {
  Start();
  WriteIncident();
  ASSERT_EQ(node_->Get(kz_analyst_, "/api/v1/incidents/" + kIncident + "/report").status, 200);
  share::AuditFilter filter;
  filter.actor = "kz.analyst";
  Result<std::vector<share::AuditEntry>> entries = node_->community().audit().Show(filter);
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  bool audited = std::any_of(entries->begin(), entries->end(), [](const share::AuditEntry& entry) {
    return entry.action == "object.read" && (entry.detail + entry.target).find(kTask) != std::string::npos;
  });
  EXPECT_TRUE(audited) << "the TLP:AMBER task in the report is an audited read";
}

TEST_F(ReportRoutesTest, AHiddenIncidentIsNotFoundInTheWordsOfAnUnknownOne) {
  Start();
  Create(IncidentJson(kIncident, "Ours alone"), R"("tlp":"amber","distribution":"organisation")");
  http::Response hidden = node_->Get(kg_reader_, "/api/v1/incidents/" + kIncident + "/report");
  http::Response unknown = node_->Get(kg_reader_, "/api/v1/incidents/" + kUnknown + "/report");
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(JsonBody(hidden.body).String("/error/message"), "no incident " + kIncident);
  EXPECT_EQ(JsonBody(unknown.body).String("/error/message"), "no incident " + kUnknown);
  EXPECT_EQ(hidden.body.find("Ours alone"), std::string::npos);
  EXPECT_EQ(node_->Get(kz_analyst_, "/api/v1/incidents/" + kIncident + "/report").status, 200);
}

TEST_F(ReportRoutesTest, BadRequestsAreRefused) {
  Start();
  EXPECT_EQ(node_->Get(kz_analyst_, "/api/v1/incidents/not-an-id/report").status, 400);
  EXPECT_EQ(node_->Get(kz_analyst_, "/api/v1/incidents/" + kUnknown + "/report?format=pdf").status, 400);
  EXPECT_EQ(node_->Send(nullptr, http::Method::kGet, "/api/v1/incidents/" + kUnknown + "/report").status, 401);
}

TEST_F(ReportRoutesTest, AssistanceGapsComeFromTheApiOptions) {
  ApiOptions options;
  std::string asked_about;
  options.incident_assistance_gaps = [&asked_about](
                                         std::string_view incident,
                                         const store::Viewer*) -> Result<std::vector<respond::AssistanceGapLine>> {
    asked_about = incident;
    respond::AssistanceGapLine line;
    line.request_name = "Detection dogs for Kordai";
    line.item = "dog team";
    line.unit = "teams";
    line.needed = 4;
    line.pledged = 1;
    line.open_gap = 3;
    return std::vector<respond::AssistanceGapLine>{line};
  };
  Start(std::move(options));
  WriteIncident();
  http::Response report = node_->Get(kg_reader_, "/api/v1/incidents/" + kIncident + "/report");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(asked_about, kIncident);
  EXPECT_NE(report.body.find("Detection dogs for Kordai"), std::string::npos);
  EXPECT_EQ(report.body.find("not tracked"), std::string::npos);
}

}  // namespace
}  // namespace kenes::rest
