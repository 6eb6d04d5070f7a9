#include "demo/base_scenario.h"

#include <simdjson.h>

#include <array>
#include <span>
#include <utility>

#include "observable/extension_definitions.h"
#include "observable/kenes_sco_types.h"
#include "respond/extension_definitions.h"
#include "share/default_community.h"

namespace kenes::demo {
namespace {

// 2026-03-02T06:00:00Z: the scenario's first morning.
constexpr int64_t kScenarioStartMs = 1772323200LL * 1000 + 30LL * 3600 * 1000;
constexpr int64_t kMinuteMs = 60 * 1000;

constexpr std::string_view kTlpExtensionJson =
    R"({"id":"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d","type":"extension-definition",)"
    R"("spec_version":"2.1","name":"TLP 2.0","description":"This defines TLP 2.0 as a STIX extension",)"
    R"("created":"2022-10-01T00:00:00.000Z","modified":"2022-10-01T00:00:00.000Z",)"
    R"("created_by_ref":"identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01",)"
    R"("schema":"https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0",)"
    R"("version":"1.0.0","extension_types":["property-extension"]})";

struct TlpLevel {
  std::string_view id;
  std::string_view name;
  std::string_view level;
};

constexpr TlpLevel kTlpLevels[] = {
    {kTlpClear, "TLP:CLEAR", "clear"}, {kTlpGreen, "TLP:GREEN", "green"},
    {kTlpAmber, "TLP:AMBER", "amber"}, {kTlpAmberStrict, "TLP:AMBER+STRICT", "amber+strict"},
    {kTlpRed, "TLP:RED", "red"},
};

constexpr std::string_view kMemberDescription =
    "Synthetic demo identity for a member of the Central Asia security intelligence community.";
constexpr std::string_view kPartnerDescription =
    "Synthetic demo identity for a Central Asia Plus partner of the security intelligence community.";

// The organisations are the default community's, with its identity ids
// whatever the seed, so the demo's authors are the community `kenes init`
// founds. Members come first, in the order of BaseScenario::member_ids.
const std::vector<share::OrganisationSpec>& Organizations() {
  static const std::vector<share::OrganisationSpec> organizations = share::DefaultCommunity();
  return organizations;
}

bool IsMember(const share::OrganisationSpec& organization) { return organization.standing == share::Standing::kMember; }

enum class PlaceKind { kCountry, kCrossing, kFloodZone };

struct Place {
  PlaceKind kind;
  std::string_view name;
  std::string_view country;
  std::string_view region;
  double latitude;  // approximate; used for crossings and flood zones
  double longitude;
  std::string_view description;
};

// Countries come first, members in the order of BaseScenario::member_ids.
constexpr Place kPlaces[] = {
    {PlaceKind::kCountry, "Kazakhstan", "KZ", "central-asia", 0, 0, "Member state (synthetic scenario)."},
    {PlaceKind::kCountry, "Kyrgyzstan", "KG", "central-asia", 0, 0, "Member state (synthetic scenario)."},
    {PlaceKind::kCountry, "Tajikistan", "TJ", "central-asia", 0, 0, "Member state (synthetic scenario)."},
    {PlaceKind::kCountry, "Turkmenistan", "TM", "central-asia", 0, 0, "Member state (synthetic scenario)."},
    {PlaceKind::kCountry, "Uzbekistan", "UZ", "central-asia", 0, 0, "Member state (synthetic scenario)."},
    {PlaceKind::kCountry, "Afghanistan", "AF", "southern-asia", 0, 0,
     "Origin of the trafficking routes in this synthetic scenario."},
    {PlaceKind::kCrossing, "Nizhny Panj border crossing", "TJ", "central-asia", 37.23, 68.6,
     "Tajik-Afghan crossing on the Panj river; synthetic route waypoint."},
    {PlaceKind::kCrossing, "Termez Friendship Bridge", "UZ", "central-asia", 37.23, 67.27,
     "Uzbek-Afghan crossing on the Amu Darya; synthetic route waypoint."},
    {PlaceKind::kCrossing, "Serhetabat border crossing", "TM", "central-asia", 35.28, 62.34,
     "Turkmen-Afghan crossing; synthetic route waypoint."},
    {PlaceKind::kCrossing, "Batken transit corridor", "KG", "central-asia", 40.06, 70.82,
     "Kyrgyz transit area near the Tajik border; synthetic route waypoint."},
    {PlaceKind::kCrossing, "Kordai border crossing", "KZ", "central-asia", 43.04, 74.71,
     "Kazakh-Kyrgyz crossing on the northern route; synthetic route waypoint."},
    {PlaceKind::kFloodZone, "Atyrau Region flood zone", "KZ", "central-asia", 47.11, 51.92,
     "Synthetic flood zone along the lower Ural river."},
    {PlaceKind::kFloodZone, "Kostanay Region flood zone", "KZ", "central-asia", 53.21, 63.62,
     "Synthetic flood zone along the Tobol river."},
    {PlaceKind::kFloodZone, "Aktobe Region flood zone", "KZ", "central-asia", 50.28, 57.17,
     "Synthetic flood zone along the Ilek river."},
};

struct Actor {
  std::string_view name;
  std::string_view type;  // threat-actor-type-ov
  std::string_view motivation;
  std::string_view description;
};

constexpr Actor kActors[] = {
    {"Pamir Corridor Syndicate", "crime-syndicate", "personal-gain",
     "Synthetic network moving Afghan opiates across the Panj into Tajikistan and north through Kyrgyzstan "
     "to Kazakhstan and on to Russia and Europe."},
    {"Steppe Crystal Network", "crime-syndicate", "personal-gain",
     "Synthetic network trafficking Afghan methamphetamine through Turkmenistan and Uzbekistan to Kazakhstan."},
    {"Amu Darya Arms Brokers", "criminal", "personal-gain",
     "Synthetic brokers smuggling small arms and ammunition left in Afghanistan across the Amu Darya."},
    {"Digital Minbar Recruiters", "terrorist", "ideology",
     "Synthetic extremist network recruiting young labour migrants through messaging channels and forums."},
};

struct Operation {
  std::string_view name;
  size_t actor;  // index into kActors
  std::string_view goal;
};

constexpr Operation kOperations[] = {
    {"Operation Northern Caravan", 0, "Move opiate consignments from Badakhshan to Kazakh distribution hubs."},
    {"Operation White Salt", 1, "Establish a methamphetamine route through Turkmen and Uzbek rail freight."},
    {"Operation Iron Ferry", 2, "Ferry small arms across the Amu Darya in river cargo."},
    {"Operation Open Door", 3, "Recruit labour migrants online and move them to conflict zones."},
};

struct Observable {
  std::string_view type;
  std::string_view value;  // for file: the SHA-256
  std::string_view file_name;
  size_t operation;  // index into kOperations
  std::string_view pattern;
};

constexpr Observable kObservables[] = {
    {"ipv4-addr", "192.0.2.17", "", 0, "[ipv4-addr:value = '192.0.2.17']"},
    {"ipv4-addr", "192.0.2.44", "", 1, "[ipv4-addr:value = '192.0.2.44']"},
    {"ipv4-addr", "192.0.2.201", "", 2, "[ipv4-addr:value = '192.0.2.201']"},
    {"domain-name", "caravan-relay.example", "", 0, "[domain-name:value = 'caravan-relay.example']"},
    {"domain-name", "white-salt-freight.test", "", 1, "[domain-name:value = 'white-salt-freight.test']"},
    {"domain-name", "open-door-lessons.invalid", "", 3, "[domain-name:value = 'open-door-lessons.invalid']"},
    {"url", "https://open-door-lessons.invalid/join/step1", "", 3,
     "[url:value = 'https://open-door-lessons.invalid/join/step1']"},
    {"email-addr", "quartermaster@iron-ferry.example", "", 2,
     "[email-addr:value = 'quartermaster@iron-ferry.example']"},
    {"email-addr", "mentor@open-door-lessons.invalid", "", 3,
     "[email-addr:value = 'mentor@open-door-lessons.invalid']"},
    {"file", "5b3fd0a9c1e4b8f27d6a0e9c3b1f48d2a7e6c5b4a3f2e1d0c9b8a7f6e5d4c3b2", "route-ledger.xlsx", 0,
     "[file:hashes.'SHA-256' = '5b3fd0a9c1e4b8f27d6a0e9c3b1f48d2a7e6c5b4a3f2e1d0c9b8a7f6e5d4c3b2']"},
    {"file", "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d", "recruitment-guide.pdf", 3,
     "[file:hashes.'SHA-256' = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0f9e8d']"},
};

class ScenarioBuilder {
 public:
  ScenarioBuilder(SeededRandom& random, ObjectWriter& writer, BaseScenario& scenario)
      : random_(random), writer_(writer), scenario_(scenario) {}

