#include "demo/incident_scenario.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "base/json_text.h"
#include "respond/response_types.h"

namespace kenes::demo {
namespace {

constexpr int64_t kHourMs = 3600LL * 1000;
constexpr int64_t kDayMs = 24 * kHourMs;
// The random stream of the incident's ids, apart from the base scenario's.
constexpr uint64_t kStreamSalt = 0x1ced'0000'7e57'0007ULL;

// Base scenario member order: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan.
constexpr size_t kKazakhstan = 0;
constexpr size_t kKyrgyzstan = 1;
constexpr size_t kTajikistan = 2;

// One version of a task: its outcome, who moved it there and when (days after the incident opened).
struct TaskStep {
  std::string_view outcome;
  int responsible;  // -1: the plan owner (a cancellation), else as TaskPlan::responsible
  int64_t day;
};

struct TaskPlan {
  std::string_view name;
  std::string_view description;
  int responsible;  // index into the states of the plan: 0 KZ, 1 KG, 2 TJ, 3 EU
  int64_t priority;
  std::string_view task_type;  // task-type-ov
  // Due: days after the incident opened, or (when absent) a fixed date for long work.
  int64_t due_day;
  std::string_view due_fixed;
  int depends_on;  // index of an earlier task, or -1
  std::string_view error;
  std::vector<TaskStep> steps;  // the first is the task's creation
};

const std::vector<TaskPlan>& Tasks() {
  static const std::vector<TaskPlan> tasks = {
      {"Inspect river cargo at the Nizhny Panj crossing (synthetic)",
       "Tajik border service searches river cargo and vehicles crossing from Afghanistan for the consignment.",
       2,
       90,
       "containment",
       7,
       "",
       -1,
       "",
       {{"pending", 0, 1}, {"ongoing", 2, 2}, {"successful", 2, 6}}},
      {"Trace the courier phone in the Batken corridor (synthetic)",
       "Kyrgyz police locate the courier phone +992 93 555 01 47 reported by Tajikistan.",
       1,
       80,
       "attribution",
       10,
       "",
       -1,
       "The phone went silent after the Batken raid; the lead could not be followed (synthetic).",
       {{"pending", 0, 1}, {"ongoing", 1, 3}, {"failed", 1, 9}}},
      {"Secondary inspection of rail freight at Kordai (synthetic)",
       "Kazakh customs inspect rail freight from Kyrgyzstan matching the route's consignment profile.",
       0,
       70,
       "containment",
       8,
       "",
       -1,
       "",
       {{"pending", 0, 1}, {"ongoing", 0, 2}}},
      {"Forensic analysis of the courier wallet (synthetic)",
       "EU liaison analysts trace the funds of the courier wallet across exchanges.",
       3,
       50,
       "attribution",
       0,
       "2027-01-31T00:00:00.000Z",
       -1,
       "",
       {{"pending", 0, 1}, {"ongoing", 3, 4}}},
      {"Controlled delivery into Almaty (synthetic)",
       "Kazakhstan lets the consignment travel under surveillance to identify the receivers; starts once the Kordai "
       "inspection succeeds.",
       0,
       60,
       "containment",
       0,
       "2027-02-28T00:00:00.000Z",
       2,
       "",
       {{"pending", 0, 1}}},
      {"Request the courier's extradition (synthetic)",
       "Kyrgyzstan prepares an extradition request once the courier is identified by the phone trace.",
       1,
       40,
       "external-outreach",
       20,
       "",
       1,
       "",
       {{"pending", 0, 1}, {"cancelled", -1, 10}}},
  };
  return tasks;
}

class IncidentWriter {
 public:
  IncidentWriter(uint64_t seed, BaseScenario& scenario)
      : random_(seed ^ kStreamSalt), writer_(random_), scenario_(scenario) {
    opened_ms_ = scenario.last_time_ms + kHourMs;
    states_ = {scenario.member_ids[kKazakhstan], scenario.member_ids[kKyrgyzstan], scenario.member_ids[kTajikistan],
               scenario.partner_ids[0]};
  }

  void Write() {
    AddIncident();
    AddLinks();
    AddPlan();
    for (size_t i = 0; i < Tasks().size(); ++i) AddTask(i);
    AddNotes();
    AddSightings();
    scenario_.last_time_ms = std::max(scenario_.last_time_ms, latest_ms_);
  }

 private:
  std::string& NewObject() { return scenario_.objects.emplace_back(); }

  Authoring At(std::string_view author, std::string_view marking, int64_t created_ms, int64_t modified_ms) {
    latest_ms_ = std::max(latest_ms_, modified_ms);
    return {author, marking, created_ms, modified_ms};
  }

  const std::string& Owner() const { return states_[0]; }

