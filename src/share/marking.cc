#include "share/marking.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kenes::share {
namespace {

struct TlpMarking {
  std::string_view id;
  Tlp tlp;
};

// TLP 2.0 first: TlpMarkingId takes the first id of each level.
constexpr std::array<TlpMarking, 10> kTlpMarkings = {{
    {"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", Tlp::kClear},
    {"marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", Tlp::kGreen},
    {"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", Tlp::kAmber},
    {"marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", Tlp::kAmberStrict},
    {"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", Tlp::kRed},
    // TLP 1.0 (STIX 2.1 section 7.2.1.4); OpenCTI uses these for TLP 2.0 too.
    {"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", Tlp::kClear},  // WHITE
    {"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", Tlp::kGreen},
    {"marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", Tlp::kAmber},
    {"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", Tlp::kRed},
    // OpenCTI's AMBER+STRICT, which TLP 1.0 lacks.
    {"marking-definition--826578e1-40ad-459f-bc73-ede076f81f37", Tlp::kAmberStrict},
}};

constexpr std::array<std::string_view, kTlpLevels> kNames = {"TLP:CLEAR", "TLP:GREEN", "TLP:AMBER",
                                                             "TLP:AMBER+STRICT", "TLP:RED"};

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::string_view TlpName(Tlp tlp) { return kNames[static_cast<size_t>(tlp)]; }

std::optional<Tlp> ParseTlp(std::string_view name) {
  if (name.size() > 4 && EqualsIgnoringCase(name.substr(0, 4), "TLP:")) name.remove_prefix(4);
  if (EqualsIgnoringCase(name, "white")) return Tlp::kClear;
  for (size_t level = 0; level < kNames.size(); ++level) {
    if (EqualsIgnoringCase(name, kNames[level].substr(4))) return static_cast<Tlp>(level);
  }
  return std::nullopt;
}

std::string_view TlpMarkingId(Tlp tlp) { return kTlpMarkings[static_cast<size_t>(tlp)].id; }

std::optional<Tlp> TlpOfMarking(std::string_view marking_id) {
  for (const TlpMarking& marking : kTlpMarkings) {
    if (marking.id == marking_id) return marking.tlp;
  }
  return std::nullopt;
}

std::optional<Tlp> StrictestTlp(std::span<const std::string> marking_refs) {
  std::optional<Tlp> strictest;
  for (const std::string& ref : marking_refs) {
    std::optional<Tlp> tlp = TlpOfMarking(ref);
    if (tlp && (!strictest || *tlp > *strictest)) strictest = tlp;
  }
  return strictest;
}

}  // namespace kenes::share
