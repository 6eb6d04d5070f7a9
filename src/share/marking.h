// Marking: the Traffic Light Protocol level an object carries.
//
// Objects name their TLP level in object_marking_refs by the id of a
// marking-definition. Kenes understands the TLP 2.0 ids (the OASIS TLP 2.0
// extension), the TLP 1.0 ids of STIX 2.1 section 7.2.1.4 (WHITE read as
// CLEAR), and the ids other tools use for TLP 2.0 levels: OpenCTI writes the
// TLP 1.0 ids for CLEAR, GREEN, AMBER and RED and its own id for
// AMBER+STRICT (marking-definition--826578e1-40ad-459f-bc73-ede076f81f37).
// Objects always carry the TLP 2.0 ids when Kenes writes them.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kenes::share {

// Ordered from the widest audience to the narrowest.
enum class Tlp { kClear, kGreen, kAmber, kAmberStrict, kRed };
inline constexpr int kTlpLevels = 5;

// "TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED".
std::string_view TlpName(Tlp tlp);
// "clear", "green", "amber", "amber+strict" or "red", with or without "TLP:",
// in any case; "white" is CLEAR. nullopt for anything else.
std::optional<Tlp> ParseTlp(std::string_view name);

// The TLP 2.0 marking-definition id of `tlp`.
std::string_view TlpMarkingId(Tlp tlp);
// The level a marking-definition id stands for, from any of the id sets
// above; nullopt for a marking that is not TLP.
std::optional<Tlp> TlpOfMarking(std::string_view marking_id);
// The narrowest TLP level among `marking_refs`; nullopt when none is TLP.
std::optional<Tlp> StrictestTlp(std::span<const std::string> marking_refs);

}  // namespace kenes::share