  std::string IncidentExtensions(std::string_view status, int64_t criticality, std::string_view severity) {
    std::string affected = "[";
    for (size_t i = 0; i < 3; ++i) {
      if (i > 0) affected += ',';
      AppendJsonString(affected, states_[i]);
    }
    affected += ']';
    std::string out = "{";
    AppendJsonString(out, respond::kIncidentCoreExtension);
    out += R"(:{"extension_type":"property-extension","investigation_status":)";
    AppendJsonString(out, status);
    out += R"(,"determination":"successful-attempt","criticality":)" + std::to_string(criticality) +
           R"(,"incident_types":["drug-trafficking"]},)";
    AppendJsonString(out, respond::kIncidentExtension);
    out += R"(:{"extension_type":"property-extension","severity":)";
    AppendJsonString(out, severity);
    out += R"(,"affected_states":)" + affected + "}}";
    return out;
  }

  void AddIncidentVersion(int64_t modified_ms, std::string_view status, int64_t criticality,
                          std::string_view severity) {
    stix::JsonObjectBuilder builder =
        writer_.BeginWithId(NewObject(), "incident", incident_, At(Owner(), kTlpGreen, opened_ms_, modified_ms));
    builder.String("name", "Heroin consignment on the Panj–Batken–Kordai route (synthetic)")
        .String("description",
                "Synthetic exercise scenario: a heroin consignment of the Pamir Corridor Syndicate crosses the Panj "
                "from Afghanistan into Tajikistan, transits Kyrgyzstan's Batken corridor and is expected at the "
                "Kordai crossing into Kazakhstan. The three states respond together with EU support.")
        .Raw("extensions", IncidentExtensions(status, criticality, severity));
    builder.Finish();
  }

  void AddIncident() {
    incident_ = "incident--" + random_.UuidV4();
    AddIncidentVersion(opened_ms_, "new", 60, "high");
    AddIncidentVersion(opened_ms_ + kDayMs, "open", 85, "critical");
  }

  void AddRelationship(std::string_view type, std::string_view target, int64_t created_ms) {
    std::string id;
    stix::JsonObjectBuilder builder =
        writer_.Begin(NewObject(), "relationship", id, At(Owner(), kTlpGreen, created_ms, created_ms));
    builder.String("relationship_type", type).String("source_ref", incident_).String("target_ref", target);
    builder.Finish();
  }

  // What the incident concerns: the Incident Core relationship where it
  // defines one (attributed-to an intrusion set), related-to otherwise.
  void AddLinks() {
    int64_t at = opened_ms_ + 10 * 60 * 1000;
    AddRelationship("attributed-to", scenario_.intrusion_set_ids[0], at);
    AddRelationship("related-to", scenario_.threat_actor_ids[0], at);
    for (size_t lead = 0; lead < 3; ++lead) AddRelationship("related-to", scenario_.courier_lead_ids[lead], at);
    AddRelationship("related-to", scenario_.courier_phone_id, at);
  }

  void AddPlan() {
    int64_t at = opened_ms_ + kDayMs + kHourMs;
    stix::JsonObjectBuilder builder =
        writer_.Begin(NewObject(), "course-of-action", plan_, At(Owner(), kTlpGreen, at, at));
    std::string extension = "{";
    AppendJsonString(extension, respond::kPlanExtension);
    extension += R"(:{"extension_type":"property-extension","incident_ref":)";
    AppendJsonString(extension, incident_);
    extension += "}}";
    builder.String("name", "Joint interdiction plan for the Northern Caravan route (synthetic)")
        .String("description",
                "Synthetic plan agreed at the council meeting: Tajikistan inspects the Panj crossings, Kyrgyzstan "
                "traces the couriers, Kazakhstan inspects freight at Kordai and prepares a controlled delivery, "
                "the EU analyses the courier wallet.")
        .Raw("extensions", extension);
    builder.Finish();
  }

  std::string TaskExtension(const TaskPlan& task, std::string_view changed_by) {
    std::string out = "{";
    AppendJsonString(out, respond::kTaskObjectExtension);
    out += R"(:{"extension_type":"new-sdo"},)";
    AppendJsonString(out, respond::kTaskExtension);
    out += R"(:{"extension_type":"property-extension","plan_ref":)";
    AppendJsonString(out, plan_);
    out += R"(,"incident_ref":)";
    AppendJsonString(out, incident_);
    out += R"(,"responsible_ref":)";
    AppendJsonString(out, states_[task.responsible]);
    out += R"(,"due":)";
    AppendJsonString(out, task.due_fixed.empty() ? ObjectWriter::TimeText(opened_ms_ + task.due_day * kDayMs)
                                                 : std::string(task.due_fixed));
    if (task.depends_on >= 0) {
      out += R"(,"depends_on_refs":[)";
      AppendJsonString(out, task_ids_[task.depends_on]);
      out += ']';
    }
    out += R"(,"changed_by_ref":)";
    AppendJsonString(out, changed_by);
    out += "}}";
    return out;
  }

