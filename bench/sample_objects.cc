#include "sample_objects.h"

#include <fmt/format.h>

#include "base/timestamp.h"

namespace kenes::bench {
namespace {

constexpr int64_t kFeedStart = 1'767'225'600;  // 2026-01-01T00:00:00Z
constexpr const char* kTlpGreen = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
constexpr const char* kTlpAmber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
constexpr const char* kFiller =
    "Observed by the national CERT during routine monitoring of government networks; shared under the "
    "regional agreement for situational awareness. Correlates with earlier reporting on the same actor, "
    "infrastructure reused across campaigns against ministries and energy operators in the region.";

}  // namespace

SampleObjects::SampleObjects(uint64_t seed) : state_(seed * 0x9e3779b97f4a7c15ULL + 1) {
  for (int i = 0; i < 16; ++i) authors_.push_back("identity--" + Uuid());
}

uint64_t SampleObjects::Random() {
  // xorshift64*: fast, and plenty for varied test data.
  state_ ^= state_ >> 12;
  state_ ^= state_ << 25;
  state_ ^= state_ >> 27;
  return state_ * 0x2545f4914f6cdd1dULL;
}

std::string SampleObjects::Uuid() {
  const uint64_t high = Random();
  const uint64_t low = Random();
  return fmt::format("{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xffff, high & 0xfff,
                     0x8000 | (low >> 48 & 0x3fff), low & 0xffffffffffffULL);
}

std::string SampleObjects::Time(int64_t offset_seconds) {
  Timestamp time;
  time.seconds = kFeedStart + offset_seconds;
  time.nanoseconds = static_cast<int32_t>(Random() % 1000) * 1'000'000;
  return FormatTimestamp(time, 3);
}

void SampleObjects::Finish(std::string& text) {
  const size_t target = 440 + Random() % 120;
  const size_t room = target > text.size() + 20 ? target - text.size() - 20 : 0;
  text += R"(,"description":")";
  text.append(kFiller, std::min(room, std::char_traits<char>::length(kFiller)));
  text += "\"}";
}

void SampleObjects::Next(std::string& text) {
  ++clock_;
  const std::string& author = authors_[Random() % authors_.size()];
  const char* marking = Random() % 4 == 0 ? kTlpAmber : kTlpGreen;
  const uint64_t kind = Random() % 100;
  text.clear();
  if (kind < 5 && !recent_indicators_.empty()) {
    // A newer version of a recent indicator: same id and created, later modified.
    const std::string& recent = recent_indicators_[Random() % recent_indicators_.size()];
    const size_t bar = recent.find('|');
    text = fmt::format(
        R"({{"type":"indicator","spec_version":"2.1","id":"indicator--{}","created":"{}","modified":"{}",)"
        R"("created_by_ref":"{}","name":"Updated: command and control server","indicator_types":["malicious-activity"],)"
        R"("pattern":"[ipv4-addr:value = '203.0.113.{}']","pattern_type":"stix","valid_from":"{}","confidence":{},)"
        R"("object_marking_refs":["{}"])",
        recent.substr(0, bar), recent.substr(bar + 1), Time(clock_), author, Random() % 256, recent.substr(bar + 1),
        Random() % 100, marking);
  } else if (kind < 35) {
    const std::string uuid = Uuid();
    const std::string created = Time(clock_);
    text = fmt::format(
        R"({{"type":"indicator","spec_version":"2.1","id":"indicator--{}","created":"{}","modified":"{}",)"
        R"("created_by_ref":"{}","name":"Command and control server","indicator_types":["malicious-activity"],)"
        R"("pattern":"[ipv4-addr:value = '198.51.{}.{}']","pattern_type":"stix","valid_from":"{}",)"
        R"("object_marking_refs":["{}"])",
        uuid, created, created, author, Random() % 256, Random() % 256, created, marking);
    if (recent_indicators_.size() < 1000) {
      recent_indicators_.push_back(uuid + "|" + created);
    } else {
      recent_indicators_[Random() % recent_indicators_.size()] = uuid + "|" + created;
    }
  } else if (kind < 50) {
    text = fmt::format(R"({{"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--{}","value":"192.0.{}.{}")",
                       Uuid(), Random() % 256, Random() % 256);
  } else if (kind < 60) {
    text = fmt::format(R"({{"type":"domain-name","spec_version":"2.1","id":"domain-name--{}","value":"c2-{}.example.net")",
                       Uuid(), Random() % 100000);
  } else if (kind < 80) {
    const std::string created = Time(clock_);
    text = fmt::format(
        R"({{"type":"relationship","spec_version":"2.1","id":"relationship--{}","created":"{}","modified":"{}",)"
        R"("created_by_ref":"{}","relationship_type":"indicates","source_ref":"indicator--{}",)"
        R"("target_ref":"malware--{}","object_marking_refs":["{}"])",
        Uuid(), created, created, author, Uuid(), Uuid(), marking);
  } else if (kind < 90) {
    const std::string created = Time(clock_);
    text = fmt::format(
        R"({{"type":"malware","spec_version":"2.1","id":"malware--{}","created":"{}","modified":"{}",)"
        R"("created_by_ref":"{}","name":"Steppe Loader variant {}","malware_types":["backdoor","remote-access-trojan"],)"
        R"("is_family":false,"object_marking_refs":["{}"])",
        Uuid(), created, created, author, Random() % 1000, marking);
  } else if (kind < 97) {
    const std::string created = Time(clock_);
    text = fmt::format(
        R"({{"type":"report","spec_version":"2.1","id":"report--{}","created":"{}","modified":"{}",)"
        R"("created_by_ref":"{}","name":"Weekly situation report","report_types":["threat-report"],"published":"{}",)"
        R"("object_refs":["indicator--{}","malware--{}"],"object_marking_refs":["{}"])",
        Uuid(), created, created, author, created, Uuid(), Uuid(), marking);
  } else {
    const std::string created = Time(clock_);
    text = fmt::format(
        R"({{"type":"identity","spec_version":"2.1","id":"identity--{}","created":"{}","modified":"{}",)"
        R"("name":"Regional CERT {}","identity_class":"organization","sectors":["government-national"])",
        Uuid(), created, created, Random() % 1000);
  }
  Finish(text);
}

}  // namespace kenes::bench
