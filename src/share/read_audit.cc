#include "share/read_audit.h"

#include <fmt/format.h>

#include "share/marking.h"

namespace kenes::share {

Status AuditSensitiveReads(AuditLog& audit, const Principal& reader, std::span<const store::StoredVersion> versions,
                           std::string_view how) {
  std::string ids;
  size_t count = 0;
  for (const store::StoredVersion& version : versions) {
    std::optional<Tlp> tlp = StrictestTlp(version.object_marking_refs);
    if (!tlp || *tlp < Tlp::kAmber) continue;
    if (count++ > 0) ids += ' ';
    ids += version.id;
  }
  if (count == 0) return Status::Ok();
  AuditEvent event;
  event.actor = reader;
  event.action = "object.read";
  event.target = count == 1 ? ids : fmt::format("{} objects", count);
  event.detail = fmt::format("{} at TLP:AMBER or TLP:RED: {}", how, ids);
  return audit.Record(event);
}

}  // namespace kenes::share