  void AddTask(size_t index) {
    const TaskPlan& task = Tasks()[index];
    std::string& id = task_ids_.emplace_back("task--" + random_.UuidV4());
    int64_t created_ms =
        opened_ms_ + task.steps.front().day * kDayMs + 2 * kHourMs + static_cast<int64_t>(index) * 60000;
    std::optional<int64_t> started_ms;
    for (const TaskStep& step : task.steps) {
      int64_t modified_ms = std::max(created_ms, opened_ms_ + step.day * kDayMs + 3 * kHourMs);
      std::string_view changed_by = step.responsible < 0 ? Owner() : std::string_view(states_[step.responsible]);
      if (step.outcome == "ongoing") started_ms = modified_ms;
      stix::JsonObjectBuilder builder =
          writer_.BeginWithId(NewObject(), "task", id, At(Owner(), kTlpGreen, created_ms, modified_ms));
      builder.String("name", task.name)
          .String("description", task.description)
          .String("task_type", task.task_type)
          .String("outcome", step.outcome)
          .Integer("priority", task.priority);
      if (started_ms) builder.String("start_time", ObjectWriter::TimeText(*started_ms));
      bool final = step.outcome == "successful" || step.outcome == "failed" || step.outcome == "cancelled";
      if (final) builder.String("end_time", ObjectWriter::TimeText(modified_ms));
      if (step.outcome == "failed" && !task.error.empty()) builder.String("error", task.error);
      builder.Raw("extensions", TaskExtension(task, changed_by));
      builder.Finish();
    }
  }

  void AddNote(size_t state, std::string_view marking, int64_t at, std::string_view abstract, std::string_view content,
               const std::vector<std::string>& about) {
    std::string id;
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "note", id, At(states_[state], marking, at, at));
    builder.String("abstract", abstract).String("content", content).StringList("object_refs", about);
    builder.Finish();
  }

  void AddNotes() {
    AddNote(0, kTlpGreen, opened_ms_ + kDayMs + 30 * 60000, "Council decision (synthetic)",
            "The council opens a joint interdiction plan; Kazakhstan coordinates, Tajikistan and Kyrgyzstan act on "
            "their sections of the route, the EU supports the financial trace.",
            {incident_, plan_});
    AddNote(2, kTlpGreen, opened_ms_ + 6 * kDayMs + 4 * kHourMs, "Seizure at Nizhny Panj (synthetic)",
            "14 kg of heroin seized in river cargo; one courier detained, carrying the phone Tajikistan reported.",
            {incident_, task_ids_[0]});
    AddNote(1, kTlpGreen, opened_ms_ + 9 * kDayMs + 4 * kHourMs, "Phone trace ended (synthetic)",
            "The courier phone went silent after the Batken raid; the lead is closed.", {task_ids_[1]});
    AddNote(0, kTlpGreen, opened_ms_ + 10 * kDayMs + 4 * kHourMs, "Decision: extradition request cancelled (synthetic)",
            "Without the phone trace the courier cannot be identified; Kazakhstan cancels the extradition task.",
            {plan_, task_ids_[5]});
    AddNote(3, kTlpAmber, opened_ms_ + 5 * kDayMs, "EU liaison comment (synthetic)",
            "The courier wallet received funds from an exchange already under review in a Balkan case.",
            {task_ids_[3]});
  }

  void AddSighting(size_t state, std::string_view indicator, int64_t seen_ms, int64_t count, std::string_view where) {
    std::string id;
    stix::JsonObjectBuilder builder =
        writer_.Begin(NewObject(), "sighting", id, At(states_[state], kTlpGreen, seen_ms + kHourMs, seen_ms + kHourMs));
    builder.String("description", where)
        .String("first_seen", ObjectWriter::TimeText(seen_ms))
        .String("last_seen", ObjectWriter::TimeText(seen_ms + 20 * 60000))
        .Integer("count", count)
        .String("sighting_of_ref", indicator)
        .StringList("where_sighted_refs", {std::string_view(states_[state])});
    builder.Finish();
  }

  // The courier phone in Tajikistan's spelling, seen by Kyrgyzstan; in Uzbekistan's, by Kazakhstan.
  void AddSightings() {
    AddSighting(1, scenario_.courier_lead_ids[1], opened_ms_ + 4 * kDayMs, 2,
                "Synthetic sighting: the courier phone connected to a cell in the Batken corridor.");
    AddSighting(0, scenario_.courier_lead_ids[0], opened_ms_ + 5 * kDayMs, 3,
                "Synthetic sighting: the courier phone was active near the Kordai crossing.");
  }

  SeededRandom random_;
  ObjectWriter writer_;
  BaseScenario& scenario_;
  std::vector<std::string> states_;  // Kazakhstan (the owner), Kyrgyzstan, Tajikistan, the EU
  int64_t opened_ms_ = 0;
  int64_t latest_ms_ = 0;
  std::string incident_;
  std::string plan_;
  std::vector<std::string> task_ids_;
};

}  // namespace

void AddIncidentScenario(uint64_t seed, BaseScenario& scenario) {
  // The validator checks the response extensions' properties once they are registered.
  (void)respond::RegisterResponseTypes();  // constant definitions, checked by tests/respond
  IncidentWriter(seed, scenario).Write();
}

}  // namespace kenes::demo
