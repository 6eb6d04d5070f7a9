// ReadAudit: reads of TLP:AMBER and TLP:RED objects are recorded in the
// audit log before the data leaves the node — by every front end (CLI,
// TAXII, REST). If the entry cannot be written, the caller shows nothing.
//
// Thread-safety: as AuditLog.
#pragma once

#include <span>
#include <string_view>

#include "base/status.h"
#include "share/audit_log.h"
#include "share/principal.h"
#include "store/store.h"

namespace kenes::share {

// Records one "object.read" entry naming the AMBER and RED versions among
// `versions` that `reader` is about to receive `how` ("get", "export",
// "taxii objects"...). Writes nothing when there are none.
Status AuditSensitiveReads(AuditLog& audit, const Principal& reader, std::span<const store::StoredVersion> versions,
                           std::string_view how);

}  // namespace kenes::share
