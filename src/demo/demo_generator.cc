#include "demo/demo_generator.h"

#include <cstdio>

#include "demo/assistance_scenario.h"
#include "demo/incident_scenario.h"

namespace kenes::demo {
namespace {

constexpr std::string_view kMarkings[] = {kTlpClear, kTlpGreen,       kTlpGreen, kTlpAmber,
                                          kTlpAmber, kTlpAmberStrict, kTlpRed};
constexpr std::string_view kWords[] = {"caravan", "saltline", "ferry",   "minbar", "steppe", "pamir",
                                       "oasis",   "bazaar",   "courier", "ledger", "relay",  "quartz"};
constexpr std::string_view kTopLevelDomains[] = {"example", "test", "invalid"};
constexpr std::string_view kFileExtensions[] = {"xlsx", "pdf", "docx", "apk", "zip"};
constexpr std::string_view kContexts[] = {
    "seen in courier messaging traffic at a border checkpoint",
    "found on a seized phone during a rail freight inspection",
    "reported by a partner liaison desk after a joint operation",
    "observed in recruitment chats targeting labour migrants",
    "linked to payments for river cargo on the Amu Darya",
};
constexpr std::string_view kAssessments[] = {
    "Analysts assess with moderate confidence that the network reuses this infrastructure.",
    "The border service recommends secondary inspection of matching consignments.",
    "Partner desks confirmed the link in an earlier synthetic case.",
    "Further collection is requested before any operational action.",
};

// An episode is eight objects, each pointing only at earlier ones.
enum class Step { kAddress, kObservable, kIndicator, kRelationship, kObservedData, kSighting, kNote, kReport, kCount };

}  // namespace

DemoGenerator::DemoGenerator(DemoOptions options)
    : options_(options), random_(options.seed), writer_(random_), base_(BuildBaseScenario(random_, writer_)) {
  AddIncidentScenario(options.seed, base_);
  AddAssistanceScenario(options.seed, base_);
  clock_ms_ = base_.last_time_ms;
}

bool DemoGenerator::Next(std::string& json_out) {
  if (emitted_ < base_.objects.size()) {
    json_out = base_.objects[emitted_++];
    return true;
  }
  if (emitted_ >= options_.object_count) return false;
  NextScaled(json_out);
  ++emitted_;
  return true;
}

void DemoGenerator::NextScaled(std::string& out) {
  size_t step = (emitted_ - base_.objects.size()) % static_cast<size_t>(Step::kCount);
  switch (static_cast<Step>(step)) {
    case Step::kAddress: return WriteAddress(out);
    case Step::kObservable: return WriteObservable(out);
    case Step::kIndicator: return WriteIndicator(out);
    case Step::kRelationship: return WriteRelationship(out);
    case Step::kObservedData: return WriteObservedData(out);
    case Step::kSighting: return WriteSighting(out);
    case Step::kNote: return WriteNote(out);
    case Step::kReport:
    case Step::kCount: return WriteReport(out);
  }
}

Authoring DemoGenerator::By(std::string_view author, std::string_view marking) {
  clock_ms_ += 1000 + static_cast<int64_t>(random_.Below(20'000));
  int64_t modified = clock_ms_;
  if (random_.Below(4) == 0) modified += static_cast<int64_t>(random_.Below(48LL * 3600 * 1000));
  return {author, marking, clock_ms_, modified};
}

std::string_view DemoGenerator::AnyMember() { return random_.Pick(base_.member_ids); }

std::string_view DemoGenerator::AnyAuthor() {
  // Members write most of the intelligence; partners add a share.
  if (random_.Below(5) == 0) return random_.Pick(base_.partner_ids);
  return AnyMember();
}

void DemoGenerator::WriteAddress(std::string& out) {
  uint64_t serial = address_serial_++;
  // The documentation ranges hold 508 distinct IPv4 addresses; IPv6's
  // documentation prefix takes over so that every address stays unique.
  std::string value;
  std::string_view type = "ipv4-addr";
  if (serial < 508) {
    value = (serial < 254 ? "198.51.100." : "203.0.113.") + std::to_string(serial % 254 + 1);
  } else {
    type = "ipv6-addr";
    // Hexadecimal groups: each holds 16 bits, so a decimal rendering would overflow past 9999.
    char text[48];
    std::snprintf(text, sizeof text, "2001:db8:%x:%x::1", static_cast<unsigned>(serial >> 16),
                  static_cast<unsigned>(serial & 0xffff));
    value = text;
  }
  stix::JsonObjectBuilder builder = writer_.BeginObservable(out, type);
  builder.String("value", value);
  writer_.FinishObservable(builder, out, address_id_);
}

void DemoGenerator::WriteObservable(std::string& out) {
  std::string_view word = random_.Pick(kWords);
  std::string serial = std::to_string(observable_serial_++);
  std::string value;
  std::string_view type;
  std::string_view property = "value";
  switch (random_.Below(4)) {
    case 0:
      type = "domain-name";
      value = std::string(word) + "-" + serial + "." + std::string(random_.Pick(kTopLevelDomains));
      break;
    case 1:
      type = "url";
      value = "https://" + std::string(word) + "-" + serial + ".example/drop/" + std::to_string(random_.Below(1000));
      break;
    case 2:
      type = "email-addr";
      value = std::string(word) + "." + serial + "@" + std::string(random_.Pick(kWords)) + "-mail.test";
      break;
    default:
      type = "file";
      property = "hashes.'SHA-256'";
      random_.AppendHex(value, 64);
      break;
  }

  stix::JsonObjectBuilder builder = writer_.BeginObservable(out, type);
  if (type == "file") {
    observable_label_ = std::string(word) + "-" + serial + "." + std::string(random_.Pick(kFileExtensions));
    builder.Raw("hashes", R"({"SHA-256":")" + value + R"("})").String("name", observable_label_);
  } else {
    observable_label_ = value;
    builder.String("value", value);
  }
  writer_.FinishObservable(builder, out, observable_id_);
  pattern_ = "[" + std::string(type) + ":" + std::string(property) + " = '" + value + "']";
  target_id_ = random_.Below(2) == 0 ? random_.Pick(base_.threat_actor_ids) : random_.Pick(base_.intrusion_set_ids);
}

void DemoGenerator::WriteIndicator(std::string& out) {
  Authoring authoring = By(AnyAuthor(), random_.Pick(kMarkings));
  stix::JsonObjectBuilder builder = writer_.Begin(out, "indicator", indicator_id_, authoring);
  builder.String("name", "Synthetic indicator: " + observable_label_)
      .String("description", "Synthetic observable " + std::string(random_.Pick(kContexts)) + ". " +
                                 std::string(random_.Pick(kAssessments)))
      .StringList("indicator_types", {"malicious-activity"})
      .String("pattern", pattern_)
      .String("pattern_type", "stix")
      .String("valid_from", ObjectWriter::TimeText(authoring.created_ms))
      .Integer("confidence", 30 + static_cast<int64_t>(random_.Below(70)));
  builder.Finish();
}

void DemoGenerator::WriteRelationship(std::string& out) {
  std::string id;
  stix::JsonObjectBuilder builder = writer_.Begin(out, "relationship", id, By(AnyAuthor(), random_.Pick(kMarkings)));
  builder.String("relationship_type", "indicates").String("source_ref", indicator_id_).String("target_ref", target_id_);
  builder.Finish();
}

void DemoGenerator::WriteObservedData(std::string& out) {
  Authoring authoring = By(AnyMember(), random_.Pick(kMarkings));
  int64_t first = authoring.created_ms - static_cast<int64_t>(random_.Below(24LL * 3600 * 1000));
  stix::JsonObjectBuilder builder = writer_.Begin(out, "observed-data", observed_data_id_, authoring);
  builder.String("first_observed", ObjectWriter::TimeText(first))
      .String("last_observed", ObjectWriter::TimeText(authoring.created_ms))
      .Integer("number_observed", 1 + static_cast<int64_t>(random_.Below(50)))
      .StringList("object_refs", {std::string_view(address_id_), std::string_view(observable_id_)});
  builder.Finish();
}

void DemoGenerator::WriteSighting(std::string& out) {
  std::string_view witness = AnyMember();
  Authoring authoring = By(witness, random_.Pick(kMarkings));
  int64_t first = authoring.created_ms - static_cast<int64_t>(random_.Below(24LL * 3600 * 1000));
  stix::JsonObjectBuilder builder = writer_.Begin(out, "sighting", sighting_id_, authoring);
  builder.String("description", "Synthetic sighting: " + std::string(random_.Pick(kContexts)) + ".")
      .String("first_seen", ObjectWriter::TimeText(first))
      .String("last_seen", ObjectWriter::TimeText(authoring.created_ms))
      .Integer("count", 1 + static_cast<int64_t>(random_.Below(10)))
      .String("sighting_of_ref", indicator_id_)
      .StringList("observed_data_refs", {std::string_view(observed_data_id_)})
      .StringList("where_sighted_refs", {witness});
  builder.Finish();
}

void DemoGenerator::WriteNote(std::string& out) {
  std::string id;
  stix::JsonObjectBuilder builder = writer_.Begin(out, "note", id, By(AnyAuthor(), random_.Pick(kMarkings)));
  builder.String("abstract", "Analyst comment (synthetic)")
      .String("content", "Synthetic comment on " + observable_label_ + ": " + std::string(random_.Pick(kAssessments)))
      .StringList("object_refs", {std::string_view(indicator_id_), std::string_view(sighting_id_)});
  builder.Finish();
}

void DemoGenerator::WriteReport(std::string& out) {
  std::string id;
  Authoring authoring = By(AnyMember(), random_.Pick(kMarkings));
  stix::JsonObjectBuilder builder = writer_.Begin(out, "report", id, authoring);
  builder.String("name", "Synthetic case file: " + observable_label_)
      .String("description", "Synthetic case file on an observable " + std::string(random_.Pick(kContexts)) + ".")
      .StringList("report_types", {"threat-report"})
      .String("published", ObjectWriter::TimeText(authoring.modified_ms))
      .StringList("object_refs",
                  {std::string_view(observable_id_), std::string_view(indicator_id_),
                   std::string_view(observed_data_id_), std::string_view(sighting_id_), std::string_view(target_id_)});
  builder.Finish();
}

}  // namespace kenes::demo