  void Build() {
    scenario_.objects.emplace_back(kTlpExtensionJson);
    for (const TlpLevel& level : kTlpLevels) AddMarking(level);
    for (const share::OrganisationSpec& organization : Organizations()) {
      (IsMember(organization) ? scenario_.member_ids : scenario_.partner_ids)
          .push_back(AddIdentity(organization, kTlpClear));
    }
    std::vector<std::string> countries = AddLocations(PlaceKind::kCountry, kTlpClear);
    std::vector<std::string> crossings = AddLocations(PlaceKind::kCrossing, kTlpGreen);
    AddTrafficking(countries, crossings);
    AddCrossBorderLeads();
    AddExtensionDefinitions(respond::ExtensionDefinitionTexts());  // incidents, response plans, tasks
    AddFlood();
    scenario_.last_time_ms = clock_ms_;
  }

 private:
  const std::string& Member(size_t index) const { return scenario_.member_ids[index % scenario_.member_ids.size()]; }

  std::string& NewObject() { return scenario_.objects.emplace_back(); }

  // Each object is written some minutes after the previous one; a third are
  // revised later the same week.
  Authoring By(std::string_view author, std::string_view marking) {
    clock_ms_ += (15 + static_cast<int64_t>(random_.Below(60))) * kMinuteMs;
    int64_t modified = clock_ms_;
    if (random_.Below(3) == 0) modified += static_cast<int64_t>(random_.Below(3 * 24 * 60)) * kMinuteMs;
    return {author, marking, clock_ms_, modified};
  }

