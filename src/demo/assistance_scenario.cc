#include "demo/assistance_scenario.h"

#include <simdjson.h>

#include <algorithm>
#include <string>
#include <vector>

#include "assist/assistance_types.h"
#include "assist/extension_definitions.h"
#include "base/json_text.h"

namespace kenes::demo {
namespace {

constexpr int64_t kHourMs = 3600LL * 1000;
// The random stream of the assistance objects' ids, apart from the other scenarios'.
constexpr uint64_t kStreamSalt = 0xa551'0000'f100'd0a7ULL;

struct Need {
  std::string_view line_id;
  std::string_view item;
  int64_t quantity;
  std::string_view unit;
  std::string_view priority;
};

constexpr Need kNeeds[] = {
    {"pumps", "pump", 40, "unit", "critical"},        {"boats", "boat", 12, "unit", "high"},
    {"rescue", "rescue-team", 6, "team", "critical"}, {"water", "drinking-water", 200000, "litre", "high"},
    {"tents", "tent", 500, "unit", "medium"},         {"helicopters", "helicopter", 4, "unit", "high"},
};

// One line of an offer as it stands in a version.
struct Line {
  std::string_view line_id;
  int64_t quantity;
  std::string_view note;
  int64_t accepted = 0;
  int64_t dispatched = 0;
  int64_t delivered = 0;
};

// One version of an offer: its status, lines, who changed it (empty: the
// offerer made it) and when (hours after the request).
struct OfferStep {
  std::string_view status;
  std::vector<Line> lines;
  bool by_requester = false;
  int64_t hour;
};

struct OfferPlan {
  bool partner;         // from the partners, else the members
  size_t organisation;  // index into member_ids or partner_ids
  std::vector<OfferStep> steps;
};

const std::vector<OfferPlan>& Offers() {
  // Members: KZ, KG, TJ, TM, UZ; partners: EU, CN, US, GCC, DE (base_scenario.h).
  static const std::vector<OfferPlan> offers = {
      {false,
       4,  // Uzbekistan: pumps, accepted, most dispatched, some delivered
       {{"pledged", {{"pumps", 12, "Mobile pumping units with crews (synthetic)"}}, false, 3},
        {"accepted", {{"pumps", 12, "Mobile pumping units with crews (synthetic)", 12}}, true, 6},
        {"accepted", {{"pumps", 12, "Mobile pumping units with crews (synthetic)", 12, 10, 6}}, false, 30}}},
      {false,
       1,  // Kyrgyzstan: rescue teams and boats, accepted in part, partly delivered
       {{"pledged", {{"rescue", 3, "Mountain rescue teams (synthetic)"}, {"boats", 6, ""}}, false, 4},
        {"accepted", {{"rescue", 3, "Mountain rescue teams (synthetic)", 3}, {"boats", 6, "", 4}}, true, 8},
        {"accepted",
         {{"rescue", 3, "Mountain rescue teams (synthetic)", 3, 3, 3}, {"boats", 6, "", 4, 4, 2}},
         false,
         20}}},
      {true,
       0,  // the EU: water and tents, pledged, awaiting Kazakhstan's answer
       {{"pledged",
         {{"water", 80000, "Bottled water via the EU civil protection mechanism (synthetic)"}, {"tents", 200, ""}},
         false,
         10}}},
      {true,
       3,  // the GCC: tents, pledged
       {{"pledged", {{"tents", 150, "Family tents (synthetic)"}}, false, 14}}},
      {true,
       1,  // China: helicopters, declined (Kazakhstan's airspace plan has no slot for them)
       {{"pledged", {{"helicopters", 2, "Heavy-lift helicopters (synthetic)"}}, false, 5},
        {"declined", {{"helicopters", 2, "Heavy-lift helicopters (synthetic)"}}, true, 9}}},
  };
  return offers;
}

std::string Extension(std::string_view definition_id) {
  std::string out = "{";
  AppendJsonString(out, definition_id);
  out += R"(:{"extension_type":"new-sdo"}})";
  return out;
}

std::string NeedsJson() {
  std::string out = "[";
  for (const Need& need : kNeeds) {
    if (out.size() > 1) out += ',';
    out += R"({"line_id":)" + JsonString(need.line_id) + R"(,"item":)" + JsonString(need.item) + R"(,"quantity":)" +
           std::to_string(need.quantity) + R"(,"unit":)" + JsonString(need.unit) + R"(,"priority":)" +
           JsonString(need.priority) + "}";
  }
  return out + "]";
}

std::string UnitOf(std::string_view line_id) {
  for (const Need& need : kNeeds) {
    if (need.line_id == line_id) return std::string(need.unit);
  }
  return "unit";
}

std::string LinesJson(const std::vector<Line>& lines) {
  std::string out = "[";
  for (const Line& line : lines) {
    if (out.size() > 1) out += ',';
    out += R"({"line_id":)" + JsonString(line.line_id) + R"(,"quantity":)" + std::to_string(line.quantity) +
           R"(,"unit":)" + JsonString(UnitOf(line.line_id));
    if (!line.note.empty()) out += R"(,"note":)" + JsonString(line.note);
    for (auto [name, value] : {std::pair{"accepted", line.accepted}, std::pair{"dispatched", line.dispatched},
                               std::pair{"delivered", line.delivered}}) {
      if (value > 0) out += R"(,")" + std::string(name) + R"(":)" + std::to_string(value);
    }
    out += '}';
  }
  return out + "]";
}

class AssistanceWriter {
 public:
  AssistanceWriter(uint64_t seed, BaseScenario& scenario)
      : random_(seed ^ kStreamSalt), writer_(random_), scenario_(scenario) {
    requested_ms_ = scenario.last_time_ms + kHourMs;
  }

