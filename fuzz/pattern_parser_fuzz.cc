// libFuzzer target: arbitrary bytes through the pattern parser in both STIX versions. Besides
// crashes, sanitizer reports and hangs, it fails when the parser contradicts itself: a pattern that
// CheckSyntax accepts must parse, and a parsed pattern's canonical text must parse back to the same
// tree and be a fixed point.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pattern/pattern.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

void FuzzVersion(std::string_view text, kenes::pattern::StixVersion version) {
  const kenes::Result<kenes::pattern::Pattern> parsed = kenes::pattern::Parse(text, version);
  const kenes::Status checked = kenes::pattern::CheckSyntax(text, version);
  Check(parsed.ok() || !checked.ok());
  if (!parsed.ok()) return;
  const std::string canonical = kenes::pattern::ToPatternText(*parsed);
  const kenes::Result<kenes::pattern::Pattern> reparsed = kenes::pattern::Parse(canonical, version);
  Check(reparsed.ok());
  Check(kenes::pattern::Describe(*reparsed) == kenes::pattern::Describe(*parsed));
  Check(kenes::pattern::ToPatternText(*reparsed) == canonical);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  FuzzVersion(text, kenes::pattern::StixVersion::k21);
  FuzzVersion(text, kenes::pattern::StixVersion::k20);
  return 0;
}
