// libFuzzer target: arbitrary bytes through the whole read-and-validate path
// that `kenes import` runs. Any crash, sanitizer report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "stix/reader.h"
#include "stix/validator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kenes::stix::Reader reader;
  kenes::stix::ReadCallbacks callbacks;
  callbacks.object = [](kenes::stix::ReadItem& item) {
    if (!item.status.ok()) return;
    std::vector<kenes::stix::Finding> findings;
    kenes::stix::ValidateObject(item.json, findings);
    for (const kenes::stix::Finding& finding : findings) (void)finding.ToString();
    (void)kenes::stix::ObjectFromJson(item.json, item.text);
  };
  callbacks.bundle = [](simdjson::dom::element bundle, std::string_view) {
    std::vector<kenes::stix::Finding> findings;
    kenes::stix::ValidateBundle(bundle, findings);
  };
  (void)reader.ReadBuffer(std::string_view(reinterpret_cast<const char*>(data), size), callbacks);
  return 0;
}