  void Write() {
    AddDefinitions();
    AddRequest();
    for (const OfferPlan& offer : Offers()) AddOffer(offer);
    scenario_.last_time_ms = std::max(scenario_.last_time_ms, latest_ms_);
  }

 private:
  std::string& NewObject() { return scenario_.objects.emplace_back(); }
  const std::string& Kazakhstan() const { return scenario_.member_ids[0]; }

  Authoring At(std::string_view author, int64_t created_ms, int64_t modified_ms) {
    latest_ms_ = std::max(latest_ms_, modified_ms);
    return {author, kTlpGreen, created_ms, modified_ms};
  }

  // Kenes' assistance extension definitions, one line each, so the node stores them.
  void AddDefinitions() {
    simdjson::dom::parser parser;
    for (std::string_view definition : assist::ExtensionDefinitionTexts()) {
      simdjson::dom::element parsed;
      if (parser.parse(simdjson::padded_string(definition)).get(parsed) == simdjson::SUCCESS) {
        scenario_.objects.push_back(simdjson::minify(parsed));
      }
    }
  }

  void AddRequest() {
    request_ = std::string(assist::kRequestType) + "--" + random_.UuidV4();
    stix::JsonObjectBuilder builder = writer_.BeginWithId(NewObject(), assist::kRequestType, request_,
                                                          At(Kazakhstan(), requested_ms_, requested_ms_));
    builder.String("name", "Spring flood in Atyrau Region: request for mutual assistance (synthetic)")
        .String("description",
                "Synthetic exercise scenario: the Ural river has broken its banks below Atyrau; 11 settlements are "
                "evacuated. Kazakhstan asks member states and partners for pumps, boats, rescue teams, drinking "
                "water, tents and helicopters.")
        .String("hazard", "flood")
        .String("location_ref", scenario_.flood_zone_ids.front())
        .String("incident_ref", scenario_.flood_incident_id)
        .String("status", "open")
        .Raw("needs", NeedsJson())
        .Raw("extensions", Extension(assist::kRequestDefinitionId));
    builder.Finish();
  }

  void AddOffer(const OfferPlan& plan) {
    const std::string& offerer = (plan.partner ? scenario_.partner_ids : scenario_.member_ids)[plan.organisation];
    const std::string id = std::string(assist::kOfferType) + "--" + random_.UuidV4();
    const int64_t created_ms = requested_ms_ + plan.steps.front().hour * kHourMs;
    for (const OfferStep& step : plan.steps) {
      stix::JsonObjectBuilder builder = writer_.BeginWithId(
          NewObject(), assist::kOfferType, id, At(offerer, created_ms, requested_ms_ + step.hour * kHourMs));
      builder.String("request_ref", request_).String("status", step.status).Raw("lines", LinesJson(step.lines));
      if (step.by_requester) builder.String("changed_by_ref", Kazakhstan());
      builder.Raw("extensions", Extension(assist::kOfferDefinitionId));
      builder.Finish();
    }
  }

  SeededRandom random_;
  ObjectWriter writer_;
  BaseScenario& scenario_;
  int64_t requested_ms_ = 0;
  int64_t latest_ms_ = 0;
  std::string request_;
};

}  // namespace

void AddAssistanceScenario(uint64_t seed, BaseScenario& scenario) {
  // The validator checks the assistance types once they are registered.
  (void)assist::RegisterAssistanceTypes();  // constant definitions, checked by tests/assist
  AssistanceWriter(seed, scenario).Write();
}

}  // namespace kenes::demo