  void AddMarking(const TlpLevel& level) {
    stix::JsonObjectBuilder builder(NewObject());
    builder.String("type", "marking-definition")
        .String("spec_version", "2.1")
        .String("id", level.id)
        .String("created", "2022-10-01T00:00:00.000Z")
        .String("name", level.name)
        .Raw("extensions", std::string(R"({")") + std::string(kTlpExtensionDefinition) +
                               R"(":{"extension_type":"property-extension","tlp_2_0":")" + std::string(level.level) +
                               R"("}})");
    builder.Finish();
  }

  std::string AddIdentity(const share::OrganisationSpec& organization, std::string_view marking) {
    stix::JsonObjectBuilder builder = writer_.BeginWithId(NewObject(), "identity", organization.id, By("", marking));
    builder.String("name", organization.name)
        .String("description", IsMember(organization) ? kMemberDescription : kPartnerDescription)
        .String("identity_class", "organization")
        .StringList("sectors", {"government"})
        .String("contact_information", "liaison-" + std::string(organization.code) + "@kenes-demo.example");
    builder.Finish();
    return organization.id;
  }

  // Each place is described by the member state it lies in (Kazakhstan for
  // Afghanistan, as the convening state).
  std::vector<std::string> AddLocations(PlaceKind kind, std::string_view marking) {
    std::vector<std::string> ids;
    for (const Place& place : kPlaces) {
      if (place.kind != kind) continue;
      size_t author = 0;
      for (size_t i = 0; i < Organizations().size(); ++i) {
        if (IsMember(Organizations()[i]) && Organizations()[i].code == place.country) author = i;
      }
      std::string& id = ids.emplace_back();
      stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "location", id, By(Member(author), marking));
      builder.String("name", place.name).String("description", place.description);
      if (kind != PlaceKind::kCountry) {
        builder.Number("latitude", place.latitude).Number("longitude", place.longitude).Number("precision", 5000);
      }
      builder.String("region", place.region).String("country", place.country);
      builder.Finish();
    }
    return ids;
  }

