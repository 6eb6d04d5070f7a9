#include "report/response_fixture.h"

#include <fmt/format.h>

#include "base/json_text.h"
#include "share/access_viewer.h"
#include "share/write_labeller.h"
#include "support/import_lines.h"

namespace kenes::respond {
namespace {

std::string JsonList(const std::vector<std::string>& values) {
  std::string out = "[";
  for (const std::string& value : values) {
    if (out.size() > 1) out += ',';
    AppendJsonString(out, value);
  }
  return out + "]";
}

}  // namespace

std::string TestId(const std::string& type, int number) {
  return fmt::format("{}--00000000-0000-4000-8000-{:012d}", type, number);
}

std::string ResponseFixture::Org(const std::string& code) {
  Result<share::Organisation> organisation = community_->FindOrganisation(code);
  EXPECT_TRUE(organisation.ok()) << code;
  return organisation.ok() ? organisation->id : "";
}

void ResponseFixture::Import(const std::string& author, const std::vector<std::string>& objects, share::Tlp tlp,
                             share::DistributionKind distribution) {
  share::LabelDefaults defaults{Org(author), tlp, {distribution, ""}};
  Result<share::WriteLabel> labeller = share::WriteLabeller(*store_, *community_, operator_, defaults);
  ASSERT_TRUE(labeller.ok()) << labeller.status().ToString();
  ingest::ImportOptions options;
  options.label = std::move(labeller).value();
  const std::vector<std::string> errors = test::ImportLines(*store_, std::move(options), objects);
  EXPECT_TRUE(errors.empty()) << fmt::format("{}", fmt::join(errors, "\n"));
}

std::string ResponseFixture::Incident(const std::string& id, const std::string& owner, const std::string& name,
                                      const std::string& status, const std::string& severity,
                                      const std::vector<std::string>& affected, const std::string& modified) {
  std::vector<std::string> states;
  for (const std::string& code : affected) states.push_back(Org(code));
  return fmt::format(
      R"({{"type":"incident","spec_version":"2.1","id":"{}","created":"2026-05-01T00:00:00.000Z","modified":"{}",)"
      R"("created_by_ref":"{}","name":{},"description":"A test incident.","extensions":{{)"
      R"("extension-definition--ef765651-680c-498d-9894-99799f2fa126":{{"extension_type":"property-extension",)"
      R"("investigation_status":"{}","determination":"suspected","criticality":70}},)"
      R"("extension-definition--b05dca82-07d9-4457-8d5b-7ce09de4a7c5":{{"extension_type":"property-extension",)"
      R"("severity":"{}","affected_states":{}}}}}}})",
      id, modified, Org(owner), JsonString(name), status, severity, JsonList(states));
}

std::string ResponseFixture::Plan(const std::string& id, const std::string& owner, const std::string& incident,
                                  const std::string& name) {
  return fmt::format(
      R"({{"type":"course-of-action","spec_version":"2.1","id":"{}","created":"2026-05-01T01:00:00.000Z",)"
      R"("modified":"2026-05-01T01:00:00.000Z","created_by_ref":"{}","name":{},"description":"The plan.",)"
      R"("extensions":{{"extension-definition--4df9ce4f-7814-4f1f-982b-8bcae5de11bd":{{)"
      R"("extension_type":"property-extension","incident_ref":"{}"}}}}}})",
      id, Org(owner), JsonString(name), incident);
}

std::string ResponseFixture::Task(const TaskSpec& task, const std::string& owner, const std::string& plan,
                                  const std::string& incident) {
  std::string due = task.due.empty() ? "" : fmt::format(R"("due":"{}",)", task.due);
  std::string depends_on =
      task.depends_on.empty() ? "" : fmt::format(R"("depends_on_refs":{},)", JsonList(task.depends_on));
  return fmt::format(
      R"({{"type":"task","spec_version":"2.1","id":"{}","created":"2026-05-01T02:00:00.000Z","modified":"{}",)"
      R"("created_by_ref":"{}","name":{},"description":"A task.","outcome":"{}","priority":50,"extensions":{{)"
      R"("extension-definition--2074a052-8be4-4932-849e-f5e7798e0030":{{"extension_type":"new-sdo"}},)"
      R"("extension-definition--16b0ada2-9d57-4f9f-b4c1-d023634b2317":{{"extension_type":"property-extension",)"
      R"("plan_ref":"{}","incident_ref":"{}","responsible_ref":"{}",{}{}"changed_by_ref":"{}"}}}}}})",
      task.id, task.modified, Org(owner), JsonString(task.name), task.outcome, plan, incident, Org(task.responsible),
      due, depends_on, Org(task.changed_by.empty() ? owner : task.changed_by));
}

std::string ResponseFixture::Note(const std::string& id, const std::string& author, const std::string& content,
                                  const std::vector<std::string>& about) {
  return fmt::format(R"({{"type":"note","spec_version":"2.1","id":"{}","created":"2026-05-03T00:00:00.000Z",)"
                     R"("modified":"2026-05-03T00:00:00.000Z","created_by_ref":"{}","content":{},"object_refs":{}}})",
                     id, Org(author), JsonString(content), JsonList(about));
}

std::string ResponseFixture::Relationship(const std::string& id, const std::string& author, const std::string& type,
                                          const std::string& source, const std::string& target) {
  return fmt::format(R"({{"type":"relationship","spec_version":"2.1","id":"{}","created":"2026-05-01T00:30:00.000Z",)"
                     R"("modified":"2026-05-01T00:30:00.000Z","created_by_ref":"{}","relationship_type":"{}",)"
                     R"("source_ref":"{}","target_ref":"{}"}})",
                     id, Org(author), type, source, target);
}

std::string ResponseFixture::ThreatActor(const std::string& id, const std::string& author, const std::string& name) {
  return fmt::format(R"({{"type":"threat-actor","spec_version":"2.1","id":"{}","created":"2026-04-01T00:00:00.000Z",)"
                     R"("modified":"2026-04-01T00:00:00.000Z","created_by_ref":"{}","name":{}}})",
                     id, Org(author), JsonString(name));
}

store::Viewer ResponseFixture::ViewerOf(const std::string& code) {
  Result<share::ViewerFacts> facts = share::ViewerFactsOf(*community_, code);
  EXPECT_TRUE(facts.ok()) << facts.status().ToString();
  return facts.ok() ? share::StoreViewer(*facts) : store::Viewer{};
}

}  // namespace kenes::respond