  std::string AddRelationship(std::string_view type, std::string_view source, std::string_view target,
                              std::string_view author, std::string_view marking) {
    std::string id;
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "relationship", id, By(author, marking));
    builder.String("relationship_type", type).String("source_ref", source).String("target_ref", target);
    builder.Finish();
    return id;
  }

  void AddTrafficking(const std::vector<std::string>& countries, const std::vector<std::string>& crossings) {
    std::vector<std::string> actors;
    for (size_t i = 0; i < std::size(kActors); ++i) {
      const Actor& actor = kActors[i];
      std::string id;
      stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "threat-actor", id, By(Member(i + 2), kTlpAmber));
      builder.String("name", std::string(actor.name) + " (synthetic)")
          .String("description", actor.description)
          .StringList("threat_actor_types", {actor.type})
          .String("sophistication", "intermediate")
          .String("resource_level", "organization")
          .String("primary_motivation", actor.motivation)
          .String("first_seen", ObjectWriter::TimeText(kScenarioStartMs - 400LL * 24 * 3600 * 1000));
      builder.Finish();
      actors.push_back(id);
      scenario_.threat_actor_ids.push_back(id);
      AddRelationship("located-at", id, countries[5], Member(i + 2), kTlpAmber);  // based in Afghanistan
      AddRelationship("targets", id, countries[i % 5], Member(i + 2), kTlpAmber);
    }
    // The routes run through the border crossings.
    AddRelationship("located-at", actors[0], crossings[0], Member(2), kTlpAmber);
    AddRelationship("located-at", actors[1], crossings[2], Member(3), kTlpAmber);
    AddRelationship("located-at", actors[2], crossings[1], Member(4), kTlpAmber);
    AddRelationship("located-at", actors[0], crossings[3], Member(1), kTlpAmber);
    AddRelationship("located-at", actors[1], crossings[4], Member(0), kTlpAmber);

    std::vector<std::string> operations;
    for (size_t i = 0; i < std::size(kOperations); ++i) {
      const Operation& operation = kOperations[i];
      std::string id;
      stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "intrusion-set", id, By(Member(i), kTlpAmber));
      builder.String("name", std::string(operation.name) + " (synthetic)")
          .String("description", "Synthetic operation of the " + std::string(kActors[operation.actor].name) + ".")
          .StringList("goals", {operation.goal})
          .String("resource_level", "organization")
          .String("primary_motivation", kActors[operation.actor].motivation);
      builder.Finish();
      operations.push_back(id);
      scenario_.intrusion_set_ids.push_back(id);
      AddRelationship("attributed-to", id, actors[operation.actor], Member(i), kTlpAmber);
    }

    std::string relays;
    stix::JsonObjectBuilder infrastructure =
        writer_.Begin(NewObject(), "infrastructure", relays, By(Member(0), kTlpAmber));
    infrastructure.String("name", "Courier coordination relays (synthetic)")
        .String("description", "Synthetic servers the trafficking networks use to coordinate couriers.")
        .StringList("infrastructure_types", {"command-and-control"});
    infrastructure.Finish();
    AddRelationship("uses", operations[0], relays, Member(0), kTlpAmber);
    AddRelationship("uses", operations[1], relays, Member(0), kTlpAmber);

    std::vector<std::string> indicators;
    std::vector<std::string> sightings;
    for (size_t i = 0; i < std::size(kObservables); ++i) {
      const Observable& observable = kObservables[i];
      std::string_view reporter = Member(i);
      std::string sco_id;
      std::string& sco = NewObject();
      stix::JsonObjectBuilder builder = writer_.BeginObservable(sco, observable.type);
      if (observable.type == "file") {
        builder.Raw("hashes", R"({"SHA-256":")" + std::string(observable.value) + R"("})")
            .String("name", observable.file_name);
      } else {
        builder.String("value", observable.value);
      }
      writer_.FinishObservable(builder, sco, sco_id);
      if (observable.type == "ipv4-addr" || observable.type == "domain-name") {
        AddRelationship("consists-of", relays, sco_id, reporter, kTlpAmber);
      }

      std::string indicator;
      Authoring authoring = By(reporter, i % 2 == 0 ? kTlpAmber : kTlpGreen);
      stix::JsonObjectBuilder indicator_builder = writer_.Begin(NewObject(), "indicator", indicator, authoring);
      indicator_builder.String("name", "Synthetic indicator: " + std::string(observable.value))
          .String("description", "Synthetic indicator linked to " +
                                     std::string(kOperations[observable.operation].name) +
                                     ", shared for the Kenes demonstration.")
          .StringList("indicator_types", {"malicious-activity"})
          .String("pattern", observable.pattern)
          .String("pattern_type", "stix")
          .String("valid_from", ObjectWriter::TimeText(authoring.created_ms));
      indicator_builder.Finish();
      indicators.push_back(indicator);
      AddRelationship("indicates", indicator, operations[observable.operation], reporter, kTlpAmber);
      AddRelationship("indicates", indicator, actors[kOperations[observable.operation].actor], reporter, kTlpAmber);

      // Another state saw it on its own networks.
      std::string_view witness = Member(i + 1);
      int64_t seen_ms = clock_ms_ - 6LL * 3600 * 1000;
      std::string observed;
      stix::JsonObjectBuilder observed_builder =
          writer_.Begin(NewObject(), "observed-data", observed, By(witness, kTlpAmber));
      observed_builder.String("first_observed", ObjectWriter::TimeText(seen_ms))
          .String("last_observed", ObjectWriter::TimeText(seen_ms + 3600 * 1000))
          .Integer("number_observed", 1 + static_cast<int64_t>(random_.Below(20)))
          .StringList("object_refs", {std::string_view(sco_id)});
      observed_builder.Finish();

      std::string sighting;
      stix::JsonObjectBuilder sighting_builder =
          writer_.Begin(NewObject(), "sighting", sighting, By(witness, kTlpAmber));
      sighting_builder.String("description", "Synthetic sighting at a border checkpoint network.")
          .String("first_seen", ObjectWriter::TimeText(seen_ms))
          .String("last_seen", ObjectWriter::TimeText(seen_ms + 3600 * 1000))
          .Integer("count", 1 + static_cast<int64_t>(random_.Below(5)))
          .String("sighting_of_ref", indicator)
          .StringList("observed_data_refs", {std::string_view(observed)})
          .StringList("where_sighted_refs", {witness});
      sighting_builder.Finish();
      sightings.push_back(sighting);
    }

    std::vector<std::string> report_refs = actors;
    report_refs.insert(report_refs.end(), operations.begin(), operations.end());
    report_refs.insert(report_refs.end(), indicators.begin(), indicators.end());
    report_refs.insert(report_refs.end(), sightings.begin(), sightings.end());
    std::string report =
        AddReport(kTlpAmber, "Synthetic joint assessment: trafficking routes from Afghanistan, spring 2026",
                  "Synthetic joint assessment of opiate, methamphetamine and arms trafficking from Afghanistan through "
                  "Tajikistan, Kyrgyzstan, Uzbekistan and Turkmenistan to Kazakhstan, and of an online extremist "
                  "recruitment network. Produced for the Kenes demonstration.",
                  report_refs);

    AddNote(scenario_.partner_ids[0], "Synthetic EU comment: the Caravan relay domains resemble a Balkan case.",
            {report, actors[0]});
    AddNote(scenario_.partner_ids[4], "Synthetic German comment: precursor chemicals for methamphetamine traced.",
            {report, actors[1]});
    AddNote(scenario_.partner_ids[2], "Synthetic US comment: the recruitment guide hash matches a prior case.",
            {indicators.back()});
  }

  // Reports are Kazakhstan's: it convenes this demo community.
  std::string AddReport(std::string_view marking, std::string_view name, std::string_view description,
                        const std::vector<std::string>& refs) {
    std::string id;
    Authoring authoring = By(Member(0), marking);
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "report", id, authoring);
    builder.String("name", name)
        .String("description", description)
        .StringList("report_types", {"threat-report"})
        .String("published", ObjectWriter::TimeText(authoring.modified_ms))
        .StringList("object_refs", refs);
    builder.Finish();
    return id;
  }

  void AddNote(std::string_view author, std::string_view content, std::initializer_list<std::string_view> refs) {
    std::string id;
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "note", id, By(author, kTlpGreen));
    builder.String("abstract", "Partner comment (synthetic)")
        .String("content", content)
        .StringList("object_refs", refs);
    builder.Finish();
  }

  // Kenes' own extension definitions, so the node stores them and partners learn the types.
  void AddExtensionDefinitions(std::span<const std::string_view> definitions) {
    // One line each: the demo is written as NDJSON.
    simdjson::dom::parser parser;
    for (std::string_view definition : definitions) {
      simdjson::dom::element parsed;
      if (parser.parse(simdjson::padded_string(definition)).get(parsed) == simdjson::SUCCESS) {
        scenario_.objects.push_back(simdjson::minify(parsed));
      }
    }
  }

  // The same courier phone, wallet and person reported by several states, each
  // in its own spelling: what cross-border correlation links and the hunter
  // sights (Kazakhstan's observation of the phone Uzbekistan has an
  // indicator for).
  void AddCrossBorderLeads() {
    AddExtensionDefinitions(observable::ExtensionDefinitionTexts());
    const std::string& kazakhstan = Member(0);
    const std::string& tajikistan = Member(2);
    const std::string& uzbekistan = Member(4);
    AddLeadIndicator(uzbekistan, "courier phone", "[phone-number:value = '+992935550147']");
    AddLeadIndicator(tajikistan, "courier phone", "[phone-number:value = '+992 93 555 01 47']");
    AddLeadIndicator(kazakhstan, "courier wallet",
                     "[cryptocurrency-wallet:value = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4']");
    AddLeadIndicator(uzbekistan, "courier wallet",
                     "[cryptocurrency-wallet:value = 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4']");
    AddPerson(tajikistan, "Рустам Назаров");
    AddPerson(uzbekistan, "Nazarov Rustam");

    std::string phone;
    std::string& phone_text = NewObject();
    stix::JsonObjectBuilder phone_builder = writer_.BeginObservable(phone_text, "phone-number");
    phone_builder.String("value", "+992935550147")
        .Raw("extensions",
             R"({"extension-definition--27692277-b1e4-4708-9108-6c7c921a0e1e":{"extension_type":"new-sco"}})");
    writer_.FinishObservable(phone_builder, phone_text, phone);
    scenario_.courier_phone_id = phone;
    std::string observed;
    int64_t seen_ms = clock_ms_ - 2LL * 3600 * 1000;
    stix::JsonObjectBuilder observed_builder =
        writer_.Begin(NewObject(), "observed-data", observed, By(kazakhstan, kTlpAmber));
    observed_builder.String("first_observed", ObjectWriter::TimeText(seen_ms))
        .String("last_observed", ObjectWriter::TimeText(seen_ms + 20 * kMinuteMs))
        .Integer("number_observed", 3)
        .StringList("object_refs", {std::string_view(phone)});
    observed_builder.Finish();
  }

  void AddLeadIndicator(std::string_view author, std::string_view what, std::string_view pattern) {
    std::string id;
    Authoring authoring = By(author, kTlpGreen);
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "indicator", id, authoring);
    builder.String("name", "Synthetic lead: " + std::string(what))
        .String("description", "Synthetic lead on the trafficking couriers, for the Kenes demonstration.")
        .StringList("indicator_types", {"attribution"})
        .String("pattern", pattern)
        .String("pattern_type", "stix")
        .String("valid_from", ObjectWriter::TimeText(authoring.created_ms));
    builder.Finish();
    scenario_.courier_lead_ids.push_back(id);
  }

  void AddPerson(std::string_view author, std::string_view name) {
    std::string id;
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "identity", id, By(author, kTlpAmber));
    builder.String("name", name)
        .String("description", "Synthetic person: a suspected courier of the trafficking network.")
        .String("identity_class", "individual");
    builder.Finish();
  }

  void AddFlood() {
    std::vector<std::string> regions = AddLocations(PlaceKind::kFloodZone, kTlpClear);
    scenario_.flood_zone_ids = regions;
    std::string incident;
    stix::JsonObjectBuilder builder = writer_.Begin(NewObject(), "incident", incident, By(Member(0), kTlpClear));
    builder.String("name", "Spring flood in western and northern Kazakhstan (synthetic)")
        .String("description",
                "Synthetic exercise scenario: snowmelt floods on the Ural, Ilek and Tobol rivers force evacuations "
                "in the Atyrau, Aktobe and Kostanay regions; Kazakhstan requests mutual assistance.");
    builder.Finish();
    scenario_.flood_incident_id = incident;
    for (const std::string& region : regions) AddRelationship("related-to", incident, region, Member(0), kTlpClear);

    std::vector<std::string> refs = {incident};
    refs.insert(refs.end(), regions.begin(), regions.end());
    std::string report = AddReport(kTlpClear, "Synthetic flood situation report and request for assistance",
                                   "Synthetic situation report: water levels, evacuated settlements and a request "
                                   "for pumps, boats and field kitchens from member states and partners.",
                                   refs);
    AddNote(Member(4), "Synthetic offer: Uzbekistan sends two mobile pumping units to Atyrau.", {incident, report});
    AddNote(Member(1), "Synthetic offer: Kyrgyzstan sends a rescue team with boats to Kostanay.", {incident, report});
    AddNote(scenario_.partner_ids[3], "Synthetic offer: the GCC funds field kitchens in Aktobe.", {incident});
  }

  SeededRandom& random_;
  ObjectWriter& writer_;
  BaseScenario& scenario_;
  int64_t clock_ms_ = kScenarioStartMs;
};

}  // namespace

BaseScenario BuildBaseScenario(SeededRandom& random, ObjectWriter& writer) {
  // Kenes' own observable types need their registered ID contributing properties for their ids.
  (void)observable::RegisterKenesScoTypes();  // constant definitions, checked by tests/observable
  BaseScenario scenario;
  ScenarioBuilder(random, writer, scenario).Build();
  return scenario;
}

}  // namespace kenes::demo
